//! The quick reader against ron: the same session whenever it reads one,
//! and every real file read by it rather than left to ron.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use crate::domain::{Participant, Session, Step};
use crate::storage::format::{options, quick_clean, ron_clean, to_ron};
use crate::storage::sample;

/// The quick reader never gives a session ron would not, nor a different one.
fn agrees(text: &str) -> Option<Session> {
    let quick = quick_clean(text);
    if quick.is_some() {
        assert_eq!(quick, ron_clean(text), "{text}");
    }
    quick
}

fn ron_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            ron_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
}

#[test]
fn every_file_ron_reads_cleanly_the_quick_reader_reads_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    ron_files(&root.join("workshops"), &mut files);
    ron_files(&root.join("tests"), &mut files);
    let mut clean = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let by_ron = ron_clean(text);
        assert_eq!(agrees(text), by_ron, "{}", path.display());
        clean += usize::from(by_ron.is_some());
    }
    assert!(clean >= 10, "only {clean} of {} files read", files.len());
}

#[test]
fn generated_sessions_take_the_quick_road() {
    let mut sessions = sample::sessions(300, 7);
    sessions.extend(sample::light_sessions(50, 8));
    sessions.push(sample::big_session(300, 9));
    for session in sessions {
        let text = to_ron(&session);
        assert_eq!(agrees(&text).as_ref(), Some(&session), "{text}");
    }
}

fn example() -> String {
    let (_, text) = crate::assets::examples().into_iter().next().unwrap();
    text.to_string()
}

#[test]
fn ron_syntax_our_files_may_hold_is_read() {
    let text = example();
    let expected = ron_clean(&text).unwrap();
    let variants = [
        text.replacen('(', "Session(", 1),
        format!("// a comment\n/* a /* nested */ block */ {text} // end"),
        text.replace(",\n", " /* c */ , // line\n"),
        text.replace('\n', "\r\n"),
        text.replace("\n    ", "\n\t"),
    ];
    for variant in variants {
        assert_eq!(agrees(&variant).as_ref(), Some(&expected), "{variant}");
    }
}

#[test]
fn options_bare_or_in_some_and_escapes_are_read() {
    let mut s = Session::new(
        "Café \"q\" \\ \u{1F600}\t\0",
        "P",
        chrono::NaiveDate::MIN,
        chrono::DateTime::UNIX_EPOCH,
    );
    s.start_time = chrono::NaiveTime::from_hms_opt(9, 5, 0);
    s.notes.insert(Step::Goals, "a\nb'c\u{301}".into());
    let text = to_ron(&s);
    assert_eq!(agrees(&text).as_ref(), Some(&s), "{text}");
    let explicit = text.replace("start_time: \"09:05\"", "start_time: Some( \"09:05\" , )");
    assert_ne!(explicit, text);
    assert_eq!(agrees(&explicit).as_ref(), Some(&s));
    let escaped = text.replace("b'c", "b\\'c\\u{1F600}");
    assert_eq!(
        agrees(&escaped).unwrap().notes[&Step::Goals],
        "a\nb'c\u{1F600}\u{301}"
    );
}

#[test]
fn what_it_is_unsure_of_is_left_to_ron() {
    let text = example();
    let refused = [
        format!("#![enable(implicit_some)]\n{text}"),
        text.replacen("title: \"", "title: r\"", 1)
            .replacen("\",\n", "\"#,\n", 1),
        text.replacen("format_version: 4", "format_version: 0x4", 1),
        text.replacen("format_version: 4", "format_version: 4u32", 1),
        text.replacen("format_version: 4", "format_version: 4_0", 1),
        text.replacen("title: \"", "title: \"\\x41", 1),
        // ron reads `Some "x"` as `Some("x")`; the quick reader leaves it.
        text.replacen("start_time: \"", "start_time: Some \"", 1),
    ];
    for variant in refused {
        assert_eq!(quick_clean(&variant), None, "{variant}");
    }
}

#[test]
fn a_field_the_types_do_not_know_is_left_to_ron_to_report() {
    let text = example();
    let misspelt = [
        // At the top, and inside an item, with values of every shape.
        text.replacen("title: \"", "titel: \"x\",\n    title: \"", 1),
        text.replacen(
            "title: \"",
            "colour: Some((1, [2], {\"k\": 3})),\n    title: \"",
            1,
        ),
        text.replacen("start_time: \"", "start_tyme: None,\n    start_time: \"", 1),
        text.replacen(
            "            name: \"",
            "            nmae: \"Priti\",\n            name: \"",
            1,
        ),
    ];
    for variant in misspelt {
        assert_ne!(variant, text);
        assert_eq!(quick_clean(&variant), None, "{variant}");
        assert_eq!(ron_clean(&variant), None, "{variant}");
        // Otherwise a session: only the field is wrong.
        let lenient: Result<Session, _> = options().from_str(&variant);
        assert!(lenient.is_ok(), "{variant}");
    }
}

#[test]
fn broken_text_is_never_read() {
    let text = example();
    let broken = [
        text.replacen("    title:", "    titel:", 1),
        text.replacen("format_version: 4", "format_version: \"4\"", 1),
        text.replacen("format_version: 4", "format_version: -4", 1),
        format!("{text} ("),
        format!("{text} x"),
        text.replacen(",\n    title", "\n    title", 1),
        text.replacen('(', "Sesion(", 1),
        text.replacen("title: \"", "title: \"\\u{0000041}", 1),
        text.replacen("title: \"", "title: \"\\u{}", 1),
        text.replacen("title: \"", "title: \"\\u{D800}", 1),
        text[..text.len() / 2].to_string(),
    ];
    for variant in broken {
        assert_eq!(agrees(&variant), None, "{variant}");
        assert_eq!(ron_clean(&variant), None, "a real break: {variant}");
    }
    for end in (0..text.len()).step_by(97).filter(|&i| text.is_char_boundary(i)) {
        assert_eq!(agrees(&text[..end]), None, "cut at {end}");
    }
}

/// Text with what strings escape: quotes, backslashes, line ends, control
/// characters, non-ASCII and combining characters.
fn odd_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~\n\r\t\u{0}-\u{1f}\u{7f}é€😀\u{301}\u{200e}\u{2028}]{0,40}"
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_reads_back_as_ron_reads_it(title in odd_text(), name in odd_text(), note in odd_text()) {
        let mut s = Session::new(&title, "P", chrono::NaiveDate::MIN, chrono::DateTime::UNIX_EPOCH);
        s.location = title.clone();
        s.participants.push(Participant { name: name.into(), ..Default::default() });
        s.notes.insert(Step::Vision, note);
        let text = to_ron(&s);
        prop_assert_eq!(quick_clean(&text), ron_clean(&text));
        prop_assert_eq!(quick_clean(&text), Some(s));
    }

    #[test]
    fn damaged_files_read_as_ron_reads_them(
        at in 0.0..1.0f64,
        len in 0usize..4,
        insert in prop::sample::select(vec!["", ",", ":", "(", ")", "\"", "\\", "/", "None", "Some(", "0", " ", "x"]),
    ) {
        let text = example();
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let mut start = (at * text.len() as f64) as usize;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let damaged = format!("{}{insert}{}", &text[..start], &text[end..]);
        let quick = quick_clean(&damaged);
        if quick.is_some() {
            prop_assert_eq!(quick, ron_clean(&damaged));
        }
    }
}
