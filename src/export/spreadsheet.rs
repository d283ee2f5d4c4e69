//! CSV for spreadsheets: actions, and measures with their readings. Dates
//! are written as `2026-12-03` so spreadsheets read them as dates.

use chrono::NaiveDate;

use crate::domain::{ActionRecord, History, MeasureHistory, numeric_value};

const ACTION_HEADERS: [&str; 9] = [
    "ID",
    "Action",
    "Owner",
    "Due",
    "Status",
    "Overdue",
    "Partnership",
    "First agreed",
    "Latest session",
];

/// One row per action, as `records` lists them; "Overdue" is judged on
/// `today`.
pub fn actions_csv(history: &History, records: &[ActionRecord], today: NaiveDate) -> String {
    let rows = records.iter().map(|r| {
        let title = |i: usize| {
            history
                .session(i)
                .map(|s| format!("{} {}", s.date, s.title))
                .unwrap_or_default()
        };
        let a = r.action;
        vec![
            a.id.to_string(),
            a.text.to_string(),
            a.owner.to_string(),
            date(a.due),
            a.status.key().to_string(),
            if r.is_overdue(today) { "Yes" } else { "" }.to_string(),
            r.partnership.to_string(),
            title(r.first_session),
            title(r.session),
        ]
    });
    write(&ACTION_HEADERS, rows)
}

const MEASURE_HEADERS: [&str; 13] = [
    "Partnership",
    "Measure ID",
    "Activity",
    "Indicator",
    "Type",
    "Baseline",
    "Target",
    "Owner",
    "Reading date",
    "Value",
    "Number",
    "Note",
    "Session",
];

/// One row per reading, oldest first within each measure; a measure with no
/// readings yet still gets one row, so it is not forgotten.
pub fn measures_csv(history: &History, partnership: &str, measures: &[MeasureHistory]) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for m in measures {
        let definition = vec![
            partnership.to_string(),
            m.id.to_string(),
            m.activity.to_string(),
            m.indicator().to_string(),
            m.measure.map(|d| d.kind.label()).unwrap_or_default().to_string(),
            m.baseline().to_string(),
            m.target().to_string(),
            m.measure.map(|d| d.owner.to_string()).unwrap_or_default(),
        ];
        if m.readings.is_empty() {
            rows.push(definition);
            continue;
        }
        for r in &m.readings {
            let mut row = definition.clone();
            row.extend([
                r.date.to_string(),
                r.reading.value.clone(),
                numeric_value(&r.reading.value)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                r.reading.note.clone(),
                history
                    .session(r.session)
                    .map(|s| s.id.clone())
                    .unwrap_or_default(),
            ]);
            rows.push(row);
        }
    }
    write(&MEASURE_HEADERS, rows.into_iter())
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn write(headers: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut lines: Vec<Vec<String>> = vec![headers.iter().map(|h| h.to_string()).collect()];
    lines.extend(rows.map(|row| {
        let mut row: Vec<String> = row.iter().map(|c| safe_cell(c)).collect();
        row.resize(headers.len(), String::new());
        row
    }));
    for line in &lines {
        // Writing to memory cannot fail; a failure would only shorten the output.
        if out.write_record(line).is_err() {
            break;
        }
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Spreadsheets run a cell starting with `=`, `+`, `-` or `@` as a formula,
/// so such text (but not a plain number like "-3") gets a leading
/// apostrophe, which they show as text. Line breaks are kept: CSV quotes them.
fn safe_cell(text: &str) -> String {
    let text = crate::export::escape::clean(text);
    let risky = text.starts_with(['=', '+', '-', '@']) && text.trim().parse::<f64>().is_err();
    if risky { format!("'{text}") } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_left_alone() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("- a list"), "'- a list");
        assert_eq!(safe_cell("-3"), "-3");
        assert_eq!(safe_cell("a\u{1b}[31m\tb"), "a[31m b");
    }

    #[test]
    fn rows_are_quoted_when_needed_and_padded() {
        let text = write(
            &["A", "B"],
            vec![vec!["x, y".to_string()], vec!["say \"hi\"\nthere".into()]].into_iter(),
        );
        assert_eq!(text, "A,B\n\"x, y\",\n\"say \"\"hi\"\"\nthere\",\n");
    }
}
