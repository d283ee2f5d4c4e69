//! A piece of text that sessions may share. An action carried from meeting
//! to meeting keeps its words, and the same people and organisations come
//! to every meeting: across an archive of thousands of sessions, holding
//! each such text once (see `TextPool`) is most of the memory the screens
//! that look across sessions need.
//!
//! Reads like a `&str` (it derefs to one) and is written to files and JSON
//! as a plain string. Cloning shares the text; changing a field replaces it.

use arcstr::ArcStr;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// One pointer wide (`arcstr` keeps the length beside the words), half an
/// `Arc<str>`: across an archive there are hundreds of thousands.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(ArcStr);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `self` and `other` hold the very same text in memory (not
    /// just equal words): held once, not twice.
    pub fn shares(&self, other: &Text) -> bool {
        ArcStr::ptr_eq(&self.0, &other.0)
    }

    /// Whether nothing else holds this text (a pool can let it go).
    pub fn is_only_copy(&self) -> bool {
        ArcStr::strong_count(&self.0) == Some(1)
    }

    /// Changes the text through a `String` (for editors that work on one).
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut String) -> R) -> R {
        let mut text = self.0.to_string();
        let result = change(&mut text);
        *self = Text::from(text);
        result
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(ArcStr::from(text))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(ArcStr::from(text))
    }
}

impl From<&String> for Text {
    fn from(text: &String) -> Text {
        Text::from(text.as_str())
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0.to_string()
    }
}

impl From<&Text> for String {
    fn from(text: &Text) -> String {
        text.0.to_string()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == &*other.0
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == &*other.0
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        **self == *other.0
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        d.deserialize_str(TextVisitor)
    }
}

/// Takes the text straight into its shared home: one copy, as a `String` would.
struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Text, E> {
        Ok(Text::from(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_like_a_string() {
        let text = Text::from("Book the hall");
        assert_eq!(text, "Book the hall");
        assert_eq!(format!("{text} / {text:?}"), "Book the hall / \"Book the hall\"");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"Book the hall\"");
        let back: Text = serde_json::from_str("\"Café \\\"x\\\"\"").unwrap();
        assert_eq!(back, "Café \"x\"");
        let ron: Text = ron::from_str("\"a\\nb\"").unwrap();
        assert_eq!(ron.as_str(), "a\nb");
        assert!(Text::default().is_empty());
    }

    #[test]
    fn clones_share_and_edits_do_not() {
        let text = Text::from("Leaflets");
        let mut copy = text.clone();
        assert!(copy.shares(&text));
        copy.edit(|s| s.push_str(" in Urdu"));
        assert_eq!(copy, "Leaflets in Urdu");
        assert_eq!(text, "Leaflets");
        assert!(!copy.shares(&text));
    }
}
