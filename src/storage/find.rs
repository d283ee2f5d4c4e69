//! Finding a session from what a person typed: a path, a file name, a
//! session id or a title.

use std::path::{Path, PathBuf};

use super::StorageError;
use super::archive::{Archive, Entry};
use crate::domain::comparable;

/// At most this many similar sessions are suggested when nothing matches.
const MAX_SUGGESTIONS: usize = 5;
/// How alike (0 to 1, Jaro-Winkler) a title must be to be suggested.
const SIMILAR: f64 = 0.8;

impl Archive {
    /// Resolves `name`, trying in turn: an existing file path, a file name in
    /// the archive, a file stem, a session id, a title, then a unique part
    /// of a title. Titles are compared as people mean them: ignoring case,
    /// accents and dash or quote variants (a typed hyphen finds an em dash).
    /// The first kind that matches exactly one file wins; a kind that matches
    /// several is an error listing them; when nothing matches, the error
    /// lists the nearest titles.
    pub fn find(&self, name: &str) -> Result<PathBuf, StorageError> {
        let query = name.trim();
        let as_path = Path::new(query);
        if !query.is_empty() && as_path.is_file() {
            return Ok(as_path.to_path_buf());
        }
        let plain_name = as_path.components().count() == 1 && !query.starts_with('.');
        if !plain_name && query.contains(std::path::is_separator) {
            // Clearly meant as a path: say that file is missing, not a title.
            let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
            return Err(StorageError::io("read", as_path, missing));
        }
        let in_dir = self.dir().join(query);
        if plain_name && in_dir.is_file() {
            return Ok(in_dir);
        }
        let entries = self.scan()?;
        let wanted = comparable(query);
        let title = |e: &Entry| e.session.as_ref().ok().map(|s| comparable(&s.title));
        let kinds: [&dyn Fn(&Entry) -> bool; 4] = [
            &|e| stem(e) == query,
            &|e| e.session.as_ref().is_ok_and(|s| s.id == query),
            &|e| title(e).is_some_and(|t| t == wanted),
            &|e| !wanted.is_empty() && title(e).is_some_and(|t| t.contains(&wanted)),
        ];
        for matches_kind in kinds {
            let found: Vec<&Entry> = entries.iter().filter(|e| matches_kind(e)).collect();
            match found.as_slice() {
                [] => continue,
                [one] => return Ok(one.path.clone()),
                many => {
                    return Err(StorageError::Ambiguous {
                        name: query.into(),
                        candidates: many.iter().map(|e| describe(e)).collect(),
                    });
                }
            }
        }
        Err(StorageError::NotFound {
            name: query.into(),
            dir: self.dir().into(),
            candidates: nearest(&entries, &wanted),
        })
    }
}

/// The sessions whose title or file name is most like `wanted`, best first.
fn nearest(entries: &[Entry], wanted: &str) -> Vec<String> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &Entry)> = entries
        .iter()
        .map(|e| {
            let title = e
                .session
                .as_ref()
                .map(|s| comparable(&s.title))
                .unwrap_or_default();
            let stem = comparable(&stem(e));
            (likeness(wanted, &title).max(likeness(wanted, &stem)), e)
        })
        .filter(|(score, _)| *score >= SIMILAR)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, e)| describe(e))
        .collect()
}

/// How like `name` the typed `wanted` is, from 0 to 1: as a whole, or word
/// by word (each typed word against the nearest word of the name), so a
/// few words with typos still find a long title.
fn likeness(wanted: &str, name: &str) -> f64 {
    let whole = strsim::jaro_winkler(wanted, name);
    let words: Vec<&str> = name.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let typed: Vec<&str> = wanted.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || typed.is_empty() {
        return whole;
    }
    let each: f64 = typed
        .iter()
        .map(|t| {
            words
                .iter()
                .map(|w| strsim::jaro_winkler(t, w))
                .fold(0.0, f64::max)
        })
        .sum();
    whole.max(each / typed.len() as f64)
}

fn stem(entry: &Entry) -> String {
    entry
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `2026-06-01-june-review  (June review)`, or the stem alone when broken.
fn describe(entry: &Entry) -> String {
    match &entry.session {
        Ok(s) => format!("{}  ({})", stem(entry), s.title),
        Err(_) => format!("{}  (cannot be read)", stem(entry)),
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use chrono::{DateTime, NaiveDate};

    use super::*;
    use crate::domain::Session;

    fn archive_with(titles: &[(&str, u32)]) -> (tempfile::TempDir, Archive) {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open(tmp.path().into()).unwrap();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        for (title, day) in titles {
            let date = NaiveDate::from_ymd_opt(2026, 6, *day).unwrap();
            archive.create(&Session::new(title, "P", date, now)).unwrap();
        }
        (tmp, archive)
    }

    fn found_name(archive: &Archive, query: &str) -> String {
        let path = archive.find(query).unwrap();
        path.file_name().unwrap().to_string_lossy().into_owned()
    }

    #[test]
    fn finds_by_path_file_name_stem_id_and_title() {
        let (tmp, archive) = archive_with(&[("June review", 1), ("Kick-off", 2)]);
        let full = tmp.path().join("2026-06-02-kick-off.ron");
        assert_eq!(archive.find(full.to_str().unwrap()).unwrap(), full);
        assert_eq!(
            found_name(&archive, "2026-06-02-kick-off.ron"),
            "2026-06-02-kick-off.ron"
        );
        assert_eq!(
            found_name(&archive, "2026-06-01-june-review"),
            "2026-06-01-june-review.ron"
        );
        assert_eq!(
            found_name(&archive, "  june REVIEW "),
            "2026-06-01-june-review.ron"
        );
    }

    #[test]
    fn an_id_shared_by_two_files_is_ambiguous_but_each_stem_is_not() {
        let (_tmp, archive) = archive_with(&[("Same", 1), ("Same", 1)]);
        assert_eq!(found_name(&archive, "2026-06-01-same-2"), "2026-06-01-same-2.ron");
        let err = archive.find("same").unwrap_err();
        assert!(matches!(err, StorageError::Ambiguous { ref candidates, .. } if candidates.len() == 2));
        assert!(
            err.to_string()
                .ends_with("  2026-06-01-same  (Same)\n  2026-06-01-same-2  (Same)"),
            "{err}"
        );
    }

    #[test]
    fn titles_match_ignoring_case_accents_dashes_and_quotes() {
        let (_tmp, archive) = archive_with(&[
            ("Brindley Vale — first co-design session", 1),
            ("Café “Open door” review", 2),
        ]);
        let vale = "2026-06-01-brindley-vale-first-co-design-session.ron";
        assert_eq!(
            found_name(&archive, "Brindley Vale - first co-design session"),
            vale
        );
        assert_eq!(
            found_name(&archive, "brindley  vale – FIRST co-design session"),
            vale
        );
        assert_eq!(
            found_name(&archive, "cafe \"open door\" review"),
            "2026-06-02-cafe-open-door-review.ron"
        );
    }

    #[test]
    fn a_unique_part_of_a_title_is_enough() {
        let (_tmp, archive) = archive_with(&[("June review", 1), ("July review", 3), ("Kick-off", 2)]);
        assert_eq!(found_name(&archive, "june"), "2026-06-01-june-review.ron");
        assert_eq!(found_name(&archive, "KICK"), "2026-06-02-kick-off.ron");
        let err = archive.find("review").unwrap_err();
        let StorageError::Ambiguous { candidates, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(candidates.len(), 2);
    }

    #[test]
    fn not_found_lists_the_nearest_titles() {
        let (_tmp, archive) = archive_with(&[("June review", 1), ("July review", 3), ("Kick-off", 2)]);
        let err = archive.find("jun reveiw").unwrap_err();
        let StorageError::NotFound { candidates, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(
            candidates[0], "2026-06-01-june-review  (June review)",
            "{candidates:?}"
        );
        assert!(
            !candidates.iter().any(|c| c.contains("Kick-off")),
            "{candidates:?}"
        );
        assert!(
            err.to_string()
                .starts_with("no session called \"jun reveiw\" in ")
        );
        assert!(
            archive
                .find("nothing like it")
                .unwrap_err()
                .to_string()
                .ends_with(archive.dir().to_str().unwrap())
        );
    }

    #[test]
    fn never_resolves_outside_the_folder_by_name() {
        let (tmp, archive) = archive_with(&[("A", 1)]);
        fs::write(tmp.path().join(".secret.ron"), "x").unwrap();
        assert!(archive.find(".secret.ron").is_err());
        let err = archive.find("../x").unwrap_err();
        assert_eq!(err.to_string(), "could not read ../x: it does not exist");
        assert!(archive.find("").is_err());
    }

    #[test]
    fn broken_files_are_found_by_stem() {
        let (tmp, archive) = archive_with(&[]);
        fs::write(tmp.path().join("2026-01-01-bad.ron"), "(").unwrap();
        assert_eq!(found_name(&archive, "2026-01-01-bad"), "2026-01-01-bad.ron");
        let err = archive.find("bad one").unwrap_err();
        assert!(err.to_string().contains("no session called"), "{err}");
    }
}
