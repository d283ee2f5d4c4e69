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

/// About how many characters fit across a page in Word: the budget an
/// unpadded table's delimiter row shares out between its columns.
const PAGE: usize = 80;

/// Cells up to this wide (dates, statuses) are kept on one line if the
/// page allows, before the long columns share what is left.
const SHORT: usize = 12;

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
        let words: Vec<usize> = (0..head.len())
            .map(|i| {
                let cells = std::iter::once(&head[i]).chain(rows.iter().map(|r| &r[i]));
                cells
                    .flat_map(|c| c.split_whitespace().map(UnicodeWidthStr::width))
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        (vec![0; widths.len()], share_page(&words, &widths))
    } else {
        (widths.clone(), widths)
    };
    let mut lines = vec![row_line(&head, &pad)];
    let rule: Vec<String> = rule.iter().map(|w| "-".repeat(*w)).collect();
    lines.push(row_line(&rule, &pad));
    lines.extend(rows.iter().map(|r| row_line(r, &pad)));
    Some(lines.join("\n"))
}

/// Each column's share of a page, in characters: at least its longest word
/// (so no word is split), short columns whole, and what is left shared in
/// proportion to how much more text each long column holds.
fn share_page(words: &[usize], widths: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = words
        .iter()
        .zip(widths)
        .map(|(w, full)| (*w).clamp(3, *full))
        .collect();
    let left = |out: &[usize]| PAGE.saturating_sub(out.iter().sum());
    for i in 0..out.len() {
        if widths[i] <= SHORT && widths[i] - out[i] <= left(&out) {
            out[i] = widths[i];
        }
    }
    let spare = left(&out);
    let wanted: usize = out.iter().zip(widths).map(|(o, full)| full - o).sum();
    for (o, full) in out.iter_mut().zip(widths) {
        *o += ((full - *o) * spare).checked_div(wanted).unwrap_or(0);
    }
    out
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
        let rule = format!("| {} | {} |", "-".repeat(70), "-".repeat(10));
        assert!(t.starts_with(&format!("| A | Due |\n{rule}\n| word word")), "{t}");
    }

    #[test]
    fn a_page_is_shared_by_words_then_short_columns_then_text() {
        // Action text, owner, due date, status.
        let shares = share_page(&[12, 10, 4, 9], &[100, 16, 11, 21]);
        assert_eq!(shares.iter().sum::<usize>(), PAGE - 1, "{shares:?}");
        assert!(shares[0] > 3 * shares[2], "{shares:?}");
        assert_eq!(shares[2], 11, "a date stays on one line");
        // Too many long words for a page: each keeps its longest word.
        assert_eq!(share_page(&[50, 50], &[60, 60]), vec![50, 50]);
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
