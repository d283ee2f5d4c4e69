#![allow(clippy::unwrap_used)]
//! The real binary in a pseudo-terminal: a go-round on the goals, a dot vote
//! turned into a decision, then a consent check on that decision with a
//! block, all found in the session file and the minutes.

mod pty;

use chrono::{DateTime, NaiveDate};
use roundtable::domain::{ConsentOutcome, DecisionMethod, Goal, Participant, Session};

const ESC: &str = "\x1b";
const CTRL_S: &str = "\x13";
const END: &str = "\x1b[F";

fn session() -> Session {
    let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut s = Session::new("Spring workshop", "Eastside", date, now);
    for (name, org) in [("Ann Lee", "Eastside Carers"), ("Sam Okafor", "City Council")] {
        s.participants.push(Participant {
            name: name.into(),
            organisation: org.into(),
            ..Default::default()
        });
    }
    for text in ["Shorter waits", "Peer support"] {
        s.goals.push(Goal {
            text: text.into(),
            ..Default::default()
        });
    }
    s
}

#[test]
fn a_go_round_a_dot_vote_and_a_consent_check_reach_the_file_and_the_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("spring.ron");
    roundtable::storage::save(&file, &session()).unwrap();
    let mut app = pty::App::start(dir.path(), 100, 30);
    app.wait_for("Spring workshop");
    app.send("\r");
    app.wait_for("Shared goals");

    app.send("1r");
    app.wait_for("Go-round on step 1");
    app.send("\r");
    app.wait_for("Speaking: Ann Lee");
    app.send("s"); // Ann has spoken
    app.wait_for("Speaking: Sam Okafor");
    app.send("w"); // Sam passes
    app.send("r");
    app.wait_for("Go-round ended and recorded");

    app.send("o");
    app.wait_for("Dot vote on the goals");
    app.send("21"); // Ann: two dots to the first goal, one to the second
    app.send("30"); // Sam: three to the first
    app.send("v");
    app.wait_for("Rank");
    app.send("d");
    app.wait_for("Decision recorded from the vote");

    app.send("d");
    app.send(END);
    app.send("c");
    app.wait_for("Consent check on a decision");
    app.send("a");
    app.send("b");
    app.send("Not in this budget year");
    app.send("\r");
    app.wait_for("Not agreed: blocked by City Council");
    app.send(ESC);
    app.wait_for("NOT AGREED: blocked");

    app.send(CTRL_S);
    app.wait_for("Saved");
    app.send("m");
    app.wait_for("folder");
    app.send("\r");
    app.wait_for("Minutes written");
    app.send("\x11"); // Ctrl-Q
    assert!(app.wait_for_exit(), "the app should exit cleanly");

    let s = roundtable::storage::load(&file).unwrap();
    assert_eq!(s.rounds.len(), 1);
    let turns: Vec<(&str, String)> = s.rounds[0]
        .turns
        .iter()
        .map(|t| (t.name.as_str(), format!("{:?}", t.outcome)))
        .collect();
    assert_eq!(
        turns,
        [("Ann Lee", "Spoke".into()), ("Sam Okafor", "Passed".into())]
    );
    assert_eq!(s.votes.len(), 1);
    assert_eq!(s.goals[0].support, 5);
    let decision = s.decisions.last().unwrap();
    assert_eq!(decision.method, DecisionMethod::Vote);
    assert!(decision.text.starts_with("Shorter waits (chosen by dot vote"));
    assert_eq!(s.consent_checks.len(), 1);
    assert_eq!(s.consent_checks[0].count().outcome, ConsentOutcome::Blocked);

    let minutes = std::fs::read_to_string(dir.path().join("spring.md")).unwrap();
    assert!(
        minutes.contains("Go-rounds held: 1 on step 1 (Goals)."),
        "{minutes}"
    );
    assert!(minutes.contains("### Dot vote on the goals"), "{minutes}");
    assert!(
        minutes.contains("Not agreed: blocked by City Council: Not in this budget year."),
        "{minutes}"
    );
}
