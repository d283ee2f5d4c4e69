//! The "save elsewhere" prompt (and the same prompt for where to write the
//! minutes): one line for the path, and why the last try failed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::popup;
use super::recovery::popup_height;
use crate::app::App;
use crate::app::save_as::{Purpose, SaveAs};
use crate::domain::Audience;

pub fn draw(frame: &mut Frame, area: Rect, prompt: &SaveAs, app: &App) {
    let theme = &app.theme;
    let width = 76u16.min(area.width.saturating_sub(2));
    let inner = usize::from(width.saturating_sub(4)).max(1);
    // The end of a long path matters most: show its tail.
    let path = app.shown(&prompt.path);
    let field = tail(&crate::domain::clean_for_terminal(&path), inner.saturating_sub(3));
    let (title, intro, enter) = match prompt.purpose {
        Purpose::Session => (
            " Save elsewhere ",
            "The session could not be saved where it is. Type where to save a copy (a new file); Roundtable keeps saving there.",
            " save here    ",
        ),
        Purpose::Minutes => (
            " Write the minutes ",
            "Type the folder to write the minutes to, as Markdown. It starts as the session's own folder.",
            " write them here    ",
        ),
    };
    let style = match prompt.purpose {
        Purpose::Session => theme.warning(),
        Purpose::Minutes => theme.key(),
    };
    let mut lines = vec![Line::raw(intro), Line::raw("")];
    if prompt.purpose == Purpose::Minutes {
        // Said in words, so it reads the same without colour.
        lines.push(Line::from(vec![
            Span::raw("For: "),
            Span::styled(prompt.audience.label(), theme.selected()),
            Span::raw(format!(" ({})", audience_words(prompt.audience))),
        ]));
        lines.push(Line::raw(""));
    }
    lines.extend([Line::from(vec![
        Span::styled("> ", theme.key()),
        Span::styled(field, theme.selected()),
        Span::styled("▏", theme.key()),
    ])]);
    if let Some(error) = &prompt.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("⚠ {error}"), theme.error()));
    }
    lines.push(Line::raw(""));
    let mut keys = vec![Span::styled("Enter", theme.key()), Span::raw(enter)];
    if prompt.purpose == Purpose::Minutes {
        keys.extend([Span::styled("Tab", theme.key()), Span::raw(" audience    ")]);
    }
    keys.extend([Span::styled("Esc", theme.key()), Span::raw(" cancel")]);
    lines.push(Line::from(keys));
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let title = Line::styled(title, style);
    let (block, rect) = popup::open(frame, area, width, popup_height(&lines, rows), title, style);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        rect,
    );
}

/// What each audience's minutes hold, in a few words.
fn audience_words(audience: Audience) -> &'static str {
    match audience {
        Audience::Public => "only what is marked public; no names without consent",
        Audience::Partners => "all but what is kept for trustees",
        Audience::Trustees => "the full record",
    }
}

/// The last `width` columns of `text`, with "…" when cut.
fn tail(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used > width {
            break;
        }
        out.push(c);
    }
    std::iter::once('…').chain(out.into_iter().rev()).collect()
}
