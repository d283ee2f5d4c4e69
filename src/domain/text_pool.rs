//! Texts held once, however many sessions hold them: carried actions,
//! the vision and goals repeat from session to session.

use foldhash::HashSet;

use super::Text;

/// Texts seen so far, so one repeated from session to session (carried
/// actions, the vision, goals) is held once however many sessions hold it.
#[derive(Debug, Default)]
pub struct TextPool(HashSet<Text>);

impl TextPool {
    /// The copy of `text` kept here, kept now if it was not yet.
    pub fn get(&mut self, text: &str) -> Text {
        if let Some(kept) = self.0.get(text) {
            return kept.clone();
        }
        let kept = Text::from(text);
        self.0.insert(kept.clone());
        kept
    }

    /// Makes `text` the copy kept here, so every session holding the same
    /// words holds them once.
    pub fn share(&mut self, text: &mut Text) {
        if let Some(kept) = self.0.get(text.as_str()) {
            *text = kept.clone();
        } else {
            self.0.insert(text.clone());
        }
    }

    /// Forgets texts no session holds any more.
    pub fn prune(&mut self) {
        self.0.retain(|t| !t.is_only_copy());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_kept_once_and_let_go_when_nothing_holds_it() {
        let mut pool = TextPool::default();
        let mut first = Text::from(String::from("Book the hall"));
        let mut again = Text::from(String::from("Book the hall"));
        pool.share(&mut first);
        pool.share(&mut again);
        assert!(again.shares(&first), "the second copy is the first");
        assert!(pool.get("Book the hall").shares(&first));
        let gone = pool.get("Print leaflets");
        drop(gone);
        pool.prune();
        assert_eq!(pool.0.len(), 1, "only the text still held is kept");
        drop((first, again));
        pool.prune();
        assert!(pool.0.is_empty());
    }
}
