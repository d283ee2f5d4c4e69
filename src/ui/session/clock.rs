//! The meeting clock in the session's header line: the part on now and
//! the time left in it, and the time left in all. An overrun says so in
//! words ("4 min over") and in the warning colour, so it reads under
//! NO_COLOR and on a washed-out projector.

use ratatui::text::Span;

use crate::app::clock::clock_text;
use crate::domain::Plan;
use crate::ui::theme::Theme;
use chrono::{DateTime, Utc};

/// The clock's spans, or none for a session without a plan.
pub fn spans(plan: &Plan, now: DateTime<Utc>, theme: &Theme) -> Option<Vec<Span<'static>>> {
    let text = clock_text(plan, now)?;
    let style = if text.over {
        theme.error()
    } else if plan.is_running() {
        theme.title()
    } else {
        theme.muted()
    };
    Some(vec![
        Span::styled(text.part, style),
        Span::styled(" · ", theme.muted()),
        Span::styled(text.session, if text.over { style } else { theme.muted() }),
    ])
}
