//! The home screen and a session screen in each theme, with their styles:
//! the buffer's debug form lists each run of cells' colours and emphasis,
//! so a colour that changes shows in the snapshot.
#![allow(clippy::unwrap_used)]

mod ui_support;

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use roundtable::app::App;
use roundtable::ui::theme::{Palette, Theme};
use ui_support::*;

fn snap_styles(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        let backend = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), format!("{:?}", backend.buffer()));
    }
}

fn themed(palette: Palette) -> (tempfile::TempDir, App) {
    let (dir, archive) = archive_with_sessions();
    let mut app = app(archive);
    app.theme = Theme { color: true, palette };
    (dir, app)
}

#[test]
fn home_and_session_in_each_theme() {
    for palette in Palette::ALL {
        let (_dir, mut app) = themed(palette);
        snap_styles(&format!("home_{palette}"), &app);
        press(&mut app, KeyCode::Enter);
        snap_styles(&format!("session_{palette}"), &app);
    }
}

/// Light grey and yellow vanish on a light background: the light theme
/// uses neither, and high contrast uses only the terminal's own colours
/// (apart from reverse video).
#[test]
fn no_pale_colours_outside_the_dark_theme() {
    for palette in [Palette::Light, Palette::HighContrast] {
        let (_dir, mut app) = themed(palette);
        press(&mut app, KeyCode::Enter);
        for backend in [render(&app, 120, 40), {
            press(&mut app, KeyCode::Esc);
            render(&app, 120, 40)
        }] {
            for cell in backend.buffer().content() {
                let pale = [
                    Color::Gray,
                    Color::Yellow,
                    Color::LightYellow,
                    Color::White,
                    Color::DarkGray,
                ];
                assert!(
                    !pale.contains(&cell.fg),
                    "{palette}: {:?} on {:?}",
                    cell.fg,
                    cell.symbol()
                );
                if palette == Palette::HighContrast {
                    assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{palette}");
                }
            }
        }
    }
}

/// `t` on the home screen cycles the themes and says which is on.
#[test]
fn t_cycles_the_theme() {
    let (_dir, mut app) = themed(Palette::Dark);
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.theme.palette, Palette::Light);
    let text = app.message.as_ref().unwrap().text.clone();
    assert!(text.contains("Theme: light"), "{text}");
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('t'));
    assert_eq!(app.theme.palette, Palette::Dark);
    assert!(
        app.state_file.is_none(),
        "tests never write the user's state file"
    );
}
