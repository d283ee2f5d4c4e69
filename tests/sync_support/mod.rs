//! What the sync tests share: a bare "shared archive" and clones of it in a
//! temp folder, with git set up as on a fresh machine (no user config).
#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::cargo_bin_cmd;
use roundtable::domain::Session;
use roundtable::storage;
use tempfile::TempDir;

/// Git's settings for every command the tests run: no user or system
/// config, a fixed identity and branch name.
pub const GIT_ENV: &[(&str, &str)] = &[
    ("GIT_CONFIG_NOSYSTEM", "1"),
    ("GIT_CONFIG_GLOBAL", "/dev/null"),
    ("GIT_AUTHOR_NAME", "Test Facilitator"),
    ("GIT_AUTHOR_EMAIL", "facilitator@example.org"),
    ("GIT_COMMITTER_NAME", "Test Facilitator"),
    ("GIT_COMMITTER_EMAIL", "facilitator@example.org"),
    ("GIT_CONFIG_COUNT", "1"),
    ("GIT_CONFIG_KEY_0", "init.defaultBranch"),
    ("GIT_CONFIG_VALUE_0", "main"),
];

/// A bare remote and the folder that holds everything.
pub struct Team {
    pub tmp: TempDir,
    pub remote: PathBuf,
}

impl Team {
    pub fn new() -> Team {
        let tmp = TempDir::new().unwrap();
        let remote = tmp.path().join("shared.git");
        git(
            tmp.path(),
            &["init", "--quiet", "--bare", remote.to_str().unwrap()],
        );
        Team { tmp, remote }
    }

    /// A clone of the shared archive for `who`.
    pub fn clone(&self, who: &str) -> PathBuf {
        let dir = self.tmp.path().join(who);
        git(
            self.tmp.path(),
            &[
                "clone",
                "--quiet",
                self.remote.to_str().unwrap(),
                dir.to_str().unwrap(),
            ],
        );
        git(&dir, &["config", "user.name", who]);
        git(&dir, &["config", "user.email", &format!("{who}@example.org")]);
        dir
    }
}

/// Runs git in `dir` with the tests' settings; its output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .envs(GIT_ENV.iter().copied())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `roundtable --dir DIR sync ARGS` with the tests' git settings.
pub fn sync(dir: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    sync_cmd(dir, args).assert()
}

/// The command [`sync`] runs, to change before running.
pub fn sync_cmd(dir: &Path, args: &[&str]) -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("roundtable");
    cmd.env_remove("ROUNDTABLE_DIR")
        .env(
            "ROUNDTABLE_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        .envs(GIT_ENV.iter().copied())
        .arg("--dir")
        .arg(dir)
        .arg("sync")
        .args(args);
    cmd
}

pub fn out(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

pub fn err(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// A session saved as `{name}.ron` in `dir`.
pub fn save(dir: &Path, name: &str, session: &Session) {
    storage::save(&dir.join(format!("{name}.ron")), session).unwrap();
}

pub fn load(dir: &Path, name: &str) -> Session {
    storage::load(&dir.join(format!("{name}.ron"))).unwrap()
}

pub fn session(title: &str) -> Session {
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-03T09:30:00Z")
        .unwrap()
        .to_utc();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    Session::new(title, "Eastside Health Equity Partnership", date, now)
}

/// The files git tracks in `dir`.
pub fn tracked(dir: &Path) -> Vec<String> {
    git(dir, &["ls-files"]).lines().map(str::to_string).collect()
}
