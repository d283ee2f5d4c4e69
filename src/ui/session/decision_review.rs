//! Drawing the list of decisions due for review: each with where it was
//! taken and when it fell due, the one chosen marked "▸", then the outcome
//! (as words in brackets, not colour alone) and the note being typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::wrap::{truncate, wrap};
use crate::app::session::decision_review::ReviewScreen;
use crate::domain::ReviewOutcome;
use crate::ui::theme::Theme;
use crate::ui::{fields, popup};

pub fn draw(frame: &mut Frame, area: Rect, screen: &ReviewScreen, theme: &Theme) {
    let width = (area.width.min(100) as usize).saturating_sub(4);
    let mut lines = wrap(
        &[Span::styled(
            "Decisions due for review at this session. Choose one (↑↓), say what the review decided (Tab), add a note and press Enter.",
            theme.muted(),
        )],
        width,
    );
    lines.truncate(2);
    lines.push(Line::raw(""));
    // Two lines a decision; the chosen one kept in view.
    let room = (area.height as usize).saturating_sub(lines.len() + 8) / 2;
    let first = screen.row.saturating_sub(room.saturating_sub(1));
    for (i, due) in screen.due.iter().enumerate().skip(first).take(room.max(1)) {
        let here = i == screen.row;
        let marker = if here { "▸ " } else { "  " };
        lines.push(Line::styled(
            truncate(&format!("{marker}{}", due.decision.text.trim()), width),
            if here { theme.title() } else { Style::new() },
        ));
        let review = due
            .decision
            .review_date
            .map(|d| format!("; due since {}", d.format("%-d %b %Y")))
            .unwrap_or_default();
        lines.push(Line::styled(
            truncate(
                &format!(
                    "    Taken at \"{}\" on {}{review}",
                    due.title,
                    due.date.format("%-d %b %Y")
                ),
                width,
            ),
            theme.muted(),
        ));
    }
    lines.push(Line::raw(""));
    let mut outcome = vec![Span::styled("Outcome: ", theme.title())];
    for o in ReviewOutcome::ALL {
        let words = match o {
            ReviewOutcome::Kept => "kept as it stands",
            ReviewOutcome::Changed => "changed",
            ReviewOutcome::Ended => "ended",
        };
        if o == screen.outcome {
            outcome.push(Span::styled(format!("[{words}]"), theme.selected()));
        } else {
            outcome.push(Span::styled(format!(" {words} "), theme.muted()));
        }
        outcome.push(Span::raw("  "));
    }
    lines.push(Line::from(outcome));
    let wanted = lines.len() + 3;
    let (block, rect) = popup::open(
        frame,
        area,
        100,
        wanted as u16,
        Line::styled(" Review a decision ", theme.title()),
        theme.focus_border(),
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let room = inner.height.saturating_sub(1) as usize;
    lines.truncate(room);
    let used = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);
    if used < inner.height {
        let row = Rect::new(inner.x, inner.y + used, inner.width, 1);
        fields::draw_labelled(frame, row, "Note: ", 6, &screen.note, theme);
    }
}
