//! The bottom lines: the last message, then the keys that work now.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::session::wrap::{limit, wrap};
use super::theme::Theme;
use crate::app::App;
use crate::app::keys::KeyHelp;
use crate::app::message::{Message, Tone};

/// At most this many rows each for the message and the keys.
const MAX_MESSAGE_ROWS: usize = 3;
const MAX_KEY_ROWS: usize = 2;

/// Rows the footer needs at `width`.
pub fn height(app: &App, width: u16) -> u16 {
    let message_rows = app
        .message
        .as_ref()
        .map_or(1, |m| message_lines(m, &app.theme, width).len());
    let key_rows = key_lines(&app.active_keys(), &app.theme, width).len();
    (message_rows + key_rows) as u16
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let keys = key_lines(&app.active_keys(), &app.theme, area.width);
    let [message_area, keys_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(keys.len() as u16)]).areas(area);
    if let Some(message) = &app.message {
        frame.render_widget(
            Paragraph::new(message_lines(message, &app.theme, area.width)),
            message_area,
        );
    }
    frame.render_widget(Paragraph::new(keys), keys_area);
}

/// Where the message text starts: after " ✓ ".
const INDENT: &str = "   ";

/// The message wrapped between words, each further line indented under
/// the text rather than the symbol, at most `MAX_MESSAGE_ROWS` lines.
fn message_lines(message: &Message, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let (symbol, style) = match message.tone {
        Tone::Info => ("•", theme.muted()),
        Tone::Success => ("✓", theme.success()),
        Tone::Error => ("⚠", theme.error()),
    };
    let room = usize::from(width).saturating_sub(INDENT.len()).max(1);
    let body = wrap(&[Span::styled(message.text.clone(), style)], room);
    limit(body, MAX_MESSAGE_ROWS, room)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let lead = if i == 0 {
                format!(" {symbol} ")
            } else {
                INDENT.to_string()
            };
            let mut spans = vec![Span::styled(lead, style)];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

/// `Enter open · n new session · …` from the bindings shown in footers,
/// packed into as few lines as fit `width` without splitting a key from
/// its label.
fn key_lines(keys: &[KeyHelp], theme: &Theme, width: u16) -> Vec<Line<'static>> {
    const GAP: &str = " · ";
    let mut lines: Vec<Line> = vec![Line::raw(" ")];
    for key in keys.iter().filter(|k| k.in_footer) {
        let item_width = key.keys.chars().count() + 1 + key.label.chars().count();
        let Some(line) = lines.last_mut() else { break };
        let fresh = line.width() <= 1;
        if !fresh && line.width() + GAP.chars().count() + item_width > usize::from(width) {
            if lines.len() == MAX_KEY_ROWS {
                break;
            }
            lines.push(Line::raw(" "));
        } else if !fresh {
            line.push_span(Span::styled(GAP, theme.muted()));
        }
        let Some(line) = lines.last_mut() else { break };
        line.push_span(Span::styled(key.keys.clone(), theme.key()));
        line.push_span(Span::raw(format!(" {}", key.label)));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(keys: &str, label: &'static str) -> KeyHelp {
        KeyHelp {
            keys: keys.into(),
            label,
            help: "",
            in_footer: true,
        }
    }

    #[test]
    fn a_long_message_wraps_under_its_text_not_its_symbol() {
        let message = Message::error("Could not save: the disk is full. Free some space, then press Ctrl-S.");
        let text: Vec<String> = message_lines(&message, &Theme::plain(), 30)
            .iter()
            .map(|l| l.to_string())
            .collect();
        assert_eq!(
            text,
            [
                " ⚠ Could not save: the disk is",
                "   full. Free some space, then",
                "   press Ctrl-S.",
            ]
        );
        let short = Message::success("Saved");
        assert_eq!(message_lines(&short, &Theme::plain(), 30).len(), 1);
    }

    #[test]
    fn keys_wrap_between_items_and_stop_at_two_lines() {
        let keys = vec![key("Ctrl-S", "save"), key("Esc", "back"), key("q", "quit")];
        let text = |lines: &[Line]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
        let wide = key_lines(&keys, &Theme::plain(), 80);
        assert_eq!(text(&wide), [" Ctrl-S save · Esc back · q quit"]);
        let narrow = key_lines(&keys, &Theme::plain(), 16);
        assert_eq!(text(&narrow), [" Ctrl-S save", " Esc back"]);
    }
}
