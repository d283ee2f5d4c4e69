//! The session file format: pretty RON with four-space indents, no struct
//! names and fields in domain order, so files read well and diff well.
//!
//! Optional values are written bare (`start_time: "10:00"`, not
//! `Some("10:00")`), and files written either way load.

use std::path::Path;

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::{StorageError, diagnose, fast_ron, migrate, unknown};
use crate::domain::{FORMAT_VERSION, Session};

pub(super) fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false)
}

/// The file text for a session, ending with a newline.
pub fn try_to_ron(session: &Session) -> Result<String, StorageError> {
    let text = options()
        .to_string_pretty(session, pretty())
        .map_err(|e| StorageError::Format(e.to_string()))?;
    // ron escapes apostrophes inside double-quoted strings, which litters
    // ordinary English ("partners\' time") with backslashes. A bare `'` is
    // valid there, and an escaped backslash before one stays escaped.
    let mut text = text.replace("\\'", "'");
    text.push('\n');
    Ok(text)
}

/// The file text for a session. Serialising the domain types cannot fail in
/// practice; `save` uses [`try_to_ron`] so an impossible failure still never
/// writes an empty file.
pub fn to_ron(session: &Session) -> String {
    try_to_ron(session).unwrap_or_default()
}

/// Reads file bytes as a session; `path` only labels the error. Older
/// formats are upgraded first; the first problem found is returned.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Session, StorageError> {
    let (session, mut problems) = parse_all(bytes, path);
    match (session, problems.is_empty()) {
        (Some(session), true) => Ok(session),
        _ if !problems.is_empty() => Err(problems.remove(0)),
        // Not reached: no session comes with a problem saying why.
        _ => Err(StorageError::Format("the session could not be read".into())),
    }
}

/// Like [`parse`], but finds every problem it can rather than stopping at
/// the first: each unknown field as well as the error that stopped parsing,
/// in file order. The session is there when it parsed despite them.
pub fn parse_all(bytes: &[u8], path: &Path) -> (Option<Session>, Vec<StorageError>) {
    let original = match decode(bytes, path) {
        Ok(text) => text,
        Err(e) => return (None, vec![e]),
    };
    // Nearly every file is current and well formed: one typed parse settles
    // it. Anything else takes the slow, thorough road below, which finds
    // every problem and says where.
    if migrate::is_current(original)
        && let Some(session) = parse_clean(original)
    {
        return (Some(session), Vec::new());
    }
    // An older file whose upgrade only changes its number (after a format
    // bump, every file of the archive) reads as it is.
    if migrate::only_the_number_changes(original)
        && let Some(mut session) = parse_clean(original)
    {
        session.format_version = FORMAT_VERSION;
        return (Some(session), Vec::new());
    }
    let text = match migrate::upgrade(original, path) {
        Ok(text) => text,
        Err(e) => return (None, vec![e]),
    };
    // An older file that upgraded cleanly takes the quick road too.
    if original != text
        && let Some(session) = parse_clean(&text)
    {
        return (Some(session), Vec::new());
    }
    let mut problems = unknown::all(&text, &options(), path);
    let session = match parse_current(&text, path) {
        Ok(session) => Some(session),
        Err(e) => {
            let at = position(&e);
            let i = problems.partition_point(|p| position(p) <= at);
            problems.insert(i, e);
            None
        }
    };
    diagnose::remap(original, &text, &mut problems);
    if original != text {
        // An older file's id is worked out from its date when it has none:
        // the date is what is really missing.
        for problem in &mut problems {
            if let StorageError::Parse { message, .. } = problem
                && message == "the field `id` is missing"
            {
                *message = "the field `date` is missing: every session needs one, written like \
                    date: \"2026-12-03\" (its id is worked out from it)"
                    .into();
            }
        }
    }
    (session, problems)
}

fn position(e: &StorageError) -> (usize, usize) {
    match e {
        StorageError::Parse { line, col, .. } => (*line, *col),
        _ => (0, 0),
    }
}

/// The file as text: UTF-8, without a byte-order mark, not blank.
fn decode<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str, StorageError> {
    let text = std::str::from_utf8(bytes).map_err(|e| diagnose::not_utf8(bytes, e, path))?;
    // Some Windows editors start files with an invisible byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(StorageError::Parse {
            path: path.into(),
            line: 1,
            col: 1,
            message: "the file is empty: it should hold one session, starting with `(`".into(),
        });
    }
    Ok(text)
}

/// The session, when the text reads as one without a single field unknown
/// to it; `None` otherwise (the reasons are found by [`parse_all`]'s slow
/// road). The unknown fields are noticed during the one typed parse: by the
/// quick reader, or by ron when the quick reader was unsure.
fn parse_clean(text: &str) -> Option<Session> {
    quick_clean(text).or_else(|| ron_clean(text))
}

/// [`parse_clean`] by the quick reader alone (public for `benches/parse.rs`).
#[doc(hidden)]
pub fn quick_clean(text: &str) -> Option<Session> {
    // Never a session with an unknown field: the quick reader refuses them.
    fast_ron::from_str(text)
}

/// [`parse_clean`] by ron alone (public for `benches/parse.rs`).
#[doc(hidden)]
pub fn ron_clean(text: &str) -> Option<Session> {
    let mut de = ron::Deserializer::from_str_with_options(text, &options()).ok()?;
    let mut unknown = false;
    let session: Session = serde_ignored::deserialize(&mut de, |_| unknown = true).ok()?;
    de.end().ok()?;
    (!unknown).then_some(session)
}

/// Text in the current format as a session, with the parser's error put into words.
fn parse_current(text: &str, path: &Path) -> Result<Session, StorageError> {
    options()
        .from_str(text)
        .map_err(|e| diagnose::parse_error(text, &e, path))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::{DateTime, NaiveDate, NaiveTime};

    use super::*;
    use crate::domain::{ActionItem, Decision, Goal, Participant, Step};

    fn sample() -> Session {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut s = Session::new(
            "Café — \"quotes\" \\ back",
            "P",
            NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
            now,
        );
        s.start_time = NaiveTime::from_hms_opt(10, 0, 0);
        s.participants.push(Participant {
            name: "Ann\nTwo lines\ttab".into(),
            ..Default::default()
        });
        s.goals.push(Goal {
            text: "r#\"raw\"# and \u{301} combining".into(),
            support: 3,
            ..Default::default()
        });
        s.decisions.push(Decision {
            step: Some(Step::Vision),
            ..Default::default()
        });
        s.actions.push(ActionItem {
            due: NaiveDate::from_ymd_opt(2027, 1, 5),
            ..Default::default()
        });
        s.notes = BTreeMap::from([(Step::Goals, "note".to_string())]);
        s
    }

    #[test]
    fn apostrophes_are_written_bare_and_read_back() {
        let mut s = sample();
        s.location = "St Mary's hall, the partners' room, a \\' b".into();
        let text = try_to_ron(&s).unwrap();
        assert!(text.contains("St Mary's hall, the partners' room"), "{text}");
        assert_eq!(parse(text.as_bytes(), Path::new("x.ron")).unwrap(), s);
    }

    #[test]
    fn one_typed_parse_settles_a_clean_file_and_notices_an_unknown_field() {
        let text = to_ron(&sample());
        assert_eq!(parse_clean(&text), Some(sample()));
        let misspelt = text.replace("    location:", "    locaton:");
        assert_eq!(parse_clean(&misspelt), None, "the slow road reports it");
        let nested = text.replace(
            "            role:",
            "            shoe_size: 9,\n            role:",
        );
        assert_eq!(parse_clean(&nested), None);
        assert_eq!(parse_clean(&format!("{text} (")), None, "trailing text");
        let (session, problems) = parse_all(misspelt.as_bytes(), Path::new("m.ron"));
        assert!(session.is_some() && problems.len() == 1, "{problems:?}");
    }

    #[test]
    fn the_shipped_examples_take_the_one_parse_road() {
        for (name, text) in crate::assets::examples() {
            assert!(parse_clean(text).is_some(), "{name}");
        }
    }

    #[test]
    fn round_trips_exactly() {
        let s = sample();
        let text = to_ron(&s);
        let back = parse(text.as_bytes(), Path::new("x.ron")).unwrap();
        assert_eq!(back, s);
        assert_eq!(to_ron(&back), text, "writing twice gives the same bytes");
    }

    #[test]
    fn layout_is_readable() {
        let text = to_ron(&sample());
        assert!(text.starts_with("(\n    format_version: 4,\n    id: \"2026-12-03-cafe-quotes-back\",\n"));
        assert!(text.ends_with(")\n") && !text.ends_with("\n\n"));
        assert!(text.contains("    start_time: \"10:00\",\n"), "{text}");
        assert!(text.contains("step: Vision,"), "options are written bare: {text}");
        assert!(text.contains("due: \"2027-01-05\","));
        assert!(text.contains("review_date: None") || !text.contains("Some("));
        assert!(!text.contains("Session("), "no struct names");
        assert!(!text.contains('\t'), "tabs are escaped, indents are spaces");
    }

    #[test]
    fn explicit_some_still_loads() {
        let text = to_ron(&sample()).replace("start_time: \"10:00\"", "start_time: Some(\"10:00\")");
        let s = parse(text.as_bytes(), Path::new("x.ron")).unwrap();
        assert_eq!(s.start_time, NaiveTime::from_hms_opt(10, 0, 0));
    }

    #[test]
    fn windows_line_endings_and_a_byte_order_mark_load() {
        let text = format!("\u{feff}{}", to_ron(&sample()).replace('\n', "\r\n"));
        assert_eq!(parse(text.as_bytes(), Path::new("w.ron")).unwrap(), sample());
    }

    #[test]
    fn empty_and_blank_files_are_parse_errors() {
        for text in ["", "  \n\n"] {
            let err = parse(text.as_bytes(), Path::new("e.ron")).unwrap_err();
            assert!(
                matches!(err, StorageError::Parse { line: 1, col: 1, .. }),
                "{err}"
            );
            assert!(err.to_string().contains("empty"));
        }
    }
}
