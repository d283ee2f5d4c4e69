#![allow(clippy::unwrap_used)]
//! The health check (`H`) and marking decisions reviewed (`D`) on the
//! session screen, on a copy of the example archive (Level Ground's
//! December draft, where September's screening target is due for review):
//! what they record, that it saves, and the screens at 80×24 and 120×40.

mod ui_between_support;
#[macro_use]
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::Screen;
use roundtable::domain::ReviewOutcome;
use roundtable::storage::load;
use ui_between_support::*;
use ui_support::*;

snap_both_sizes!();

fn open_december(app: &mut roundtable::app::App) -> std::path::PathBuf {
    let path = file(app, "2026-12-16");
    select(app, &path);
    press(app, KeyCode::Enter);
    assert_eq!(app.screen_name(), "Session");
    path
}

/// The line the session screen shows about the last key.
fn said(app: &roundtable::app::App) -> String {
    let Screen::Session(screen) = &app.screen else {
        panic!("not on the session screen")
    };
    screen.message.clone().unwrap_or_default()
}

fn session(app: &roundtable::app::App) -> &roundtable::domain::Session {
    let Screen::Session(screen) = &app.screen else {
        panic!("not on the session screen")
    };
    &screen.session
}

#[test]
fn the_health_check_is_taken_by_organisation_or_anonymously_and_saved() {
    let (_dir, mut app) = workshops_app();
    let path = open_december(&mut app);
    press(&mut app, KeyCode::Char('H'));
    type_text(&mut app, "4434");
    type_text(&mut app, "2333");
    type_text(&mut app, "3");
    snap_both("health_check_named", &app);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Equity still uneven");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    let h = &session(&app).health;
    assert_eq!(h.scores.len(), 3);
    assert_eq!(h.scores[1].organisation, "Kinfolk Families Network");
    assert_eq!(h.scores[2].transparency, None);
    assert!(
        said(&app).contains("Recorded the health check (3 scored)"),
        "{}",
        said(&app)
    );
    ctrl(&mut app, 's');
    assert_eq!(load(&path).unwrap().health.note, "Equity still uneven");
    // Anonymous: slips, no names.
    press(&mut app, KeyCode::Char('H'));
    press(&mut app, KeyCode::Char('a'));
    press(&mut app, KeyCode::Char('+'));
    type_text(&mut app, "5545");
    snap_both("health_check_anonymous", &app);
    press(&mut app, KeyCode::Esc);
    let h = &session(&app).health;
    assert!(h.anonymous && h.scores.len() == 4);
    assert!(h.scores.iter().all(|s| s.organisation.is_empty()));
    press(&mut app, KeyCode::Char('u'));
    assert!(!session(&app).health.anonymous, "u takes the change back");
}

#[test]
fn a_decision_due_is_marked_reviewed_and_is_then_no_longer_due() {
    let (_dir, mut app) = workshops_app();
    let path = open_december(&mut app);
    press(&mut app, KeyCode::Char('D'));
    type_text(&mut app, "Kept until the year-two bid is decided");
    snap_both("review_a_decision", &app);
    press(&mut app, KeyCode::Enter);
    let r = &session(&app).reviews[0];
    assert_eq!(r.session, "2026-09-16-level-ground-september-data-review");
    assert_eq!((r.item, r.outcome), (1, ReviewOutcome::Kept));
    ctrl(&mut app, 's');
    assert_eq!(load(&path).unwrap().reviews.len(), 1);
    press(&mut app, KeyCode::Char('D'));
    assert!(
        said(&app).starts_with("No decision is due for review"),
        "{}",
        said(&app)
    );
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert!(
        screen.sign_off.due.is_empty(),
        "the line above the sections follows"
    );
}
