//! `roundtable sync` on the real binary: two clones of a bare "shared
//! archive" in a temp folder, as two facilitators' laptops.
#![allow(clippy::unwrap_used)]

mod sync_support;

use std::fs;

use roundtable::sync::merge::{self, Choice};
use sync_support::*;

#[test]
fn edits_to_different_sessions_on_two_laptops_merge() {
    let team = Team::new();
    let ann = team.clone("ann");
    save(&ann, "kick-off", &session("Kick-off"));
    save(&ann, "review", &session("Review"));
    let first = sync(&ann, &[]).success();
    assert!(
        out(&first).contains("Committed 2 sessions from this laptop: kick-off, review."),
        "{}",
        out(&first)
    );
    assert!(out(&first).contains("Shared with origin/main."));
    let log = git(&ann, &["log", "-1", "--format=%s"]);
    assert!(log.starts_with("Roundtable sync from "), "{log}");
    assert!(
        log.trim_end().ends_with(": 2 sessions changed: kick-off, review"),
        "{log}"
    );

    let ben = team.clone("ben");
    let mut kick_off = load(&ann, "kick-off");
    kick_off.location = "Hall A".into();
    save(&ann, "kick-off", &kick_off);
    let mut review = load(&ben, "review");
    review.facilitator = "Ben".into();
    save(&ben, "review", &review);

    sync(&ann, &[]).success();
    let ben_sync = sync(&ben, &[]).success();
    assert!(
        out(&ben_sync).contains("Pulled 1 session changed by others: kick-off."),
        "{}",
        out(&ben_sync)
    );
    sync(&ann, &[]).success();
    for dir in [&ann, &ben] {
        assert_eq!(load(dir, "kick-off").location, "Hall A");
        assert_eq!(load(dir, "review").facilitator, "Ben");
    }
    let again = sync(&ann, &[]).success();
    assert_eq!(out(&again), "Already up to date with origin/main.\n");
}

#[test]
fn a_session_both_changed_keeps_both_until_merged_by_section() {
    let team = Team::new();
    let ann = team.clone("ann");
    save(&ann, "kick-off", &session("Kick-off"));
    sync(&ann, &[]).success();
    let ben = team.clone("ben");

    let mut mine = load(&ann, "kick-off");
    mine.location = "Hall A".into();
    save(&ann, "kick-off", &mine);
    let mut theirs = load(&ben, "kick-off");
    theirs.location = "Hall B".into();
    theirs.facilitator = "Ben".into();
    save(&ben, "kick-off", &theirs);
    sync(&ben, &[]).success();

    let stopped = sync(&ann, &[]).failure().code(1);
    let (stdout, stderr) = (out(&stopped), err(&stopped));
    assert!(
        stdout.contains("Both sides changed kick-off: your version is in place"),
        "{stdout}"
    );
    assert!(stdout.contains("Nothing was lost."));
    assert!(
        stderr.contains("not shared while conflict copies wait to be merged"),
        "{stderr}"
    );
    assert!(stderr.contains("press Enter to merge"), "{stderr}");
    // Nothing lost: mine in place, Ben's beside it; git is not left half-way.
    assert_eq!(load(&ann, "kick-off"), mine);
    let copy = fs::read_dir(&ann)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|n| n.contains("conflicted copy"))
        .unwrap();
    // Named after whoever made Ben's commit (the tests' fixed identity).
    assert!(
        copy.starts_with("kick-off (Test Facilitator's conflicted copy "),
        "{copy}"
    );
    let copy_stem = copy.trim_end_matches(".ron");
    assert_eq!(load(&ann, copy_stem), theirs);
    assert!(git(&ann, &["status", "--porcelain"]).is_empty());
    // `list` says which file is the copy.
    let listed = assert_cmd::cargo::cargo_bin_cmd!("roundtable")
        .env(
            "ROUNDTABLE_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .arg("--dir")
        .arg(&ann)
        .arg("list")
        .assert()
        .success();
    assert!(
        out(&listed).contains("⚠ conflict copy (Test Facilitator): Kick-off"),
        "{}",
        out(&listed)
    );
    // Not pushed while the copy waits: Ben's version is still what is shared.
    let bens = team.clone("carol");
    assert_eq!(load(&bens, "kick-off"), theirs);

    // The merge screen's choices: Ben's header, everything else mine.
    let sections = merge::sections(&mine, &theirs);
    let choices: Vec<Choice> = sections
        .iter()
        .map(|s| {
            if s.name == "Header" {
                Choice::Theirs
            } else {
                Choice::Mine
            }
        })
        .collect();
    let merged = merge::merge(&mine, &theirs, &sections, &choices).unwrap();
    assert_eq!(
        (merged.location.as_str(), merged.facilitator.as_str()),
        ("Hall B", "Ben")
    );
    roundtable::sync::resolve(
        &ann.join("kick-off.ron"),
        &ann.join(&copy),
        &merged,
        chrono::Utc::now(),
    )
    .unwrap();
    assert!(!ann.join(&copy).exists());

    let done = sync(&ann, &[]).success();
    assert!(out(&done).contains("Shared with origin/main."), "{}", out(&done));
    sync(&ben, &[]).success();
    assert_eq!(load(&ben, "kick-off"), merged);
    assert!(!ben.join(&copy).exists());
}

#[test]
fn locks_journals_and_temp_files_stay_on_the_laptop() {
    let team = Team::new();
    let ann = team.clone("ann");
    save(&ann, "kick-off", &session("Kick-off"));
    fs::write(ann.join(".kick-off.lock"), "lock").unwrap();
    fs::write(ann.join(".kick-off.recovery"), "journal").unwrap();
    fs::write(ann.join(".roundtable-1-abc.tmp"), "half").unwrap();
    sync(&ann, &[]).success();
    assert_eq!(tracked(&ann), [".gitignore", "kick-off.ron"]);
}

#[test]
fn first_use_offers_to_make_a_repository_and_writes_a_gitignore() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("sessions");
    fs::create_dir(&dir).unwrap();
    save(&dir, "kick-off", &session("Kick-off"));
    let refused = sync(&dir, &[]).failure().code(1);
    assert!(
        err(&refused).contains("is not a git repository yet"),
        "{}",
        err(&refused)
    );
    assert!(err(&refused).contains("roundtable sync --init"));
    assert!(!dir.join(".git").exists());

    let made = sync(&dir, &["--init"]).success();
    let stdout = out(&made);
    assert!(stdout.contains("a git repository, with a .gitignore"), "{stdout}");
    assert!(stdout.contains("remote add origin URL"), "{stdout}");
    let ignore = fs::read_to_string(dir.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == ".*"), "{ignore}");
    assert_eq!(tracked(&dir), [".gitignore", "kick-off.ron"]);
}

#[test]
fn no_remote_says_how_to_add_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_path_buf();
    git(&dir, &["init", "--quiet"]);
    save(&dir, "kick-off", &session("Kick-off"));
    let failed = sync(&dir, &[]).failure().code(1);
    let stderr = err(&failed);
    assert!(
        stderr.contains("has no remote to share with (1 session was committed on this laptop)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: add the shared repository with `git -C "),
        "{stderr}"
    );
    assert!(stderr.contains("remote add origin URL`"), "{stderr}");
    assert_eq!(tracked(&dir), [".gitignore", "kick-off.ron"]);
}

#[test]
fn a_missing_git_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let failed = sync_cmd(tmp.path(), &[])
        .env("PATH", "")
        .assert()
        .failure()
        .code(1);
    let stderr = err(&failed);
    assert!(
        stderr.contains("error: git is not installed (or not on the PATH)"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: install git"), "{stderr}");
}

#[test]
fn an_unreachable_remote_loses_nothing() {
    let team = Team::new();
    let ann = team.clone("ann");
    save(&ann, "kick-off", &session("Kick-off"));
    git(&ann, &["remote", "set-url", "origin", "/nowhere/shared.git"]);
    let failed = sync(&ann, &[]).failure().code(1);
    let stderr = err(&failed);
    assert!(stderr.contains("could not reach the shared archive"), "{stderr}");
    assert!(stderr.contains("nothing is lost"), "{stderr}");
    assert_eq!(tracked(&ann), [".gitignore", "kick-off.ron"]);
}

#[test]
fn a_lock_from_another_laptop_is_taken_over_only_when_confirmed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    save(dir, "kick-off", &session("Kick-off"));
    let lock = dir.join(".kick-off.lock");
    let theirs =
        "(holder:(user:\"Amira Khan\",host:\"laptop-3\",pid:4242),since:\"2026-12-03T10:42:00+00:00\")";
    fs::write(&lock, theirs).unwrap();
    let unlock = |args: &[&str]| {
        let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("roundtable");
        cmd.env_remove("ROUNDTABLE_DIR")
            .arg("--dir")
            .arg(dir)
            .arg("unlock")
            .args(args);
        cmd.assert()
    };
    let asked = unlock(&["kick-off"]).failure().code(1);
    let stderr = err(&asked);
    assert!(
        stderr.contains("error: kick-off.ron is open by Amira Khan on laptop-3 (process 4242), since 10:42 on 3 Dec 2026; nothing was changed"),
        "{stderr}"
    );
    assert!(stderr.contains("`roundtable unlock kick-off --yes`"), "{stderr}");
    assert_eq!(fs::read_to_string(&lock).unwrap(), theirs);

    let taken = unlock(&["kick-off", "--yes"]).success();
    assert!(
        out(&taken).starts_with("Took over kick-off.ron from Amira Khan on laptop-3"),
        "{}",
        out(&taken)
    );
    assert!(!lock.exists());
    let again = unlock(&["kick-off"]).success();
    assert_eq!(
        out(&again),
        "Nobody has kick-off.ron open: there is nothing to take over.\n"
    );
}
