//! Turning RON parser errors into sentences a facilitator can act on:
//! where the problem is (1-based line and column) and what was expected there.

use std::path::Path;
use std::str::Utf8Error;

use ron::error::{Error, SpannedError};

use super::StorageError;

/// A parse error at the position RON reports, with its code put into words.
pub(super) fn parse_error(text: &str, e: &SpannedError, path: &Path) -> StorageError {
    let (line, col) = skip_whitespace(text, e.span.start.line, e.span.start.col);
    let field = field_on_line(text, line);
    let mut message = describe(&e.code, field.as_deref());
    if at_end(text, line, col) {
        // Whatever RON expected there, the real trouble is that nothing follows.
        message = describe(&Error::Eof, None);
    }
    if matches!(e.code, Error::ExpectedComma) && inside_quotes(text, line, col) {
        // Text that never closed swallows everything up to the next quote.
        message = "a closing double quote `\"` is probably missing on an earlier line".into();
    }
    StorageError::Parse {
        path: path.into(),
        line,
        col,
        message,
    }
}

/// RON reports the position before any spaces it skipped; move on to the
/// first character that is actually wrong.
fn skip_whitespace(text: &str, line: usize, col: usize) -> (usize, usize) {
    let (mut line, mut col) = (line.max(1), col.max(1));
    let line_start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    let rest = text.get(line_start..).unwrap_or("");
    for c in rest.chars().skip(col - 1).take_while(|c| c.is_whitespace()) {
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    (line, col)
}

/// Whether nothing but blank space and separators is left from `line`:`col` on.
fn at_end(text: &str, line: usize, col: usize) -> bool {
    let line_start: usize = text.split('\n').take(line - 1).map(|l| l.len() + 1).sum();
    let rest = text.get(line_start..).unwrap_or("");
    rest.chars()
        .skip(col - 1)
        .all(|c| c.is_whitespace() || matches!(c, ':' | ','))
}

/// Whether an odd number of quotes precede `col` on its line.
fn inside_quotes(text: &str, line: usize, col: usize) -> bool {
    let src = text.lines().nth(line - 1).unwrap_or("");
    let before: String = src.chars().take(col - 1).collect();
    before
        .replace("\\\\", "")
        .replace("\\\"", "")
        .matches('"')
        .count()
        % 2
        == 1
}

/// Moves the positions of errors found in `migrated` (the file's text after
/// an older format was upgraded in memory) back onto `original`, the text
/// the person sees: text the upgrade inserted shifts what follows it. The
/// upgrade changes one stretch of the text; a position inside that stretch
/// points at where it was inserted.
pub(super) fn remap(original: &str, migrated: &str, errors: &mut [StorageError]) {
    if original == migrated {
        return;
    }
    let prefix = common(original.bytes(), migrated.bytes());
    let rest = original.len().min(migrated.len()) - prefix;
    let suffix = common(original.bytes().rev(), migrated.bytes().rev()).min(rest);
    for e in errors {
        if let StorageError::Parse { line, col, .. } = e {
            let Some(at) = offset(migrated, *line, *col) else {
                continue;
            };
            let moved = if at < prefix {
                at
            } else if at >= migrated.len() - suffix {
                at + original.len() - migrated.len()
            } else {
                prefix
            };
            (*line, *col) = line_col(original, moved);
        }
    }
}

fn common(a: impl Iterator<Item = u8>, b: impl Iterator<Item = u8>) -> usize {
    a.zip(b).take_while(|(x, y)| x == y).count()
}

/// The byte offset of 1-based `line`:`col` (col counted in characters).
fn offset(text: &str, line: usize, col: usize) -> Option<usize> {
    let start: usize = text
        .split('\n')
        .take(line.checked_sub(1)?)
        .map(|l| l.len() + 1)
        .sum();
    let rest = text.get(start..)?;
    let within = rest
        .char_indices()
        .nth(col.checked_sub(1)?)
        .map_or(rest.len(), |(i, _)| i);
    Some(start + within)
}

/// 1-based line and column (in characters) of byte `at`, kept on the text:
/// past the end means the last character.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.trim_end().len().saturating_sub(1));
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}

/// Files must be UTF-8; point at the first byte that is not.
pub(super) fn not_utf8(bytes: &[u8], e: Utf8Error, path: &Path) -> StorageError {
    let good = &bytes[..e.valid_up_to()];
    let line = 1 + good.iter().filter(|b| **b == b'\n').count();
    let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
    let col = 1 + String::from_utf8_lossy(&good[line_start..]).chars().count();
    // A picture or a word-processor document fails at once or holds NUL bytes.
    let binary = e.valid_up_to() == 0 || bytes.contains(&0);
    let message = if binary {
        "this is not a text file (a picture or a document?): a session file is plain text starting with `(`"
    } else {
        "the file is not UTF-8 text: save it again as UTF-8 in your text editor"
    };
    StorageError::Parse {
        path: path.into(),
        line,
        col,
        message: message.into(),
    }
}

/// The field name a line starts with (`    date: "…"` → `date`), to say which
/// value a custom error (a bad date or time) is about.
fn field_on_line(text: &str, line: usize) -> Option<String> {
    let src = text.lines().nth(line.checked_sub(1)?)?;
    let (name, _) = src.trim_start().split_once(':')?;
    let is_ident = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    is_ident.then(|| name.to_string())
}

fn describe(code: &Error, field: Option<&str>) -> String {
    match code {
        Error::Eof => "the file ends too early: a closing `)` or `]` is probably missing".into(),
        Error::ExpectedArray => "expected a list, starting with `[`".into(),
        Error::ExpectedArrayEnd => "expected `]` to close the list, or a comma between its items".into(),
        Error::ExpectedBoolean => "expected `true` or `false`".into(),
        Error::ExpectedComma => "expected a comma: each value must be followed by `,`".into(),
        Error::ExpectedInteger | Error::IntegerOutOfBounds | Error::InvalidIntegerDigit { .. } => {
            "expected a whole number, such as 0 or 12".into()
        }
        Error::ExpectedFloat | Error::FloatUnderscore | Error::UnderscoreAtBeginning => {
            "expected a number".into()
        }
        Error::ExpectedOption | Error::ExpectedOptionEnd | Error::ExpectedStructLikeEnd => {
            "expected `)` to close this group, or a comma before the next field".into()
        }
        Error::ExpectedMap => "expected `{` to start a list of named notes".into(),
        Error::ExpectedMapColon => "expected a colon `:` after the name".into(),
        Error::ExpectedMapEnd => "expected `}` to close this group, or a comma between its entries".into(),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) => {
            "expected `(` to start a group of fields".into()
        }
        Error::ExpectedString => "expected a string (text in double quotes)".into(),
        Error::ExpectedStringEnd => "this text has no closing double quote `\"`".into(),
        Error::ExpectedIdentifier => {
            "expected a plain word without quotes: a field name, or one of the allowed choices".into()
        }
        Error::InvalidEscape(_) => {
            "unknown escape after a backslash: write `\\\\` for a backslash and `\\\"` for a quote".into()
        }
        Error::UnexpectedChar(c) => format!("unexpected character `{c}`"),
        Error::TrailingCharacters => "there is extra text after the session's final `)`".into(),
        Error::UnclosedBlockComment => "a comment opened with `/*` is never closed with `*/`".into(),
        Error::InvalidValueForType { expected, found } => format!("expected {expected}, found {found}"),
        Error::NoSuchEnumVariant { expected, found, .. } => {
            format!(
                "`{found}` is not allowed here; use one of: {}",
                expected.join(", ")
            )
        }
        Error::NoSuchStructField { expected, found, .. } => {
            format!(
                "`{found}` is not a field here; the fields are: {}",
                expected.join(", ")
            )
        }
        Error::MissingStructField { field, .. } => format!("the field `{field}` is missing"),
        Error::DuplicateStructField { field, .. } => format!("the field `{field}` appears twice"),
        Error::ExceededRecursionLimit => {
            "brackets are nested far too deeply here for a session file: is this really a session?".into()
        }
        Error::Message(m) => custom(m, field),
        other => lower_first(&other.to_string()),
    }
}

/// Custom messages come from value parsers (dates, times) and say what they
/// got but not which field; name the field and show the expected form.
fn custom(message: &str, field: Option<&str>) -> String {
    let chrono_words = [
        "input contains invalid characters",
        "premature end of input",
        "input is out of range",
    ];
    let is_date = chrono_words.iter().any(|w| message.contains(w))
        || message.contains("trailing input")
        || message.contains("impossible");
    let is_timestamp = matches!(field, Some("created" | "updated"));
    match (field, is_date) {
        (Some(f), true) if is_timestamp => {
            format!("`{f}` is not a valid date and time: write it like \"2026-12-03T10:00:00Z\"")
        }
        (Some(f), true) => {
            format!("`{f}` is not a valid date: write it as \"YYYY-MM-DD\", e.g. \"2026-12-03\"")
        }
        (None, true) => "this is not a valid date: write it as \"YYYY-MM-DD\", e.g. \"2026-12-03\"".into(),
        (Some(f), false) => format!("`{f}`: {}", lower_first(message)),
        (None, false) => lower_first(message),
    }
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::super::format::{parse, to_ron};
    use super::*;
    use crate::domain::Session;

    /// A valid file with `from` replaced by `to`, parsed; returns (line, col, message).
    fn break_with(from: &str, to: &str) -> (usize, usize, String) {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let s = Session::new("T", "P", NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), now);
        let text = to_ron(&s);
        assert!(text.contains(from), "{from} not in {text}");
        let broken = text.replacen(from, to, 1);
        match parse(broken.as_bytes(), Path::new("b.ron")) {
            Err(StorageError::Parse {
                line, col, message, ..
            }) => (line, col, message),
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn a_bare_word_where_text_belongs() {
        let (line, col, message) = break_with("title: \"T\"", "title: T");
        assert_eq!((line, col), (4, 12), "points at the T itself");
        assert!(
            message.contains("expected a string (text in double quotes)"),
            "{message}"
        );
    }

    #[test]
    fn a_missing_comma() {
        let (line, _, message) = break_with("title: \"T\",", "title: \"T\"");
        assert_eq!(line, 5, "reported where the next field starts");
        assert!(message.contains("comma"), "{message}");
    }

    #[test]
    fn a_bad_date_names_its_field() {
        let (line, _, message) = break_with("date: \"2026-12-03\"", "date: \"3rd December\"");
        assert_eq!(line, 6);
        assert!(message.contains("`date` is not a valid date"), "{message}");
        assert!(message.contains("YYYY-MM-DD"));
    }

    #[test]
    fn a_bad_timestamp_shows_the_full_form() {
        let (_, _, message) = break_with("created: \"2027-01-15T08:00:00Z\"", "created: \"yesterday\"");
        assert!(
            message.contains("`created` is not a valid date and time"),
            "{message}"
        );
    }

    #[test]
    fn an_unknown_status_lists_the_choices() {
        let (_, _, message) = break_with("status: Draft", "status: Finished");
        assert!(
            message.contains("`Finished`") && message.contains("Draft, InProgress, Final"),
            "{message}"
        );
    }

    #[test]
    fn a_choice_written_in_quotes() {
        let (line, _, message) = break_with("status: Draft", "status: \"Draft\"");
        assert_eq!(line, 10);
        assert!(message.contains("without quotes"), "{message}");
    }

    #[test]
    fn a_missing_required_field() {
        let (_, _, message) = break_with("    title: \"T\",\n", "");
        assert!(message.contains("the field `title` is missing"), "{message}");
    }

    #[test]
    fn an_unclosed_string_and_a_truncated_file() {
        let (_, _, message) = break_with("title: \"T\",", "title: \"T,");
        assert!(
            message.contains("closing double quote `\"` is probably missing"),
            "{message}"
        );
        let text = "(\n    format_version: 1,\n";
        let err = parse(text.as_bytes(), Path::new("t.ron")).unwrap_err();
        assert!(err.to_string().contains("ends too early"), "{err}");
    }

    #[test]
    fn invalid_utf8_points_at_the_bad_byte() {
        let err = parse(b"(\n  title: \"Caf\xe9 and more\"", Path::new("u.ron")).unwrap_err();
        assert!(
            matches!(err, StorageError::Parse { line: 2, col: 14, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("not UTF-8 text"), "{err}");
        let picture = parse(b"\x89PNG\r\n\x1a\n\0\0", Path::new("p.ron")).unwrap_err();
        assert!(picture.to_string().contains("not a text file"), "{picture}");
    }

    #[test]
    fn positions_stay_on_the_file_as_written_when_an_old_format_is_upgraded() {
        for (text, expected) in [
            ("()", (1, 2)),
            ("(title: \"x\")", (1, 12)),
            ("(\n    title: \"x\",\n)", (3, 1)),
        ] {
            match parse(text.as_bytes(), Path::new("u.ron")) {
                Err(StorageError::Parse {
                    line, col, message, ..
                }) => {
                    assert_eq!((line, col), expected, "{text:?}");
                    assert!(message.starts_with("the field `date` is missing"), "{message}");
                }
                other => panic!("expected a parse error for {text:?}, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_file_cut_short_says_so_whatever_was_expected_next() {
        for text in [
            "(\n    format_version: 1,\n    title: ",
            "(\n    format_version: 1,\n    title:",
        ] {
            let err = parse(text.as_bytes(), Path::new("t.ron")).unwrap_err();
            assert!(err.to_string().contains("ends too early"), "{err}");
        }
    }
}
