use std::fs;

use super::*;
use crate::domain::{TextPool, texts_of};
use crate::storage::Archive;
use crate::storage::extract_read::as_kept;

/// Every example session as the extract remembers it.
fn examples() -> Vec<Remembered> {
    let archive = Archive::open("workshops".into()).unwrap_or_else(|e| panic!("{e}"));
    let mut pool = TextPool::default();
    archive
        .scan()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .filter_map(|e| {
            let name = e.path.file_name()?.to_string_lossy().into_owned();
            let session = e.session.ok()?;
            Some(Remembered {
                name,
                stamp: Stamp::read(&e.path)?,
                texts: texts_of(&session, &mut pool),
                session: as_kept(session, &mut pool),
            })
        })
        .collect()
}

fn store(tmp: &Path, dir: &str) -> Extracts {
    Extracts {
        file: tmp.join("one.extract"),
        dir: dir.into(),
    }
}

fn texts(r: &Remembered) -> Vec<(Section, u32, String)> {
    r.texts.iter().map(|(s, i, t)| (*s, *i, t.to_string())).collect()
}

#[test]
fn the_whole_lean_sessions_and_their_texts_read_back_as_written() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let written = examples();
    assert!(written.len() >= 5);
    let extracts = store(tmp.path(), "/archive");
    extracts.write(written.iter().map(Remembered::to_remember));
    let read = extracts.read(Depth::Lean);
    assert_eq!(read.len(), written.len());
    for (r, w) in read.iter().zip(&written) {
        assert_eq!((&r.name, r.stamp), (&w.name, w.stamp));
        assert_eq!(r.session, w.session, "{}", w.name);
        assert_eq!(texts(r), texts(w), "{}", w.name);
    }
}

#[test]
fn for_search_each_session_keeps_its_head_action_ids_and_texts() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let written = examples();
    let extracts = store(tmp.path(), "/archive");
    extracts.write(written.iter().map(Remembered::to_remember));
    let read = extracts.read(Depth::Search);
    assert_eq!(read.len(), written.len());
    for (r, w) in read.iter().zip(&written) {
        let (s, full) = (&r.session, &w.session);
        assert_eq!(
            (&s.id, &s.title, &s.partnership, s.date, s.start_time),
            (
                &full.id,
                &full.title,
                &full.partnership,
                full.date,
                full.start_time
            )
        );
        let ids = |s: &Session| s.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(s), ids(full));
        assert!(s.participants.is_empty() && s.decisions.is_empty());
        assert_eq!(texts(r), texts(w));
    }
}

#[test]
fn for_actions_each_session_keeps_its_head_actions_and_participants() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let written = examples();
    let extracts = store(tmp.path(), "/archive");
    extracts.write(written.iter().map(Remembered::to_remember));
    let read = extracts.read(Depth::Actions);
    assert_eq!(read.len(), written.len());
    for (r, w) in read.iter().zip(&written) {
        let (s, full) = (&r.session, &w.session);
        assert_eq!(
            (
                &s.id,
                &s.title,
                &s.partnership,
                s.date,
                s.start_time,
                &s.previous,
                s.status
            ),
            (
                &full.id,
                &full.title,
                &full.partnership,
                full.date,
                full.start_time,
                &full.previous,
                full.status
            )
        );
        assert_eq!((&s.actions, &s.participants), (&full.actions, &full.participants));
        assert!(s.decisions.is_empty() && s.activities.is_empty() && r.texts.is_empty());
    }
    assert!(written.iter().any(|w| w.session.start_time.is_some()));
    assert!(written.iter().any(|w| !w.session.participants.is_empty()));
}

#[test]
fn an_extract_of_another_folder_or_a_damaged_one_reads_as_nothing() {
    let tmp = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let written = examples();
    store(tmp.path(), "/archive").write(written.iter().map(Remembered::to_remember));
    assert!(store(tmp.path(), "/elsewhere").read(Depth::Lean).is_empty());
    let bytes = fs::read(tmp.path().join("one.extract")).unwrap_or_default();
    let len = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or_default()) as usize;
    let front_ends = 4 + len(0) + 4 + len(4 + len(0));
    for cut in [0, 3, 40, front_ends - 1, front_ends + 10, bytes.len() - 1] {
        fs::write(tmp.path().join("one.extract"), &bytes[..cut]).unwrap_or_default();
        let extracts = store(tmp.path(), "/archive");
        assert!(extracts.read(Depth::Lean).is_empty(), "cut at {cut}");
        assert!(extracts.read(Depth::Actions).is_empty(), "cut at {cut}");
        // Search reads the front alone: whole, or nothing.
        let front = extracts.read(Depth::Search).len();
        assert_eq!(
            front,
            if cut < front_ends { 0 } else { written.len() },
            "cut at {cut}"
        );
    }
    // Bytes changed at random never panic, nor make up sessions.
    let mut garbled = bytes.clone();
    for b in garbled.iter_mut().skip(60).step_by(97) {
        *b = b.wrapping_add(0x55);
    }
    fs::write(tmp.path().join("one.extract"), &garbled).unwrap_or_default();
    assert!(store(tmp.path(), "/archive").read(Depth::Lean).len() <= written.len());
    assert!(store(tmp.path(), "/archive").read(Depth::Actions).len() <= written.len());
}

#[test]
fn every_place_of_a_search_text_has_its_own_number() {
    let mut places = vec![
        Section::Title,
        Section::Participants,
        Section::Decisions,
        Section::Actions,
        Section::ParkingLot,
    ];
    for step in Step::ALL {
        places.push(Section::Step(step));
        places.push(Section::Notes(step));
    }
    for place in &places {
        assert_eq!(section(code(*place)), Some(*place));
    }
    let mut codes: Vec<u32> = places.iter().map(|p| code(*p)).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), places.len());
    assert_eq!(section(99), None);
}

#[test]
fn a_session_cut_to_its_head_is_the_head_the_extract_gives_back() {
    use chrono::NaiveTime;
    let whole = crate::storage::sample::sessions(20, 3)
        .into_iter()
        .find(|s| !s.goals.is_empty() && !s.actions.is_empty())
        .unwrap();
    let times = [
        None,
        NaiveTime::from_hms_opt(10, 0, 0),
        NaiveTime::from_hms_opt(10, 5, 37),
        NaiveTime::from_hms_milli_opt(23, 59, 59, 1_500),
    ];
    for time in times {
        let mut s = whole.clone();
        s.start_time = time;
        s.previous = "2026-01-01-before".into();
        // Written and read back as the extract does.
        let written = rmp_serde::to_vec_named(&Brief::of(&s)).unwrap();
        let read: Brief = rmp_serde::from_slice(&written).unwrap();
        let given_back = read.session().unwrap();
        assert_eq!(brief::cut(s), given_back, "{time:?}");
    }
}

#[test]
fn a_text_is_kept_once_whether_its_copies_are_shared_or_apart() {
    let shared = Text::from("carers' respite");
    let apart = Text::from("carers' respite");
    assert_ne!(shared.as_str().as_ptr(), apart.as_str().as_ptr());
    let texts: [Texts; 2] = [
        vec![(Section::Title, 0, shared.clone())].into(),
        vec![
            (Section::Title, 0, Text::from("other words")),
            (Section::Actions, 1, shared),
            (Section::Actions, 2, apart),
        ]
        .into(),
    ];
    let session = crate::storage::sample::sessions(1, 5).remove(0);
    let list: Vec<ToRemember> = texts
        .iter()
        .map(|texts| ToRemember {
            name: "a.ron",
            stamp: Stamp {
                size: 1,
                secs: 2,
                nanos: 3,
            },
            session: &session,
            texts,
        })
        .collect();
    let bytes = front_of(&list).unwrap().joined();
    let front: Front<Vec<&str>, SearchEntry> = rmp_serde::from_slice(&bytes).unwrap();
    assert_eq!(front.texts, ["carers' respite", "other words"]);
    let numbers: Vec<&[u32]> = front.entries.iter().map(|e| e.texts.as_slice()).collect();
    let (title, actions) = (code(Section::Title), code(Section::Actions));
    assert_eq!(
        numbers,
        [&[title, 0, 0][..], &[title, 0, 1, actions, 1, 0, actions, 2, 0]]
    );
}

#[test]
fn a_part_written_in_pieces_is_the_bytes_written_one_after_another() {
    use std::io::Write;
    // Writes smaller than, equal to and many times a piece, across edges.
    let sizes = [1, 7, (1 << 16) - 8, 1, 1 << 16, 3 * (1 << 16) + 5, 0, 300];
    let mut pieces = Pieces::default();
    let mut whole = Vec::new();
    for (n, size) in sizes.into_iter().enumerate() {
        let bytes: Vec<u8> = (0..size).map(|i| (i * 31 + n) as u8).collect();
        pieces.write_all(&bytes).unwrap_or_else(|e| panic!("{e}"));
        whole.extend_from_slice(&bytes);
    }
    let mut written = Vec::new();
    put(&mut written, &pieces).unwrap_or_else(|e| panic!("{e}"));
    let (part, rest) = part(&written).unwrap_or_else(|| panic!("no part"));
    assert_eq!(part.len(), whole.len());
    assert!(part == whole.as_slice(), "the bytes differ");
    assert!(rest.is_empty());
}
