//! The minutes' "Partnership health check": how the organisations scored
//! the partnership on the four principles, as a spread (mean and range) and,
//! when the check was taken with names, each organisation's own scores.
//! Public minutes come from a copy with no names beside the scores (see
//! `domain::for_audience`), so they show the spread only.

use crate::domain::{HealthCheck, Principle, Session};

use super::blocks::{plural, section};
use super::escape;
use super::table::table;

/// The section, or nothing when no health check was taken.
pub fn section_for(session: &Session) -> Vec<String> {
    let check = &session.health;
    if check.is_empty() {
        return Vec::new();
    }
    let mut body = Vec::new();
    let n = u32::try_from(check.scores.len()).unwrap_or(u32::MAX);
    let how = if check.is_named() {
        format!(
            "Each organisation scored the partnership from 1 (poor) to 5 (strong) on the four principles; {} took part.",
            plural(n, "organisation", "organisations")
        )
    } else if !check.anonymous {
        format!(
            "Each organisation scored the partnership from 1 (poor) to 5 (strong) on the four principles; {} took part. Scores are published without names.",
            plural(n, "organisation", "organisations")
        )
    } else {
        format!(
            "Scored from 1 (poor) to 5 (strong) on the four principles, without names; {} handed in.",
            plural(n, "slip was", "slips were")
        )
    };
    if n > 0 {
        body.push(escape::line(&how));
    }
    body.extend(spread_table(check));
    if check.is_named() {
        body.extend(by_organisation(check));
    }
    body.extend(escape::paragraphs(&check.note));
    section(2, "Partnership health check", body)
}

/// Principle | Mean | Range | Scored by.
fn spread_table(check: &HealthCheck) -> Option<String> {
    let rows: Vec<Vec<String>> = Principle::ALL
        .iter()
        .filter_map(|&p| {
            let s = check.spread(p)?;
            Some(vec![
                p.label().to_string(),
                s.mean_words(),
                s.range_words(),
                s.count.to_string(),
            ])
        })
        .collect();
    table(&["Principle", "Mean", "Range", "Scored by"], &rows)
}

/// Organisation | one column per principle; "–" where one was left blank.
fn by_organisation(check: &HealthCheck) -> Option<String> {
    let rows: Vec<Vec<String>> = check
        .scores
        .iter()
        .map(|s| {
            let org = match s.organisation.trim() {
                "" => "(not named)".to_string(),
                o => o.to_string(),
            };
            let mut row = vec![org];
            row.extend(
                Principle::ALL
                    .iter()
                    .map(|&p| s.get(p).map_or("–".to_string(), |v| v.to_string())),
            );
            row
        })
        .collect();
    let mut headers = vec!["Organisation"];
    headers.extend(Principle::ALL.iter().map(|p| p.label()));
    table(&headers, &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Audience, HealthScore, for_audience};

    fn named() -> Session {
        let mut s = Session::for_tests("Check-in", "Level Ground", "2026-12-16");
        let row = |org: &str, e: u8, t: Option<u8>| HealthScore {
            organisation: org.into(),
            equity: Some(e),
            transparency: Some(4),
            mutual_benefit: Some(3),
            trust: t,
            ..Default::default()
        };
        s.health.scores = vec![row("Aid Trust", 4, Some(4)), row("Small Voices", 2, None)];
        s.health.note = "Equity is felt differently by the smaller members.".into();
        s
    }

    #[test]
    fn named_checks_show_the_spread_and_each_organisation() {
        assert_eq!(
            section_for(&named()).join("\n\n"),
            "## Partnership health check\n\n\
             Each organisation scored the partnership from 1 (poor) to 5 (strong) on the four principles; 2 organisations took part.\n\n\
             | Principle      | Mean | Range | Scored by |\n\
             | -------------- | ---- | ----- | --------- |\n\
             | Equity         | 3.0  | 2–4   | 2         |\n\
             | Transparency   | 4.0  | 4     | 2         |\n\
             | Mutual benefit | 3.0  | 3     | 2         |\n\
             | Trust          | 4.0  | 4     | 1         |\n\n\
             | Organisation | Equity | Transparency | Mutual benefit | Trust |\n\
             | ------------ | ------ | ------------ | -------------- | ----- |\n\
             | Aid Trust    | 4      | 4            | 3              | 4     |\n\
             | Small Voices | 2      | 4            | 3              | –     |\n\n\
             Equity is felt differently by the smaller members."
        );
    }

    #[test]
    fn public_minutes_show_no_organisation_beside_a_score() {
        let public = section_for(&for_audience(&named(), Audience::Public)).join("\n\n");
        assert!(
            !public.contains("Aid Trust") && !public.contains("Small Voices"),
            "{public}"
        );
        assert!(
            public.contains("2 organisations took part. Scores are published without names."),
            "{public}"
        );
        assert!(
            !public.contains("smaller members"),
            "the note says who scored what: {public}"
        );
        assert!(public.contains("| Equity         | 3.0  | 2–4"), "{public}");
        let trustees = section_for(&for_audience(&named(), Audience::Trustees)).join("\n\n");
        assert!(trustees.contains("| Small Voices |"), "{trustees}");
    }

    #[test]
    fn no_check_no_section() {
        assert!(section_for(&Session::for_tests("T", "P", "2026-01-01")).is_empty());
    }
}
