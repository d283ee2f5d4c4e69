//! Drawing the session screen: a header line, the step navigator on the
//! left, the current section on the right and, when open, the item editor
//! over them.

mod capture;
mod clock;
mod consent_check;
mod decision_review;
mod dot_vote;
mod editor;
mod guide;
mod health_check;
mod list;
mod navigator;
mod plan;
mod round;
mod rows;
mod section;
mod voices;
pub(crate) mod wrap;

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::session::SessionScreen;
use crate::domain::SessionStatus;
use wrap::truncate;

/// Draws the session screen's body into `area`; the app draws the footer,
/// messages and help overlay around it. A running clock shows the time as
/// of the session's last change: `draw_at` gives it the real moment.
pub fn draw(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme) {
    draw_at(frame, area, screen, theme, screen.session.updated);
}

/// Draws the session screen with its clock as of `now`.
pub fn draw_at(frame: &mut Frame, area: Rect, screen: &SessionScreen, theme: &Theme, now: DateTime<Utc>) {
    screen.hits.clear();
    if area.width < 20 || area.height < 6 {
        let text = "Make the window larger to see the session.";
        frame.render_widget(Paragraph::new(text).style(theme.warning()), area);
        return;
    }
    // Where the minutes stand, a line each when there is news.
    let minutes = crate::app::sign_off::status_lines(screen);
    let strip = minutes.len() as u16;
    let [head, status, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(strip),
        Constraint::Min(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(header(screen, head.width as usize, theme, now)),
        head,
    );
    let lines: Vec<Line> = minutes
        .iter()
        .map(|text| Line::styled(truncate(text, status.width as usize), theme.muted()))
        .collect();
    frame.render_widget(Paragraph::new(lines), status);
    let nav_width = navigator::WIDTH.min(body.width / 3 + 2);
    let [nav, main] = Layout::horizontal([Constraint::Length(nav_width), Constraint::Min(1)])
        .spacing(1)
        .areas(body);
    navigator::draw(frame, nav, screen, theme);
    let main = round::strip(frame, main, screen, theme);
    section::draw(frame, main, screen, theme);
    if screen.plan_view.is_some() {
        plan::draw(frame, body, screen, now, theme);
    }
    if let Some(open) = &screen.editor {
        editor::draw(frame, body, open, theme);
    }
    if let Some(setup) = &screen.round.setup {
        round::setup(frame, body, setup, theme);
    }
    if let Some(vote) = &screen.vote {
        dot_vote::draw(frame, body, vote, theme);
    }
    if let Some(check) = &screen.consent {
        consent_check::draw(frame, body, check, theme);
    }
    if let Some(health) = &screen.health {
        health_check::draw(frame, body, health, theme);
    }
    if let Some(reviewing) = &screen.reviewing {
        decision_review::draw(frame, body, reviewing, theme);
    }
    if let Some(line) = &screen.capture {
        capture::draw(frame, body, line, screen.nav.last_step, theme);
    }
}

/// Where and when, and how many are in the room: "Eastside Health Equity ·
/// Thu 3 Dec 2026, 10:00 · Hall B   5 of 6 present". The app's own header
/// already names the session, so the partnership is shown here instead
/// (the title when there is no partnership).
fn header(screen: &SessionScreen, width: usize, theme: &Theme, now: DateTime<Utc>) -> Line<'static> {
    let s = &screen.session;
    let present = s.present().count();
    // Final shows the moment F is pressed, not only on the next opening.
    let status = if s.status == SessionStatus::Final {
        "FINAL · "
    } else {
        ""
    };
    let right = match &screen.read_only {
        Some(_) => format!("  {status}READ-ONLY"),
        None => format!("  {status}{present} of {} present", s.participants.len()),
    };
    let mut when = s.date.format("%a %-d %b %Y").to_string();
    if let Some(time) = s.start_time {
        when.push_str(&time.format(", %H:%M").to_string());
    }
    let who = if s.partnership.trim().is_empty() {
        &s.title
    } else {
        &s.partnership
    };
    let parts: Vec<&str> = [who.trim(), when.as_str(), s.location.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    // The clock comes before the head count and is never cut: the title
    // gives way first.
    let clock = clock::spans(&s.plan, now, theme).unwrap_or_default();
    let clock_width: usize =
        clock.iter().map(|c| c.content.width()).sum::<usize>() + 2 * usize::from(!clock.is_empty());
    let title = truncate(
        &parts.join(" · "),
        width.saturating_sub(right.width() + clock_width),
    );
    let pad = width.saturating_sub(title.width() + right.width() + clock_width);
    let mut spans = vec![Span::styled(title, theme.title()), Span::raw(" ".repeat(pad))];
    if !clock.is_empty() {
        spans.push(Span::raw("  "));
        spans.extend(clock);
    }
    spans.extend([Span::styled(
        right,
        if screen.read_only.is_some() || s.status == SessionStatus::Final {
            theme.warning()
        } else {
            theme.muted()
        },
    )]);
    Line::from(spans)
}
