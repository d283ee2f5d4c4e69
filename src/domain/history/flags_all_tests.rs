//! The one walk gives every record the flags a single look-up gives, and the
//! table lists the records in the order it always did.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::super::tests::{meeting, person};
use crate::domain::history::{ActionTable, Flag, History, TableRow};
use crate::domain::{ActionItem, ActionStatus, Attendance, Session};

fn action(id: &str, owner: &str, status: ActionStatus) -> ActionItem {
    ActionItem {
        id: id.into(),
        text: format!("Do {id}").into(),
        owner: owner.into(),
        status,
        ..Default::default()
    }
}

/// Each record's flags one look-up at a time, as the table once had them.
fn one_by_one(h: &History) -> Vec<Vec<Flag>> {
    h.actions().iter().map(|r| h.flags(r.action, r.session)).collect()
}

/// The table as it was made before the one walk: flags looked up one at a
/// time, sorted by a lowercased copy of each partnership's name.
fn table_as_before(h: &History) -> Vec<TableRow> {
    let mut keyed: Vec<_> = h
        .actions()
        .into_iter()
        .map(|r| {
            let key = (r.action.due.is_none(), r.action.due, r.partnership.to_lowercase());
            let row = TableRow {
                session: r.session as u32,
                item: r.item as u32,
                first_session: r.first_session as u32,
                flags: h.flags(r.action, r.session),
                open: r.action.status.is_open(),
                due: r.action.due,
            };
            (key, row)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, row)| row).collect()
}

#[test]
fn one_walk_flags_carried_ownerless_absent_and_left_actions_by_name() {
    let mut july = meeting("July", "Level Ground", 7, 8);
    july.participants = vec![
        person("Ann", "Aid", Attendance::Present),
        person("Bo", "Beacon", Attendance::Present),
    ];
    july.actions = vec![
        action("a-1", "Ann", ActionStatus::Open),
        action("a-2", " ", ActionStatus::Open),
        action("a-3", "Bo", ActionStatus::Open),
        action("a-4", "Ann", ActionStatus::Open),
    ];
    let now = july.created;
    let mut sept = july.follow_up("Sept", date(9, 16), now);
    sept.participants[0].attendance = Attendance::Apologies;
    sept.participants.retain(|p| p.organisation != "Beacon");
    sept.actions[3].status = ActionStatus::Done;
    let sessions = vec![sept, july];
    let h = History::new(&sessions);
    let records = h.actions();
    let flags: Vec<(&str, Vec<Flag>)> = records
        .iter()
        .map(|r| r.action.id.as_str())
        .zip(h.flags_of(&records))
        .collect();
    assert_eq!(
        flags,
        [
            ("a-1", vec![Flag::Carried(1), Flag::OwnerAbsent]),
            ("a-2", vec![Flag::Carried(1), Flag::NoOwner]),
            (
                "a-3",
                vec![Flag::Carried(1), Flag::OrganisationLeft("Beacon".into())]
            ),
            ("a-4", vec![]),
        ]
    );
    assert_eq!(h.flags_of(&records), one_by_one(&h));
}

#[test]
fn the_first_listed_under_a_name_speaks_for_their_organisation() {
    let mut july = meeting("July", "Level Ground", 7, 8);
    july.participants = vec![person("Ann", "Aid", Attendance::Present)];
    let mut sept = meeting("Sept", "level  ground", 9, 16);
    // Ann is listed twice: first with no organisation, so July's word
    // stands; the second listing, naming Beacon, is not heeded.
    sept.participants = vec![
        person(" ANN ", " ", Attendance::Absent),
        person("ann", "Beacon", Attendance::Present),
        person("Cy", "Beacon", Attendance::Present),
    ];
    sept.actions = vec![action("a-1", "Ánn", ActionStatus::Open)];
    let sessions = vec![july, sept];
    let h = History::new(&sessions);
    let records = h.actions();
    assert_eq!(h.flags_of(&records), [vec![Flag::OrganisationLeft("Aid".into())]]);
    assert_eq!(h.flags_of(&records), one_by_one(&h));
}

fn date(month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, month, day).unwrap_or_default()
}

// Names in odd spacing, case and accents, people and organisations, so
// owners match participants, organisations, both or neither.
const PARTNERSHIPS: [&str; 5] = ["Level Ground", " level  ground", "Café Net", "CAFE NET ", ""];
const NAMES: [&str; 8] = ["Ann", " ann ", "ÁNN", "Bo Li", "bo  li", "Aid", "Cy", "\u{301}"];
const ORGS: [&str; 7] = ["Aid", " aid ", "Beacon", "BEACON", "", "  ", "Café Co"];
const IDS: [&str; 6] = ["a-1", " a-1 ", "a-2", "a-3", "", " "];
const OWNERS: [&str; 10] = [
    "Ann", "ann", "Bo Li", "Aid", "beacon", "Café Co", "", " ", "Nobody", "\u{301}",
];
const ATTENDANCE: [Attendance; 3] = Attendance::ALL;
const STATUS: [ActionStatus; 4] = [
    ActionStatus::Open,
    ActionStatus::InProgress,
    ActionStatus::Done,
    ActionStatus::Dropped,
];

/// A session of a small archive: its partnership, date, the earlier (or
/// later) session it names as previous, its participants and its actions,
/// each as indices into the pools above.
type Drawn = (
    usize,
    u32,
    Option<usize>,
    Vec<(usize, usize, usize)>,
    Vec<(usize, usize, usize, Option<u32>)>,
);

fn drawn() -> impl Strategy<Value = Drawn> {
    (
        0..PARTNERSHIPS.len(),
        1u32..6,
        proptest::option::of(0usize..8),
        proptest::collection::vec((0..NAMES.len(), 0..ORGS.len(), 0..3usize), 0..5),
        proptest::collection::vec(
            (
                0..IDS.len(),
                0..OWNERS.len(),
                0..4usize,
                proptest::option::of(1u32..4),
            ),
            0..5,
        ),
    )
}

fn archive(drawn: &[Drawn]) -> Vec<Session> {
    let mut sessions: Vec<Session> = Vec::new();
    for (k, (partnership, month, _, people, actions)) in drawn.iter().enumerate() {
        let mut s = meeting(&format!("S{k}"), "", *month, 1 + (k as u32 % 3));
        s.partnership = PARTNERSHIPS[*partnership].into();
        s.participants = people
            .iter()
            .map(|&(n, o, a)| person(NAMES[n], ORGS[o], ATTENDANCE[a]))
            .collect();
        s.actions = actions
            .iter()
            .map(|&(i, o, st, due)| ActionItem {
                due: due.map(|d| date(d, 1)),
                ..action(IDS[i], OWNERS[o], STATUS[st])
            })
            .collect();
        sessions.push(s);
    }
    // Links to any session, even a later one (which is ignored) or itself.
    for (k, d) in drawn.iter().enumerate() {
        if let Some(id) = d.2.and_then(|p| sessions.get(p)).map(|p| p.id.clone()) {
            sessions[k].previous = id;
        }
    }
    sessions
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Whatever the archive, the one walk gives each record the flags a
    /// look-up of that record gives, and the table is what it was.
    #[test]
    fn one_walk_is_each_look_up(drawn in proptest::collection::vec(drawn(), 1..9)) {
        let sessions = archive(&drawn);
        let h = History::new(&sessions);
        let records = h.actions();
        prop_assert_eq!(h.flags_of(&records), one_by_one(&h));
        prop_assert_eq!(ActionTable::of(&h).rows, table_as_before(&h));
    }
}
