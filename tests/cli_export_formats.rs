#![allow(clippy::unwrap_used)]
//! `roundtable export --format md|html|docx|pdf`, run as the real binary on
//! a copy of the shipped examples: HTML built in, Word and PDF through
//! pandoc, and clear messages when pandoc or a PDF engine is missing.

use std::fs;
use std::path::Path;

use predicates::str::contains;

mod cli_support;
use cli_support::{archive, roundtable, stdout};

const DECEMBER: &str = "2026-12-16-level-ground-december-check-in";

/// No temporary file of ours is left in `dir`.
fn no_leftovers(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(!name.starts_with(".roundtable-export-"), "{name} left behind");
    }
}

#[test]
fn html_goes_to_stdout_as_one_printable_page() {
    let tmp = archive();
    let out = stdout(roundtable(tmp.path()).args([
        "export",
        DECEMBER,
        "--format",
        "html",
        "--audience",
        "partners",
    ]));
    assert!(out.starts_with("<!DOCTYPE html>\n"), "{out}");
    assert!(out.contains("<h1>Level Ground"), "{out}");
    assert!(out.contains("@page { size: A4"));
    assert!(out.trim_end().ends_with("</html>"));
}

#[test]
fn the_file_name_chooses_html_when_no_format_is_given() {
    let tmp = archive();
    let file = tmp.path().join("minutes.html");
    let said = stdout(
        roundtable(tmp.path())
            .args(["export", DECEMBER, "--audience", "partners", "-o"])
            .arg(&file),
    );
    assert!(said.contains("Minutes written to"), "{said}");
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    // Markdown stays the default.
    let md = stdout(roundtable(tmp.path()).args(["export", DECEMBER, "--audience", "partners"]));
    assert!(md.starts_with("# Level Ground"), "{md}");
}

#[test]
fn a_partnership_report_can_be_html_too() {
    let tmp = archive();
    let out =
        stdout(roundtable(tmp.path()).args(["export", "--partnership", "Level Ground", "--format", "html"]));
    assert!(out.starts_with("<!DOCTYPE html>"), "{out}");
}

#[test]
fn docx_is_written_through_pandoc() {
    let tmp = archive();
    let file = tmp.path().join("minutes.docx");
    let said = stdout(
        roundtable(tmp.path())
            .args([
                "export",
                DECEMBER,
                "--format",
                "docx",
                "--audience",
                "partners",
                "-o",
            ])
            .arg(&file),
    );
    assert!(said.contains("Minutes written to"), "{said}");
    let bytes = fs::read(&file).unwrap();
    // A .docx is a zip archive.
    assert_eq!(&bytes[..2], b"PK");
    no_leftovers(tmp.path());
}

#[test]
fn missing_pandoc_names_what_to_install_and_writes_nothing() {
    let tmp = archive();
    let file = tmp.path().join("minutes.docx");
    roundtable(tmp.path())
        .env("PATH", "")
        .args(["export", DECEMBER, "--format", "docx", "-o"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(contains("needs pandoc, which is not installed"))
        .stderr(contains("sudo apt install pandoc"))
        .stderr(contains("--format html"));
    assert!(!file.exists());
    no_leftovers(tmp.path());
}

#[cfg(unix)]
#[test]
fn pdf_without_an_engine_says_what_to_install() {
    let tmp = archive();
    // A PATH holding pandoc and nothing else.
    let bin = tempfile::TempDir::new().unwrap();
    let pandoc = std::env::split_paths(&std::env::var_os("PATH").unwrap())
        .map(|d| d.join("pandoc"))
        .find(|p| p.is_file())
        .expect("pandoc is installed for these tests");
    std::os::unix::fs::symlink(&pandoc, bin.path().join("pandoc")).unwrap();
    let file = tmp.path().join("minutes.pdf");
    roundtable(tmp.path())
        .env("PATH", bin.path())
        .args(["export", DECEMBER, "-o"])
        .arg(&file)
        .assert()
        .failure()
        .stderr(contains("needs a PDF engine"))
        .stderr(contains("weasyprint"))
        .stderr(contains("--format html"));
    assert!(!file.exists());
}

#[test]
fn word_and_pdf_need_a_file_and_csv_needs_a_partnership() {
    let tmp = archive();
    roundtable(tmp.path())
        .args(["export", DECEMBER, "--format", "docx"])
        .assert()
        .failure()
        .stderr(contains("-o minutes.docx"));
    roundtable(tmp.path())
        .args(["export", DECEMBER, "--format", "actions-csv"])
        .assert()
        .failure()
        .stderr(contains("are for a partnership's report"));
}
