//! One measure as a bar chart: the baseline, each reading by date and the
//! target, each bar labelled with its value as written, so the chart reads
//! the same without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, BorderType, Padding, Paragraph, Wrap};

use super::table::{cell, fit};
use super::theme::Theme;
use crate::domain::{MeasureHistory, numeric_value};

/// Bars are scaled to whole numbers; tenths keep "38.5%" apart from "38%".
const SCALE: f64 = 10.0;
/// Columns between bars.
const GAP: usize = 2;

pub fn draw(frame: &mut Frame, area: Rect, m: &MeasureHistory, theme: &Theme) {
    let [about, chart_area] = Layout::vertical([Constraint::Length(6), Constraint::Fill(1)]).areas(area);
    frame.render_widget(
        Paragraph::new(describe(m, theme)).wrap(Wrap { trim: false }),
        about,
    );

    let mut points: Vec<(String, String, Style)> =
        vec![("Baseline".into(), m.baseline().into(), Style::new())];
    for r in &m.readings {
        points.push((
            r.date.format("%-d %b %y").to_string(),
            r.reading.value.clone(),
            Style::new(),
        ));
    }
    // The target in bold, so it stands apart without colour.
    let target_style = Style::new().add_modifier(Modifier::BOLD);
    points.push(("Target".into(), m.target().into(), target_style));
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border())
        .padding(Padding::horizontal(1))
        .title(Line::styled(" Baseline, readings and target ", theme.title()));
    let inner = block.inner(chart_area);
    frame.render_widget(block, chart_area);
    let [bars_area, values_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let n = points.len().max(1);
    let bar_width = (usize::from(inner.width) / n).saturating_sub(GAP).clamp(3, 16);
    let bars: Vec<Bar> = points
        .iter()
        .map(|(label, value, style)| {
            let number = numeric_value(value).filter(|v| v.is_finite() && *v >= 0.0);
            Bar::default()
                .value(number.map_or(0, |v| (v * SCALE).round() as u64))
                .text_value(String::new())
                .label(Line::from(fit(label, bar_width)))
                .style(*style)
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width as u16)
        .bar_gap(GAP as u16);
    frame.render_widget(chart, bars_area);
    // Each value as written, under its bar: a bar of words stays empty.
    let mut values = String::new();
    for (_, value, _) in &points {
        let text = if numeric_value(value).is_some() {
            value.clone()
        } else {
            format!("{value} (words)")
        };
        values.push_str(&cell(&text, bar_width));
        values.push_str(&" ".repeat(GAP));
    }
    frame.render_widget(Paragraph::new(Line::styled(values, theme.title())), values_area);
}

/// What is measured, where it stands and what "on track" means here.
fn describe<'a>(m: &'a MeasureHistory, theme: &Theme) -> Vec<Line<'a>> {
    let field = |label: &'static str, value: String| {
        Line::from(vec![Span::styled(label, theme.muted()), Span::raw(value)])
    };
    let or_dash = |v: &str| {
        if v.trim().is_empty() {
            "—".to_string()
        } else {
            v.to_string()
        }
    };
    let latest = m
        .latest()
        .map(|r| format!("{} on {}", r.reading.value, r.date.format("%-d %B %Y")))
        .unwrap_or_else(|| "no reading yet".into());
    let source = m.measure.map(|x| x.source.as_str()).unwrap_or_default();
    let owner = m.measure.map(|x| x.owner.as_str()).unwrap_or_default();
    vec![
        Line::styled(format!(" {}", or_dash(m.indicator())), theme.title()),
        field(" Activity: ", or_dash(m.activity)),
        field(
            " Baseline: ",
            format!("{}   Target: {}", or_dash(m.baseline()), or_dash(m.target())),
        ),
        field(" Latest: ", format!("{latest}   Trend: {}", m.sparkline())),
        field(" On track: ", m.on_track().label().to_string()),
        field(
            " Source: ",
            format!("{}   Owner: {}", or_dash(source), or_dash(owner)),
        ),
    ]
}
