//! Realistic archives of any size, for benchmarks and scale tests: never
//! used by the app itself.
//!
//! Built from the shipped examples in `workshops/` (about 14 KB a session),
//! so the text, lists and sizes are those of real meetings. The same `seed`
//! always gives the same sessions, byte for byte. Each partnership is a
//! series of about a dozen monthly meetings linked by `previous`, carrying
//! its open actions forward (same ids, some done along the way) and taking a
//! reading of the same measures each time, as `Session::follow_up` would.

use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Days, NaiveDate, Utc};
use rayon::prelude::*;

use super::format::{parse, try_to_ron};
use super::paths::file_name;
use crate::assets::examples;
use crate::domain::{ActionItem, ActionStatus, Decision, Goal, ParkedItem, Reading, Session};

/// Meetings per partnership, on average.
const SERIES_LENGTH: usize = 12;

const PLACES: [&str; 12] = [
    "Harbour",
    "Millbrook",
    "North Coast",
    "Ashfield",
    "Riverside",
    "Brindley Vale",
    "Eastgate",
    "Level Ground",
    "Oakmoor",
    "Southend",
    "Fenwick",
    "Greystone",
];
const KINDS: [&str; 8] = [
    "Food Justice Alliance",
    "Housing Partnership",
    "Youth Forum",
    "Health Network",
    "Carers' Circle",
    "Arts Collective",
    "Climate Coalition",
    "Advice Consortium",
];

/// A small, seeded pseudo-random source (splitmix64): reproducible on every
/// platform without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The shipped examples, parsed.
fn bases() -> Vec<Session> {
    examples()
        .into_iter()
        .filter_map(|(name, text)| parse(text.as_bytes(), Path::new(name)).ok())
        .collect()
}

/// `n` sessions in partnerships of about a dozen linked meetings, in series
/// order. The same `seed` gives the same sessions.
pub fn sessions(n: usize, seed: u64) -> Vec<Session> {
    let bases = bases();
    let mut rng = Rng(seed);
    let mut out: Vec<Session> = Vec::with_capacity(n);
    let mut partnership = 0;
    while out.len() < n {
        let length = (SERIES_LENGTH / 2 + rng.below(SERIES_LENGTH)).min(n - out.len());
        series(&bases, &mut rng, partnership, length, &mut out);
        partnership += 1;
    }
    out
}

/// Like [`sessions`], with the same partnerships, links, carried actions
/// and readings, but only a little of each meeting's text (about a fifth
/// of the size): for tests that check behaviour at scale in a debug build.
pub fn light_sessions(n: usize, seed: u64) -> Vec<Session> {
    let mut all = sessions(n, seed);
    for s in &mut all {
        s.notes.clear();
        s.vision.drafts.clear();
        s.vision.consent.clear();
        s.awareness.clear();
        s.review.learnings.clear();
        s.review.next_steps.clear();
        s.roles = Default::default();
        s.goals.truncate(2);
        s.participants.truncate(3);
        s.decisions.truncate(2);
        s.parking_lot.truncate(1);
    }
    all
}

/// One partnership's meetings, appended to `out`.
fn series(bases: &[Session], rng: &mut Rng, number: usize, length: usize, out: &mut Vec<Session>) {
    let name = format!(
        "{} {} {}",
        PLACES[rng.below(PLACES.len())],
        KINDS[rng.below(KINDS.len())],
        number + 1
    );
    let first = bases[rng.below(bases.len())].clone();
    let start = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or_default() + Days::new(rng.below(2000) as u64);
    let mut carried: Vec<ActionItem> = Vec::new();
    let mut previous = String::new();
    for k in 0..length {
        let base = &bases[rng.below(bases.len())];
        let date = start + Days::new(28 * k as u64 + rng.below(7) as u64);
        let mut s = base.clone();
        s.title = format!("{name}: {} ({})", base.title, k + 1);
        s.partnership = name.clone();
        s.date = date;
        s.id = format!("{date}-p{number}-m{k}");
        s.previous = std::mem::take(&mut previous);
        let stamp =
            DateTime::<Utc>::from_naive_utc_and_offset(date.and_hms_opt(18, 0, 0).unwrap_or_default(), Utc);
        (s.created, s.updated) = (stamp, stamp);
        // The same measures every meeting, each read again with a new value.
        s.activities = first.activities.clone();
        let measures = first.activities.iter().flat_map(|a| &a.measures);
        s.review.readings = measures
            .enumerate()
            .map(|(i, m)| Reading {
                measure_id: m.id.to_string(),
                date: Some(date),
                value: (10 + k * 3 + i + rng.below(5)).to_string(),
                note: String::new(),
                ..Default::default()
            })
            .collect();
        // Open actions carry over; some get done; this meeting adds its own.
        for a in &mut carried {
            if rng.below(4) == 0 {
                a.status = ActionStatus::Done;
            }
        }
        let mut new = base.actions.clone();
        for (i, a) in new.iter_mut().enumerate() {
            a.id = format!("a-p{number}-m{k}-{i}").into();
        }
        s.actions = carried.drain(..).chain(new).collect();
        carried = s.actions.iter().filter(|a| a.status.is_open()).cloned().collect();
        previous = s.id.clone();
        out.push(s);
    }
}

/// A long session: an example grown to `items` goals, decisions, actions
/// and parked points in all, for per-keystroke and export benchmarks.
pub fn big_session(items: usize, seed: u64) -> Session {
    let mut rng = Rng(seed);
    let bases = bases();
    let mut s = bases.first().cloned().unwrap_or_else(|| {
        Session::new(
            "A long session",
            "",
            NaiveDate::default(),
            DateTime::<Utc>::default(),
        )
    });
    let words: Vec<&str> = bases
        .iter()
        .flat_map(|b| b.vision.final_wording.split_whitespace())
        .collect();
    let text = |rng: &mut Rng| -> String {
        let n = 6 + rng.below(20);
        (0..n)
            .map(|_| words[rng.below(words.len())])
            .collect::<Vec<_>>()
            .join(" ")
    };
    for i in 0..items {
        match i % 4 {
            0 => s.goals.push(Goal {
                text: text(&mut rng),
                ..Default::default()
            }),
            1 => s.decisions.push(Decision {
                text: text(&mut rng),
                ..Default::default()
            }),
            2 => s.actions.push(ActionItem {
                id: format!("a-big-{i}").into(),
                text: text(&mut rng).into(),
                owner: "Ann".into(),
                ..Default::default()
            }),
            _ => s.parking_lot.push(ParkedItem {
                text: text(&mut rng),
                ..Default::default()
            }),
        }
    }
    s
}

/// Writes `sessions` into `dir`, one file each, named as the app names them.
/// Plain writes, not atomic ones: for throwaway folders only.
pub fn write(dir: &Path, sessions: &[Session]) -> io::Result<Vec<PathBuf>> {
    sessions
        .par_iter()
        .map(|s| {
            let path = dir.join(file_name(s, 1));
            let text = try_to_ron(s).map_err(|e| io::Error::other(e.to_string()))?;
            std::fs::write(&path, text)?;
            Ok(path)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_archive() {
        assert_eq!(sessions(40, 7), sessions(40, 7));
        assert_ne!(sessions(40, 7), sessions(40, 8));
        assert_eq!(sessions(40, 7).len(), 40);
    }

    #[test]
    fn partnerships_are_linked_series_carrying_actions() {
        let all = sessions(60, 1);
        let linked = all.iter().filter(|s| !s.previous.is_empty()).count();
        assert!(linked > 40, "{linked}");
        let ids: std::collections::HashSet<&str> = all.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), all.len(), "ids are unique");
        let second = &all[1];
        let first = &all[0];
        if second.previous == first.id {
            let carried = first
                .open_actions()
                .filter(|a| second.actions.iter().any(|b| b.id == a.id));
            assert_eq!(carried.count(), first.open_actions().count());
        }
        let measured = all.iter().filter(|s| !s.review.readings.is_empty()).count();
        assert!(measured > 30, "{measured}");
    }

    #[test]
    fn a_big_session_has_the_items_asked_for_and_round_trips() {
        let s = big_session(2000, 3);
        assert!(s.goals.len() + s.decisions.len() + s.actions.len() + s.parking_lot.len() >= 2000);
        let text = try_to_ron(&s).unwrap();
        assert_eq!(parse(text.as_bytes(), Path::new("b.ron")).unwrap(), s);
    }
}
