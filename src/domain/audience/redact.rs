//! The session as one audience may read it: a copy with every item they
//! may not see taken out, and people named only where they agreed to be.
//! Minutes, packs and previews are written from this copy, so a section of
//! the minutes cannot show what it was never given.

use crate::domain::{Audience, ConsentCheck, DotVote, Participant, Plan, Session, Subject, VoteList};

/// How `p` is named in what `reader` reads, when not by their name: people
/// with lived experience are quoted by name only with their recorded
/// consent, and public minutes name nobody without it. `None`: by name.
pub fn attribution(p: &Participant, reader: Audience) -> Option<String> {
    if p.quote_by_name || (!p.lived_experience && reader != Audience::Public) {
        return None;
    }
    let org = p.organisation.trim();
    Some(if !org.is_empty() {
        format!("a member of {org}")
    } else if p.lived_experience {
        "a participant with lived experience".to_string()
    } else {
        "a participant".to_string()
    })
}

/// `session` as `reader` may read it. Trustees keep every item; names are
/// replaced for every audience where `attribution` says so. The attendance
/// list keeps people's names for partners and trustees (it records who was
/// there, not what they said); public minutes list organisations only.
pub fn for_audience(session: &Session, reader: Audience) -> Session {
    let mut s = session.clone();
    s.votes = session
        .votes
        .iter()
        .filter_map(|v| visible_vote(session, v, reader))
        .collect();
    s.consent_checks
        .retain(|c| check_audience(session, c).is_some_and(|a| reader.sees(a)));
    keep_visible_items(&mut s, reader);
    anonymise(&mut s, reader);
    // Published scores say how the partnership feels, never who said so;
    // the note is the room's account of who scored what, so it stays in.
    if reader == Audience::Public {
        s.health.scores.iter_mut().for_each(|x| x.organisation.clear());
        s.health.note.clear();
    }
    if reader != Audience::Public {
        for (p, original) in s.participants.iter_mut().zip(&session.participants) {
            p.name.clone_from(&original.name);
        }
    }
    s
}

fn keep_visible_items(s: &mut Session, reader: Audience) {
    let sees = |a: Audience| reader.sees(a);
    s.goals.retain(|g| sees(g.shown_to));
    s.vision.drafts.retain(|d| sees(d.shown_to));
    if sees(s.shown_to.vision) {
        s.vision.consent.retain(|c| sees(c.shown_to));
    } else {
        s.vision.final_wording.clear();
        s.vision.consent.clear();
    }
    // Readings of a measure kept back are kept back with it.
    let mut hidden_measures: Vec<String> = Vec::new();
    s.activities.retain(|a| {
        sees(a.shown_to) || {
            hidden_measures.extend(a.measures.iter().map(|m| m.id.to_string()));
            false
        }
    });
    for a in &mut s.activities {
        a.measures.retain(|m| {
            sees(m.shown_to) || {
                hidden_measures.push(m.id.to_string());
                false
            }
        });
    }
    hidden_measures.retain(|id| !id.trim().is_empty());
    let r = &mut s.review;
    r.readings
        .retain(|x| sees(x.shown_to) && !hidden_measures.contains(&x.measure_id));
    r.learnings.retain(|x| sees(x.shown_to));
    r.next_steps.retain(|x| sees(x.shown_to));
    if !sees(s.shown_to.roles) {
        s.roles.secretariat.clear();
        s.roles.decision_making.clear();
    }
    s.roles.workstreams.retain(|w| sees(w.shown_to));
    s.roles.commitments.retain(|c| sees(c.shown_to));
    s.awareness.retain(|a| sees(a.shown_to));
    s.decisions.retain(|d| sees(d.shown_to));
    s.reviews.retain(|r| sees(r.shown_to));
    s.actions.retain(|a| sees(a.shown_to));
    s.parking_lot.retain(|p| sees(p.shown_to));
    let marks = s.shown_to.clone();
    s.notes.retain(|step, _| sees(marks.note(*step)));
    if !sees(marks.plan) {
        s.plan = Plan::default();
    }
    if !sees(marks.participation) {
        s.shown_in_minutes.leave_out_participation = true;
        s.rounds.clear();
    }
}

/// Who may read a consent check: a check on the vision follows the final
/// wording; a check on a decision follows that decision (any of that
/// wording that the reader may see). A check whose decision was since
/// reworded or deleted has nothing to follow, so it takes the default.
fn check_audience(session: &Session, check: &ConsentCheck) -> Option<Audience> {
    match check.subject {
        Subject::Vision => Some(session.shown_to.vision),
        Subject::Decision => {
            let proposal = check.proposal.trim();
            let marks = session
                .decisions
                .iter()
                .filter(|d| d.text.trim() == proposal)
                .map(|d| d.shown_to);
            Some(marks.min().unwrap_or_default())
        }
    }
}

/// A vote with only the options `reader` may see (each follows the item of
/// that wording in its list; one no longer in the list takes the default),
/// or nothing when none are left.
fn visible_vote(session: &Session, vote: &DotVote, reader: Audience) -> Option<DotVote> {
    let marks = list_marks(session, vote.list);
    let keep: Vec<bool> = vote
        .options
        .iter()
        .map(|o| {
            let mark = marks
                .iter()
                .filter(|(text, _)| text == o)
                .map(|(_, a)| *a)
                .min()
                .unwrap_or_default();
            reader.sees(mark)
        })
        .collect();
    if !keep.contains(&true) {
        return None;
    }
    let pick = |values: &[u32]| -> Vec<u32> {
        values
            .iter()
            .zip(&keep)
            .filter(|(_, k)| **k)
            .map(|(v, _)| *v)
            .collect()
    };
    let mut v = vote.clone();
    v.options = vote
        .options
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(o, _)| o.clone())
        .collect();
    v.totals = pick(&vote.totals);
    for b in &mut v.ballots {
        b.dots = pick(&b.dots);
    }
    Some(v)
}

/// Each item of a vote's list as its options read (one line) with its marking.
fn list_marks(session: &Session, list: VoteList) -> Vec<(String, Audience)> {
    let texts = list.options(session);
    let marks: Vec<Audience> = match list {
        VoteList::Goals => session.goals.iter().map(|g| g.shown_to).collect(),
        VoteList::VisionDrafts => session.vision.drafts.iter().map(|d| d.shown_to).collect(),
        VoteList::Activities => session.activities.iter().map(|a| a.shown_to).collect(),
        VoteList::ParkedPoints => session.parking_lot.iter().map(|p| p.shown_to).collect(),
    };
    texts.into_iter().zip(marks).collect()
}

/// Replaces the names of people who are not to be named: in public
/// minutes wherever the session names them; for partners and trustees only
/// beside what they said (proposals, drafts, points raised, turns, votes
/// and positions). Who leads or owns a piece of work is a role the
/// partnership has to be able to follow up, not a quote, so it keeps the
/// name the partnership agreed in the room.
fn anonymise(s: &mut Session, reader: Audience) {
    let renames: Vec<(String, String)> = s
        .participants
        .iter()
        .filter(|p| !p.name.trim().is_empty())
        .filter_map(|p| Some((p.name.to_string(), attribution(p, reader)?)))
        .collect();
    for (old, new) in &renames {
        let fix = |x: &mut String| {
            if x == old {
                x.clone_from(new);
            }
        };
        if reader == Audience::Public {
            s.rename_participant(old, new);
        } else {
            s.goals.iter_mut().for_each(|g| fix(&mut g.proposed_by));
            s.vision.drafts.iter_mut().for_each(|d| fix(&mut d.proposed_by));
            s.parking_lot.iter_mut().for_each(|p| fix(&mut p.raised_by));
            s.rename_in_rounds(old, new);
        }
        for v in &mut s.votes {
            v.ballots.iter_mut().for_each(|b| fix(&mut b.voter));
        }
        for c in &mut s.consent_checks {
            c.answers.iter_mut().for_each(|a| fix(&mut a.who));
            c.resolutions.iter_mut().for_each(|r| fix(&mut r.by));
        }
    }
}
