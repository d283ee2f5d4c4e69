//! What the app remembers between runs (today only the theme last chosen):
//! a small file Roundtable writes itself in the platform's data folder,
//! never inside the archive, which is the partnership's record and may be
//! shared. It is not a configuration file for people to edit.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::StorageError;
use super::atomic::write_atomic;

/// Chooses the folder of the state file instead of the platform's data
/// folder: for tests, and for running Roundtable from a USB stick.
pub const STATE_ENV: &str = "ROUNDTABLE_STATE_DIR";

const FILE: &str = "state.ron";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// The theme's name as the `--theme` flag spells it.
    pub theme: Option<String>,
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
    fn state_round_trips_and_a_missing_or_broken_file_is_empty() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("new").join("state.ron");
        assert_eq!(read_state(&path), AppState::default());
        let state = AppState {
            theme: Some("light".into()),
        };
        write_state(&path, &state).unwrap();
        assert_eq!(read_state(&path), state);
        fs::write(&path, "(theme: 12").unwrap();
        assert_eq!(read_state(&path), AppState::default());
    }
}
