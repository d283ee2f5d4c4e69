//! Everything the command line prints goes out through here, so nothing
//! from a session file or the command line itself can reach the terminal as
//! an escape sequence: titles and arguments are anyone's text, and `ESC ]52`
//! in a title would set the clipboard of whoever lists the sessions.
//! Writing to stdout never panics when the reader goes away
//! (`roundtable list | head`).

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::CliError;
use crate::domain::{clean_lines, needs_cleaning};

/// Writes `text` to stdout, cleaned line by line. A closed pipe is not an
/// error: the reader has all it wanted.
pub fn print(text: &str) -> Result<(), CliError> {
    let text = clean_lines(text);
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(CliError::new(format!("could not write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Writes one line (or several) to stderr, cleaned like [`print`].
pub fn warn(text: &str) {
    let text = clean_lines(text);
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{}", text.trim_end_matches('\n'));
}

/// Prints clap's help or error. Errors quote the arguments (`invalid value
/// '…'`) and help shows `[env: ROUNDTABLE_DIR=…]`: when either holds
/// anything a terminal would act on, it is printed plain and cleaned.
pub fn clap_message(e: &clap::Error) {
    let plain = e.render().to_string();
    if matches!(clean_lines(&plain), Cow::Borrowed(_)) {
        let _ = e.print();
    } else if e.use_stderr() {
        warn(&plain);
    } else {
        let _ = print(&plain);
    }
}

/// `value` as pretty JSON ending in a newline. serde_json leaves DEL, C1
/// controls and bidi overrides in strings as they are; they are written as
/// `\uXXXX` instead, so scripts get the exact text and terminals nothing to act on.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<String, CliError> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::new(format!("could not write the JSON: {e}")))?;
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if c != '\n' && needs_cleaning(c) {
            // Only inside strings: JSON's own syntax is plain ASCII.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    Ok(out)
}

/// Writes `value` to stdout exactly as [`print`] of [`json`] would, but as
/// it is serialised, through a buffer: no copy of the whole text is ever
/// built (`actions --json` writes megabytes at 1,000 sessions).
pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<(), CliError> {
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    match write_json(&mut out, value).and_then(|()| out.flush()) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            Err(CliError::new(format!("could not write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// The bytes of [`json`], written to `out` as they are made.
fn write_json<T: Serialize + ?Sized>(mut out: impl Write, value: &T) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Escaping::default());
    value.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// serde_json's pretty printing, with what a terminal would act on written
/// as `\uXXXX` inside strings, as [`json`] does after the fact.
#[derive(Default)]
struct Escaping(serde_json::ser::PrettyFormatter<'static>);

/// Hands each method on to the pretty printer.
macro_rules! pretty {
    ($($name:ident($($arg:ident: $ty:ty),*)),* $(,)?) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W $(, $arg: $ty)*) -> io::Result<()> {
            self.0.$name(w $(, $arg)*)
        }
    )*};
}

impl serde_json::ser::Formatter for Escaping {
    pretty!(
        begin_array(),
        end_array(),
        begin_array_value(first: bool),
        end_array_value(),
        begin_object(),
        end_object(),
        begin_object_key(first: bool),
        begin_object_value(),
        end_object_value(),
    );

    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        // What needs cleaning is DEL, or starts with the byte C2 (C1
        // controls) or E2 (bidi controls): only the chars starting there
        // are looked at, as dashes and curly quotes start with E2 too.
        let mut written = 0;
        for at in memchr::memchr3_iter(0x7f, 0xc2, 0xe2, fragment.as_bytes()) {
            // Each of those bytes starts a char.
            let Some(c) = fragment[at..].chars().next().filter(|&c| needs_cleaning(c)) else {
                continue;
            };
            w.write_all(&fragment.as_bytes()[written..at])?;
            write!(w, "\\u{:04x}", u32::from(c))?;
            written = at + c.len_utf8();
        }
        w.write_all(&fragment.as_bytes()[written..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cleaned_and_line_ends_kept() {
        assert!(matches!(clean_lines("plain\r\ntext\n"), Cow::Borrowed(_)));
        assert_eq!(
            clean_lines("a\u{1b}[2J\nb\u{9b}c\r\nsafe\revil\u{202E}\n"),
            "a\u{FFFD}[2J\nb\u{FFFD}c\r\nsafe\u{FFFD}evil\u{FFFD}\n"
        );
    }

    #[test]
    fn json_keeps_the_text_but_escapes_what_a_terminal_would_act_on() {
        let text = json(&["\u{1b}]52;c;eA==\u{7}", "\u{9b}2J\u{7f}", "\u{202E}abc", "Café"]).unwrap();
        assert!(!text.chars().any(|c| c != '\n' && needs_cleaning(c)), "{text}");
        let back: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(
            back,
            ["\u{1b}]52;c;eA==\u{7}", "\u{9b}2J\u{7f}", "\u{202E}abc", "Café"]
        );
    }

    #[test]
    fn json_written_as_it_is_made_is_the_same_text() {
        let value = serde_json::json!({
            "plain": ["Café", "", "line\nbreak\ttab\"quote\"\\"],
            "harmful": ["\u{1b}]52;c;eA==\u{7}", "\u{9b}2J\u{7f}", "a\u{202E}b\u{2066}c", "\u{85}"],
            "dashes": ["a — b “c” \u{202E}d – e\u{7f}", "\u{a0}é\u{9f}—"],
            "nested": {"empty": [], "none": null, "n": 3, "x": {"y": [1, 2.5, true]}},
        });
        let mut streamed = Vec::new();
        write_json(&mut streamed, &value).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), json(&value).unwrap());
        let mut empty = Vec::new();
        write_json(&mut empty, &Vec::<u8>::new()).unwrap();
        assert_eq!(empty, b"[]\n");
    }
}
