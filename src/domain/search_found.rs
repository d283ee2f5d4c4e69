//! Ranking what a query found, and making a result to show on request.

use std::collections::HashMap;

use super::search::{Hit, PHRASE_BOOST, Section, matching};
use super::search_build::WIDE;
use super::search_index::{Found, SearchIndex};

/// A hit taken back: its carried action is shown at a better score.
const TAKEN_BACK: u32 = u32::MAX;

/// A place found: its session, section and item.
type Place = (usize, Section, u32);

/// The hits of a query ranked as they are found, in one pass: one per
/// place (its best score; the first field of equals), by score, in the
/// order searched among equals, each carried action once.
pub(super) struct Ranking<'a> {
    index: &'a SearchIndex,
    /// 2 for a text holding the query as a phrase.
    marks: &'a [u8],
    /// Each score's hits so far.
    by_score: Vec<Vec<u32>>,
    /// The place being looked at, its best field and score.
    place: Option<(Place, u32, u8)>,
    /// Each carried action's score so far, by its group (0 for none): a
    /// small table, looked up for every action found.
    shown: Vec<u8>,
    /// Where each carried action's hit is in `by_score`, when a later one
    /// could still score higher (only a phrase scores higher).
    beatable: HashMap<u32, u32>,
    /// The best score an action can have for this query.
    top: u8,
    taken_back: bool,
}

impl<'a> Ranking<'a> {
    /// `phrase` when the query has more than one word.
    pub fn new(index: &'a SearchIndex, marks: &'a [u8], phrase: bool) -> Ranking<'a> {
        let top = Section::Actions.weight() + if phrase { PHRASE_BOOST } else { 0 };
        Ranking {
            index,
            marks,
            by_score: vec![Vec::new(); usize::from(u8::MAX) + 1],
            place: None,
            shown: vec![0; index.group_count],
            beatable: HashMap::new(),
            top: u8::try_from(top).unwrap_or(u8::MAX),
            taken_back: false,
        }
    }

    /// Field `f` of session `slot`, found; fields come in the order searched.
    pub fn add(&mut self, slot: usize, f: u32) {
        let Some(&field) = self.index.fields.get(f as usize) else {
            return;
        };
        let phrase = self.marks.get(field.raw as usize) == Some(&2);
        let boost = if phrase { PHRASE_BOOST } else { 0 };
        let score = u8::try_from(field.section.weight() + boost).unwrap_or(u8::MAX);
        let item = match field.item {
            WIDE => self.index.item(f as usize),
            item => u32::from(item),
        };
        let here = (slot, field.section, item);
        match &mut self.place {
            // A place's fields are side by side.
            Some((place, best, top)) if *place == here => {
                if score > *top {
                    (*best, *top) = (f, score);
                }
            }
            _ => {
                self.close();
                self.place = Some((here, f, score));
            }
        }
    }

    /// The place looked at is done: its hit is placed.
    fn close(&mut self) {
        let Some(((slot, section, item), f, score)) = self.place.take() else {
            return;
        };
        // An action carried from session to session is one action: shown
        // once, at its best score, in its latest session among equals
        // (the first searched).
        let group = match section {
            Section::Actions => self.index.group(slot, item),
            _ => u32::MAX,
        };
        if let Some(shown) = self.shown.get_mut(group as usize) {
            let before = *shown;
            if score <= before {
                return;
            }
            if before > 0
                && let Some(at) = self.beatable.remove(&group)
                && let Some(hit) = self.by_score[usize::from(before)].get_mut(at as usize)
            {
                *hit = TAKEN_BACK;
                self.taken_back = true;
            }
            *shown = score;
            if score < self.top {
                let at = self.by_score[usize::from(score)].len();
                self.beatable.insert(group, super::search_build::small(at));
            }
        }
        self.by_score[usize::from(score)].push(f);
    }

    /// Each score's hits, best score first.
    pub fn finish(mut self) -> Vec<(u32, Vec<u32>)> {
        self.close();
        let mut levels = Vec::new();
        for (score, mut hits) in self.by_score.into_iter().enumerate().rev() {
            if self.taken_back {
                hits.retain(|&f| f != TAKEN_BACK);
            }
            if !hits.is_empty() {
                hits.shrink_to_fit();
                levels.push((super::search_build::small(score), hits));
            }
        }
        levels
    }
}

impl Found {
    pub fn len(&self) -> usize {
        self.levels.iter().map(|(_, hits)| hits.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// The field and score of the `i`th result.
    fn at(&self, mut i: usize) -> Option<(usize, u32)> {
        for (score, hits) in &self.levels {
            match hits.get(i) {
                Some(&f) => return Some((f as usize, *score)),
                None => i -= hits.len(),
            }
        }
        None
    }

    /// The session, section and item of the `i`th result.
    pub fn place(&self, index: &SearchIndex, i: usize) -> Option<(usize, Section, usize)> {
        let (f, _) = self.at(i)?;
        let field = index.fields.get(f)?;
        Some((index.session_of(f)?, field.section, index.item(f) as usize))
    }

    /// The `i`th result with its text and snippet.
    pub fn hit(&self, index: &SearchIndex, i: usize) -> Option<Hit> {
        let (f, score) = self.at(i)?;
        let (session, section, item) = self.place(index, i)?;
        let raw = index.raws.get(index.fields.get(f)?.raw);
        let (text, snippet, highlight, _) = matching(raw, &self.words, &self.phrase)?;
        Some(Hit {
            session,
            section,
            item,
            text,
            snippet,
            highlight,
            score,
        })
    }

    /// Every result with its text and snippet.
    pub fn hits(&self, index: &SearchIndex) -> Vec<Hit> {
        (0..self.len()).filter_map(|i| self.hit(index, i)).collect()
    }
}
