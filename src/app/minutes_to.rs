//! `m` in a session: where to write the minutes. A one-line prompt (the
//! "save elsewhere" prompt, see `save_as`) prefilled with the session file's
//! folder; Enter writes `<folder>/<session file name>.md` and says the full
//! path, so the facilitator can find the file to send it on.

use std::path::{Path, PathBuf};

use super::message::Message;
use super::save_as::{Purpose, SaveAs};
use super::{App, Screen, autosave, files};
use crate::storage;

/// Opens the prompt, prefilled with the folder of the session's file.
pub(super) fn open(app: &mut App) {
    let Screen::Session(screen) = &app.screen else {
        return;
    };
    let folder = screen
        .path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    app.save_as = Some(SaveAs {
        path: folder.display().to_string(),
        error: None,
        purpose: Purpose::Minutes,
    });
}

/// Writes the minutes into the folder typed; on failure, says why (the
/// prompt stays open to try another folder).
pub(super) fn write(app: &mut App, typed: &str) -> Result<(), String> {
    let Screen::Session(screen) = &app.screen else {
        return Ok(());
    };
    let folder = folder(typed);
    if !folder.is_dir() {
        return Err(format!(
            "There is no folder {}. Type the path of a folder that exists.",
            folder.display()
        ));
    }
    let name = screen.path.with_extension("md");
    let name = name
        .file_name()
        .map_or_else(|| "minutes.md".into(), |n| n.to_os_string());
    let path = folder.join(name);
    let minutes = files::minutes_with_progress(&screen.path, &screen.session);
    if let Err(e) = storage::write_atomic(&path, minutes.as_bytes()) {
        return Err(format!(
            "Could not write the minutes: {}",
            autosave::failure(app, &e)
        ));
    }
    let shown = app.shown(&absolute(&path).display().to_string());
    app.save_as = None;
    app.message = Some(Message::success(format!("Minutes written to {shown}")));
    Ok(())
}

/// The folder typed: `~` is the home folder; empty is the current folder.
fn folder(typed: &str) -> PathBuf {
    let typed = typed.trim();
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    match (typed, typed.strip_prefix("~/"), home) {
        ("~", _, Some(home)) => home,
        (_, Some(rest), Some(home)) => home.join(rest),
        ("", _, _) => PathBuf::from("."),
        _ => PathBuf::from(typed),
    }
}

/// `path` from the root, so the message says exactly where the file is.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_folders_are_read_like_a_shell_would() {
        assert_eq!(folder("  /tmp/minutes "), PathBuf::from("/tmp/minutes"));
        assert_eq!(folder(""), PathBuf::from("."));
        if let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf()) {
            assert_eq!(folder("~"), home);
            assert_eq!(folder("~/Documents"), home.join("Documents"));
        }
    }
}
