//! The home screen's timeline: each partnership as a heading with its
//! sessions under it, newest first; ● marks the selected session.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::table::{self, cell, right, scroll, widths};
use super::theme::Theme;
use crate::app::home::HomeState;
use crate::app::message::count;
use crate::app::mouse::Drawn;
use crate::app::timeline::Group;

/// From this width there is room for how many people came.
const WIDE: u16 = 110;

/// Returns where its lines went, for clicks (a group's heading is a line
/// too; see `app::mouse`).
pub fn draw(frame: &mut Frame, area: Rect, home: &HomeState, theme: &Theme) -> Drawn {
    let inner = table::boxed(frame, area, theme);
    let wide = area.width >= WIDE;
    let mut constraints = vec![Constraint::Length(1), Constraint::Length(10), Constraint::Fill(1)];
    let mut header = vec!["", "Date", "Session"];
    if wide {
        constraints.push(Constraint::Length(6));
        header.push("People");
    }
    constraints.extend([11, 9, 12].map(Constraint::Length));
    header.extend(["Status", "Decisions", "Open actions"]);
    let cols = widths(&constraints, inner.width.saturating_sub(2)); // a space before the border
    // Where each line comes from, cheap to list for the whole archive; only
    // the lines in view are then written out.
    let mut lines: Vec<(&Group, Option<usize>)> = Vec::new();
    let mut selected_line = 0;
    for group in home.groups.iter() {
        lines.push((group, None));
        for &i in &group.entries {
            if i == home.selected {
                selected_line = lines.len();
            }
            lines.push((group, Some(i)));
        }
    }
    let head = Line::styled(format!(" {}", join(&header, &cols)), theme.title());
    let height = usize::from(inner.height.saturating_sub(1));
    let offset = scroll(selected_line, height);
    // Keep the heading of a group in view with its first session.
    let offset = if offset > 0 && offset == selected_line {
        offset - 1
    } else {
        offset
    };
    let drawn = Drawn {
        rows: Rect::new(inner.x, inner.y + 1, inner.width, height as u16),
        first: offset,
        per_item: 1,
        len: lines.len(),
    };
    let mut shown = vec![head];
    shown.extend(
        lines
            .into_iter()
            .skip(offset)
            .take(height)
            .map(|(group, entry)| match entry {
                None => heading(group, theme),
                Some(i) => row(home, i, &group.name, wide, &cols, theme),
            }),
    );
    frame.render_widget(Paragraph::new(shown), inner);
    drawn
}

/// The cells padded to their columns; counts (people, decisions, open
/// actions) right-aligned, status left.
fn join(cells: &[&str], cols: &[usize]) -> String {
    let status = cells.len() - 3;
    cells
        .iter()
        .zip(cols)
        .enumerate()
        .map(|(i, (c, w))| {
            if i > 2 && i != status {
                right(c, *w)
            } else {
                cell(c, *w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn heading<'a>(group: &Group, theme: &Theme) -> Line<'a> {
    let sessions = if group.unreadable {
        count(group.files, "file", "files")
    } else {
        count(group.files, "session", "sessions")
    };
    let span = match group.dates {
        Some((first, last)) if first != last => {
            format!(", {} to {}", first.format("%b %Y"), last.format("%b %Y"))
        }
        Some((only, _)) => format!(", {}", only.format("%b %Y")),
        None => String::new(),
    };
    let style = if group.unreadable {
        theme.error()
    } else {
        theme.title()
    };
    Line::from(vec![
        Span::styled(
            format!(" {}", crate::domain::clean_for_terminal(&group.name)),
            style,
        ),
        Span::styled(format!("  · {sessions}{span}"), theme.muted()),
    ])
}

/// The title without a leading "Level Ground — " when the heading above
/// already names the partnership ("Level Ground — launch" reads "Launch").
fn short_title(title: &str, partnership: &str) -> String {
    match title.split_once(" — ") {
        Some((head, rest)) if !rest.trim().is_empty() && partnership.starts_with(head.trim()) => {
            let mut chars = rest.trim().chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
        _ => title.to_string(),
    }
}

fn row<'a>(home: &HomeState, i: usize, group: &str, wide: bool, cols: &[usize], theme: &Theme) -> Line<'a> {
    let entry = &home.entries[i];
    let selected = i == home.selected;
    let marker = if selected { "●" } else { "○" };
    let mut cells: Vec<String> = vec![marker.into()];
    let style = match &entry.card {
        Ok(s) => {
            cells.push(s.date.format("%Y-%m-%d").to_string());
            cells.push(crate::sync::copies::marked_title(
                &entry.path,
                &short_title(&s.title, group),
            ));
            if wide {
                cells.push(s.participants.to_string());
            }
            cells.push(s.status.label().to_string());
            cells.push(s.decisions.to_string());
            cells.push(s.open_actions.to_string());
            Style::new()
        }
        Err(_) => {
            cells.push("?".into());
            cells.push(format!("⚠ {}", entry.file_name()));
            if wide {
                cells.push(String::new());
            }
            cells.extend(["Unreadable".to_string(), String::new(), String::new()]);
            theme.error()
        }
    };
    let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
    let text = format!(" {}", join(&refs, cols));
    let style = if selected { theme.selected() } else { style };
    Line::styled(text, style)
}

#[cfg(test)]
mod tests {
    use super::short_title;

    #[test]
    fn the_partnership_is_not_repeated_in_titles() {
        assert_eq!(
            short_title("Level Ground — launch", "Level Ground Partnership"),
            "Launch"
        );
        assert_eq!(short_title("Other — launch", "Level Ground"), "Other — launch");
        assert_eq!(short_title("Level Ground — ", "Level Ground"), "Level Ground — ");
    }
}
