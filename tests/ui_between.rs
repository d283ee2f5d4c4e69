//! `update` of the screens between sessions, on a copy of the example
//! archive: the timeline, review mode, search, the actions view, measures,
//! the next session and the trustee report.
#![allow(clippy::unwrap_used)]

mod ui_between_support;
mod ui_support;

use ratatui::crossterm::event::KeyCode;
use roundtable::app::Screen;
use roundtable::app::confirm::Confirm;
use roundtable::app::message::Tone;
use roundtable::app::session::section::{ListKind, Section};
use roundtable::app::timeline::UNREADABLE;
use roundtable::domain::{ActionStatus, DecisionMethod};
use roundtable::storage;
use ui_between_support::*;
use ui_support::*;

fn group_names(app: &roundtable::app::App) -> Vec<String> {
    app.home()
        .unwrap()
        .groups
        .iter()
        .map(|g| g.name.clone())
        .collect()
}

fn selected_title(app: &roundtable::app::App) -> String {
    let home = app.home().unwrap();
    home.selected_entry()
        .unwrap()
        .card
        .as_ref()
        .unwrap()
        .title
        .clone()
}

#[test]
fn home_groups_sessions_by_partnership_latest_first_and_v_shows_one_list() {
    let (_dir, archive) = workshops();
    add_broken_file(&archive);
    let mut app = app(archive);
    assert_eq!(
        group_names(&app),
        [
            "Level Ground Partnership",
            "Brindley Vale Health Equity Partnership",
            "North Coast Food Justice Alliance",
            UNREADABLE
        ]
    );
    assert_eq!(selected_title(&app), "Level Ground — December check-in");
    press(&mut app, KeyCode::Down);
    assert_eq!(selected_title(&app), "Level Ground — November data review");
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(
        selected_title(&app),
        "Brindley Vale — second co-design session",
        "the next group follows the last session of the one before"
    );

    press(&mut app, KeyCode::Char('v'));
    assert!(!app.home().unwrap().grouped);
    press(&mut app, KeyCode::Down);
    assert_eq!(
        selected_title(&app),
        "Level Ground — November data review",
        "the flat list is newest first across partnerships"
    );
}

#[test]
fn final_minutes_open_read_only_and_reopening_them_is_recorded() {
    let (_dir, mut app) = workshops_app();
    let path = file(&app, "2026-11-11");
    select(&mut app, &path);
    press(&mut app, KeyCode::Enter);
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert!(screen.read_only.is_some());
    let decisions = screen.session.decisions.len();

    press(&mut app, KeyCode::Char('E'));
    assert_eq!(app.confirm, Some(Confirm::ReopenFinal));
    press(&mut app, KeyCode::Char('n'));
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert!(screen.read_only.is_some(), "no keeps the minutes read-only");

    press(&mut app, KeyCode::Char('E'));
    press(&mut app, KeyCode::Char('y'));
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert!(screen.read_only.is_none());
    let saved = storage::load(&path).unwrap();
    assert_eq!(saved.decisions.len(), decisions + 1);
    let record = saved.decisions.last().unwrap();
    assert!(
        record.text.contains("reopened for correction on 3 December 2026"),
        "{}",
        record.text
    );
    assert_eq!(record.method, DecisionMethod::Consent);
    assert!(roundtable::export::minutes(&saved).contains("reopened for correction"));
}

#[test]
fn search_updates_as_you_type_and_enter_opens_the_session_at_the_item() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "data-sharing");
    let Screen::Search(search) = &app.screen else {
        panic!()
    };
    let first = search.hits.len();
    assert!(first > 0);
    type_text(&mut app, " protocol signed");
    let Screen::Search(search) = &app.screen else {
        panic!()
    };
    assert!(search.hits.len() <= first, "more words, fewer results");
    let hit = search.hit(0).unwrap();
    assert_eq!(hit.section, roundtable::domain::Section::Actions);
    let path = search.loaded.paths[hit.session].clone();

    press(&mut app, KeyCode::Enter);
    let Screen::Session(screen) = &app.screen else {
        panic!()
    };
    assert_eq!(screen.path, path);
    assert_eq!(screen.nav.section, Section::Decisions);
    assert_eq!(screen.nav.list(), ListKind::Actions);
    assert_eq!(screen.nav.row(), hit.item);
    assert!(
        screen.session.actions[hit.item]
            .text
            .contains("data-sharing protocol")
    );
}

#[test]
fn a_far_search_result_scrolled_to_shows_its_snippet() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "e");
    let Screen::Search(search) = &app.screen else {
        panic!()
    };
    let far = search.hits.len() - 1;
    assert!(far > 40, "{far}");
    for _ in 0..far {
        press(&mut app, KeyCode::Down);
    }
    let Screen::Search(search) = &app.screen else {
        panic!()
    };
    assert_eq!(search.selected, far);
    // Made on request, the same as searching the whole archive at once.
    let hit = search.hit(far).unwrap();
    // Whole sessions, in the screen's order (it holds them cut down).
    let whole: Vec<_> = search
        .loaded
        .paths
        .iter()
        .map(|p| roundtable::storage::load(p).unwrap())
        .collect();
    let all = roundtable::domain::search(&whole, "e");
    assert_eq!(all.len(), far + 1);
    assert_eq!(Some(&hit), all.last());
    let backend = render(&app, 120, 40);
    let screen: String = backend.buffer().content().iter().map(|c| c.symbol()).collect();
    let date = search.loaded.sessions[hit.session].date.format("%Y-%m-%d");
    assert!(screen.contains(&format!("▶ {date}")), "{screen}");
    let (before, matched, after) = hit.fitted(116);
    assert!(screen.contains(&format!("{before}{matched}{after}")), "{screen}");
}

#[test]
fn esc_leaves_search_for_the_sessions_as_they_were() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "q");
    assert!(matches!(app.screen, Screen::Search(_)), "q is typed, not quit");
    press(&mut app, KeyCode::Esc);
    assert!(!app.home().unwrap().grouped);
    assert_eq!(selected_title(&app), "Brindley Vale — second co-design session");
}

#[test]
fn marking_an_action_done_writes_it_to_the_session_holding_it() {
    let (_dir, mut app) = workshops_app();
    open_actions_of(&mut app, "Marcus");
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    let records = view.records();
    let record = records.iter().find(|r| r.action.status.is_open()).unwrap();
    let (id, path) = (
        record.action.id.clone(),
        view.loaded.paths[record.session].clone(),
    );
    let at = records.iter().position(|r| r.action.id == id).unwrap();
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(
        app.message.as_ref().unwrap().tone,
        Tone::Success,
        "{}",
        message(&app)
    );
    let saved = storage::load(&path).unwrap();
    let action = saved.actions.iter().find(|a| a.id == id).unwrap();
    assert_eq!(action.status, ActionStatus::Done);
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    assert!(
        view.records().iter().all(|r| r.action.id != id),
        "a done action leaves the list of what is still to do"
    );
    while view_of(&app).status_label() != "all" {
        press(&mut app, KeyCode::Char('s'));
    }
    let records = view_of(&app).records();
    let at = records.iter().position(|r| r.action.id == id).unwrap();
    assert_eq!(records[at].action.status, ActionStatus::Done);
    for _ in 0..at {
        press(&mut app, KeyCode::Down);
    }

    press(&mut app, KeyCode::Char('c'));
    let saved = storage::load(&path).unwrap();
    let action = saved.actions.iter().find(|a| a.id == id).unwrap();
    assert_eq!(
        action.status,
        ActionStatus::Dropped,
        "c moves on to the next status"
    );
}

#[test]
fn a_broken_file_is_never_written_and_the_message_says_so() {
    let (_dir, mut app) = workshops_app();
    open_actions_of(&mut app, "Marcus");
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    let record = view.records()[view.selected];
    let path = view.loaded.paths[record.session].clone();
    std::fs::write(&path, "(title: \"half-edited").unwrap();
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.message.as_ref().unwrap().tone, Tone::Error);
    assert!(
        message(&app).contains("Could not change the action"),
        "{}",
        message(&app)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "(title: \"half-edited");
}

#[test]
fn filters_narrow_the_actions() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('A'));
    let count = |app: &roundtable::app::App| {
        let Screen::Actions(view) = &app.screen else {
            panic!()
        };
        let records = view.records();
        (records.len(), records.iter().all(|r| r.is_overdue(app.today)))
    };
    let (all, _) = count(&app);
    press(&mut app, KeyCode::Char('!'));
    let (overdue, only) = count(&app);
    assert!(overdue > 0 && overdue < all && only);
    press(&mut app, KeyCode::Char('!'));
    press(&mut app, KeyCode::Char('p'));
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    let first = view.filter.partnership.clone().unwrap();
    assert!(view.records().iter().all(|r| r.partnership == first));
    press(&mut app, KeyCode::Char('s'));
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    assert_eq!(view.filter.status, Some(ActionStatus::Open));
    press(&mut app, KeyCode::Esc);
    assert!(app.home().is_some());
}

#[test]
fn next_session_creates_a_linked_file_and_opens_it() {
    let (_dir, mut app) = workshops_app();
    let last = file(&app, "2026-12-16");
    press(&mut app, KeyCode::Down); // any session of the partnership will do
    press(&mut app, KeyCode::Char('N'));
    let Screen::NextSession(form) = &app.screen else {
        panic!()
    };
    assert_eq!(form.value(0), "Level Ground — January 2027");
    assert_eq!(
        form.value(1),
        "2027-01-13",
        "four weeks after a meeting still to come"
    );
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-01-20");
    ctrl(&mut app, 's');
    let Screen::Session(screen) = &app.screen else {
        panic!("{}", message(&app))
    };
    let previous = storage::load(&last).unwrap();
    let saved = storage::load(&screen.path).unwrap();
    assert_eq!(saved.previous, previous.id);
    assert_eq!(saved.date.to_string(), "2027-01-20");
    assert_eq!(saved.actions.len(), previous.open_actions().count());
    assert!(message(&app).contains("carried over"), "{}", message(&app));
}

#[test]
fn next_session_refuses_a_date_before_the_last_meeting() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2026-12-01");
    press(&mut app, KeyCode::Enter);
    let Screen::NextSession(form) = &app.screen else {
        panic!()
    };
    assert!(form.error.as_ref().unwrap().1.contains("before the last one"));
}

#[test]
fn measures_follow_the_selected_partnership_and_enter_shows_a_chart() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('M'));
    let Screen::Measures(view) = &app.screen else {
        panic!()
    };
    let (series, measures) = view.measures().unwrap();
    assert_eq!(series.name, "Level Ground Partnership");
    assert_eq!(measures.len(), 6);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let Screen::Measures(view) = &app.screen else {
        panic!()
    };
    assert!(view.chart && view.selected == 1);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('p'));
    let Screen::Measures(view) = &app.screen else {
        panic!()
    };
    assert!(!view.chart);
    assert_ne!(view.measures().unwrap().0.name, "Level Ground Partnership");
}

#[test]
fn x_writes_the_trustee_report_into_the_archive_folder() {
    let (_dir, mut app) = workshops_app();
    press(&mut app, KeyCode::Char('x'));
    let path = app.archive.dir().join("level-ground-partnership-report.md");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("Level Ground"));
    assert!(
        message(&app).contains("level-ground-partnership-report.md"),
        "{}",
        message(&app)
    );
}

#[test]
fn changing_an_actions_owner_and_due_date_writes_it_back() {
    let (_dir, mut app) = workshops_app();
    open_actions_of(&mut app, "Marcus");
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    let record = view.records()[view.selected];
    let (id, path) = (
        record.action.id.clone(),
        view.loaded.paths[record.session].clone(),
    );
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Amira Haddad");
    press(&mut app, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "someday");
    press(&mut app, KeyCode::Enter);
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    let form = view.editing.as_ref().expect("a bad date keeps the form open");
    assert!(form.error.as_ref().unwrap().1.contains("YYYY-MM-DD"));
    for _ in 0..7 {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "2027-02-01");
    press(&mut app, KeyCode::Enter);
    let Screen::Actions(view) = &app.screen else {
        panic!()
    };
    assert!(view.editing.is_none(), "{}", message(&app));
    let saved = storage::load(&path).unwrap();
    let action = saved.actions.iter().find(|a| a.id == id).unwrap();
    assert_eq!(action.owner, "Amira Haddad");
    assert_eq!(action.due.unwrap().to_string(), "2027-02-01");
}
