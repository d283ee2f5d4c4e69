//! Catching misspelt field names. Serde skips fields it does not know, so a
//! hand edit such as `locaton: "Hall B"` would load without a word and vanish
//! on the next save. Comparing the file's keys with those of the session it
//! parsed into finds them, so they can be reported like any parse error.

use std::path::Path;

use ron::{Map, Value};

use super::StorageError;

/// The first field in `text` that `canonical` (the parsed session written
/// back out) does not have, as a parse error pointing at it.
pub(super) fn check(
    text: &str,
    canonical: &str,
    options: &ron::Options,
    path: &Path,
) -> Result<(), StorageError> {
    // Best effort: if either side is not plain RON data, there is nothing to compare.
    let (Ok(file), Ok(known)) = (
        options.from_str::<Value>(text),
        options.from_str::<Value>(canonical),
    ) else {
        return Ok(());
    };
    match first_unknown(&file, &known) {
        None => Ok(()),
        Some((name, expected)) => {
            let (line, col) = locate(text, &name);
            Err(StorageError::Parse {
                path: path.into(),
                line,
                col,
                message: describe(&name, &expected),
            })
        }
    }
}

/// The first unknown key, with the keys that are allowed beside it.
fn first_unknown(file: &Value, known: &Value) -> Option<(String, Vec<String>)> {
    match (unwrap_some(file), unwrap_some(known)) {
        (Value::Map(file), Value::Map(known)) => {
            for (key, value) in file.iter() {
                let Value::String(name) = key else { continue };
                match known.get(key) {
                    Some(k) => {
                        if let Some(found) = first_unknown(value, k) {
                            return Some(found);
                        }
                    }
                    None => return Some((name.clone(), names(known))),
                }
            }
            None
        }
        (Value::Seq(file), Value::Seq(known)) => {
            file.iter().zip(known).find_map(|(f, k)| first_unknown(f, k))
        }
        _ => None,
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

/// Where `name:` first starts a line (1-based), or the top of the file.
fn locate(text: &str, name: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed
            .strip_prefix(name)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            let indent = line.chars().count() - trimmed.chars().count();
            return (i + 1, indent + 1);
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
    fn newer_files_may_have_fields_this_version_does_not_know() {
        let newer = text()
            .replace("format_version: 1", "format_version: 2")
            .replace("    location:", "    venue_map: \"x\",\n    location:");
        assert!(parse(newer.as_bytes(), Path::new("s.ron")).is_ok());
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("locaton", "location"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
