//! Roundtable: lead partnership co-design workshops from the terminal.
//!
//! Layers, each depending only on those above it:
//! `domain` (pure model) → `storage` (RON files) → `export` (Markdown) →
//! `app` (state, actions, update) → `ui` (drawing) → `cli` (clap).

pub mod app;
pub mod assets;
pub mod cli;
pub mod config;
pub mod domain;
pub mod export;
pub mod heap;
pub mod storage;
pub mod sync;
pub mod tui;
pub mod ui;
