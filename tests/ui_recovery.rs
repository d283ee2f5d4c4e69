//! Snapshots of what keeps work safe: the unsaved-work offer, a session
//! open read-only because someone else has it, the save-elsewhere prompt,
//! and hostile text rendering harmlessly.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use chrono::DateTime;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::guard::lock_message;
use roundtable::app::{Screen, recovery};
use roundtable::domain::{Goal, Session};
use roundtable::storage::{self, Holder, LockError};
use ui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

snap_both_sizes!();

#[test]
fn unsaved_work_offered_at_start() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = app.home().unwrap().entries[0].path.clone();
    let mut recovered = storage::load(&path).unwrap();
    recovered.title = "Monthly review: data, next steps and budget".into();
    for text in ["Shorter waits", "One front door"] {
        recovered.goals.push(Goal {
            text: text.into(),
            ..Default::default()
        });
    }
    recovered.set_note(
        roundtable::domain::Step::Goals,
        "Ann asked for a map of services".into(),
    );
    storage::write_recovery(&path, &recovered).unwrap();
    recovery::offer_pending(&mut app);
    app.offers[0].written = Some(now());
    snap_both("recovery_offer", &app);
}

#[test]
fn read_only_session_names_who_has_it() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    let path = app.home().unwrap().entries[0].path.clone();
    let _theirs = storage::lock(&path, now()).unwrap();
    press(&mut app, KeyCode::Enter);
    // The real holder is this test (user, computer, process): show a fixed one.
    let held = LockError::Held {
        holder: Holder {
            user: "sam".into(),
            host: "laptop-2".into(),
            pid: 4242,
        },
        since: DateTime::parse_from_rfc3339("2026-12-03T09:05:00+00:00").unwrap(),
        lock_file: "sessions/.2026-12-03-steering.lock".into(),
    };
    let Screen::Session(screen) = &mut app.screen else {
        unreachable!()
    };
    assert!(screen.read_only.is_some());
    screen.read_only = Some(lock_message(&held));
    let message = app.message.as_mut().unwrap();
    assert!(
        message.text.contains("has had this session open since"),
        "{}",
        message.text
    );
    message.text = format!("S{}", &lock_message(&held)[1..]);
    press(&mut app, KeyCode::Char('g'));
    snap_both("read_only", &app);
}

#[test]
fn save_elsewhere_after_the_folder_vanished() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('a'));
    type_text(&mut app, "Fewer missed appointments");
    press(&mut app, KeyCode::Esc);
    std::fs::remove_dir_all(app.archive.dir()).unwrap();
    ctrl(&mut app, 's');
    let prompt = app.save_as.as_mut().unwrap();
    prompt.path = "/home/facilitator/2026-12-03-monthly-review-data-and-next-steps.ron".into();
    snap_both("save_elsewhere", &app);
    // A second failure is shown in the prompt.
    app.save_as.as_mut().unwrap().path = "/nowhere/at/all/x.ron".into();
    press(&mut app, KeyCode::Enter);
    assert!(app.save_as.as_ref().unwrap().error.is_some());
    insta::assert_snapshot!("save_elsewhere_failed_80x24", render(&app, 80, 24));
}

const HOSTILE: &str = "Board\u{1b}[2J meeting \u{1b}]52;c;aGk=\u{7} \u{202E}gpj.exe";

#[test]
fn hostile_text_renders_harmlessly() {
    let (_dir, archive) = empty_archive();
    let mut session = Session::new(HOSTILE, "Evil\u{1b}[31m partnership", now().date_naive(), now());
    session.goals.push(Goal {
        text: format!("Goal {HOSTILE}"),
        ..Default::default()
    });
    storage::save(&archive.dir().join("hostile.ron"), &session).unwrap();
    let mut app = app(archive);
    for (w, h) in SIZES {
        let home = render(&app, w, h);
        assert_clean(&home);
        insta::assert_snapshot!(format!("hostile_home_{w}x{h}"), home);
    }
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('g'));
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
        now(),
    );
    for (w, h) in SIZES {
        let screen = render(&app, w, h);
        assert_clean(&screen);
        insta::assert_snapshot!(format!("hostile_session_{w}x{h}"), screen);
    }
}

fn assert_clean(backend: &ratatui::backend::TestBackend) {
    for cell in &backend.buffer().content {
        assert!(
            !cell.symbol().chars().any(roundtable::domain::needs_cleaning),
            "{:?} reached the terminal",
            cell.symbol()
        );
    }
}
