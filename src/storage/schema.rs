//! A session with one of every item and every optional value set, so that
//! written out it names every field a session file may hold.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveTime};

use crate::domain::{
    ActionItem, Activity, Amendment, Answer, Approval, ApprovedBy, Audience, AwarenessItem, Ballot,
    Circulation, Commitment, Consent, ConsentCheck, Decision, DecisionReview, DotVote, GoRound, Goal,
    HealthCheck, HealthScore, Learning, Measure, NextStep, ParkedItem, Part, Participant, Plan, Reading,
    Resolution, Review, Roles, RoundOrder, Session, SignOff, Slot, Step, Turn, TurnOutcome, Vision,
    VisionDraft, Workstream,
};

pub(super) fn every_field() -> Session {
    let day = NaiveDate::default();
    let mut s = Session::new("x", "", day, DateTime::default());
    s.start_time = Some(NaiveTime::default());
    s.shown_in_minutes.lived_experience = true;
    s.participants = vec![Participant::default()];
    s.goals = vec![Goal::default()];
    s.vision = Vision {
        drafts: vec![VisionDraft::default()],
        final_wording: String::new(),
        consent: vec![Consent::default()],
    };
    s.activities = vec![Activity {
        measures: vec![Measure {
            review_date: Some(day),
            ..Default::default()
        }],
        serves: vec![String::new()],
        ..Default::default()
    }];
    s.roles = Roles {
        workstreams: vec![Workstream {
            serves: vec![String::new()],
            ..Default::default()
        }],
        commitments: vec![Commitment::default()],
        ..Default::default()
    };
    s.awareness = vec![AwarenessItem {
        date: Some(day),
        ..Default::default()
    }];
    s.review = Review {
        readings: vec![Reading {
            date: Some(day),
            ..Default::default()
        }],
        learnings: vec![Learning::default()],
        next_steps: vec![NextStep {
            by: Some(day),
            ..Default::default()
        }],
    };
    s.notes = BTreeMap::from([(Step::Goals, "x".to_string())]);
    s.decisions = vec![Decision {
        step: Some(Step::Goals),
        review_date: Some(day),
        ..Default::default()
    }];
    s.reviews = vec![DecisionReview {
        note: "x".into(),
        ..Default::default()
    }];
    s.actions = vec![ActionItem {
        due: Some(day),
        step: Some(Step::Goals),
        ..Default::default()
    }];
    s.parking_lot = vec![ParkedItem {
        step: Some(Step::Goals),
        ..Default::default()
    }];
    s.shown_in_minutes.leave_out_participation = true;
    s.rounds = vec![every_round_field()];
    s.votes = vec![DotVote {
        ballots: vec![Ballot::default()],
        totals: vec![0],
        ..Default::default()
    }];
    s.consent_checks = vec![ConsentCheck {
        answers: vec![Answer::default()],
        resolutions: vec![Resolution::default()],
        ..Default::default()
    }];
    s.plan = Plan {
        slots: vec![Slot {
            extended: 5,
            spent: 1,
            ..Slot::new(Part::Step(Step::Goals), 1)
        }],
        current: Some(0),
        running_since: Some(DateTime::default()),
    };
    s.health = HealthCheck {
        anonymous: true,
        scores: vec![HealthScore {
            organisation: "x".into(),
            equity: Some(1),
            transparency: Some(1),
            mutual_benefit: Some(1),
            trust: Some(1),
            ..Default::default()
        }],
        note: "x".into(),
    };
    s.minutes = SignOff {
        circulated: vec![Circulation {
            to: String::new(),
            on: day,
        }],
        approved: Some(Approval {
            at: String::new(),
            on: day,
            how: ApprovedBy::Proposed {
                proposer: String::new(),
                seconder: String::new(),
            },
        }),
        amendments: vec![Amendment {
            by: String::new(),
            on: day,
            text: String::new(),
        }],
    };
    mark_every_item(&mut s);
    s
}

/// Audience markings and consent to be quoted are left out of the file at
/// their defaults, so each is set here for its field to be named.
fn mark_every_item(s: &mut Session) {
    let t = Audience::Trustees;
    s.participants.iter_mut().for_each(|p| p.quote_by_name = true);
    s.goals.iter_mut().for_each(|x| x.shown_to = t);
    s.vision.drafts.iter_mut().for_each(|x| x.shown_to = t);
    s.vision.consent.iter_mut().for_each(|x| x.shown_to = t);
    for a in &mut s.activities {
        a.shown_to = t;
        a.measures.iter_mut().for_each(|x| x.shown_to = t);
    }
    s.roles.workstreams.iter_mut().for_each(|x| x.shown_to = t);
    s.roles.commitments.iter_mut().for_each(|x| x.shown_to = t);
    s.awareness.iter_mut().for_each(|x| x.shown_to = t);
    s.review.readings.iter_mut().for_each(|x| x.shown_to = t);
    s.review.learnings.iter_mut().for_each(|x| x.shown_to = t);
    s.review.next_steps.iter_mut().for_each(|x| x.shown_to = t);
    s.decisions.iter_mut().for_each(|x| x.shown_to = t);
    s.reviews.iter_mut().for_each(|x| x.shown_to = t);
    s.actions.iter_mut().for_each(|x| x.shown_to = t);
    s.parking_lot.iter_mut().for_each(|x| x.shown_to = t);
    s.shown_to.set_note(Step::Goals, t);
    s.shown_to.vision = t;
    s.shown_to.roles = t;
    s.shown_to.plan = t;
    s.shown_to.participation = t;
}

/// A go-round caught mid-turn, with every optional value set.
fn every_round_field() -> GoRound {
    let mut round = GoRound::start(
        Step::Goals,
        &[],
        RoundOrder::Listed,
        Some(60),
        DateTime::default(),
    );
    round.ended = Some(DateTime::default());
    round.turns = vec![Turn {
        name: "x".into(),
        outcome: TurnOutcome::Spoke,
    }];
    round.speaking = Some("x".into());
    round.turn_started = Some(DateTime::default());
    round.turn_items = 1;
    round.queue = vec!["x".into()];
    round.later = vec!["x".into()];
    round
}
