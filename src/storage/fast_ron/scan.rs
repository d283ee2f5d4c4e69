//! The tokens: whitespace and comments, identifiers, numbers and strings,
//! read from bytes. Each refuses what ron would read differently.

use super::{Deserializer, GiveUp, Result};

/// A string's contents: a slice of the file when it has no escapes.
pub(super) enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

fn is_ident_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C')
}

fn is_ident_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'de> Deserializer<'de> {
    fn rest(&self) -> &'de [u8] {
        &self.src.as_bytes()[self.pos..]
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.rest().first().copied()
    }

    pub(super) fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        self.pos += usize::from(found);
        found
    }

    pub(super) fn expect(&mut self, b: u8) -> Result<()> {
        if self.eat(b) { Ok(()) } else { Err(GiveUp) }
    }

    /// Skips whitespace, `// line` and nested `/* block */` comments. Other
    /// whitespace ron knows (U+2028 and the like) makes the reader give up.
    #[inline]
    pub(super) fn ws(&mut self) -> Result<()> {
        // Most calls find nothing to skip (before a `:` or a `,`).
        match self.src.as_bytes().get(self.pos) {
            Some(&b) if is_ws(b) || b == b'/' => self.skip_ws(),
            _ => Ok(()),
        }
    }

    fn skip_ws(&mut self) -> Result<()> {
        let bytes = self.src.as_bytes();
        loop {
            let mut at = self.pos;
            // Indents come eight spaces at a time.
            while bytes.get(at..at + 8) == Some(b"        ") {
                at += 8;
            }
            while bytes.get(at).is_some_and(|&b| is_ws(b)) {
                at += 1;
            }
            self.pos = at;
            if bytes.get(at) != Some(&b'/') {
                return Ok(());
            }
            self.comment()?;
        }
    }

    fn comment(&mut self) -> Result<()> {
        match self.rest().get(1) {
            Some(b'/') => {
                let line = memchr::memchr(b'\n', self.rest());
                self.pos = line.map_or(self.src.len(), |n| self.pos + n);
                Ok(())
            }
            Some(b'*') => {
                self.pos += 2;
                let mut level = 1;
                while level > 0 {
                    let at = memchr::memchr2(b'/', b'*', self.rest()).ok_or(GiveUp)?;
                    self.pos += at;
                    if self.rest().starts_with(b"/*") {
                        level += 1;
                        self.pos += 2;
                    } else if self.rest().starts_with(b"*/") {
                        level -= 1;
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                }
                Ok(())
            }
            _ => Err(GiveUp),
        }
    }

    /// The identifier here, without moving on.
    #[inline]
    pub(super) fn peek_ident(&self) -> Option<&'de str> {
        let rest = self.rest();
        if !rest.first().copied().is_some_and(is_ident_start) {
            return None;
        }
        let len = rest.iter().position(|&b| !is_ident_char(b)).unwrap_or(rest.len());
        Some(&self.src[self.pos..self.pos + len])
    }

    /// An ASCII identifier. One running on into other characters ron
    /// counts as part of it (`-`, `.`, `+`, non-ASCII) is refused, as are
    /// raw identifiers and raw or byte strings.
    pub(super) fn ident(&mut self) -> Result<&'de str> {
        let ident = self.peek_ident().ok_or(GiveUp)?;
        self.pos += ident.len();
        match self.peek() {
            Some(b'-' | b'.' | b'+' | b'#' | b'"' | b'\'' | 0x80..) => Err(GiveUp),
            _ => Ok(ident),
        }
    }

    /// A decimal number's text: `-?[0-9]+`, and when `float`, an optional
    /// fraction and exponent. It must end where a value ends.
    pub(super) fn number(&mut self, float: bool) -> Result<&'de str> {
        let start = self.pos;
        self.eat(b'-');
        self.digits()?;
        if float {
            if self.eat(b'.') {
                self.digits()?;
            }
            if self.eat(b'e') || self.eat(b'E') {
                let _ = self.eat(b'+') || self.eat(b'-');
                self.digits()?;
            }
        }
        match self.peek() {
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b')' | b']' | b'}' | b'/') => {
                Ok(&self.src[start..self.pos])
            }
            _ => Err(GiveUp),
        }
    }

    fn digits(&mut self) -> Result<()> {
        let len = self.rest().iter().take_while(|b| b.is_ascii_digit()).count();
        self.pos += len;
        if len == 0 { Err(GiveUp) } else { Ok(()) }
    }

    /// A `"…"` string with ron's escapes; `\x` escapes and line
    /// continuations are refused.
    pub(super) fn string(&mut self) -> Result<Text<'de>> {
        self.expect(b'"')?;
        let start = self.pos;
        let at = memchr::memchr2(b'"', b'\\', self.rest()).ok_or(GiveUp)?;
        self.pos += at;
        if self.eat(b'"') {
            return Ok(Text::Borrowed(&self.src[start..self.pos - 1]));
        }
        let mut text = String::with_capacity(at + 16);
        text.push_str(&self.src[start..self.pos]);
        loop {
            // At a backslash.
            self.pos += 1;
            let escape = self.peek().ok_or(GiveUp)?;
            self.pos += 1;
            match escape {
                b'"' => text.push('"'),
                b'\\' => text.push('\\'),
                b'\'' => text.push('\''),
                b'n' => text.push('\n'),
                b'r' => text.push('\r'),
                b't' => text.push('\t'),
                b'0' => text.push('\0'),
                b'u' => text.push(self.unicode()?),
                _ => return Err(GiveUp),
            }
            let from = self.pos;
            let at = memchr::memchr2(b'"', b'\\', self.rest()).ok_or(GiveUp)?;
            self.pos += at;
            text.push_str(&self.src[from..self.pos]);
            if self.eat(b'"') {
                return Ok(Text::Owned(text));
            }
        }
    }

    /// The `{1F600}` after `\u`: one to six hex digits naming a character.
    fn unicode(&mut self) -> Result<char> {
        self.expect(b'{')?;
        let hex = self.rest().iter().take_while(|b| b.is_ascii_hexdigit()).count();
        if !(1..=6).contains(&hex) {
            return Err(GiveUp);
        }
        let digits = &self.src[self.pos..self.pos + hex];
        self.pos += hex;
        self.expect(b'}')?;
        let code = u32::from_str_radix(digits, 16).map_err(|_| GiveUp)?;
        char::from_u32(code).ok_or(GiveUp)
    }
}
