//! GFM tables. Cells are given as raw text and escaped here, so no caller
//! can forget to.
//!
//! The delimiter row's dashes give each column's relative width: pandoc's
//! own Markdown reader (`pandoc minutes.md -o minutes.docx`) sizes a table
//! with long rows by them, so an action's text gets more room than its due
//! date. (Pandoc's `gfm` reader ignores them and makes all columns equal.)

use unicode_width::UnicodeWidthStr;

use super::escape;

/// Rows wider than this are left unpadded: padding only helps someone
/// reading the raw file, and very wide padded rows help no one.
const MAX_PADDED_WIDTH: usize = 120;

/// In an unpadded table, a column's dashes follow its longest cell up to
/// this many, so a long column gets several times the room of a date
/// while the delimiter row stays short enough to read.
const MAX_RULE: usize = 40;

/// A table with these `headers`, or `None` when there are no rows (an
/// empty table says nothing). Rows whose cells are all blank are dropped.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> Option<String> {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .map(|r| {
            (0..headers.len())
                .map(|i| escape::cell(r.get(i).map(String::as_str).unwrap_or("")))
                .collect()
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let head: Vec<String> = headers.iter().map(|h| escape::cell(h)).collect();
    let mut widths: Vec<usize> = head.iter().map(|h| h.width().max(3)).collect();
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let total: usize = widths.iter().map(|w| w + 3).sum::<usize>() + 1;
    let (pad, rule): (Vec<usize>, Vec<usize>) = if total > MAX_PADDED_WIDTH {
        let rule = widths.iter().map(|w| (*w).min(MAX_RULE)).collect();
        (vec![0; widths.len()], rule)
    } else {
        (widths.clone(), widths)
    };
    let mut lines = vec![row_line(&head, &pad)];
    let rule: Vec<String> = rule.iter().map(|w| "-".repeat(*w)).collect();
    lines.push(row_line(&rule, &pad));
    lines.extend(rows.iter().map(|r| row_line(r, &pad)));
    Some(lines.join("\n"))
}

fn row_line(cells: &[String], widths: &[usize]) -> String {
    let padded: Vec<String> = cells
        .iter()
        .zip(widths)
        .map(|(c, w)| format!("{c}{}", " ".repeat(w.saturating_sub(c.width()))))
        .collect();
    format!("| {} |", padded.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn narrow_tables_line_up() {
        let t = table(&["Name", "Role"], &[row(&["Ann", "Chair"]), row(&["Bo", ""])]);
        assert_eq!(
            t.as_deref(),
            Some("| Name | Role  |\n| ---- | ----- |\n| Ann  | Chair |\n| Bo   | —     |")
        );
    }

    #[test]
    fn wide_tables_are_not_padded_but_keep_relative_widths() {
        let long = "word ".repeat(30);
        let t = table(&["A", "Due"], &[row(&[&long, "1 Dec 2026"])]).unwrap();
        let rule = format!("| {} | {} |", "-".repeat(MAX_RULE), "-".repeat(10));
        assert!(t.starts_with(&format!("| A | Due |\n{rule}\n| word word")), "{t}");
    }

    #[test]
    fn blank_rows_and_empty_tables_are_dropped() {
        assert_eq!(table(&["A"], &[row(&[" "])]), None);
        assert_eq!(table(&["A"], &[]), None);
    }

    #[test]
    fn cells_are_escaped_and_short_rows_filled() {
        let t = table(&["A", "B"], &[row(&["x | y\nz"])]).unwrap();
        assert!(t.ends_with(r"| x \| y / z | —   |"), "{t}");
    }
}
