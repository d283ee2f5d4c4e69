//! Placing work under a goal by its words, for work that names no goal:
//! the distinctive words each goal and each piece of work share.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::comparable;

/// The distinctive words of each goal: words of four letters or more, cut
/// to their first five (so "screening" meets "screen" and "families"
/// meets "family", while "protocol" stays apart from "protection"),
/// leaving out common words and any word most goals share (the
/// partnership's subject, e.g. "gambling", says nothing about which goal).
pub(super) struct Words {
    goals: Vec<BTreeSet<String>>,
}

/// Words that say nothing about a goal.
const COMMON: &[&str] = &[
    "about",
    "after",
    "also",
    "been",
    "being",
    "both",
    "come",
    "comes",
    "does",
    "each",
    "every",
    "everyone",
    "fewer",
    "from",
    "have",
    "into",
    "less",
    "more",
    "most",
    "much",
    "only",
    "other",
    "over",
    "people",
    "same",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "very",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "within",
    "would",
    "your",
    "make",
    "made",
    "nobody",
    "anyone",
    "partnership",
    "partners",
    "help",
    "first",
    "time",
    "days",
    "week",
    "month",
    "monthly",
    "year",
    "share",
    "shared",
    "work",
    "place",
    "need",
    "needs",
    "local",
    "able",
    "just",
    "like",
    "well",
    "good",
    "better",
    "given",
    "give",
    "gets",
    "next",
];

impl Words {
    pub(super) fn new(goals: &[&str]) -> Words {
        let mut goals: Vec<BTreeSet<String>> = goals.iter().map(|g| stems(g)).collect();
        if goals.len() >= 3 {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for stem in goals.iter().flatten() {
                *counts.entry(stem.clone()).or_default() += 1;
            }
            let half = goals.len() / 2;
            for g in &mut goals {
                g.retain(|s| counts.get(s).is_some_and(|&n| n <= half));
            }
        }
        Words { goals }
    }

    /// The goals `text` shares a distinctive word with.
    pub(super) fn serves(&self, text: &str) -> Vec<usize> {
        let words = stems(text);
        self.goals
            .iter()
            .enumerate()
            .filter(|(_, g)| g.intersection(&words).next().is_some())
            .map(|(i, _)| i)
            .collect()
    }
}

fn stems(text: &str) -> BTreeSet<String> {
    comparable(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !COMMON.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}
