//! Tests of the presenter's view-model.
use super::*;

fn session() -> Session {
    let mut s = Session::for_tests("Eastside", "P", "2026-12-03");
    s.goals = vec![
        crate::domain::Goal {
            text: "Share data".into(),
            support: 2,
            ..Default::default()
        },
        crate::domain::Goal {
            text: "Halve the wait".into(),
            support: 5,
            agreed: true,
            ..Default::default()
        },
    ];
    s.vision.drafts = vec![crate::domain::VisionDraft {
        text: "Nobody waits alone.".into(),
        proposed_by: "Ann".into(),
        ..Default::default()
    }];
    s.vision.consent = vec![crate::domain::Consent {
        organisation: "City Council".into(),
        level: ConsentLevel::CanLiveWithIt,
        concern: "Early needs a measure".into(),
        ..Default::default()
    }];
    s.set_note(Step::Vision, "Ask Sam privately".into());
    s
}

#[test]
fn goals_come_most_supported_first() {
    let slide = slide(&session(), Step::Goals, Presenter::default(), at(0));
    let Some(Panel::Goals(goals)) = slide.panels.first() else {
        panic!("{:?}", slide.panels);
    };
    assert_eq!(goals[0].text, "Halve the wait");
    assert!(!slide.question.is_empty(), "the question comes from the guidance");
}

#[test]
fn private_things_only_when_chosen() {
    let s = session();
    let public = slide(&s, Step::Vision, Presenter::default(), at(0));
    let text = format!("{public:?}");
    assert!(text.contains("Nobody waits alone.") && text.contains("1 can live with it"));
    assert!(!text.contains("City Council") && !text.contains("Ask Sam"));
    let private = slide(&s, Step::Vision, Presenter { private: true }, at(0));
    let text = format!("{private:?}");
    assert!(text.contains("City Council: Can live with it (Early needs a measure)"));
    assert!(text.contains("Ask Sam privately"));
}

fn at(minutes: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_796_292_000 + minutes * 60, 0).unwrap_or_default()
}

#[test]
fn the_clock_shows_once_started_and_names_the_step_in_progress() {
    let mut s = session();
    s.plan = crate::domain::Plan::parse("opening 5\nvision 10\nclose 5").unwrap();
    assert_eq!(clock(&s, at(0)), None, "a clock never started shows nothing");
    assert_eq!(step_in_progress(&s), None);
    s.plan.current = Some(1);
    s.plan.running_since = Some(at(0));
    assert_eq!(step_in_progress(&s), Some(Step::Vision));
    let Some(Panel::Clock(text)) = clock(&s, at(12)) else {
        panic!("no clock panel");
    };
    assert!(text.contains("2 min over"), "{text}");
    assert_eq!(likely_step(&s), Step::Vision);
}

#[test]
fn a_hidden_tally_stays_off_the_slide_until_revealed() {
    let mut s = session();
    s.votes = vec![crate::domain::DotVote {
        list: crate::domain::VoteList::Goals,
        options: vec!["Share data".into(), "Halve the wait".into()],
        totals: vec![3, 7],
        hidden: true,
        ..Default::default()
    }];
    assert_eq!(tally(&s, Step::Goals), None);
    assert_eq!(tally(&s, Step::Vision), None);
    s.votes[0].revealed = true;
    assert_eq!(
        tally(&s, Step::Goals),
        Some(Panel::Tally(vec![
            ("Halve the wait".into(), 7),
            ("Share data".into(), 3)
        ]))
    );
}

#[test]
fn a_consent_check_shows_counts_to_the_room_and_names_only_in_private() {
    use crate::domain::{Answer, Response};
    let mut s = session();
    let answer = |who: &str, response, concern: &str| Answer {
        who: who.into(),
        response,
        concern: concern.into(),
    };
    s.consent_checks = vec![ConsentCheck {
        subject: Subject::Vision,
        proposal: "Nobody waits alone.".into(),
        answers: vec![
            answer("Eastside Carers", Response::Agree, ""),
            answer("City Council", Response::Block, "No budget named"),
            answer("Northway Trust", Response::StandAside, "Too vague"),
        ],
        ..Default::default()
    }];
    let public = consent(&s, Step::Vision, Presenter::default());
    let Some(Panel::Consent(text)) = public else {
        panic!("{public:?}");
    };
    assert!(text.starts_with("Not agreed yet: 1 "), "{text}");
    assert!(text.ends_with("; 1 stood aside"), "{text}");
    assert!(
        !text.contains("City Council") && !text.contains("budget"),
        "{text}"
    );
    let private = consent(&s, Step::Vision, Presenter { private: true });
    assert!(format!("{private:?}").contains("blocked by City Council: No budget named"));
    assert_eq!(consent(&s, Step::Goals, Presenter::default()), None);
}

#[test]
fn the_likely_step_is_the_furthest_with_content() {
    let mut s = Session::for_tests("T", "P", "2026-12-03");
    assert_eq!(likely_step(&s), Step::Goals);
    s.vision.final_wording = "x".into();
    assert_eq!(likely_step(&s), Step::Vision);
    s.set_note(Step::Roles, "who chairs".into());
    assert_eq!(likely_step(&s), Step::Roles);
}
