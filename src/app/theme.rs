//! Switching the theme from the home screen, remembered for next time in
//! the app's state file (never in the archive).

use super::App;
use super::message::Message;
use crate::storage::{AppState, read_state, write_state};

/// Moves to the next palette and remembers it, when the app has a state
/// file (tests have none, so they never write to the real user folders).
pub(super) fn cycle(app: &mut App) {
    app.theme.palette = app.theme.palette.next();
    let name = app.theme.palette.name();
    let colour = if app.theme.color {
        ""
    } else {
        " (NO_COLOR is set, so colours stay off)"
    };
    let Some(path) = app.state_file.clone() else {
        app.message = Some(Message::info(format!("Theme: {name}{colour}.")));
        return;
    };
    // Whatever else the file remembers stays as it was.
    let mut state: AppState = read_state(&path);
    state.theme = Some(name.to_string());
    app.message = Some(match write_state(&path, &state) {
        Ok(()) => Message::info(format!(
            "Theme: {name}{colour}, remembered for next time. Press t for the next one."
        )),
        Err(e) => Message::error(format!(
            "Theme: {name}{colour}, but it could not be remembered: {e}. It lasts until you quit."
        )),
    });
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;

    use super::*;
    use crate::storage::Archive;
    use crate::ui::theme::{Palette, Theme};

    #[test]
    fn cycling_saves_the_choice_in_the_state_file_given() {
        let tmp = tempfile::tempdir().unwrap();
        let archive = Archive::open(tmp.path().join("sessions")).unwrap();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut app = App::new(archive, Theme::plain(), now);
        cycle(&mut app);
        assert_eq!(app.theme.palette, Palette::Light);
        let path = tmp.path().join("state").join("state.ron");
        app.state_file = Some(path.clone());
        cycle(&mut app);
        assert_eq!(app.theme.palette, Palette::HighContrast);
        assert_eq!(read_state(&path).theme.as_deref(), Some("high-contrast"));
        assert!(
            !tmp.path().join("sessions").join("state.ron").exists(),
            "nothing in the archive"
        );
    }
}
