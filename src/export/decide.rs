//! Dot votes and consent checks in the minutes: each vote inside the step
//! it was held in, a check on the vision in step 2, a check on a decision
//! right under that decision (saying honestly when it was not agreed), and
//! anything that belongs to neither after the decisions.

use crate::domain::{ConsentCheck, Decision, DotVote, Scale, Session, Step, Subject};

use super::blocks::section;
use super::escape;
use super::table::table;

/// The votes held on a list of `step`.
pub fn step_votes(session: &Session, step: Step) -> Vec<String> {
    session
        .votes
        .iter()
        .filter(|v| v.list.step() == Some(step))
        .flat_map(vote)
        .collect()
}

/// Consent checks on the vision, for step 2.
pub fn vision_checks(session: &Session) -> Vec<String> {
    let checks: Vec<&ConsentCheck> = session
        .consent_checks
        .iter()
        .filter(|c| c.subject == Subject::Vision)
        .collect();
    checks
        .into_iter()
        .flat_map(|c| check(c, "Consent check"))
        .collect()
}

/// The checks on `decision`, as lines under it in place of the usual
/// "Agreed by consensus": how each was asked, then whether it was agreed.
pub fn decision_results(session: &Session, decision: &Decision) -> Vec<String> {
    let scale = |c: &ConsentCheck| match c.scale {
        Scale::FistOfFive => "fist of five",
        Scale::AgreeStandAsideBlock => "agree / stand aside / block",
    };
    on_decision(session, decision)
        .flat_map(|c| {
            let asked = format!("Put to a consent check ({}, {}).", scale(c), c.counting.label());
            [escape::line(&asked), escape::line(&c.sentence())]
        })
        .collect()
}

fn on_decision<'a>(session: &'a Session, decision: &'a Decision) -> impl Iterator<Item = &'a ConsentCheck> {
    session
        .consent_checks
        .iter()
        .filter(move |c| c.subject == Subject::Decision && c.proposal == decision.text.trim())
}

/// Votes on parked points, and checks whose decision was since reworded
/// or deleted: they still happened, so they still appear.
pub fn elsewhere(session: &Session) -> Vec<String> {
    let mut body: Vec<String> = session
        .votes
        .iter()
        .filter(|v| v.list.step().is_none())
        .flat_map(vote)
        .collect();
    for c in session
        .consent_checks
        .iter()
        .filter(|c| c.subject == Subject::Decision)
    {
        if !session.decisions.iter().any(|d| d.text.trim() == c.proposal) {
            body.extend(check(c, "Consent check on a proposal"));
        }
    }
    section(2, "Votes and consent checks", body)
}

/// "### Dot vote on the goals", how it was counted, and the ranked tally.
fn vote(v: &DotVote) -> Vec<String> {
    let title = format!("Dot vote on the {}", v.list.label());
    let tally = v.tally();
    let mut how = if v.by_totals() {
        format!(
            "{}; totals counted in the room; {} dots given.",
            v.counting.title(),
            tally.dots_cast
        )
    } else {
        format!(
            "{}, {} dots each; {} dots given by {} of {} {}",
            v.counting.title(),
            v.dots_each,
            tally.dots_cast,
            tally.voted.len(),
            v.ballots.len(),
            v.counting.nouns(v.ballots.len()),
        )
    };
    if !v.by_totals() {
        if !tally.abstained.is_empty() {
            how.push_str(&format!(" (no dots from {})", tally.abstained.join(", ")));
        }
        how.push('.');
    }
    if v.hidden {
        how.push_str(if v.revealed {
            " The tally was hidden until revealed."
        } else {
            " The tally was kept hidden and was not revealed in the room."
        });
    }
    let mut body = vec![escape::line(&how)];
    if v.shown_tally().is_some() {
        let rows: Vec<Vec<String>> = tally
            .rows
            .iter()
            .map(|r| {
                let rank = if r.tied {
                    format!("{} (tied)", r.rank)
                } else {
                    r.rank.to_string()
                };
                vec![rank, r.text.clone(), r.dots.to_string()]
            })
            .collect();
        body.extend(table(&["Rank", "Option", "Dots"], &rows));
    }
    if v.decided {
        body.push("The top option became a decision (see Decisions).".into());
    }
    section(3, &title, body)
}

/// A check as a heading, the wording, the result, and who said what.
fn check(c: &ConsentCheck, title: &str) -> Vec<String> {
    let mut body = vec![
        escape::line(&format!("On: “{}”", c.proposal)),
        escape::line(&format!("Asked: {}; {}.", c.counting.label(), c.scale.label())),
        escape::line(&c.sentence()),
    ];
    let rows: Vec<Vec<String>> = c
        .answers
        .iter()
        .map(|a| vec![a.who.clone(), a.response.label(), a.concern.clone()])
        .collect();
    // A vision check kept in the vision's consent list is tabled there.
    if !c.mirrors_vision() {
        body.extend(table(&["Who", "Answer", "Concern"], &rows));
    }
    section(3, title, body)
}

#[cfg(test)]
#[path = "decide_tests.rs"]
mod tests;
