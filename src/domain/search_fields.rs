//! Which texts of a session search looks in, and where each lives: the
//! title, each participant (name, role and organisation joined), every
//! step's texts, decisions, actions (with their owner), the parking lot
//! and notes. Both the index and the extract's search texts are made from
//! this one walk.

use super::search::Section;
use super::{Session, Step};

/// Every searchable text in a session with where it lives, handed to
/// `each` one after another: a field as it stands, or several joined.
pub(super) fn fields(s: &Session, each: impl FnMut(Section, usize, &str)) {
    let mut f = Fields {
        each,
        room: String::new(),
    };
    f.one(Section::Title, 0, &s.title);
    for (i, p) in s.participants.iter().enumerate() {
        f.joined(
            Section::Participants,
            i,
            &[&p.name, &p.role, &p.organisation],
            ", ",
        );
    }
    let step = Section::Step;
    for (i, g) in s.goals.iter().enumerate() {
        f.one(step(Step::Goals), i, &g.text);
    }
    f.one(step(Step::Vision), 0, &s.vision.final_wording);
    for (i, d) in s.vision.drafts.iter().enumerate() {
        f.one(step(Step::Vision), i + 1, &d.text);
    }
    for c in &s.vision.consent {
        f.one(step(Step::Vision), 0, &c.concern);
    }
    for (i, a) in s.activities.iter().enumerate() {
        f.joined(step(Step::Activities), i, &[&a.title, &a.description], ": ");
        for m in &a.measures {
            f.joined(step(Step::Activities), i, &[&m.indicator, &m.source], ": ");
        }
    }
    let r = &s.roles;
    for (i, w) in r.workstreams.iter().enumerate() {
        f.joined(step(Step::Roles), i, &[&w.name, &w.remit], ": ");
    }
    for c in &r.commitments {
        f.one(step(Step::Roles), 0, &c.detail);
    }
    f.one(step(Step::Roles), 0, &r.secretariat);
    f.one(step(Step::Roles), 0, &r.decision_making);
    for (i, a) in s.awareness.iter().enumerate() {
        f.joined(step(Step::Awareness), i, &[&a.audience, &a.message], ": ");
    }
    for reading in &s.review.readings {
        f.one(step(Step::NextSteps), 0, &reading.note);
    }
    for l in &s.review.learnings {
        f.one(step(Step::NextSteps), 0, &l.text);
    }
    for n in &s.review.next_steps {
        f.one(step(Step::NextSteps), 0, &n.text);
    }
    for (i, d) in s.decisions.iter().enumerate() {
        f.one(Section::Decisions, i, &d.text);
        f.one(Section::Decisions, i, &d.dissent);
    }
    for (i, a) in s.actions.iter().enumerate() {
        f.joined(Section::Actions, i, &[&a.text, &a.owner], " — ");
    }
    for (i, p) in s.parking_lot.iter().enumerate() {
        f.one(Section::ParkingLot, i, &p.text);
    }
    for (step, note) in &s.notes {
        f.one(Section::Notes(*step), 0, note);
    }
}

/// Where [`fields`] hands each text on, with one buffer for every joined
/// text: this runs for every session read, and a string made for each
/// joined text (most actions, every participant) was much of its time.
struct Fields<F> {
    each: F,
    room: String,
}

impl<F: FnMut(Section, usize, &str)> Fields<F> {
    fn one(&mut self, section: Section, item: usize, text: &str) {
        (self.each)(section, item, text);
    }

    /// The parts that hold something, each trimmed, joined by `sep`.
    fn joined(&mut self, section: Section, item: usize, parts: &[&str], sep: &str) {
        let mut held = parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty());
        let text = match (held.next(), held.next()) {
            (None, _) => "",
            (Some(only), None) => only,
            (Some(first), Some(second)) => {
                self.room.clear();
                for (i, part) in [first, second].into_iter().chain(held).enumerate() {
                    if i > 0 {
                        self.room.push_str(sep);
                    }
                    self.room.push_str(part);
                }
                &self.room
            }
        };
        (self.each)(section, item, text);
    }
}

/// How many texts [`fields`] gives for `s`, so its list is made once.
pub(super) fn room_for_fields(s: &Session) -> usize {
    let (v, r) = (&s.vision, &s.roles);
    let measures: usize = s.activities.iter().map(|a| a.measures.len()).sum();
    // The title, the final wording, the secretariat and how decisions are
    // made: one each.
    4 + s.participants.len()
        + s.goals.len()
        + v.drafts.len()
        + v.consent.len()
        + s.activities.len()
        + measures
        + r.workstreams.len()
        + r.commitments.len()
        + s.awareness.len()
        + s.review.readings.len()
        + s.review.learnings.len()
        + s.review.next_steps.len()
        + 2 * s.decisions.len()
        + s.actions.len()
        + s.parking_lot.len()
        + s.notes.len()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::*;

    fn session(title: &str, day: u32) -> Session {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        Session::new(title, "P", NaiveDate::from_ymd_opt(2026, 9, day).unwrap(), now)
    }

    #[test]
    fn parts_are_joined_only_when_more_than_one_holds_something() {
        let mut got = Vec::new();
        let mut f = Fields {
            each: |_, _, text: &str| got.push(text.to_string()),
            room: String::new(),
        };
        f.joined(Section::Title, 0, &["", "  "], ", ");
        f.joined(Section::Title, 0, &[" Ana ", ""], ", ");
        f.joined(Section::Title, 0, &["Ana", " ", "Chair ", "Level Ground"], ", ");
        // The buffer is used again: nothing of the longer text is left.
        f.joined(Section::Title, 0, &["Bo", "Chair"], " — ");
        f.one(Section::Title, 0, " as it stands ");
        drop(f);
        assert_eq!(
            got,
            [
                "",
                "Ana",
                "Ana, Chair, Level Ground",
                "Bo — Chair",
                " as it stands "
            ]
        );
    }

    #[test]
    fn the_room_made_for_a_sessions_texts_is_just_enough() {
        let mut s = session("Full", 1);
        for _ in 0..2 {
            s.participants.push(Default::default());
            s.goals.push(Default::default());
            s.vision.drafts.push(Default::default());
            s.vision.consent.push(Default::default());
            s.activities.push(crate::domain::Activity {
                measures: vec![Default::default(); 2],
                ..Default::default()
            });
            s.roles.workstreams.push(Default::default());
            s.roles.commitments.push(Default::default());
            s.awareness.push(Default::default());
            s.review.readings.push(Default::default());
            s.review.learnings.push(Default::default());
            s.review.next_steps.push(Default::default());
            s.decisions.push(Default::default());
            s.actions.push(Default::default());
            s.parking_lot.push(Default::default());
        }
        s.notes.insert(Step::Goals, "A note".into());
        // A new kind of text left out of the count fails here.
        let mut count = 0;
        fields(&s, |_, _, _| count += 1);
        assert_eq!(room_for_fields(&s), count);
    }
}
