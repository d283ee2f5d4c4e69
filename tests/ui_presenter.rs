#![allow(clippy::unwrap_used)]
//! The presenter view (`S` or F5): what the room looks at, readable from the
//! back at 80×24, and private things only when the facilitator chooses.

#[allow(unused_macros)]
mod ui_session_fixture;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::keys::describe;
use roundtable::app::presenter;
use roundtable::app::session::SessionScreen;
use roundtable::ui::theme::Theme;
use ui_session_fixture::{keys, now, screen_after};

fn press(screen: &mut SessionScreen, code: KeyCode) {
    screen.handle_key(KeyEvent::new(code, KeyModifiers::NONE), now());
}

fn render(screen: &SessionScreen, w: u16, h: u16) -> TestBackend {
    let slide = screen.slide().expect("the presenter view is open");
    let keys = describe(presenter::KEYS);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| roundtable::ui::presenter::draw(f, f.area(), &slide, &keys, "", &Theme::plain()))
        .unwrap();
    terminal.backend().clone()
}

fn snap(name: &str, screen: &SessionScreen) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), render(screen, w, h));
    }
}

#[test]
fn s_and_f5_open_it_and_esc_goes_back() {
    let mut s = screen_after(&keys("3"));
    press(&mut s, KeyCode::Char('S'));
    assert_eq!(s.slide().unwrap().step, roundtable::domain::Step::Activities);
    // Keys that would change the session do nothing while presenting.
    let before = s.session.clone();
    for c in "axu+".chars() {
        press(&mut s, KeyCode::Char(c));
    }
    assert_eq!(s.session, before);
    press(&mut s, KeyCode::Esc);
    assert!(s.presenter.is_none());
    press(&mut s, KeyCode::F(5));
    assert!(s.presenter.is_some());
    press(&mut s, KeyCode::F(5));
    assert!(s.presenter.is_none());
}

#[test]
fn goals_with_support() {
    snap("presenter_goals", &screen_after(&keys("S")));
}

#[test]
fn vision_and_consent_without_names() {
    let screen = screen_after(&keys("2S"));
    let text = render(&screen, 80, 24).to_string();
    assert!(
        !text.contains("City Council"),
        "who dissented stays private: {text}"
    );
    snap("presenter_vision", &screen);
}

#[test]
fn private_notes_and_concerns_when_chosen() {
    let mut screen = screen_after(&keys("2S"));
    screen.session.set_note(
        roundtable::domain::Step::Vision,
        "Check with Sam before the vote".into(),
    );
    press(&mut screen, KeyCode::Char('p'));
    let text = render(&screen, 80, 24).to_string();
    assert!(
        text.contains("PRIVATE NOTES SHOWN") && text.contains("City Council"),
        "{text}"
    );
    snap("presenter_private", &screen);
}

/// How the hooks the clock, votes and consent checks will fill are drawn,
/// from a slide built by hand (the session records none of them yet).
#[test]
fn clock_tally_and_consent_panels() {
    use presenter::{Panel, Slide};
    let slide = Slide {
        title: "Eastside partnership — second session".into(),
        step: roundtable::domain::Step::Activities,
        question: "Which activities should we start first?".into(),
        panels: vec![
            Panel::Clock("4 min over · 38 min left in the session".into()),
            Panel::Tally(vec![
                ("Saturday drop-in".into(), 9),
                ("Translated leaflets".into(), 6),
                ("School gate stall".into(), 6),
            ]),
            Panel::Consent("Agreed by 9 organisations; 1 stood aside".into()),
        ],
        private: false,
    };
    let keys = describe(presenter::KEYS);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| roundtable::ui::presenter::draw(f, f.area(), &slide, &keys, "", &Theme::plain()))
        .unwrap();
    insta::assert_snapshot!("presenter_hooks_80x24", terminal.backend());
}
