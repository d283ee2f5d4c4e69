//! Text cut and padded to columns, for the screens that lay out their own
//! rows (timeline, search results, actions, measures).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, BorderType};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;

/// `text` cut to `width` columns, ending in "…" when cut. Tabs and control
/// characters are made visible first, so what is measured is what is drawn.
pub fn fit(text: &str, width: usize) -> String {
    let text = crate::domain::clean_for_terminal(text);
    let text = text.as_ref();
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.width().unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.trim_end().to_string() + "…"
}

/// `text` cut to `width` and padded with spaces to exactly `width`.
pub fn cell(text: &str, width: usize) -> String {
    let text = fit(text, width);
    let pad = width.saturating_sub(text.width());
    text + &" ".repeat(pad)
}

/// `text` right-aligned in `width` columns.
pub fn right(text: &str, width: usize) -> String {
    let text = fit(text, width);
    " ".repeat(width.saturating_sub(text.width())) + &text
}

/// The widths `constraints` give in `total` columns, one space apart.
pub fn widths(constraints: &[Constraint], total: u16) -> Vec<usize> {
    Layout::horizontal(constraints.to_vec())
        .spacing(1)
        .split(Rect::new(0, 0, total, 1))
        .iter()
        .map(|r| usize::from(r.width))
        .collect()
}

/// The first row to draw so that row `selected` shows in `height` rows.
pub fn scroll(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

/// Draws the rounded border a table sits in and returns the room inside.
pub fn boxed(frame: &mut Frame, area: Rect, theme: &Theme) -> Rect {
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(fit("Monthly review: data and next steps", 16), "Monthly review:…");
        assert_eq!(fit("Short", 16), "Short");
        assert_eq!(fit("Café", 4), "Café");
        assert_eq!(cell("ab", 4), "ab  ");
        assert_eq!(right("7", 3), "  7");
    }
}
