//! A list of wrapped items with one selected: the selected item is shown in
//! full (reverse video and a ▶ marker, readable without colour), others in
//! at most a few lines, scrolled so the selection is always on screen.

use std::collections::BTreeMap;

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

/// The first item to draw so that `selected` ends on screen: walks up from
/// the selection while the items still fit, so only items near it are
/// measured however long the list.
fn first_visible(selected: usize, height: usize, mut height_of: impl FnMut(usize) -> usize) -> usize {
    let mut start = selected;
    let mut used = height_of(selected);
    while start > 0 {
        let above = height_of(start - 1);
        if used + above > height {
            break;
        }
        used += above;
        start -= 1;
    }
    start
}

/// Draws `len` items, of which only those on screen are built (`item(i)`
/// gives item `i`): a list of thousands costs no more than a screenful.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    len: usize,
    item: impl Fn(usize) -> Item,
    selected: usize,
    theme: &Theme,
) {
    if area.width < 4 || area.height == 0 || len == 0 {
        return;
    }
    let width = area.width as usize - 2;
    let height = area.height as usize;
    let selected = selected.min(len - 1);
    let lay = |i: usize| layout(&item(i), width, if i == selected { height } else { MAX_LINES });
    // Items laid out while finding the first one, kept for drawing.
    let mut laid: BTreeMap<usize, Vec<Line<'static>>> = BTreeMap::new();
    let start = first_visible(selected, height, |i| {
        let lines = lay(i);
        let n = lines.len();
        laid.insert(i, lines);
        n
    });
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut last_shown = start;
    for i in start..len {
        if lines.len() >= height {
            break;
        }
        last_shown = i;
        let item = laid.remove(&i).unwrap_or_else(|| lay(i));
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
    let more_below = last_shown + 1 < len || lines.len() > height;
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
        let two = |_| 2;
        assert_eq!(first_visible(0, 4, two), 0);
        assert_eq!(first_visible(1, 4, two), 0);
        assert_eq!(first_visible(4, 4, two), 3);
        // An item taller than the pane still starts at the top.
        assert_eq!(first_visible(1, 4, |_| 9), 1);
        // Only the items that can share the screen with the selection are
        // measured, however long the list.
        let mut asked = Vec::new();
        first_visible(1_999, 6, |i| {
            asked.push(i);
            2
        });
        assert_eq!(asked, [1_999, 1_998, 1_997, 1_996]);
    }
}
