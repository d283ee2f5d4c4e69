//! Reading one typical session file: the quick reader against ron's parser
//! (both with unknown fields noticed during the parse, as `parse_clean`
//! reads every clean file).
//!
//! `cargo bench --bench parse`; `cargo test` runs each once.
#![allow(clippy::unwrap_used)]

use divan::{Bencher, black_box};
use roundtable::storage::{quick_clean, ron_clean, sample, to_ron};

fn main() {
    divan::main();
}

/// A generated session of the usual size (a clone of an example, ~14 KB).
fn typical() -> String {
    to_ron(&sample::sessions(1, 2026)[0])
}

#[divan::bench]
fn quick(bencher: Bencher) {
    let text = typical();
    bencher.bench(|| quick_clean(black_box(&text)).unwrap());
}

#[divan::bench]
fn ron(bencher: Bencher) {
    let text = typical();
    bencher.bench(|| ron_clean(black_box(&text)).unwrap());
}
