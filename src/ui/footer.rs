//! The bottom two lines: the last message, then the keys that work now.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::theme::Theme;
use crate::app::App;
use crate::app::keys::KeyHelp;
use crate::app::message::{Message, Tone};

/// Rows the footer needs at `width`: the message wraps onto up to three.
pub fn height(app: &App, width: u16) -> u16 {
    let message = app.message.as_ref().map_or(0, |m| m.text.chars().count() + 3);
    let rows = message.div_ceil(usize::from(width.max(1))).clamp(1, 3);
    rows as u16 + 1
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let [message_area, keys_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    if let Some(message) = &app.message {
        frame.render_widget(
            Paragraph::new(message_line(message, &app.theme)).wrap(Wrap { trim: true }),
            message_area,
        );
    }
    frame.render_widget(
        Paragraph::new(keys_line(&app.active_keys(), &app.theme)),
        keys_area,
    );
}

fn message_line<'a>(message: &'a Message, theme: &Theme) -> Line<'a> {
    let (symbol, style) = match message.tone {
        Tone::Info => ("ℹ", theme.muted()),
        Tone::Success => ("✓", theme.success()),
        Tone::Error => ("⚠", theme.error()),
    };
    Line::from(vec![
        Span::styled(format!(" {symbol} "), style),
        Span::styled(message.text.as_str(), style),
    ])
}

/// `Enter open · n new session · …` from the bindings shown in footers.
pub fn keys_line(keys: &[KeyHelp], theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (i, key) in keys.iter().filter(|k| k.in_footer).enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme.muted()));
        }
        spans.push(Span::styled(key.keys.clone(), theme.key()));
        spans.push(Span::raw(format!(" {}", key.label)));
    }
    Line::from(spans)
}
