//! The attendance tab: warnings in words first, then a table of
//! organisations by session (people present / times spoken), and, where
//! there is room, a bar chart of how often each organisation has spoken.

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::partnership::empty;
use super::table::{self, cell, fit, right, scroll};
use super::theme::Theme;
use crate::app::partnership::PartnershipState;
use crate::domain::engagement::{Engagement, Held, Organisation};

/// Each session's column: "16 Sep 26".
const DATE: usize = 9;
/// "Came" ("12 of 14") and "Spoke" columns.
const CAME: usize = 8;
const SPOKE: usize = 5;
/// The name column is never narrower than this.
const NAME: usize = 20;

pub fn draw(frame: &mut Frame, area: Rect, state: &PartnershipState, theme: &Theme) {
    let e = &state.figures.engagement;
    let inner = table::boxed(frame, area, theme);
    if e.meetings.is_empty() || e.organisations.is_empty() {
        let text = "No attendance yet: add participants and their organisations to a session.";
        return empty(frame, inner, text, theme);
    }
    let mut lines = warnings(e, theme);
    lines.push(Line::raw(""));
    let width = usize::from(inner.width);
    let room = width.saturating_sub(2 + NAME + CAME + 1 + SPOKE + 1) / (DATE + 1);
    let shown = e.meetings.len().min(room.max(1));
    let first = e.meetings.len() - shown;
    let columns = &e.meetings[first..];
    let name_width = width.saturating_sub(2 + shown * (DATE + 1) + CAME + 1 + SPOKE + 1);
    let mut header = cell("Organisation", name_width);
    for m in columns {
        header.push(' ');
        header.push_str(&cell(&m.date.format("%-d %b %y").to_string(), DATE));
    }
    header.push_str(&format!(" {} {}", right("Came", CAME), right("Spoke", SPOKE)));
    lines.push(Line::styled(format!("  {header}"), theme.title()));
    // Rows left for organisations, keeping the legend line below them.
    let fixed = lines.len() + 1;
    let rows = usize::from(inner.height).saturating_sub(fixed).max(1);
    let top = scroll(state.selected, rows);
    for (i, org) in e.organisations.iter().enumerate().skip(top).take(rows) {
        let selected = i == state.selected;
        let marker = if selected { "▶ " } else { "  " };
        let text = format!("{marker}{}", row(org, first, columns, name_width));
        let style = if selected { theme.selected() } else { Style::new() };
        lines.push(Line::styled(fit(&text, width), style));
    }
    let mut legend =
        "  people / times spoken (– not counted) · away: none came · blank: not listed".to_string();
    if first > 0 {
        legend = format!(
            "  Latest {shown} of {} sessions. {}",
            e.meetings.len(),
            legend.trim_start()
        );
    }
    lines.push(Line::styled(fit(&legend, width), theme.muted()));
    let used = lines.len() as u16;
    frame.render_widget(Paragraph::new(lines), inner);
    // The chart below, when it fits with a line for each organisation.
    let chart_height = e.organisations.len() as u16 + 1;
    if inner.height >= used + chart_height {
        let gap = u16::from(inner.height > used + chart_height);
        let chart = Rect {
            y: inner.y + used + gap,
            height: chart_height,
            ..inner
        };
        spoken_chart(frame, chart, e, theme);
    }
}

/// Each warning in words, or a line saying there are none.
fn warnings<'a>(e: &Engagement, theme: &Theme) -> Vec<Line<'a>> {
    if e.warnings.is_empty() {
        let text = "  No warnings: no organisation has missed its last two sessions or gone quiet.";
        return vec![Line::styled(text, theme.muted())];
    }
    e.warnings
        .iter()
        .map(|w| Line::styled(format!("  ! {}", w.words()), theme.warning()))
        .collect()
}

fn row(org: &Organisation, first: usize, columns: &[Held], name_width: usize) -> String {
    // "(left)" is never cut off, however long the name.
    let name = if org.left {
        format!("{} (left)", fit(&org.name, name_width.saturating_sub(7)))
    } else {
        org.name.clone()
    };
    let mut text = cell(&name, name_width);
    for (c, m) in org.cells[first..].iter().zip(columns) {
        text.push(' ');
        text.push_str(&cell(&c.words(m.counted), DATE));
    }
    let came = format!("{} of {}", org.attended(), org.since_joining());
    text.push_str(&format!(
        " {} {}",
        right(&came, CAME),
        right(&org.contributions().to_string(), SPOKE)
    ));
    text
}

/// Times each organisation has spoken across the sessions, one bar each,
/// labelled with the number so it reads without colour.
fn spoken_chart(frame: &mut Frame, area: Rect, e: &Engagement, theme: &Theme) {
    let [title, bars_area] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled("  Times spoken, all sessions", theme.title())),
        title,
    );
    let label = usize::from(area.width / 3).clamp(12, 36);
    let bars: Vec<Bar> = e
        .organisations
        .iter()
        .map(|o| {
            Bar::default()
                .value(u64::from(o.contributions()))
                .text_value(String::new())
                .label(Line::from(format!(
                    "  {} {}",
                    cell(&o.name, label.saturating_sub(7)),
                    right(&o.contributions().to_string(), 4)
                )))
        })
        .collect();
    let chart = BarChart::default()
        .direction(Direction::Horizontal)
        .data(BarGroup::default().bars(&bars))
        .bar_width(1)
        .bar_gap(0);
    frame.render_widget(chart, bars_area);
}
