//! One section per co-design step, and the first two steps: goals and vision.

use crate::domain::{ConsentLevel, Goal, Session, Step};

use super::blocks::{bullets, join_present, numbered, plural, quote, section, with_note};
use super::progress::Earlier;
use super::{escape, plan, review, table::table};

/// The section for `step`: the facilitator's notes first, as the story of
/// the discussion, then what the step recorded. Empty when it holds nothing.
pub fn step_section(session: &Session, step: Step, earlier: Option<&Earlier>) -> Vec<String> {
    if !session.step_has_content(step) {
        return Vec::new();
    }
    let mut body = escape::paragraphs(session.note(step));
    body.extend(match step {
        Step::Goals => goals(session),
        Step::Vision => vision(session),
        Step::Activities => plan::activities(session),
        Step::Roles => plan::roles(session),
        Step::Awareness => plan::awareness(session),
        Step::NextSteps => review::review(session, earlier),
    });
    body.extend(super::decide::step_votes(session, step));
    section(2, &step_title(step), body)
}

/// "1. Shared goals", the way the steps are numbered in the room.
pub fn step_title(step: Step) -> String {
    format!("{}. {}", step.number(), step.title())
}

/// Agreed goals first, numbered, then the others as they were proposed.
fn goals(session: &Session) -> Vec<String> {
    let (agreed, others): (Vec<&Goal>, Vec<&Goal>) = session
        .goals
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .partition(|g| g.agreed);
    let agreed_items: Vec<String> = agreed.iter().map(|g| goal(g)).collect();
    let other_items: Vec<String> = others.iter().map(|g| goal(g)).collect();
    let others_title = if agreed.is_empty() {
        "Proposed, not yet agreed"
    } else {
        "Also proposed"
    };
    let mut out = section(3, "Agreed goals", numbered(&agreed_items));
    out.extend(section(3, others_title, bullets(&other_items)));
    out
}

fn goal(g: &Goal) -> String {
    let by = if g.proposed_by.trim().is_empty() {
        String::new()
    } else {
        format!("proposed by {}", g.proposed_by)
    };
    let support = if g.support > 0 {
        plural(g.support, "vote", "votes")
    } else {
        String::new()
    };
    with_note(escape::list_item(&g.text), &join_present(&[&by, &support], ", "))
}

/// The final wording, where each organisation stands on it, then the
/// drafts that led there.
fn vision(session: &Session) -> Vec<String> {
    let v = &session.vision;
    let final_wording = v.final_wording.trim();
    let mut out = section(3, "Final wording", quote(&escape::paragraphs(final_wording)));

    let rows: Vec<Vec<String>> = v
        .consent
        .iter()
        .map(|c| {
            vec![
                c.organisation.clone(),
                c.level.label().to_string(),
                c.concern.clone(),
            ]
        })
        .collect();
    let mut consent: Vec<String> = table(&["Organisation", "Position", "Concern"], &rows)
        .into_iter()
        .collect();
    if !consent.is_empty() {
        consent.insert(0, consent_summary(session));
    }
    out.extend(section(3, "Consent", consent));
    out.extend(super::decide::vision_checks(session));

    let drafts: Vec<String> = v
        .drafts
        .iter()
        .filter(|d| !d.text.trim().is_empty() && d.text.trim() != final_wording)
        .map(|d| with_note(escape::list_item(&d.text), &d.proposed_by))
        .collect();
    let drafts_title = if final_wording.is_empty() {
        "Drafts"
    } else {
        "Earlier drafts"
    };
    out.extend(section(3, drafts_title, bullets(&drafts)));
    out
}

/// "Positions recorded: 5 agree, 1 can live with it, 1 block."
fn consent_summary(session: &Session) -> String {
    let counts: Vec<String> = ConsentLevel::ALL
        .iter()
        .filter_map(|level| {
            let n = session
                .vision
                .consent
                .iter()
                .filter(|c| c.level == *level)
                .count();
            (n > 0).then(|| format!("{n} {}", level.label().to_lowercase()))
        })
        .collect();
    format!("Positions recorded: {}.", counts.join(", "))
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::domain::{Consent, VisionDraft};

    fn session() -> Session {
        Session::for_tests("T", "P", "2026-12-03")
    }

    #[test]
    fn steps_without_content_leave_no_heading() {
        let s = session();
        assert!(
            Step::ALL
                .iter()
                .all(|step| step_section(&s, *step, None).is_empty())
        );
    }

    #[test]
    fn agreed_goals_come_first_with_their_support() {
        let mut s = session();
        let g = |text: &str, by: &str, support, agreed| Goal {
            text: text.into(),
            proposed_by: by.into(),
            support,
            agreed,
            ..Default::default()
        };
        s.goals = vec![
            g("Other", "", 0, false),
            g("Main", "Ann", 7, true),
            g("  ", "Bo", 1, true),
        ];
        let out = step_section(&s, Step::Goals, None).join("\n\n");
        assert_eq!(
            out,
            "## 1. Shared goals\n\n### Agreed goals\n\n1. Main (proposed by Ann, 7 votes)\n\n### Also proposed\n\n- Other"
        );
    }

    #[test]
    fn vision_shows_wording_consent_and_only_earlier_drafts() {
        let mut s = session();
        s.vision.final_wording = "Everyone well.".into();
        s.vision.drafts = vec![
            VisionDraft {
                text: "All well".into(),
                proposed_by: "Ann".into(),
                ..Default::default()
            },
            VisionDraft {
                text: "Everyone well.".into(),
                proposed_by: "Bo".into(),
                ..Default::default()
            },
        ];
        s.vision.consent = vec![
            Consent {
                organisation: "Trust".into(),
                ..Default::default()
            },
            Consent {
                organisation: "Aid".into(),
                level: ConsentLevel::Block,
                concern: "Too vague".into(),
                ..Default::default()
            },
        ];
        let out = step_section(&s, Step::Vision, None).join("\n\n");
        assert!(out.contains("### Final wording\n\n> Everyone well."));
        assert!(out.contains("Positions recorded: 1 agree, 1 block."));
        assert!(out.contains("| Aid          | Block    | Too vague |"), "{out}");
        assert!(out.contains("### Earlier drafts\n\n- All well (Ann)"));
        assert!(!out.contains("(Bo)"));
    }
}
