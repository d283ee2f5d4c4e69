//! The step navigator on the left: the six steps, then what runs through
//! them, each with the key that goes there and how many items it holds;
//! then the keys for the session as a whole and for running the room
//! (minutes, final, clock, plan, presenter, capture, go-round, vote, consent).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::wrap::truncate;
use crate::app::session::SessionScreen;
use crate::app::session::keys::{BrowseAction, browse_key};
use crate::app::session::section::Section;
use crate::domain::SessionStatus;
use crate::ui::theme::Theme;

/// Columns the navigator takes, border included.
pub const WIDTH: u16 = 28;

fn count(screen: &SessionScreen, section: Section) -> usize {
    let s = &screen.session;
    match section {
        Section::Step(step) => s.step_item_count(step),
        Section::Participants => s.participants.len(),
        Section::Decisions => s.decisions.len() + s.actions.len(),
        Section::ParkingLot => s.parking_lot.len(),
    }
}

/// The key that goes to `section`, from the session's key table.
fn section_key(section: Section) -> String {
    let action = match section {
        Section::Step(step) => return step.number().to_string(),
        Section::Participants => BrowseAction::Participants,
        Section::Decisions => BrowseAction::Decisions,
        Section::ParkingLot => BrowseAction::ParkingLot,
    };
    browse_key(action).map(|(key, _)| key).unwrap_or_default()
}

fn row(screen: &SessionScreen, section: Section, width: usize, theme: &Theme) -> Line<'static> {
    let selected = screen.nav.section == section;
    let key = section_key(section);
    let n = count(screen, section);
    let n = if n == 0 { String::new() } else { n.to_string() };
    let marker = if selected { "▶" } else { " " };
    // Marker and space, key and space, at least a space before the count,
    // and one after it, clear of the border.
    let room = width.saturating_sub(key.width() + n.width() + 5);
    let name = truncate(section.label(), room);
    let pad = width.saturating_sub(2 + key.width() + 1 + name.width() + n.width() + 1);
    let style = if selected {
        theme.selected()
    } else {
        Default::default()
    };
    Line::from(vec![
        Span::styled(format!("{marker} "), style),
        Span::styled(key, if selected { style } else { theme.key() }),
        Span::styled(format!(" {name}{}{n} ", " ".repeat(pad)), style),
    ])
}

/// The keys for the whole session and for running the room, in the order
/// a facilitator reaches for them. The footer keeps to the selected item,
/// so these are shown here, each only where it works right now.
const SESSION_KEYS: [BrowseAction; 9] = [
    BrowseAction::Export,
    BrowseAction::Status,
    BrowseAction::Clock,
    BrowseAction::Plan,
    BrowseAction::Present,
    BrowseAction::Capture,
    BrowseAction::Round,
    BrowseAction::DotVote,
    BrowseAction::ConsentCheck,
];

/// "m minutes", "F mark final"…: each key with its label from the key table.
fn session_keys(screen: &SessionScreen) -> Vec<(String, String)> {
    SESSION_KEYS
        .iter()
        .filter(|a| screen.browse_available(**a))
        .filter_map(|a| {
            let (key, label) = browse_key(*a)?;
            let label = match a {
                BrowseAction::Status if screen.session.status == SessionStatus::Final => "back in progress",
                BrowseAction::ConsentCheck => "consent",
                _ => label,
            };
            Some((key, label.to_string()))
        })
        .collect()
}

/// Packs `keys` into as few lines as fit `width`, two spaces apart.
fn packed(keys: Vec<(String, String)>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut used = usize::MAX;
    for (key, label) in keys {
        let label = truncate(&label, width.saturating_sub(key.width() + 3));
        let need = 2 + key.width() + 1 + label.width();
        if used.saturating_add(need) > width {
            lines.push(Line::default());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            line.spans.push(Span::raw("  "));
            line.spans.push(Span::styled(key, theme.key()));
            line.spans.push(Span::raw(format!(" {label}")));
        }
        used += need;
    }
    lines
}

pub fn draw(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) {
    let block = Block::new().borders(Borders::RIGHT).border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    screen.hits.steps_drawn(inner);
    let width = inner.width as usize;
    let mut lines = vec![Line::styled(" Steps", theme.title())];
    for section in &Section::ALL[..6] {
        lines.push(row(screen, *section, width, theme));
    }
    lines.push(Line::styled(" Throughout", theme.title()));
    for section in &Section::ALL[6..] {
        lines.push(row(screen, *section, width, theme));
    }
    let session = packed(session_keys(screen), width, theme);
    if inner.height as usize >= lines.len() + 2 + session.len() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(" Session", theme.title()));
        lines.extend(session);
    }
    let quiet: Vec<&str> = screen
        .session
        .present()
        .filter(|p| p.contributions == 0)
        .map(|p| p.name.as_str())
        .collect();
    if !quiet.is_empty() && inner.height as usize > lines.len() + 2 {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(" Not heard yet: {}", quiet.len()),
            theme.warning(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
