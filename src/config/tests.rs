use std::fs;

use super::*;
use crate::app::key_layer::install as install_keys;
use crate::app::keys::lookup;
use crate::app::session::keys::{BROWSE, BrowseAction};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn parse(text: &str) -> (Config, Vec<Problem>) {
    super::parse::parse(text)
}

#[test]
fn the_example_reads_without_a_problem_and_sets_every_field() {
    let (config, problems) = parse(EXAMPLE);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.theme, Some(Palette::HighContrast));
    assert_eq!(config.audience, Some(Audience::Partners));
    assert_eq!(config.time_boxes.len(), 2);
    assert_eq!(config.key_count, 1);
    // The archive line is commented out; uncommented, it reads too.
    let (config, problems) = parse(&EXAMPLE.replace("// archive:", "archive:"));
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        config
            .archive
            .is_some_and(|p| p.is_absolute() && p.ends_with("roundtable"))
    );
}

#[test]
fn a_missing_or_empty_file_is_the_defaults_without_a_word() {
    let tmp = tempfile::tempdir().unwrap();
    let loaded = load_from(&tmp.path().join("config.ron"));
    assert!(!loaded.exists);
    assert!(loaded.problems.is_empty());
    assert!(loaded.home_message().is_none());
    let (config, problems) = parse("// nothing yet\n\n");
    assert!(problems.is_empty());
    assert!(config.theme.is_none() && config.keys.is_empty());
    assert!(parse("()").1.is_empty());
}

#[test]
fn a_syntax_error_gives_line_and_column_and_all_defaults() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("config.ron");
    fs::write(&path, "(\n    theme: \"light\"\n    audience: \"public\",\n)\n").unwrap();
    let loaded = load_from(&path);
    assert!(loaded.exists);
    assert!(loaded.config.theme.is_none() && loaded.config.audience.is_none());
    let report = loaded.report().join("\n");
    assert!(
        report.starts_with(&format!("{}:3:5: the file does not read as RON", path.display())),
        "{report}"
    );
    assert!(report.contains("hint: fix it there"), "{report}");
    let home = loaded.home_message().unwrap();
    assert!(
        home.contains("config.ron:3:5") && home.contains("roundtable config"),
        "{home}"
    );
    // And never written over.
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "(\n    theme: \"light\"\n    audience: \"public\",\n)\n"
    );
}

#[test]
fn a_bad_field_costs_only_itself() {
    let text = "(\n  theme: \"neon\",\n  colour: \"red\",\n  audience: 3,\n  time_boxes: {\"goals\": 25, \"lunch\": 5},\n  archive: \"relative/path\",\n)";
    let (config, problems) = parse(text);
    assert_eq!(config.time_boxes, vec![(Part::parse("goals").unwrap(), 25)]);
    let at: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.col)).collect();
    assert_eq!(at, vec![(2, 3), (3, 3), (4, 3), (5, 29), (6, 3)], "{problems:?}");
    assert!(problems[0].message.contains("\"neon\" is not a theme"));
    assert!(problems[1].message.contains("no setting \"colour\""));
    assert!(problems[2].message.contains("audience should be text"));
    assert!(problems[3].message.contains("\"lunch\" is not a part"));
    assert!(problems[4].message.contains("not a full path"));
    assert!(problems.iter().all(|p| !p.hint.is_empty()));
}

#[test]
fn a_misspelt_setting_is_named_with_a_suggestion() {
    let (_, problems) = parse("(themee: \"dark\")");
    assert_eq!(problems.len(), 1);
    assert!(
        problems[0].message.contains("did you mean \"theme\""),
        "{problems:?}"
    );
}

#[test]
fn key_overrides_apply_and_bad_ones_are_located() {
    let text = "(\n  keys: {\n    \"session\": {\n      \"notes\": [\"n\", \"F2\"],\n      \"spoke\": \"t\",\n      \"nots\": \"x\",\n    },\n  },\n)";
    let (config, problems) = parse(text);
    assert_eq!(config.key_count, 1, "{problems:?}");
    let at: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.col)).collect();
    assert_eq!(at, vec![(5, 7), (6, 7)], "{problems:?}");
    assert!(
        problems[0].message.contains("t is already the key for clock"),
        "{problems:?}"
    );
    install(&config);
    let f2 = KeyEvent::new(KeyCode::F(2), KeyModifiers::NONE);
    assert_eq!(lookup(BROWSE, &f2), Some(BrowseAction::Notes));
    install_keys(Layer::default());
}

#[test]
fn time_boxes_change_new_plans_only_where_named() {
    let (config, problems) = parse("(time_boxes: {\"goals\": 45, \"close\": 0})");
    assert!(problems.is_empty(), "{problems:?}");
    let shipped = crate::assets::plan(crate::assets::PlanKind::First);
    let mut plan = shipped.clone();
    apply_time_boxes(&mut plan, &config.time_boxes);
    for (before, after) in shipped.slots.iter().zip(&plan.slots) {
        let want = match after.part.label().as_str() {
            "1 Goals" => 45,
            "Close" => 0,
            _ => before.minutes,
        };
        assert_eq!(after.minutes, want, "{:?}", after.part);
    }
    let (_, problems) = parse("(time_boxes: {\"goals\": 9000})");
    assert!(
        problems[0].message.contains("more than the plan allows"),
        "{problems:?}"
    );
}

#[test]
fn installed_time_boxes_and_audience_reach_new_plans_and_minutes() {
    let (config, problems) = parse("(time_boxes: {\"goals\": 45}, audience: \"trustees\")");
    assert!(problems.is_empty(), "{problems:?}");
    install(&config);
    let plan = crate::assets::plan(crate::assets::PlanKind::FollowUp);
    let goals = plan
        .slots
        .iter()
        .find(|s| s.part == Part::parse("goals").unwrap())
        .unwrap();
    assert_eq!(goals.minutes, 45);
    let mut state = crate::storage::AppState::default();
    assert_eq!(state.audience_for("Eastside"), Audience::Trustees);
    // A partnership's own choice still wins, partners included.
    state.remember_audience("Eastside", Audience::Partners);
    assert_eq!(state.audience_for("Eastside"), Audience::Partners);
    install(&Config::default());
    assert_eq!(
        crate::storage::AppState::default().audience_for("Eastside"),
        Audience::Partners
    );
}
