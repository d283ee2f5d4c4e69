//! A quick reader for the RON that Roundtable writes, tried before ron's own
//! parser (see `format::parse_clean`). It reads only what our files use and
//! gives up on anything else (raw strings, `#![enable]` lines, hex or `_`
//! numbers, unknown escapes, `deserialize_any`): ron then reads the file as
//! before. So it must only ever be right when it succeeds, never complete.
//!
//! It follows ron 0.12's grammar with the `IMPLICIT_SOME` extension: struct
//! names are optional, commas separate and may trail, `//` and nested
//! `/* */` comments count as whitespace, and an optional value may be
//! written bare. Strings without escapes are handed over without copying.

use std::fmt;

use serde::de::{self, Visitor};

mod access;
mod scan;

/// Why the quick reader gave up; never shown: ron reads the file instead
/// and says what is wrong, where.
#[derive(Debug)]
pub(super) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by the quick reader")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

pub(super) type Result<T> = std::result::Result<T, GiveUp>;

/// The reader: the text and how far it has got, in bytes.
pub(super) struct Deserializer<'de> {
    src: &'de str,
    pos: usize,
}

impl<'de> Deserializer<'de> {
    /// A reader at the first value of `src`, past leading whitespace and
    /// comments; `None` for a document that starts with attributes.
    pub(super) fn new(src: &'de str) -> Option<Self> {
        let mut de = Deserializer { src, pos: 0 };
        de.ws().ok()?;
        (de.peek() != Some(b'#')).then_some(de)
    }

    /// Only whitespace and comments are left, like `ron::Deserializer::end`.
    pub(super) fn end(&mut self) -> Result<()> {
        self.ws()?;
        if self.pos == self.src.len() {
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// An optional struct name (checked against `name`), then `(`.
    fn open_struct(&mut self, name: &str) -> Result<()> {
        if let Some(found) = self.peek_ident()
            && (name.is_empty() || found != name)
        {
            return Err(GiveUp);
        }
        if self.peek_ident().is_some() {
            self.ident()?;
            self.ws()?;
        }
        self.expect(b'(')
    }

    /// `( value ,? )` around a newtype's or `Some`'s value, the `(` eaten.
    fn wrapped<T>(&mut self, inner: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.ws()?;
        let value = inner(self)?;
        self.ws()?;
        if self.eat(b',') {
            self.ws()?;
        }
        self.expect(b')')?;
        Ok(value)
    }
}

macro_rules! numbers {
    ($($method:ident $visit:ident $ty:ty;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            let token = self.number(false)?;
            visitor.$visit(token.parse::<$ty>().map_err(|_| GiveUp)?)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for &mut Deserializer<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.ident()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(GiveUp),
        }
    }

    numbers! {
        deserialize_i8 visit_i8 i8;
        deserialize_i16 visit_i16 i16;
        deserialize_i32 visit_i32 i32;
        deserialize_i64 visit_i64 i64;
        deserialize_u8 visit_u8 u8;
        deserialize_u16 visit_u16 u16;
        deserialize_u32 visit_u32 u32;
        deserialize_u64 visit_u64 u64;
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f32(self.number(true)?.parse().map_err(|_| GiveUp)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.number(true)?.parse().map_err(|_| GiveUp)?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            scan::Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            scan::Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek_ident() {
            Some("None") => {
                self.ident()?;
                visitor.visit_none()
            }
            Some("Some") => {
                self.ident()?;
                self.ws()?;
                self.expect(b'(')?;
                self.wrapped(|de| visitor.visit_some(de))
            }
            // IMPLICIT_SOME: a bare value is there.
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.src.as_bytes()[self.pos..].starts_with(b"()") {
            self.pos += 2;
            visitor.visit_unit()
        } else {
            Err(GiveUp)
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, name: &'static str, visitor: V) -> Result<V::Value> {
        self.open_struct(name)?;
        self.wrapped(|de| visitor.visit_newtype_struct(de))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        access::list(self, b']', visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        access::list(self, b')', visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.open_struct(name)?;
        access::list(self, b')', visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'{')?;
        access::map(self, b'}', visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // ron reads std's ranges in a syntax of their own.
        if name.starts_with("Range") {
            return Err(GiveUp);
        }
        self.open_struct(name)?;
        access::map(self, b')', visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(access::Enum(self))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }

    /// A value serde skips: a field the types do not know. Refused, so the
    /// file is left to ron, which says which field (see [`from_str`]).
    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(GiveUp)
    }
}

/// Reads one `T` from the whole of `text`; `None` whenever the quick reader
/// is unsure. A field the types do not know is one of those: serde skips it
/// as an ignored value, which the quick reader refuses. So it needs no
/// `serde_ignored` to notice unknown fields, which would copy every field
/// name it passes into a fresh string.
pub(super) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut de = Deserializer::new(text)?;
    let value = T::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(value)
}

#[cfg(test)]
mod tests;
