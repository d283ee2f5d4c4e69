//! The short part of a matching text shown under a search result: whole
//! words around the match, "…" where cut.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::Hit;

/// Characters of context kept before and after the match in a snippet.
const BEFORE: usize = 40;
const AFTER: usize = 60;

/// Up to [`BEFORE`] and [`AFTER`] characters around the match, cut between
/// words. Only a word longer than the whole window is cut inside itself.
pub(super) fn snippet(chars: &[char], at: usize, len: usize) -> (String, Range<usize>) {
    let space = |i: usize| chars.get(i).is_some_and(|c| *c == ' ');
    // The word holding the start of the match, then whole words before it.
    let word_start = (0..=at).rev().find(|&i| i == 0 || space(i - 1)).unwrap_or(at);
    let limit = at.saturating_sub(BEFORE);
    let start = if word_start < limit {
        at
    } else {
        (limit..=word_start)
            .find(|&i| i == 0 || space(i - 1))
            .unwrap_or(word_start)
    };
    let match_end = at + len;
    let word_end = (match_end..=chars.len())
        .find(|&i| i == chars.len() || space(i))
        .unwrap_or(match_end);
    let limit = (match_end + AFTER).min(chars.len());
    let end = if word_end > limit {
        match_end
    } else {
        (word_end..=limit)
            .rev()
            .find(|&i| i == chars.len() || space(i))
            .unwrap_or(word_end)
    };
    let prefix = if start > 0 { "…" } else { "" };
    let before: String = chars[start..at].iter().collect();
    let matched: String = chars[at..match_end].iter().collect();
    let after: String = chars[match_end..end].iter().collect();
    let suffix = if end < chars.len() { "…" } else { "" };
    let from = prefix.len() + before.len();
    let snippet = format!("{prefix}{before}{matched}{}{suffix}", after.trim_end());
    (snippet, from..from + matched.len())
}

impl Hit {
    /// The snippet in three parts (before the match, the match, after it)
    /// fitting in `width` columns, cut between words with "…" where cut. The
    /// match stays in view: text before it goes first on a narrow screen.
    pub fn fitted(&self, width: usize) -> (String, String, String) {
        let text = self.snippet.as_str();
        let range = self.highlight.clone();
        let (Some(before), Some(matched), Some(after)) = (
            text.get(..range.start),
            text.get(range.clone()),
            text.get(range.end..),
        ) else {
            return (String::new(), String::new(), keep_start(text, width));
        };
        let before = if before.width() + matched.width() > width / 2 {
            keep_end(before, width / 3)
        } else {
            before.to_string()
        };
        let matched = keep_start(matched, width.saturating_sub(before.width()));
        let after = keep_start(after, width.saturating_sub(before.width() + matched.width()));
        (before, matched, after)
    }
}

/// The start of `text` within `width` columns, ending with "…" at the end
/// of a word when cut; a first word too long for the room is cut inside.
fn keep_start(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    let mid_word = text[out.len()..].starts_with(|c: char| c != ' ');
    if mid_word && let Some(space) = out.rfind(' ').filter(|&i| i > 0) {
        out.truncate(space);
    }
    format!("{}…", out.trim_end())
}

/// The end of `text` within `width` columns, starting with "…" at the start
/// of a word when cut; a last word too long for the room is cut inside.
fn keep_end(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        used += c.width().unwrap_or(0);
        if used > width {
            break;
        }
        kept.push(c);
    }
    let tail: String = kept.into_iter().rev().collect();
    let mid_word = text[..text.len() - tail.len()].ends_with(|c: char| c != ' ');
    let tail = match tail.find(' ') {
        Some(i) if mid_word && i + 1 < tail.len() => &tail[i + 1..],
        _ => &tail[..],
    };
    format!("…{}", tail.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Section;

    fn hit(text: &str, word: &str) -> Hit {
        let chars: Vec<char> = text.chars().collect();
        let at = text[..text.find(word).unwrap()].chars().count();
        let (snippet, highlight) = snippet(&chars, at, word.chars().count());
        Hit {
            session: 0,
            section: Section::Title,
            item: 0,
            text: text.into(),
            snippet,
            highlight,
            score: 0,
        }
    }

    #[test]
    fn snippets_start_and_end_between_words() {
        let text = "People who gamble get practical protection fast: a bank block and blocking software within a fortnight of asking, every time";
        let h = hit(text, "bank block");
        assert_eq!(
            h.snippet,
            "…gamble get practical protection fast: a bank block and blocking software within a fortnight of asking, every…"
        );
        // Part of a word matched: the whole word is kept.
        let h = hit(
            &format!("{} leaflets for {}", "x ".repeat(30), "y ".repeat(40)),
            "leaf",
        );
        assert!(h.snippet.contains(" leaflets for"), "{}", h.snippet);
    }

    #[test]
    fn a_narrow_screen_cuts_between_words_and_keeps_the_match() {
        let text = "People who gamble get practical protection fast: a bank block and blocking software within a fortnight";
        let h = hit(text, "bank block");
        let (before, matched, after) = h.fitted(76);
        assert_eq!(matched, "bank block");
        assert_eq!(before, "…protection fast: a ");
        assert_eq!(after, " and blocking software within a fortnight");
        let (before, _, after) = h.fitted(40);
        assert_eq!((before.as_str(), after.as_str()), ("…fast: a ", " and blocking…"));
        let total = before.width() + matched.width() + after.width();
        assert!(total <= 76, "{total}");
        for width in [10, 20, 37, 50] {
            let (b, m, a) = h.fitted(width);
            assert!(b.width() + m.width() + a.width() <= width, "{width}: {b}|{m}|{a}");
            for part in [b.trim_matches('…'), a.trim_matches('…')] {
                for word in part.split_whitespace() {
                    assert!(
                        text.split_whitespace().any(|w| w == word),
                        "{width}: cut word {word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn one_long_word_is_cut_inside_as_a_last_resort() {
        let long = "x".repeat(200);
        let h = hit(&format!("{long} match {long}"), "match");
        assert!(h.snippet.starts_with("…match"), "{}", h.snippet);
        let (b, m, a) = h.fitted(20);
        assert_eq!((b.as_str(), m.as_str()), ("…", "match"));
        assert!(a.width() <= 14 && a.ends_with('…'), "{a}");
    }
}
