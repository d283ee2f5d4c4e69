use super::*;

/// Every tag in `html` with its attribute names: `("a", ["href"])`.
pub(crate) fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        // Quoted values dropped: only names are checked.
        let inside: String = rest[..end]
            .trim_start_matches('/')
            .split('"')
            .step_by(2)
            .collect::<Vec<_>>()
            .join(" ");
        let mut words = inside.split_whitespace();
        let name = words.next().unwrap_or("").to_ascii_lowercase();
        let attrs = words
            .filter_map(|w| w.split('=').next())
            .map(str::to_ascii_lowercase)
            .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-'))
            .collect();
        out.push((name, attrs));
    }
    out
}

/// Only the elements and attributes this writer makes.
pub(crate) fn assert_inert(html: &str) {
    const ELEMENTS: &[&str] = &[
        "!doctype",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "code",
        "ol",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "em",
        "strong",
        "del",
        "a",
        "br",
        "hr",
    ];
    const ATTRIBUTES: &[&str] = &[
        "html", "lang", "charset", "name", "content", "start", "style", "href",
    ];
    for (name, attrs) in tags(html) {
        assert!(ELEMENTS.contains(&name.as_str()), "<{name}> in:\n{html}");
        for attr in attrs {
            assert!(
                ATTRIBUTES.contains(&attr.as_str()),
                "{attr}= on <{name}> in:\n{html}"
            );
        }
    }
    // Words such as "onerror" may stay, as escaped text; never as markup.
    let lower = html.to_ascii_lowercase();
    for bad in [
        "<script",
        "<img",
        "<!--",
        "href=\"javascript",
        "href=\"data",
        "<iframe",
    ] {
        assert!(!lower.contains(bad), "{bad} in:\n{html}");
    }
}

#[test]
fn raw_markup_in_markdown_comes_out_as_text() {
    let md = "# Title <script>alert(1)</script>\n\n\
              <script>alert(2)</script>\n\n\
              A <img src=x onerror=alert(3)> b <!-- hidden --> c\n\n\
              <div onclick=\"x()\">block</div>\n\n\
              [click](javascript:alert(4)) [ok](https://example.org/?a=1&b=\"2\") \
              ![pic](http://evil.example/x.png) <javascript:alert(5)> [d](data:text/html,x)\n";
    let html = html_document(md);
    assert_inert(&html);
    assert!(html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"), "{html}");
    assert!(html.contains("&lt;img src=x onerror=alert(3)&gt;"), "{html}");
    assert!(html.contains("&lt;!-- hidden --&gt;"), "{html}");
    assert!(html.contains("<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">ok</a>"));
    assert!(html.contains(">click") || html.contains(" click"), "{html}");
    assert!(html.contains("<title>Title &lt;script&gt;alert(1)&lt;/script&gt;</title>"));
}

#[test]
fn tables_lists_and_breaks_keep_their_shape() {
    let md =
        "## Goals\n\n1. one  \n   two\n2. three\n\n| A | B |\n|---|--:|\n| x | 1 |\n\n- a\n- *b* **c**\n";
    let html = body(md);
    assert_eq!(
        html,
        "<h2>Goals</h2>\n<ol>\n<li>one<br>\ntwo</li>\n<li>three</li>\n</ol>\n\
         <table>\n<thead>\n<tr><th>A</th><th style=\"text-align: right\">B</th></tr>\n</thead>\n\
         <tbody>\n<tr><td>x</td><td style=\"text-align: right\">1</td></tr>\n</tbody>\n</table>\n\
         <ul>\n<li>a</li>\n<li><em>b</em> <strong>c</strong></li>\n</ul>\n"
    );
}

#[test]
fn a_document_without_a_heading_is_still_titled() {
    let html = html_document("Just words.\n");
    assert!(html.contains("<title>Minutes</title>"));
    assert!(html.contains("@page { size: A4"));
}
