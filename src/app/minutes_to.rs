//! `m` in a session: where to write the minutes. A one-line prompt (the
//! "save elsewhere" prompt, see `save_as`) prefilled with the session file's
//! folder; Enter writes `<folder>/<session file name>.md` and says the full
//! path, so the facilitator can find the file to send it on.

use std::path::{Path, PathBuf};

use super::message::Message;
use super::save_as::{Purpose, SaveAs};
use super::{App, Screen, autosave, files};
use crate::domain::Audience;
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
        audience: storage::remembered_audience(app.state_file.as_deref(), &screen.session.partnership),
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
    let audience = app
        .save_as
        .as_ref()
        .map_or_else(Audience::default, |p| p.audience);
    let path = folder.join(file_name(&screen.path, audience));
    let minutes = files::minutes_with_progress(&screen.path, &screen.session, audience);
    if let Err(e) = storage::write_atomic(&path, minutes.as_bytes()) {
        return Err(format!(
            "Could not write the minutes: {}",
            autosave::failure(app, &e)
        ));
    }
    let shown = app.shown(&absolute(&path).display().to_string());
    let partnership = screen.session.partnership.clone();
    app.save_as = None;
    let remembered = remember(app, &partnership, audience);
    app.message = Some(Message::success(format!(
        "Minutes written to {shown} (for {}){remembered}",
        audience.name()
    )));
    Ok(())
}

/// `<session file>.md` for partners' minutes, the usual kind;
/// `<session file>-public.md` or `-trustees.md` for the others, so minutes
/// for one audience never overwrite, or pass for, another's.
fn file_name(session_path: &Path, audience: Audience) -> std::ffi::OsString {
    let stem = session_path
        .file_stem()
        .map_or_else(|| "minutes".into(), |s| s.to_os_string());
    let mut name = stem;
    if audience != Audience::Partners {
        name.push(format!("-{}", audience.name()));
    }
    name.push(".md");
    name
}

/// Remembers `audience` as the partnership's default in the state file, if
/// the app has one; says so when it could not.
fn remember(app: &App, partnership: &str, audience: Audience) -> String {
    let Some(path) = app.state_file.as_deref() else {
        return String::new();
    };
    let mut state = storage::read_state(path);
    if state.audience_for(partnership) == audience {
        return String::new();
    }
    state.remember_audience(partnership, audience);
    match storage::write_state(path, &state) {
        Ok(()) => String::new(),
        Err(e) => format!(". The choice of audience could not be remembered: {e}"),
    }
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
