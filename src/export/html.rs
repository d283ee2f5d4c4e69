//! The minutes as one HTML page to print or open in a browser.
//!
//! Written from the Markdown minutes, so both always say the same. The
//! Markdown already escapes what people typed; this writer escapes again
//! on its own, so nothing in the page can run, load or link anywhere even
//! if some text were to get through as markup: raw HTML comes out as the
//! text it is, links keep their words but lose their address unless it is
//! a web or mail address, and images show only their description.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// Readable on paper: black on white, A4 margins, serif text, tables with
/// plain rules; nothing depends on colour.
const STYLE: &str = "\
@page { size: A4; margin: 20mm 18mm; }
body { font-family: Georgia, 'Times New Roman', serif; font-size: 11pt; line-height: 1.45;
  color: #000; background: #fff; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.7em; margin: 0 0 0.6em; }
h2 { font-size: 1.3em; margin: 1.4em 0 0.4em; border-bottom: 1px solid #000; }
h3 { font-size: 1.1em; margin: 1.1em 0 0.3em; }
h1, h2, h3 { page-break-after: avoid; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-size: 0.95em; }
th, td { border: 1px solid #000; padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
th { font-weight: bold; }
tr { page-break-inside: avoid; break-inside: avoid; }
blockquote { margin: 0.6em 0; padding-left: 1em; border-left: 3px solid #000; }
pre, code { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 0.9em; }
pre { white-space: pre-wrap; }
a { color: inherit; }
@media print { body { margin: 0; max-width: none; } }
";

/// A complete HTML document of `markdown` (the minutes, or any report the
/// export module writes), titled after its first heading.
pub fn html_document(markdown: &str) -> String {
    let title = first_heading(markdown).unwrap_or_else(|| "Minutes".to_string());
    let mut out = String::with_capacity(markdown.len() * 2 + STYLE.len() + 256);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&title)));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    out.push_str(&body(markdown));
    out.push_str("</body>\n</html>\n");
    out
}

fn parse(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
}

/// The words of the first heading, as a reader sees them.
fn first_heading(markdown: &str) -> Option<String> {
    let mut title: Option<String> = None;
    for event in parse(markdown) {
        match (event, title.as_mut()) {
            (Event::Start(Tag::Heading { .. }), None) => title = Some(String::new()),
            (Event::Text(t) | Event::Code(t) | Event::InlineHtml(t), Some(words)) => words.push_str(&t),
            (Event::End(TagEnd::Heading(_)), Some(_)) => break,
            _ => {}
        }
    }
    title.filter(|t| !t.trim().is_empty())
}

/// Where a table is while it is written: its columns' alignment, whether
/// the header row is being written, and the cell reached in the row.
#[derive(Default)]
struct TableAt {
    align: Vec<Alignment>,
    head: bool,
    cell: usize,
}

/// The HTML of `markdown`'s blocks, every piece of text escaped.
fn body(markdown: &str) -> String {
    let mut out = String::new();
    let mut table = TableAt::default();
    // Links and images whose markup was dropped: their ends are dropped too.
    let mut dropped: Vec<bool> = Vec::new();
    for event in parse(markdown) {
        match event {
            Event::Start(tag) => start(&mut out, tag, &mut table, &mut dropped),
            Event::End(tag) => end(&mut out, tag, &mut table, &mut dropped),
            // Raw HTML is shown as the characters it is made of.
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&escape(&t)),
            Event::Code(t) => out.push_str(&format!("<code>{}</code>", escape(&t))),
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>\n"),
            Event::Rule => out.push_str("<hr>\n"),
            Event::FootnoteReference(t) => out.push_str(&format!("[^{}]", escape(&t))),
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&escape(&t)),
        }
    }
    out
}

fn start(out: &mut String, tag: Tag, table: &mut TableAt, dropped: &mut Vec<bool>) {
    match tag {
        Tag::Paragraph | Tag::HtmlBlock => out.push_str("<p>"),
        Tag::Heading { level, .. } => out.push_str(&format!("<{}>", heading(level))),
        Tag::BlockQuote(_) => out.push_str("<blockquote>\n"),
        Tag::CodeBlock(_) => out.push_str("<pre><code>"),
        Tag::List(Some(1)) => out.push_str("<ol>\n"),
        Tag::List(Some(n)) => out.push_str(&format!("<ol start=\"{n}\">\n")),
        Tag::List(None) => out.push_str("<ul>\n"),
        Tag::Item => out.push_str("<li>"),
        Tag::Table(align) => {
            *table = TableAt {
                align,
                ..TableAt::default()
            };
            out.push_str("<table>\n");
        }
        Tag::TableHead => {
            table.head = true;
            table.cell = 0;
            out.push_str("<thead>\n<tr>");
        }
        Tag::TableRow => {
            table.cell = 0;
            out.push_str("<tr>");
        }
        Tag::TableCell => {
            let name = if table.head { "th" } else { "td" };
            match table.align.get(table.cell) {
                Some(Alignment::Right) => out.push_str(&format!("<{name} style=\"text-align: right\">")),
                Some(Alignment::Center) => out.push_str(&format!("<{name} style=\"text-align: center\">")),
                _ => out.push_str(&format!("<{name}>")),
            }
        }
        Tag::Emphasis => out.push_str("<em>"),
        Tag::Strong => out.push_str("<strong>"),
        Tag::Strikethrough => out.push_str("<del>"),
        Tag::Link { dest_url, .. } => {
            let safe = safe_address(&dest_url);
            if safe {
                out.push_str(&format!("<a href=\"{}\">", escape(&dest_url)));
            }
            dropped.push(!safe);
        }
        // The description only: a printed page loads nothing.
        Tag::Image { .. } => dropped.push(true),
        _ => {}
    }
}

fn end(out: &mut String, tag: TagEnd, table: &mut TableAt, dropped: &mut Vec<bool>) {
    match tag {
        TagEnd::Paragraph | TagEnd::HtmlBlock => out.push_str("</p>\n"),
        TagEnd::Heading(level) => out.push_str(&format!("</{}>\n", heading(level))),
        TagEnd::BlockQuote(_) => out.push_str("</blockquote>\n"),
        TagEnd::CodeBlock => out.push_str("</code></pre>\n"),
        TagEnd::List(true) => out.push_str("</ol>\n"),
        TagEnd::List(false) => out.push_str("</ul>\n"),
        TagEnd::Item => out.push_str("</li>\n"),
        TagEnd::Table => out.push_str("</tbody>\n</table>\n"),
        TagEnd::TableHead => {
            table.head = false;
            out.push_str("</tr>\n</thead>\n<tbody>\n");
        }
        TagEnd::TableRow => out.push_str("</tr>\n"),
        TagEnd::TableCell => {
            out.push_str(if table.head { "</th>" } else { "</td>" });
            table.cell += 1;
        }
        TagEnd::Emphasis => out.push_str("</em>"),
        TagEnd::Strong => out.push_str("</strong>"),
        TagEnd::Strikethrough => out.push_str("</del>"),
        // Images push `true` too, so only kept links are closed.
        TagEnd::Link | TagEnd::Image => {
            let kept = dropped.pop() == Some(false);
            out.push_str(if kept { "</a>" } else { "" });
        }
        _ => {}
    }
}

fn heading(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "h1",
        HeadingLevel::H2 => "h2",
        HeadingLevel::H3 => "h3",
        HeadingLevel::H4 => "h4",
        HeadingLevel::H5 => "h5",
        HeadingLevel::H6 => "h6",
    }
}

/// Only web and mail addresses become links; `javascript:`, `data:` and
/// the rest stay words.
fn safe_address(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| url.starts_with(s))
}

/// Text safe in an element or a quoted attribute.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;
