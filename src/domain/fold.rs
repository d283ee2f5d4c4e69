//! Comparing text the way people mean it: "cafe" is "Café", and a hyphen
//! typed for an em dash is the same dash.

/// `text` as it is compared: lower case, accents and letter variants of the
/// Latin script folded (`é`→`e`, `ß`→`ss`, `ø`→`o`), every dash a hyphen
/// and every curly quote a straight one. Other scripts keep their letters.
pub fn fold(text: &str) -> String {
    folded(text).0.into_iter().collect()
}

/// A name or title as compared: folded (see [`fold`]) with runs of spaces
/// made one, so "Vale - first" is "Vale — first" and "cafe  network" is
/// "Café Network".
pub fn comparable(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `comparable(text) == wanted`, where `wanted` is already
/// comparable, without building the folded text: the actions screen asks it
/// of every participant for every action it flags.
pub fn comparable_is(text: &str, wanted: &str) -> bool {
    let mut rest = wanted.chars();
    let (mut same, mut started, mut space) = (true, false, false);
    let mut expect = |c: char, rest: &mut std::str::Chars<'_>| same &= rest.next() == Some(c);
    for c in text.chars() {
        for low in c.to_lowercase() {
            fold_char(low, &mut |f| {
                if f.is_whitespace() {
                    space = started;
                } else {
                    if space {
                        expect(' ', &mut rest);
                        space = false;
                    }
                    expect(f, &mut rest);
                    started = true;
                }
            });
        }
    }
    same && rest.next().is_none()
}

/// [`fold`] as chars, with the index of the char of `text` each came from,
/// so a match in the folded text can be shown in the original.
pub(super) fn folded(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        for low in c.to_lowercase() {
            fold_char(low, &mut |f| {
                chars.push(f);
                origin.push(i);
            });
        }
    }
    (chars, origin)
}

/// Sends what one lower-case char folds to (none, one or several chars).
fn fold_char(c: char, push: &mut impl FnMut(char)) {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => push('-'),
        '\u{2018}'..='\u{201B}' | '\u{2032}' | '\u{FF07}' => push('\''),
        '\u{201C}'..='\u{201F}' | '\u{2033}' | '«' | '»' | '\u{FF02}' => push('"'),
        // Combining accents, as in a decomposed "é": dropped like the accent.
        '\u{0300}'..='\u{036F}' => {}
        // Latin letters with accents or ligatures; deunicode would also spell
        // out other scripts in Latin letters, which must not match here.
        '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' => {
            match deunicode::deunicode_char(c)
                .filter(|s| !s.is_empty() && s.chars().all(|f| f.is_ascii_alphabetic()))
            {
                Some(ascii) => ascii.chars().for_each(|f| push(f.to_ascii_lowercase())),
                None => push(c),
            }
        }
        c => push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_dashes_and_quotes_fold() {
        assert_eq!(fold("Café ÉTÉ"), "cafe ete");
        assert_eq!(fold("Straße Ørsted Łódź"), "strasse orsted lodz");
        assert_eq!(fold("Vale — “first” ‘go’"), "vale - \"first\" 'go'");
        // A decomposed "é" (e and a combining accent) is the same "e".
        assert_eq!(fold("cafe\u{301}"), "cafe");
        // Other scripts keep their own letters: "li" must not find "李".
        assert_eq!(fold("李伟 Встреча"), "李伟 встреча");
    }

    #[test]
    fn comparable_is_comparable_without_building_it() {
        for text in [
            "Café  Network ",
            "  Vale — first",
            "",
            "   ",
            "STRASSE",
            "a\tb",
            "李伟 x",
        ] {
            for other in [
                "Café  Network ",
                "Vale — first",
                "",
                "strasse",
                "a b",
                "a",
                "李伟 x",
                "ab",
            ] {
                let wanted = comparable(other);
                assert_eq!(
                    comparable_is(text, &wanted),
                    comparable(text) == wanted,
                    "{text:?} / {other:?}"
                );
            }
        }
    }

    #[test]
    fn each_folded_char_knows_where_it_came_from() {
        let (chars, origin) = folded("aßc");
        assert_eq!(chars, ['a', 's', 's', 'c']);
        assert_eq!(origin, [0, 1, 1, 2]);
    }
}
