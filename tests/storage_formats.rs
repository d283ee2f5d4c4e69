#![allow(clippy::unwrap_used)]
//! Every format Roundtable has ever written still loads. `tests/formats/vN/`
//! holds files in format N; each must load, and written back out must give
//! exactly `tests/formats/upgraded/vN-NAME.ron` (run with UPDATE_FORMATS=1 to
//! write those after a deliberate change, then review the diff).

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use roundtable::domain::{FORMAT_VERSION, SessionStatus, Step};
use roundtable::storage::{StorageError, load, save, to_ron};

fn formats() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats")
}

fn golden_files(version: u32) -> Vec<PathBuf> {
    let dir = formats().join(format!("v{version}"));
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}: every format needs golden files", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no golden files for format {version}");
    files
}

#[test]
fn every_format_loads_and_upgrades_to_the_expected_session() {
    let update = std::env::var_os("UPDATE_FORMATS").is_some();
    for version in 0..=FORMAT_VERSION {
        for file in golden_files(version) {
            let session = load(&file).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(session.format_version, FORMAT_VERSION, "{}", file.display());
            let name = file.file_name().unwrap().to_string_lossy();
            let expected_path = formats().join("upgraded").join(format!("v{version}-{name}"));
            let written = to_ron(&session);
            if update {
                fs::write(&expected_path, &written).unwrap();
            }
            let expected = fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_FORMATS=1)", expected_path.display()));
            assert_eq!(written, expected, "{} upgrades differently", file.display());
            assert_eq!(
                load(&expected_path).unwrap(),
                session,
                "the upgraded file reads back"
            );
        }
    }
}

#[test]
fn a_hand_written_file_gains_an_id_and_timestamps_from_its_date() {
    let s = load(&formats().join("v0/minimal.ron")).unwrap();
    assert_eq!(s.id, "2026-03-02-allotment-network-first-meeting");
    assert_eq!(s.created.to_rfc3339(), "2026-03-02T00:00:00+00:00");
    assert_eq!(s.updated, s.created);
    assert_eq!(s.status, SessionStatus::Draft);

    let s = load(&formats().join("v0/hand-written.ron")).unwrap();
    assert_eq!(s.start_time, NaiveTime::from_hms_opt(18, 30, 0));
    assert_eq!(s.status, SessionStatus::Final);
    assert_eq!(s.participants.len(), 2);
    assert_eq!(s.actions[0].due, NaiveDate::from_ymd_opt(2026, 5, 1));
    assert!(s.note(Step::Goals).contains("\"local\""));

    let s = load(&formats().join("v0/with-id-and-created.ron")).unwrap();
    assert_eq!(
        (s.id.as_str(), s.created.to_rfc3339().as_str()),
        ("spring-review", "2026-05-01T09:15:00+00:00")
    );
    assert_eq!(s.updated.to_rfc3339(), "2026-05-20T00:00:00+00:00");
}

#[test]
fn pre_release_files_with_explicit_some_are_format_1() {
    let s = load(&formats().join("v1/pre-release-some.ron")).unwrap();
    assert_eq!(
        s.activities[0].measures[0].review_date,
        NaiveDate::from_ymd_opt(2026, 9, 1)
    );
    assert_eq!(s.decisions[0].step, Some(Step::Activities));
    assert_eq!(s.parking_lot[0].step, None);
}

#[test]
fn an_upgraded_file_is_saved_in_the_current_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.ron");
    fs::copy(formats().join("v0/hand-written.ron"), &path).unwrap();
    let s = load(&path).unwrap();
    save(&path, &s).unwrap();
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .starts_with(&format!("(\n    format_version: {FORMAT_VERSION},\n"))
    );
    assert_eq!(load(&path).unwrap(), s);
}

#[test]
fn a_newer_format_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.ron");
    let text = fs::read_to_string(formats().join("v1/full-session.ron")).unwrap();
    let future = text.replace("format_version: 1,", "format_version: 5,\n    hologram: true,");
    fs::write(&path, &future).unwrap();
    let err = load(&path).unwrap_err();
    assert!(matches!(err, StorageError::NewerFormat { version: 5, .. }));
    assert!(
        err.to_string().ends_with(
            "written by a newer Roundtable, and this one reads up to format 4: update Roundtable to open it"
        ),
        "{err}"
    );
    let older = load(&formats().join("v1/full-session.ron")).unwrap();
    let refused = save(&path, &older).unwrap_err();
    assert!(
        refused.to_string().contains("newer Roundtable (format 5)"),
        "{refused}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), future);
}

#[test]
fn format_4_keeps_the_health_check_and_reviews_and_refuses_a_score_out_of_range_where_it_stands() {
    let path = formats().join("v4/health-and-reviews.ron");
    let s = load(&path).unwrap();
    assert_eq!(s.health.scores.len(), 2);
    assert_eq!(
        s.health.scores[1].mutual_benefit, None,
        "a blank score stays blank"
    );
    assert_eq!(s.reviews[0].item, 1);
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    let text = fs::read_to_string(&path).unwrap();
    let line = 1 + text[..text.find("equity: 2,").unwrap()].matches('\n').count();
    fs::write(&bad, text.replace("equity: 2,", "equity: 7,")).unwrap();
    let err = load(&bad).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!("{}:{line}:", bad.display())) && err.contains("scores run from 1 to 5"),
        "{err}"
    );
}
