//! The home screen and the shared archive: the behind/ahead line, and `S`
//! running the sync in the background with its result in the message.
#![allow(clippy::unwrap_used)]

mod sync_support;
#[macro_use]
mod ui_support;

use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;
use roundtable::app::{Action, App};
use roundtable::storage::Archive;
use roundtable::sync::Standing;
use ui_support::{app, now, press, render};

fn home_line(app: &App) -> String {
    render(app, 120, 40)
        .to_string()
        .lines()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

/// Ticks until the background sync has reported (a condition, not a
/// fixed sleep; gives up after a minute).
fn wait_for_sync(app: &mut App) {
    let start = Instant::now();
    while app.sharing.busy.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the sync never finished"
        );
        std::thread::sleep(Duration::from_millis(20));
        app.update(Action::Tick, now());
    }
}

#[test]
fn the_home_line_says_how_far_behind_or_ahead() {
    let (_dir, archive) = ui_support::archive_with_sessions();
    let mut app = app(archive);
    assert!(!home_line(&app).contains("·"), "nothing said before git answers");
    app.sharing.standing = Some((
        Standing::Known {
            to_pull: 2,
            to_push: 1,
            remote: "origin".into(),
        },
        now(),
    ));
    assert!(
        home_line(&app).contains("· 2 sessions to pull, 1 to push (S to sync)"),
        "{}",
        home_line(&app)
    );
    app.sharing.standing = Some((
        Standing::Known {
            to_pull: 0,
            to_push: 0,
            remote: "origin".into(),
        },
        now(),
    ));
    assert!(
        home_line(&app).contains("· Up to date with origin as of 09:30"),
        "{}",
        home_line(&app)
    );
    app.sharing.standing = Some((Standing::NotShared, now()));
    assert!(!home_line(&app).contains("·"), "{}", home_line(&app));
}

#[test]
fn s_syncs_in_the_background_and_says_what_it_did() {
    let team = sync_support::Team::new();
    let ann = team.clone("ann");
    sync_support::save(&ann, "kick-off", &sync_support::session("Kick-off"));
    let mut app = app(Archive::open(ann.clone()).unwrap());
    press(&mut app, KeyCode::Char('S'));
    assert!(
        home_line(&app).contains("Syncing with the shared archive…"),
        "{}",
        home_line(&app)
    );
    wait_for_sync(&mut app);
    let said = message(&app);
    assert!(
        said.contains("Committed 1 session from this laptop: kick-off."),
        "{said}"
    );
    assert!(said.contains("Shared with origin/main."), "{said}");
    assert!(
        home_line(&app).contains("Up to date with origin as of 09:30"),
        "{}",
        home_line(&app)
    );
    assert_eq!(sync_support::tracked(&ann), [".gitignore", "kick-off.ron"]);
}

#[test]
fn s_outside_a_repository_says_how_to_start() {
    let (_dir, archive) = ui_support::archive_with_sessions();
    let mut app = app(archive);
    press(&mut app, KeyCode::Char('S'));
    wait_for_sync(&mut app);
    let said = message(&app);
    assert!(said.starts_with("Not synced: "), "{said}");
    assert!(
        said.contains("is not a git repository yet") && said.contains("roundtable sync --init"),
        "{said}"
    );
}
