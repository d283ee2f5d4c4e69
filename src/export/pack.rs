//! The trustee pack: one Markdown document about a partnership over a
//! period: its sessions, every decision, where the actions stand and how the
//! measures moved. Deterministic: "today" is passed in, and decides only
//! which actions are overdue and which sessions are still to come.

use chrono::NaiveDate;

use crate::domain::{ActionStatus, Attendance, Audience, History, Series, Session, SessionStatus};

use super::blocks::{bullets, heading, numbered, prose_date, quote, section, short_date};
use super::escape;
use super::progress::{indicator, measures_table};
use super::records::{decision, status_on};
use super::table::table;

/// Like the minutes' footer, with no date, so the same archive always gives
/// the same report.
const FOOTER: &str = "*Report prepared with Roundtable.*";

/// The sessions of a series to include: those dated within `from..=to`
/// (either end open).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// The pack for `series` over `period`, or `None` when no session of the
/// series falls in it.
pub fn trustee_pack(history: &History, series: &Series, period: Period, today: NaiveDate) -> Option<String> {
    trustee_pack_for(history, series, period, today, Audience::Trustees)
}

/// The pack as `audience` may read it: written from copies of the sessions
/// with what they may not see taken out (see `domain::for_audience`).
pub fn trustee_pack_for(
    history: &History,
    series: &Series,
    period: Period,
    today: NaiveDate,
    audience: Audience,
) -> Option<String> {
    let copies = super::audience::sessions_for(history.sessions(), audience);
    // Same sessions in the same order, so `series` indexes the copies too.
    let history = &History::new(&copies);
    let sessions: Vec<&Session> = series
        .sessions
        .iter()
        .filter_map(|&i| history.session(i))
        .filter(|s| period.contains(s.date))
        .collect();
    let (first, last) = (sessions.first()?.date, sessions.last()?.date);
    // Status is as it stood at the end of the period, or today if sooner.
    let as_of = today.min(last);
    let within = History::from_refs(sessions.clone());
    let name = if series.name.trim().is_empty() {
        "Partnership"
    } else {
        series.name.as_str()
    };
    let mut blocks = vec![heading(1, &format!("{name}: report to trustees"))];
    let period_text = match (period.from.unwrap_or(first), period.to.unwrap_or(last)) {
        (a, b) if a == b => prose_date(a),
        (a, b) => format!("{} to {}", prose_date(a), prose_date(b)),
    };
    let facts = [
        format!("**Period:** {}", escape::line(&period_text)),
        format!("**Sessions:** {}", sessions.len()),
        format!("**Audience:** {}", audience.minutes_note()),
    ];
    blocks.extend(bullets(&facts));
    let upto: Vec<&Session> = series
        .sessions
        .iter()
        .filter_map(|&i| history.session(i))
        .filter(|s| s.date <= as_of)
        .collect();
    blocks.extend(purpose(&upto));
    blocks.extend(section(2, "Sessions", sessions_table(&sessions, today)));
    blocks.extend(section(2, "Decisions", decisions(&sessions)));
    if let Some(series) = within.series().first() {
        blocks.extend(super::follow::for_pack(&within, series, as_of));
        blocks.extend(super::follow::reviewed_for_pack(&within, series, as_of));
    }
    blocks.extend(section(2, "Actions", actions(&within, as_of)));
    let measures = within
        .series()
        .first()
        .map(|s| within.measures(s))
        .unwrap_or_default();
    let mut measure_blocks: Vec<String> = measures_table(&measures).into_iter().collect();
    if !measure_blocks.is_empty() {
        measure_blocks.insert(
            0,
            "Baselines and targets as last defined; readings within the period.".into(),
        );
        let words: Vec<String> = measures
            .iter()
            .filter(|m| m.on_track() == crate::domain::OnTrack::Unknown && !m.readings.is_empty())
            .map(indicator)
            .collect();
        if !words.is_empty() {
            measure_blocks.push(escape::line(&format!(
                "\"Unknown\" means a baseline, target or reading is written in words, so progress cannot be worked out: {}.",
                words.join("; ")
            )));
        }
    }
    blocks.extend(section(2, "Measures", measure_blocks));
    let upto = History::from_refs(upto);
    blocks.extend(super::engagement::for_pack(&within, &upto, as_of));
    blocks.push(FOOTER.to_string());
    let mut out = blocks.join("\n\n");
    out.push('\n');
    Some(out)
}

/// What the partnership is for, as it stood when the report's statuses are
/// taken (the end of the period, or today if sooner): the
/// latest final vision wording and the latest agreed goals, each from any
/// session up to then (a vision agreed before the period is still current),
/// with the session that recorded it.
fn purpose(sessions: &[&Session]) -> Vec<String> {
    let source = |s: &Session| {
        escape::line(&format!(
            "As recorded at \"{}\" on {}.",
            s.title.trim(),
            prose_date(s.date)
        ))
    };
    let mut out = Vec::new();
    let vision = sessions
        .iter()
        .rev()
        .find(|s| !s.vision.final_wording.trim().is_empty());
    if let Some(s) = vision {
        let mut body: Vec<String> = quote(&escape::paragraphs(&s.vision.final_wording))
            .into_iter()
            .collect();
        body.push(source(s));
        out.extend(section(2, "Vision", body));
    }
    let goals = sessions
        .iter()
        .rev()
        .find(|s| s.goals.iter().any(|g| g.agreed && !g.text.trim().is_empty()));
    if let Some(s) = goals {
        let items: Vec<String> = s
            .goals
            .iter()
            .filter(|g| g.agreed && !g.text.trim().is_empty())
            .map(|g| escape::list_item(&g.text))
            .collect();
        let mut body: Vec<String> = numbered(&items).into_iter().collect();
        body.push(source(s));
        out.extend(section(2, "Agreed goals", body));
    }
    out
}

/// Date | Session | Status | Minutes | Present | Apologies | Decisions. A
/// session still to come shows as planned, with no attendance yet; Minutes
/// says which were approved (and when), circulated or still a draft.
fn sessions_table(sessions: &[&Session], today: NaiveDate) -> Option<String> {
    let rows: Vec<Vec<String>> = sessions
        .iter()
        .map(|s| {
            let planned = s.date > today && s.status != SessionStatus::Final;
            let count = |a| match planned {
                true => String::new(),
                false => s
                    .participants
                    .iter()
                    .filter(|p| p.attendance == a)
                    .count()
                    .to_string(),
            };
            vec![
                short_date(Some(s.date)),
                s.title.clone(),
                if planned { "Planned" } else { s.status.label() }.to_string(),
                if planned {
                    String::new()
                } else {
                    super::signoff::cell(&s.minutes)
                },
                count(Attendance::Present),
                count(Attendance::Apologies),
                s.decisions.len().to_string(),
            ]
        })
        .collect();
    table(
        &[
            "Date",
            "Session",
            "Status",
            "Minutes",
            "Present",
            "Apologies",
            "Decisions",
        ],
        &rows,
    )
}

/// Each session's decisions under its date and title.
fn decisions(sessions: &[&Session]) -> Vec<String> {
    sessions
        .iter()
        .flat_map(|s| {
            let items: Vec<String> = s
                .decisions
                .iter()
                .filter(|d| !d.text.trim().is_empty() || !d.dissent.trim().is_empty())
                .map(decision)
                .collect();
            let title = format!("{}: {}", prose_date(s.date), s.title.trim());
            section(3, &title, numbered(&items))
        })
        .collect()
}

/// Every action in its latest state within the period, soonest due first,
/// with a count by status and how many were overdue on `as_of`.
fn actions(history: &History, as_of: NaiveDate) -> Vec<String> {
    let records = history.actions_matching(&Default::default(), as_of);
    if records.is_empty() {
        return Vec::new();
    }
    // Flags are judged at the last meeting held by `as_of`: a planned one
    // has carried nothing yet and nobody is absent from it.
    let held = |i: usize| history.session(i).is_some_and(|s| s.date <= as_of);
    let last_held = history
        .series()
        .first()
        .and_then(|s| s.sessions.iter().rev().copied().find(|&i| held(i)));
    let count = |s: ActionStatus| records.iter().filter(|r| r.action.status == s).count();
    let overdue = records.iter().filter(|r| r.is_overdue(as_of)).count();
    let summary = format!(
        "{} actions: {} done, {} in progress, {} open, {} dropped. {} still open after their due date on {}.",
        records.len(),
        count(ActionStatus::Done),
        count(ActionStatus::InProgress),
        count(ActionStatus::Open),
        count(ActionStatus::Dropped),
        overdue,
        prose_date(as_of),
    );
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            let agreed = history.session(r.first_session).map(|s| short_date(Some(s.date)));
            let at = if held(r.session) {
                Some(r.session)
            } else {
                last_held
            };
            let flags = at.map(|at| history.flags(r.action, at)).unwrap_or_default();
            let status = super::follow::status_with_flags(status_on(r.action, as_of), &flags);
            vec![
                r.action.text.to_string(),
                r.action.owner.to_string(),
                short_date(r.action.due),
                status,
                agreed.unwrap_or_default(),
            ]
        })
        .collect();
    let mut out = vec![escape::line(&summary)];
    out.extend(table(
        &["Action", "Owner", "Due", "Status", "First recorded"],
        &rows,
    ));
    out
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::domain::{ActionItem, Decision};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_pack_covers_only_the_period() {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        let mut july = Session::new("Launch", "Level *Ground*", day(7, 8), now);
        july.vision.final_wording = "Nobody harmed by gambling.".into();
        july.goals.push(crate::domain::Goal {
            text: "Screen every client".into(),
            agreed: true,
            ..Default::default()
        });
        july.decisions.push(Decision {
            text: "Start".into(),
            review_date: Some(day(9, 1)),
            ..Default::default()
        });
        july.minutes
            .apply(crate::domain::SignOffMove::Circulate(
                crate::domain::Circulation {
                    to: "all partners".into(),
                    on: day(7, 20),
                },
            ))
            .unwrap();
        july.actions.push(ActionItem {
            id: "a-1".into(),
            text: "Book rooms".into(),
            due: Some(day(8, 1)),
            ..Default::default()
        });
        let sept = july.follow_up("September", day(9, 16), now);
        let nov = sept.follow_up("November", day(11, 11), now);
        july.approve_minutes_at(&sept, crate::domain::ApprovedBy::Consent)
            .unwrap();
        let sessions = vec![july, sept, nov];
        let h = History::new(&sessions);
        let period = Period {
            from: Some(day(7, 1)),
            to: Some(day(9, 30)),
        };
        let pack = trustee_pack(&h, &h.series()[0], period, day(11, 24)).unwrap();
        assert!(
            pack.starts_with(
                "# Level \\*Ground\\*: report to trustees\n\n- **Period:** 1 July 2026 to 30 September 2026\n\
                 - **Sessions:** 2\n\
                 - **Audience:** Trustees: the full record, confidential to the board\n\n## Vision\n\n> Nobody harmed by gambling.\n\n\
                 As recorded at \"September\" on 16 September 2026.\n\n## Agreed goals\n\n\
                 1. Screen every client\n\nAs recorded at \"September\" on 16 September 2026.\n\n## Sessions"
            ),
            "{pack}"
        );
        assert!(
            pack.contains("### 8 July 2026: Launch\n\n1. Start\n   - Agreed by consensus."),
            "{pack}"
        );
        assert!(
            pack.contains(
                "| Book rooms | —     | 1 Aug 2026 | Open (overdue); carried once; no owner | 8 Jul 2026     |"
            ),
            "{pack}"
        );
        assert!(
            pack.contains("| 8 Jul 2026  | Launch    | Draft  | Approved 16 Sep 2026 |"),
            "the pack says which minutes are approved: {pack}"
        );
        assert!(
            pack.contains("| 16 Sep 2026 | September | Draft  | Draft                |"),
            "{pack}"
        );
        assert!(
            pack.contains(
                "## Decisions due for review\n\n1. Start\n   - Taken on 8 July 2026 at \"Launch\"; review due 1 September 2026."
            ),
            "{pack}"
        );
        assert!(!pack.contains("November"));
        let none = Period {
            from: Some(day(12, 1)),
            to: None,
        };
        assert_eq!(trustee_pack(&h, &h.series()[0], none, day(11, 24)), None);
    }
}
