//! Finding words anywhere in the archive: titles, people, every step,
//! decisions, actions, notes and the parking lot.
//!
//! A field matches when it holds every word of the query, ignoring case,
//! accents and dash or quote variants (see [`super::fold`]): `cafe` finds "Café".
//! Hits in titles, the vision and decisions rank above those in notes, and a
//! field holding the words as one phrase ranks higher still.

use std::ops::Range;

use super::fold::folded;
use super::search_index::SearchIndex;
use super::snippet::snippet;
use super::{Session, Step};

/// Where in a session a hit was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Title,
    Participants,
    Step(Step),
    Decisions,
    Actions,
    ParkingLot,
    /// The facilitator's notes for a step.
    Notes(Step),
}

impl Section {
    /// "Decisions", "Step 2: Single vision", "Notes on step 6".
    pub fn label(self) -> String {
        match self {
            Section::Title => "Title".into(),
            Section::Participants => "Participants".into(),
            Section::Step(step) => format!("Step {}: {}", step.number(), step.short()),
            Section::Decisions => "Decisions".into(),
            Section::Actions => "Actions".into(),
            Section::ParkingLot => "Parking lot".into(),
            Section::Notes(step) => format!("Notes on step {}", step.number()),
        }
    }

    pub(super) fn weight(self) -> u32 {
        match self {
            Section::Title => 50,
            Section::Step(Step::Vision) | Section::Decisions => 40,
            Section::Step(Step::Goals) | Section::Actions | Section::Participants => 30,
            Section::Step(_) => 20,
            Section::ParkingLot => 15,
            Section::Notes(_) => 10,
        }
    }
}

/// Added when the field holds the query as one phrase.
pub(super) const PHRASE_BOOST: u32 = 25;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the session in the slice searched.
    pub session: usize,
    pub section: Section,
    /// Position of the item in its list (the participant, goal, activity,
    /// decision, action or parked point); 0 for single fields.
    pub item: usize,
    /// The whole matching text on one line.
    pub text: String,
    /// A short part of `text` around the match, with "…" where cut.
    pub snippet: String,
    /// The first match inside `snippet`, as a byte range, for highlighting.
    pub highlight: Range<usize>,
    pub score: u32,
}

/// Every field of every session that holds all the words of `query`, best
/// first, then newest session first. An empty query finds nothing.
pub fn search(sessions: &[Session], query: &str) -> Vec<Hit> {
    SearchIndex::new(sessions).search(query)
}

/// `raw` on one line, each run of spaces and line breaks made one space.
pub(super) fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn find(haystack: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

type Matched = (String, String, Range<usize>, u32);

/// The text on one line, its snippet, the highlight and the phrase boost,
/// when `raw` holds every word.
pub(super) fn matching(raw: &str, words: &[Vec<char>], phrase: &[char]) -> Option<Matched> {
    let text = one_line(raw);
    let chars: Vec<char> = text.chars().collect();
    let (low, origin) = folded(&text);
    let firsts: Vec<usize> = words.iter().map(|w| find(&low, w)).collect::<Option<_>>()?;
    let (at, len, boost) = match find(&low, phrase) {
        Some(at) if words.len() > 1 => (at, phrase.len(), PHRASE_BOOST),
        _ => {
            let (i, at) = firsts.iter().enumerate().min_by_key(|(_, at)| **at)?;
            (*at, words[i].len(), 0)
        }
    };
    // Back from folded chars to the original ones ("ss" may be one "ß").
    let start = origin.get(at).copied().unwrap_or(0);
    let end = origin.get(at + len - 1).map_or(chars.len(), |&i| i + 1);
    let (snippet, highlight) = snippet(&chars, start, end - start);
    Some((text, snippet, highlight, boost))
}

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
    use crate::domain::{ActionItem, Decision};

    fn session(title: &str, day: u32) -> Session {
        let now = DateTime::from_timestamp(1_780_000_000, 0).unwrap();
        Session::new(title, "P", NaiveDate::from_ymd_opt(2026, 9, day).unwrap(), now)
    }

    #[test]
    fn a_carried_over_action_is_found_once_in_its_latest_session() {
        let action = ActionItem {
            id: "a-1".into(),
            text: "Book the hall".into(),
            ..Default::default()
        };
        let mut first = session("September", 1);
        first.actions.push(action.clone());
        let mut later = session("October", 20);
        later.actions.push(action);
        later.actions.push(ActionItem {
            id: "a-2".into(),
            text: "Book a van".into(),
            ..Default::default()
        });
        let sessions = vec![first, later];
        let hits = search(&sessions, "book");
        let found: Vec<(usize, usize)> = hits.iter().map(|h| (h.session, h.item)).collect();
        assert_eq!(found, vec![(1, 0), (1, 1)]);
    }

    #[test]
    fn every_word_must_match_ignoring_case() {
        let mut s = session("Family groups review", 1);
        s.actions.push(ActionItem {
            text: "Leave leaflets at the GP surgeries".into(),
            owner: "Owen".into(),
            ..Default::default()
        });
        let sessions = vec![s];
        let hits = search(&sessions, "LEAFLETS owen");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].section, hits[0].item), (Section::Actions, 0));
        assert!(search(&sessions, "leaflets nobody").is_empty());
        assert!(search(&sessions, "   ").is_empty());
    }

    #[test]
    fn titles_and_decisions_rank_above_notes_and_phrases_rank_higher() {
        let mut old = session("Bank blocks", 1);
        old.set_note(Step::NextSteps, "We talked about bank blocks at length".into());
        let mut new = session("September", 20);
        new.decisions.push(Decision {
            text: "Every client is offered a block at the bank".into(),
            ..Default::default()
        });
        new.set_note(Step::Roles, "bank and block, in that order".into());
        let sessions = vec![old, new];
        let found: Vec<(usize, Section, u32)> = search(&sessions, "bank blocks")
            .iter()
            .map(|h| (h.session, h.section, h.score))
            .collect();
        assert_eq!(
            found,
            [(0, Section::Title, 75), (0, Section::Notes(Step::NextSteps), 35),]
        );
        let found: Vec<(usize, Section)> = search(&sessions, "block bank")
            .iter()
            .map(|h| (h.session, h.section))
            .collect();
        assert_eq!(
            found,
            [
                (0, Section::Title),
                (1, Section::Decisions),
                (1, Section::Notes(Step::Roles)),
                (0, Section::Notes(Step::NextSteps)),
            ]
        );
    }

    #[test]
    fn snippets_cut_at_spaces_and_mark_the_match() {
        let mut s = session("T", 1);
        let long = format!(
            "{} the Hebble Green group moved {}",
            "word ".repeat(20),
            "more ".repeat(30)
        );
        s.set_note(Step::NextSteps, long);
        let sessions = vec![s];
        let hit = &search(&sessions, "hebble green")[0];
        assert!(hit.snippet.starts_with("…word "), "{}", hit.snippet);
        assert!(hit.snippet.ends_with("more…"), "{}", hit.snippet);
        assert_eq!(&hit.snippet[hit.highlight.clone()], "Hebble Green");
        assert_eq!(hit.section.label(), "Notes on step 6");
    }

    #[test]
    fn case_folding_keeps_positions_for_any_letters() {
        let mut s = session("İstanbul ÉTÉ café", 1);
        s.title.push_str(" Straße");
        let sessions = vec![s];
        let hit = &search(&sessions, "été")[0];
        assert_eq!(&hit.snippet[hit.highlight.clone()], "ÉTÉ");
        assert_eq!(search(&sessions, "straße").len(), 1);
    }

    #[test]
    fn accents_fold_both_ways_and_the_original_is_highlighted() {
        let sessions = vec![session("Café Straße", 1), session("Cafe Strasse", 2)];
        let found = |q: &str| -> Vec<String> {
            search(&sessions, q)
                .iter()
                .map(|h| h.snippet[h.highlight.clone()].to_string())
                .collect()
        };
        assert_eq!(found("cafe"), ["Cafe", "Café"]);
        assert_eq!(found("CAFÉ"), ["Cafe", "Café"]);
        assert_eq!(found("strasse"), ["Strasse", "Straße"]);
        assert_eq!(found("straße"), ["Strasse", "Straße"]);
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
