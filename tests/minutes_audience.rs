//! Minutes per audience: nothing marked for trustees reaches partners' or
//! public minutes, in any section; people are named only where they agreed;
//! each audience's minutes of one example session match their golden file.
//! Run with `UPDATE_GOLDEN=1` to rewrite the goldens after a deliberate change.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use roundtable::domain::{
    ActionItem, Activity, Answer, Audience, AwarenessItem, Commitment, ConsentCheck, DotVote, Goal, History,
    Learning, Measure, NextStep, ParkedItem, Part, Participant, Reading, Response, RoundOrder, Session, Slot,
    Step, Subject, VisionDraft, VoteList, Workstream,
};
use roundtable::export::{minutes_for, minutes_with_history_for, trustee_pack_for};

const T: Audience = Audience::Trustees;

fn fixture(name: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/export")
        .join(name);
    roundtable::storage::load(&path).unwrap()
}

/// The votes fixture with one trustees-only item, each text starting
/// "SECRET", in every kind of section the minutes have; and the plan and
/// the participation summary marked for trustees.
fn with_secrets() -> Session {
    let mut s = fixture("riverside-carers-votes.ron");
    let now = s.created;
    let secret = |what: &str| format!("SECRET {what}");
    s.goals.push(Goal {
        text: secret("goal"),
        proposed_by: secret("goal proposer"),
        agreed: true,
        shown_to: T,
        ..Default::default()
    });
    s.vision.drafts.push(VisionDraft {
        text: secret("vision draft"),
        shown_to: T,
        ..Default::default()
    });
    s.vision.consent.push(roundtable::domain::Consent {
        organisation: secret("consenting organisation"),
        concern: secret("concern"),
        shown_to: T,
        ..Default::default()
    });
    let mut measure = Measure {
        id: "secret-measure".into(),
        indicator: secret("measure").into(),
        shown_to: T,
        ..Default::default()
    };
    s.activities.push(Activity {
        title: "An open activity".into(),
        measures: vec![measure.clone()],
        ..Default::default()
    });
    measure.id = "secret-activity-measure".into();
    measure.indicator = secret("measure of a secret activity").into();
    s.activities.push(Activity {
        title: secret("activity").into(),
        description: secret("activity description"),
        measures: vec![measure],
        shown_to: T,
        ..Default::default()
    });
    s.roles.workstreams.push(Workstream {
        name: secret("workstream"),
        remit: secret("remit"),
        shown_to: T,
        ..Default::default()
    });
    s.roles.commitments.push(Commitment {
        organisation: secret("committing organisation"),
        detail: secret("commitment"),
        shown_to: T,
        ..Default::default()
    });
    s.roles.secretariat = secret("secretariat");
    s.roles.decision_making = secret("decision making");
    s.shown_to.roles = T;
    s.awareness.push(AwarenessItem {
        audience: secret("awareness audience"),
        message: secret("message"),
        shown_to: T,
        ..Default::default()
    });
    for (id, note, mark) in [
        (
            "secret-measure",
            "SECRET reading of a hidden measure",
            Audience::Partners,
        ),
        (
            "secret-activity-measure",
            "SECRET reading under a hidden activity",
            Audience::Public,
        ),
        ("", "SECRET reading", T),
    ] {
        s.review.readings.push(Reading {
            measure_id: id.into(),
            value: "12".into(),
            note: note.into(),
            shown_to: mark,
            ..Default::default()
        });
    }
    s.review.learnings.push(Learning {
        text: secret("learning"),
        shown_to: T,
        ..Default::default()
    });
    s.review.next_steps.push(NextStep {
        text: secret("next step"),
        shown_to: T,
        ..Default::default()
    });
    s.decisions.push(roundtable::domain::Decision {
        text: secret("decision"),
        dissent: secret("dissent"),
        shown_to: T,
        ..Default::default()
    });
    s.actions.push(ActionItem {
        id: "secret-action".into(),
        text: secret("action").into(),
        shown_to: T,
        ..Default::default()
    });
    s.parking_lot.push(ParkedItem {
        text: secret("parked point"),
        shown_to: T,
        ..Default::default()
    });
    for step in Step::ALL {
        s.set_note(step, secret(&format!("note on step {}", step.number())));
        s.shown_to.set_note(step, T);
    }
    // The vision wording, and the checks and votes held on secret items.
    s.vision.final_wording = secret("vision");
    s.shown_to.vision = T;
    let check = |subject, proposal: String| ConsentCheck {
        subject,
        proposal,
        answers: vec![Answer {
            who: "Riverside Carers Centre".into(),
            response: Response::Agree,
            concern: secret("answer"),
        }],
        taken: now,
        ..Default::default()
    };
    s.consent_checks.push(check(Subject::Vision, secret("vision")));
    s.consent_checks
        .push(check(Subject::Decision, secret("decision")));
    s.votes.push(DotVote {
        list: VoteList::Goals,
        options: vec![s.goals[0].text.clone(), secret("goal")],
        dots_each: 3,
        totals: vec![2, 5],
        taken: now,
        ..Default::default()
    });
    s.plan.slots = vec![Slot {
        part: Part::Step(Step::Goals),
        minutes: 20,
        extended: 0,
        spent: 900,
    }];
    s.shown_to.plan = T;
    s.start_round(Step::Goals, RoundOrder::Listed, None, now);
    s.end_round(now);
    s.shown_to.participation = T;
    s
}

/// Every line of `minutes` that holds a secret.
fn secrets(minutes: &str) -> Vec<&str> {
    minutes.lines().filter(|l| l.contains("SECRET")).collect()
}

#[test]
fn nothing_marked_for_trustees_reaches_public_or_partners_minutes_in_any_section() {
    let s = with_secrets();
    let everything = minutes_for(&s, T);
    // The test can fail: trustees read every secret, in every section.
    for text in [
        "SECRET goal",
        "SECRET vision draft",
        "SECRET concern",
        "SECRET measure",
        "SECRET activity description",
        "SECRET remit",
        "SECRET commitment",
        "SECRET secretariat",
        "SECRET decision making",
        "SECRET message",
        "SECRET reading of a hidden measure",
        "SECRET reading under a hidden activity",
        "SECRET learning",
        "SECRET next step",
        "SECRET dissent",
        "SECRET action",
        "SECRET parked point",
        "SECRET note on step 6",
        "SECRET vision",
        "SECRET answer",
    ] {
        assert!(
            everything.contains(text),
            "{text} missing for trustees:\n{everything}"
        );
    }
    for heading in [
        "## Plan and time spent",
        "## Participation",
        "Dot vote on the goals",
    ] {
        assert!(everything.contains(heading), "{heading}:\n{everything}");
    }
    assert!(everything.contains("**Audience:** Trustees"));
    for reader in [Audience::Public, Audience::Partners] {
        let md = minutes_for(&s, reader);
        assert_eq!(secrets(&md), Vec::<&str>::new(), "{reader:?} minutes:\n{md}");
        assert!(!md.contains("## Plan and time spent"), "{md}");
        assert!(!md.contains("## Participation"), "{md}");
        assert!(md.contains(&format!("**Audience:** {}", reader.label())), "{md}");
    }
    // The vote stays for partners, without the secret option.
    let partners = minutes_for(&s, Audience::Partners);
    assert!(partners.contains("Dot vote on the goals"), "{partners}");
}

#[test]
fn public_minutes_show_only_what_is_marked_public() {
    let mut s = fixture("riverside-carers-first-session.ron");
    let first_goal = s.goals[0].text.clone();
    s.goals[0].shown_to = Audience::Public;
    let public = minutes_for(&s, Audience::Public);
    assert!(public.contains(first_goal.trim()), "{public}");
    for g in &s.goals[1..] {
        assert!(!public.contains(g.text.trim()), "{} leaked:\n{public}", g.text);
    }
    for d in &s.decisions {
        assert!(!public.contains(d.text.trim()), "{} leaked:\n{public}", d.text);
    }
    // Marking for the public takes nothing from the partners' minutes.
    let unmarked = fixture("riverside-carers-first-session.ron");
    assert_eq!(
        minutes_for(&s, Audience::Partners),
        minutes_for(&unmarked, Audience::Partners)
    );
}

fn person(name: &str, org: &str, lived: bool, quoted: bool) -> Participant {
    Participant {
        name: name.into(),
        organisation: org.into(),
        lived_experience: lived,
        quote_by_name: quoted,
        contributions: 1,
        ..Default::default()
    }
}

#[test]
fn lived_experience_is_quoted_by_name_only_with_consent_and_the_public_sees_no_names() {
    let mut s = Session::new(
        "Names",
        "Eastside",
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
        chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
    );
    s.participants = vec![
        person("Bo Quiet", "Aid", true, false),
        person("Cy Open", "Aid", true, true),
        person("Di Staff", "Trust", false, false),
        person("Ed Alone", "", true, false),
    ];
    for (text, by) in [
        ("Goal one", "Bo Quiet"),
        ("Goal two", "Cy Open"),
        ("Goal three", "Di Staff"),
        ("Goal four", "Ed Alone"),
    ] {
        s.goals.push(Goal {
            text: text.into(),
            proposed_by: by.into(),
            shown_to: Audience::Public,
            ..Default::default()
        });
    }
    s.actions.push(ActionItem {
        id: "a".into(),
        text: "Write up".into(),
        owner: "Bo Quiet".into(),
        shown_to: Audience::Public,
        ..Default::default()
    });
    let partners = minutes_for(&s, Audience::Partners);
    assert!(
        partners.contains("Goal one (proposed by a member of Aid)"),
        "{partners}"
    );
    assert!(partners.contains("Goal two (proposed by Cy Open)"), "{partners}");
    assert!(
        partners.contains("Goal three (proposed by Di Staff)"),
        "{partners}"
    );
    assert!(
        partners.contains("Goal four (proposed by a participant with lived experience)"),
        "{partners}"
    );
    // Named where they were present and for the work they own, never
    // beside what they said.
    let named: Vec<&str> = partners.lines().filter(|l| l.contains("Bo Quiet")).collect();
    assert_eq!(named.len(), 2, "{partners}");
    assert_eq!(named[0], "- **Aid:** Bo Quiet; Cy Open", "{partners}");
    assert!(named[1].starts_with("| Write up | Bo Quiet |"), "{partners}");
    let public = minutes_for(&s, Audience::Public);
    for name in ["Bo Quiet", "Di Staff", "Ed Alone"] {
        assert!(!public.contains(name), "{name} named in public:\n{public}");
    }
    assert!(public.contains("Goal two (proposed by Cy Open)"), "{public}");
    assert!(
        public.contains("Goal three (proposed by a member of Trust)"),
        "{public}"
    );
    assert!(public.contains("- Aid (2 people)"), "{public}");
    assert!(public.contains("| Write up | a member of Aid |"), "{public}");
    let trustees = minutes_for(&s, T);
    assert!(
        trustees.contains("Goal one (proposed by a member of Aid)"),
        "{trustees}"
    );
}

#[test]
fn progress_from_earlier_sessions_is_read_as_the_same_audience() {
    let mut earlier = fixture("riverside-carers-first-session.ron");
    earlier.actions.push(ActionItem {
        id: "kept".into(),
        text: "SECRET earlier action".into(),
        owner: "Nobody".into(),
        shown_to: T,
        ..Default::default()
    });
    earlier.actions.push(ActionItem {
        id: "kept-later".into(),
        text: "SECRET now, not before".into(),
        ..Default::default()
    });
    let mut later = earlier.follow_up("Later", earlier.date + chrono::Days::new(28), earlier.created);
    assert!(later.actions.iter().any(|a| a.id == "kept" && a.shown_to == T));
    // Kept back today: its earlier copy is not shown as "not carried over".
    later.actions.last_mut().unwrap().shown_to = T;
    let sessions = vec![earlier, later];
    let history = History::new(&sessions);
    for reader in [Audience::Public, Audience::Partners] {
        let md = minutes_with_history_for(&sessions[1], &history, reader);
        assert_eq!(secrets(&md), Vec::<&str>::new(), "{md}");
    }
    let trustees = minutes_with_history_for(&sessions[1], &history, T);
    assert!(trustees.contains("SECRET earlier action"), "{trustees}");
}

#[test]
fn the_trustee_pack_for_partners_leaves_out_what_trustees_alone_read() {
    let s = with_secrets();
    let sessions = vec![s];
    let history = History::new(&sessions);
    let series = &history.series()[0];
    let today = sessions[0].date;
    let period = roundtable::export::Period::default();
    let board = trustee_pack_for(&history, series, period, today, T).unwrap();
    assert!(board.contains("SECRET decision"), "{board}");
    assert!(board.contains("**Audience:** Trustees"), "{board}");
    let partners = trustee_pack_for(&history, series, period, today, Audience::Partners).unwrap();
    assert_eq!(secrets(&partners), Vec::<&str>::new(), "{partners}");
    assert!(partners.contains("**Audience:** Partners"), "{partners}");
}

/// The example session whose items are marked: one golden per audience.
const MARKED: &str = "2026-12-03-brindley-vale-second-co-design-session";

#[test]
fn one_session_gives_three_golden_minutes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let session = roundtable::storage::load(&root.join(format!("workshops/{MARKED}.ron"))).unwrap();
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut outputs = Vec::new();
    for audience in Audience::ALL {
        let md = minutes_for(&session, audience);
        let golden = root.join(format!("tests/golden/audience/{MARKED}-{}.md", audience.name()));
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &md).unwrap();
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|e| panic!("{}: {e}; run with UPDATE_GOLDEN=1", golden.display()));
        assert_eq!(md, want, "{} differs", golden.display());
        outputs.push(md);
    }
    // The example marks something for trustees only: the three differ.
    assert!(outputs[0].len() < outputs[1].len() && outputs[1].len() < outputs[2].len());
}
