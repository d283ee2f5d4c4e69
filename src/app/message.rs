//! The one-line message under every screen: what just happened, or what went
//! wrong and what to do about it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub tone: Tone,
    pub text: String,
}

impl Message {
    pub fn info(text: impl Into<String>) -> Message {
        Message {
            tone: Tone::Info,
            text: text.into(),
        }
    }
    pub fn success(text: impl Into<String>) -> Message {
        Message {
            tone: Tone::Success,
            text: text.into(),
        }
    }
    pub fn error(text: impl Into<String>) -> Message {
        Message {
            tone: Tone::Error,
            text: text.into(),
        }
    }
}

/// `1 session`, `2 sessions`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
