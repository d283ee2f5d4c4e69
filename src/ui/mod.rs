//! Drawing: one file per screen or widget. Never changes state.

mod action_edit;
mod actions_view;
mod confirm;
mod fields;
mod footer;
mod form;
mod header;
mod help;
mod home;
mod measures_chart;
mod measures_view;
mod merge;
mod next_session;
mod partnership;
mod partnership_attendance;
mod partnership_grid;
mod partnership_health;
mod popup;
pub mod presenter;
mod recovery;
mod sanitize;
mod save_as;
mod search;
pub mod session;
mod sign_off;
mod table;
pub mod theme;
mod timeline;
mod trash_view;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::{App, Screen};

/// Below this the screens cannot show their content legibly.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Draws the whole app for its current state.
pub fn view(app: &App, frame: &mut Frame) {
    app.hits.clear();
    draw(app, frame);
    sanitize::clean(frame.buffer_mut());
}

fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return;
    }
    // The presenter view takes the whole window, for the room.
    if let Screen::Session(screen) = &app.screen
        && let Some(slide) = screen.slide()
    {
        let keys = crate::app::keys::describe(crate::app::presenter::KEYS);
        return presenter::draw(frame, area, &slide, &keys, "", &app.theme);
    }
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(footer::height(app, area.width)),
    ])
    .areas(area);
    header::draw(frame, top, app);
    match &app.screen {
        Screen::Home(home) => home::draw(frame, body, home, app),
        Screen::NewSession(form) => form::draw(frame, body, form, &app.theme),
        Screen::Session(screen) => session::draw_at(frame, body, screen, &app.theme, app.now),
        Screen::Search(state) => search::draw(frame, body, state, app),
        Screen::Actions(state) => actions_view::draw(frame, body, state, app),
        Screen::Measures(state) => measures_view::draw(frame, body, state, &app.theme),
        Screen::NextSession(state) => next_session::draw(frame, body, state, &app.theme),
        Screen::Trash(state) => trash_view::draw(frame, body, state, app),
        Screen::Partnership(state) => partnership::draw(frame, body, state, &app.theme),
        Screen::Merge(state) => merge::draw(frame, body, state, app),
    }
    footer::draw(frame, bottom, app);
    if app.help_open {
        help::draw(frame, body, app);
    }
    if let Some(offer) = app.offers.front() {
        recovery::draw(frame, body, offer, app);
    }
    if let Some(form) = &app.sign_off {
        sign_off::draw(frame, body, form, app);
    }
    if let Some(prompt) = &app.save_as {
        save_as::draw(frame, body, prompt, app);
    }
    if let Some(question) = &app.confirm {
        confirm::draw(frame, body, question, &app.theme);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Please enlarge the terminal to at least {MIN_WIDTH}×{MIN_HEIGHT} (now {}×{})",
        area.width, area.height
    );
    let lines = (text.chars().count() as u16).div_ceil(area.width.max(1));
    let middle = area.centered_vertically(Constraint::Length(lines));
    frame.render_widget(
        Paragraph::new(Line::from(text).centered()).wrap(Wrap { trim: true }),
        middle,
    );
}
