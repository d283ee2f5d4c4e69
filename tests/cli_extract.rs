//! `search` and `actions` read a remembered extract of each session when
//! its file is unchanged, and `actions` its remembered table of flags: what
//! they print is the same either way, a file changed or removed since shows
//! at once, a damaged extract or table is rebuilt, and broken files are
//! still noted. `list` prints the same from its remembered cards.
#![allow(clippy::unwrap_used)]

mod cli_support;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use cli_support::{archive, roundtable};
use roundtable::domain::Attendance;
use roundtable::storage::{load, sample, save};
use tempfile::TempDir;

/// What the commands print, stdout and stderr, run with the cache in `cache`.
fn outputs(dir: &Path, cache: &Path) -> Vec<(String, String)> {
    let commands: [&[&str]; 8] = [
        &["search", "--json", "hall"],
        &["search", "carers"],
        &["search", "--json", "data review"],
        &["actions", "--json", "--today", "2027-01-01"],
        &["actions", "--csv", "--status", "open", "--today", "2027-01-01"],
        &["actions", "--owner", "a", "--today", "2027-01-01"],
        &["list", "--json"],
        &["list"],
    ];
    commands
        .iter()
        .map(|args| {
            let out = roundtable(dir)
                .env("ROUNDTABLE_CACHE_DIR", cache)
                .args(*args)
                .assert()
                .success()
                .get_output()
                .clone();
            (
                String::from_utf8(out.stdout).unwrap(),
                String::from_utf8(out.stderr).unwrap(),
            )
        })
        .collect()
}

/// Sets every session file's modification time `secs` into the past, as
/// an archive's files are when nothing changed lately.
fn age_all(dir: &Path, secs: u64) {
    for entry in fs::read_dir(dir).unwrap() {
        age(&entry.unwrap().path(), secs);
    }
}

fn age(path: &Path, secs: u64) {
    let old = SystemTime::now() - Duration::from_secs(secs);
    fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
}

/// The remembered extract in the cache folder `cache`.
fn extract_file(cache: &Path) -> PathBuf {
    remembered(cache, "extract")
}

/// The file with this extension in the cache folder `cache`.
fn remembered(cache: &Path, extension: &str) -> PathBuf {
    fs::read_dir(cache.join("archives"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == extension))
        .unwrap_or_else(|| panic!("a .{extension} file remembered"))
}

/// Cold (nothing remembered), then warm twice, each printing the same.
fn same_cold_and_warm(dir: &Path) -> Vec<(String, String)> {
    let cache = TempDir::new().unwrap();
    let cold = outputs(dir, cache.path());
    assert!(extract_file(cache.path()).exists());
    assert!(remembered(cache.path(), "actions").exists());
    for run in ["warm", "warm again"] {
        let warm = outputs(dir, cache.path());
        for (c, w) in cold.iter().zip(&warm) {
            assert_eq!(c, w, "{run}");
        }
    }
    cold
}

#[test]
fn remembered_or_not_search_and_actions_print_the_same_on_the_examples() {
    let tmp = archive();
    age_all(tmp.path(), 3600);
    let out = same_cold_and_warm(tmp.path());
    assert!(out[0].0.contains("\"section\""), "hits found: {}", out[0].0);
    assert!(out[3].0.contains("\"first_session_id\""), "{}", out[3].0);
}

#[test]
fn remembered_or_not_search_and_actions_print_the_same_on_a_generated_archive() {
    let tmp = TempDir::new().unwrap();
    sample::write(tmp.path(), &sample::light_sessions(60, 7)).unwrap();
    age_all(tmp.path(), 3600);
    let out = same_cold_and_warm(tmp.path());
    assert!(out[3].0.len() > 100, "{}", out[3].0);
}

#[test]
fn a_file_changed_or_removed_since_shows_in_the_next_run() {
    let tmp = archive();
    age_all(tmp.path(), 3600);
    let cache = TempDir::new().unwrap();
    let search = |word: &str| {
        cli_support::stdout(
            roundtable(tmp.path())
                .env("ROUNDTABLE_CACHE_DIR", cache.path())
                .args(["search", "--json", word]),
        )
    };
    let actions = || {
        cli_support::stdout(
            roundtable(tmp.path())
                .env("ROUNDTABLE_CACHE_DIR", cache.path())
                .args(["actions", "--json"]),
        )
    };
    assert_eq!(search("zanzibar").trim(), "[]");
    let before = actions();
    // New text, and a time an hour old, as a sync tool may leave it.
    let path = tmp.path().join("2026-12-16-level-ground-december-check-in.ron");
    let mut session = load(&path).unwrap();
    session.actions[0].text = "Ring the Zanzibar hall".into();
    save(&path, &session).unwrap();
    age(&path, 3000);
    assert!(search("zanzibar").contains("Ring the Zanzibar hall"));
    assert!(actions().contains("Ring the Zanzibar hall"));
    fs::remove_file(&path).unwrap();
    assert_eq!(search("zanzibar").trim(), "[]");
    let after = actions();
    assert!(!after.contains("december-check-in"), "{after}");
    assert_ne!(before, after);
}

#[test]
fn a_damaged_extract_is_ignored_and_rebuilt() {
    let tmp = archive();
    age_all(tmp.path(), 3600);
    let cache = TempDir::new().unwrap();
    let good = outputs(tmp.path(), cache.path());
    let file = extract_file(cache.path());
    let bytes = fs::read(&file).unwrap();
    for damaged in [&bytes[..bytes.len() / 2], &b"not an extract"[..], &[][..]] {
        fs::write(&file, damaged).unwrap();
        assert_eq!(outputs(tmp.path(), cache.path()), good);
        assert_eq!(fs::read(&file).unwrap().len(), bytes.len(), "rebuilt");
    }
    let table = remembered(cache.path(), "actions");
    let bytes = fs::read(&table).unwrap();
    for damaged in [&bytes[..bytes.len() / 2], &b"not a table"[..], &[][..]] {
        fs::write(&table, damaged).unwrap();
        assert_eq!(outputs(tmp.path(), cache.path()), good);
        assert_eq!(fs::read(&table).unwrap(), bytes, "rebuilt");
    }
}

#[test]
fn remembered_flags_follow_a_change_to_who_attended() {
    let tmp = archive();
    age_all(tmp.path(), 3600);
    let cache = TempDir::new().unwrap();
    let actions = |cache: &Path| {
        cli_support::stdout(roundtable(tmp.path()).env("ROUNDTABLE_CACHE_DIR", cache).args([
            "actions",
            "--json",
            "--today",
            "2027-01-01",
        ]))
    };
    let before = actions(cache.path());
    assert_eq!(actions(cache.path()), before, "from the remembered table");
    // Everyone sends apologies: owners who were there are now absent.
    let path = tmp.path().join("2026-12-16-level-ground-december-check-in.ron");
    let mut session = load(&path).unwrap();
    for person in &mut session.participants {
        person.attendance = Attendance::Apologies;
    }
    save(&path, &session).unwrap();
    age(&path, 3000);
    let after = actions(cache.path());
    assert_ne!(before, after);
    let fresh = TempDir::new().unwrap();
    assert_eq!(after, actions(fresh.path()), "as if nothing were remembered");
    assert!(
        after.matches("owner absent today").count() > before.matches("owner absent today").count(),
        "{after}"
    );
}

#[test]
fn a_broken_session_file_is_still_noted_when_the_rest_is_remembered() {
    let tmp = archive();
    fs::write(tmp.path().join("2026-05-01-broken.ron"), "(title: \"oops\"").unwrap();
    age_all(tmp.path(), 3600);
    let cache = TempDir::new().unwrap();
    for run in ["cold", "warm"] {
        let out = outputs(tmp.path(), cache.path());
        // `list` shows a broken file as a row of its own instead.
        assert!(out[6].0.contains("\"path\"") && out[6].0.contains("broken.ron"));
        for (i, (_, stderr)) in out.iter().enumerate().take(6) {
            assert!(
                stderr.contains("note: 1 file could not be read and was left out"),
                "{run}, command {i}: {stderr}"
            );
        }
    }
}

#[test]
fn actions_list_from_what_they_remembered_alone_until_a_file_changes() {
    let tmp = archive();
    let broken = tmp.path().join("2026-05-01-broken.ron");
    fs::write(&broken, "(title: \"oops\"").unwrap();
    age_all(tmp.path(), 3600);
    let cache = TempDir::new().unwrap();
    let good = outputs(tmp.path(), cache.path());
    // With the extract gone, a run that changed nothing still lists the
    // actions, the broken file noted, without reading the sessions (which
    // would write the extract again).
    fs::remove_file(extract_file(cache.path())).unwrap();
    for args in [
        &["actions", "--json", "--today", "2027-01-01"][..],
        &["actions", "--owner", "a", "--today", "2027-01-01"],
    ] {
        let out = roundtable(tmp.path())
            .env("ROUNDTABLE_CACHE_DIR", cache.path())
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone();
        let i = if args.len() == 4 { 3 } else { 5 };
        assert_eq!(String::from_utf8(out.stdout).unwrap(), good[i].0);
        assert_eq!(String::from_utf8(out.stderr).unwrap(), good[i].1);
    }
    assert!(
        !cache
            .path()
            .join("archives")
            .read_dir()
            .unwrap()
            .any(|e| { e.unwrap().path().extension().is_some_and(|x| x == "extract") }),
        "the sessions were not read"
    );
    // The broken file mended: its action shows, and nothing is noted.
    let mut session = load(&tmp.path().join("2026-12-16-level-ground-december-check-in.ron")).unwrap();
    session.id = "mended".into();
    session.actions[0].id = "mended-1".into();
    session.actions[0].text = "Mended and listed".into();
    // A broken file is never saved over: it is put right by hand.
    fs::write(&broken, roundtable::storage::to_ron(&session)).unwrap();
    age(&broken, 3000);
    let out = roundtable(tmp.path())
        .env("ROUNDTABLE_CACHE_DIR", cache.path())
        .args(["actions", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Mended and listed")
    );
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "");
}
