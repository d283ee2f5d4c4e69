//! Making typed text safe to place in Markdown.
//!
//! Whatever a participant types must show up as the same words in the
//! minutes and nothing else: no headings, lists, links, tables, emphasis or
//! raw HTML of its own. Every piece of session text passes through one of
//! these functions exactly once, at the point it is written out.
//!
//! Minutes are also read raw, in mail clients and editors, so a character is
//! escaped only where a Markdown reader would take it as markup: `A&E`,
//! `2 * 3`, `snake_case`, `#3` and `a < b` stay as typed.
//!
//! Escaped text is always placed next to whitespace, punctuation or the edge
//! of a line, never directly against a letter: the emphasis rules below
//! assume so at both ends.

/// What an empty table cell shows, so a blank reads as "nothing said"
/// rather than a broken row.
pub const EMPTY_CELL: &str = "—";

/// Normalises line endings, turns tabs into spaces and drops control
/// characters and invisible direction overrides, which could hide or
/// reorder text in a printed copy.
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() || is_direction_override(c) => None,
            c => Some(c),
        })
        .collect()
}

fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of text for any place that may start a line (a list item, a
/// sentence of our own): line breaks become spaces, runs of spaces collapse.
pub fn line(text: &str) -> String {
    escape_block_start(heading(text))
}

/// Heading text: like [`line`], but a heading's text is never read as a
/// block, so "1. Shared goals" can stay as it is.
pub fn heading(text: &str) -> String {
    escape_inline(&words(&clean(text)))
}

/// A table cell: like [`line`], but line breaks become " / " so a list typed
/// on several lines stays readable, and an empty cell shows a dash.
pub fn cell(text: &str) -> String {
    let lines = typed_lines(text);
    if lines.is_empty() {
        return EMPTY_CELL.to_string();
    }
    escape_block_start(escape_inline(&lines.join(" / ")))
}

/// Two spaces before a line break: a hard break that, unlike a trailing
/// backslash, is invisible when the file is read raw. Where spaces at line
/// ends are stripped, the break becomes a space and nothing else changes.
const HARD_BREAK: &str = "  \n";

/// Free text as paragraphs: blank lines separate paragraphs, and a single
/// line break is kept as a hard break, so the text reads as typed both raw
/// and converted, and a typed line can never start a block of its own.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for raw in clean(text).lines() {
        let words = words(raw);
        if words.is_empty() {
            if !current.is_empty() {
                out.push(current.join(HARD_BREAK));
                current.clear();
            }
        } else {
            current.push(escape_block_start(escape_inline(&words)));
        }
    }
    if !current.is_empty() {
        out.push(current.join(HARD_BREAK));
    }
    out
}

/// Free text for a list item: its paragraphs separated by blank lines,
/// which [`super::blocks`] indents under the item's marker.
pub fn list_item(text: &str) -> String {
    paragraphs(text).join("\n\n")
}

/// The non-blank lines of `text`, each with its spaces collapsed.
fn typed_lines(text: &str) -> Vec<String> {
    clean(text).lines().map(words).filter(|l| !l.is_empty()).collect()
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes, in one line with no line breaks and no leading spaces, every
/// character Markdown could read as inline markup or as the start of HTML.
fn escape_inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '*' | '_' | '~') {
            // Emphasis and strikethrough work on whole runs of one character.
            let end = i + chars[i..].iter().take_while(|&&x| x == c).count();
            let special = is_delimiter(c, i.checked_sub(1).map(|p| chars[p]), chars.get(end).copied());
            for _ in i..end {
                if special {
                    out.push('\\');
                }
                out.push(c);
            }
            i = end;
            continue;
        }
        let next = chars.get(i + 1).copied();
        let special = match c {
            '`' | '[' | ']' | '|' => true,
            // A backslash only escapes punctuation, or breaks the line at its end.
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
            // Only a letter, `/`, `!` or `?` after `<` can open HTML or an autolink.
            '<' => next.is_none_or(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            // Only "&name;", "&#12;" or "&#x1F;" could become an entity.
            '&' => is_entity_start(&chars[i + 1..]),
            // A heading's closing run of #s; a # at the start is a block marker.
            '#' => i == 0 || (chars[i - 1] == ' ' && chars[i..].iter().all(|&x| x == '#' || x == ' ')),
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
        i += 1;
    }
    out
}

fn is_entity_start(rest: &[char]) -> bool {
    if rest.first() == Some(&'#') {
        return true;
    }
    let name = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    name > 0 && rest.get(name) == Some(&';')
}

/// How CommonMark sees the character beside a run of `*`, `_` or `~`.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Space,
    Punctuation,
    Other,
}

/// The ways a neighbour may be read. Outside the text it is whitespace or
/// punctuation (see the module notes); a non-ASCII symbol may count as
/// punctuation to one reader and not to another, so both are tried.
fn sides(c: Option<char>) -> &'static [Side] {
    match c {
        None => &[Side::Space, Side::Punctuation],
        Some(c) if c.is_whitespace() => &[Side::Space],
        Some(c) if c.is_ascii_punctuation() => &[Side::Punctuation],
        Some(c) if c.is_alphanumeric() => &[Side::Other],
        Some(_) => &[Side::Punctuation, Side::Other],
    }
}

/// Whether a run of `c` between `before` and `after` could open or close
/// emphasis or strikethrough (CommonMark's flanking rules), under any
/// reading of its neighbours.
fn is_delimiter(c: char, before: Option<char>, after: Option<char>) -> bool {
    sides(before).iter().any(|&b| {
        sides(after).iter().any(|&a| {
            let left = a != Side::Space && (a != Side::Punctuation || b != Side::Other);
            let right = b != Side::Space && (b != Side::Punctuation || a != Side::Other);
            if c == '_' {
                (left && (!right || b == Side::Punctuation)) || (right && (!left || a == Side::Punctuation))
            } else {
                left || right
            }
        })
    })
}

/// A line starting with a block marker ("-", "+", "*", "_", "=", "~", ">",
/// "12." or "12)") would start a list, quote, fence, rule or setext
/// heading; a leading "#" is escaped by [`escape_inline`] already.
fn escape_block_start(line: String) -> String {
    if line.starts_with(['-', '+', '=', '>', '*', '_', '~']) && !line.starts_with('\\') {
        return format!("\\{line}");
    }
    // "3." or "3) " starts a numbered list; "3.0" (a mean score) does not.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after = line[digits..].chars().nth(1);
    if digits > 0 && line[digits..].starts_with(['.', ')']) && after.is_none_or(char::is_whitespace) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

#[cfg(test)]
#[path = "escape_tests.rs"]
mod tests;
