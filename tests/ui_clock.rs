//! The meeting clock and the plan screen in the app, driven with an
//! injected clock (no sleeps): the header's clock running and overrunning,
//! the plan screen, the part following the step, undo, the file round-trip.
#![allow(clippy::unwrap_used)]

#[macro_use]
mod ui_support;

use chrono::{DateTime, TimeDelta, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::{Action, App, Screen};
use roundtable::domain::{Part, Step};
use ui_support::*;

snap_both_sizes!();

/// `seconds` after the tests' fixed "now".
fn at(seconds: i64) -> DateTime<Utc> {
    now() + TimeDelta::seconds(seconds)
}

fn key_at(app: &mut App, code: KeyCode, seconds: i64) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)), at(seconds));
}

/// The loop's tick, as it comes several times a second.
fn tick_at(app: &mut App, seconds: i64) {
    app.update(Action::Tick, at(seconds));
}

/// A new first session made in the app (so it has the two-hour plan).
fn new_session() -> (tempfile::TempDir, App) {
    let (dir, archive) = empty_archive();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Spring workshop");
    ctrl(&mut app, 's');
    assert!(matches!(app.screen, Screen::Session(_)), "{:?}", app.message);
    (dir, app)
}

fn screen(app: &App) -> &roundtable::app::session::SessionScreen {
    match &app.screen {
        Screen::Session(s) => s,
        _ => panic!("not in a session"),
    }
}

fn header(app: &App) -> String {
    let text = render(app, 120, 40).to_string();
    text.lines().nth(1).unwrap_or("").to_string()
}

#[test]
fn a_new_session_has_the_two_hour_plan_and_the_clock_waits_for_t() {
    let (_dir, app) = new_session();
    let plan = &screen(&app).session.plan;
    assert_eq!(plan.total_minutes(), 120);
    assert!(
        header(&app).contains("2 h 00 planned · t starts the clock"),
        "{}",
        header(&app)
    );
}

#[test]
fn clock_running_and_overrunning_in_the_header() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    for s in 1..=424 {
        tick_at(&mut app, s);
    }
    assert!(
        header(&app).contains("▶ Opening 2:56 left · 1 h 53 left in all"),
        "{}",
        header(&app)
    );
    snap_both("clock_running", &app);
    // Ticks a minute apart or less: meeting time, not sleep.
    for s in (425..=(14 * 60 + 10)).step_by(60) {
        tick_at(&mut app, s);
    }
    tick_at(&mut app, 14 * 60 + 10);
    let head = header(&app);
    assert!(
        head.contains("▶ Opening 4 min over"),
        "in words, not only colour: {head}"
    );
    snap_both("clock_overrunning", &app);
}

#[test]
fn the_plan_screen_shows_each_part_and_what_is_on_now() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    key_at(&mut app, KeyCode::Char('2'), 11 * 60);
    key_at(&mut app, KeyCode::Char('P'), 12 * 60);
    let plan = &screen(&app).session.plan;
    assert_eq!(plan.slots[0].spent, 11 * 60);
    assert_eq!(plan.slots[plan.current.unwrap()].part, Part::Step(Step::Vision));
    snap_both("plan_screen", &app);
}

#[test]
fn moving_to_a_step_times_it_and_a_break_is_chosen_on_the_plan() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    key_at(&mut app, KeyCode::Char('3'), 600);
    assert!(header(&app).contains("▶ Step 3 20:00 left"), "{}", header(&app));
    // People and decisions are not parts of the plan: the step keeps the time.
    key_at(&mut app, KeyCode::Char('p'), 660);
    assert!(header(&app).contains("▶ Step 3 19:00 left"), "{}", header(&app));
    key_at(&mut app, KeyCode::Char('P'), 700);
    let row = screen(&app).plan_view.unwrap().row;
    let brk = screen(&app)
        .session
        .plan
        .slots
        .iter()
        .position(|s| s.part == Part::Break)
        .unwrap();
    for _ in brk..row {
        key_at(&mut app, KeyCode::Up, 700);
    }
    key_at(&mut app, KeyCode::Enter, 720);
    assert!(header(&app).contains("▶ Break 10:00 left"), "{}", header(&app));
    // `T` and `t` work on the plan screen too.
    key_at(&mut app, KeyCode::Char('T'), 720);
    assert!(header(&app).contains("▶ Break 15:00 left"), "{}", header(&app));
    key_at(&mut app, KeyCode::Char('t'), 780);
    assert!(
        header(&app).contains("paused · Break 14:00 left"),
        "{}",
        header(&app)
    );
    let plan = &screen(&app).session.plan;
    assert_eq!(plan.slots[plan.slot_of(Step::Activities).unwrap()].spent, 120);
    assert_eq!(plan.slots[brk].spent, 60);
    assert_eq!(plan.slots[brk].extended, 5);
}

#[test]
fn plan_edits_undo_without_taking_back_clock_time() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    key_at(&mut app, KeyCode::Char('P'), 60);
    key_at(&mut app, KeyCode::Char('+'), 60);
    key_at(&mut app, KeyCode::Char('b'), 60);
    let plan = &screen(&app).session.plan;
    assert_eq!(plan.slots[0].minutes, 15);
    assert_eq!(plan.slots[1].part, Part::Break);
    key_at(&mut app, KeyCode::Char('t'), 120);
    key_at(&mut app, KeyCode::Char('u'), 130);
    key_at(&mut app, KeyCode::Char('u'), 130);
    let plan = &screen(&app).session.plan;
    assert_eq!(plan.slots[0].minutes, 10, "both edits undone");
    assert_ne!(plan.slots[1].part, Part::Break);
    assert_eq!(plan.slots[0].spent, 120, "the time counted stays");
    assert!(!plan.is_running(), "and so does the pause");
}

#[test]
fn a_computer_asleep_is_not_meeting_time() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    tick_at(&mut app, 1);
    tick_at(&mut app, 300);
    tick_at(&mut app, 3900);
    let s = screen(&app);
    assert!(!s.session.plan.is_running());
    assert_eq!(s.session.plan.slots[0].spent, 1, "the long gaps are not counted");
    let text = render(&app, 120, 40).to_string();
    assert!(
        text.contains("Clock paused: the computer slept 5 min (not counted)"),
        "{text}"
    );
}

#[test]
fn the_plan_and_the_time_spent_survive_saving_and_opening_again() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    key_at(&mut app, KeyCode::Char('2'), 300);
    key_at(&mut app, KeyCode::Char('T'), 310);
    key_at(&mut app, KeyCode::Char('t'), 400);
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
        at(400),
    );
    let s = screen(&app);
    let on_disk = roundtable::storage::load(&s.path).unwrap();
    assert_eq!(on_disk.plan, s.session.plan);
    assert_eq!(on_disk.plan.slots[0].spent, 300);
    assert_eq!(on_disk.plan.slots[2].spent, 100);
    assert_eq!(on_disk.plan.slots[2].extended, 5);
    // Saved while running (the app stopped without a pause): on opening,
    // the clock counts up to the last save and stands paused.
    let mut running = on_disk.clone();
    running.plan.running_since = Some(running.updated - TimeDelta::seconds(30));
    let path = s.path.clone();
    roundtable::storage::save(&path, &running).unwrap();
    let folder = app.archive.dir().to_path_buf();
    drop(app); // releases the lock, as quitting would
    let mut app = ui_support::app(roundtable::storage::Archive::open(folder).unwrap());
    press(&mut app, KeyCode::Enter);
    tick_at(&mut app, 5000);
    let plan = &screen(&app).session.plan;
    assert!(!plan.is_running());
    assert_eq!(plan.slots[2].spent, 130);
    // A change over the file as it was read: it saves, with no complaint
    // that another program changed the file.
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)),
        at(5001),
    );
    assert!(
        app.message.as_ref().is_some_and(|m| m.text.starts_with("Saved")),
        "{:?}",
        app.message
    );
    let on_disk = roundtable::storage::load(&path).unwrap();
    assert!(!on_disk.plan.is_running());
    assert_eq!(on_disk.plan.slots[2].spent, 130);
}

#[test]
fn leaving_the_session_pauses_its_clock_and_saves_the_time() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    let path = screen(&app).path.clone();
    key_at(&mut app, KeyCode::Esc, 90);
    assert!(matches!(app.screen, Screen::Home(_)));
    let on_disk = roundtable::storage::load(&path).unwrap();
    assert!(!on_disk.plan.is_running());
    assert_eq!(on_disk.plan.slots[0].spent, 90);
}

/// The terminal loop draws after a tick only when `on_screen` changed: a
/// running clock changes it once a second, a paused or hidden one never.
#[test]
fn the_screen_changes_each_second_only_while_a_clock_runs_in_view() {
    let (_dir, mut app) = new_session();
    let before = app.on_screen(at(1));
    tick_at(&mut app, 1);
    tick_at(&mut app, 2);
    assert_eq!(app.on_screen(at(3)), before, "nothing runs: nothing to draw");
    key_at(&mut app, KeyCode::Char('t'), 3);
    let running = app.on_screen(at(4));
    assert_eq!(app.on_screen(at(4)), running);
    assert_ne!(app.on_screen(at(5)), running, "the displayed second moved");
    key_at(&mut app, KeyCode::Char('t'), 5);
    let paused = app.on_screen(at(5));
    assert_eq!(app.on_screen(at(65)), paused, "a paused clock stands still");
    key_at(&mut app, KeyCode::Char('t'), 65);
    key_at(&mut app, KeyCode::Esc, 66);
    let home = app.on_screen(at(66));
    assert_eq!(app.on_screen(at(99)), home, "no clock on the home screen");
}

/// Sessions made before plans existed (or by `roundtable new`) get the
/// default plan for their kind when the clock or the plan is first opened.
#[test]
fn a_session_without_a_plan_gets_the_follow_up_plan_on_t_when_it_follows_another() {
    let (_dir, archive) = empty_archive();
    let mut s = roundtable::domain::Session::new("Review", "Eastside", now().date_naive(), now());
    s.previous = "2026-11-05-first-co-design-session".into();
    let path = archive.dir().join(format!("{}.ron", s.id));
    roundtable::storage::save(&path, &s).unwrap();
    let mut app = app(archive);
    press(&mut app, KeyCode::Enter);
    assert!(screen(&app).session.plan.is_empty());
    assert!(!header(&app).contains("planned"), "no clock without a plan");
    key_at(&mut app, KeyCode::Char('t'), 0);
    let plan = &screen(&app).session.plan;
    assert_eq!(plan.total_minutes(), 90);
    assert!(plan.is_running());
}

#[test]
fn ctrl_q_quits_from_the_plan_screen_and_saves_the_time() {
    let (_dir, mut app) = new_session();
    key_at(&mut app, KeyCode::Char('t'), 0);
    key_at(&mut app, KeyCode::Char('P'), 30);
    let path = screen(&app).path.clone();
    app.handle_event(
        &Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL)),
        at(45),
    );
    assert!(app.quit);
    let on_disk = roundtable::storage::load(&path).unwrap();
    assert_eq!(on_disk.plan.slots[0].spent, 45);
}

#[test]
fn the_next_session_gets_the_ninety_minute_follow_up_plan() {
    let (_dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('N'));
    assert!(matches!(app.screen, Screen::NextSession(_)), "{:?}", app.message);
    ctrl(&mut app, 's');
    let plan = &screen(&app).session.plan;
    assert_eq!(plan.total_minutes(), 90);
    assert!(plan.slots.iter().all(|s| s.spent == 0) && plan.current.is_none());
    let saved = roundtable::storage::load(&screen(&app).path).unwrap();
    assert_eq!(&saved.plan, plan, "written with the new file");
}
