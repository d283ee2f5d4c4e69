//! Drawing the health check: one row per organisation (or anonymous slip),
//! a column per principle, the selected cell marked with brackets (not only
//! by colour), and the spread under the grid as the minutes will give it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::wrap::{truncate, wrap};
use crate::app::session::health_check::HealthScreen;
use crate::domain::Principle;
use crate::ui::theme::Theme;
use crate::ui::{fields, popup};

/// Each principle's column at its widest: room for "Mutual benefit".
const COLUMN: usize = 15;

pub fn draw(frame: &mut Frame, area: Rect, screen: &HealthScreen, theme: &Theme) {
    let check = &screen.check;
    let width = (area.width.min(100) as usize).saturating_sub(4);
    let how = if check.anonymous {
        "Anonymous slips: no names are kept beside the scores. 1 poor … 5 strong; 0 leaves one blank."
    } else {
        "Each organisation present scores the partnership. 1 poor … 5 strong; 0 leaves one blank."
    };
    let mut top = wrap(&[Span::styled(how, theme.muted())], width);
    top.truncate(2);
    // Names keep about 22 columns; the principles share the rest.
    let column = (width.saturating_sub(24) / 4).clamp(7, COLUMN);
    let name_width = width.saturating_sub(4 * column + 2).clamp(6, 28);
    let mut head = vec![Span::raw(format!("  {:name_width$}", ""))];
    for (i, p) in Principle::ALL.iter().enumerate() {
        let style = if i == screen.col {
            theme.title()
        } else {
            theme.muted()
        };
        let label = truncate(p.label(), column.saturating_sub(1));
        head.push(Span::styled(format!("{label:^column$}"), style));
    }
    top.push(Line::from(head));

    let rows: Vec<Line> = check
        .scores
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let here = i == screen.row;
            let name = match row.organisation.trim() {
                "" => format!("Slip {}", i + 1),
                org => org.to_string(),
            };
            let marker = if here { "▸ " } else { "  " };
            let mut spans = vec![Span::styled(
                format!("{marker}{:name_width$}", truncate(&name, name_width)),
                if here { theme.title() } else { Style::new() },
            )];
            for (c, p) in Principle::ALL.iter().enumerate() {
                let value = row.get(*p).map_or("·".to_string(), |v| v.to_string());
                let cell = if here && c == screen.col {
                    format!("[{value}]")
                } else {
                    value
                };
                let style = if here && c == screen.col {
                    theme.selected()
                } else {
                    Style::new()
                };
                spans.push(Span::styled(format!("{cell:^column$}"), style));
            }
            Line::from(spans)
        })
        .collect();

    let mut bottom = vec![Line::raw("")];
    let spread: Vec<String> = Principle::ALL
        .iter()
        .filter_map(|p| {
            let s = check.spread(*p)?;
            Some(format!("{} {} ({})", p.label(), s.mean_words(), s.range_words()))
        })
        .collect();
    if spread.is_empty() {
        bottom.push(Line::styled("No scores yet.", theme.muted()));
    }
    // One principle is never split across lines, so a narrow window shows
    // every mean rather than cutting the last ones off.
    let mut line = "Mean (range):".to_string();
    for (i, part) in spread.iter().enumerate() {
        let joined = if i == 0 {
            format!(" {part}")
        } else {
            format!(" · {part}")
        };
        if i > 0 && line.chars().count() + joined.chars().count() > width {
            bottom.push(Line::styled(truncate(&line, width), theme.muted()));
            line = format!("  {part}");
        } else {
            line.push_str(&joined);
        }
    }
    if !spread.is_empty() {
        bottom.push(Line::styled(truncate(&line, width), theme.muted()));
    }
    let note = if check.note.trim().is_empty() && screen.note.is_none() {
        "Note: none yet (n to write one)".to_string()
    } else {
        format!("Note: {}", check.note.trim())
    };
    if screen.note.is_none() {
        bottom.push(Line::raw(truncate(&note, width)));
    }
    if let Some(e) = &screen.error {
        bottom.push(Line::styled(truncate(&format!("⚠ {e}"), width), theme.error()));
    }
    let writing = screen.note.is_some();

    let wanted = top.len() + rows.len() + bottom.len() + usize::from(writing) + 2;
    let title = if check.anonymous {
        " Partnership health check · anonymous "
    } else {
        " Partnership health check · named "
    };
    let (block, rect) = popup::open(
        frame,
        area,
        100,
        wanted as u16,
        Line::styled(title, theme.title()),
        theme.focus_border(),
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = inner.height as usize;
    let rows_room = room.saturating_sub(top.len() + bottom.len() + usize::from(writing));
    let first = screen.row.saturating_sub(rows_room.saturating_sub(1));
    let mut lines = top;
    lines.extend(rows.into_iter().skip(first).take(rows_room));
    lines.extend(bottom);
    lines.truncate(room);
    let used = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);

    if let Some(field) = &screen.note
        && used < inner.height
    {
        let row = Rect::new(inner.x, inner.y + used, inner.width, 1);
        fields::draw_labelled(frame, row, "Note: ", 6, field, theme);
    }
}
