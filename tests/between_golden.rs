#![allow(clippy::unwrap_used)]
//! Golden outputs of what is read between sessions, from the shipped
//! examples: the minutes with progress since the last session, the trustee
//! pack and the CSV exports. Run with `UPDATE_GOLDEN=1` after a deliberate
//! change and read the diff as a trustee would before committing it.

mod examples;

use std::path::Path;

use chrono::NaiveDate;
use roundtable::domain::History;
use roundtable::export::{Period, actions_csv, measures_csv, minutes_with_history, trustee_pack};

/// Compares `text` with `tests/golden/between/NAME`, or writes it there.
fn golden(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/between")
        .join(name);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no golden at {}: create it with `UPDATE_GOLDEN=1 cargo test --test between_golden` and read it",
            path.display()
        )
    });
    if let Some((i, (want, got))) = expected
        .lines()
        .zip(text.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
    {
        panic!("{name}:{}:\n  golden: {want:?}\n  now:    {got:?}", i + 1);
    }
    assert_eq!(expected, text, "{name}: differs in length");
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn level_ground_minutes_show_progress_since_the_last_session() {
    let sessions = examples::workshops(false);
    let history = History::new(&sessions);
    for s in sessions
        .iter()
        .filter(|s| s.partnership == "Level Ground Partnership")
    {
        let md = minutes_with_history(s, &history);
        let has_progress = md.contains("## Progress since the last session");
        assert_eq!(has_progress, !s.previous.is_empty(), "{}", s.id);
        if !has_progress {
            continue; // the plain minutes, checked by minutes_golden
        }
        golden(&format!("{}-with-progress.md", s.id), &md);
    }
}

#[test]
fn minutes_without_an_earlier_session_are_the_plain_minutes() {
    let sessions = examples::workshops(false);
    let history = History::new(&sessions);
    let firsts = (0..sessions.len()).filter(|&i| history.previous(i).is_none());
    for s in firsts.map(|i| &sessions[i]) {
        assert_eq!(
            minutes_with_history(s, &history),
            roundtable::export::minutes(s),
            "{}",
            s.id
        );
    }
}

#[test]
fn trustee_pack_for_level_ground() {
    let sessions = examples::workshops(false);
    let history = History::new(&sessions);
    let series = history.find_series("Level Ground").unwrap();
    let whole = trustee_pack(&history, series, Period::default(), day(2026, 11, 24)).unwrap();
    golden("level-ground-report.md", &whole);
    let autumn = Period {
        from: Some(day(2026, 9, 1)),
        to: Some(day(2026, 11, 30)),
    };
    golden(
        "level-ground-report-autumn.md",
        &trustee_pack(&history, series, autumn, day(2026, 11, 24)).unwrap(),
    );
}

#[test]
fn spreadsheets_for_level_ground() {
    let sessions = examples::workshops(false);
    let history = History::new(&sessions);
    let series = history.find_series("Level Ground").unwrap();
    let measures = history.measures(series);
    golden(
        "level-ground-measures.csv",
        &measures_csv(&history, &series.name, &measures),
    );
    let actions = history.actions_matching(&Default::default(), day(2026, 11, 24));
    golden(
        "all-actions.csv",
        &actions_csv(&history, &actions, day(2026, 11, 24)),
    );
}

/// The packs and minutes are valid Markdown whose tables have the same
/// number of cells in every row.
#[test]
fn reports_are_well_formed_tables() {
    let sessions = examples::workshops(false);
    let history = History::new(&sessions);
    let series = history.find_series("Level Ground").unwrap();
    let pack = trustee_pack(&history, series, Period::default(), day(2026, 11, 24)).unwrap();
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut cells = 0;
    let mut widths = Vec::new();
    for event in Parser::new_ext(&pack, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => {
                widths.push(cells);
                cells = 0;
            }
            Event::End(TagEnd::Table) => {
                assert!(widths.windows(2).all(|w| w[0] == w[1]), "{widths:?}");
                widths.clear();
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the pack: {h}"),
            _ => {}
        }
    }
}
