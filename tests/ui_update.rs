//! `update` of the home screen, the new-session form and the session wiring,
//! driven by key events on a tempdir archive, without a terminal.
#![allow(clippy::unwrap_used)]

mod ui_support;

use ratatui::crossterm::event::{Event, KeyCode};
use roundtable::app::confirm::Confirm;
use roundtable::app::form::Field;
use roundtable::app::message::Tone;
use roundtable::app::session::Outcome;
use roundtable::app::{App, Screen};
use roundtable::domain::SessionStatus;
use roundtable::storage;
use ui_support::*;

fn form(app: &App) -> &roundtable::app::form::FormState {
    match &app.screen {
        Screen::NewSession(form) => form,
        _ => panic!("expected the new-session form, got {}", app.screen_name()),
    }
}

fn ron_files(app: &App) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(app.archive.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // Hidden files are the open session's lock and journal.
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn typing_a_title_and_ctrl_s_creates_the_file_and_opens_the_session() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Café à Llanelli");
    ctrl(&mut app, 's');
    assert_eq!(ron_files(&app), ["2026-12-03-cafe-a-llanelli.ron"]);
    let Screen::Session(screen) = &app.screen else {
        panic!("expected the session screen");
    };
    let saved = storage::load(&screen.path).unwrap();
    assert_eq!(saved.title, "Café à Llanelli");
    assert_eq!(saved.status, SessionStatus::InProgress);
    assert_eq!(saved, screen.session);
    assert_eq!(app.message.as_ref().unwrap().tone, Tone::Success);
}

#[test]
fn every_field_reaches_the_session() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Spring workshop");
    press(&mut app, KeyCode::Enter);
    type_text(&mut app, "Eastside");
    press(&mut app, KeyCode::Tab);
    // The default date is kept on arrival; Ctrl-U clears it, as in a shell.
    ctrl(&mut app, 'u');
    type_text(&mut app, "2027-01-15");
    press(&mut app, KeyCode::Down);
    type_text(&mut app, "9:30");
    press(&mut app, KeyCode::Tab);
    app.handle_event(&Event::Paste("Hall B,\nCommunity centre\n".into()), now());
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "Priya");
    ctrl(&mut app, 's');
    let Screen::Session(screen) = &app.screen else {
        panic!("expected the session screen, message: {:?}", app.message);
    };
    let s = &screen.session;
    assert_eq!(s.partnership, "Eastside");
    assert_eq!(s.date.to_string(), "2027-01-15");
    assert_eq!(s.start_time.unwrap().format("%H:%M").to_string(), "09:30");
    assert_eq!(s.location, "Hall B, Community centre");
    assert_eq!(s.facilitator, "Priya");
}

#[test]
fn a_missing_title_or_bad_date_is_marked_and_nothing_is_written() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "someday");
    ctrl(&mut app, 's');
    let f = form(&app);
    assert!(f.errors[Field::Title as usize].is_some());
    assert!(
        f.errors[Field::Date as usize]
            .as_ref()
            .unwrap()
            .contains("YYYY-MM-DD")
    );
    assert_eq!(f.focused(), Field::Title, "the cursor goes to the first problem");
    assert!(ron_files(&app).is_empty());

    // Fixing the date clears its error as soon as it is valid.
    type_text(&mut app, "Title");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    ctrl(&mut app, 'u');
    type_text(&mut app, "2027-02-01");
    assert!(form(&app).errors[Field::Date as usize].is_none());
}

#[test]
fn one_key_after_enter_wraps_round_never_wipes_the_title() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Spring workshop");
    // Tab from the last field goes round to the title, which keeps its text.
    for _ in 0..6 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(form(&app).focused(), Field::Title);
    type_text(&mut app, "s");
    assert_eq!(form(&app).value(Field::Title), "Spring workshops");
    ctrl(&mut app, 'z');
    assert_eq!(
        form(&app).value(Field::Title),
        "Spring workshop",
        "Ctrl-Z undoes typing"
    );
    let keys = app.active_keys();
    assert!(
        keys.iter().any(|k| k.keys == "Ctrl-Z" && k.in_footer),
        "undo is in the footer"
    );
}

#[test]
fn enter_on_the_last_field_creates_as_in_every_form() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Spring workshop");
    for _ in 0..5 {
        press(&mut app, KeyCode::Enter);
    }
    assert_eq!(form(&app).focused(), Field::Facilitator);
    assert!(
        app.active_keys()
            .iter()
            .any(|k| k.keys == "Enter" && k.label == "create")
    );
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)), "{:?}", app.message);
    assert_eq!(ron_files(&app).len(), 1);
}

#[test]
fn esc_with_typed_text_asks_before_discarding() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Half a title");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.confirm, Some(Confirm::DiscardForm));
    // While asking, other keys do nothing, and "n" keeps the text.
    press(&mut app, KeyCode::Char('x'));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.confirm, None);
    assert_eq!(form(&app).value(Field::Title), "Half a title");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('y'));
    assert!(matches!(app.screen, Screen::Home(_)));
    assert!(ron_files(&app).is_empty());
}

#[test]
fn esc_on_an_untouched_form_goes_straight_back() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.confirm, None);
    assert!(matches!(app.screen, Screen::Home(_)));
}

#[test]
fn q_quits_and_help_opens_and_closes() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help_open);
    press(&mut app, KeyCode::Char('n'));
    assert!(
        matches!(app.screen, Screen::Home(_)),
        "keys do not reach the screen under help"
    );
    press(&mut app, KeyCode::Esc);
    assert!(!app.help_open);
    assert!(!app.quit);
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn the_list_is_newest_first_and_enter_opens_the_selected_session() {
    let (_dir, archive) = archive_with_sessions();
    add_broken_file(&archive);
    let mut app = app(archive);
    let home = app.home().unwrap();
    let dates: Vec<String> = home
        .entries
        .iter()
        .map(|e| e.card.as_ref().map(|s| s.date.to_string()).unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2026-12-03", "2026-11-05", ""]);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter);
    let Screen::Session(screen) = &app.screen else {
        panic!("expected the session screen");
    };
    assert_eq!(screen.session.title, "First co-design session");
}

#[test]
fn a_broken_file_does_not_open_and_says_why() {
    let (_dir, archive) = archive_with_sessions();
    add_broken_file(&archive);
    let mut app = app(archive);
    for _ in 0..5 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Home(_)));
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Error);
    assert!(message.text.contains("notes-from-march.ron"), "{}", message.text);
    assert!(
        message.text.contains("/home/facilitator/roundtable"),
        "paths shown as the user knows them"
    );
}

#[test]
fn reload_finds_files_added_outside() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    assert!(app.home().unwrap().entries.is_empty());
    add_broken_file(&app.archive);
    press(&mut app, KeyCode::Char('r'));
    assert_eq!(app.home().unwrap().entries.len(), 1);
}

fn open_first(app: &mut App) {
    press(app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::Session(_)));
}

fn edit_title(app: &mut App, title: &str) {
    if let Screen::Session(screen) = &mut app.screen {
        screen.session.title = title.into();
    }
}

#[test]
fn save_writes_the_session_and_says_when() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_first(&mut app);
    edit_title(&mut app, "Renamed in the room");
    app.follow_session(Outcome::Save, now());
    let Screen::Session(screen) = &app.screen else {
        panic!("still on the session screen");
    };
    assert_eq!(storage::load(&screen.path).unwrap().title, "Renamed in the room");
    assert_eq!(app.message.as_ref().unwrap().text, "Saved 09:30");
}

#[test]
fn a_failed_save_keeps_the_changes_and_explains() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_first(&mut app);
    edit_title(&mut app, "Not lost");
    std::fs::remove_dir_all(app.archive.dir()).unwrap();
    app.follow_session(Outcome::Save, now());
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Error);
    assert!(message.text.contains("Could not save"), "{}", message.text);
    let Screen::Session(screen) = &app.screen else {
        panic!("still on the session screen");
    };
    assert_eq!(screen.session.title, "Not lost");
}

#[test]
fn export_writes_minutes_next_to_the_session_file() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    open_first(&mut app);
    app.follow_session(Outcome::ExportMinutes, now());
    // Asked where, starting with the session's folder: Enter keeps it.
    press(&mut app, KeyCode::Enter);
    let md = app
        .archive
        .dir()
        .join("2026-12-03-monthly-review-data-and-next-steps.md");
    assert!(std::fs::read_to_string(&md).unwrap().contains("Monthly review"));
    let message = app.message.clone().unwrap();
    assert_eq!(message.tone, Tone::Success, "{}", message.text);
    assert!(
        message
            .text
            .ends_with("2026-12-03-monthly-review-data-and-next-steps.md (for partners)")
    );
}

#[test]
fn back_returns_to_the_list_with_the_session_selected_and_quit_quits() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Down);
    open_first(&mut app);
    app.follow_session(Outcome::Back, now());
    assert_eq!(app.home().unwrap().selected, 1);
    open_first(&mut app);
    app.follow_session(Outcome::Help, now());
    assert!(app.help_open);
    press(&mut app, KeyCode::Esc);
    app.follow_session(Outcome::Quit, now());
    assert!(app.quit);
}

#[test]
fn shift_tab_and_up_go_back_a_field_and_wrap() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    // Terminals report Shift-Tab as BackTab with Shift held.
    let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    app.handle_event(&Event::Key(back_tab), now());
    assert_eq!(form(&app).focused(), Field::Facilitator);
    press(&mut app, KeyCode::Up);
    assert_eq!(form(&app).focused(), Field::Location);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(form(&app).focused(), Field::Title);
}
