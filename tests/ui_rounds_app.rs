//! A go-round in the whole app: time passing (the app's ticks) moves the
//! countdown on, and the round is in the file once saved.
#![allow(clippy::unwrap_used)]

mod ui_support;

use chrono::Duration;
use ratatui::crossterm::event::KeyCode;
use roundtable::app::{Action, Screen};
use ui_support::*;

#[test]
fn ticks_move_the_countdown_and_the_round_is_saved() {
    let (_dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Spring workshop");
    ctrl(&mut app, 's');
    for key in ['p', 'a'] {
        press(&mut app, KeyCode::Char(key));
    }
    type_text(&mut app, "Ann Lee");
    press(&mut app, KeyCode::Esc);
    for key in ['1', 'r', '+'] {
        press(&mut app, KeyCode::Char(key));
    }
    press(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("Speaking: Ann Lee"), "{screen}");
    assert!(screen.contains("1:00 left"), "{screen}");
    // The terminal loop draws after a tick only when `on_screen` changed:
    // the countdown's displayed second is part of it.
    let second = |s: i64| app.on_screen(now() + Duration::seconds(s));
    assert_ne!(second(1), second(2), "the countdown moved on");
    app.update(Action::Tick, now() + Duration::seconds(75));
    let screen = render(&app, 80, 24).to_string();
    assert!(screen.contains("0:15 over"), "{screen}");
    ctrl(&mut app, 's');
    let Screen::Session(session) = &app.screen else {
        panic!("left the session");
    };
    let text = std::fs::read_to_string(&session.path).unwrap();
    assert!(text.contains("rounds: ["), "{text}");
    assert!(text.contains("speaking: \"Ann Lee\""), "{text}");
}
