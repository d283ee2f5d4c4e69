//! The box offering back unsaved work found in a recovery journal: which
//! session, when it was written, what restoring would change, and the keys.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::popup;
use crate::app::App;
use crate::app::recovery::{Offer, written_at};

/// At most this many differences are listed; the rest are counted.
const MAX_LISTED: usize = 8;

pub fn draw(frame: &mut Frame, area: Rect, offer: &Offer, app: &App) {
    let theme = &app.theme;
    let file = offer
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let when = written_at(offer, app.offset)
        .map(|w| format!(", last written at {w}"))
        .unwrap_or_default();
    let mut lines = vec![
        Line::from(vec![
            Span::raw("Roundtable found work on "),
            Span::styled(format!("“{}”", offer.recovered.title), theme.title()),
            Span::raw(format!(" ({file}) that was never saved{when}.")),
        ]),
        Line::raw(""),
        Line::raw("Restoring it would bring back:"),
    ];
    for difference in offer.differences.iter().take(MAX_LISTED) {
        lines.push(Line::raw(format!("  • {difference}")));
    }
    if offer.differences.len() > MAX_LISTED {
        let more = offer.differences.len() - MAX_LISTED;
        lines.push(Line::styled(
            format!("  … and {more} more changes"),
            theme.muted(),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("r", theme.key()),
        Span::raw(" restore and save    "),
        Span::styled("d", theme.key()),
        Span::raw(" discard    "),
        Span::styled("Esc", theme.key()),
        Span::raw(" decide later"),
    ]));
    let queued = app.offers.len();
    let title = match queued {
        1 => " Unsaved work found ".to_string(),
        n => format!(" Unsaved work found (1 of {n}) "),
    };
    let width = 76u16.min(area.width.saturating_sub(2));
    let inner = usize::from(width.saturating_sub(4)).max(1);
    let rows: usize = lines.iter().map(|l| l.width().div_ceil(inner).max(1)).sum();
    let (block, rect) = popup::open(
        frame,
        area,
        width,
        popup_height(&lines, rows),
        Line::styled(title, theme.warning()),
        theme.warning(),
    );
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block),
        rect,
    );
}

/// Rows for a bordered box of `lines` that wrap to about `rows`: one spare
/// when any line wraps, since word wrapping can take a row more than the
/// count of characters says.
pub(super) fn popup_height(lines: &[Line], rows: usize) -> u16 {
    let spare = usize::from(rows > lines.len());
    (rows + spare + 2) as u16
}
