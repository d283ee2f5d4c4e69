//! Turning a title into a safe, readable file-name fragment.

/// Lower-case ASCII letters and digits joined by single hyphens, at most 60
/// characters. Any script is spelt in Latin letters first (deunicode:
/// "Łódź" → `lodz`, "Встреча" → `vstrecha`, "李伟" → `li-wei`), so a name
/// always says something. It can never hold a path separator, a leading dot
/// or a reserved device name; an empty result becomes `"session"`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(title).chars() {
        let c = c.to_ascii_lowercase();
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
    fn any_script_is_spelt_in_latin_letters() {
        assert_eq!(slug("Straße Ørsted Łódź 李伟"), "strasse-orsted-lodz-li-wei");
        assert_eq!(slug("Встреча партнеров"), "vstrecha-partnerov");
        assert_eq!(slug("共同设计"), "gong-tong-she-ji");
        assert_eq!(slug("🎉"), "tada");
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
