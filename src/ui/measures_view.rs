//! The measures view: for one partnership, each measure on two lines: its
//! indicator, then its baseline, readings by date, target, a sparkline of
//! the baseline and readings, and whether it is on track.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::measures_chart;
use super::table::{self, cell, fit, scroll, widths};
use super::theme::Theme;
use crate::app::measures_view::MeasuresState;
use crate::app::message::count;
use crate::app::timeline::NO_PARTNERSHIP;
use crate::domain::MeasureHistory;

/// From this width there is room for a "Latest" column.
const WIDE: u16 = 110;
/// Each reading date's column, on narrow and wide screens.
const DATE_WIDTH: usize = 11;
const WIDE_DATE_WIDTH: usize = 15;

pub fn draw(frame: &mut Frame, area: Rect, state: &MeasuresState, theme: &Theme) {
    if let Some(words) = state.reading_words() {
        let text = format!(" {words}");
        frame.render_widget(Paragraph::new(Line::styled(text, theme.muted())), area);
        return;
    }
    let Some((series, measures)) = state.measures() else {
        let text = " No partnership has sessions here yet.";
        frame.render_widget(Paragraph::new(Line::styled(text, theme.muted())), area);
        return;
    };
    let name = if series.name.is_empty() {
        NO_PARTNERSHIP
    } else {
        series.name.as_str()
    };
    let [head, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let heading = format!(
        " {name} · {} over {}",
        count(measures.len(), "measure", "measures"),
        count(series.sessions.len(), "session", "sessions")
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            fit(&heading, usize::from(area.width)),
            theme.title(),
        )),
        head,
    );
    match measures.get(state.selected) {
        Some(m) if state.chart => measures_chart::draw(frame, body, m, theme),
        _ => table(frame, body, state, &measures, theme),
    }
}

fn table(frame: &mut Frame, area: Rect, state: &MeasuresState, measures: &[MeasureHistory], theme: &Theme) {
    let inner = table::boxed(frame, area, theme);
    if measures.is_empty() {
        let text = "  No measures yet: add them to an activity in step 3 of a session.";
        frame.render_widget(Paragraph::new(Line::styled(text, theme.muted())), inner);
        return;
    }
    let wide = area.width >= WIDE;
    let date_width = if wide { WIDE_DATE_WIDTH } else { DATE_WIDTH };
    let mut dates: Vec<NaiveDate> = measures
        .iter()
        .flat_map(|m| m.readings.iter().map(|r| r.date))
        .collect();
    dates.sort();
    dates.dedup();
    // Fixed columns: baseline, target, trend, on track (and latest).
    let fixed = 16 + 16 + 7 + 13 + if wide { date_width + 1 } else { 0 } + 4 + 2;
    let room = usize::from(inner.width).saturating_sub(fixed) / (date_width + 1);
    // With room for one column only, it holds each measure's latest
    // reading: one date's column would show "—" for measures read on
    // another day.
    let latest = wide || room <= 1;
    let room = if latest && !wide { 0 } else { room.max(1) };
    let shown: Vec<NaiveDate> = dates.iter().rev().take(room).rev().copied().collect();
    let mut constraints = vec![Constraint::Fill(1)];
    let mut header = vec!["Baseline".to_string()];
    for d in &shown {
        constraints.push(Constraint::Length(date_width as u16));
        header.push(d.format("%-d %b %Y").to_string());
    }
    if latest {
        constraints.push(Constraint::Length(date_width as u16));
        header.push("Latest".into());
    }
    constraints.extend([Constraint::Fill(1), Constraint::Length(7), Constraint::Length(13)]);
    header.extend(["Target".into(), "Trend".into(), "On track".into()]);
    let cols = widths(&constraints, inner.width.saturating_sub(2));
    let join = |cells: &[String]| {
        let text: Vec<String> = cells.iter().zip(&cols).map(|(c, w)| cell(c, *w)).collect();
        format!("  {}", text.join(" "))
    };
    let mut lines = vec![
        Line::styled("  Measure", theme.title()),
        Line::styled(join(&header), theme.title()),
    ];
    if dates.len() > shown.len() {
        lines[0] = Line::styled(
            "  Measure   (earlier readings: Enter shows them all as a chart)",
            theme.title(),
        );
    }
    let height = usize::from(inner.height.saturating_sub(2)) / 2;
    let width = usize::from(inner.width);
    for (i, m) in measures
        .iter()
        .enumerate()
        .skip(scroll(state.selected, height))
        .take(height)
    {
        let selected = i == state.selected;
        let marker = if selected { "▶ " } else { "  " };
        let indicator = if m.indicator().is_empty() {
            format!("{} (no longer defined)", m.id)
        } else {
            m.indicator().to_string()
        };
        let style = if selected { theme.selected() } else { Style::new() };
        lines.push(Line::styled(fit(&format!("{marker}{indicator}"), width), style));
        let mut cells = vec![m.baseline().to_string()];
        for d in &shown {
            let value = m.readings.iter().rev().find(|r| r.date == *d);
            cells.push(
                value
                    .map(|r| r.reading.value.clone())
                    .unwrap_or_else(|| "—".into()),
            );
        }
        if latest {
            cells.push(
                m.latest()
                    .map(|r| r.reading.value.clone())
                    .unwrap_or_else(|| "—".into()),
            );
        }
        cells.extend([
            m.target().to_string(),
            m.sparkline(),
            m.on_track().label().to_string(),
        ]);
        lines.push(Line::styled(join(&cells), theme.muted()));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
