//! The presenter view (`S` or F5 in a session, and `roundtable present`):
//! what the room should look at now, as a small view-model built from the
//! session by a pure function, so the screen and the second window show
//! exactly the same thing. Private notes and who dissented are left out
//! unless the facilitator chooses (`p`).
//!
//! The clock, the latest revealed dot-vote tally and the latest consent
//! result come from what the session records (`clock`, `tally`, `consent`
//! below). Names and concerns in a consent result count as private: the
//! room sees the counts unless the facilitator chooses otherwise.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyCode;

use crate::app::clock::clock_text;
use crate::app::keys::{Binding, Key, STEP_KEYS};
use crate::assets::guide;
use crate::domain::{ConsentCheck, ConsentLevel, ConsentOutcome, Part, Session, Step, Subject};

/// What the facilitator chose to show beyond the public view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Presenter {
    /// Step notes and the names and words of those who dissented.
    pub private: bool,
}

/// Something on the slide under the question, in the order drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Panel {
    /// Time left, in words as well as figures ("4 min over"). Hook: `clock`.
    Clock(String),
    /// The vision: the final wording when there is one, else the drafts.
    Vision { lines: Vec<String>, is_final: bool },
    /// Goals with the support each has (`agreed` said in words).
    Goals(Vec<GoalLine>),
    /// Decisions taken in this step (dissent is private: see `Concerns`).
    Agreed(Vec<String>),
    /// A ranked tally: label and count, highest first. Hook: `tally`.
    Tally(Vec<(String, u32)>),
    /// A consent result in one sentence, e.g. "Agreed by 9 organisations;
    /// 1 stood aside". Hook: `consent`; the vision's consent list fills it
    /// today.
    Consent(String),
    /// Only with `private`: who dissented and in what words.
    Concerns(Vec<String>),
    /// Only with `private`: the facilitator's notes for the step.
    Notes(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalLine {
    pub text: String,
    pub support: u32,
    pub agreed: bool,
}

/// One screenful for the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    pub title: String,
    pub step: Step,
    /// The question the room is answering, from the step guidance.
    pub question: String,
    pub panels: Vec<Panel>,
    /// Whether private things are shown, so the view can say so.
    pub private: bool,
}

/// The slide for `step` of `session`, with the clock as it reads at `now`.
pub fn slide(session: &Session, step: Step, show: Presenter, now: DateTime<Utc>) -> Slide {
    let question = guide(step).prompts.first().cloned().unwrap_or_default();
    let mut panels: Vec<Panel> = clock(session, now).into_iter().collect();
    match step {
        Step::Goals => panels.push(goals(session)),
        Step::Vision => panels.push(vision(session)),
        _ => {}
    }
    panels.extend(tally(session, step));
    panels.extend(consent(session, step, show));
    panels.push(agreed(session, step));
    if show.private {
        panels.extend(concerns(session, step));
        let notes = session.note(step).trim();
        if !notes.is_empty() {
            panels.push(Panel::Notes(notes.to_string()));
        }
    }
    panels.retain(|p| !is_empty(p));
    Slide {
        title: session.title.clone(),
        step,
        question,
        panels,
        private: show.private,
    }
}

/// The step the room is most likely on when only the file is known (the
/// second window): the one the session records as running, else the
/// furthest step with anything in it.
pub fn likely_step(session: &Session) -> Step {
    step_in_progress(session).unwrap_or_else(|| {
        let s = session;
        let filled = [
            !s.goals.is_empty(),
            !s.vision.drafts.is_empty() || !s.vision.final_wording.trim().is_empty(),
            !s.activities.is_empty(),
            !s.roles.workstreams.is_empty() || !s.roles.commitments.is_empty(),
            !s.awareness.is_empty(),
            !s.review.readings.is_empty() || !s.review.next_steps.is_empty(),
        ];
        Step::ALL
            .iter()
            .zip(filled)
            .rev()
            .find(|(step, f)| *f || !s.note(**step).trim().is_empty())
            .map_or(Step::Goals, |(step, _)| *step)
    })
}

/// The step the clock is counting for, when it is on a step.
pub fn step_in_progress(session: &Session) -> Option<Step> {
    let slot = session.plan.slots.get(session.plan.current?)?;
    match slot.part {
        Part::Step(step) => Some(step),
        _ => None,
    }
}

/// Time left in the part on now and in the meeting, once the clock has
/// been started ("▶ Step 2 4 min over · 1 h 10 left in all").
pub fn clock(session: &Session, now: DateTime<Utc>) -> Option<Panel> {
    session.plan.current?;
    let text = clock_text(&session.plan, now)?;
    Some(Panel::Clock(format!("{} · {}", text.part, text.session)))
}

/// The latest dot vote on this step's list whose tally may be shown (a
/// hidden tally stays hidden until revealed).
pub fn tally(session: &Session, step: Step) -> Option<Panel> {
    let vote = session.votes.iter().rev().find(|v| v.list.step() == Some(step))?;
    let tally = vote.shown_tally()?;
    let rows = tally.rows.into_iter().map(|r| (r.text, r.dots)).collect();
    Some(Panel::Tally(rows))
}

/// The latest consent check on the vision (step 2) or on one of this
/// step's decisions: counts for the room, names and concerns only when the
/// facilitator shows private things.
fn consent_check(session: &Session, step: Step, show: Presenter) -> Option<Panel> {
    let in_step = |c: &&ConsentCheck| match c.subject {
        Subject::Vision => step == Step::Vision,
        Subject::Decision => session
            .decisions
            .iter()
            .any(|d| d.step == Some(step) && d.text.trim() == c.proposal.trim()),
    };
    let check = session.consent_checks.iter().rev().find(in_step)?;
    if show.private {
        return Some(Panel::Consent(check.sentence()));
    }
    let c = check.count();
    let n = |k: usize| format!("{k} {}", check.counting.nouns(k));
    let mut text = match c.outcome {
        ConsentOutcome::Open => return None,
        ConsentOutcome::Agreed => format!("Agreed by {}", n(c.agreed.len())),
        ConsentOutcome::Blocked => format!("Not agreed yet: {} blocked", n(c.blocks.len())),
        ConsentOutcome::Amended => "Amended: the new wording needs its own check".to_string(),
        ConsentOutcome::Withdrawn => "Withdrawn".to_string(),
    };
    if !c.stood_aside.is_empty() {
        text.push_str(&format!("; {} stood aside", c.stood_aside.len()));
    }
    Some(Panel::Consent(text))
}

/// The consent result for `step`: the latest consent check, else (for the
/// vision) the consent list recorded by organisation.
pub fn consent(session: &Session, step: Step, show: Presenter) -> Option<Panel> {
    if let Some(panel) = consent_check(session, step, show) {
        return Some(panel);
    }
    if step != Step::Vision || session.vision.consent.is_empty() {
        return None;
    }
    let count = |level| session.vision.consent.iter().filter(|c| c.level == level).count();
    let orgs = |n: usize| {
        if n == 1 {
            "1 organisation".to_string()
        } else {
            format!("{n} organisations")
        }
    };
    let mut parts = vec![format!("Agreed by {}", orgs(count(ConsentLevel::Agree)))];
    for (level, words) in [
        (ConsentLevel::CanLiveWithIt, "can live with it"),
        (ConsentLevel::Block, "blocked"),
    ] {
        let n = count(level);
        if n > 0 {
            parts.push(format!("{n} {words}"));
        }
    }
    Some(Panel::Consent(parts.join("; ")))
}

fn goals(s: &Session) -> Panel {
    let mut lines: Vec<GoalLine> = s
        .goals
        .iter()
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| GoalLine {
            text: g.text.trim().to_string(),
            support: g.support,
            agreed: g.agreed,
        })
        .collect();
    // Most supported first, as the room reads them; equal support keeps order.
    lines.sort_by_key(|g| std::cmp::Reverse(g.support));
    Panel::Goals(lines)
}

fn vision(s: &Session) -> Panel {
    let wording = s.vision.final_wording.trim();
    if !wording.is_empty() {
        return Panel::Vision {
            lines: vec![wording.to_string()],
            is_final: true,
        };
    }
    let lines = s
        .vision
        .drafts
        .iter()
        .map(|d| d.text.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    Panel::Vision {
        lines,
        is_final: false,
    }
}

fn agreed(s: &Session, step: Step) -> Panel {
    let texts = s.decisions.iter().filter(|d| d.step == Some(step));
    Panel::Agreed(
        texts
            .map(|d| d.text.trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
    )
}

/// Dissent in the step's decisions and concerns in its consent list.
fn concerns(s: &Session, step: Step) -> Option<Panel> {
    let mut lines: Vec<String> = s
        .decisions
        .iter()
        .filter(|d| d.step == Some(step) && !d.dissent.trim().is_empty())
        .map(|d| d.dissent.trim().to_string())
        .collect();
    if step == Step::Vision {
        lines.extend(
            s.vision
                .consent
                .iter()
                .filter(|c| c.level != ConsentLevel::Agree)
                .map(|c| match c.concern.trim() {
                    "" => format!("{}: {}", c.organisation, c.level.label()),
                    why => format!("{}: {} ({why})", c.organisation, c.level.label()),
                }),
        );
    }
    Some(Panel::Concerns(lines))
}

fn is_empty(panel: &Panel) -> bool {
    match panel {
        Panel::Vision { lines, .. } => lines.is_empty(),
        Panel::Goals(g) => g.is_empty(),
        Panel::Tally(t) => t.is_empty(),
        Panel::Concerns(c) | Panel::Agreed(c) => c.is_empty(),
        Panel::Clock(t) | Panel::Consent(t) | Panel::Notes(t) => t.trim().is_empty(),
    }
}

/// What a key does in the presenter view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Back,
    Private,
    Step,
}

pub const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::plain(KeyCode::Esc), Key::ch('S'), Key::plain(KeyCode::F(5))],
        action: Action::Back,
        label: "back",
        help: "Leave the presenter view",
        in_footer: true,
    },
    Binding {
        keys: &[Key::ch('p')],
        action: Action::Private,
        label: "private",
        help: "Show or hide private notes and who dissented (hidden unless you choose)",
        in_footer: true,
    },
    Binding {
        keys: STEP_KEYS,
        action: Action::Step,
        label: "step",
        help: "Show step 1 to 6",
        in_footer: false,
    },
];

/// The step a digit key names.
pub fn step_for(code: KeyCode) -> Option<Step> {
    let KeyCode::Char(c) = code else {
        return None;
    };
    let n = c.to_digit(10)? as usize;
    Step::ALL.get(n.checked_sub(1)?).copied()
}

#[cfg(test)]
#[path = "presenter_tests.rs"]
mod tests;
