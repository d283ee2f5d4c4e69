//! The item editor drawn over the section: one row per field, the focused
//! one marked, with name suggestions and errors right under their field.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::wrap::{limit, truncate, wrap, wrap_upto};
use crate::app::session::editor::{Editor, Input};
use crate::app::session::fields::FieldKind;
use crate::ui::theme::Theme;

/// Rows a field takes: long text grows with what was typed.
fn field_height(editor: &Editor, i: usize, width: usize, long_max: usize) -> usize {
    match editor.fields.get(i).map(|f| f.spec.kind) {
        Some(FieldKind::Long) => {
            // Counted only as far as the field can grow: a long note costs
            // no more to measure than a short one.
            let mut lines = 0;
            if let Some(Input::Text(area)) = editor.fields.get(i).map(|f| &f.input) {
                for line in area.lines() {
                    lines += wrap_upto(&[Span::raw(line.as_str())], width, long_max - lines).len();
                    if lines >= long_max {
                        break;
                    }
                }
            }
            (lines.max(1) + 1).clamp(2.min(long_max), long_max)
        }
        _ => 1,
    }
}

/// Lines shown under field `i`: its error, or name suggestions when focused.
fn extra_lines(editor: &Editor, i: usize, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if let Some((field, message)) = &editor.error
        && *field == i
    {
        return limit(
            wrap(&[Span::styled(format!("⚠ {message}"), theme.error())], width),
            3,
            width,
        );
    }
    if i == editor.focus {
        let found = editor.suggestions();
        if !found.is_empty() {
            let text = format!("Ctrl-N fills in: {}", found.join(" · "));
            return vec![Line::styled(truncate(&text, width), theme.muted())];
        }
    }
    Vec::new()
}

fn hint(editor: &Editor) -> &'static str {
    let last = editor.on_last_field();
    match editor.focused_kind() {
        FieldKind::Long => "Enter: new line · Tab: next field · Esc: done (keeps the text)",
        FieldKind::Pick | FieldKind::Flag if last => "←/→ or Space: change · Enter: finish · Esc: done",
        FieldKind::Pick | FieldKind::Flag => "←/→ or Space: change · Enter: next field · Esc: done",
        _ if last => "Enter: finish · Tab: first field · Esc: done (keeps the text)",
        _ => "Enter: next field · Esc: done (keeps the text) · Ctrl-S: save",
    }
}

/// The editor sits at the bottom of the session body, as tall as its form,
/// so the step heading and guidance stay in view above it.
fn popup_area(area: Rect, editor: &Editor) -> Rect {
    let width = area.width.min(100);
    let value_width = (width as usize).saturating_sub(24).max(10);
    let wanted: usize = (0..editor.fields.len())
        .map(|i| field_height(editor, i, value_width, 6))
        .sum();
    let height = (wanted as u16 + 5).min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.bottom() - height,
        width,
        height,
    )
}

pub fn draw(frame: &mut Frame, area: Rect, editor: &Editor, theme: &Theme) {
    let popup = popup_area(area, editor);
    // Clear the whole band so nothing behind shows beside the popup.
    frame.render_widget(Clear, Rect::new(area.x, popup.y, area.width, popup.height));
    let area = popup;
    let block = Block::bordered()
        .border_style(theme.focus_border())
        .title(Line::styled(format!(" {} ", editor.title), theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 10 || inner.height < 2 {
        return;
    }
    let label_width = editor
        .fields
        .iter()
        .map(|f| f.spec.label.width())
        .max()
        .unwrap_or(0)
        + 3;
    let label_width = label_width.min(inner.width as usize / 3);
    let value_width = inner.width as usize - label_width;
    let room = inner.height as usize - 1;
    let extras: Vec<Vec<Line>> = (0..editor.fields.len())
        .map(|i| extra_lines(editor, i, value_width, theme))
        .collect();
    // Long fields shrink until the form fits; then it scrolls to the focus.
    let mut long_max = 6;
    let heights = loop {
        let h: Vec<usize> = (0..editor.fields.len())
            .map(|i| field_height(editor, i, value_width, long_max) + extras[i].len())
            .collect();
        if h.iter().sum::<usize>() <= room || long_max == 1 {
            break h;
        }
        long_max -= 1;
    };
    let mut first = 0;
    while first < editor.focus && heights[first..=editor.focus].iter().sum::<usize>() > room {
        first += 1;
    }
    let mut y = inner.y;
    let bottom = inner.y + room as u16;
    for i in first..editor.fields.len() {
        let height = heights[i] - extras[i].len();
        if y + height as u16 > bottom {
            break;
        }
        let value_x = inner.x + label_width as u16;
        let label = Rect::new(inner.x, y, label_width as u16, 1);
        let value = Rect::new(value_x, y, value_width as u16, height as u16);
        draw_field(frame, editor, i, label, value, theme);
        y += height as u16;
        let extra = extras[i].len().min((bottom - y) as usize);
        let lines: Vec<Line> = extras[i].iter().take(extra).cloned().collect();
        frame.render_widget(
            Paragraph::new(lines),
            Rect::new(value_x, y, value_width as u16, extra as u16),
        );
        y += extra as u16;
    }
    let hint = match &editor.blocked {
        Some(why) => Line::styled(truncate(&format!("⚠ {why}"), inner.width as usize), theme.error()),
        None => Line::styled(truncate(hint(editor), inner.width as usize), theme.muted()),
    };
    frame.render_widget(Paragraph::new(hint), Rect::new(inner.x, bottom, inner.width, 1));
}

fn draw_field(frame: &mut Frame, editor: &Editor, i: usize, label: Rect, value: Rect, theme: &Theme) {
    let Some(field) = editor.fields.get(i) else {
        return;
    };
    let focused = i == editor.focus;
    let text = truncate(field.spec.label, label.width.saturating_sub(3) as usize);
    let (marker, style) = if focused {
        ("▶ ", theme.selected())
    } else {
        ("  ", theme.title())
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!("{marker}{text} "), style)),
        label,
    );
    match &field.input {
        Input::Text(area) if area.is_empty() => {
            let text = truncate(field.spec.kind.placeholder(), value.width as usize);
            frame.render_widget(Paragraph::new(placeholder(&text, focused, theme)), value);
        }
        Input::Text(area) => frame.render_widget(&**area, value),
        Input::Pick { options, index } => {
            let chosen = options.get(*index).map_or("", String::as_str);
            let mut spans = vec![Span::styled(
                format!("‹ {chosen} ›"),
                if focused {
                    theme.selected()
                } else {
                    Default::default()
                },
            )];
            if focused {
                spans.push(Span::styled(
                    format!("  {} of {}", index + 1, options.len()),
                    theme.muted(),
                ));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), value);
        }
        Input::Flag(on) => {
            let text = if *on { "[x] Yes" } else { "[ ] No" };
            let style = if focused {
                theme.selected()
            } else {
                Default::default()
            };
            frame.render_widget(Paragraph::new(Line::styled(text, style)), value);
        }
    }
}

/// An empty field's placeholder, starting where typing starts: the cursor
/// sits on its first character when the field is focused.
fn placeholder(text: &str, focused: bool, theme: &Theme) -> Line<'static> {
    let muted = theme.muted().add_modifier(Modifier::ITALIC);
    let cursor = Style::new().add_modifier(Modifier::REVERSED);
    if !focused {
        return Line::styled(text.to_string(), muted);
    }
    let mut chars = text.chars();
    let first = chars.next().map_or(" ".to_string(), String::from);
    Line::from(vec![
        Span::styled(first, cursor),
        Span::styled(chars.as_str().to_string(), muted),
    ])
}
