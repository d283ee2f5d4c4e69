//! The plan screen: each part's time box, what was spent on it, and which
//! part is on now, drawn over the session's body.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::app::session::SessionScreen;
use crate::domain::{duration_words, left_words};
use crate::ui::table::{cell, right};
use crate::ui::theme::Theme;

const HEADINGS: [&str; 3] = ["Planned", "Spent", "Left"];

/// Each number column, two spaces before it included.
const COLUMN: usize = 12;

pub fn draw(frame: &mut Frame, area: Rect, screen: &SessionScreen, now: DateTime<Utc>, theme: &Theme) {
    let plan = &screen.session.plan;
    let selected = screen.plan_view.map_or(0, |v| v.row);
    frame.render_widget(Clear, area);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.focus_border())
        .title(Span::styled(" Plan ", theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [intro, table, totals] =
        Layout::vertical([Constraint::Length(2), Constraint::Fill(1), Constraint::Length(2)]).areas(inner);
    let hint = if plan.is_running() {
        "The clock counts for the part on now. Moving to a step in the session puts that step on now; Enter here puts the opening, a break or the close on."
    } else {
        "Each part's minutes can change before or during the meeting. t starts the clock."
    };
    frame.render_widget(
        Paragraph::new(Span::styled(hint, theme.muted())).wrap(Wrap { trim: true }),
        intro.inner(Margin::new(1, 0)),
    );

    let width = usize::from(table.width);
    // Marker, name, then four right-aligned columns.
    let name_width = width.saturating_sub(2 + 3 * COLUMN + 2 + 9).clamp(8, 30);
    let mut lines = vec![Line::styled(
        format!(
            "  {}{}",
            cell("Part", name_width),
            HEADINGS.iter().map(|h| right(h, COLUMN)).collect::<String>()
        ),
        theme.title(),
    )];
    let rows = usize::from(table.height).saturating_sub(1).max(1);
    let first = selected.saturating_sub(rows - 1);
    for (i, slot) in plan.slots.iter().enumerate().skip(first).take(rows) {
        let is_current = plan.current == Some(i);
        let spent = plan.spent_at(i, now);
        let planned = match slot.extended {
            0 => format!("{} min", slot.minutes),
            extra => format!("{}+{extra} min", slot.minutes),
        };
        let left = if spent == 0 && !is_current {
            String::new()
        } else {
            left_words(slot.allowed() - spent).replace(" left", "")
        };
        let state = match (is_current, plan.is_running()) {
            (true, true) => "▶ on now",
            (true, false) => "on now",
            _ => "",
        };
        let spent = if spent == 0 {
            String::new()
        } else {
            duration_words(spent)
        };
        let marker = if i == selected { "› " } else { "  " };
        let text = format!(
            "{marker}{}{}{}{}  {}",
            cell(&slot.part.label(), name_width),
            right(&planned, COLUMN),
            right(&spent, COLUMN),
            right(&left, COLUMN),
            cell(state, 9),
        );
        let over = is_current && slot.allowed() <= plan.spent_at(i, now);
        let style = if i == selected {
            theme.selected()
        } else if over {
            theme.error()
        } else {
            Default::default()
        };
        lines.push(Line::styled(text, style));
    }
    frame.render_widget(Paragraph::new(lines), table);

    let spent: i64 = (0..plan.slots.len()).map(|i| plan.spent_at(i, now)).sum();
    let total = format!(
        " In all: {} planned, {} spent.",
        duration_words(i64::from(plan.total_minutes()) * 60),
        duration_words(spent)
    );
    let message = screen.message.clone().unwrap_or_default();
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(total, theme.title()),
            Line::styled(format!(" {message}"), theme.muted()),
        ]),
        totals,
    );
}
