//! Texts held once, however many sessions hold them: carried actions,
//! the vision and goals repeat from session to session.

use std::collections::HashSet;
use std::sync::Arc;

use super::Text;

/// Texts seen so far, so one repeated from session to session (carried
/// actions, the vision, goals) is held once however many sessions hold it.
#[derive(Debug, Default)]
pub struct TextPool(HashSet<Arc<str>>);

impl TextPool {
    pub(super) fn get(&mut self, text: &str) -> Arc<str> {
        if let Some(kept) = self.0.get(text) {
            return Arc::clone(kept);
        }
        let kept: Arc<str> = Arc::from(text);
        self.0.insert(Arc::clone(&kept));
        kept
    }

    /// Makes `text` the copy kept here, so every session holding the same
    /// words holds them once.
    pub fn share(&mut self, text: &mut Text) {
        *text = Text::from(self.get(text));
    }

    /// Forgets texts no session holds any more.
    pub fn prune(&mut self) {
        self.0.retain(|t| Arc::strong_count(t) > 1);
    }
}
