//! Markdown blocks built from text that is already escaped.
//!
//! A section is a list of blocks; the document joins blocks with one blank
//! line. A heading is only written when its section has something under it,
//! so the minutes never show an empty heading.

use chrono::NaiveDate;

/// A heading of `level` over `body`, or nothing at all when `body` is empty.
/// `title` is raw text and is escaped here.
pub fn section(level: usize, title: &str, body: impl IntoIterator<Item = String>) -> Vec<String> {
    let body: Vec<String> = body.into_iter().collect();
    if body.is_empty() {
        return body;
    }
    let mut out = vec![heading(level, title)];
    out.extend(body);
    out
}

pub fn heading(level: usize, title: &str) -> String {
    let text = super::escape::heading(title);
    let text = if text.is_empty() {
        "Untitled".to_string()
    } else {
        text
    };
    format!("{} {text}", "#".repeat(level.clamp(1, 6)))
}

/// A bullet list of escaped items; `None` when there are none.
pub fn bullets(items: &[String]) -> Option<String> {
    list(items, |_| "-".to_string())
}

/// A numbered list of escaped items; `None` when there are none.
pub fn numbered(items: &[String]) -> Option<String> {
    list(items, |i| format!("{}.", i + 1))
}

/// Continuation lines of an item (further paragraphs, a nested list) are
/// indented to line up with its text, so they stay inside the item; blank
/// lines stay empty, so the raw file has no trailing spaces.
fn list(items: &[String], marker: impl Fn(usize) -> String) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let rendered: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let marker = marker(i);
            let indent = " ".repeat(marker.len() + 1);
            let lines: Vec<String> = item
                .lines()
                .enumerate()
                .map(|(n, l)| match (n, l.is_empty()) {
                    (0, _) => format!("{marker} {l}"),
                    (_, true) => String::new(),
                    _ => format!("{indent}{l}"),
                })
                .collect();
            lines.join("\n")
        })
        .collect();
    Some(rendered.join("\n"))
}

/// Escaped paragraphs as one block quote.
pub fn quote(paragraphs: &[String]) -> Option<String> {
    if paragraphs.is_empty() {
        return None;
    }
    let quoted: Vec<String> = paragraphs
        .iter()
        .map(|p| p.lines().map(|l| format!("> {l}")).collect::<Vec<_>>().join("\n"))
        .collect();
    Some(quoted.join("\n>\n"))
}

/// "Thursday 3 December 2026", as the date of a meeting is written.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%A %-d %B %Y").to_string()
}

/// "3 Dec 2026", short enough for a table column.
pub fn short_date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_default()
}

/// "3 December 2026", for dates inside a sentence.
pub fn prose_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Non-empty parts joined by `sep`, each trimmed: "Ann, Chair" not "Ann, ".
pub fn join_present(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Escaped `text` followed by a raw `note` in brackets, when there is one:
/// "Cut waiting times (Ann Smith, 7 votes)".
pub fn with_note(text: String, note: &str) -> String {
    let note = super::escape::line(note);
    if note.is_empty() {
        text
    } else {
        format!("{text} ({note})")
    }
}

/// "1 vote", "7 votes".
pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_sections_vanish() {
        assert!(section(2, "Decisions", Vec::new()).is_empty());
        assert_eq!(section(2, "1. Goals", vec!["x".into()]), vec!["## 1. Goals", "x"]);
    }

    #[test]
    fn list_items_keep_continuation_lines_inside() {
        let items = vec!["a\n\nb\n- c".to_string(); 10];
        let list = numbered(&items).unwrap_or_default();
        assert!(list.starts_with("1. a\n\n   b\n   - c\n2. a"), "{list}");
        assert!(list.ends_with("10. a\n\n    b\n    - c"));
        assert_eq!(bullets(&[]), None);
    }

    #[test]
    fn quotes_separate_paragraphs() {
        let q = quote(&["one  \ntwo".into(), "three".into()]);
        assert_eq!(q.as_deref(), Some("> one  \n> two\n>\n> three"));
    }

    #[test]
    fn dates_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(long_date(d), "Thursday 3 December 2026");
        assert_eq!(short_date(Some(d)), "3 Dec 2026");
        assert_eq!(prose_date(d), "3 December 2026");
        assert_eq!(short_date(None), "");
    }

    #[test]
    fn joins_skip_blanks() {
        assert_eq!(join_present(&["Ann ", "", " Chair"], ", "), "Ann, Chair");
        assert_eq!(plural(1, "vote", "votes"), "1 vote");
        assert_eq!(plural(0, "vote", "votes"), "0 votes");
        assert_eq!(with_note("Goal".into(), " "), "Goal");
        assert_eq!(with_note("Goal".into(), "Ann, *2*"), r"Goal (Ann, \*2\*)");
    }
}
