//! Conflict copies: a second version of a session saved beside it, by a
//! synced folder (Dropbox, OneDrive, Nextcloud, Syncthing) or by
//! `roundtable sync` when two people changed the same session. Recognised by
//! name, so the app can say whose copy of which session it is and offer to
//! merge it.

use std::path::{Path, PathBuf};

use crate::storage::is_session_file;

/// What a conflict copy's file name says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    /// The copy's own file.
    pub path: PathBuf,
    /// The session file it is a copy of (it may have gone).
    pub original: PathBuf,
    /// Who or which computer made it, when the name says.
    pub by: Option<String>,
    /// The tool that made it.
    pub tool: Tool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// "NAME (conflicted copy 2026-11-28).ron", "NAME (Ann's conflicted
    /// copy 2026-11-28).ron": Dropbox, Nextcloud, and `roundtable sync`.
    ConflictedCopy,
    /// "NAME-LAPTOP.ron": OneDrive adds the computer's name.
    OneDrive,
    /// "NAME.sync-conflict-20261128-123456-ABCDEFG.ron": Syncthing.
    Syncthing,
}

impl ConflictCopy {
    /// "Ann's conflict copy of 2026-12-03-kick-off" for lists.
    pub fn describe(&self) -> String {
        let of = self.original_stem();
        match &self.by {
            Some(by) => format!("conflict copy ({by}) of {of}"),
            None => format!("conflict copy of {of}"),
        }
    }

    pub fn original_stem(&self) -> String {
        self.original
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    }
}

/// A session's title for lists, said to be a sync tool's conflict copy
/// when its file name shows it is. Names only: nothing is read from disk,
/// so lists may call it on every redraw.
pub fn marked_title(path: &Path, title: &str) -> String {
    match recognise(path, |_| false) {
        Some(ConflictCopy { by: Some(by), .. }) => format!("⚠ conflict copy ({by}): {title}"),
        Some(_) => format!("⚠ conflict copy: {title}"),
        None => title.to_string(),
    }
}

/// The conflict copy `path` is, if its name says so. `exists` answers
/// whether a session file of that name is in the same folder (OneDrive's
/// names can only be told apart from ordinary ones by their original).
pub fn recognise(path: &Path, exists: impl Fn(&Path) -> bool) -> Option<ConflictCopy> {
    if !is_session_file(path) {
        return None;
    }
    let stem = path.file_stem()?.to_str()?;
    let make = |original: &str, by: Option<String>, tool| ConflictCopy {
        path: path.to_path_buf(),
        original: path.with_file_name(format!("{original}.ron")),
        by: by.filter(|b| !b.is_empty()),
        tool,
    };
    if let Some((original, rest)) = stem.split_once(".sync-conflict-") {
        let device = rest.rsplit('-').next().map(str::to_string);
        return Some(make(original, device, Tool::Syncthing));
    }
    if let Some(inner) = stem.strip_suffix(')')
        && let Some(open) = inner.rfind(" (")
    {
        let (original, note) = (&inner[..open], &inner[open + 2..]);
        if let Some(at) = note.find("conflicted copy") {
            let who = note[..at].trim();
            let by = who
                .strip_suffix("'s")
                .or_else(|| who.strip_suffix("’s"))
                .unwrap_or(who)
                .trim()
                .to_string();
            return Some(make(original, Some(by), Tool::ConflictedCopy));
        }
    }
    // OneDrive: "NAME-COMPUTER". Roundtable's own names are lower case, so
    // a suffix in capitals beside an existing session is a computer's name.
    let mut at = stem.len();
    while let Some(dash) = stem[..at].rfind('-') {
        let (original, host) = (&stem[..dash], &stem[dash + 1..]);
        let capitals = host.chars().any(|c| c.is_ascii_uppercase()) && !host.chars().any(char::is_lowercase);
        if capitals && !original.is_empty() && exists(&path.with_file_name(format!("{original}.ron"))) {
            return Some(make(original, Some(host.to_string()), Tool::OneDrive));
        }
        at = dash;
    }
    None
}

/// Every conflict copy among `paths` (a folder's session files).
pub fn find(paths: &[PathBuf]) -> Vec<ConflictCopy> {
    paths
        .iter()
        .filter_map(|p| recognise(p, |o| paths.iter().any(|q| q == o)))
        .collect()
}

/// The conflict copies in `dir`, sorted by name.
pub fn in_folder(dir: &Path) -> Vec<ConflictCopy> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = read
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_session_file(p))
        .collect();
    paths.sort();
    find(&paths)
}

/// Where `roundtable sync` keeps the other person's version of `original`:
/// "NAME (Ann's conflicted copy 2026-11-28).ron", numbered when taken.
pub fn name_for(original: &Path, by: &str, date: &str) -> PathBuf {
    let stem = original.file_stem().unwrap_or_default().to_string_lossy();
    let ext = original
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_default();
    // A name can hold no separator, and stays readable.
    let by: String = by
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' || c == '-' || c == '.' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let by = by.split_whitespace().collect::<Vec<_>>().join(" ");
    let owner = if by.is_empty() {
        String::new()
    } else {
        format!("{by}'s ")
    };
    let dot = if ext.is_empty() {
        String::new()
    } else {
        format!(".{ext}")
    };
    (1..)
        .map(|n| {
            let number = if n == 1 { String::new() } else { format!(" {n}") };
            original.with_file_name(format!("{stem} ({owner}conflicted copy {date}{number}){dot}"))
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| original.with_file_name(format!("{stem} (conflicted copy){dot}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str, others: &[&str]) -> Option<ConflictCopy> {
        let path = Path::new("/a").join(name);
        recognise(&path, |p| others.iter().any(|o| Path::new("/a").join(o) == p))
    }

    #[test]
    fn dropbox_and_nextcloud_copies_name_their_session() {
        let c = named("2026-12-03-kick-off (conflicted copy 2026-11-28).ron", &[]).unwrap();
        assert_eq!(c.original, Path::new("/a/2026-12-03-kick-off.ron"));
        assert_eq!(c.by, None);
        assert_eq!(c.tool, Tool::ConflictedCopy);
        let c = named("kick-off (Ann Okafor's conflicted copy 2026-11-28).ron", &[]).unwrap();
        assert_eq!(c.original_stem(), "kick-off");
        assert_eq!(c.by.as_deref(), Some("Ann Okafor"));
        assert_eq!(c.describe(), "conflict copy (Ann Okafor) of kick-off");
        let c = named("kick-off (conflicted copy 2026-11-28 123456).ron", &[]).unwrap();
        assert_eq!(c.original_stem(), "kick-off");
    }

    #[test]
    fn onedrive_copies_need_their_original_beside_them() {
        let c = named(
            "2026-12-03-kick-off-LAPTOP-5ABC.ron",
            &["2026-12-03-kick-off.ron"],
        )
        .unwrap();
        assert_eq!(c.original_stem(), "2026-12-03-kick-off");
        assert_eq!(c.by.as_deref(), Some("LAPTOP-5ABC"));
        assert_eq!(c.tool, Tool::OneDrive);
        assert_eq!(named("2026-12-03-kick-off-LAPTOP.ron", &[]), None);
        // Roundtable's own second session of a day is not a copy.
        assert_eq!(
            named("2026-12-03-kick-off-2.ron", &["2026-12-03-kick-off.ron"]),
            None
        );
        assert_eq!(named("2026-12-03-kick-off.ron", &["2026-12-03-kick.ron"]), None);
    }

    #[test]
    fn syncthing_copies_name_the_device() {
        let c = named("kick-off.sync-conflict-20261128-123456-ABCDEFG.ron", &[]).unwrap();
        assert_eq!(c.original_stem(), "kick-off");
        assert_eq!(c.by.as_deref(), Some("ABCDEFG"));
        assert_eq!(c.tool, Tool::Syncthing);
    }

    #[test]
    fn ordinary_and_hidden_files_are_not_copies() {
        assert_eq!(named("2026-12-03-kick-off.ron", &[]), None);
        assert_eq!(named("notes (draft).ron", &[]), None);
        assert_eq!(named(".kick-off (conflicted copy 2026-11-28).ron", &[]), None);
        assert_eq!(named("kick-off (conflicted copy 2026-11-28).md", &[]), None);
    }

    #[test]
    fn sync_names_its_copies_so_they_are_recognised() {
        let dir = tempfile::tempdir().unwrap();
        let original = dir.path().join("kick-off.ron");
        let copy = name_for(&original, "Ann/Okafor", "2026-11-28");
        assert_eq!(
            copy.file_name().unwrap(),
            "kick-off (Ann Okafor's conflicted copy 2026-11-28).ron"
        );
        let c = recognise(&copy, |_| false).unwrap();
        assert_eq!(c.original, original);
        assert_eq!(c.by.as_deref(), Some("Ann Okafor"));
        std::fs::write(&copy, "x").unwrap();
        let second = name_for(&original, "Ann Okafor", "2026-11-28");
        assert!(
            second.to_string_lossy().ends_with("copy 2026-11-28 2).ron"),
            "{second:?}"
        );
    }
}
