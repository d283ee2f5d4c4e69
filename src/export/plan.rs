//! Steps 3 to 5: what the partnership will do and measure, who does what,
//! and how it will tell people.

use crate::domain::{Activity, MeasureKind, Session};

use super::blocks::{section, short_date};
use super::escape;
use super::table::table;

/// One subsection per activity: what it is, who leads it, its measures.
pub fn activities(session: &Session) -> Vec<String> {
    session.activities.iter().flat_map(activity).collect()
}

fn activity(a: &Activity) -> Vec<String> {
    let mut body = escape::paragraphs(&a.description);
    let lead = escape::line(&a.lead);
    if !lead.is_empty() {
        body.push(format!("**Lead:** {lead}"));
    }
    let rows: Vec<Vec<String>> = a
        .measures
        .iter()
        .map(|m| {
            vec![
                m.indicator.to_string(),
                kind_short(m.kind).to_string(),
                m.baseline.to_string(),
                m.target.to_string(),
                m.source.to_string(),
                m.owner.to_string(),
                short_date(m.review_date),
            ]
        })
        .collect();
    let headers = [
        "Indicator",
        "Type",
        "Baseline",
        "Target",
        "Source",
        "Owner",
        "Review",
    ];
    body.extend(table(&headers, &rows));
    if body.is_empty() {
        // The room named it, so the minutes keep it, and say what is missing.
        body.push("No description, lead or measures were recorded for this activity yet.".to_string());
    }
    let title = if a.title.trim().is_empty() {
        "Untitled activity"
    } else {
        a.title.as_str()
    };
    section(3, title, body)
}

/// The results-based question a measure answers, short enough for a column.
fn kind_short(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::HowMuch => "How much",
        MeasureKind::HowWell => "How well",
        MeasureKind::BetterOff => "Better off",
    }
}

/// Workstreams, the secretariat, how decisions are made, and commitments.
pub fn roles(session: &Session) -> Vec<String> {
    let r = &session.roles;
    let workstreams: Vec<Vec<String>> = r
        .workstreams
        .iter()
        .map(|w| {
            vec![
                w.name.clone(),
                w.lead.clone(),
                w.lead_organisation.clone(),
                w.remit.clone(),
            ]
        })
        .collect();
    let commitments: Vec<Vec<String>> = r
        .commitments
        .iter()
        .map(|c| {
            vec![
                c.organisation.clone(),
                c.kind.label().to_string(),
                c.detail.clone(),
            ]
        })
        .collect();
    let mut out = section(
        3,
        "Workstreams",
        table(&["Workstream", "Lead", "Organisation", "Remit"], &workstreams),
    );
    out.extend(section(3, "Secretariat", escape::paragraphs(&r.secretariat)));
    out.extend(section(
        3,
        "How decisions are made",
        escape::paragraphs(&r.decision_making),
    ));
    out.extend(section(
        3,
        "Commitments",
        table(&["Organisation", "Commitment", "Detail"], &commitments),
    ));
    out
}

/// The awareness plan as one table: the step heading says what it is.
pub fn awareness(session: &Session) -> Vec<String> {
    let rows: Vec<Vec<String>> = session
        .awareness
        .iter()
        .map(|a| {
            vec![
                a.audience.clone(),
                a.message.clone(),
                a.channel.clone(),
                a.owner.clone(),
                short_date(a.date),
            ]
        })
        .collect();
    table(&["Audience", "Message", "Channel", "Owner", "Date"], &rows)
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Measure;

    #[test]
    fn an_activity_with_only_a_title_is_kept_and_explained() {
        let a = Activity {
            title: "Peer support".into(),
            ..Default::default()
        };
        let out = activity(&a);
        assert_eq!(out[0], "### Peer support");
        assert!(out[1].starts_with("No description"));
    }

    #[test]
    fn measures_become_a_table_with_short_types() {
        let a = Activity {
            title: "Drop-in".into(),
            lead: "Ann".into(),
            measures: vec![Measure {
                indicator: "Visits".into(),
                kind: MeasureKind::BetterOff,
                ..Default::default()
            }],
            ..Default::default()
        };
        let out = activity(&a).join("\n\n");
        assert!(out.contains("**Lead:** Ann"));
        assert!(out.contains("| Visits    | Better off | —"), "{out}");
    }
}
