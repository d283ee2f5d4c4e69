#![allow(clippy::unwrap_used)]
//! Properties of session files over arbitrary sessions: whatever anyone
//! types (quotes, backslashes, apostrophes, newlines, control characters,
//! emoji, CJK, right-to-left text) is written and read back exactly, and no
//! title can put a file outside the archive folder.

use std::collections::BTreeMap;
use std::fs;

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use proptest::prelude::*;
use proptest::sample::select;
use roundtable::domain::*;
use roundtable::storage::{Archive, load, load_all, to_ron};

/// Characters that have broken text formats before, mixed with any char.
const AWKWARD: &[char] = &[
    '"', '\\', '\'', '\n', '\r', '\t', '\0', '\u{1b}', '\u{7}', '\u{7f}', '\u{9b}', '\u{202e}', '\u{2066}',
    '\u{feff}', '\u{301}', '🎉', '\u{200d}', '👩', '中', '文', 'ש', 'ل', '#', 'r', '(', ')', '[', ']', '{',
    '}', ':', ',', '/', '*', '$', '.',
];

fn text() -> impl Strategy<Value = String> {
    let c = prop_oneof![3 => any::<char>(), 3 => select(AWKWARD), 4 => prop::char::range('a', 'z')];
    prop::collection::vec(c, 0..20).prop_map(|v| v.into_iter().collect())
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900..2200i32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn maybe_date() -> impl Strategy<Value = Option<NaiveDate>> {
    prop::option::of(date())
}

fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0..4_000_000_000i64, 0..1_000_000_000u32).prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

fn list<T: std::fmt::Debug>(item: impl Strategy<Value = T>) -> impl Strategy<Value = Vec<T>> {
    prop::collection::vec(item, 0..3)
}

fn participant() -> impl Strategy<Value = Participant> {
    let kinds = (select(Sector::ALL.to_vec()), select(Attendance::ALL.to_vec()));
    (text(), text(), text(), kinds, any::<bool>(), any::<u32>()).prop_map(
        |(name, organisation, role, (sector, attendance), lived_experience, contributions)| Participant {
            name: name.into(),
            organisation: organisation.into(),
            role,
            sector,
            lived_experience,
            attendance,
            contributions,
            ..Default::default()
        },
    )
}

fn goal() -> impl Strategy<Value = Goal> {
    (text(), text(), any::<u32>(), any::<bool>()).prop_map(|(text, proposed_by, support, agreed)| Goal {
        text,
        proposed_by,
        support,
        agreed,
        ..Default::default()
    })
}

fn vision() -> impl Strategy<Value = Vision> {
    let draft = (text(), text()).prop_map(|(text, proposed_by)| VisionDraft {
        text,
        proposed_by,
        ..Default::default()
    });
    let consent =
        (text(), select(ConsentLevel::ALL.to_vec()), text()).prop_map(|(organisation, level, concern)| {
            Consent {
                organisation,
                level,
                concern,
                ..Default::default()
            }
        });
    (list(draft), text(), list(consent)).prop_map(|(drafts, final_wording, consent)| Vision {
        drafts,
        final_wording,
        consent,
    })
}

fn activity() -> impl Strategy<Value = Activity> {
    let measure = (
        (text(), text(), select(MeasureKind::ALL.to_vec())),
        (text(), text(), text(), text(), maybe_date()),
    )
        .prop_map(
            |((id, indicator, kind), (baseline, target, source, owner, review_date))| Measure {
                id: id.into(),
                indicator: indicator.into(),
                kind,
                baseline: baseline.into(),
                target: target.into(),
                source: source.into(),
                owner: owner.into(),
                review_date,
                ..Default::default()
            },
        );
    (text(), text(), text(), list(measure)).prop_map(|(title, description, lead, measures)| Activity {
        title: title.into(),
        description,
        lead: lead.into(),
        measures,
        ..Default::default()
    })
}

fn roles() -> impl Strategy<Value = Roles> {
    let workstream =
        (text(), text(), text(), text()).prop_map(|(name, lead, lead_organisation, remit)| Workstream {
            name,
            lead,
            lead_organisation,
            remit,
            ..Default::default()
        });
    let commitment =
        (text(), select(CommitmentKind::ALL.to_vec()), text()).prop_map(|(organisation, kind, detail)| {
            Commitment {
                organisation,
                kind,
                detail,
                ..Default::default()
            }
        });
    (list(workstream), list(commitment), text(), text()).prop_map(
        |(workstreams, commitments, secretariat, decision_making)| Roles {
            workstreams,
            commitments,
            secretariat,
            decision_making,
        },
    )
}

fn awareness() -> impl Strategy<Value = AwarenessItem> {
    (text(), text(), text(), text(), maybe_date()).prop_map(|(audience, message, channel, owner, date)| {
        AwarenessItem {
            audience,
            message,
            channel,
            owner,
            date,
            ..Default::default()
        }
    })
}

fn review() -> impl Strategy<Value = Review> {
    let reading =
        (text(), maybe_date(), text(), text()).prop_map(|(measure_id, date, value, note)| Reading {
            measure_id,
            date,
            value,
            note,
            ..Default::default()
        });
    let learning = (select(LearningKind::ALL.to_vec()), text()).prop_map(|(kind, text)| Learning {
        kind,
        text,
        ..Default::default()
    });
    let next = (text(), text(), maybe_date()).prop_map(|(text, owner, by)| NextStep {
        text,
        owner,
        by,
        ..Default::default()
    });
    (list(reading), list(learning), list(next)).prop_map(|(readings, learnings, next_steps)| Review {
        readings,
        learnings,
        next_steps,
    })
}

fn records() -> impl Strategy<Value = (Vec<Decision>, Vec<ActionItem>, Vec<ParkedItem>)> {
    let step = || prop::option::of(select(Step::ALL.to_vec()));
    let decision = (text(), step(), select(DecisionMethod::ALL.to_vec()), text()).prop_map(
        |(text, step, method, dissent)| Decision {
            text,
            step,
            method,
            dissent,
            ..Default::default()
        },
    );
    let action = (
        text(),
        text(),
        text(),
        maybe_date(),
        select(ActionStatus::ALL.to_vec()),
    )
        .prop_map(|(id, text, owner, due, status)| ActionItem {
            id: id.into(),
            text: text.into(),
            owner: owner.into(),
            due,
            status,
            step: None,
            ..Default::default()
        });
    let parked = (text(), text(), step()).prop_map(|(text, raised_by, step)| ParkedItem {
        text,
        raised_by,
        step,
        ..Default::default()
    });
    (list(decision), list(action), list(parked))
}

fn session() -> impl Strategy<Value = Session> {
    let statuses = vec![
        SessionStatus::Draft,
        SessionStatus::InProgress,
        SessionStatus::Final,
    ];
    let head = (
        (text(), text(), text(), date(), timestamp(), timestamp()),
        (
            prop::option::of((0..24u32, 0..60u32)),
            text(),
            text(),
            select(statuses),
            text(),
        ),
    );
    let steps = (
        list(participant()),
        list(goal()),
        vision(),
        list(activity()),
        roles(),
        list(awareness()),
    );
    // Blank notes are never kept (`Session::set_note` drops them), so none are generated.
    let notes = prop::collection::btree_map(select(Step::ALL.to_vec()), text(), 0..3).prop_map(|notes| {
        notes
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .collect::<Vec<_>>()
    });
    (head, steps, (review(), notes, records())).prop_map(
        |(
            (
                (id, title, partnership, date, created, updated),
                (time, location, facilitator, status, previous),
            ),
            (participants, goals, vision, activities, roles, awareness),
            (review, notes, (decisions, actions, parking_lot)),
        )| Session {
            format_version: FORMAT_VERSION,
            id,
            title,
            partnership,
            date,
            start_time: time.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0)),
            location,
            facilitator,
            status,
            previous,
            // Both choices round-trip: the private default is left out of the file.
            shown_in_minutes: roundtable::domain::ShownInMinutes {
                lived_experience: participants.len() % 2 == 1,
                leave_out_participation: participants.len() % 3 == 1,
            },
            participants,
            goals,
            vision,
            activities,
            roles,
            awareness,
            review,
            notes: notes.into_iter().collect::<BTreeMap<_, _>>(),
            decisions,
            reviews: Vec::new(),
            actions,
            parking_lot,
            rounds: Vec::new(),
            votes: Vec::new(),
            consent_checks: Vec::new(),
            plan: Default::default(),
            minutes: Default::default(),
            health: Default::default(),
            created,
            updated,
            shown_to: Default::default(),
        },
    )
}

/// `sessions` with audience markings and consent to be quoted spread over
/// their items, so those too are shown to read back exactly.
fn marked(sessions: impl Strategy<Value = Session>) -> impl Strategy<Value = Session> {
    use roundtable::domain::Audience;
    sessions.prop_map(|mut s| {
        let mark = |i: usize| Audience::ALL[i % 3];
        s.goals
            .iter_mut()
            .enumerate()
            .for_each(|(i, g)| g.shown_to = mark(i));
        s.actions
            .iter_mut()
            .enumerate()
            .for_each(|(i, a)| a.shown_to = mark(i + 1));
        s.decisions
            .iter_mut()
            .enumerate()
            .for_each(|(i, d)| d.shown_to = mark(i + 2));
        s.participants
            .iter_mut()
            .enumerate()
            .for_each(|(i, p)| p.quote_by_name = i % 2 == 0);
        let steps: Vec<Step> = s.notes.keys().copied().collect();
        for (i, step) in steps.into_iter().enumerate() {
            s.shown_to.set_note(step, mark(i));
        }
        s.shown_to.vision = mark(s.goals.len());
        s
    })
}

/// How many parts [`with_one_part_of`] can copy.
const FIELDS: usize = 24;

/// `a` with one part (field, or part of a step) taken from `other`.
fn with_one_part_of(a: &Session, other: &Session, which: usize) -> Session {
    let (mut b, o) = (a.clone(), other.clone());
    match which {
        0 => b.title = o.title,
        1 => b.partnership = o.partnership,
        2 => b.date = o.date,
        3 => b.start_time = o.start_time,
        4 => b.location = o.location,
        5 => b.facilitator = o.facilitator,
        6 => b.status = o.status,
        7 => b.participants = o.participants,
        8 => b.goals = o.goals,
        9 => b.vision.drafts = o.vision.drafts,
        10 => b.vision.final_wording = o.vision.final_wording,
        11 => b.vision.consent = o.vision.consent,
        12 => b.activities = o.activities,
        13 => b.roles.workstreams = o.roles.workstreams,
        14 => b.roles.commitments = o.roles.commitments,
        15 => b.roles.secretariat = o.roles.secretariat,
        16 => b.roles.decision_making = o.roles.decision_making,
        17 => b.awareness = o.awareness,
        18 => b.review = o.review,
        19 => b.notes = o.notes,
        20 => b.decisions = o.decisions,
        21 => b.actions = o.actions,
        22 => b.parking_lot = o.parking_lot,
        // Only the time of the last change: nothing a person would call a difference.
        _ => b.updated = o.updated,
    }
    b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_session_is_read_back_exactly(s in marked(session())) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        let text = to_ron(&s);
        fs::write(&path, &text).unwrap();
        let back = load(&path).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(to_ron(&back), text, "writing again gives the same bytes");
        let (_, problems) = load_all(&path);
        prop_assert!(problems.is_empty(), "{:?}", problems.iter().map(ToString::to_string).collect::<Vec<_>>());
    }

    #[test]
    fn any_session_without_a_version_line_migrates_to_itself(s in session()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.ron");
        let text = to_ron(&s);
        let line = format!("    format_version: {},\n", roundtable::domain::FORMAT_VERSION);
        prop_assert!(text.contains(&line));
        fs::write(&path, text.replacen(&line, "", 1)).unwrap();
        prop_assert_eq!(load(&path).map_err(|e| TestCaseError::fail(e.to_string()))?, s);
    }

    #[test]
    fn a_change_to_any_one_part_is_described(a in session(), other in session(), which in 0..FIELDS) {
        prop_assert!(differences(&a, &a).is_empty());
        let b = with_one_part_of(&a, &other, which);
        let same_but_for_time = Session { updated: a.updated, ..b.clone() } == a;
        prop_assert_eq!(differences(&a, &b).is_empty(), same_but_for_time, "part {}", which);
    }

    #[test]
    fn cleaned_text_holds_nothing_a_terminal_would_act_on(t in text()) {
        let cleaned = clean_for_terminal(&t);
        prop_assert!(!cleaned.chars().any(needs_cleaning), "{:?}", cleaned);
        prop_assert_eq!(cleaned.chars().count(), t.chars().count(), "one character for one");
    }

    #[test]
    fn a_slug_is_a_plain_file_name(title in text()) {
        let s = slug(&title);
        prop_assert!(!s.is_empty() && s.len() <= 60, "{}", s);
        prop_assert!(s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{}", s);
        prop_assert!(!s.starts_with(['-', '.']), "{}", s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn no_title_puts_a_file_outside_the_archive(title in text(), d in date()) {
        let dir = tempfile::tempdir().unwrap();
        let archive = Archive::open(dir.path().join("sessions")).unwrap();
        let now = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let path = archive.create(&Session::new(&title, "", d, now)).unwrap();
        prop_assert_eq!(path.parent(), Some(archive.dir()));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        prop_assert!(!name.starts_with('.') && name.ends_with(".ron"), "{}", name);
        prop_assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "nothing written beside the folder");
    }
}
