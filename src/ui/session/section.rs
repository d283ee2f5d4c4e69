//! The right-hand pane: the section heading, guidance, the list tabs, the
//! selected list, the step's notes and a line of feedback.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::wrap::{limit, truncate, wrap, wrap_limited};
use super::{guide, list, rows, voices};
use crate::app::session::SessionScreen;
use crate::app::session::items;
use crate::app::session::section::ListKind;
use crate::ui::theme::Theme;

/// The tabs of a section's lists, the active one bracketed (visible without
/// colour) and highlighted.
fn tabs(screen: &SessionScreen, width: usize, theme: &Theme) -> Line<'static> {
    let section = screen.nav.section;
    let mut spans = vec![Span::raw(" ")];
    for (i, kind) in section.lists().iter().enumerate() {
        let n = items::len(&screen.session, screen.nav.list_ref(*kind));
        let count = if kind.is_fixed() {
            String::new()
        } else {
            format!(" {n}")
        };
        if i > 0 {
            spans.push(Span::styled(" · ", theme.border()));
        }
        if i == screen.nav.tab() {
            spans.push(Span::styled(
                format!("[{}{count}]", kind.title()),
                theme.selected(),
            ));
        } else {
            spans.push(Span::raw(format!("{}{count}", kind.title())));
        }
    }
    let hint = "  Tab: switch ";
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    if section.lists().len() > 1 && used + hint.width() < width {
        spans.push(Span::styled(hint, theme.muted()));
    } else {
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// A line or two under the tabs that says what the list is about.
fn context(screen: &SessionScreen, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let s = &screen.session;
    match screen.nav.list() {
        ListKind::Measures => {
            let row = screen.nav.selected(ListKind::Activities);
            match s.activities.get(row) {
                Some(a) => {
                    let title = if a.title.is_empty() {
                        "(untitled activity)"
                    } else {
                        &a.title
                    };
                    let text = format!(
                        "For activity {} of {} (←/→): {title}",
                        row + 1,
                        s.activities.len()
                    );
                    vec![Line::styled(truncate(&text, width), theme.muted())]
                }
                None => Vec::new(),
            }
        }
        ListKind::Consent => {
            let wording = s.vision.final_wording.trim();
            let text = if wording.is_empty() {
                "No final wording yet: write it under Final wording, then ask each organisation.".to_string()
            } else {
                format!("Consent to: {wording}")
            };
            limit(wrap(&[Span::styled(text, theme.muted())], width), 2, width)
        }
        ListKind::Actions => {
            let open = s.open_actions().count();
            let text = format!("{open} of {} actions still open.", s.actions.len());
            vec![Line::styled(truncate(&text, width), theme.muted())]
        }
        ListKind::Participants => voices::summary(s, width, theme),
        _ => Vec::new(),
    }
}

pub fn draw(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) {
    let section = screen.nav.section;
    let width = area.width.saturating_sub(1) as usize;
    let mut heading = section.heading();
    if let Some(step) = section.step()
        && heading.width() > width
    {
        heading = format!("Step {} of 6 · {}", step.number(), step.short());
    }
    let heading = Line::styled(truncate(&heading, width), theme.title());
    // A quarter of the height: the items matter more than the advice.
    let budget = (area.height / 4).clamp(3, 8) as usize;
    let guide = match section.step() {
        Some(step) if screen.show_guide => guide::lines(step, width, budget, theme),
        _ => Vec::new(),
    };
    let context = context(screen, width, theme);
    let note = section
        .step()
        .map(|s| screen.session.note(s).trim().to_string())
        .unwrap_or_default();
    let note_lines = if note.is_empty() {
        Vec::new()
    } else {
        let max = if area.height > 30 { 5 } else { 2 };
        wrap_limited(&[Span::raw(note)], width, max)
    };
    let read_only = screen.read_only.as_ref().map(|why| format!("Read-only: {why}"));
    let message = screen
        .message
        .as_deref()
        .or(read_only.as_deref())
        .map(|m| limit(wrap(&[Span::raw(m.to_string())], width), 2, width));
    let [head, guide_area, list_area, notes_area, message_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(guide.len() as u16),
        Constraint::Min(3),
        Constraint::Length(if note_lines.is_empty() {
            0
        } else {
            note_lines.len() as u16 + 1
        }),
        Constraint::Length(message.as_ref().map_or(0, |m| m.len() as u16)),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(heading), head);
    frame.render_widget(Paragraph::new(guide), guide_area);

    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme.border())
        .title(tabs(screen, width, theme));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let [context_area, rows_area] =
        Layout::vertical([Constraint::Length(context.len() as u16), Constraint::Min(1)]).areas(inner);
    frame.render_widget(Paragraph::new(context), context_area);
    draw_list(frame, rows_area, screen, theme);

    if !note_lines.is_empty() {
        let title = if screen.read_only.is_some() {
            " Notes ".to_string()
        } else {
            " Notes (n to edit) ".to_string()
        };
        // Who may read them, in words, when not the default (partners).
        let mark = section
            .step()
            .map(|s| screen.session.shown_to.note(s))
            .filter(|a| !a.is_default())
            .map(|a| format!("[{}] ", a.marking()))
            .unwrap_or_default();
        let title = Line::styled(format!("{title}{mark}"), theme.muted());
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme.border())
            .title(title);
        let inner = block.inner(notes_area);
        frame.render_widget(block, notes_area);
        frame.render_widget(Paragraph::new(note_lines), inner);
    }
    if let Some(message) = message {
        frame.render_widget(Paragraph::new(message).style(theme.success()), message_area);
    }
}

fn draw_list(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) {
    let s = &screen.session;
    let list = screen.nav.current();
    let n = items::len(s, list);
    if n == 0 {
        let hint = match screen.read_only {
            Some(_) => format!("No {} recorded.", list.kind.title().to_lowercase()),
            None => rows::empty_hint(s, list.kind),
        };
        list::empty(frame, area, &hint, theme);
        return;
    }
    let item = |row| rows::with_audience(rows::item(s, list, row, theme), s, list, row, theme);
    list::render(frame, area, n, item, screen.nav.row(), theme);
}
