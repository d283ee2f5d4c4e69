//! The example sessions as a separate, read-only archive, so looking at them
//! never puts a fictional session in the person's own archive: `e` on the
//! home screen (or `roundtable --examples`) writes them to a fresh temporary
//! folder and shows that; `e` again goes back, and the folder is deleted.
//! While they are shown, sessions open read-only, anything that would write
//! a file is refused, and the header says whose archive this is not.

use std::path::PathBuf;

use tempfile::TempDir;

use super::message::Message;
use super::session::SessionScreen;
use super::{Action, App, Screen, actions_view, home};
use crate::storage::Archive;

/// Shown in the header on every screen while the examples are open.
pub const LABEL: &str = "EXAMPLES — not your archive";
/// Why an example session is read-only.
pub const READ_ONLY: &str = "an example session. Press Esc, then e to go back to your archive";

/// The person's own archive, kept while the examples are shown.
#[derive(Debug)]
pub struct Examples {
    own: Archive,
    own_display: String,
    /// The examples' folder, deleted when this is dropped.
    _folder: TempDir,
}

/// Shows the examples in place of the archive; or, when they are shown,
/// goes back to the archive.
pub fn toggle(app: &mut App) {
    if app.examples.is_some() {
        leave(app);
    } else {
        enter(app);
    }
}

fn enter(app: &mut App) {
    let (folder, archive) = match write_examples() {
        Ok(written) => written,
        Err(e) => {
            app.message = Some(Message::error(format!(
                "Could not show the examples: {e}. Your archive is unchanged."
            )));
            return;
        }
    };
    let own = std::mem::replace(&mut app.archive, archive);
    // The real folder, so a person can find minutes written from an example.
    let shown = app.archive.dir().display().to_string();
    let own_display = std::mem::replace(&mut app.display_dir, shown);
    app.examples = Some(Examples {
        own,
        own_display,
        _folder: folder,
    });
    app.go_home(None);
    app.message = Some(Message::info(
        "These are example sessions in a temporary folder, read-only and apart from your archive. \
         Press e to go back to yours.",
    ));
}

fn leave(app: &mut App) {
    let Some(examples) = app.examples.take() else {
        return;
    };
    app.archive = examples.own;
    app.display_dir = examples.own_display;
    app.go_home(None);
    app.message = Some(Message::info(format!(
        "Back to your archive in {}.",
        app.display_dir
    )));
}

/// The embedded examples written to a new temporary folder.
fn write_examples() -> Result<(TempDir, Archive), String> {
    let folder = tempfile::Builder::new()
        .prefix("roundtable-examples-")
        .tempdir()
        .map_err(|e| format!("could not create a temporary folder ({e})"))?;
    for (name, text) in crate::assets::examples() {
        let path: PathBuf = folder.path().join(name);
        crate::storage::write_atomic(&path, text.as_bytes()).map_err(|e| e.to_string())?;
    }
    let archive = Archive::open(folder.path().to_path_buf()).map_err(|e| e.to_string())?;
    Ok((folder, archive))
}

/// Whether `action` would write a file; refused while the examples are shown.
pub fn writes(action: &Action) -> bool {
    use actions_view::Action as A;
    use home::Action as H;
    matches!(
        action,
        Action::Home(H::New | H::NextSession | H::Report | H::Remove | H::Trash)
            | Action::Actions(A::Done | A::NextStatus | A::Change)
            | Action::Review(_)
            | Action::SignOff(_)
    )
}

/// Says why nothing was written.
pub fn refuse(app: &mut App) {
    app.message = Some(Message::error(
        "These are the example sessions, read-only: nothing is changed or written here. \
         Press e on the sessions list to go back to your archive.",
    ));
}

/// Turns a session just opened from the examples read-only, before the app
/// takes its lock.
pub fn keep_read_only(app: &mut App) {
    if app.examples.is_none() {
        return;
    }
    if let Screen::Session(screen) = &mut app.screen {
        // Final minutes too: their "press E to correct" would be refused.
        let screen: &mut SessionScreen = screen;
        if screen.read_only.as_deref() != Some(READ_ONLY) {
            screen.read_only = Some(READ_ONLY.to_string());
        }
    }
}
