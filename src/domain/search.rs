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
}
