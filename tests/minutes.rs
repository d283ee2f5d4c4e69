#![allow(clippy::unwrap_used)]
//! The minutes as a Markdown parser sees them: the right headings and
//! tables for a rich session, and exactly the same structure when every
//! word in the session is hostile.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag};
use roundtable::domain::Session;
use roundtable::export::minutes;
use serde_json::Value;

const RICH: &str = "riverside-carers-first-session";
const HOSTILE: &str = "riverside-carers-hostile";

/// Typed into every text field of the hostile fixture.
const ATTACK: &str = "# x | y *z* <script>alert(1)</script> `code` 1. item\nline2 [link](http://x) ![img](y)";

/// More ways to break out of the structure, tried in memory.
const MORE_ATTACKS: &[&str] = &[
    "- a\n---\n===\n> q\n    indented\n```\nfence\n~~~",
    "| a | b |\n|---|---|\n| c | d |",
    "<!-- c --> <div>x</div> &lt;b&gt; &#60;i&#62; <http://x.y> \\",
    "\u{0}\u{7}\u{1b}[31m\u{202e}evil\ttab\r\n2) two\\\n__u__ ~~s~~ [^1] $x$",
];

fn fixture_path(stem: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/export/{stem}.ron"))
}

fn load(stem: &str) -> Session {
    let path = fixture_path(stem);
    roundtable::storage::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn parse(md: &str) -> Vec<Event<'_>> {
    Parser::new_ext(md, Options::ENABLE_TABLES).collect()
}

/// Every block and inline element in order, without the words: two
/// documents with the same shape give the same list.
fn shape(md: &str) -> Vec<String> {
    parse(md)
        .into_iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(format!("{level:?}")),
            Event::Start(Tag::Table(columns)) => Some(format!("Table{}", columns.len())),
            Event::Start(Tag::List(start)) => Some(format!("List{start:?}")),
            Event::Start(tag) => Some(
                format!("{tag:?}")
                    .chars()
                    .take_while(|c| c.is_alphanumeric())
                    .collect(),
            ),
            Event::Text(_) | Event::End(_) | Event::SoftBreak | Event::HardBreak => None,
            other => Some(format!("{other:?}")),
        })
        .collect()
}

/// (level, text) of every heading.
fn headings(md: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut current: Option<(u8, String)> = None;
    for e in parse(md) {
        match e {
            Event::Start(Tag::Heading { level, .. }) => current = Some((level as u8, String::new())),
            Event::Text(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

fn all_text(md: &str) -> String {
    parse(md)
        .into_iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect()
}

/// Replaces every line a person typed with `attack`, keeping blank lines,
/// empty fields and which texts were equal, so the structure stays the same.
fn make_hostile(session: &Session, attack: &str) -> Session {
    const NOT_TYPED: &[&str] = &[
        "format_version",
        "id",
        "measure_id",
        "date",
        "start_time",
        "review_date",
        "due",
        "by",
        "created",
        "updated",
        "status",
        "sector",
        "attendance",
        "kind",
        "level",
        "method",
        "step",
    ];
    fn walk(value: &mut Value, attack: &str, seen: &mut HashMap<String, String>) {
        match value {
            Value::String(s) => {
                let lines: Vec<String> = s
                    .split('\n')
                    .map(|line| {
                        if line.trim().is_empty() {
                            return line.to_string();
                        }
                        let n = seen.len() + 1;
                        seen.entry(line.to_string())
                            .or_insert_with(|| format!("{attack} {n}"))
                            .clone()
                    })
                    .collect();
                *s = lines.join("\n");
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, attack, seen)),
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    if !NOT_TYPED.contains(&key.as_str()) {
                        walk(v, attack, seen);
                    }
                }
            }
            _ => {}
        }
    }
    let mut value = serde_json::to_value(session).unwrap();
    walk(&mut value, attack, &mut HashMap::new());
    serde_json::from_value(value).unwrap()
}

#[test]
fn rich_session_has_the_expected_headings_and_tables() {
    let md = minutes(&load(RICH));
    let expected: Vec<(u8, &str)> = vec![
        (1, "Riverside Carers Alliance — first co-design session"),
        (2, "Attendance"),
        (3, "Present"),
        (3, "Apologies"),
        (3, "Absent"),
        (2, "1. Shared goals"),
        (3, "Agreed goals"),
        (3, "Also proposed"),
        (2, "2. Single vision"),
        (3, "Final wording"),
        (3, "Consent"),
        (3, "Earlier drafts"),
        (2, "3. What we will do and how we will measure it"),
        (3, "Carer-aware GP practices"),
        (3, "Young carers in schools"),
        (3, "Weekend respite pilot"),
        (2, "4. Roles and responsibilities"),
        (3, "Workstreams"),
        (3, "Secretariat"),
        (3, "How decisions are made"),
        (3, "Commitments"),
        (2, "5. Promoting awareness"),
        (2, "6. Data-driven next steps"),
        (3, "Readings"),
        (3, "What we learned"),
        (3, "Next steps"),
        (2, "Decisions"),
        (2, "Participation"),
        (2, "Actions"),
        (2, "Parking lot"),
    ];
    let got = headings(&md);
    let got: Vec<(u8, &str)> = got.iter().map(|(l, t)| (*l, t.as_str())).collect();
    assert_eq!(got, expected, "\n{md}");
    let tables: Vec<String> = shape(&md)
        .into_iter()
        .filter(|s| {
            s.strip_prefix("Table")
                .is_some_and(|n| n.parse::<usize>().is_ok())
        })
        .collect();
    // consent, 2 measure tables, workstreams, commitments, awareness, readings, actions
    assert_eq!(
        tables,
        [
            "Table3", "Table7", "Table7", "Table4", "Table3", "Table5", "Table4", "Table4"
        ]
    );
    assert!(md.ends_with("*Minutes prepared with Roundtable.*\n"));
}

#[test]
fn hostile_fixture_is_the_rich_one_with_every_word_replaced() {
    let expected = make_hostile(&load(RICH), ATTACK);
    if std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1") {
        let text = ron::ser::to_string_pretty(&expected, ron::ser::PrettyConfig::default()).unwrap();
        std::fs::write(fixture_path(HOSTILE), text + "\n").unwrap();
    }
    assert_eq!(
        load(HOSTILE),
        expected,
        "regenerate it with UPDATE_GOLDEN=1 cargo test --test minutes"
    );
}

#[test]
fn hostile_text_cannot_change_the_structure_or_add_html() {
    let rich = load(RICH);
    let benign = shape(&minutes(&rich));
    let mut cases = vec![(ATTACK, minutes(&load(HOSTILE)))];
    for attack in MORE_ATTACKS {
        cases.push((attack, minutes(&make_hostile(&rich, attack))));
    }
    for (attack, md) in cases {
        let hostile = shape(&md);
        assert_eq!(hostile, benign, "structure changed for {attack:?}:\n{md}");
        assert!(
            !hostile.iter().any(|s| s.contains("Html") || s.contains("Code")),
            "{md}"
        );
    }
}

#[test]
fn hostile_text_still_reads_as_typed() {
    let md = minutes(&load(HOSTILE));
    let text = all_text(&md);
    assert!(text.contains("<script>alert(1)</script>"), "{md}");
    assert!(text.contains("[link](http://x) ![img](y)"));
    let title = &headings(&md)[0].1;
    assert!(
        title.starts_with(&format!("{} ", ATTACK.replace('\n', " "))),
        "{title}"
    );
    // In a table the line break becomes " / " and the pipe stays a pipe.
    assert!(text.contains("1. item / line2 [link]"), "{md}");
}

#[test]
fn no_heading_is_ever_left_empty() {
    let mut sparse = load(RICH);
    for g in &mut sparse.goals {
        g.text = " ".into();
    }
    sparse.vision.drafts.iter_mut().for_each(|d| d.text.clear());
    sparse.vision.final_wording.clear();
    sparse
        .roles
        .workstreams
        .iter_mut()
        .for_each(|w| *w = Default::default());
    sparse.roles.secretariat = "\n\n".into();
    sparse.review.learnings.iter_mut().for_each(|l| l.text.clear());
    sparse.decisions.iter_mut().for_each(|d| *d = Default::default());
    sparse.actions.iter_mut().for_each(|a| *a = Default::default());
    for session in [load(RICH), sparse] {
        let md = minutes(&session);
        let mut last_heading: Option<u8> = None;
        for e in parse(&md) {
            match e {
                Event::Start(Tag::Heading { level, .. }) => {
                    if let Some(previous) = last_heading {
                        assert!(level as u8 > previous, "empty section before {level:?}:\n{md}");
                    }
                    last_heading = Some(level as u8);
                }
                Event::End(pulldown_cmark::TagEnd::Heading(_)) | Event::Text(_) => {}
                _ => last_heading = None,
            }
        }
        assert!(
            last_heading.is_none(),
            "the minutes end with an empty heading:\n{md}"
        );
    }
}

/// The HTML pandoc makes of `md` as GitHub Markdown, or `None` when pandoc
/// is not installed.
fn pandoc(md: &str) -> Option<String> {
    String::from_utf8(pandoc_with(&["-f", "gfm", "-t", "html"], md.as_bytes())?).ok()
}

/// What pandoc writes to stdout given `input` with `args`, or `None` when
/// pandoc is not installed.
fn pandoc_with(args: &[&str], input: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("pandoc")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = input.to_vec();
    // Write from another thread so a large output cannot block the pipe.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().ok()?;
    writer.join().ok()?.ok()?;
    assert!(output.status.success(), "pandoc {args:?} failed");
    Some(output.stdout)
}

/// The relative widths (in %) Word is given for the columns of the table
/// whose header row holds `header`, read back from `docx` by pandoc (which
/// takes them from the `<w:gridCol w:w=…>` of word/document.xml), with
/// each column's header.
fn docx_widths(docx: &[u8], header: &str) -> Vec<(String, u32)> {
    let html = pandoc_with(&["-f", "docx", "-t", "html"], docx).unwrap();
    let html = String::from_utf8(html).unwrap();
    let table = html
        .split("<table")
        .find(|t| t.contains(&format!("<th>{header}</th>")))
        .unwrap_or_else(|| panic!("no table headed {header:?} in:\n{html}"));
    let widths = table
        .split("<col style=\"width: ")
        .skip(1)
        .map(|c| c.split('%').next().unwrap().trim().parse::<u32>().unwrap());
    let headers = table
        .split("<th>")
        .skip(1)
        .map(|h| h.split("</th>").next().unwrap().to_string());
    headers.zip(widths).collect()
}

#[test]
fn pandoc_renders_the_tables_and_headings_when_installed() {
    let Some(html) = pandoc(&minutes(&load(RICH))) else {
        println!("pandoc is not installed: skipping the pandoc check");
        return;
    };
    assert_eq!(html.matches("<table>").count(), 8, "{html}");
    assert_eq!(html.matches("<h2").count(), 11, "{html}");
    assert_eq!(html.matches("<h3").count(), 18, "{html}");
    assert!(html.contains("<blockquote>"));
    let hostile = pandoc(&minutes(&load(HOSTILE))).unwrap();
    assert_eq!(hostile.matches("<table>").count(), 8, "{hostile}");
    assert!(!hostile.contains("<script") && !hostile.contains("<img") && !hostile.contains("<code"));
    assert!(hostile.contains("&lt;script&gt;"), "{hostile}");
}

/// Word gets relative column widths from the delimiter row, as pandoc's own
/// Markdown reader reads them when a row is long: the action's text gets
/// several times the room of its due date. (Pandoc's `gfm` reader ignores
/// them and makes every column equal, so the README converts with
/// `pandoc minutes.md -o minutes.docx`.)
#[test]
fn word_gives_the_action_text_more_room_than_its_due_date() {
    let mut session = load(RICH);
    session.actions.push(roundtable::domain::ActionItem {
        text: "Write to every GP practice in the borough about the carers' drop-in and ask them to refer"
            .into(),
        owner: "Ann Smith".into(),
        due: chrono::NaiveDate::from_ymd_opt(2026, 12, 31),
        ..Default::default()
    });
    let md = minutes(&session);
    let Some(docx) = pandoc_with(&["-f", "markdown", "-t", "docx", "-o", "-"], md.as_bytes()) else {
        println!("pandoc is not installed: skipping the Word column widths check (CI installs pandoc)");
        return;
    };
    let widths = docx_widths(&docx, "Action");
    let width = |name: &str| {
        widths
            .iter()
            .find(|(h, _)| h == name)
            .map(|(_, w)| *w)
            .unwrap_or_else(|| panic!("no {name} column in {widths:?}"))
    };
    assert!(width("Action") >= 3 * width("Due"), "{widths:?}");
    assert!(width("Action") >= 40, "{widths:?}");
    assert!(width("Due") >= 10, "a date keeps room for one line: {widths:?}");
}

/// The Word conversion above reads the minutes with pandoc's own Markdown
/// reader: it must see the same blocks as the GitHub reader, and hostile
/// text must stay text there too.
#[test]
fn pandocs_own_markdown_reader_sees_the_same_minutes() {
    let blocks = |html: &str| {
        ["<table", "<h2", "<h3", "<li", "<ol", "<ul", "<blockquote", "<p>"]
            .map(|tag| html.matches(tag).count())
    };
    for stem in [RICH, HOSTILE] {
        let md = minutes(&load(stem));
        let Some(gfm) = pandoc(&md) else {
            println!("pandoc is not installed: skipping the pandoc Markdown check (CI installs pandoc)");
            return;
        };
        let own = String::from_utf8(pandoc_with(&["-f", "markdown", "-t", "html"], md.as_bytes()).unwrap())
            .unwrap();
        assert_eq!(blocks(&own), blocks(&gfm), "{stem}:\n{own}");
        assert!(
            !own.contains("<script") && !own.contains("<img") && !own.contains("<code"),
            "{own}"
        );
    }
}

/// Minutes are read raw in mail clients: no backslash line breaks, and
/// prose no Markdown reader would misread stays as typed.
#[test]
fn minutes_read_as_plain_text() {
    let mut session = load(RICH);
    session.location = "A&E entrance, hall #2 (2 * 3 rooms), room_b, a < b".into();
    let md = minutes(&session);
    assert!(
        md.contains("- **Place:** A&E entrance, hall #2 (2 * 3 rooms), room_b, a < b\n"),
        "{md}"
    );
    assert!(!md.lines().any(|l| l.ends_with('\\')), "{md}");
    // Emphasis typed as *our* would lose its asterisks when converted, so it stays escaped.
    session.location = "*our* hall".into();
    assert!(minutes(&session).contains("- **Place:** \\*our\\* hall\n"));
}
