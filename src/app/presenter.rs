//! The presenter view (`S` or F5 in a session, and `roundtable present`):
//! what the room should look at now, as a small view-model built from the
//! session by a pure function, so the screen and the second window show
//! exactly the same thing. Private notes and who dissented are left out
//! unless the facilitator chooses (`p`).
//!
//! Hooks for features the session does not record yet — the clock, the
//! latest vote tally, a consent check — are the functions `clock`, `tally`
//! and `consent` below: each returns nothing for now, and the view already
//! draws the `Panel` it would return.

use crate::app::keys::{Binding, Key};
use crate::assets::guide;
use crate::domain::{ConsentLevel, Session, Step};
use ratatui::crossterm::event::KeyCode;

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

/// The slide for `step` of `session`.
pub fn slide(session: &Session, step: Step, show: Presenter) -> Slide {
    let question = guide(step).prompts.first().cloned().unwrap_or_default();
    let mut panels: Vec<Panel> = clock(session, step).into_iter().collect();
    match step {
        Step::Goals => panels.push(goals(session)),
        Step::Vision => panels.push(vision(session)),
        _ => {}
    }
    panels.extend(tally(session, step));
    panels.extend(consent(session, step));
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

/// Hook for the clock: the step whose clock is running. Nothing yet.
pub fn step_in_progress(_session: &Session) -> Option<Step> {
    None
}

/// Hook for the clock: time left in `step`, in words. Nothing yet.
pub fn clock(_session: &Session, _step: Step) -> Option<Panel> {
    None
}

/// Hook for dot votes: the latest tally taken in `step`. Nothing yet.
pub fn tally(_session: &Session, _step: Step) -> Option<Panel> {
    None
}

/// Hook for consent checks: the latest result in `step`. Until consent
/// checks are recorded, the vision's consent list gives it.
pub fn consent(session: &Session, step: Step) -> Option<Panel> {
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
        keys: &[
            Key::ch('1'),
            Key::ch('2'),
            Key::ch('3'),
            Key::ch('4'),
            Key::ch('5'),
            Key::ch('6'),
        ],
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
mod tests {
    use super::*;

    fn session() -> Session {
        let mut s = Session::for_tests("Eastside", "P", "2026-12-03");
        s.goals = vec![
            crate::domain::Goal {
                text: "Share data".into(),
                support: 2,
                ..Default::default()
            },
            crate::domain::Goal {
                text: "Halve the wait".into(),
                support: 5,
                agreed: true,
                ..Default::default()
            },
        ];
        s.vision.drafts = vec![crate::domain::VisionDraft {
            text: "Nobody waits alone.".into(),
            proposed_by: "Ann".into(),
        }];
        s.vision.consent = vec![crate::domain::Consent {
            organisation: "City Council".into(),
            level: ConsentLevel::CanLiveWithIt,
            concern: "Early needs a measure".into(),
        }];
        s.set_note(Step::Vision, "Ask Sam privately".into());
        s
    }

    #[test]
    fn goals_come_most_supported_first() {
        let slide = slide(&session(), Step::Goals, Presenter::default());
        let Some(Panel::Goals(goals)) = slide.panels.first() else {
            panic!("{:?}", slide.panels);
        };
        assert_eq!(goals[0].text, "Halve the wait");
        assert!(!slide.question.is_empty(), "the question comes from the guidance");
    }

    #[test]
    fn private_things_only_when_chosen() {
        let s = session();
        let public = slide(&s, Step::Vision, Presenter::default());
        let text = format!("{public:?}");
        assert!(text.contains("Nobody waits alone.") && text.contains("1 can live with it"));
        assert!(!text.contains("City Council") && !text.contains("Ask Sam"));
        let private = slide(&s, Step::Vision, Presenter { private: true });
        let text = format!("{private:?}");
        assert!(text.contains("City Council: Can live with it (Early needs a measure)"));
        assert!(text.contains("Ask Sam privately"));
    }

    #[test]
    fn the_likely_step_is_the_furthest_with_content() {
        let mut s = Session::for_tests("T", "P", "2026-12-03");
        assert_eq!(likely_step(&s), Step::Goals);
        s.vision.final_wording = "x".into();
        assert_eq!(likely_step(&s), Step::Vision);
        s.set_note(Step::Roles, "who chairs".into());
        assert_eq!(likely_step(&s), Step::Roles);
    }
}
