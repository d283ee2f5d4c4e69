//! Ctrl-O in long text (a step's notes, a vision draft): the text opens in
//! the person's own editor, $VISUAL or else $EDITOR, and comes back into
//! the field. The app only asks (`Effect::Edit`); the terminal loop leaves
//! the screen, calls `run`, comes back and sends `Action::Edited`, which
//! `finish` applies. A failing editor changes nothing.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use super::message::{Message, count};
use super::{App, Screen};

/// The person's editor command: $VISUAL, else $EDITOR (as git and most
/// Unix tools choose), if either is set to something.
pub fn command(visual: Option<OsString>, editor: Option<OsString>) -> Option<OsString> {
    [visual, editor]
        .into_iter()
        .flatten()
        .find(|c| !c.to_string_lossy().trim().is_empty())
}

/// Opens `text` in the editor from the environment and returns what was
/// saved, or why nothing came back (the caller keeps the text as it was).
pub fn run(text: &str) -> Result<String, String> {
    let Some(editor) = command(std::env::var_os("VISUAL"), std::env::var_os("EDITOR")) else {
        return Err(
            "No editor is set: set VISUAL or EDITOR (e.g. `export EDITOR=nano` in your shell \
             profile) and start Roundtable again."
                .to_string(),
        );
    };
    // A fresh file only this user can read, removed when done; `.md` so the
    // editor highlights it as the Markdown it ends up in.
    let file = tempfile::Builder::new()
        .prefix("roundtable-")
        .suffix(".md")
        .tempfile()
        .map_err(|e| format!("Could not make a file for the editor in the temporary folder: {e}."))?;
    std::fs::write(file.path(), with_final_newline(text))
        .map_err(|e| format!("Could not write {}: {e}.", file.path().display()))?;
    let shown = editor.to_string_lossy().into_owned();
    let status = editor_process(&editor, file.path())
        .status()
        .map_err(|e| format!("Could not start the editor `{shown}`: {e}. Check VISUAL or EDITOR."))?;
    if !status.success() {
        return Err(format!(
            "The editor `{shown}` stopped with an error ({status}), so its text was not taken."
        ));
    }
    // Read by name: many editors save by writing a new file over the old.
    let edited = std::fs::read_to_string(file.path())
        .map_err(|e| format!("Could not read back {}: {e}.", file.path().display()))?;
    Ok(from_editor(&edited))
}

/// The command runs through the shell on Unix, like git's, so an editor
/// given with arguments (`code --wait`) works.
#[cfg(unix)]
fn editor_process(editor: &OsString, file: &Path) -> Command {
    let mut script = OsString::from(editor);
    script.push(" \"$@\"");
    let mut command = Command::new("sh");
    command.arg("-c").arg(script).arg("roundtable-editor").arg(file);
    command
}

#[cfg(not(unix))]
fn editor_process(editor: &OsString, file: &Path) -> Command {
    let text = editor.to_string_lossy();
    let mut words = text.split_whitespace();
    let mut command = Command::new(words.next().unwrap_or("notepad"));
    command.args(words).arg(file);
    command
}

fn with_final_newline(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{text}\n")
    }
}

/// What the editor saved, as the field holds text: Unix line ends, and
/// without the final newline editors add.
pub fn from_editor(saved: &str) -> String {
    let text = saved.replace("\r\n", "\n");
    text.trim_end_matches('\n').to_string()
}

/// Puts the edited text into the field that was open, as one change that
/// Ctrl-Z takes back, or says why nothing changed.
pub(super) fn finish(app: &mut App, result: Result<String, String>) {
    let Screen::Session(screen) = &mut app.screen else {
        return;
    };
    let Some(editor) = &mut screen.editor else {
        app.message = Some(Message::error(
            "The editor closed after the item did: its text was not used.",
        ));
        return;
    };
    app.message = Some(match result {
        Err(why) => Message::error(format!("{why} The text is as it was.")),
        Ok(text) if text == editor.text(editor.focus) => Message::info("No change from the editor."),
        Ok(text) => {
            let lines = text.lines().count();
            editor.replace_focused(&text);
            Message::success(format!(
                "Brought back {} from the editor; Ctrl-Z takes it back.",
                count(lines, "line", "lines")
            ))
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visual_comes_before_editor_and_blank_counts_as_unset() {
        let s = |t: &str| Some(OsString::from(t));
        assert_eq!(command(s("code --wait"), s("vi")), s("code --wait"));
        assert_eq!(command(s("  "), s("nano")), s("nano"));
        assert_eq!(command(None, s("nano")), s("nano"));
        assert_eq!(command(None, s("")), None);
    }

    #[test]
    fn the_editor_s_final_newline_and_crlf_are_dropped() {
        assert_eq!(from_editor("one\r\ntwo\n\n"), "one\ntwo");
        assert_eq!(with_final_newline("a"), "a\n");
        assert_eq!(with_final_newline(""), "");
    }
}
