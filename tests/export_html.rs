#![allow(clippy::unwrap_used)]
//! The minutes as one HTML page: the same as its golden file, and made of
//! exactly the same elements when every word in the session is hostile,
//! so no typed text can add a script, an image, a link or a comment.

use std::path::{Path, PathBuf};

use roundtable::domain::Session;
use roundtable::export::{html_document, minutes};

fn fixture(stem: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/export/{stem}.ron"));
    roundtable::storage::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn golden(stem: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/golden/html/{stem}.html"))
}

/// Every tag in order with its attribute names, without text or values:
/// two pages built alike give the same list. Line breaks are left out, as
/// the typed text's own lines may differ.
fn shape(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').unwrap_or(rest.len());
        // Attribute values dropped: they are what may differ.
        let names: Vec<String> = rest[..end]
            .split('"')
            .step_by(2)
            .flat_map(str::split_whitespace)
            .map(|w| w.split('=').next().unwrap_or("").to_ascii_lowercase())
            .collect();
        if names.first().is_some_and(|n| n != "br") {
            out.push(names.join(" "));
        }
    }
    out
}

#[test]
fn minutes_as_html_match_the_golden_file() {
    let stem = "riverside-carers-first-session";
    let html = html_document(&minutes(&fixture(stem)));
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        std::fs::write(golden(stem), &html).unwrap();
    }
    let expected = std::fs::read_to_string(golden(stem)).unwrap();
    assert_eq!(
        html, expected,
        "regenerate with UPDATE_GOLDEN=1 cargo test --test export_html"
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>"));
    assert!(html.contains("<table>"));
    assert!(html.contains("@page { size: A4"));
}

#[test]
fn hostile_text_adds_no_element_and_reads_as_typed() {
    let benign = html_document(&minutes(&fixture("riverside-carers-first-session")));
    let hostile = html_document(&minutes(&fixture("riverside-carers-hostile")));
    // The hostile fixture is the rich one with every typed line replaced.
    assert_eq!(shape(&hostile), shape(&benign));
    for tag in ["<script", "<img", "<a ", "<!--"] {
        assert!(!hostile.contains(tag), "{tag}");
    }
    assert!(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(hostile.contains("[link](http://x) ![img](y)"));
}

#[test]
fn more_attacks_in_every_kind_of_field_stay_text() {
    const ATTACKS: &[&str] = &[
        "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a> [y](javascript:alert(2)) <javascript:alert(3)>",
        "<!-- hidden --> <div onclick=\"x()\">d</div> &lt;b&gt; &#60;i&#62;",
        "<style>body{display:none}</style><iframe src=//evil></iframe>",
        "\"quoted\" 'single' & ampersand </p></body>",
    ];
    let rich = fixture("riverside-carers-first-session");
    let typed = |text: &str| {
        let mut s = rich.clone();
        s.title = format!("{} {text}", s.title);
        s.location = text.to_string();
        for goal in &mut s.goals {
            goal.text = format!("{}\n{text}", goal.text);
        }
        s.vision.final_wording = text.to_string();
        html_document(&minutes(&s))
    };
    let benign = shape(&typed("plain words"));
    for attack in ATTACKS {
        let html = typed(attack);
        assert_eq!(shape(&html), benign, "{attack}:\n{html}");
        for tag in ["<img", "<a ", "<!--", "<iframe", "<div", "javascript:alert(1)\""] {
            assert!(!html.contains(tag), "{tag} for {attack}:\n{html}");
        }
    }
}
