use std::sync::{Arc, Barrier};

use chrono::TimeZone;

use super::*;
use crate::storage::whoami::DEAD_PID;

fn since() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .with_ymd_and_hms(2026, 12, 3, 10, 42, 0)
        .unwrap()
}

fn amira() -> Holder {
    Holder {
        user: "Amira Khan".into(),
        host: "laptop-3".into(),
        pid: 4242,
    }
}

fn session_in(dir: &Path) -> PathBuf {
    dir.join("2026-12-03-kick-off.ron")
}

fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000, 0).unwrap()
}

/// A lock on `session` as if a process on this computer had crashed holding it.
fn leave_a_crashed_lock(session: &Path) {
    let crashed = Holder {
        pid: DEAD_PID,
        host: whoami::host(),
        ..amira()
    };
    std::mem::forget(lock_as(session, crashed, since()).unwrap());
}

#[test]
fn a_second_lock_on_the_same_session_says_who_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let _held = lock_as(&session, amira(), since()).unwrap();
    assert!(dir.path().join(".2026-12-03-kick-off.lock").is_file());
    let err = lock(&session, now()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Amira Khan on laptop-3 (process 4242) has had this session open since 10:42 on 3 Dec 2026; \
         it opens read-only"
    );
    assert!(matches!(err, LockError::Held { ref holder, .. } if *holder == amira()));
    assert!(err.hint().is_some());
}

#[test]
fn dropping_the_lock_releases_it() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let first = lock(&session, now()).unwrap();
    assert!(matches!(lock(&session, now()), Err(LockError::Held { .. })));
    let file = first.path().to_path_buf();
    drop(first);
    assert!(!file.exists());
    let again = lock(&session, now()).unwrap();
    assert_eq!(again.path(), file);
}

#[test]
fn a_lock_left_by_a_dead_process_here_is_taken_over() {
    if whoami::host().is_empty() {
        return; // No name for this computer: no lock can be proved stale.
    }
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    leave_a_crashed_lock(&session);
    let mine = lock(&session, now()).unwrap();
    let text = fs::read_to_string(mine.path()).unwrap();
    assert!(text.contains(&format!("pid:{}", std::process::id())), "{text}");
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no takeover marker is left behind");
}

#[test]
fn a_dead_process_on_another_computer_still_holds_its_lock() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let elsewhere = Holder {
        pid: DEAD_PID,
        ..amira()
    };
    std::mem::forget(lock_as(&session, elsewhere, since()).unwrap());
    assert!(matches!(lock(&session, now()), Err(LockError::Held { .. })));
}

/// Starts `n` threads at once, each trying to lock `session`; returns how many got it.
fn race(session: &Path, n: usize) -> usize {
    let barrier = Arc::new(Barrier::new(n));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let (barrier, session) = (barrier.clone(), session.to_path_buf());
            std::thread::spawn(move || {
                barrier.wait();
                let result = lock(&session, now());
                // Hold on until everyone has tried.
                barrier.wait();
                result.is_ok()
            })
        })
        .collect();
    handles
        .into_iter()
        .filter(|_| true)
        .map(|h| h.join().unwrap())
        .filter(|won| *won)
        .count()
}

#[test]
fn racing_for_a_free_lock_has_exactly_one_winner() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(race(&session_in(dir.path()), 8), 1);
}

#[test]
fn racing_to_take_over_a_stale_lock_has_exactly_one_winner() {
    if whoami::host().is_empty() {
        return;
    }
    for _ in 0..20 {
        let dir = tempfile::tempdir().unwrap();
        let session = session_in(dir.path());
        leave_a_crashed_lock(&session);
        assert_eq!(race(&session, 6), 1);
    }
}

#[test]
fn a_garbled_lock_file_is_reported_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    fs::write(lock_path(&session), "not a lock").unwrap();
    let err = lock(&session, now()).unwrap_err();
    assert!(matches!(err, LockError::Unreadable { .. }), "{err:?}");
    assert!(err.hint().unwrap().contains(".2026-12-03-kick-off.lock"));
}

#[test]
fn dropping_does_not_remove_someone_elses_lock() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let mine = lock(&session, now()).unwrap();
    fs::remove_file(mine.path()).unwrap();
    let theirs = lock_as(&session, amira(), since()).unwrap();
    drop(mine);
    assert!(theirs.path().exists());
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_cannot_be_locked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let writable = fs::write(dir.path().join("probe"), "").is_ok();
    let result = lock(&session_in(dir.path()), now());
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    if writable {
        return; // Running as root, which ignores permissions.
    }
    assert!(matches!(result, Err(LockError::Unavailable(_))), "{result:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_lock_is_held_while_its_process_runs_and_stale_once_it_ends() {
    if whoami::host().is_empty() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let mut child = std::process::Command::new("sleep").arg("60").spawn().unwrap();
    let other = Holder {
        pid: child.id(),
        host: whoami::host(),
        ..amira()
    };
    std::mem::forget(lock_as(&session, other, since()).unwrap());
    let while_running = (lock(&session, now()), is_locked(&session));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        matches!(while_running.0, Err(LockError::Held { .. })),
        "{:?}",
        while_running.0
    );
    assert!(while_running.1);
    assert!(!is_locked(&session), "a lock of an ended process is stale");
    let _mine = lock(&session, now()).unwrap_or_else(|e| panic!("{e}"));
    assert!(is_locked(&session));
}

/// Writes a lock for this very process (alive) as if taken by an earlier
/// one that had the same number: another start time or another boot.
#[cfg(target_os = "linux")]
fn leave_a_lock_from_a_reused_pid(session: &Path, started: Option<u64>, boot: Option<String>) {
    let record = Record {
        holder: Holder {
            pid: std::process::id(),
            host: whoami::host(),
            ..amira()
        },
        since: since(),
        started,
        boot,
    };
    fs::write(lock_path(session), to_text(&record).unwrap()).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_lock_whose_pid_was_reused_is_stale() {
    if whoami::host().is_empty() {
        return;
    }
    let me = whoami::started(std::process::id()).unwrap();
    let cases = [
        (
            Some(me + 1),
            whoami::boot_id(),
            "another process with the same number",
        ),
        (
            Some(me),
            Some("before the restart".into()),
            "the computer restarted",
        ),
    ];
    for (started, boot, why) in cases {
        let dir = tempfile::tempdir().unwrap();
        let session = session_in(dir.path());
        leave_a_lock_from_a_reused_pid(&session, started, boot);
        assert!(!is_locked(&session), "{why}");
        let mine = lock(&session, now()).unwrap_or_else(|e| panic!("{why}: {e}"));
        let text = fs::read_to_string(mine.path()).unwrap();
        assert!(text.contains(&format!("started:Some({me})")), "{text}");
    }
    // The same process, same start, same boot: still held.
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    leave_a_lock_from_a_reused_pid(&session, Some(me), whoami::boot_id());
    assert!(matches!(lock(&session, now()), Err(LockError::Held { .. })));
}

#[test]
fn a_lock_from_an_older_roundtable_still_reads() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let old = "(holder:(user:\"Amira Khan\",host:\"laptop-3\",pid:4242),since:\"2026-12-03T10:42:00+00:00\")";
    fs::write(lock_path(&session), old).unwrap();
    let err = lock(&session, now()).unwrap_err();
    assert!(
        matches!(err, LockError::Held { ref holder, .. } if *holder == amira()),
        "{err:?}"
    );
    let hint = err.hint().unwrap();
    assert!(
        hint.contains("run `roundtable unlock 2026-12-03-kick-off` to take it over"),
        "{hint}"
    );
}

#[test]
fn release_own_removes_only_this_process_lock() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(dir.path());
    let theirs = lock_as(&session, amira(), since()).unwrap();
    release_own(&session);
    assert!(theirs.path().exists(), "someone else's lock stays");
    drop(theirs);
    let mine = lock(&session, now()).unwrap();
    let file = mine.path().to_path_buf();
    std::mem::forget(mine);
    release_own(&session);
    assert!(!file.exists());
}
