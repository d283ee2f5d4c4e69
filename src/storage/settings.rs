//! What the app remembers between runs (the theme last chosen, and who each
//! partnership's minutes are usually for):
//! a small file Roundtable writes itself in the platform's data folder,
//! never inside the archive, which is the partnership's record and may be
//! shared. It is not a configuration file for people to edit.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::StorageError;
use super::atomic::write_atomic;
use crate::domain::{Audience, comparable};

/// Chooses the folder of the state file instead of the platform's data
/// folder: for tests, and for running Roundtable from a USB stick.
pub const STATE_ENV: &str = "ROUNDTABLE_STATE_DIR";

const FILE: &str = "state.ron";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The theme's name as the `--theme` flag spells it.
    pub theme: Option<String>,
    /// The audience each partnership's minutes are written for when none is
    /// named, keyed by the partnership's name as compared (case and spacing
    /// folded). A preference of whoever writes the minutes on this machine,
    /// not a fact about any meeting, so it lives here and not in the
    /// archive; a partnership with none gets partners' minutes.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub audiences: BTreeMap<String, Audience>,
}

impl AppState {
    /// Who `partnership`'s minutes are for when nobody says.
    pub fn audience_for(&self, partnership: &str) -> Audience {
        self.audiences
            .get(&comparable(partnership))
            .copied()
            // Else the config file's default audience, else partners.
            .unwrap_or_else(|| crate::config::audience().unwrap_or_default())
    }

    pub fn remember_audience(&mut self, partnership: &str, audience: Audience) {
        let key = comparable(partnership);
        // With a default in the config file, a choice of partners is a
        // choice too, so it is kept.
        if audience.is_default() && crate::config::audience().is_none() {
            self.audiences.remove(&key);
        } else {
            self.audiences.insert(key, audience);
        }
    }
}

/// Who `partnership`'s minutes are for by default, as remembered in the
/// state file at `path` (if any).
pub fn remembered_audience(path: Option<&Path>, partnership: &str) -> Audience {
    path.map(read_state)
        .map(|s| s.audience_for(partnership))
        .unwrap_or_default()
}

/// Where the state file lives: `$ROUNDTABLE_STATE_DIR/state.ron`, else the
/// platform's data folder (e.g. `~/.local/share/roundtable/state.ron`).
pub fn state_file() -> Option<PathBuf> {
    state_file_from(std::env::var_os(STATE_ENV))
}

fn state_file_from(env: Option<OsString>) -> Option<PathBuf> {
    let dir = match env.filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("org", "Roundtable", "roundtable")?
            .data_dir()
            .to_path_buf(),
    };
    Some(dir.join(FILE))
}

/// What was remembered; nothing when the file is missing or unreadable
/// (it only holds preferences, so starting afresh is safe).
pub fn read_state(path: &Path) -> AppState {
    fs::read_to_string(path)
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

/// Saves `state` atomically, creating its folder (owner-only) if needed.
pub fn write_state(path: &Path, state: &AppState) -> Result<(), StorageError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let mut builder = fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
        builder
            .create(dir)
            .map_err(|e| StorageError::io("create the folder", dir, e))?;
    }
    let text = ron::ser::to_string_pretty(state, ron::ser::PrettyConfig::default())
        .map_err(|e| StorageError::Format(e.to_string()))?;
    write_atomic(path, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_env_override_chooses_the_folder() {
        let file = state_file_from(Some("/portable".into())).unwrap();
        assert_eq!(file, Path::new("/portable/state.ron"));
        if let Some(default) = state_file_from(None) {
            assert!(default.ends_with("roundtable/state.ron") || default.ends_with("state.ron"));
            assert!(
                !default.to_string_lossy().contains("sessions"),
                "not in the archive"
            );
        }
    }

    #[test]
    fn a_file_from_before_audiences_still_reads() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("state.ron");
        fs::write(&path, "(theme: Some(\"light\"))").unwrap();
        let state = read_state(&path);
        assert_eq!(state.theme.as_deref(), Some("light"));
        assert!(state.audiences.is_empty());
        write_state(&path, &state).unwrap();
        assert!(!fs::read_to_string(&path).unwrap().contains("audiences"));
    }

    #[test]
    fn state_round_trips_and_a_missing_or_broken_file_is_empty() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("new").join("state.ron");
        assert_eq!(read_state(&path), AppState::default());
        let mut state = AppState {
            theme: Some("light".into()),
            ..Default::default()
        };
        state.remember_audience("Level Ground", Audience::Public);
        write_state(&path, &state).unwrap();
        assert_eq!(read_state(&path), state);
        let back = read_state(&path);
        assert_eq!(back.audience_for("  level  ground "), Audience::Public);
        assert_eq!(back.audience_for("Eastside"), Audience::Partners);
        assert_eq!(remembered_audience(Some(&path), "Level Ground"), Audience::Public);
        assert_eq!(remembered_audience(None, "Level Ground"), Audience::Partners);
        fs::write(&path, "(theme: 12").unwrap();
        assert_eq!(read_state(&path), AppState::default());
    }
}
