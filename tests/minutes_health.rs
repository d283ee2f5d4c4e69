#![allow(clippy::unwrap_used)]
//! The health check in each audience's minutes: September's Level Ground
//! session took it with names, so partners and trustees see each
//! organisation's scores and the public only the spread. One golden per
//! audience in `tests/golden/health/` (`UPDATE_GOLDEN=1` rewrites them).

use std::path::Path;

use roundtable::domain::{Audience, Session};
use roundtable::export::minutes_for;

const NAMED: &str = "2026-09-16-level-ground-september-data-review";

fn example(id: &str) -> Session {
    roundtable::storage::load(Path::new(&format!("workshops/{id}.ron"))).unwrap()
}

/// The "Partnership health check" section of some minutes.
fn health_section(md: &str) -> &str {
    let start = md.find("## Partnership health check").unwrap();
    let end = md[start + 3..].find("\n## ").map_or(md.len(), |e| start + 3 + e);
    &md[start..end]
}

#[test]
fn each_audience_gets_its_golden_health_check_and_the_public_no_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let session = example(NAMED);
    for audience in Audience::ALL {
        let md = minutes_for(&session, audience);
        let section = health_section(&md);
        let golden = root.join(format!("tests/golden/health/{NAMED}-{}.md", audience.name()));
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, section).unwrap();
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", golden.display()));
        assert_eq!(section, want, "{} differs", golden.display());
        let names_an_organisation = session
            .health
            .scores
            .iter()
            .any(|s| section.contains(&format!("| {}", s.organisation)));
        assert_eq!(
            names_an_organisation,
            audience != Audience::Public,
            "{audience:?}:\n{section}"
        );
    }
}

#[test]
fn an_anonymous_check_never_names_anyone() {
    let session = example("2026-11-11-level-ground-november-data-review");
    assert!(session.health.anonymous);
    for audience in Audience::ALL {
        let md = minutes_for(&session, audience);
        let section = health_section(&md);
        assert!(
            section.contains("without names; 3 slips were handed in"),
            "{section}"
        );
        assert!(!section.contains("| Organisation"), "{section}");
    }
}
