//! Finding a session from what a person typed: a path, a file name, a
//! session id or a title.

use std::path::{Path, PathBuf};

use super::StorageError;
use super::archive::{Archive, Entry};

/// At most this many similar sessions are suggested when nothing matches.
const MAX_SUGGESTIONS: usize = 10;

impl Archive {
    /// Resolves `name`, trying in turn: an existing file path, a file name in
    /// the archive, a file stem, a session id, and a title (ignoring case).
    /// The first kind that matches exactly one file wins; a kind that matches
    /// several is an error listing them.
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
        let lower = query.to_lowercase();
        let kinds: [&dyn Fn(&Entry) -> bool; 3] = [
            &|e| stem(e) == query,
            &|e| e.session.as_ref().is_ok_and(|s| s.id == query),
            &|e| {
                e.session
                    .as_ref()
                    .is_ok_and(|s| s.title.trim().to_lowercase() == lower)
            },
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
        let similar = entries
            .iter()
            .filter(|e| !lower.is_empty() && describe(e).to_lowercase().contains(&lower))
            .take(MAX_SUGGESTIONS)
            .map(describe)
            .collect();
        Err(StorageError::NotFound {
            name: query.into(),
            dir: self.dir().into(),
            candidates: similar,
        })
    }
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
    fn not_found_suggests_similar_sessions() {
        let (_tmp, archive) = archive_with(&[("June review", 1), ("July review", 3), ("Kick-off", 2)]);
        let err = archive.find("review").unwrap_err();
        let StorageError::NotFound { candidates, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(candidates.len(), 2);
        assert!(err.to_string().starts_with("no session called \"review\" in "));
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
