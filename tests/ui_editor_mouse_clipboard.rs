//! The mouse, Ctrl-O and `y` through the update loop, without a terminal:
//! clicks on what was last drawn select rows and steps, the wheel scrolls,
//! clicks anywhere else (or on a tiny window) change nothing; Ctrl-O asks
//! the terminal loop for the editor and takes its answer back; `y` asks it
//! to send the minutes as OSC 52.
#![allow(clippy::unwrap_used)]

mod ui_support;

use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use roundtable::app::clipboard::osc52;
use roundtable::app::message::Tone;
use roundtable::app::session::section::Section;
use roundtable::app::{Action, App, Effect, Screen};
use roundtable::domain::Step;
use ui_support::*;

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    let event = MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_event(&Event::Mouse(event), now());
}

fn click(app: &mut App, column: u16, row: u16) {
    mouse(app, MouseEventKind::Down(MouseButton::Left), column, row);
}

/// The row of the screen where `text` is drawn, as a person would find it.
fn row_of(app: &App, width: u16, height: u16, text: &str) -> u16 {
    let backend = render(app, width, height);
    let buffer = backend.buffer();
    (0..height)
        .find(|&y| {
            let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
            line.contains(text)
        })
        .unwrap_or_else(|| panic!("{text} is not on screen:\n{backend}"))
}

fn selected_title(app: &App) -> String {
    let home = app.home().unwrap();
    let entry = home.selected_entry().unwrap();
    entry.card.as_ref().map(|c| c.title.clone()).unwrap_or_default()
}

fn open_session(app: &mut App) {
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)), "{}", app.screen_name());
}

fn session(app: &App) -> &roundtable::app::session::SessionScreen {
    match &app.screen {
        Screen::Session(s) => s,
        _ => panic!("expected the session screen"),
    }
}

#[test]
fn clicking_a_session_on_the_home_screen_selects_it_in_either_view() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    for grouped in [true, false] {
        if app.home().unwrap().grouped != grouped {
            press(&mut app, KeyCode::Char('v'));
        }
        let first = row_of(&app, 120, 40, "First co-design session");
        click(&mut app, 30, first);
        assert_eq!(
            selected_title(&app),
            "First co-design session",
            "grouped: {grouped}"
        );
        let review = row_of(&app, 120, 40, "Monthly review");
        click(&mut app, 30, review);
        assert_eq!(selected_title(&app), "Monthly review: data and next steps");
        // The wheel moves as ↓ does; the header line and the screen's edge
        // select nothing.
        mouse(&mut app, MouseEventKind::ScrollDown, 30, review);
        assert_eq!(selected_title(&app), "First co-design session");
        let header = row_of(&app, 120, 40, "Date");
        click(&mut app, 30, header);
        click(&mut app, 0, 0);
        click(&mut app, 119, 39);
        assert_eq!(selected_title(&app), "First co-design session");
    }
}

#[test]
fn clicks_anywhere_at_any_size_never_fail() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    for (w, h) in [(10, 3), (80, 24), (1, 1)] {
        render(&app, w, h);
        for y in 0..h.max(30) {
            for x in (0..w.max(100)).step_by(7) {
                click(&mut app, x, y);
                mouse(&mut app, MouseEventKind::ScrollUp, x, y);
            }
        }
    }
    // Too small to draw the list: nothing to click, nothing selected by it.
    assert!(matches!(app.screen, Screen::Home(_)));
    open_session(&mut app);
    render(&app, 20, 5);
    for y in 0..40 {
        click(&mut app, 3, y);
    }
    assert_eq!(session(&app).nav.section, Section::Step(Step::Goals));
}

#[test]
fn clicking_a_step_in_the_navigator_goes_there() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_session(&mut app);
    let row = row_of(&app, 120, 40, Step::Roles.short());
    click(&mut app, 3, row);
    assert_eq!(session(&app).nav.section, Section::Step(Step::Roles));
    let row = row_of(&app, 120, 40, "Parking lot");
    click(&mut app, 3, row);
    assert_eq!(session(&app).nav.section, Section::ParkingLot);
    // The "Steps" heading is no step.
    let row = row_of(&app, 120, 40, " Steps");
    click(&mut app, 3, row);
    assert_eq!(session(&app).nav.section, Section::ParkingLot);
}

#[test]
fn clicks_wait_while_help_or_an_editor_is_open() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_session(&mut app);
    let row = row_of(&app, 120, 40, Step::Roles.short());
    press(&mut app, KeyCode::Char('n'));
    click(&mut app, 3, row);
    assert_eq!(session(&app).nav.section, Section::Step(Step::Goals));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    click(&mut app, 3, row);
    assert_eq!(session(&app).nav.section, Section::Step(Step::Goals));
}

#[test]
fn clicking_a_row_of_the_actions_screen_selects_it() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('A'));
    let Screen::Actions(_) = &app.screen else {
        panic!("expected the actions screen, got {}", app.screen_name());
    };
    let row = row_of(&app, 120, 40, "Share survey");
    click(&mut app, 20, row);
    let selected = |app: &App| match &app.screen {
        Screen::Actions(s) => s.selected,
        _ => usize::MAX,
    };
    let chosen = selected(&app);
    let backend = render(&app, 120, 40);
    let line: String = (0..120).map(|x| backend.buffer()[(x, row)].symbol()).collect();
    assert!(line.starts_with("│▶ ") || line.contains("▶ "), "{line}");
    mouse(&mut app, MouseEventKind::ScrollUp, 20, row);
    assert_eq!(selected(&app), chosen.saturating_sub(1));
}

#[test]
fn ctrl_o_asks_for_the_editor_and_its_text_comes_back_as_one_undo() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_session(&mut app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "typed");
    // Shown in the footer while long text is edited.
    assert!(
        app.active_keys().iter().any(|k| k.keys == "Ctrl-O"),
        "{:?}",
        app.active_keys()
    );
    ctrl(&mut app, 'o');
    assert_eq!(app.take_effects(), [Effect::Edit("typed".into())]);
    let text = |app: &App| session(app).editor.as_ref().unwrap().text(0);
    app.update(Action::Edited(Ok("from the editor\nsecond line".into())), now());
    assert_eq!(text(&app), "from the editor\nsecond line");
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Success);
    assert!(message.text.contains("Brought back 2 lines"), "{}", message.text);
    ctrl(&mut app, 'z');
    assert_eq!(text(&app), "typed");
    // A failing editor changes nothing and says so.
    app.update(
        Action::Edited(Err("The editor `x` stopped with an error.".into())),
        now(),
    );
    assert_eq!(text(&app), "typed");
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Error);
    assert!(
        message.text.ends_with("The text is as it was."),
        "{}",
        message.text
    );
    assert!(app.take_effects().is_empty());
}

#[test]
fn y_sends_the_minutes_as_osc_52_and_says_how_else_to_get_them() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_session(&mut app);
    press(&mut app, KeyCode::Char('y'));
    let minutes = roundtable::export::minutes(&session(&app).session);
    let effects = app.take_effects();
    let [Effect::Copy(sequence)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(sequence.starts_with("\u{1b}]52;c;"));
    // Progress since the last session is in too, as in `export`.
    assert!(sequence.len() >= osc52(&minutes).len());
    let message = app.message.clone().unwrap();
    assert!(
        message
            .text
            .starts_with("Sent the minutes for partners to the clipboard ("),
        "{}",
        message.text
    );
    assert!(
        message
            .text
            .contains(" lines). If your terminal does not support this, use `roundtable export ")
    );
}

#[test]
fn minutes_too_long_for_a_terminal_are_not_sent() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_session(&mut app);
    press(&mut app, KeyCode::Char('n'));
    app.handle_event(&Event::Paste("A long note. ".repeat(10_000)), now());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(app.take_effects().is_empty());
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Error);
    assert!(
        message.text.contains("too long for the clipboard"),
        "{}",
        message.text
    );
    assert!(message.text.contains("nothing was copied"));
}

#[test]
fn clicking_either_line_of_a_search_result_selects_it() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "Ann Okafor");
    let selected = |app: &App| match &app.screen {
        Screen::Search(s) => (s.selected, s.hits.len()),
        _ => panic!("expected the search screen"),
    };
    assert!(selected(&app).1 >= 2, "{}", render(&app, 120, 40));
    // The second result's heading, then the snippet line under the first.
    let first = row_of(&app, 120, 40, "▶");
    click(&mut app, 10, first + 2);
    assert_eq!(selected(&app).0, 1);
    click(&mut app, 10, first + 1);
    assert_eq!(selected(&app).0, 0);
    mouse(&mut app, MouseEventKind::ScrollDown, 10, first);
    assert_eq!(selected(&app).0, 1);
}

#[test]
fn clicking_a_removed_session_in_the_trash_selects_it() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    for _ in 0..2 {
        press(&mut app, KeyCode::Char('d'));
        press(&mut app, KeyCode::Char('y'));
    }
    press(&mut app, KeyCode::Char('T'));
    let selected = |app: &App| match &app.screen {
        Screen::Trash(s) => (s.selected, s.entries.len()),
        _ => panic!("expected the trash, got {}", app.screen_name()),
    };
    assert_eq!(selected(&app), (0, 2), "{}", render(&app, 120, 40));
    let second = row_of(&app, 120, 40, "▶") + 1;
    click(&mut app, 10, second);
    assert_eq!(selected(&app).0, 1);
    mouse(&mut app, MouseEventKind::ScrollUp, 10, second);
    assert_eq!(selected(&app).0, 0);
    // Below the last row: nothing.
    click(&mut app, 10, second + 1);
    assert_eq!(selected(&app).0, 0);
}
