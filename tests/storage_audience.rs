#![allow(clippy::unwrap_used)]
//! Audience markings and consent to be quoted are stored in the session file
//! and read back exactly; files that hold none load and write back byte for
//! byte as before, so the archive does not change until someone marks.

use std::fs;
use std::path::Path;

use roundtable::domain::{Audience, FORMAT_VERSION, Step};
use roundtable::storage::{load, save, to_ron};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn markings_and_consent_to_be_quoted_save_and_load() {
    let mut s = load(&root().join("tests/fixtures/export/riverside-carers-votes.ron")).unwrap();
    s.goals[0].shown_to = Audience::Trustees;
    s.vision.consent[0].shown_to = Audience::Public;
    s.activities[0].measures[0].shown_to = Audience::Trustees;
    s.actions[0].shown_to = Audience::Public;
    s.decisions[0].shown_to = Audience::Trustees;
    s.participants[1].quote_by_name = true;
    s.shown_to.set_note(Step::Vision, Audience::Trustees);
    s.shown_to.plan = Audience::Public;
    s.shown_to.participation = Audience::Trustees;
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("marked.ron");
    save(&path, &s).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    for line in [
        "shown_to: Trustees,",
        "shown_to: Public,",
        "quote_by_name: true,",
        "Vision: Trustees,",
        "plan: Public,",
        "participation: Trustees,",
    ] {
        assert!(text.contains(line), "{line} not in\n{text}");
    }
    assert!(!text.contains("shown_to: Partners"), "the default is left out");
    assert_eq!(load(&path).unwrap(), s);
}

#[test]
fn files_without_markings_load_and_write_back_unchanged() {
    let mut files: Vec<_> = ["workshops"]
        .iter()
        .flat_map(|d| fs::read_dir(root().join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let mut checked = 0;
    for file in files {
        let text = fs::read_to_string(&file).unwrap();
        // Older formats are upgraded on load (tests/storage_formats.rs).
        let current = format!("format_version: {FORMAT_VERSION},");
        if text.contains("shown_to") || text.contains("quote_by_name") || !text.contains(&current) {
            continue;
        }
        let s = load(&file).unwrap();
        assert!(s.goals.iter().all(|g| g.shown_to == Audience::Partners));
        assert!(s.participants.iter().all(|p| !p.quote_by_name));
        assert!(s.shown_to.is_default());
        assert_eq!(to_ron(&s), text, "{} would change on save", file.display());
        checked += 1;
    }
    assert!(checked >= 6, "only {checked} files checked");
}

#[test]
fn the_new_fields_are_known_so_only_a_real_typo_is_reported() {
    let mut s =
        load(&root().join("workshops/2026-12-03-brindley-vale-second-co-design-session.ron")).unwrap();
    s.goals.push(Default::default());
    s.goals[0].shown_to = Audience::Trustees;
    s.shown_to.plan = Audience::Public;
    let text = to_ron(&s).replacen(
        "quote_by_name: true,",
        "quote_by_name: true,\n            shoe_size: 3,",
        1,
    );
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("typo.ron");
    fs::write(&path, text).unwrap();
    let (_, problems) = roundtable::storage::load_all(&path);
    let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert!(messages[0].contains("`shoe_size`"), "{messages:#?}");
    assert!(
        messages[0].contains("quote_by_name"),
        "the allowed names include it: {messages:#?}"
    );
}
