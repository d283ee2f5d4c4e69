//! Turning a title into a safe, readable file-name fragment.

/// Lower-case ASCII letters and digits joined by single hyphens, at most 60
/// characters. It can never hold a path separator, a leading dot or a
/// reserved device name; an empty result becomes `"session"`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    let reserved = ["con", "prn", "aux", "nul", "com1", "lpt1"];
    if out.is_empty() || reserved.contains(&out.as_str()) {
        format!(
            "session{}",
            if out.is_empty() {
                String::new()
            } else {
                format!("-{out}")
            }
        )
    } else {
        out
    }
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ŵ' => 'w',
        'ŷ' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn readable_slugs() {
        assert_eq!(
            slug("Eastside partnership — first co-design session"),
            "eastside-partnership-first-co-design-session"
        );
        assert_eq!(slug("Café à Llanelli"), "cafe-a-llanelli");
    }

    #[test]
    fn hostile_titles_stay_in_the_folder() {
        for title in [
            "../../etc/passwd",
            "/abs/path",
            ".hidden",
            "CON",
            "",
            "///",
            "a\\b",
        ] {
            let s = slug(title);
            assert!(!s.is_empty());
            assert!(
                !s.contains('/') && !s.contains('\\') && !s.starts_with('.'),
                "{s}"
            );
            assert_ne!(s, "con");
        }
        assert!(slug(&"x".repeat(500)).len() <= 60);
    }
}
