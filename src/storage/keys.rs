//! Where each field name sits in RON text, and the path that leads to it
//! (`participants`, item 2, `name`), so a misspelt field can be pointed at
//! exactly even when the same name is used correctly elsewhere in the file.
//!
//! A light scan, not a parser: it understands strings, comments and
//! brackets, and is only used on text that already reads as RON data.

/// One step of a path: a field name or a position in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Seg {
    Field(String),
    Index(usize),
}

/// A field name, the path to it (ending with itself) and its 1-based position.
pub(super) struct Key {
    pub path: Vec<Seg>,
    pub line: usize,
    pub col: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// `( … )`: a group of fields.
    Fields,
    /// `Some( … )`: invisible in the data.
    Some,
    /// `[ … ]`: a list.
    List,
    /// `{ … }`: a map, whose keys are not fields.
    Map,
}

struct Frame {
    kind: Kind,
    path: Vec<Seg>,
    /// The field whose value comes next (in `Fields`).
    field: Option<String>,
    /// Which item comes next (in `List`).
    index: usize,
}

impl Frame {
    /// The path of the value that starts here.
    fn value_path(&self) -> Vec<Seg> {
        let mut path = self.path.clone();
        match self.kind {
            Kind::Fields => path.extend(self.field.clone().map(Seg::Field)),
            Kind::List => path.push(Seg::Index(self.index)),
            Kind::Some | Kind::Map => {}
        }
        path
    }
}

pub(super) fn keys(text: &str) -> Vec<Key> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let (mut i, mut line, mut col) = (0, 1, 1);
    let mut after_some = false;
    // Moves past `n` characters, keeping line and column.
    let advance = |i: &mut usize, line: &mut usize, col: &mut usize, n: usize| {
        for c in &chars[*i..(*i + n).min(chars.len())] {
            if *c == '\n' {
                *line += 1;
                *col = 1;
            } else {
                *col += 1;
            }
        }
        *i = (*i + n).min(chars.len());
    };
    while i < chars.len() {
        let c = chars[i];
        let rest = &chars[i..];
        let len = if rest.starts_with(&['/', '/']) {
            rest.iter().position(|c| *c == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            block_comment_len(rest)
        } else if c == '"' {
            string_len(rest)
        } else if c == 'r' && matches!(rest.get(1), Some('"' | '#')) {
            raw_string_len(rest)
        } else if c.is_alphabetic() || c == '_' {
            let n = rest
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_')
                .count();
            let word: String = rest[..n].iter().collect();
            let next = rest[n..].iter().find(|c| !c.is_whitespace());
            match stack.last_mut() {
                Some(top) if top.kind == Kind::Fields && next == Some(&':') => {
                    let mut path = top.path.clone();
                    path.push(Seg::Field(word.clone()));
                    out.push(Key { path, line, col });
                    top.field = Some(word);
                }
                _ => after_some = word == "Some" && next == Some(&'('),
            }
            n
        } else {
            match c {
                '(' | '[' | '{' => {
                    let path = stack.last().map(Frame::value_path).unwrap_or_default();
                    let kind = match c {
                        '(' if after_some => Kind::Some,
                        '(' => Kind::Fields,
                        '[' => Kind::List,
                        _ => Kind::Map,
                    };
                    stack.push(Frame {
                        kind,
                        path,
                        field: None,
                        index: 0,
                    });
                }
                ')' | ']' | '}' => {
                    stack.pop();
                }
                ',' => {
                    if let Some(top) = stack.last_mut() {
                        top.index += 1;
                        top.field = None;
                    }
                }
                _ => {}
            }
            if !c.is_whitespace() {
                after_some = false;
            }
            1
        };
        advance(&mut i, &mut line, &mut col, len.max(1));
    }
    out
}

/// Length of `"…"` with its escapes, or the rest if it never closes.
fn string_len(rest: &[char]) -> usize {
    let mut j = 1;
    while j < rest.len() {
        match rest[j] {
            '\\' => j += 2,
            '"' => return j + 1,
            _ => j += 1,
        }
    }
    rest.len()
}

/// Length of `r#"…"#` (any number of `#`).
fn raw_string_len(rest: &[char]) -> usize {
    let hashes = rest[1..].iter().take_while(|c| **c == '#').count();
    let start = 1 + hashes + 1;
    let close: Vec<char> = std::iter::once('"')
        .chain(std::iter::repeat_n('#', hashes))
        .collect();
    (start..rest.len())
        .find(|j| rest[*j..].starts_with(&close))
        .map_or(rest.len(), |j| j + close.len())
}

/// Length of `/* … */`, which RON lets nest.
fn block_comment_len(rest: &[char]) -> usize {
    let (mut depth, mut j) = (0usize, 0);
    while j + 1 < rest.len() {
        if rest[j] == '/' && rest[j + 1] == '*' {
            depth += 1;
            j += 2;
        } else if rest[j] == '*' && rest[j + 1] == '/' {
            depth -= 1;
            j += 2;
            if depth == 0 {
                return j;
            }
        } else {
            j += 1;
        }
    }
    rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, usize, usize)> {
        keys(text)
            .into_iter()
            .map(|k| {
                let path: Vec<String> = k
                    .path
                    .iter()
                    .map(|s| match s {
                        Seg::Field(f) => f.clone(),
                        Seg::Index(i) => i.to_string(),
                    })
                    .collect();
                (path.join("."), k.line, k.col)
            })
            .collect()
    }

    #[test]
    fn fields_are_found_with_their_paths_and_positions() {
        let text = "(\n    title: \"a: (b, c)\",\n    people: [\n        (name: \"x\"),\n        (name: r#\"y\"# , date: Some((z: 1))),\n    ],\n    notes: { Goals: \"k: v\" }, // d: e\n    /* f: g */ due: None,\n)";
        assert_eq!(
            found(text),
            [
                ("title".to_string(), 2, 5),
                ("people".into(), 3, 5),
                ("people.0.name".into(), 4, 10),
                ("people.1.name".into(), 5, 10),
                ("people.1.date".into(), 5, 25),
                ("people.1.date.z".into(), 5, 37),
                ("notes".into(), 7, 5),
                ("due".into(), 8, 16),
            ]
        );
    }

    #[test]
    fn escaped_quotes_and_unclosed_text_do_not_confuse_it() {
        assert_eq!(found("(a: \"x\\\"y: 1\", b: 2)").len(), 2);
        assert_eq!(found("(a: \"never closed, b: 2)").len(), 1);
        assert_eq!(found("(a: /* /* nested */ b: */ 1, c: 2)").len(), 2);
    }
}
