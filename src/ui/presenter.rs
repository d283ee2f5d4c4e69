//! The presenter view: what the room should look at now, in large,
//! high-contrast text readable from the back of a room at 80×24. Drawn
//! from a `Slide` (built in `app::presenter`), the same in the session
//! screen and in the `roundtable present` window.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::session::wrap::{limit, truncate, wrap};
use super::theme::Theme;
use crate::app::keys::KeyHelp;
use crate::app::presenter::{GoalLine, Panel, Slide};

/// Draws `slide` over all of `area`; `keys` and `status` make the last line.
pub fn draw(frame: &mut Frame, area: Rect, slide: &Slide, keys: &[KeyHelp], status: &str, theme: &Theme) {
    let width = usize::from(area.width.saturating_sub(2));
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let [title_area, heading_area, body_area, foot_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(5),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let title = truncate(slide.title.trim(), width);
    frame.render_widget(
        Paragraph::new(Line::styled(title, theme.title().add_modifier(Modifier::BOLD)).centered()),
        title_area,
    );
    heading(frame, heading_area, slide, theme);

    let mut lines = wrap(&[Span::styled(slide.question.clone(), bold)], width);
    lines = limit(lines, 3, width);
    for panel in &slide.panels {
        lines.push(Line::raw(""));
        lines.extend(panel_lines(panel, width, bold, theme));
    }
    let body = body_area.inner(ratatui::layout::Margin::new(1, 0));
    let lines = limit(lines, usize::from(body.height), width);
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(footer(slide, keys, status, width, theme)),
        foot_area,
    );
}

/// "2 Vision" in big letters when they fit, else in bold capitals.
fn heading(frame: &mut Frame, area: Rect, slide: &Slide, theme: &Theme) {
    let word = slide.step.short().split_whitespace().next().unwrap_or_default();
    let text = format!("{} {word}", slide.step.number());
    let chars = text.chars().count() as u16;
    let size = if chars * 8 <= area.width {
        Some(PixelSize::HalfHeight)
    } else if chars * 4 <= area.width {
        Some(PixelSize::Quadrant)
    } else {
        None
    };
    let style = theme.title().add_modifier(Modifier::BOLD);
    let [big, _] = Layout::vertical([Constraint::Length(4), Constraint::Length(1)]).areas(area);
    match size {
        Some(size) => {
            let big_text = BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(vec![Line::raw(text)])
                .centered()
                .build();
            frame.render_widget(big_text, big);
        }
        None => {
            let line = format!(
                "STEP {}: {}",
                slide.step.number(),
                slide.step.short().to_uppercase()
            );
            frame.render_widget(Paragraph::new(Line::styled(line, style).centered()), big);
        }
    }
}

fn panel_lines(panel: &Panel, width: usize, bold: Style, theme: &Theme) -> Vec<Line<'static>> {
    let label = |text: &str| Line::styled(text.to_string(), theme.key());
    let para = |text: &str, style: Style| wrap(&[Span::styled(text.to_string(), style)], width);
    let mut out = Vec::new();
    match panel {
        Panel::Clock(text) => out.extend(para(text, bold)),
        Panel::Vision { lines, is_final } => {
            out.push(label(if *is_final { "The vision" } else { "Vision drafts" }));
            for text in lines {
                out.extend(para(text, bold));
            }
        }
        Panel::Goals(goals) => {
            out.push(label("Goals, most supported first"));
            let digits = goals
                .iter()
                .map(|g| g.support.to_string().len())
                .max()
                .unwrap_or(1);
            for goal in goals {
                out.extend(goal_line(goal, digits, width, bold));
            }
        }
        Panel::Agreed(texts) => {
            out.push(label("Agreed in this step"));
            for text in texts {
                out.extend(para(&format!("• {text}"), bold));
            }
        }
        Panel::Tally(rows) => {
            out.push(label("Result of the vote"));
            let digits = rows.iter().map(|(_, n)| n.to_string().len()).max().unwrap_or(1);
            for (text, count) in rows {
                out.extend(para(&format!("{count:<digits$}  {text}"), bold));
            }
        }
        Panel::Consent(text) => {
            out.push(label("Consent"));
            out.extend(para(text, bold));
        }
        Panel::Concerns(lines) => {
            out.push(label("Concerns (private)"));
            for text in lines {
                out.extend(para(&format!("• {text}"), Style::new()));
            }
        }
        Panel::Notes(text) => {
            out.push(label("Your notes (private)"));
            out.extend(para(text, Style::new()));
        }
    }
    out
}

/// "5   Halve the wait … (agreed)": the count first, so the order reads;
/// counts are padded on the right, as wrapping drops leading spaces.
fn goal_line(goal: &GoalLine, digits: usize, width: usize, bold: Style) -> Vec<Line<'static>> {
    let agreed = if goal.agreed { " (agreed)" } else { "" };
    let text = format!("{:<digits$}  {}{agreed}", goal.support, goal.text);
    limit(wrap(&[Span::styled(text, bold)], width), 2, width)
}

fn footer(slide: &Slide, keys: &[KeyHelp], status: &str, width: usize, theme: &Theme) -> Line<'static> {
    let mut spans = Vec::new();
    if slide.private {
        // Said in words, so it shows on a projector without colour.
        spans.push(Span::styled(
            " PRIVATE NOTES SHOWN ",
            theme.warning().add_modifier(Modifier::REVERSED),
        ));
    }
    for key in keys.iter().filter(|k| k.in_footer) {
        spans.push(Span::styled(format!(" {}", key.keys), theme.key()));
        spans.push(Span::styled(format!(" {}", key.label), theme.muted()));
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let status = truncate(status, width.saturating_sub(used + 2));
    if !status.is_empty() {
        let pad = width.saturating_sub(used + status.width());
        spans.push(Span::raw(" ".repeat(pad + 1)));
        spans.push(Span::styled(status, theme.muted()));
    }
    Line::from(spans)
}
