//! Drawing the consent check: the proposal, each voice's answer and
//! concern, and the result in the words the minutes will use.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::wrap::{limit, truncate, wrap};
use crate::app::session::consent_check::{ConsentScreen, Writing};
use crate::domain::{ConsentOutcome, Position, Resolve, Subject};
use crate::ui::theme::Theme;
use crate::ui::{fields, popup};

pub fn draw(frame: &mut Frame, area: Rect, screen: &ConsentScreen, theme: &Theme) {
    let check = &screen.check;
    let title = match check.subject {
        Subject::Vision => " Consent check on the vision ",
        Subject::Decision => " Consent check on a decision ",
    };
    let width = (area.width.min(100) as usize).saturating_sub(4);
    let mut top = limit(
        wrap(&[Span::raw(format!("“{}”", check.proposal))], width),
        3,
        width,
    );
    let how = format!("{} · {}", check.counting.title(), check.scale.label());
    top.push(Line::styled(truncate(&how, width), theme.muted()));
    top.push(Line::raw(""));

    let name_width = check
        .answers
        .iter()
        .map(|a| a.who.width())
        .max()
        .unwrap_or(6)
        .clamp(6, 24);
    let mut rows = Vec::new();
    for (i, a) in check.answers.iter().enumerate() {
        let here = i == screen.row;
        let marker = if here { "▸ " } else { "  " };
        let position = a.response.position();
        let style = match position {
            Position::Block => theme.error(),
            Position::StandAside => theme.warning(),
            _ => Style::new(),
        };
        let lifted = if position == Position::Block
            && check
                .resolutions
                .iter()
                .any(|r| r.how == Resolve::BlockLifted && r.by == a.who)
        {
            " (lifted)"
        } else {
            ""
        };
        let answer = format!("{}{lifted}", a.response.label());
        let mut spans = vec![
            Span::styled(
                format!("{marker}{:name_width$}  ", truncate(&a.who, name_width)),
                if here { theme.title() } else { Style::new() },
            ),
            Span::styled(format!("{answer:<22}"), style),
        ];
        let writing_here = here && matches!(screen.writing, Some((Writing::Concern, _)));
        if !writing_here && !a.concern.is_empty() {
            let room = width.saturating_sub(name_width + 26);
            spans.push(Span::styled(truncate(&a.concern, room), theme.muted()));
        }
        rows.push(Line::from(spans));
    }

    let outcome = check.count().outcome;
    let result_style = match outcome {
        ConsentOutcome::Agreed => theme.success(),
        ConsentOutcome::Open => theme.muted(),
        _ => theme.error(),
    };
    let mut bottom = vec![Line::raw("")];
    bottom.extend(limit(
        wrap(&[Span::styled(check.sentence(), result_style)], width),
        3,
        width,
    ));
    if let Some(e) = &screen.error {
        bottom.push(Line::styled(truncate(&format!("⚠ {e}"), width), theme.error()));
    }
    let prompt = match &screen.writing {
        Some((Writing::Concern, _)) => {
            let who = check
                .answers
                .get(screen.row)
                .map(|a| a.who.as_str())
                .unwrap_or("");
            Some(format!("Concern of {who}: "))
        }
        Some((Writing::Resolution(Resolve::Amended), _)) => Some("Amended wording: ".into()),
        Some((Writing::Resolution(_), _)) => Some("Why withdrawn: ".into()),
        None => None,
    };
    if prompt.is_some() {
        bottom.push(Line::raw(""));
    }

    let wanted = top.len() + rows.len() + bottom.len() + usize::from(prompt.is_some()) + 2;
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
    let rows_room = room.saturating_sub(top.len() + bottom.len() + usize::from(prompt.is_some()));
    let first = screen.row.saturating_sub(rows_room.saturating_sub(1));
    let mut lines = top;
    lines.extend(rows.into_iter().skip(first).take(rows_room));
    lines.extend(bottom);
    lines.truncate(room);
    let used = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);

    if let (Some(label), Some((_, field))) = (prompt, &screen.writing)
        && used < inner.height
    {
        let row = Rect::new(inner.x, inner.y + used, inner.width, 1);
        let label_width = (label.width() as u16).min(inner.width / 2);
        fields::draw_labelled(frame, row, &label, label_width, field, theme);
    }
}
