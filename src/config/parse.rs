//! Reading the config text field by field, so one mistake costs only its
//! own part. Each problem points at the field (or key) it is about.

use std::path::PathBuf;

use ron::Value;

use super::locate::locate;
use super::{Config, Problem};
use crate::app::key_tables::{self, Request};
use crate::domain::{Audience, MAX_MINUTES, Part};
use crate::ui::theme::Palette;

const FIELDS: [&str; 5] = ["archive", "theme", "audience", "time_boxes", "keys"];

const SHAPE: &str = "`roundtable config --example` prints a file with every field, commented";

pub(super) fn parse(text: &str) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    if blank(text) {
        return (config, problems);
    }
    let value = match ron::Options::default().from_str::<Value>(text) {
        Ok(value) => value,
        Err(e) => {
            problems.push(Problem {
                line: e.span.start.line.max(1),
                col: e.span.start.col.max(1),
                message: format!("the file does not read as RON: {}", e.code),
                hint: format!(
                    "fix it there (a missing comma, quote or bracket is the usual cause); until then every setting is the default. {SHAPE}"
                ),
            });
            return (config, problems);
        }
    };
    let value = match unwrap_some(value) {
        // `()` is a group with no fields.
        Value::Unit => Value::Map(ron::Map::new()),
        other => other,
    };
    let Value::Map(fields) = value else {
        problems.push(Problem {
            line: 1,
            col: 1,
            message: "the file should be one group of fields: ( theme: \"dark\", … )".into(),
            hint: SHAPE.into(),
        });
        return (config, problems);
    };
    let mut requests = Vec::new();
    for (name, value) in fields.iter() {
        let name = text_of(name).unwrap_or_default();
        let at = locate(text, &[&name]);
        let problem = |message: String, hint: &str| Problem {
            line: at.0,
            col: at.1,
            message,
            hint: hint.to_string(),
        };
        let value = unwrap_some(value.clone());
        let result = match name.as_str() {
            "archive" => archive(&value).map(|p| config.archive = Some(p)),
            "theme" => text_field("theme", &value).and_then(|t| {
                t.parse::<Palette>()
                    .map(|p| config.theme = Some(p))
                    .map_err(|e| (e, "write one of \"dark\", \"light\", \"high-contrast\"".into()))
            }),
            "audience" => text_field("audience", &value).and_then(|t| match Audience::parse(&t) {
                Some(a) => {
                    config.audience = Some(a);
                    Ok(())
                }
                None => Err((
                    format!("{t:?} is not an audience"),
                    "write one of \"partners\", \"trustees\", \"public\"".into(),
                )),
            }),
            "time_boxes" => {
                time_boxes(text, &value, &mut config.time_boxes, &mut problems);
                Ok(())
            }
            "keys" => key_requests(text, &value, &mut requests, &mut problems),
            other => Err((
                format!("there is no setting \"{other}\"{}", nearest(other)),
                format!("the settings are {}; {SHAPE}", FIELDS.join(", ")),
            )),
        };
        if let Err((message, hint)) = result {
            problems.push(problem(message, &hint));
        }
    }
    let (layer, refused) = key_tables::build(requests);
    config.key_count = layer.len();
    config.keys = layer;
    problems.extend(refused.into_iter().map(|r| Problem {
        line: r.at.0,
        col: r.at.1,
        message: r.message,
        hint: r.hint,
    }));
    problems.sort_by_key(|p| (p.line, p.col));
    (config, problems)
}

type Fail = (String, String);

fn archive(value: &Value) -> Result<PathBuf, Fail> {
    let text = text_field("archive", value)?;
    let path = match text.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new()
            .map(|d| d.home_dir().join(rest))
            .ok_or_else(|| {
                (
                    "no home folder to put ~/ in".to_string(),
                    "write the full path".to_string(),
                )
            })?,
        None => PathBuf::from(&text),
    };
    if path.is_absolute() {
        Ok(path)
    } else {
        Err((
            format!("{text:?} is not a full path, so it would change with the folder you start in"),
            "write the full path, e.g. \"/home/sam/roundtable\" or \"~/roundtable\"".into(),
        ))
    }
}

fn time_boxes(text: &str, value: &Value, out: &mut Vec<(Part, u32)>, problems: &mut Vec<Problem>) {
    let Value::Map(map) = value else {
        let (line, col) = locate(text, &["time_boxes"]);
        problems.push(Problem {
            line,
            col,
            message: format!(
                "time_boxes should be a map of parts to minutes, not {}",
                kind(value)
            ),
            hint: "write e.g. time_boxes: { \"goals\": 25, \"vision\": 20 }".into(),
        });
        return;
    };
    for (part, minutes) in map.iter() {
        let name = text_of(part).unwrap_or_default();
        let (line, col) = locate(text, &["time_boxes", &name]);
        let fail = match (
            Part::parse(&name),
            unwrap_some(minutes.clone()).into_rust::<u32>(),
        ) {
            (None, _) => (
                format!("{name:?} is not a part of the meeting"),
                "the parts are opening, goals, vision, activities, roles, awareness, next-steps, break, close",
            ),
            (Some(_), Ok(m)) if m > MAX_MINUTES => (
                format!("{m} minutes for {name} is more than the plan allows ({MAX_MINUTES})"),
                "give a number of minutes from 0 to 600",
            ),
            (Some(part), Ok(m)) => {
                out.push((part, m));
                continue;
            }
            (Some(_), Err(_)) => (
                format!(
                    "{name}: the minutes should be a whole number, not {}",
                    kind(minutes)
                ),
                "write e.g. \"goals\": 25",
            ),
        };
        problems.push(Problem {
            line,
            col,
            message: fail.0,
            hint: fail.1.into(),
        });
    }
}

fn key_requests(
    text: &str,
    value: &Value,
    requests: &mut Vec<Request<(usize, usize)>>,
    problems: &mut Vec<Problem>,
) -> Result<(), Fail> {
    let example = "write e.g. keys: { \"session\": { \"notes\": \"N\" } }".to_string();
    let Value::Map(tables) = value else {
        return Err((
            format!("keys should be a map of tables, not {}", kind(value)),
            example,
        ));
    };
    for (table, actions) in tables.iter() {
        let table = text_of(table).unwrap_or_default();
        let Value::Map(actions) = unwrap_some(actions.clone()) else {
            let (line, col) = locate(text, &["keys", &table]);
            problems.push(Problem {
                line,
                col,
                message: format!("keys for \"{table}\" should be a map of actions to keys"),
                hint: example.clone(),
            });
            continue;
        };
        for (action, keys) in actions.iter() {
            let action = text_of(action).unwrap_or_default();
            let at = locate(text, &["keys", &table, &action]);
            let keys = match unwrap_some(keys.clone()) {
                Value::String(key) => vec![key],
                Value::Seq(list) if list.iter().all(|k| text_of(k).is_some()) => {
                    list.iter().filter_map(text_of).collect()
                }
                other => {
                    problems.push(Problem {
                        line: at.0,
                        col: at.1,
                        message: format!("the keys for {action} should be text, not {}", kind(&other)),
                        hint: "write one key in quotes, \"n\", or a list, [\"n\", \"F2\"]".into(),
                    });
                    continue;
                }
            };
            requests.push(Request {
                table: table.clone(),
                action,
                keys,
                at,
            });
        }
    }
    Ok(())
}

fn text_field(name: &str, value: &Value) -> Result<String, Fail> {
    text_of(value).ok_or_else(|| {
        (
            format!("{name} should be text in quotes, not {}", kind(value)),
            format!("write e.g. {}", super::example::sample(name)),
        )
    })
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Char(c) => Some(c.to_string()),
        _ => None,
    }
}

/// `Some(x)` reads as `x`: a file written by hand may use either.
fn unwrap_some(value: Value) -> Value {
    match value {
        Value::Option(Some(inner)) => unwrap_some(*inner),
        other => other,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Bool(_) => "true or false",
        Value::Char(_) | Value::String(_) => "text",
        Value::Number(_) => "a number",
        Value::Map(_) => "a group of fields",
        Value::Seq(_) => "a list",
        Value::Option(_) | Value::Unit => "nothing",
        _ => "something else",
    }
}

/// ` (did you mean "theme"?)` for a misspelt setting.
fn nearest(word: &str) -> String {
    FIELDS
        .iter()
        .map(|f| (strsim::jaro_winkler(word, f), f))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, f)| format!(" (did you mean \"{f}\"?)"))
        .unwrap_or_default()
}

/// Nothing but blank lines and comments: no settings, not a mistake.
fn blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with("//")
    })
}
