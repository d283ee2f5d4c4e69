//! The session the snapshot tests draw: a first co-design session of a
//! neighbourhood health partnership, with a fixed clock.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::session::SessionScreen;
use roundtable::domain::*;
use roundtable::ui::theme::Theme;

pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_796_292_000, 0).unwrap()
}

fn day(m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2026 + (m < 6) as i32, m, d)
}

fn person(
    name: &str,
    org: &str,
    role: &str,
    sector: Sector,
    lived: bool,
    att: Attendance,
    spoke: u32,
) -> Participant {
    Participant {
        name: name.into(),
        organisation: org.into(),
        role: role.into(),
        sector,
        lived_experience: lived,
        attendance: att,
        contributions: spoke,
        ..Default::default()
    }
}

pub fn goal(text: &str, by: &str, support: u32, agreed: bool) -> Goal {
    Goal {
        text: text.into(),
        proposed_by: by.into(),
        support,
        agreed,
        ..Default::default()
    }
}

#[allow(clippy::too_many_arguments)]
fn measure(
    id: &str,
    indicator: &str,
    kind: MeasureKind,
    baseline: &str,
    target: &str,
    source: &str,
    owner: &str,
) -> Measure {
    Measure {
        id: id.into(),
        indicator: indicator.into(),
        kind,
        baseline: baseline.into(),
        target: target.into(),
        source: source.into(),
        owner: owner.into(),
        review_date: day(3, 4),
        ..Default::default()
    }
}

/// A first co-design session of a neighbourhood health partnership.
pub fn session() -> Session {
    use Attendance::*;
    use Sector::*;
    let date = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut s = Session::new(
        "Eastside partnership — first co-design session",
        "Eastside Health Equity",
        date,
        now(),
    );
    s.participants = vec![
        person(
            "Ann Lee",
            "Eastside Carers",
            "Coordinator",
            Community,
            true,
            Present,
            4,
        ),
        person(
            "Sam Okafor",
            "City Council",
            "Public health lead",
            Public,
            false,
            Present,
            6,
        ),
        person(
            "Priya Shah",
            "Northway Trust",
            "Grants manager",
            Funder,
            false,
            Present,
            0,
        ),
        person(
            "Tomasz Nowak",
            "Polish Social Club",
            "Volunteer",
            Community,
            true,
            Present,
            0,
        ),
        person(
            "Grace Mensah",
            "Eastside GP Practice",
            "Practice manager",
            Public,
            false,
            Apologies,
            0,
        ),
        person(
            "Dev Patel",
            "University of Eastside",
            "Researcher",
            Academic,
            false,
            Present,
            2,
        ),
    ];
    s.goals = vec![
        goal(
            "Halve the wait for a first mental health appointment for people referred by their GP",
            "Ann Lee",
            5,
            true,
        ),
        goal(
            "Every family new to the area knows where to get help in their own language",
            "Tomasz Nowak",
            4,
            true,
        ),
        goal(
            "Share data between partners every quarter",
            "Sam Okafor",
            2,
            false,
        ),
        goal(
            "Fewer people reach crisis before anyone notices",
            "Priya Shah",
            0,
            false,
        ),
    ];
    s.vision.drafts = vec![
        VisionDraft {
            text: "An Eastside where nobody waits alone for help.".into(),
            proposed_by: "Ann Lee".into(),
            ..Default::default()
        },
        VisionDraft {
            text: "Help that finds people early, in their own language, close to home.".into(),
            proposed_by: "Tomasz Nowak".into(),
            ..Default::default()
        },
    ];
    s.vision.final_wording =
        "Help that finds Eastside people early, in their own language, close to home.".into();
    s.vision.consent = vec![
        Consent {
            organisation: "Eastside Carers".into(),
            level: ConsentLevel::Agree,
            concern: String::new(),
            ..Default::default()
        },
        Consent {
            organisation: "City Council".into(),
            level: ConsentLevel::CanLiveWithIt,
            concern: "\"Early\" needs a measure we can report on".into(),
            ..Default::default()
        },
        Consent {
            organisation: "Northway Trust".into(),
            level: ConsentLevel::Agree,
            concern: String::new(),
            ..Default::default()
        },
    ];
    s.activities = vec![
        Activity {
            title: "Saturday drop-in at the community centre".into(),
            description: "Carers and a GP link worker meet families without an appointment.".into(),
            lead: "Ann Lee".into(),
            measures: vec![
                measure(
                    "m-drop01",
                    "Families seen at the drop-in",
                    MeasureKind::HowMuch,
                    "0",
                    "40 a month",
                    "Sign-in sheets",
                    "Ann Lee",
                ),
                measure(
                    "m-drop02",
                    "Families who say they knew where to go next",
                    MeasureKind::BetterOff,
                    "unknown",
                    "8 in 10",
                    "Exit card",
                    "Dev Patel",
                ),
            ],
            ..Default::default()
        },
        Activity {
            title: "Translated referral leaflets".into(),
            description: String::new(),
            lead: "Tomasz Nowak".into(),
            measures: vec![],
            ..Default::default()
        },
    ];
    s.roles.workstreams = vec![
        Workstream {
            name: "Community outreach".into(),
            lead: "Ann Lee".into(),
            lead_organisation: "Eastside Carers".into(),
            remit: "Drop-ins, leaflets and word of mouth".into(),
            ..Default::default()
        },
        Workstream {
            name: "Data and evidence".into(),
            lead: "Dev Patel".into(),
            lead_organisation: "University of Eastside".into(),
            remit: String::new(),
            ..Default::default()
        },
    ];
    s.roles.commitments = vec![
        Commitment {
            organisation: "Northway Trust".into(),
            kind: CommitmentKind::Money,
            detail: "£12,000 for the first year".into(),
            ..Default::default()
        },
        Commitment {
            organisation: "City Council".into(),
            kind: CommitmentKind::Venue,
            detail: "Community centre hall on Saturdays".into(),
            ..Default::default()
        },
    ];
    s.roles.secretariat = "Eastside Carers".into();
    s.awareness = vec![
        AwarenessItem {
            audience: "Councillors".into(),
            message: "Early help costs less than crisis care".into(),
            channel: "Briefing at scrutiny committee".into(),
            owner: "Sam Okafor".into(),
            date: day(2, 10),
            ..Default::default()
        },
        AwarenessItem {
            audience: "Families".into(),
            message: "You can just walk in on Saturdays".into(),
            channel: "Radio Eastside".into(),
            owner: "Tomasz Nowak".into(),
            date: None,
            ..Default::default()
        },
    ];
    s.review.readings = vec![Reading {
        measure_id: "m-drop01".into(),
        date: day(11, 28),
        value: "23 families".into(),
        note: "Two Saturdays only".into(),
        ..Default::default()
    }];
    s.review.learnings = vec![
        Learning {
            kind: LearningKind::Story,
            text: "A grandmother came back the next week with three neighbours.".into(),
            ..Default::default()
        },
        Learning {
            kind: LearningKind::Surprise,
            text: "Most visitors heard about it at the school gate, not from leaflets.".into(),
            ..Default::default()
        },
    ];
    s.review.next_steps = vec![NextStep {
        text: "Ask the two primary schools to mention the drop-in".into(),
        owner: "Ann Lee".into(),
        by: day(1, 15),
        ..Default::default()
    }];
    s.decisions = vec![
        Decision {
            text: "Adopt the vision wording".into(),
            step: Some(Step::Vision),
            method: DecisionMethod::Consent,
            dissent: String::new(),
            ..Default::default()
        },
        Decision {
            text: "Eastside Carers acts as secretariat for the first year".into(),
            step: Some(Step::Roles),
            method: DecisionMethod::Consensus,
            dissent: "City Council would prefer a rotating secretariat after six months".into(),
            ..Default::default()
        },
    ];
    s.actions = vec![
        ActionItem {
            id: "a-act001".into(),
            text: "Circulate the agreed vision to all boards".into(),
            owner: "Ann Lee".into(),
            due: day(12, 10),
            status: ActionStatus::Open,
            step: None,
            ..Default::default()
        },
        ActionItem {
            id: "a-act002".into(),
            text: "Draft a data-sharing agreement".into(),
            owner: "Dev Patel".into(),
            due: day(1, 20),
            status: ActionStatus::InProgress,
            step: None,
            ..Default::default()
        },
        ActionItem {
            id: "a-act003".into(),
            text: "Book the hall for January".into(),
            owner: "Sam Okafor".into(),
            due: None,
            status: ActionStatus::Done,
            step: None,
            ..Default::default()
        },
    ];
    s.parking_lot = vec![
        ParkedItem {
            text: "Can volunteers be paid expenses?".into(),
            raised_by: "Tomasz Nowak".into(),
            step: Some(Step::Roles),
            ..Default::default()
        },
        ParkedItem {
            text: "Invite the housing association next time".into(),
            raised_by: "Priya Shah".into(),
            step: None,
            ..Default::default()
        },
    ];
    s.set_note(
        Step::Goals,
        "Goals 3 and 4 to be merged before the next session.".into(),
    );
    s
}

pub fn screen_after(keys: &[KeyCode]) -> SessionScreen {
    let mut screen = SessionScreen::open("/archive/eastside.ron".into(), session());
    for key in keys {
        screen.handle_key(KeyEvent::new(*key, KeyModifiers::NONE), now());
    }
    screen
}

pub fn draw(screen: &SessionScreen, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| roundtable::ui::session::draw(f, f.area(), screen, &Theme::plain()))
        .unwrap();
    terminal
}

pub fn keys(text: &str) -> Vec<KeyCode> {
    text.chars().map(KeyCode::Char).collect()
}

/// Defines `check` and `snapshot` in the test file that calls it, so insta
/// names the snapshots after that file. `check` snapshots `keys` pressed on
/// the fixture at both sizes with the step guidance hidden, so the pictures
/// do not change with its wording.
macro_rules! snapshot_helpers {
    () => {
        fn check(name: &str, keys: &[KeyCode]) {
            let mut all = vec![KeyCode::Char('g')];
            all.extend(keys);
            snapshot(name, &all);
        }

        fn snapshot(name: &str, keys: &[KeyCode]) {
            let screen = screen_after(keys);
            for (w, h) in [(80, 24), (120, 40)] {
                insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(&screen, w, h).backend());
            }
        }
    };
}
