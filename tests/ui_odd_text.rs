#![allow(clippy::unwrap_used)]
//! Text from anywhere in the world, and a lot of it: emoji, CJK, right-to-left
//! scripts, zero-width characters, tabs, very long lines and thousands of
//! items must draw without panics and without pushing columns out of line.

mod ui_support;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::session::SessionScreen;
use roundtable::domain::{Attendance, Goal, Participant, Session};
use roundtable::storage;
use roundtable::ui::theme::Theme;
use ui_support::{app, empty_archive, now, render};
use unicode_width::UnicodeWidthStr;

const ODD: [&str; 6] = [
    "Café 🎉👩‍👩‍👧 family day",
    "日本語と中文の会議 — 第一回",
    "שותפות בריאות הקהילה",
    "مجلس الشراكة الصحية",
    "Zero\u{200B}width\u{200D}joiners\u{FEFF}here",
    "Tabs\tin\tthe\ttitle",
];

fn odd_session(i: usize) -> Session {
    let title = format!(
        "{} {}",
        ODD[i % ODD.len()],
        "and a very long tail ".repeat(i % 3 * 10)
    );
    let date = chrono::NaiveDate::from_ymd_opt(2026, 12, 1 + i as u32).unwrap();
    let mut s = Session::new(&title, ODD[(i + 1) % ODD.len()], date, now());
    s.participants = (0..3000)
        .map(|n| Participant {
            name: format!("{} {n}", ODD[n % ODD.len()]).into(),
            organisation: ODD[(n + 2) % ODD.len()].into(),
            attendance: Attendance::ALL[n % 3],
            ..Default::default()
        })
        .collect();
    s.goals = (0..3000)
        .map(|n| Goal {
            text: ODD[n % ODD.len()].repeat(1 + n % 5),
            ..Default::default()
        })
        .collect();
    s
}

/// Every row of the screen adds up to exactly the terminal's width (wide
/// characters counted once, with the cells they cover), and every row that
/// starts with a border ends with one: nothing was pushed out of line.
fn assert_aligned(backend: &TestBackend, width: u16) {
    let buffer = backend.buffer();
    for y in 0..buffer.area.height {
        let (mut x, mut row) = (0u16, String::new());
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            row.push_str(symbol);
            x += (symbol.width() as u16).max(1);
        }
        assert_eq!(x, width, "row {y} is misaligned: {row}");
        if row.starts_with('│') {
            assert!(row.ends_with('│'), "border pushed out of line on row {y}: {row}");
        }
    }
}

/// The cell where `word` starts on row `y`, if it is there.
fn column_of(backend: &TestBackend, y: u16, word: &str) -> Option<u16> {
    let buffer = backend.buffer();
    let first = word.chars().next()?.to_string();
    (0..buffer.area.width).find(|&x| {
        buffer[(x, y)].symbol() == first
            && word.chars().enumerate().all(|(i, c)| {
                x + (i as u16) < buffer.area.width && buffer[(x + i as u16, y)].symbol() == c.to_string()
            })
    })
}

#[test]
fn the_sessions_list_keeps_its_columns() {
    let (_dir, archive) = empty_archive();
    for i in 0..ODD.len() {
        storage::save(&archive.dir().join(format!("s{i}.ron")), &odd_session(i)).unwrap();
    }
    let app = app(archive);
    for (w, h) in [(80, 24), (120, 40)] {
        let backend = render(&app, w, h);
        assert_aligned(&backend, w);
        let status_columns: Vec<u16> = (0..h).filter_map(|y| column_of(&backend, y, "Draft")).collect();
        // At 80×24 the list scrolls, so not every session is on screen.
        assert!(status_columns.len() >= 4, "sessions listed: {status_columns:?}");
        assert!(
            status_columns.windows(2).all(|p| p[0] == p[1]),
            "status column moves: {status_columns:?}"
        );
        insta::assert_snapshot!(format!("odd_home_{w}x{h}"), backend);
    }
}

#[test]
fn thousands_of_goals_and_participants_draw_in_every_section() {
    let mut screen = SessionScreen::open("/archive/odd.ron".into(), odd_session(1));
    for key in ['1', 'G', 'p', 'G', 'd', 'l', '2', '3', '4', '5', '6'] {
        let code = if key == 'G' {
            KeyCode::End
        } else {
            KeyCode::Char(key)
        };
        screen.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now());
        for (w, h) in [(80, 24), (120, 40), (200, 60)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal
                .draw(|f| roundtable::ui::session::draw(f, f.area(), &screen, &Theme::plain()))
                .unwrap();
            assert_aligned(terminal.backend(), w);
        }
    }
}
