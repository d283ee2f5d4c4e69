//! Ranking what a query found, and making a result to show on request.

use super::search::{Hit, PHRASE_BOOST, Section, matching};
use super::search_index::{Found, SearchIndex};

/// The score of a place left out: its carried action is shown elsewhere.
const DROPPED: u8 = u8::MAX;

/// The hits, best first, and where each score's end (see [`Found`]).
type Ranked = (Vec<u32>, Vec<(u32, u32)>);

/// A place found: its session, section and item.
type Place = (usize, Section, u32);

impl SearchIndex {
    /// The found `fields` (in the order searched), one per place (its best
    /// score; the first field of equals), best first, then in the order
    /// searched, each carried action once. `marks` are 2 for a text holding
    /// the query as a phrase.
    pub(super) fn ranked(&self, fields: &[u32], marks: &[u8]) -> Ranked {
        let mut best: Vec<u32> = Vec::with_capacity(fields.len());
        let mut scores: Vec<u8> = Vec::with_capacity(fields.len());
        // Each carried action's place shown, by its group.
        let mut shown = vec![u32::MAX; self.group_count];
        let mut sessions = self.order.iter();
        let mut session: Option<(usize, std::ops::Range<usize>)> = None;
        let mut place: Option<Place> = None;
        for &f in fields {
            let at = f as usize;
            // The fields come in the order searched, session by session.
            while !session.as_ref().is_some_and(|(_, span)| span.contains(&at)) {
                let Some(&s) = sessions.next() else { break };
                session = Some((s as usize, self.span(s as usize)));
            }
            let Some((slot, span)) = &session else { break };
            if !span.contains(&at) {
                break;
            }
            let field = self.fields[at];
            let boost = if marks[field.raw as usize] == 2 {
                PHRASE_BOOST
            } else {
                0
            };
            let score = u8::try_from(field.section.weight() + boost).unwrap_or(DROPPED - 1);
            let here = (*slot, field.section, self.item(at));
            // A place's fields are side by side, so a repeat is the last one kept.
            if place == Some(here)
                && let (Some(last), Some(kept)) = (best.last_mut(), scores.last_mut())
            {
                if score > *kept {
                    (*last, *kept) = (f, score);
                }
                continue;
            }
            if let Some(done) = place {
                self.once(done, &mut scores, &mut shown);
            }
            place = Some(here);
            best.push(f);
            scores.push(score);
        }
        if let Some(done) = place {
            self.once(done, &mut scores, &mut shown);
        }
        // Best first, keeping the order searched among equals: counted per
        // score, then placed.
        let mut count = [0u32; 256];
        for &s in &scores {
            count[s as usize] += 1;
        }
        let mut at = [0u32; 256];
        let mut levels = Vec::new();
        let mut total = 0;
        for score in (0..DROPPED).rev() {
            let n = count[score as usize];
            if n > 0 {
                at[score as usize] = total;
                total += n;
                levels.push((total, u32::from(score)));
            }
        }
        let mut hits = vec![0u32; total as usize];
        for (&f, &s) in best.iter().zip(&scores) {
            if s != DROPPED {
                hits[at[s as usize] as usize] = f;
                at[s as usize] += 1;
            }
        }
        (hits, levels)
    }

    /// An action carried from session to session is one action: shown once,
    /// at its best score, in its latest session (first in the order
    /// searched) among equals. `place` is the last of `scores`.
    fn once(&self, (slot, section, item): Place, scores: &mut [u8], shown: &mut [u32]) {
        if section != Section::Actions {
            return;
        }
        let last = scores.len().saturating_sub(1);
        let Some(before) = shown.get_mut(self.group(slot, item) as usize) else {
            return;
        };
        let Some(&now) = scores.get(last) else { return };
        match scores.get(*before as usize).copied() {
            None => *before = last as u32,
            Some(then) if now > then => {
                scores[*before as usize] = DROPPED;
                *before = last as u32;
            }
            Some(_) => scores[last] = DROPPED,
        }
    }
}

impl Found {
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The field and score of the `i`th result.
    fn at(&self, i: usize) -> Option<(usize, u32)> {
        let f = *self.hits.get(i)?;
        let &(_, score) = self.levels.iter().find(|(end, _)| i < *end as usize)?;
        Some((f as usize, score))
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
        (0..self.hits.len()).filter_map(|i| self.hit(index, i)).collect()
    }
}
