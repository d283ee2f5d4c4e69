//! Key overrides from the config file, layered over the built-in tables.
//!
//! The tables stay `const` data; an override replaces the keys of one
//! action of one table. [`super::keys::lookup`] and the footer and help
//! (`describe`) read every binding through [`effective`], so the key that
//! works and the key shown can never disagree. The layer belongs to the
//! thread that handles input (the terminal loop installs it at start);
//! nothing installed means the built-in keys, which is what tests get
//! unless they install one.

use std::any::TypeId;
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Debug;
use std::rc::Rc;

use super::keys::{Binding, Key};

/// New keys for some actions, by table (its action type) and action name.
#[derive(Debug, Default, Clone)]
pub struct Layer {
    tables: HashMap<TypeId, HashMap<String, &'static [Key]>>,
}

impl Layer {
    /// Binds `keys` to `action` in the table whose actions are of type `type_id`.
    pub fn set(&mut self, type_id: TypeId, action: &str, keys: Vec<Key>) {
        // Leaked once per override when the config is read: the tables'
        // keys are `'static`, and so these live as long as the program.
        let keys: &'static [Key] = Box::leak(keys.into_boxed_slice());
        self.tables
            .entry(type_id)
            .or_default()
            .insert(action.to_string(), keys);
    }

    pub fn is_empty(&self) -> bool {
        self.tables.is_empty()
    }

    /// How many actions have new keys.
    pub fn len(&self) -> usize {
        self.tables.values().map(HashMap::len).sum()
    }
}

thread_local! {
    static LAYER: RefCell<Rc<Layer>> = RefCell::new(Rc::new(Layer::default()));
}

/// Makes `layer` the keys in force on this thread.
pub fn install(layer: Layer) {
    LAYER.with(|l| *l.borrow_mut() = Rc::new(layer));
}

/// The stable name of an action, as the config file writes it: the
/// variant's name in snake case (`NextSection` → `next_section`).
pub fn action_name<A: Debug>(action: &A) -> String {
    let debug = format!("{action:?}");
    let variant = debug.split(['(', ' ', '{']).next().unwrap_or_default();
    let mut name = String::new();
    for (i, c) in variant.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                name.push('_');
            }
            name.extend(c.to_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// `binding` with the keys the config gives its action, if any.
pub fn effective<A: Copy + Debug + 'static>(binding: &Binding<A>) -> Binding<A> {
    LAYER.with(|l| {
        let layer = l.borrow();
        let keys = layer
            .tables
            .get(&TypeId::of::<A>())
            .and_then(|t| t.get(&action_name(&binding.action)));
        match keys {
            Some(keys) => Binding { keys, ..*binding },
            None => *binding,
        }
    })
}

/// Whether any override touches the table of `A` (so the fast path, the
/// built-in table as it is, can be taken otherwise).
pub fn touches<A: 'static>() -> bool {
    LAYER.with(|l| l.borrow().tables.contains_key(&TypeId::of::<A>()))
}

/// Whether the config changed any key on this thread.
pub fn any() -> bool {
    LAYER.with(|l| !l.borrow().is_empty())
}
