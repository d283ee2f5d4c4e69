//! The search screen: the query line, then the results, best first: the
//! session and where in it, and the matching text with the words found
//! shown bold and reversed (which needs no colour).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Padding, Paragraph, Wrap};

use super::table::{fit, scroll};
use super::theme::Theme;
use crate::app::App;
use crate::app::message::count;
use crate::app::search::SearchState;
use crate::domain::Hit;

/// Each result takes a line for where and a line for what.
const ROWS_PER_HIT: usize = 2;

pub fn draw(frame: &mut Frame, area: Rect, state: &SearchState, app: &App) {
    let theme = &app.theme;
    let [query_area, summary_area, results_area] =
        Layout::vertical([Constraint::Length(3), Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.focus_border())
        .padding(Padding::horizontal(1))
        .title(Line::styled(" Search every session ", theme.title()));
    let mut editor = state.query.editor().clone();
    editor.set_cursor_line_style(Style::new());
    editor.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
    editor.set_block(block);
    frame.render_widget(&editor, query_area);

    let text = state.text();
    let query = text.trim();
    let summary = if let Some(words) = state.reading_words() {
        words
    } else if query.is_empty() {
        "Type a word or two: titles, people, organisations, goals, the vision, decisions, actions and notes \
         are searched."
            .to_string()
    } else if state.hits.is_empty() {
        format!("Nothing found for “{query}”: try fewer or shorter words.")
    } else {
        format!(
            "{} for “{query}”, best first",
            count(state.hits.len(), "result", "results")
        )
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {summary}"), theme.muted())).wrap(Wrap { trim: false }),
        summary_area,
    );

    let width = usize::from(results_area.width);
    let visible = usize::from(results_area.height) / ROWS_PER_HIT;
    let offset = scroll(state.selected, visible);
    app.hits.list_drawn(crate::app::mouse::Drawn {
        rows: results_area,
        first: offset,
        per_item: ROWS_PER_HIT as u16,
        len: state.hits.len(),
    });
    // Only the results on screen are made into text and snippets.
    let end = state.hits.len().min(offset + visible);
    let mut lines: Vec<Line> = Vec::new();
    for i in offset..end {
        if let Some(hit) = state.hit(i) {
            lines.extend(result(state, &hit, i == state.selected, width, theme));
        }
    }
    frame.render_widget(Paragraph::new(lines), results_area);
}

fn result(state: &SearchState, hit: &Hit, selected: bool, width: usize, theme: &Theme) -> [Line<'static>; 2] {
    let (date, title) = state
        .loaded
        .sessions
        .get(hit.session)
        .map(|s| (s.date.format("%Y-%m-%d").to_string(), s.title.as_str()))
        .unwrap_or_default();
    let marker = if selected { "▶" } else { " " };
    let place = hit.section.label();
    let head = fit(&format!("{marker} {date}  {title}  · {place}"), width);
    let head = if selected {
        Line::styled(head, theme.selected())
    } else {
        Line::styled(head, theme.title())
    };
    [head, snippet(hit, width, theme)]
}

/// The snippet indented under its heading, the match bold and reversed,
/// cut between words to fit (see `Hit::fitted`).
fn snippet(hit: &Hit, width: usize, theme: &Theme) -> Line<'static> {
    let (before, matched, after) = hit.fitted(width.saturating_sub(4));
    let mark = Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED);
    Line::from(vec![
        Span::raw("    "),
        Span::styled(before, theme.muted()),
        Span::styled(matched, mark),
        Span::styled(after, theme.muted()),
    ])
}
