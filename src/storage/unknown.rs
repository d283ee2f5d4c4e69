//! Catching misspelt field names. Serde skips fields it does not know, so a
//! hand edit such as `locaton: "Hall B"` would load without a word and vanish
//! on the next save. Comparing the file's keys with those of a session that
//! has every field finds them, so they can be reported like any parse error.

use std::path::Path;
use std::sync::OnceLock;

use ron::{Map, Value};

use super::StorageError;
use super::keys::{Seg, keys};
use super::schema::every_field;

/// Every field in `text` that a session does not have, as parse errors
/// pointing at each, in file order. Works on any text that reads as RON
/// data, even when it does not read as a session, so `check` can list
/// misspellings alongside a type error elsewhere.
pub(super) fn all(text: &str, options: &ron::Options, path: &Path) -> Vec<StorageError> {
    // Best effort: text that is not RON data has no fields to compare.
    let (Ok(file), Some(known)) = (options.from_str::<Value>(text), schema(options)) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    collect(&file, known, &mut Vec::new(), &mut found);
    let keys = keys(text);
    let mut errors: Vec<StorageError> = found
        .iter()
        .map(|(at, name, expected)| {
            let (line, col) = keys
                .iter()
                .find(|k| k.path == *at)
                .map_or_else(|| locate(text, name), |k| (k.line, k.col));
            StorageError::Parse {
                path: path.into(),
                line,
                col,
                message: describe(name, expected),
            }
        })
        .collect();
    errors.sort_by_key(|e| match e {
        StorageError::Parse { line, col, .. } => (*line, *col),
        _ => (0, 0),
    });
    errors
}

/// A session with one of every item, as RON data: every field name a file
/// may use, at every level.
fn schema(options: &ron::Options) -> Option<&'static Value> {
    static SCHEMA: OnceLock<Option<Value>> = OnceLock::new();
    SCHEMA
        .get_or_init(|| {
            let text = super::format::try_to_ron(&every_field()).ok()?;
            options.from_str::<Value>(&text).ok()
        })
        .as_ref()
}

/// Where an unknown field is, its name, and the names allowed beside it.
type Unknown = (Vec<Seg>, String, Vec<String>);

/// The path of each unknown key, with the keys allowed beside it. Every
/// item of a list is compared with the schema's one item.
fn collect(file: &Value, known: &Value, at: &mut Vec<Seg>, out: &mut Vec<Unknown>) {
    match (unwrap_some(file), unwrap_some(known)) {
        (Value::Map(file), Value::Map(known)) => {
            for (key, value) in file.iter() {
                let Value::String(name) = key else { continue };
                at.push(Seg::Field(name.clone()));
                match known.get(key) {
                    Some(k) => collect(value, k, at, out),
                    None => out.push((at.clone(), name.clone(), names(known))),
                }
                at.pop();
            }
        }
        (Value::Seq(file), Value::Seq(known)) => {
            if let Some(k) = known.first() {
                for (i, f) in file.iter().enumerate() {
                    at.push(Seg::Index(i));
                    collect(f, k, at, out);
                    at.pop();
                }
            }
        }
        _ => {}
    }
}

fn unwrap_some(v: &Value) -> &Value {
    match v {
        Value::Option(Some(inner)) => unwrap_some(inner),
        other => other,
    }
}

fn names(map: &Map) -> Vec<String> {
    map.keys()
        .filter_map(|k| match k {
            Value::String(s) => Some(s.clone()),
            _ => None,
        })
        .collect()
}

fn describe(name: &str, expected: &[String]) -> String {
    let closest = expected
        .iter()
        .map(|e| (distance(name, e), e))
        .min()
        .filter(|(d, e)| *d <= 2.max(e.len() / 3));
    let hint = match closest {
        Some((_, e)) => format!("did you mean `{e}`?"),
        None => format!("the fields here are: {}", expected.join(", ")),
    };
    format!("`{name}` is not a field Roundtable knows, so it would be lost on saving; {hint}")
}

/// Where `name:` first starts a field, should the scan not have found it.
fn locate(text: &str, name: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        for (at, _) in line.match_indices(name) {
            let before = line[..at].trim_end();
            let starts_field = before.is_empty() || before.ends_with('(') || before.ends_with(',');
            if starts_field && line[at + name.len()..].trim_start().starts_with(':') {
                return (i + 1, line[..at].chars().count() + 1);
            }
        }
    }
    (1, 1)
}

/// Edit distance, to suggest the field that was probably meant.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, NaiveDate};

    use super::super::format::{parse, to_ron};
    use super::*;
    use crate::domain::{Participant, Session};

    fn text() -> String {
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut s = Session::new("T", "P", NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), now);
        s.participants.push(Participant::default());
        to_ron(&s)
    }

    #[test]
    fn a_misspelt_top_level_field_is_an_error_with_a_suggestion() {
        let broken = text().replace("    location:", "    locaton:");
        let err = parse(broken.as_bytes(), Path::new("s.ron")).unwrap_err();
        let StorageError::Parse {
            line, col, message, ..
        } = err
        else {
            panic!("{err:?}")
        };
        assert_eq!((line, col), (8, 5));
        assert!(
            message.starts_with("`locaton` is not a field Roundtable knows"),
            "{message}"
        );
        assert!(message.ends_with("did you mean `location`?"), "{message}");
    }

    #[test]
    fn a_nested_unknown_field_lists_the_allowed_ones() {
        let broken = text().replace(
            "            role: \"\",",
            "            role: \"\",\n            shoe_size: 9,",
        );
        let err = parse(broken.as_bytes(), Path::new("s.ron")).unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("`shoe_size`") && message.contains("attendance, contributions"),
            "{message}"
        );
    }

    #[test]
    fn known_fields_and_explicit_options_pass() {
        let ok = text().replace("start_time: None", "start_time: Some(\"09:30\")");
        assert!(parse(ok.as_bytes(), Path::new("s.ron")).is_ok());
    }

    #[test]
    fn newer_files_are_refused_for_their_version_not_their_new_fields() {
        let newer = text()
            .replace("format_version: 4", "format_version: 5")
            .replace("    location:", "    venue_map: \"x\",\n    location:");
        let err = parse(newer.as_bytes(), Path::new("s.ron")).unwrap_err();
        assert!(
            matches!(err, StorageError::NewerFormat { version: 5, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn every_unknown_field_is_found_in_file_order_even_in_later_list_items() {
        let broken = text()
            .replace("    location:", "    locaton:")
            .replace("    facilitator:", "    facilitatr:")
            .replace(
                "participants: [",
                "participants: [\n        (nmae: \"A\", title: \"Dr\"),",
            );
        let options =
            ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let errors = all(&broken, &options, Path::new("s.ron"));
        let found: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(found.len(), 4, "{found:#?}");
        assert!(found[0].starts_with("s.ron:8:5: `locaton`"), "{found:#?}");
        assert!(found[1].starts_with("s.ron:9:5: `facilitatr`"), "{found:#?}");
        assert!(
            found[2].contains("`nmae`") && found[2].ends_with("did you mean `name`?"),
            "{found:#?}"
        );
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("locaton", "location"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
