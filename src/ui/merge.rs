//! The merge screen: the sections on the left, each marked when the two
//! versions differ and with the choice made; the selected section's two
//! versions side by side on the right, the kept one marked "✓ kept".

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Wrap};

use super::table::{self, fit};
use super::theme::Theme;
use crate::app::App;
use crate::app::merge::MergeState;
use crate::domain::clean_for_terminal;
use crate::sync::merge::Choice;

pub fn draw(frame: &mut Frame, area: Rect, state: &MergeState, app: &App) {
    let theme = &app.theme;
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    let copy_name = state.copy.path.file_name().unwrap_or_default().to_string_lossy();
    let heading = vec![
        Line::from(vec![
            Span::styled(" Merging ", theme.muted()),
            Span::styled(
                clean_for_terminal(&state.copy.original_stem()).into_owned(),
                theme.title(),
            ),
            Span::styled(
                format!(
                    " with its conflict copy: {} of {} sections differ (≠)",
                    state.differing(),
                    state.sections.len()
                ),
                theme.muted(),
            ),
        ]),
        Line::styled(
            format!(" Theirs: {}", clean_for_terminal(&copy_name)),
            theme.muted(),
        ),
    ];
    frame.render_widget(Paragraph::new(heading), head);
    let list_width = (body.width / 3).clamp(24, 36);
    let [list, mine, theirs] = Layout::horizontal([
        Constraint::Length(list_width),
        Constraint::Fill(1),
        Constraint::Fill(1),
    ])
    .areas(body);
    sections(frame, list, state, theme);
    let choice = state.choices.get(state.selected).copied().unwrap_or(Choice::Mine);
    let Some(section) = state.sections.get(state.selected) else {
        return;
    };
    let kept = |side: Choice| choice == side || choice == Choice::Both;
    let by = state
        .copy
        .by
        .as_deref()
        .map(|b| format!(" ({b})"))
        .unwrap_or_default();
    let scroll = state.scroll;
    side(
        frame,
        mine,
        ("Mine", kept(Choice::Mine)),
        [&section.mine, &section.theirs],
        scroll,
        theme,
    );
    let title = format!("Theirs{by}");
    side(
        frame,
        theirs,
        (&title, kept(Choice::Theirs)),
        [&section.theirs, &section.mine],
        scroll,
        theme,
    );
}

fn sections(frame: &mut Frame, area: Rect, state: &MergeState, theme: &Theme) {
    let inner = table::boxed(frame, area, theme);
    let width = usize::from(inner.width);
    let visible = usize::from(inner.height);
    let first = table::scroll(state.selected, visible);
    let lines: Vec<Line> = state
        .sections
        .iter()
        .zip(&state.choices)
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, (section, choice))| {
            let marker = if i == state.selected { "▶" } else { " " };
            let differs = if section.differs() { "≠" } else { " " };
            let tag = if section.differs() { choice.label() } else { "same" };
            let name = fit(&section.name, width.saturating_sub(tag.len() + 5));
            let gap = width.saturating_sub(name.chars().count() + tag.len() + 4);
            let text = format!("{marker}{differs} {name}{} {tag}", " ".repeat(gap));
            match (i == state.selected, section.differs()) {
                (true, _) => Line::styled(text, theme.selected()),
                (false, true) => Line::raw(text),
                (false, false) => Line::styled(text, theme.muted()),
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One version of the section; its lines the other version lacks are
/// marked "≠" (not by colour alone).
fn side(
    frame: &mut Frame,
    area: Rect,
    (title, kept): (&str, bool),
    [lines, other]: [&[String]; 2],
    scroll: u16,
    theme: &Theme,
) {
    let title = if kept {
        format!(" {title} ✓ kept ")
    } else {
        format!(" {title} ")
    };
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(if kept {
            theme.focus_border()
        } else {
            theme.border()
        })
        .title(Line::styled(
            clean_for_terminal(&title).into_owned(),
            theme.title(),
        ));
    let text: Vec<Line> = lines
        .iter()
        .map(|l| {
            let shown = clean_for_terminal(l);
            if other.contains(l) {
                Line::raw(format!("  {shown}"))
            } else {
                Line::styled(format!("≠ {shown}"), theme.warning())
            }
        })
        .collect();
    frame.render_widget(
        Paragraph::new(text)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        area,
    );
}
