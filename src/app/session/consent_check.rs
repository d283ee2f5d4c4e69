//! The consent check screen (`c` on the vision or a decision): down the
//! voices present, agree / stand aside / block (or 0–5 fingers), with the
//! concern written down at once; a block is resolved by lifting it, or by
//! amending or withdrawing the proposal, each recorded with when and who.

use chrono::{DateTime, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::keys::b;
use super::section::{ListKind, Section};
use super::{Outcome, SessionScreen};
use crate::app::keys::{Binding, Key, KeyHelp, describe, describe_where, digits, help_binding, lookup};
use crate::app::line_field::LineField;
use crate::domain::{
    ConsentCheck, ConsentOutcome, DecisionMethod, Position, Resolve, Response, Scale, Step, Subject,
};

/// What the open text line is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Writing {
    /// The selected voice's concern.
    Concern,
    /// The amended wording, or why it was withdrawn.
    Resolution(Resolve),
}

pub struct ConsentScreen {
    pub check: ConsentCheck,
    /// The decision checked, by index, to mark it taken by consent.
    pub decision: Option<usize>,
    /// The recorded check reopened because its block still stands.
    pub reopened: Option<usize>,
    pub row: usize,
    /// A line being typed, and what it is for.
    pub writing: Option<(Writing, LineField)>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentAction {
    Agree,
    StandAside,
    Block,
    Fingers,
    Concern,
    Up,
    Down,
    Counting,
    Scale,
    Lift,
    Amend,
    Withdraw,
    Close,
    Help,
}

use ConsentAction as C;
use KeyCode::*;

pub const KEYS: &[Binding<ConsentAction>] = &[
    b(
        &[Key::ch('a')],
        C::Agree,
        "agree",
        "The selected voice agrees",
        true,
    ),
    b(
        &[Key::ch('s')],
        C::StandAside,
        "stand aside",
        "The selected voice stands aside (then type why)",
        true,
    ),
    b(
        &[Key::ch('b')],
        C::Block,
        "block",
        "The selected voice blocks (then type the concern)",
        true,
    ),
    b(
        digits(0, 5),
        C::Fingers,
        "fingers",
        "Fingers shown, 0–5: 0–1 block, 2 stand aside, 3–5 agree",
        true,
    ),
    b(
        &[Key::ch('w')],
        C::Concern,
        "concern",
        "Write the selected voice's concern",
        true,
    ),
    b(
        &[Key::plain(Up), Key::ch('k')],
        C::Up,
        "up",
        "Select the previous voice",
        false,
    ),
    b(
        &[Key::plain(Down), Key::ch('j')],
        C::Down,
        "down",
        "Select the next voice",
        false,
    ),
    b(
        &[Key::ch('m')],
        C::Counting,
        "per person/org",
        "Ask each person, or each organisation once (before any answers)",
        false,
    ),
    b(
        &[Key::ch('f')],
        C::Scale,
        "fist of five",
        "Switch between agree / stand aside / block and fist of five (before any answers)",
        false,
    ),
    b(
        &[Key::ch('l')],
        C::Lift,
        "lift block",
        "The selected voice lifts their block (recorded with the time)",
        true,
    ),
    b(
        &[Key::ch('A')],
        C::Amend,
        "amended",
        "Record that the proposal was amended (then type the new wording)",
        false,
    ),
    b(
        &[Key::ch('W')],
        C::Withdraw,
        "withdrawn",
        "Record that the proposal was withdrawn",
        false,
    ),
    b(
        &[Key::plain(Esc), Key::plain(Enter)],
        C::Close,
        "close",
        "Close the check, keeping it in the session when anyone answered",
        true,
    ),
    help_binding(&[Key::plain(F(1)), Key::ch('?')], C::Help),
];

const WRITING_KEYS: &[Binding<ConsentAction>] = &[b(
    &[Key::plain(Enter), Key::plain(Esc)],
    C::Close,
    "done",
    "Keep what was typed",
    true,
)];

impl ConsentScreen {
    fn selected(&self) -> Option<Position> {
        self.check.answers.get(self.row).map(|a| a.response.position())
    }

    fn answered(&self) -> bool {
        self.check
            .answers
            .iter()
            .any(|a| a.response != Response::NoAnswer)
    }

    fn available(&self, action: C) -> bool {
        let blocks = self.check.count().outcome == ConsentOutcome::Blocked;
        let fist = self.check.scale == Scale::FistOfFive;
        match action {
            C::Agree | C::StandAside | C::Block => !fist,
            C::Fingers => fist,
            C::Concern | C::Up | C::Down => !self.check.answers.is_empty(),
            C::Counting | C::Scale => !self.answered(),
            C::Lift => self.selected() == Some(Position::Block),
            C::Amend | C::Withdraw => blocks,
            C::Close | C::Help => true,
        }
    }

    pub fn bindings(&self) -> Vec<KeyHelp> {
        if self.writing.is_some() {
            return describe(WRITING_KEYS);
        }
        describe_where(KEYS, |a| self.available(*a))
    }

    /// Gives the selected voice `response`; a stand-aside or block opens
    /// its concern at once, an agreement moves on to the next voice.
    fn answer(&mut self, response: Response) {
        let Some(answer) = self.check.answers.get_mut(self.row) else {
            return;
        };
        answer.response = response;
        if response.position() == Position::Agree {
            self.row = (self.row + 1).min(self.check.answers.len().saturating_sub(1));
        } else {
            self.writing = Some((Writing::Concern, LineField::at_end(answer.concern.clone())));
        }
    }

    fn finish_writing(&mut self, by: &str, now: DateTime<Utc>) {
        let Some((what, field)) = self.writing.take() else {
            return;
        };
        let text = field.value().trim().to_string();
        match what {
            Writing::Concern => {
                if let Some(a) = self.check.answers.get_mut(self.row) {
                    a.concern = text;
                }
            }
            Writing::Resolution(how) => self.check.resolve(how, by, &text, now),
        }
    }
}

impl SessionScreen {
    /// What `c` would check here: the vision (on step 2) or the selected
    /// decision.
    pub(super) fn consent_subject(&self) -> Option<Subject> {
        match (self.nav.section, self.nav.list()) {
            (Section::Step(Step::Vision), _) => Some(Subject::Vision),
            (_, ListKind::Decisions) if !self.session.decisions.is_empty() => Some(Subject::Decision),
            _ => None,
        }
    }

    /// `c`: starts a consent check on the vision or the selected decision.
    pub(super) fn open_consent(&mut self, now: DateTime<Utc>) {
        let (check, decision) = match self.consent_subject() {
            Some(Subject::Vision) => (ConsentCheck::start_on_vision(&self.session, now), None),
            Some(Subject::Decision) => {
                let row = self.nav.row();
                let text = self
                    .session
                    .decisions
                    .get(row)
                    .map(|d| d.text.clone())
                    .unwrap_or_default();
                (
                    ConsentCheck::start(&self.session, Subject::Decision, &text, now),
                    Some(row),
                )
            }
            None => return,
        };
        if check.proposal.is_empty() {
            self.message =
                Some("There is no wording to check yet: write the proposal first, then press c.".into());
            return;
        }
        let reopened = self.session.standing_block(check.subject, &check.proposal);
        let check = match reopened.and_then(|i| self.session.consent_checks.get(i)) {
            Some(blocked) => blocked.clone(),
            None => check,
        };
        let row = check
            .answers
            .iter()
            .position(|a| a.response.position() == Position::Block)
            .filter(|_| reopened.is_some())
            .unwrap_or(0);
        if check.answers.is_empty() {
            self.message =
                Some("Nobody is marked present: mark who is in the room (p) before a consent check.".into());
            return;
        }
        self.consent = Some(ConsentScreen {
            check,
            decision,
            reopened,
            row,
            writing: None,
            error: None,
        });
    }

    pub(super) fn consent_key(&mut self, key: KeyEvent, now: DateTime<Utc>) -> Outcome {
        let by = self.who_resolves();
        let Some(screen) = &mut self.consent else {
            return Outcome::Stay;
        };
        screen.error = None;
        if let Some((_, field)) = &mut screen.writing {
            if matches!(key.code, Enter | Esc) {
                screen.finish_writing(&by, now);
            } else {
                field.input(key);
            }
            return Outcome::Stay;
        }
        let Some(action) = lookup(KEYS, &key).filter(|a| screen.available(*a)) else {
            return Outcome::Stay;
        };
        let last = screen.check.answers.len().saturating_sub(1);
        match action {
            C::Agree => screen.answer(Response::Agree),
            C::StandAside => screen.answer(Response::StandAside),
            C::Block => screen.answer(Response::Block),
            C::Fingers => {
                if let KeyCode::Char(c) = key.code {
                    screen.answer(Response::Fingers(c.to_digit(10).unwrap_or(0) as u8));
                }
            }
            C::Concern => {
                let concern = screen.check.answers.get(screen.row).map(|a| a.concern.clone());
                screen.writing = Some((Writing::Concern, LineField::at_end(concern.unwrap_or_default())));
            }
            C::Up => screen.row = screen.row.saturating_sub(1),
            C::Down => screen.row = (screen.row + 1).min(last),
            C::Counting => {
                let counting = screen.check.counting.toggled();
                screen.check.recount(&self.session, counting);
                screen.row = 0;
            }
            C::Scale => {
                screen.check.scale = match screen.check.scale {
                    Scale::AgreeStandAsideBlock => Scale::FistOfFive,
                    Scale::FistOfFive => Scale::AgreeStandAsideBlock,
                }
            }
            C::Lift => {
                let who = screen
                    .check
                    .answers
                    .get(screen.row)
                    .map(|a| a.who.clone())
                    .unwrap_or_default();
                screen.check.resolve(Resolve::BlockLifted, &who, "", now);
            }
            C::Amend => screen.writing = Some((Writing::Resolution(Resolve::Amended), LineField::default())),
            C::Withdraw => {
                screen.writing = Some((Writing::Resolution(Resolve::Withdrawn), LineField::default()))
            }
            C::Close => self.close_consent(now),
            C::Help => return Outcome::Help,
        }
        Outcome::Stay
    }

    /// Who amends or withdraws a proposal: the facilitator, for the room.
    fn who_resolves(&self) -> String {
        let name = self.session.facilitator.trim();
        if name.is_empty() {
            "the facilitator".into()
        } else {
            name.to_string()
        }
    }

    /// Keeps the check (when anyone answered) and says the result; a
    /// decision agreed by consent is marked so.
    fn close_consent(&mut self, now: DateTime<Utc>) {
        let Some(screen) = self.consent.take() else {
            return;
        };
        if !screen.answered() {
            self.message = Some("Closed the consent check: nobody answered, so nothing was recorded.".into());
            return;
        }
        let before = self.snapshot("record the consent check".into());
        let sentence = screen.check.sentence();
        let agreed = screen.check.count().outcome == ConsentOutcome::Agreed;
        if let Some(d) = screen.decision.and_then(|i| self.session.decisions.get_mut(i))
            && agreed
        {
            d.method = DecisionMethod::Consent;
        }
        screen.check.write_to_vision(&mut self.session.vision);
        match screen
            .reopened
            .and_then(|i| self.session.consent_checks.get_mut(i))
        {
            Some(slot) => *slot = screen.check,
            None => self.session.consent_checks.push(screen.check),
        }
        self.changed(before, now);
        self.message = Some(format!("{sentence} Recorded for the minutes; u takes it back."));
    }
}
