//! Comma-separated lists, maps and struct fields, and enum variants, handed
//! to serde's visitors as ron hands them.

use serde::de::{self, DeserializeSeed, Visitor};

use super::{Deserializer, GiveUp, Result};

/// Items up to `end` (the opening bracket already read): commas between,
/// one allowed after the last.
struct Separated<'a, 'de> {
    de: &'a mut Deserializer<'de>,
    end: u8,
    had_comma: bool,
}

impl Separated<'_, '_> {
    fn has_item(&mut self) -> Result<bool> {
        self.de.ws()?;
        match (self.de.peek() == Some(self.end), self.had_comma) {
            (true, _) => Ok(false),
            (false, true) => Ok(true),
            (false, false) => Err(GiveUp),
        }
    }

    fn comma(&mut self) -> Result<()> {
        self.de.ws()?;
        self.had_comma = self.de.eat(b',');
        Ok(())
    }
}

/// A list or tuple's items, then its closing `end`.
pub(super) fn list<'de, V: Visitor<'de>>(
    de: &mut Deserializer<'de>,
    end: u8,
    visitor: V,
) -> Result<V::Value> {
    let value = visitor.visit_seq(Separated {
        de: &mut *de,
        end,
        had_comma: true,
    })?;
    de.ws()?;
    de.expect(end)?;
    Ok(value)
}

/// A map's or struct's `key: value` pairs, then its closing `end`.
pub(super) fn map<'de, V: Visitor<'de>>(de: &mut Deserializer<'de>, end: u8, visitor: V) -> Result<V::Value> {
    let value = visitor.visit_map(Separated {
        de: &mut *de,
        end,
        had_comma: true,
    })?;
    de.ws()?;
    de.expect(end)?;
    Ok(value)
}

impl<'de> de::SeqAccess<'de> for Separated<'_, 'de> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.de)?;
        self.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Separated<'_, 'de> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.de.ws()?;
        self.de.expect(b':')?;
        self.de.ws()?;
        let value = seed.deserialize(&mut *self.de)?;
        self.comma()?;
        Ok(value)
    }
}

/// An enum value: the variant's name, then what it holds.
pub(super) struct Enum<'a, 'de>(pub(super) &'a mut Deserializer<'de>);

impl<'a, 'de> de::EnumAccess<'de> for Enum<'a, 'de> {
    type Error = GiveUp;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let variant = seed.deserialize(&mut *self.0)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.0.ws()?;
        self.0.expect(b'(')?;
        self.0.wrapped(|de| seed.deserialize(de))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.0.ws()?;
        self.0.expect(b'(')?;
        list(self.0, b')', visitor)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], visitor: V) -> Result<V::Value> {
        self.0.ws()?;
        self.0.expect(b'(')?;
        map(self.0, b')', visitor)
    }
}
