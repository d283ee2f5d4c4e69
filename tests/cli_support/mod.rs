//! What the command-line tests share: the real binary on a given archive
//! folder, and a throwaway copy of the example archive.
#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use tempfile::TempDir;

/// `roundtable --dir DIR`, whatever `ROUNDTABLE_DIR` the test runs under.
pub fn roundtable(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("roundtable");
    cmd.env_remove("ROUNDTABLE_DIR")
        .env(
            "ROUNDTABLE_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/cache"),
        )
        // A person's own config file never changes what a test sees.
        .env(
            "ROUNDTABLE_CONFIG",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config.ron"),
        )
        .arg("--dir")
        .arg(dir);
    cmd
}

/// A throwaway archive holding every example session.
pub fn archive() -> TempDir {
    let tmp = TempDir::new().unwrap();
    for entry in fs::read_dir("workshops").unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, tmp.path().join(path.file_name().unwrap())).unwrap();
    }
    tmp
}

/// What a command that must succeed printed.
pub fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}
