//! Making text typed by anyone (or read from a file anyone could edit) safe to
//! draw on a terminal.
//!
//! A session file is plain text, so a title can hold an escape character.
//! Drawn as it is, `ESC [2J` clears the projector, `ESC ]52;…` writes to the
//! clipboard, and a right-to-left override makes "txt.exe" read backwards.
//! Every piece of user text goes through [`clean_for_terminal`] before it is
//! drawn.

use std::borrow::Cow;

/// What a control character is shown as: visible, so nothing is silently lost.
pub const REPLACEMENT: char = '\u{FFFD}';

/// `text` with nothing the terminal could act on: tabs become a space, and
/// every other control character (C0, DEL, C1, including ESC and CSI) and
/// every bidirectional override or isolate becomes [`REPLACEMENT`].
/// Newlines are replaced too: callers split lines before cleaning them.
/// Borrows when the text is already clean, which is almost always.
pub fn clean_for_terminal(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_cleaning) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if needs_cleaning(c) => REPLACEMENT,
                c => c,
            })
            .collect(),
    )
}

/// Whether `c` would be acted on by a terminal rather than shown.
pub fn needs_cleaning(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
/// reorder the text around them, and can hide what a line really says.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every line passed through [`clean_for_terminal`], the one
/// cleaning pass the app uses too. Line ends (`\n`, `\r\n`) are kept; a
/// lone `\r`, which would let a line overwrite itself, is not.
pub fn clean_lines(text: &str) -> Cow<'_, str> {
    let harmful = |c: char| c != '\n' && c != '\r' && needs_cleaning(c);
    if !text.chars().any(harmful) && !text.replace("\r\n", "").contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = if let Some(body) = line.strip_suffix("\r\n") {
            (body, "\r\n")
        } else if let Some(body) = line.strip_suffix('\n') {
            (body, "\n")
        } else {
            (line, "")
        };
        out.push_str(&clean_for_terminal(body));
        out.push_str(end);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let text = "Café — «quotes» 'apostrophes' 中文 עברית 🎉";
        assert!(matches!(clean_for_terminal(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn escape_sequences_cannot_reach_the_terminal() {
        let clear = "before\u{1b}[2Jafter";
        assert_eq!(clean_for_terminal(clear), "before\u{FFFD}[2Jafter");
        let clipboard = "\u{1b}]52;c;ZXZpbA==\u{7}";
        let cleaned = clean_for_terminal(clipboard);
        assert!(
            !cleaned.contains('\u{1b}') && !cleaned.contains('\u{7}'),
            "{cleaned}"
        );
        // The single-byte CSI of C1, DEL and NUL.
        assert_eq!(
            clean_for_terminal("a\u{9b}2Jb\u{7f}c\0"),
            "a\u{FFFD}2Jb\u{FFFD}c\u{FFFD}"
        );
    }

    #[test]
    fn bidi_overrides_and_isolates_are_replaced() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2069}',
        ] {
            let text = format!("invoice{c}fdp.exe");
            assert_eq!(
                clean_for_terminal(&text),
                "invoice\u{FFFD}fdp.exe",
                "{:04X}",
                c as u32
            );
        }
        // Right-to-left letters themselves are ordinary text.
        assert_eq!(clean_for_terminal("שלום"), "שלום");
    }

    #[test]
    fn tabs_become_spaces_and_newlines_are_not_passed_through() {
        assert_eq!(clean_for_terminal("a\tb"), "a b");
        assert_eq!(clean_for_terminal("a\r\nb"), "a\u{FFFD}\u{FFFD}b");
    }
}
