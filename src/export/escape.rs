//! Making typed text safe to place in Markdown.
//!
//! Whatever a participant types must show up as the same words in the
//! minutes and nothing else: no headings, lists, links, tables or raw HTML
//! of its own. Every piece of session text passes through one of these
//! functions exactly once, at the point it is written out.

/// What an empty table cell shows, so a blank reads as "nothing said"
/// rather than a broken row.
pub const EMPTY_CELL: &str = "—";

/// Normalises line endings, turns tabs into spaces and drops control
/// characters and invisible direction overrides, which could hide or
/// reorder text in a printed copy.
pub fn clean(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    text.chars()
        .filter_map(|c| match c {
            '\n' => Some('\n'),
            '\t' => Some(' '),
            c if c.is_control() || is_direction_override(c) => None,
            c => Some(c),
        })
        .collect()
}

fn is_direction_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One line of text for any place that may start a line (a list item, a
/// sentence of our own): line breaks become spaces, runs of spaces collapse.
pub fn line(text: &str) -> String {
    escape_block_start(heading(text))
}

/// Heading text: like [`line`], but a heading's text is never read as a
/// block, so "1. Shared goals" can stay as it is.
pub fn heading(text: &str) -> String {
    let joined = clean(text).split_whitespace().collect::<Vec<_>>().join(" ");
    escape_inline(&joined)
}

/// A table cell: like [`line`], but line breaks become " / " so a list typed
/// on several lines stays readable, and an empty cell shows a dash.
pub fn cell(text: &str) -> String {
    let cleaned = clean(text);
    let lines: Vec<String> = cleaned
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return EMPTY_CELL.to_string();
    }
    escape_block_start(escape_inline(&lines.join(" / ")))
}

/// Free text as paragraphs: blank lines separate paragraphs and single line
/// breaks are kept as hard breaks (a backslash at the end of the line).
pub fn paragraphs(text: &str) -> Vec<String> {
    let cleaned = clean(text);
    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for raw in cleaned.lines() {
        let words = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if words.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\\\n"));
                current.clear();
            }
        } else {
            current.push(escape_block_start(escape_inline(&words)));
        }
    }
    if !current.is_empty() {
        out.push(current.join("\\\n"));
    }
    out
}

/// Free text squeezed into one paragraph with hard breaks, for a list item
/// where a blank line would otherwise end the item.
pub fn hard_broken(text: &str) -> String {
    paragraphs(text).join("\\\n")
}

/// Escapes, in one line with no line breaks and no leading spaces, every
/// character Markdown could read as inline markup or as the start of HTML.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        let special = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => true,
            // Only "&name;" or "&#12;" could become an entity; plain "&" reads better bare.
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            '!' => next == Some('['),
            _ => false,
        };
        if special {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line starting "-", "+", "=" or "12." / "12)" would start a list, a
/// setext heading or a rule; the other block markers are escaped already.
fn escape_block_start(line: String) -> String {
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_words_are_left_alone() {
        assert_eq!(
            line("Health & care, 2026: 38 a month!"),
            "Health & care, 2026: 38 a month!"
        );
        assert_eq!(line("Data-driven (next) steps."), "Data-driven (next) steps.");
    }

    #[test]
    fn inline_markup_is_escaped() {
        assert_eq!(line("*bold* _em_ `code`"), r"\*bold\* \_em\_ \`code\`");
        assert_eq!(
            line("[link](http://x) ![img](y)"),
            r"\[link\](http://x) \!\[img\](y)"
        );
        assert_eq!(line("a | b ~~c~~ \\"), r"a \| b \~\~c\~\~ \\");
        assert_eq!(line("#3 &amp; &#60;"), r"\#3 \&amp; \&\#60;");
    }

    #[test]
    fn html_is_escaped_so_it_shows_as_text() {
        assert_eq!(
            line("<script>alert(1)</script>"),
            r"\<script\>alert(1)\</script\>"
        );
    }

    #[test]
    fn block_markers_at_the_start_are_escaped() {
        assert_eq!(line("# Heading"), r"\# Heading");
        assert_eq!(line("> quote"), r"\> quote");
        assert_eq!(line("- item"), r"\- item");
        assert_eq!(line("+ item"), r"\+ item");
        assert_eq!(line("==="), r"\===");
        assert_eq!(line("1. item"), r"1\. item");
        assert_eq!(line("12) item"), r"12\) item");
        assert_eq!(line("2026 was good"), "2026 was good");
        assert_eq!(line("    indented code"), "indented code");
        assert_eq!(heading("1. Shared goals"), "1. Shared goals");
        assert_eq!(heading("# 1. *x*"), r"\# 1. \*x\*");
    }

    #[test]
    fn control_characters_and_overrides_are_dropped() {
        assert_eq!(clean("a\u{0}b\u{7}c\u{1b}[31m\u{202E}d\te"), "abc[31md e");
        assert_eq!(clean("one\r\ntwo\rthree"), "one\ntwo\nthree");
    }

    #[test]
    fn lines_join_and_cells_use_slashes() {
        assert_eq!(line("two\nlines  here"), "two lines here");
        assert_eq!(cell("first\n\n- second\n"), "first / - second");
        assert_eq!(cell("- first"), r"\- first");
        assert_eq!(cell(" \n\t"), EMPTY_CELL);
        assert_eq!(cell("a|b"), r"a\|b");
    }

    #[test]
    fn paragraphs_keep_breaks_and_escape_each_line() {
        let text = "First line\n1. not a list\n\n\n# not a heading\r\nend \\";
        assert_eq!(
            paragraphs(text),
            vec![
                "First line\\\n1\\. not a list".to_string(),
                "\\# not a heading\\\nend \\\\".to_string()
            ]
        );
        assert!(paragraphs("  \n \n").is_empty());
        assert_eq!(hard_broken("a\n\nb"), "a\\\nb");
    }

    /// What a Markdown reader shows for `md`: its text, with hard breaks as
    /// line breaks, or `None` when it holds anything but plain paragraphs
    /// (or, with `table`, a one-cell table).
    fn rendered(md: &str, table: bool) -> Option<String> {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let mut out = String::new();
        for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
            match event {
                Event::Text(t) => out.push_str(&t),
                Event::HardBreak => out.push('\n'),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) if !table => {}
                Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableCell | Tag::TableRow) if table => {}
                Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableCell | TagEnd::TableRow)
                    if table => {}
                _ => return None,
            }
        }
        Some(out)
    }

    #[test]
    fn every_short_string_of_awkward_characters_reads_back_as_typed() {
        let alphabet: Vec<char> = "\\`*_[]<>#|~&!-+=.)1a :(/;\"\n".chars().collect();
        let mut inputs: Vec<String> = vec![
            "&amp;".into(),
            "&#60;".into(),
            "&#x3C;".into(),
            "<a href=x>".into(),
            "<http://x>".into(),
            "<x@y.z>".into(),
            "<!-- c -->".into(),
            "***".into(),
            "- - -".into(),
            "```".into(),
        ];
        for a in &alphabet {
            for b in &alphabet {
                for c in &alphabet {
                    inputs.push([*a, *b, *c].iter().collect());
                }
            }
        }
        for input in inputs {
            let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
            let lines: Vec<String> = input.lines().map(words).filter(|l| !l.is_empty()).collect();
            if lines.is_empty() {
                continue;
            }
            let para = paragraphs(&input).join("\n\n");
            let want = lines.join("\n");
            // Paragraph breaks vanish from the text stream, so compare per paragraph.
            let got: Option<Vec<String>> = paragraphs(&input).iter().map(|p| rendered(p, false)).collect();
            assert_eq!(
                got.map(|g| g.join("\n")),
                Some(want),
                "paragraph from {input:?}: {para:?}"
            );
            let table = format!("| h |\n| --- |\n| {} |", cell(&input));
            assert_eq!(
                rendered(&table, true),
                Some(format!("h{}", lines.join(" / "))),
                "cell from {input:?}"
            );
        }
    }
}
