//! The action table (see [`ActionTable`]) `roundtable actions` worked out
//! last time, beside the extract: every action's place and flags, which
//! take longer to work out than the rest of a run. Only ever a shortcut:
//! it is trusted only for the very files it was worked out from (each
//! file's name and stamp, in the order the sessions were read), by the same
//! version of the program, and only when every one of those files had
//! settled (see [`settled`]); else it is worked out again and replaced in
//! one step.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::cache::replace;
use super::catalog::Stamp;
use super::extract::Extracts;
use super::extract_read::settled;
use crate::domain::ActionTable;

/// Changes whenever this file's layout changes.
const LAYOUT: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Stored {
    layout: u32,
    version: String,
    dir: String,
    /// The files the table was worked out from, in the order read.
    files: Vec<(String, Stamp)>,
    table: ActionTable,
}

/// Where the action table of one archive folder is remembered.
#[derive(Debug, Clone)]
pub struct Tables {
    file: PathBuf,
    dir: String,
}

impl Tables {
    /// The table kept beside `extracts`.
    pub fn beside(extracts: &Extracts) -> Tables {
        Tables {
            file: extracts.file().with_extension("actions"),
            dir: extracts.dir().to_string(),
        }
    }

    /// The table worked out from exactly `files`, when one was remembered.
    pub fn read(&self, files: &[(String, Stamp)]) -> Option<ActionTable> {
        let bytes = std::fs::read(&self.file).ok()?;
        let stored: Stored = rmp_serde::from_slice(&bytes).ok()?;
        let ours = stored.layout == LAYOUT
            && stored.version == env!("CARGO_PKG_VERSION")
            && stored.dir == self.dir
            && stored.files == files;
        ours.then_some(stored.table)
    }

    /// Remembers `table`, worked out from `files`, unless one of them
    /// changed too recently to trust its stamp. Best effort: a table that
    /// cannot be written is only worked out again next time.
    pub fn write(&self, files: &[(String, Stamp)], table: &ActionTable) {
        if !files.iter().all(|(_, stamp)| settled(*stamp)) {
            return;
        }
        let stored = Stored {
            layout: LAYOUT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            dir: self.dir.clone(),
            files: files.to_vec(),
            table: table.clone(),
        };
        if let Ok(bytes) = rmp_serde::to_vec(&stored) {
            let _ = replace(&self.file, &bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Flag, TableRow};
    use crate::storage::Cache;

    fn table() -> ActionTable {
        ActionTable {
            rows: vec![TableRow {
                session: 1,
                item: 0,
                first_session: 0,
                flags: vec![Flag::Carried(2), Flag::OrganisationLeft("Aid".into())],
                open: true,
                due: chrono::NaiveDate::from_ymd_opt(2026, 12, 3),
            }],
        }
    }

    fn stamp(secs: u64) -> Stamp {
        Stamp {
            size: 10,
            secs,
            nanos: 0,
        }
    }

    #[test]
    fn the_table_is_trusted_only_for_the_same_files_as_they_were() {
        let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let cache = Cache::in_folder(tmp.path(), tmp.path());
        let tables = Tables::beside(&Extracts::beside(&cache, tmp.path()));
        let files = vec![
            ("a.ron".to_string(), stamp(100)),
            ("b.ron".to_string(), stamp(200)),
        ];
        assert_eq!(tables.read(&files), None, "nothing remembered yet");
        tables.write(&files, &table());
        assert_eq!(tables.read(&files), Some(table()));
        let mut changed = files.clone();
        changed[1].1.nanos = 1;
        assert_eq!(tables.read(&changed), None, "a file changed");
        assert_eq!(tables.read(&files[..1]), None, "a file gone");
        let reordered: Vec<_> = files.iter().rev().cloned().collect();
        assert_eq!(tables.read(&reordered), None, "read in another order");
        let now = settled_now();
        let fresh = vec![("a.ron".to_string(), stamp(now))];
        tables.write(&fresh, &ActionTable::default());
        assert_eq!(
            tables.read(&fresh),
            None,
            "a file changed just now is not trusted"
        );
        assert_eq!(tables.read(&files), Some(table()), "and the table before stays");
    }

    fn settled_now() -> u64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }
}
