use super::*;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Act {
    Save,
    Up,
}

#[test]
fn a_run_of_digits_reads_as_a_range() {
    const KEYS: &[Key] = &[
        Key::ch('1'),
        Key::ch('2'),
        Key::ch('3'),
        Key::ch('5'),
        Key::ch('k'),
    ];
    let b = Binding {
        keys: KEYS,
        action: Act::Up,
        label: "",
        help: "",
        in_footer: false,
    };
    assert_eq!(b.keys_label(), "1–3/5/k");
    let two = Binding {
        keys: &KEYS[..2],
        ..b
    };
    assert_eq!(two.keys_label(), "1/2");
}

const TABLE: &[Binding<Act>] = &[
    Binding {
        keys: &[Key::ctrl('s')],
        action: Act::Save,
        label: "save",
        help: "Save now",
        in_footer: true,
    },
    Binding {
        keys: &[Key::plain(KeyCode::Up), Key::ch('k')],
        action: Act::Up,
        label: "up",
        help: "Move up",
        in_footer: false,
    },
];

#[test]
fn lookup_matches_keys_and_modifiers() {
    let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
    let k = KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE);
    assert_eq!(lookup(TABLE, &ctrl_s), Some(Act::Save));
    assert_eq!(lookup(TABLE, &s), None);
    assert_eq!(lookup(TABLE, &k), Some(Act::Up));
}

#[test]
fn shift_tab_matches_with_or_without_shift_held() {
    let key = Key::plain(KeyCode::BackTab);
    assert!(key.matches(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::NONE)));
    assert!(key.matches(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)));
    assert!(!key.matches(&KeyEvent::new(KeyCode::BackTab, KeyModifiers::CONTROL)));
}

#[test]
fn keys_parse_as_footers_write_them() {
    for key in [
        Key::ch('n'),
        Key::ch('N'),
        Key::ch('?'),
        Key::ctrl('s'),
        Key::plain(KeyCode::Enter),
        Key::plain(KeyCode::BackTab),
        Key::plain(KeyCode::F(5)),
        Key::plain(KeyCode::PageDown),
        Key::ch(' '),
        Key {
            code: KeyCode::Up,
            mods: KeyModifiers::ALT,
        },
    ] {
        assert_eq!(Key::parse(&key.label()), Ok(key), "{}", key.label());
    }
    assert_eq!(Key::parse("ctrl+S"), Ok(Key::ctrl('s')));
    assert_eq!(Key::parse("Shift-n"), Ok(Key::ch('N')));
    assert_eq!(Key::parse("Up"), Ok(Key::plain(KeyCode::Up)));
    for bad in ["", "nn", "Ctrl-", "Hyper-x", "F13", "Shift-Enter"] {
        let err = Key::parse(bad).unwrap_err();
        assert!(err.contains("is not a key"), "{bad}: {err}");
    }
    assert!(Key::ch('N').same(&Key {
        code: KeyCode::Char('N'),
        mods: KeyModifiers::SHIFT
    }));
    assert!(!Key::ch('n').same(&Key::ch('N')));
}

#[test]
fn labels_read_like_a_manual() {
    assert_eq!(TABLE[0].keys_label(), "Ctrl-S");
    assert_eq!(TABLE[1].keys_label(), "↑/k");
    assert_eq!(Key::ch('?').label(), "?");
    const SLASH_F: &[Key] = &[Key::ch('/'), Key::ch('f')];
    let slash = Binding {
        keys: SLASH_F,
        ..TABLE[0]
    };
    assert_eq!(slash.keys_label(), "/ f");
}

#[test]
fn digit_ranges_hold_exactly_the_digits_asked_for() {
    let chars = |keys: &[Key]| -> String {
        keys.iter()
            .map(|k| match k.code {
                KeyCode::Char(c) => c,
                _ => '?',
            })
            .collect()
    };
    assert_eq!(chars(DIGITS), "0123456789");
    assert_eq!(chars(STEP_KEYS), "123456");
    assert_eq!(chars(digits(0, 5)), "012345");
    assert_eq!(chars(digits(1, 5)), "12345");
}
