//! Shared set-up for the app-shell tests: a fixed clock, a tempdir archive
//! with sessions built here, key events, and rendering into a TestBackend.
#![allow(dead_code, clippy::unwrap_used)]

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::App;
use roundtable::domain::{ActionItem, ActionStatus, Decision, Participant, Session, SessionStatus};
use roundtable::storage::{self, Archive};
use roundtable::ui::{self, theme::Theme};
use tempfile::TempDir;

/// Thursday 3 December 2026, 09:30 UTC.
pub fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-12-03T09:30:00Z")
        .unwrap()
        .to_utc()
}

pub fn empty_archive() -> (TempDir, Archive) {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(dir.path().join("sessions")).unwrap();
    (dir, archive)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn person(name: &str, org: &str) -> Participant {
    Participant {
        name: name.into(),
        organisation: org.into(),
        ..Default::default()
    }
}

/// Two sessions of one partnership, a month apart.
pub fn archive_with_sessions() -> (TempDir, Archive) {
    let (dir, archive) = empty_archive();
    let mut first = Session::new(
        "First co-design session",
        "Eastside Health Equity Partnership",
        date(2026, 11, 5),
        now(),
    );
    first.status = SessionStatus::Final;
    first.start_time = NaiveTime::from_hms_opt(10, 0, 0);
    first.location = "Community centre, Hall B".into();
    first.facilitator = "Priya Shah".into();
    first.participants = vec![
        person("Ann Okafor", "Eastside Carers"),
        person("Tom Reyes", "City Council"),
        person("Mei Lin", "Food Bank"),
    ];
    first.decisions = vec![Decision {
        text: "Meet monthly".into(),
        ..Default::default()
    }];
    first.actions = vec![
        action("Book venue", ActionStatus::Done),
        action("Share survey", ActionStatus::Open),
    ];
    storage::save(&archive.dir().join(format!("{}.ron", first.id)), &first).unwrap();

    let mut second = Session::new(
        "Monthly review: data and next steps",
        "Eastside Health Equity Partnership",
        date(2026, 12, 3),
        now(),
    );
    second.status = SessionStatus::InProgress;
    second.participants = vec![person("Ann Okafor", "Eastside Carers")];
    second.actions = vec![action("Draft the vision", ActionStatus::InProgress)];
    storage::save(&archive.dir().join(format!("{}.ron", second.id)), &second).unwrap();
    (dir, archive)
}

fn action(text: &str, status: ActionStatus) -> ActionItem {
    ActionItem {
        text: text.into(),
        status,
        ..Default::default()
    }
}

/// A file that is not a session at all.
pub fn add_broken_file(archive: &Archive) {
    std::fs::write(archive.dir().join("notes-from-march.ron"), "(title: \"unfinished").unwrap();
}

pub fn app(archive: Archive) -> App {
    let mut app = App::new(archive, Theme::plain(), now());
    app.display_dir = "/home/facilitator/roundtable".into();
    app
}

pub fn render(app: &App, width: u16, height: u16) -> TestBackend {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| ui::view(app, frame)).unwrap();
    terminal.backend().clone()
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), now());
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
        now(),
    );
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Defines `snap_both(name, &app)` in the test file that calls it (so insta
/// names the snapshots after that file): the app rendered at 80×24 and
/// 120×40.
#[allow(unused_macros)]
macro_rules! snap_both_sizes {
    () => {
        fn snap_both(name: &str, app: &roundtable::app::App) {
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(app, w, h));
            }
        }
    };
}
