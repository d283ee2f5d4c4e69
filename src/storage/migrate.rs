//! Reading files written by older versions of Roundtable.
//!
//! Every file says which format it is in (`format_version`). Before a file is
//! parsed, [`upgrade`] brings older text up to [`FORMAT_VERSION`] one step at
//! a time; a file from a newer Roundtable is refused (and, by `save`, never
//! written over), since this version would lose what it does not understand.
//!
//! Migrations work on the text, not on `ron::Value`: a `Value` forgets enum
//! names (`status: Final` reads back as `()`), so it cannot carry a session
//! through unchanged. Each step adds what its version lacks near the top of
//! the file, so line numbers in later error messages still match the file.
//!
//! The versions:
//! - 0: a hand-written file, with no `format_version`, and often no `id`,
//!   `created` or `updated` either.
//! - 1: the first released format. Early builds wrote optional values as
//!   `Some("…")`; those files are version 1 too and still load as they are.
//! - 2: running the room: the session's plan and clock, go-rounds, dot votes,
//!   consent checks and the step each item was captured in. Every new field
//!   is optional, so a version 1 file only needs its number changed; the bump
//!   keeps an older Roundtable from opening (and saving over) what it cannot
//!   keep.
//! - 3: the partnership's record: the minutes' sign-off (circulated,
//!   approved, amendments), review dates on decisions, who may read each
//!   item (`shown_to`) and consent to be quoted by name. Optional again, so
//!   only the number changes.
//! - 4: the partnership's health: the health check taken at a session
//!   (`health`) and the decisions of earlier sessions reviewed at it
//!   (`reviews`). Both start empty, so only the number changes.
//!
//! To add version 5: bump `FORMAT_VERSION`, write `v4_to_v5` (rewrite the
//! `format_version: 4` line to 5 in place, then change what changed) and
//! append it to [`MIGRATIONS`]; if it changes more than the number, raise
//! `NUMBER_ONLY_SINCE` to 5. Add golden files under `tests/formats/v5/`.

use std::borrow::Cow;
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;

use super::StorageError;
use super::format::options;
use super::keys::{Seg, keys};
use crate::domain::{FORMAT_VERSION, slug};

/// `MIGRATIONS[n]` turns format `n` into format `n + 1`.
const MIGRATIONS: [fn(&str) -> String; FORMAT_VERSION as usize] = [v0_to_v1, v1_to_v2, v2_to_v3, v3_to_v4];

/// The text of a file in the current format: borrowed when it already is.
/// Text that does not even read as RON is returned unchanged, so the parser
/// can say where it goes wrong.
pub(super) fn upgrade<'a>(text: &'a str, path: &Path) -> Result<Cow<'a, str>, StorageError> {
    let Some(version) = version_of(text) else {
        return Ok(Cow::Borrowed(text));
    };
    if version > FORMAT_VERSION {
        return Err(StorageError::NewerFormat {
            path: path.into(),
            version,
        });
    }
    let mut text = Cow::Borrowed(text);
    for step in &MIGRATIONS[version as usize..] {
        text = Cow::Owned(step(&text));
    }
    Ok(text)
}

/// Whether the file says it is in the current format in its first field, as
/// Roundtable writes it (`(\n    format_version: 4,`): a glance at the first
/// few bytes, not a parse. `false` sends the file through [`upgrade`].
pub(super) fn is_current(text: &str) -> bool {
    glance(text).is_some_and(|(version, _)| version == FORMAT_VERSION)
}

/// Whether the file says, in its first field, a version from which every
/// step to the current one only changes the number (1, 2 and 3): then it
/// reads as it is, and only its number is set. Spares a copy of the whole
/// text per step; an archive written before a format bump is read this way.
pub(super) fn only_the_number_changes(text: &str) -> bool {
    glance(text).is_some_and(|(version, _)| (NUMBER_ONLY_SINCE..FORMAT_VERSION).contains(&version))
}

/// The oldest version from which every later step only changes the number.
/// A migration that changes more than the number raises it to its own
/// target version.
const NUMBER_ONLY_SINCE: u32 = 1;

/// The version a file gives in its first field, as Roundtable writes it,
/// and where its digits are; `None` for anything else (then the file is
/// read in full to find it).
fn glance(text: &str) -> Option<(u32, std::ops::Range<usize>)> {
    let open = opening_paren(text)?;
    let rest = text[open + 1..].trim_start();
    let rest = rest.strip_prefix("format_version")?;
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = rest[digits..].trim_start();
    let version = rest[..digits].parse().ok()?;
    let start = text.len() - rest.len();
    (after.starts_with(',') || after.starts_with(')')).then_some((version, start..start + digits))
}

/// The file's format; 0 when it has none; `None` if it cannot be read at all.
fn version_of(text: &str) -> Option<u32> {
    if let Some((version, _)) = glance(text) {
        return Some(version);
    }
    #[derive(Deserialize)]
    struct Probe {
        format_version: Option<u32>,
    }
    let probe: Probe = options().from_str(text).ok()?;
    Some(probe.format_version.unwrap_or(0))
}

/// Version 0 → 1: stamp the version, and derive what a hand-written file
/// leaves out: the id from the date and title (as `Session::new` does), and
/// `created`/`updated` as midnight (UTC) on the session's date.
fn v0_to_v1(text: &str) -> String {
    #[derive(Deserialize)]
    struct Head {
        title: Option<String>,
        date: Option<NaiveDate>,
        id: Option<String>,
        created: Option<DateTime<Utc>>,
        updated: Option<DateTime<Utc>>,
    }
    // `format_version: 0` was never written, but a person might type it.
    let (text, mut fields) = match set_version(text, 1) {
        Some(stamped) => (stamped, vec![]),
        None => (text.to_string(), vec!["format_version: 1".to_string()]),
    };
    // A head that does not read (a bad date, say) adds nothing: the full parse reports it.
    if let Ok(head) = options().from_str::<Head>(&text)
        && let Some(date) = head.date
    {
        if head.id.is_none() {
            fields.push(format!(
                "id: \"{date}-{}\"",
                slug(head.title.as_deref().unwrap_or(""))
            ));
        }
        let midnight = date.and_hms_opt(0, 0, 0).map(|t| t.and_utc().to_rfc3339());
        for (name, value) in [("created", head.created), ("updated", head.updated)] {
            if let (None, Some(stamp)) = (value, &midnight) {
                fields.push(format!("{name}: \"{stamp}\""));
            }
        }
    }
    insert_fields(text, &fields)
}

/// Version 1 → 2: only the number changes; everything version 2 adds is
/// optional and starts empty.
fn v1_to_v2(text: &str) -> String {
    set_version(text, 2).unwrap_or_else(|| text.to_string())
}

/// Version 2 → 3: only the number changes; sign-off, review dates,
/// audiences and consent to be quoted all start empty.
fn v2_to_v3(text: &str) -> String {
    set_version(text, 3).unwrap_or_else(|| text.to_string())
}

/// Version 3 → 4: only the number changes; the health check and reviews
/// of earlier decisions start empty.
fn v3_to_v4(text: &str) -> String {
    set_version(text, 4).unwrap_or_else(|| text.to_string())
}

/// `text` with `fields` added just inside its opening `(`, on that line.
fn insert_fields(text: String, fields: &[String]) -> String {
    match opening_paren(&text) {
        Some(i) if !fields.is_empty() => format!("{} {}, {}", &text[..=i], fields.join(", "), &text[i + 1..]),
        _ => text,
    }
}

/// `text` with the number after its top-level `format_version:` set to
/// `to`; `None` when it has none. Later migrations start with this.
fn set_version(text: &str, to: u32) -> Option<String> {
    if let Some((_, digits)) = glance(text) {
        return Some(format!("{}{to}{}", &text[..digits.start], &text[digits.end..]));
    }
    let key = keys(text)
        .into_iter()
        .find(|k| k.path == [Seg::Field("format_version".into())])?;
    let line_start: usize = text.split('\n').take(key.line - 1).map(|l| l.len() + 1).sum();
    let at = line_start + text[line_start..].char_indices().nth(key.col - 1)?.0;
    let colon = at + text[at..].find(':')?;
    let value = colon + 1 + text[colon + 1..].len() - text[colon + 1..].trim_start().len();
    let digits = text[value..].chars().take_while(char::is_ascii_digit).count();
    (digits > 0).then(|| format!("{}{to}{}", &text[..value], &text[value + digits..]))
}

/// Where the session's opening `(` is, after blank space and comments.
fn opening_paren(text: &str) -> Option<usize> {
    let mut rest = text;
    loop {
        let trimmed = rest.trim_start();
        if let Some(after) = trimmed.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = trimmed.strip_prefix("/*") {
            rest = after.split_once("*/")?.1;
        } else {
            return trimmed.starts_with('(').then(|| text.len() - trimmed.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_read_from_the_file() {
        assert_eq!(version_of("(format_version: 1, title: \"x\")"), Some(1));
        assert_eq!(version_of("(title: \"x\", status: Final)"), Some(0));
        assert_eq!(version_of("(format_version: 7, shiny_new_field: [1])"), Some(7));
        assert_eq!(version_of("(format_version: \"one\")"), None);
        assert_eq!(version_of("(title: "), None);
    }

    #[test]
    fn the_current_format_is_seen_at_a_glance() {
        assert!(is_current("// c\n(\n    format_version: 4,\n    id: \"x\")"));
        assert!(is_current("(format_version:4)"));
        for other in [
            "(format_version: 1, title: \"x\")",
            "(format_version: 20)",
            "(format_version: 2x)",
            "(title: \"x\", format_version: 4)",
            "Session(format_version: 4)",
            "",
        ] {
            assert!(!is_current(other), "{other}");
        }
    }

    #[test]
    fn files_whose_upgrade_only_changes_the_number_are_seen_at_a_glance() {
        for v in 1..FORMAT_VERSION {
            let text = format!("(format_version: {v}, title: \"x\")");
            assert!(only_the_number_changes(&text), "{text}");
            // What the quick road assumes: the upgrade changes that number alone.
            let upgraded = upgrade(&text, Path::new("x.ron")).unwrap();
            assert_eq!(
                upgraded,
                format!("(format_version: {FORMAT_VERSION}, title: \"x\")")
            );
        }
        for other in [
            "(format_version: 0)",
            "(format_version: 4)",
            "(title: \"x\", format_version: 2)",
            "(title: \"x\")",
        ] {
            assert!(!only_the_number_changes(other), "{other}");
        }
    }

    #[test]
    fn version_0_gains_a_version_id_and_timestamps_on_its_first_line() {
        let text = "// typed by hand\n(\n    title: \"Kick-off\",\n    date: \"2026-03-02\",\n)\n";
        let upgraded = upgrade(text, Path::new("h.ron")).unwrap();
        assert_eq!(
            upgraded,
            "// typed by hand\n( format_version: 4, id: \"2026-03-02-kick-off\", \
             created: \"2026-03-02T00:00:00+00:00\", updated: \"2026-03-02T00:00:00+00:00\", \n    \
             title: \"Kick-off\",\n    date: \"2026-03-02\",\n)\n"
        );
        assert_eq!(upgraded.lines().count(), text.lines().count());
    }

    #[test]
    fn what_a_version_0_file_has_is_kept() {
        let text = "(id: \"mine\", title: \"T\", date: \"2026-03-02\", created: \"2026-01-01T09:00:00Z\")";
        let upgraded = upgrade(text, Path::new("h.ron")).unwrap();
        assert!(
            upgraded.starts_with("( format_version: 4, updated: \"2026-03-02T"),
            "{upgraded}"
        );
    }

    #[test]
    fn current_files_are_borrowed_and_newer_ones_refused() {
        let current = "(format_version: 4)";
        assert!(matches!(
            upgrade(current, Path::new("c.ron")),
            Ok(Cow::Borrowed(_))
        ));
        let err = upgrade("(format_version: 5)", Path::new("n.ron")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "n.ron: format_version 5: written by a newer Roundtable, and this one reads up to format 4: \
             update Roundtable to open it"
        );
    }

    #[test]
    fn the_opening_paren_is_found_after_comments() {
        assert_eq!(opening_paren("  /* a ( */ // b (\n (x)"), Some(20));
        assert_eq!(opening_paren("[1]"), None);
        assert_eq!(opening_paren("/* never closed"), None);
    }

    #[test]
    fn a_typed_version_0_is_set_in_place() {
        let text = "(\n  format_version:  0 ,\n  title: \"T\", date: \"2026-01-02\", id: \"x\",\n  \
                    created: \"2026-01-01T00:00:00Z\", updated: \"2026-01-01T00:00:00Z\")";
        let upgraded = upgrade(text, Path::new("z.ron")).unwrap();
        assert_eq!(upgraded, text.replace("format_version:  0", "format_version:  4"));
        assert_eq!(
            set_version("(a: (format_version: 2), format_version: 7)", 8).unwrap(),
            "(a: (format_version: 2), format_version: 8)"
        );
        assert_eq!(set_version("(title: \"format_version: 1\")", 2), None);
    }
}
