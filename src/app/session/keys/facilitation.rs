//! Browse keys for running the conversation: dot votes, consent checks,
//! the health check, who spoke and who may read what, go-rounds and notes.

use super::{BrowseAction as B, b};
use crate::app::keys::{Binding, Key};

pub(super) const FACILITATION: &[Binding<B>] = &[
    b(
        &[Key::ch('o')],
        B::DotVote,
        "dot vote",
        "Hold a dot vote on this list (goals, vision drafts, activities, parked points)",
        false,
    ),
    b(
        &[Key::ch('c')],
        B::ConsentCheck,
        "consent check",
        "Check consent on the vision, or on the selected decision",
        false,
    ),
    b(
        &[Key::ch('H')],
        B::Health,
        "health check",
        "Take the partnership health check: each organisation scores equity, transparency, mutual benefit and trust 1–5",
        false,
    ),
    b(
        &[Key::ch('+')],
        B::Spoke,
        "spoke",
        "Count one contribution from the selected person",
        true,
    ),
    b(
        &[Key::ch('-')],
        B::Unspoke,
        "uncount",
        "Take back one contribution counted by mistake",
        false,
    ),
    b(
        &[Key::ch('L')],
        B::LivedExperience,
        "lived experience",
        "Show \"(lived experience)\" beside names in the minutes, or not: personal data, so only with their agreement",
        false,
    ),
    b(
        &[Key::ch('V')],
        B::Participation,
        "participation",
        "Put the participation summary (who spoke, by organisation and sector) in the minutes, or leave it out",
        false,
    ),
    b(
        &[Key::ch('A')],
        B::Audience,
        "audience",
        "Who may read the selected item in the minutes: partners (the default), trustees only, or public; on participants, the participation summary",
        false,
    ),
    b(
        &[Key::ch('N')],
        B::NotesAudience,
        "notes audience",
        "Who may read this step's notes in the minutes: partners (the default), trustees only, or public",
        false,
    ),
    b(
        &[Key::ch('Q')],
        B::QuoteByName,
        "quote by name",
        "The selected person agreed to be quoted by name in the minutes, or not (without it, what they said is attributed to their organisation when they bring lived experience, and always in public minutes)",
        false,
    ),
    b(
        &[Key::ch('r')],
        B::Round,
        "go-round",
        "Start a go-round on this step, in listed order or with lived experience and smaller organisations (community or voluntary sector, or the only one from theirs present) first, with an optional time each; or end the one running",
        false,
    ),
    b(
        &[Key::ch('s')],
        B::RoundNext,
        "next",
        "Go-round: they have spoken, call the next",
        false,
    ),
    b(
        &[Key::ch('w')],
        B::RoundPass,
        "pass",
        "Go-round: they pass",
        false,
    ),
    b(
        &[Key::ch('b')],
        B::RoundLater,
        "later",
        "Go-round: they come back once the others have spoken",
        false,
    ),
    b(
        &[Key::ch('n')],
        B::Notes,
        "notes",
        "Write free notes for this step",
        true,
    ),
];
