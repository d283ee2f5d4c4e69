//! The health tab: each principle's mean, range and number of scores at
//! every health check, the trend since the check before in words and an
//! arrow, and the selected principle's means as a bar chart labelled with
//! their values, so it all reads without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::partnership::empty;
use super::table::{self, cell, fit};
use super::theme::Theme;
use crate::app::partnership::PartnershipState;
use crate::domain::Principle;
use crate::domain::health_trend::{Check, HealthTrend, Spread};

/// Each check's column: "3.0 1–4 n=3", headed "11 Nov 26*".
const CHECK: usize = 12;
const PRINCIPLE: usize = 15;
const TREND: usize = 8;

pub fn draw(frame: &mut Frame, area: Rect, state: &PartnershipState, theme: &Theme) {
    let t = &state.figures.health;
    let inner = table::boxed(frame, area, theme);
    if t.checks.is_empty() {
        let text = "No health checks yet: take one at a session to see the trend here.";
        return empty(frame, inner, text, theme);
    }
    let width = usize::from(inner.width);
    let room = width.saturating_sub(2 + PRINCIPLE + TREND + 2) / (CHECK + 1);
    let shown = t.checks.len().min(room.max(1));
    let checks = &t.checks[t.checks.len() - shown..];
    let mut header = format!("  {}", cell("Principle", PRINCIPLE));
    for c in checks {
        let mark = if c.anonymous { "*" } else { "" };
        header.push(' ');
        header.push_str(&cell(&format!("{}{mark}", c.date.format("%-d %b %y")), CHECK));
    }
    header.push_str(&format!(" {}", cell("Trend", TREND)));
    let mut lines = vec![Line::styled(fit(&header, width), theme.title())];
    for (i, p) in Principle::ALL.into_iter().enumerate() {
        let selected = i == state.selected;
        let marker = if selected { "▶ " } else { "  " };
        let mut text = format!("{marker}{}", cell(p.label(), PRINCIPLE));
        for c in checks {
            text.push(' ');
            text.push_str(&cell(&compact(c.spread(p)), CHECK));
        }
        let trend = t.direction(p).map_or("—", |d| d.words());
        text.push_str(&format!(" {}", cell(trend, TREND)));
        let style = if selected { theme.selected() } else { Style::new() };
        lines.push(Line::styled(fit(&text, width), style));
    }
    let mut legend = String::from("  Mean lowest–highest n=scored (1–5). Trend: last two checks.");
    if checks.iter().any(|c| c.anonymous) {
        legend.push_str(" * no names");
    }
    lines.push(Line::styled(fit(&legend, width), theme.muted()));
    if shown < t.checks.len() {
        let text = format!("  Latest {shown} of {} checks.", t.checks.len());
        lines.push(Line::styled(fit(&text, width), theme.muted()));
    }
    let used = lines.len() as u16 + 1;
    frame.render_widget(Paragraph::new(lines), inner);
    if inner.height >= used + 6 {
        let [_, chart] = Layout::vertical([Constraint::Length(used), Constraint::Max(12)]).areas(inner);
        let p = Principle::ALL[state.selected.min(Principle::ALL.len() - 1)];
        means_chart(frame, chart, t, p, theme);
    }
}

/// "3.0 1–4 n=3", or "—" when nobody scored it.
fn compact(s: &Spread) -> String {
    match (s.mean, s.lowest, s.highest) {
        (Some(mean), Some(lo), Some(hi)) => format!("{mean:.1} {lo}–{hi} n={}", s.scored),
        _ => "—".into(),
    }
}

/// The principle's mean at each check, one bar each with its value.
fn means_chart(frame: &mut Frame, area: Rect, t: &HealthTrend, p: Principle, theme: &Theme) {
    let [title, bars_area] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let heading = format!("  {}: mean score at each check (out of 5)", p.label());
    frame.render_widget(Paragraph::new(Line::styled(heading, theme.title())), title);
    let means: Vec<(&Check, f64)> = t.means(p);
    let fits = usize::from(area.width.saturating_sub(2)) / (CHECK + 1);
    let means = &means[means.len().saturating_sub(fits.max(1))..];
    let bars: Vec<Bar> = means
        .iter()
        .map(|(c, mean)| {
            Bar::default()
                .value((mean * 10.0).round() as u64)
                .text_value(format!("{mean:.1}"))
                .label(Line::from(c.date.format("%-d %b %y").to_string()))
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(CHECK as u16 - 2)
        .bar_gap(3)
        .max(50);
    let [_, bars_area] = Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(bars_area);
    frame.render_widget(chart, bars_area);
}
