use super::*;
use crate::domain::history::tests::meeting;
use crate::domain::{ActionItem, ActionStatus, Activity, Commitment, Goal, Participant, Workstream};

fn goal(text: &str, agreed: bool) -> Goal {
    Goal {
        text: text.into(),
        agreed,
        ..Default::default()
    }
}

fn person(name: &str, org: &str) -> Participant {
    Participant {
        name: name.into(),
        organisation: org.into(),
        ..Default::default()
    }
}

/// Gambling harm: three goals (one not agreed at first, then agreed), and
/// the work of three charities.
fn archive() -> Vec<Session> {
    let mut july = meeting("July", "Level Ground", 7, 8);
    july.participants = vec![
        person("Ann", "Ledger Debt Advice"),
        person("Bo", "Kinfolk Families"),
        person("Cy", "Open Hand"),
    ];
    july.goals = vec![
        goal(
            "Everyone asking for debt advice is screened for gambling harm",
            true,
        ),
        goal("Families hurt by gambling have support groups of their own", true),
        goal("A yearly report on gambling in the valley", false),
    ];
    july.roles.workstreams = vec![
        Workstream {
            name: "Screening in debt advice".into(),
            lead: "Ann".into(),
            remit: "Screening questions and training".into(),
            ..Default::default()
        },
        Workstream {
            name: "Family groups".into(),
            lead_organisation: "Kinfolk Families".into(),
            remit: "Drop-in support groups for families".into(),
            ..Default::default()
        },
    ];
    july.roles.commitments = vec![Commitment {
        organisation: "Open Hand".into(),
        detail: "Peer supporters at the family support groups".into(),
        ..Default::default()
    }];
    july.activities = vec![Activity {
        title: "Bank blocks".into(),
        lead: "Cy".into(),
        ..Default::default()
    }];
    july.actions = vec![
        ActionItem {
            id: "a-1".into(),
            text: "Train advisers in the screening questions for debt clients".into(),
            owner: "Ann".into(),
            ..Default::default()
        },
        ActionItem {
            id: "a-2".into(),
            text: "Book family group rooms".into(),
            owner: "Someone new".into(),
            status: ActionStatus::Done,
            ..Default::default()
        },
    ];
    let mut sept = meeting("Sept", "Level Ground", 9, 16);
    sept.goals = july.goals.clone();
    sept.goals[2].agreed = true;
    sept.actions = july.actions.clone();
    vec![july, sept]
}

fn grid(sessions: &[Session]) -> Grid {
    let h = History::new(sessions);
    Grid::of(&h, &h.series()[0])
}

#[test]
fn work_is_placed_under_the_goals_its_words_name_with_its_organisation() {
    let g = grid(&archive());
    assert_eq!(g.goals.len(), 3, "the latest agreed goals");
    assert_eq!(g.goals_from.as_ref().map(|(_, t)| t.as_str()), Some("Sept"));
    let placed = |i: usize| -> Vec<(Via, &str, Option<&str>)> {
        g.goals[i]
            .work
            .iter()
            .map(|w| (w.via, w.text.as_str(), w.organisation.as_deref()))
            .collect()
    };
    assert_eq!(
        placed(0),
        [
            (
                Via::Workstream,
                "Screening in debt advice",
                Some("Ledger Debt Advice")
            ),
            (
                Via::Action,
                "Train advisers in the screening questions for debt clients",
                Some("Ledger Debt Advice")
            ),
        ],
        "a lead found through the participants; a done action left out"
    );
    assert_eq!(g.goals[1].organisations(), ["Kinfolk Families", "Open Hand"]);
    assert_eq!(
        g.goals[1].by("open hand").map(|w| w.via).collect::<Vec<_>>(),
        [Via::Commitment]
    );
    assert_eq!(
        g.organisations,
        ["Kinfolk Families", "Ledger Debt Advice", "Open Hand"]
    );
}

#[test]
fn overlaps_gaps_and_work_that_names_no_goal() {
    let g = grid(&archive());
    let overlaps: Vec<(&str, Vec<&str>)> = g
        .overlaps()
        .into_iter()
        .map(|(r, o)| (r.goal.as_str(), o))
        .collect();
    assert_eq!(
        overlaps,
        [(
            "Families hurt by gambling have support groups of their own",
            vec!["Kinfolk Families", "Open Hand"]
        )]
    );
    let gaps: Vec<&str> = g.gaps().iter().map(|r| r.goal.as_str()).collect();
    assert_eq!(gaps, ["A yearly report on gambling in the valley"]);
    let unlinked: Vec<&str> = g.unlinked.iter().map(|w| w.text.as_str()).collect();
    assert_eq!(unlinked, ["Bank blocks"]);
}

#[test]
fn a_word_most_goals_share_links_nothing() {
    let mut sessions = archive();
    sessions[1].actions.push(ActionItem {
        id: "a-3".into(),
        text: "Gambling leaflet".into(),
        owner: "Bo".into(),
        ..Default::default()
    });
    let g = grid(&sessions);
    assert!(g.unlinked.iter().any(|w| w.text == "Gambling leaflet"));
}

#[test]
fn initials_are_short_and_never_the_same_twice() {
    let names = [
        "Ledger Debt Advice",
        "Open Hand",
        "Open House",
        "The Hartwell Foundation Trust Fund",
    ];
    let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
    assert_eq!(initials(&names), ["LDA", "OH", "OH2", "THFT"]);
}

#[test]
fn work_that_names_the_goals_it_serves_goes_under_them_whatever_its_words() {
    let mut sessions = archive();
    let july = &mut sessions[0];
    // "Bank blocks" shares no word with any goal; named, it is placed.
    july.activities[0].serves = vec!["Families hurt by gambling have support groups of their own".into()];
    // Named goals win over words: screening now serves the families goal only.
    july.roles.workstreams[0].serves =
        vec!["  families hurt by gambling have support groups of their own ".into()];
    let g = grid(&sessions);
    let under = |i: usize| -> Vec<String> { g.goals[i].work.iter().map(|w| w.text.clone()).collect() };
    assert!(under(1).contains(&"Bank blocks".to_string()), "{:?}", under(1));
    assert!(
        under(1).contains(&"Screening in debt advice".to_string()),
        "{:?}",
        under(1)
    );
    assert!(
        !under(0).contains(&"Screening in debt advice".to_string()),
        "{:?}",
        under(0)
    );
    assert!(!g.unlinked.iter().any(|w| w.text == "Bank blocks"));
}
