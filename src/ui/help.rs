//! The help overlay: every key of the current screen, from its key table.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::App;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let sections = app.help_sections();
    let key_width = sections
        .iter()
        .flat_map(|s| &s.keys)
        .map(|k| k.keys.width())
        .max()
        .unwrap_or(0);
    let longest = sections
        .iter()
        .flat_map(|s| &s.keys)
        .map(|k| k.help.width())
        .max();
    let natural = (longest.unwrap_or(0) + key_width + 8) as u16;
    let width = natural.max(40).min(area.width.saturating_sub(4).min(90));
    // Border, padding, the key column and the gaps around it.
    let text_width = usize::from(width).saturating_sub(4 + key_width + 4).max(10);
    let mut lines: Vec<Line> = Vec::new();
    for (i, section) in sections.iter().enumerate() {
        if i > 0 {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(section.title.clone(), theme.title()));
        for key in &section.keys {
            for (j, part) in wrap(key.help, text_width).into_iter().enumerate() {
                let keys = if j == 0 { key.keys.as_str() } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("  {keys:<key_width$}  "), theme.key()),
                    Span::raw(part),
                ]));
            }
        }
    }
    let height = (lines.len() as u16 + 2).min(area.height);
    let visible = height.saturating_sub(2);
    let scroll = app.help_scroll.min((lines.len() as u16).saturating_sub(visible));
    let more = if (lines.len() as u16) > visible {
        " ↑↓ scroll "
    } else {
        ""
    };
    // Said when the config file changed some keys, so a facilitator reading
    // someone else's set-up knows why a key is not the usual one.
    let title = if crate::app::key_layer::any() {
        " Help: every key (some set in the config file) "
    } else {
        " Help: every key "
    };
    let title = Line::styled(title, theme.title());
    let (block, rect) = super::popup::open(frame, area, width, height, title, theme.focus_border());
    let block = block.title_bottom(Line::styled(more, theme.muted()).right_aligned());
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block), rect);
}

/// Splits `text` into lines of at most `width` columns at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in text.split_whitespace() {
        let Some(line) = lines.last_mut() else { break };
        if line.is_empty() {
            line.push_str(word);
        } else if line.width() + 1 + word.width() <= width {
            line.push(' ');
            line.push_str(word);
        } else {
            lines.push(word.to_string());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrap("open the selected session", 12),
            ["open the", "selected", "session"]
        );
        assert_eq!(wrap("", 12), [""]);
    }
}
