//! What the room's copy is built from: the log alone (the session file may be on another
//! machine), with the facilitator's notes taken out before anything can draw them.

use crate::engine::{Engine, ProgrammeHistory};
use crate::journal::record::{BlockLog, SessionLog};
use crate::script::{Block, BlockKind, BlockKindTag, DrawOrder, LoadedSession, Minutes, Session};
use crate::tui::app::{App, Settings};
use std::collections::BTreeMap;

/// The room's read-only `App` for `log`, or `None` for a log without blocks or one that does
/// not hold together (nothing to show).
pub fn audience_app(log: &SessionLog, settings: Settings) -> Option<App> {
    if log.blocks.is_empty() {
        return None;
    }
    let log = for_the_room(log);
    let engine = Engine::resume(script_of(&log), ProgrammeHistory::default(), log).ok()?;
    Some(App::audience(engine, settings))
}

/// `log` without what only the facilitator may see: typed notes, card notes and outcomes,
/// and the session file's place.
pub fn for_the_room(log: &SessionLog) -> SessionLog {
    let mut log = log.clone();
    log.session.file = String::new();
    for block in &mut log.blocks {
        block.notes.clear();
        for card in &mut block.cards {
            card.notes.clear();
            card.outcome = None;
        }
    }
    // room: the join code and the devices' tokens are secrets; only their number is shown.
    if let Some(phones) = &mut log.phones {
        phones.join_code.clear();
        phones.devices.iter_mut().for_each(String::clear);
    }
    log
}

/// The script the runner's views read (titles, kinds, minutes, homework), rebuilt from the
/// log; block notes stay empty and no deck or cohort is loaded.
pub fn script_of(log: &SessionLog) -> LoadedSession {
    let info = &log.session;
    LoadedSession {
        source: info.file.clone(),
        session: Session {
            title: info.title.clone(),
            programme: info.programme.clone(),
            cohort: None,
            start: info.planned_start.clone(),
            homework: info.homework.clone(),
            blocks: log.blocks.iter().map(block_of).collect(),
        },
        cohort: None,
        decks: BTreeMap::new(),
    }
}

fn block_of(block: &BlockLog) -> Block {
    let minutes = (block.planned_seconds.max(0) as u64).div_ceil(60);
    Block {
        title: block.title.clone(),
        minutes: Minutes(u32::try_from(minutes).unwrap_or(u32::MAX)),
        kind: kind_of(block),
        notes: String::new(),
    }
}

/// The block's kind from its name in the log; parameters only as far as the log knows them
/// (the room's copy never draws cards or splits groups).
fn kind_of(block: &BlockLog) -> BlockKind {
    match block.kind {
        BlockKindTag::Round => BlockKind::Round {
            seconds_each: block.round.as_ref().map_or(0, |r| r.seconds_each),
        },
        BlockKindTag::Dilemmas => BlockKind::Dilemmas {
            deck: String::new(),
            draw: u32::try_from(block.drawn.len().max(block.cards.len())).unwrap_or(u32::MAX),
            order: DrawOrder::default(),
        },
        BlockKindTag::Break => BlockKind::Break,
        BlockKindTag::Breakout => BlockKind::Breakout {
            size: block
                .splits
                .last()
                .and_then(|s| s.groups.iter().map(Vec::len).max())
                .map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)),
            balance: Vec::new(),
        },
        BlockKindTag::Harvest => BlockKind::Harvest,
        BlockKindTag::Wishes => BlockKind::Wishes,
        BlockKindTag::Evaluation => {
            let asked = block.evaluation.clone().unwrap_or_default();
            BlockKind::Evaluation {
                grade: asked.grade,
                top_and_tip: asked.top_and_tip,
                questions: asked.questions,
            }
        }
        BlockKindTag::Plenary => BlockKind::Plenary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::tui::follow::testing::script;

    #[test]
    fn the_rebuilt_script_keeps_titles_kinds_minutes_and_homework_but_no_notes() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:30:00+01:00").unwrap();
        let engine = Engine::new(script(), ProgrammeHistory::default(), now);
        let rebuilt = script_of(engine.log());
        let original = script().session;
        assert_eq!(rebuilt.session.blocks.len(), original.blocks.len());
        for (a, b) in rebuilt.session.blocks.iter().zip(&original.blocks) {
            assert_eq!(
                (&a.title, a.minutes, a.kind.name()),
                (&b.title, b.minutes, b.kind.name())
            );
            assert!(a.notes.is_empty());
        }
        assert_eq!(rebuilt.session.homework, original.homework);
        assert_eq!(rebuilt.session.start, original.start);
    }

    #[test]
    fn the_rooms_log_has_no_notes_and_a_log_without_blocks_shows_nothing() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-23T09:30:00+01:00").unwrap();
        let mut engine = Engine::new(script(), ProgrammeHistory::default(), now);
        engine
            .apply(
                crate::engine::Command::Note {
                    text: "GEHEIM".into(),
                },
                now,
            )
            .expect("a note");
        let room = for_the_room(engine.log());
        assert!(room.blocks.iter().all(|b| b.notes.is_empty()));
        assert!(!format!("{room:?}").contains("GEHEIM"));
        assert!(room.session.file.is_empty());
        let mut empty = engine.log().clone();
        empty.blocks.clear();
        assert!(
            audience_app(
                &empty,
                crate::tui::app::Settings {
                    theme: crate::tui::Theme::named(crate::tui::ThemeName::Dark),
                    lang: crate::i18n::Lang::Nl,
                    bell: false,
                }
            )
            .is_none()
        );
    }
}
