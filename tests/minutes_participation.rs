//! The participation summary in the minutes of a rich session: placed after
//! the decisions and before the actions, with the go-rounds held per step,
//! and gone when the session says to leave it out.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use roundtable::domain::{RoundMove, RoundOrder, Session, Step};
use roundtable::export::minutes;

fn rich() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export/riverside-carers-first-session.ron");
    roundtable::storage::load(&path).unwrap()
}

#[test]
fn go_rounds_are_counted_per_step_between_decisions_and_actions() {
    let mut s = rich();
    let t = s.created;
    s.start_round(Step::Goals, RoundOrder::VoicesFirst, Some(120), t);
    s.move_round(RoundMove::Pass, t);
    s.end_round(t);
    s.start_round(Step::Vision, RoundOrder::Listed, None, t);
    s.start_round(Step::Vision, RoundOrder::Listed, None, t);
    s.end_round(t);
    let md = minutes(&s);
    let at = |h: &str| md.find(h).unwrap_or_else(|| panic!("{h} missing:\n{md}"));
    assert!(at("## Decisions") < at("## Participation"));
    assert!(at("## Participation") < at("## Actions"));
    assert!(
        md.contains("- Go-rounds held: 1 on step 1 (Goals), 2 on step 2 (Vision)."),
        "{md}"
    );
    s.shown_in_minutes.leave_out_participation = true;
    let md = minutes(&s);
    assert!(!md.contains("Participation"), "{md}");
    assert!(!md.contains("Go-rounds"), "{md}");
}
