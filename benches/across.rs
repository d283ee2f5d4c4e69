//! The read behind the screens that look across sessions (search, actions,
//! measures): the first read of every file, lean, with the search index and
//! series. (Search per keystroke and the history are in `archive.rs`.)
//!
//! `cargo bench --bench across`; `cargo test` runs each once on a small archive.
#![allow(clippy::unwrap_used)]

mod support;

use divan::Bencher;
use roundtable::app::library::Library;
use support::{archive, sizes};

fn main() {
    divan::main();
}

/// Every session read lean, indexed and grouped, as on first opening search.
#[divan::bench(args = sizes(), sample_count = 5)]
fn first_read(bencher: Bencher, n: usize) {
    let archive = archive(n);
    bencher
        .with_inputs(|| Library::now(&archive))
        .bench_local_refs(|library| library.sessions().sessions.len());
}
