//! Where a setting sits in the config text, for `file:line:col`: the path
//! of names (`keys`, `session`, `notes`) is found one after the other,
//! each as a bare word or in quotes, skipping comments and other strings.

/// The 1-based line and column of the last name of `path` found in `text`
/// (of as much of the path as is found; 1:1 when none is).
pub(super) fn locate(text: &str, path: &[&str]) -> (usize, usize) {
    let tokens = tokens(text);
    let mut from = 0;
    let mut found = (1, 1);
    for name in path {
        match tokens[from..].iter().position(|t| t.text == *name) {
            Some(i) => {
                found = (tokens[from + i].line, tokens[from + i].col);
                from += i + 1;
            }
            None => break,
        }
    }
    found
}

struct Token {
    text: String,
    line: usize,
    col: usize,
}

/// The words and quoted strings of `text` that name something (followed
/// by `:`), with their positions; comments are skipped.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line, mut col) = (0, 1, 1);
    let step = |i: &mut usize, line: &mut usize, col: &mut usize| {
        if chars.get(*i) == Some(&'\n') {
            *line += 1;
            *col = 1;
        } else {
            *col += 1;
        }
        *i += 1;
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                step(&mut i, &mut line, &mut col);
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                step(&mut i, &mut line, &mut col);
            }
            step(&mut i, &mut line, &mut col);
            step(&mut i, &mut line, &mut col);
        } else if c == '"' || c.is_alphanumeric() || c == '_' {
            let (start_line, start_col) = (line, col);
            let mut word = String::new();
            if c == '"' {
                step(&mut i, &mut line, &mut col);
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        step(&mut i, &mut line, &mut col);
                    }
                    word.extend(chars.get(i));
                    step(&mut i, &mut line, &mut col);
                }
                step(&mut i, &mut line, &mut col);
            } else {
                while i < chars.len() && (chars[i].is_alphanumeric() || matches!(chars[i], '_' | '-')) {
                    word.push(chars[i]);
                    step(&mut i, &mut line, &mut col);
                }
            }
            let rest = chars[i.min(chars.len())..].iter().find(|c| !c.is_whitespace());
            if rest == Some(&':') {
                out.push(Token {
                    text: word,
                    line: start_line,
                    col: start_col,
                });
            }
        } else {
            step(&mut i, &mut line, &mut col);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::locate;

    #[test]
    fn finds_each_name_after_the_one_before_skipping_comments() {
        let text = "// notes: in a comment\n(\n  theme: \"notes\",\n  keys: {\n    \"session\": { \"notes\": \"N\" },\n  },\n)";
        assert_eq!(locate(text, &["theme"]), (3, 3));
        assert_eq!(locate(text, &["keys", "session", "notes"]), (5, 18));
        assert_eq!(locate(text, &["nowhere"]), (1, 1));
    }
}
