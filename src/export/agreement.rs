//! The partnering agreement, drafted from what the partnership has already
//! agreed in its sessions: the latest agreed vision, goals, workstreams and
//! leads, commitments, secretariat, how decisions are made and when the
//! agreement is reviewed. Every part the record does not hold is marked
//! "To be agreed", never filled in with a guess, so the draft can go to the
//! partners and trustees as it is and show what is still open.
//!
//! Drafted from what partners may read: the agreement is shared with every
//! partner, so nothing kept for trustees finds its way into it.

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::{Audience, ConsentLevel, Session, Step, for_audience};

use super::blocks::{bullets, heading, numbered, prose_date, quote};
use super::escape;
use super::table::table;

/// What a part says when the record does not hold it.
pub const TO_BE_AGREED: &str = "To be agreed.";

/// One numbered part of the agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub title: &'static str,
    /// The session whose record it is drafted from; `None` when the part
    /// is still to be agreed.
    pub from_session: Option<String>,
    pub from_date: Option<NaiveDate>,
    /// The part's body as Markdown (without its heading).
    pub markdown: String,
}

impl Part {
    pub fn to_be_agreed(&self) -> bool {
        self.from_session.is_none()
    }
}

/// The agreement as Markdown, for `partnership` from its `sessions` (in
/// any order), drafted on `today`.
pub fn draft(partnership: &str, sessions: &[&Session], today: NaiveDate) -> String {
    let sessions = &held(sessions, today);
    let parts = parts(sessions);
    let name = match partnership.trim() {
        "" => "The partnership",
        n => n,
    };
    let mut blocks = vec![heading(1, &format!("{name}: partnering agreement"))];
    let open: Vec<&str> = parts
        .iter()
        .filter(|p| p.to_be_agreed())
        .map(|p| p.title)
        .collect();
    let mut intro = format!(
        "Draft of {}, prepared from the records of the partnership's {}. Each part says which session agreed it.",
        prose_date(today),
        match sessions.len() {
            1 => "one session".to_string(),
            n => format!("{n} sessions"),
        }
    );
    if !open.is_empty() {
        intro.push_str(&format!(
            " Parts marked \"To be agreed\" are not yet in the record ({}): the partners settle them before signing.",
            open.join(", ").to_lowercase()
        ));
    }
    blocks.push(escape::line(&intro));
    for (n, part) in parts.iter().enumerate() {
        blocks.push(heading(2, &format!("{}. {}", n + 1, part.title)));
        blocks.push(part.markdown.clone());
    }
    blocks.push("*Drafted with Roundtable from the partnership's session records.*".to_string());
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// The sessions already held by `today`: a meeting still to come has
/// agreed nothing yet, though its file may list who is expected. All of
/// them when none is held yet, so a first draft can still be made.
pub fn held<'a>(sessions: &[&'a Session], today: NaiveDate) -> Vec<&'a Session> {
    let held: Vec<&Session> = sessions.iter().copied().filter(|s| s.date <= today).collect();
    if held.is_empty() { sessions.to_vec() } else { held }
}

/// Every part of the agreement, in order, from `sessions` (in any order).
pub fn parts(sessions: &[&Session]) -> Vec<Part> {
    let mut ordered: Vec<Session> = sessions
        .iter()
        .map(|s| for_audience(s, Audience::Partners))
        .collect();
    // Latest last: a later session's record replaces an earlier one's.
    ordered.sort_by_key(|s| (s.date, s.start_time));
    let latest = |has: &dyn Fn(&Session) -> bool| ordered.iter().rev().find(|s| has(s));
    vec![
        listed(from(
            latest(&|s| !s.organisations().iter().all(|o| o.is_empty())),
            "The partners",
            partners,
        )),
        from(latest(&agreed_vision), "Our shared vision", vision),
        from(
            latest(&|s| s.goals.iter().any(|g| g.agreed && !g.text.trim().is_empty())),
            "Shared goals",
            goals,
        ),
        from(
            latest(&|s| !s.roles.workstreams.is_empty()),
            "Workstreams and leads",
            workstreams,
        ),
        from(
            latest(&|s| !s.roles.commitments.is_empty()),
            "What each partner commits",
            commitments,
        ),
        from(
            latest(&|s| !s.roles.secretariat.trim().is_empty()),
            "Secretariat",
            |s| escape::paragraphs(&s.roles.secretariat).join("\n\n"),
        ),
        from(
            latest(&|s| !s.roles.decision_making.trim().is_empty()),
            "How we make decisions",
            |s| escape::paragraphs(&s.roles.decision_making).join("\n\n"),
        ),
        from(
            latest(&|s| review_of_roles(s).is_some()),
            "Reviewing this agreement",
            |s| {
                review_of_roles(s)
                    .map(|(text, on)| {
                        escape::line(&format!(
                            "The partners review how the partnership is run from {}, as decided: {}{}",
                            prose_date(on),
                            text.trim(),
                            if text.trim().ends_with(['.', '!', '?']) {
                                ""
                            } else {
                                "."
                            }
                        ))
                    })
                    .unwrap_or_default()
            },
        ),
    ]
}

/// A part drafted from `session`, followed by where it comes from; or one
/// marked "To be agreed" when no session holds it.
fn from(session: Option<&Session>, title: &'static str, body: impl Fn(&Session) -> String) -> Part {
    match session {
        Some(s) => Part {
            title,
            from_session: Some(s.title.trim().to_string()),
            from_date: Some(s.date),
            markdown: format!(
                "{}\n\n{}",
                body(s),
                escape::line(&format!(
                    "As agreed at \"{}\" on {}.",
                    s.title.trim(),
                    prose_date(s.date)
                ))
            ),
        },
        None => Part {
            title,
            from_session: None,
            from_date: None,
            markdown: format!("*{TO_BE_AGREED}*"),
        },
    }
}

/// The partners are those at the latest session: listed there, not agreed.
fn listed(mut part: Part) -> Part {
    part.markdown = part.markdown.replace("As agreed at \"", "As listed at \"");
    part
}

/// A final wording nobody blocked.
fn agreed_vision(s: &Session) -> bool {
    !s.vision.final_wording.trim().is_empty()
        && !s.vision.consent.iter().any(|c| c.level == ConsentLevel::Block)
}

/// The organisations in the latest session's list of participants.
fn partners(s: &Session) -> String {
    let orgs: Vec<String> = s
        .organisations()
        .iter()
        .filter(|o| !o.is_empty())
        .map(|o| escape::list_item(o))
        .collect();
    bullets(&orgs).unwrap_or_default()
}

fn vision(s: &Session) -> String {
    let mut out: Vec<String> = quote(&escape::paragraphs(&s.vision.final_wording))
        .into_iter()
        .collect();
    let count = |level: ConsentLevel| s.vision.consent.iter().filter(|c| c.level == level).count();
    let (agree, live) = (count(ConsentLevel::Agree), count(ConsentLevel::CanLiveWithIt));
    if agree + live > 0 {
        let orgs = |n: usize| {
            if n == 1 {
                "1 organisation".to_string()
            } else {
                format!("{n} organisations")
            }
        };
        let mut line = format!("{} agreed", orgs(agree));
        if live > 0 {
            line.push_str(&format!(" and {} said they can live with it", orgs(live)));
        }
        out.push(escape::line(&format!("{line}; none blocked it.")));
    }
    out.join("\n\n")
}

fn goals(s: &Session) -> String {
    let items: Vec<String> = s
        .goals
        .iter()
        .filter(|g| g.agreed && !g.text.trim().is_empty())
        .map(|g| escape::list_item(&g.text))
        .collect();
    numbered(&items).unwrap_or_default()
}

fn workstreams(s: &Session) -> String {
    let rows: Vec<Vec<String>> = s
        .roles
        .workstreams
        .iter()
        .map(|w| {
            let lead = match (w.lead.trim(), w.lead_organisation.trim()) {
                ("", "") => TO_BE_AGREED.to_string(),
                (name, "") => name.to_string(),
                ("", org) => org.to_string(),
                (name, org) => format!("{name} ({org})"),
            };
            vec![w.name.trim().to_string(), lead, w.remit.trim().to_string()]
        })
        .collect();
    table(&["Workstream", "Lead", "What it covers"], &rows).unwrap_or_default()
}

fn commitments(s: &Session) -> String {
    let rows: Vec<Vec<String>> = s
        .roles
        .commitments
        .iter()
        .map(|c| {
            vec![
                c.organisation.trim().to_string(),
                c.kind.label().to_string(),
                c.detail.trim().to_string(),
            ]
        })
        .collect();
    table(&["Partner", "Gives", "In detail"], &rows).unwrap_or_default()
}

/// The latest review date set on a decision about roles and how the
/// partnership is run, with its wording.
fn review_of_roles(s: &Session) -> Option<(&str, NaiveDate)> {
    s.decisions
        .iter()
        .filter(|d| d.step == Some(Step::Roles))
        .filter_map(|d| Some((d.text.as_str(), d.review_date?)))
        .max_by_key(|(_, on)| *on)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Consent, Decision, Goal, Participant, Workstream};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn missing_parts_are_to_be_agreed_and_later_sessions_replace_earlier_ones() {
        let mut july = Session::for_tests("Launch", "Level Ground", "2026-07-08");
        july.participants.push(Participant {
            name: "Ann".into(),
            organisation: "Aid".into(),
            ..Default::default()
        });
        july.vision.final_wording = "Everyone housed".into();
        july.vision.consent.push(Consent {
            organisation: "Aid".into(),
            ..Default::default()
        });
        july.goals.push(Goal {
            text: "Fewer evictions".into(),
            agreed: true,
            ..Default::default()
        });
        let mut sept = Session::for_tests("September", "Level Ground", "2026-09-16");
        sept.vision.final_wording = "A blocked rewording".into();
        sept.vision.consent.push(Consent {
            organisation: "Aid".into(),
            level: ConsentLevel::Block,
            ..Default::default()
        });
        sept.roles.workstreams.push(Workstream {
            name: "Advice".into(),
            ..Default::default()
        });
        sept.decisions.push(Decision {
            text: "Aid hosts the secretariat for a year".into(),
            step: Some(Step::Roles),
            review_date: Some(day(9, 1)),
            ..Default::default()
        });
        let text = draft("Level Ground", &[&sept, &july], day(11, 29));
        assert!(
            text.starts_with("# Level Ground: partnering agreement\n\nDraft of 29 November 2026"),
            "{text}"
        );
        assert!(text.contains("> Everyone housed\n\n1 organisation agreed; none blocked it.\n\nAs agreed at \"Launch\" on 8 July 2026."), "{text}");
        assert!(!text.contains("A blocked rewording"), "{text}");
        assert!(text.contains("| Advice     | To be agreed. |"), "{text}");
        assert!(
            text.contains("## 5. What each partner commits\n\n*To be agreed.*"),
            "{text}"
        );
        assert!(
            text.contains("(what each partner commits, secretariat, how we make decisions)"),
            "{text}"
        );
        assert!(
            text.contains("from 1 September 2026, as decided: Aid hosts the secretariat for a year"),
            "{text}"
        );
        // A meeting still to come has agreed nothing yet.
        let mut december = sept.clone();
        december.date = day(12, 16);
        december.title = "December".into();
        december.roles.secretariat = "Planned Trust".into();
        let before = draft("Level Ground", &[&sept, &july, &december], day(11, 29));
        assert!(
            !before.contains("Planned Trust") && before.contains("2 sessions"),
            "{before}"
        );
        let after = draft("Level Ground", &[&sept, &july, &december], day(12, 20));
        assert!(after.contains("Planned Trust"), "{after}");
        let empty = draft("Level Ground", &[], day(11, 29));
        assert_eq!(empty.matches("*To be agreed.*").count(), 8, "{empty}");
    }

    #[test]
    fn nothing_kept_for_trustees_goes_into_the_agreement() {
        let mut s = Session::for_tests("Launch", "P", "2026-07-08");
        s.goals.push(Goal {
            text: "Board only goal".into(),
            agreed: true,
            shown_to: Audience::Trustees,
            ..Default::default()
        });
        assert!(!draft("P", &[&s], day(8, 1)).contains("Board only"));
    }
}
