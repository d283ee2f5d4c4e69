//! A list of wrapped items with one selected: the selected item is shown in
//! full (reverse video and a ▶ marker, readable without colour), others in
//! at most a few lines, scrolled so the selection is always on screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::wrap::{limit, wrap};
use crate::ui::theme::Theme;

/// One item: paragraphs of styled text, each wrapped on its own.
pub type Item = Vec<Vec<Span<'static>>>;

/// Lines an unselected item may take before it is cut short.
const MAX_LINES: usize = 3;

fn layout(item: &Item, width: usize, max: usize) -> Vec<Line<'static>> {
    let lines: Vec<Line<'static>> = item.iter().flat_map(|p| wrap(p, width)).collect();
    limit(lines, max, width)
}

/// The first item to draw so that `selected` ends on screen.
fn first_visible(heights: &[usize], selected: usize, height: usize) -> usize {
    let mut start = 0;
    while start < selected && heights[start..=selected].iter().sum::<usize>() > height {
        start += 1;
    }
    start
}

pub fn render(frame: &mut Frame, area: Rect, items: &[Item], selected: usize, theme: &Theme) {
    if area.width < 4 || area.height == 0 || items.is_empty() {
        return;
    }
    let width = area.width as usize - 2;
    let height = area.height as usize;
    let selected = selected.min(items.len() - 1);
    let laid: Vec<Vec<Line<'static>>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| layout(item, width, if i == selected { height } else { MAX_LINES }))
        .collect();
    let heights: Vec<usize> = laid.iter().map(Vec::len).collect();
    let start = first_visible(&heights, selected, height);
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut last_shown = start;
    for (i, item) in laid.into_iter().enumerate().skip(start) {
        if lines.len() >= height {
            break;
        }
        last_shown = i;
        let is_selected = i == selected;
        for (n, line) in item.into_iter().enumerate() {
            let marker = match (n, is_selected) {
                (0, true) => "▶ ",
                (0, false) => "• ",
                _ => "  ",
            };
            let mut spans = vec![Span::raw(marker)];
            spans.extend(line.spans);
            let mut line = Line::from(spans);
            if is_selected {
                let pad = (width + 2).saturating_sub(line.width());
                line.spans.push(Span::raw(" ".repeat(pad)));
                line = line.patch_style(theme.selected());
            }
            lines.push(line);
        }
    }
    let more_below = last_shown + 1 < items.len() || lines.len() > height;
    lines.truncate(height);
    frame.render_widget(Paragraph::new(lines), area);
    let corner = |y: u16, mark: &str, frame: &mut Frame| {
        let at = Rect::new(area.right() - 1, y, 1, 1);
        frame.render_widget(Paragraph::new(mark.to_string()).style(theme.key()), at);
    };
    if start > 0 {
        corner(area.y, "↑", frame);
    }
    if more_below {
        corner(area.bottom() - 1, "↓", frame);
    }
}

/// A centred hint shown instead of an empty list.
pub fn empty(frame: &mut Frame, area: Rect, hint: &str, theme: &Theme) {
    let width = area.width.saturating_sub(2) as usize;
    let lines = wrap(&[Span::styled(hint.to_string(), theme.muted())], width);
    let top = area.height.saturating_sub(lines.len() as u16) / 3;
    let area = Rect::new(
        area.x + 1,
        area.y + top,
        area.width.saturating_sub(2),
        area.height - top,
    );
    let lines: Vec<Line> = lines.into_iter().map(|l| l.centered()).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

#[cfg(test)]
mod tests {
    use super::first_visible;

    #[test]
    fn selection_scrolls_into_view() {
        let heights = [2, 2, 2, 2, 2];
        assert_eq!(first_visible(&heights, 0, 4), 0);
        assert_eq!(first_visible(&heights, 1, 4), 0);
        assert_eq!(first_visible(&heights, 4, 4), 3);
        // An item taller than the pane still starts at the top.
        assert_eq!(first_visible(&[9, 9], 1, 4), 1);
    }
}
