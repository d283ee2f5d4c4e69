//! The quick-capture line over the bottom of the session screen: the kind,
//! what is typed, and below it how the line will be stored (or the names
//! that match after `@`, or why Enter did not add anything).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Padding, Paragraph};

use super::wrap::truncate;
use crate::app::session::capture::Capture;
use crate::app::session::capture_line::Kind;
use crate::domain::Step;
use crate::ui::theme::Theme;

/// Rows the capture box takes: borders, the line and the note under it.
pub const HEIGHT: u16 = 4;

pub fn draw(frame: &mut Frame, area: Rect, capture: &Capture, step: Step, theme: &Theme) {
    let [_, area] = Layout::vertical([Constraint::Fill(1), Constraint::Length(HEIGHT)]).areas(area);
    frame.render_widget(Clear, area);
    let kinds: Vec<Span> = Kind::ALL
        .iter()
        .flat_map(|k| {
            // The chosen kind is marked by brackets as well as by style.
            let (text, style) = if *k == capture.kind {
                (format!("[{}]", k.label()), theme.title())
            } else {
                (k.label().to_string(), theme.muted())
            };
            [Span::raw(" "), Span::styled(text, style)]
        })
        .collect();
    let mut title = vec![Span::styled(
        format!(" Capture for step {} · {} ", step.number(), step.short()),
        theme.title(),
    )];
    title.extend(kinds);
    title.push(Span::raw(" "));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border())
        .padding(Padding::horizontal(1))
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [line_area, note_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
    let mut editor = capture.field.editor().clone();
    editor.set_cursor_line_style(Style::new());
    editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    frame.render_widget(&editor, line_area);
    let width = usize::from(note_area.width);
    frame.render_widget(Paragraph::new(note(capture, width, theme)), note_area);
}

fn note(capture: &Capture, width: usize, theme: &Theme) -> Line<'static> {
    if let Some(problem) = &capture.problem {
        return Line::styled(truncate(&format!("⚠ {problem}"), width), theme.error());
    }
    let names = capture.suggestions();
    if !names.is_empty() {
        let text = format!("Ctrl-N: {}", names.join(", "));
        return Line::styled(truncate(&text, width), theme.muted());
    }
    let p = capture.parsed();
    let text = if p.text.is_empty() {
        match capture.kind {
            Kind::Action => "Type the action; add @Owner and \"by 10/12/2026\" if known.",
            Kind::Decision => "Type what was agreed.",
            Kind::Parked => "Type the point to come back to; add @Name for who raised it.",
        }
        .to_string()
    } else {
        let mut parts = vec![format!("{}: {}", capture.kind.label(), p.text)];
        let who = if capture.kind == Kind::Action {
            "owner"
        } else {
            "raised by"
        };
        if !p.person.is_empty() {
            parts.push(format!("{who} {}", p.person));
        }
        if let Some(due) = p.due {
            parts.push(format!("due {}", due.format("%a %-d %b %Y")));
        }
        parts.join(" · ")
    };
    Line::styled(truncate(&text, width), theme.muted())
}
