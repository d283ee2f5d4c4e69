//! Escaping for the minutes: what a Markdown reader would take as markup
//! is escaped, and nothing else.

use super::*;

#[test]
fn a_decimal_is_not_taken_for_a_numbered_list() {
    assert_eq!(cell("3.0"), "3.0");
    assert_eq!(line("2026.5 readings"), "2026.5 readings");
    assert_eq!(line("3. Next"), "3\\. Next");
    assert_eq!(cell("12)"), "12\\)");
}

#[test]
fn plain_words_are_left_alone() {
    assert_eq!(
        line("Health & care, 2026: 38 a month!"),
        "Health & care, 2026: 38 a month!"
    );
    assert_eq!(line("Data-driven (next) steps."), "Data-driven (next) steps.");
}

#[test]
fn prose_that_no_reader_takes_as_markup_stays_as_typed() {
    for typed in [
        "A&E waits",
        "2 * 3 = 6",
        "file_name_here",
        "Item #3 in C#",
        "a < b and c > d",
        "C:\\Users\\ann",
        "50% of £5 ~ ok",
        "Wow! Great.",
    ] {
        assert_eq!(line(typed), typed);
    }
}

#[test]
fn inline_markup_is_escaped() {
    assert_eq!(line("*bold* _em_ `code`"), r"\*bold\* \_em\_ \`code\`");
    assert_eq!(line("*our* plan"), r"\*our\* plan");
    assert_eq!(
        line("[link](http://x) ![img](y)"),
        r"\[link\](http://x) !\[img\](y)"
    );
    assert_eq!(line("a | b ~~c~~ \\"), r"a \| b \~\~c\~\~ \\");
    assert_eq!(line("#3 &amp; &#60;"), r"\#3 \&amp; \&#60;");
    assert_eq!(heading("Plan ##"), r"Plan \##");
}

#[test]
fn html_is_escaped_so_it_shows_as_text() {
    assert_eq!(line("<script>alert(1)</script>"), r"\<script>alert(1)\</script>");
    assert_eq!(line("<!-- c --> <?x"), r"\<!-- c --> \<?x");
}

#[test]
fn block_markers_at_the_start_are_escaped() {
    assert_eq!(line("# Heading"), r"\# Heading");
    assert_eq!(line("> quote"), r"\> quote");
    assert_eq!(line("- item"), r"\- item");
    assert_eq!(line("+ item"), r"\+ item");
    assert_eq!(line("* item"), r"\* item");
    assert_eq!(line("___"), r"\_\_\_");
    assert_eq!(line("~~~ fence"), r"\~\~\~ fence");
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
fn paragraphs_keep_breaks_with_no_backslashes() {
    let text = "First line\n1. not a list\n\n\n# not a heading\r\nend \\";
    assert_eq!(
        paragraphs(text),
        vec!["First line  \n1\\. not a list", "\\# not a heading  \nend \\\\"]
    );
    assert!(paragraphs("  \n \n").is_empty());
    assert_eq!(list_item("a\nb\n\nc"), "a  \nb\n\nc");
}

/// What a Markdown reader shows for `md`: its text, with hard breaks as
/// line breaks, or `None` when it holds anything but plain paragraphs
/// (or, with `table`, a one-cell table).
fn rendered(md: &str, table: bool) -> Option<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = String::new();
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) => out.push_str(&t),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) if !table => {}
            Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableCell | Tag::TableRow) if table => {}
            Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableCell | TagEnd::TableRow) if table => {
            }
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
        "a_b_ c".into(),
        "*a*b".into(),
        "é*x*é".into(),
        "’*x*’".into(),
    ];
    for a in &alphabet {
        for b in &alphabet {
            for c in &alphabet {
                inputs.push([*a, *b, *c].iter().collect());
            }
        }
    }
    for input in inputs {
        let lines = typed_lines(&input);
        if lines.is_empty() {
            continue;
        }
        // Paragraph breaks vanish from the text stream, so compare per paragraph.
        let got: Option<Vec<String>> = paragraphs(&input).iter().map(|p| rendered(p, false)).collect();
        assert_eq!(
            got.map(|g| g.join("\n")),
            Some(lines.join("\n")),
            "paragraphs from {input:?}: {:?}",
            paragraphs(&input)
        );
        // Our own text sits beside the escaped text: punctuation, spaces, bold labels.
        let line = line(&input);
        for (before, after) in [("(", ")"), ("**Note:** ", ""), ("x ", " y"), ("\"", "\"")] {
            let md = format!("{before}{line}{after}");
            let want = format!("{}{}{}", before.replace("**", ""), lines.join(" "), after);
            let got = rendered(&md, false).or_else(|| {
                // A bold label is markup of ours: read the text inside it.
                md.starts_with("**").then(|| plain_text(&md))?
            });
            assert_eq!(got, Some(want), "{input:?} inside {md:?}");
        }
        let table = format!("| h |\n| --- |\n| {} |", cell(&input));
        assert_eq!(
            rendered(&table, true),
            Some(format!("h{}", lines.join(" / "))),
            "cell from {input:?}"
        );
    }
}

/// The text of `md` when its only markup is one strong span at the start.
fn plain_text(md: &str) -> Option<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::new();
    let mut strong = 0;
    for event in Parser::new(md) {
        match event {
            Event::Text(t) => out.push_str(&t),
            Event::Start(Tag::Strong) => strong += 1,
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph | TagEnd::Strong) => {}
            _ => return None,
        }
    }
    (strong == 1).then_some(out)
}
