//! A crash with phones in the room: the log on disk holds the code, the devices and their
//! votes; the resumed run's room takes the same phones back, and a vote is still counted once.

use crate::support::fixtures::script;
use crate::support::room::{engine_on_cards, get, join, loopback_limits, room_with, state, vote};
use regie::engine::record::VoteRound;
use regie::engine::{Engine, ProgrammeHistory};
use regie::journal::{self, Journal};

#[test]
fn after_a_crash_phones_come_back_with_their_token_and_vote_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let engine = engine_on_cards();
    let journal = Journal::create(dir.path(), engine.log()).expect("journal");
    let session = room_with(engine, Box::new(journal), loopback_limits());
    let addr = session.room().addr();
    let code = session.room().join_code();
    let phone = join(addr, &code).expect("joined");
    assert_eq!(vote(addr, &phone, 1).status, 200);
    // The crash: the runner is gone; only the log on disk remains.
    drop(session);

    let folder = journal::scan(dir.path());
    let (path, log) = folder.logs.first().expect("the log on disk");
    assert!(log.finished.is_none(), "an unfinished run");
    let devices = log.phones.as_ref().expect("the room is in the log");
    assert_eq!(devices.join_code, code);
    assert_eq!(devices.devices.len(), 1);
    let engine = Engine::resume(script(), ProgrammeHistory::default(), log.clone()).expect("fits");
    let journal = Journal::reopen(path).expect("reopen");
    let resumed = room_with(engine, Box::new(journal), loopback_limits());
    let addr = resumed.room().addr();
    assert_eq!(
        resumed.room().join_code(),
        code,
        "the QR code on the wall still works"
    );

    let view = state(addr, &phone);
    assert_eq!(
        view["card"]["mine"], 1,
        "the phone sees its vote from before the crash"
    );
    assert_eq!(
        vote(addr, &phone, 1).status,
        200,
        "voting again changes nothing"
    );
    let again = get(addr, &format!("/?code={code}"), Some(&phone));
    assert_eq!(again.device_cookie().as_deref(), Some(phone.as_str()));
    let log = resumed.log();
    let card = &log.blocks[log.current].cards[0];
    assert_eq!(
        card.phone_counts(VoteRound::First),
        [0, 1, 0],
        "counted once"
    );
    assert_eq!(
        log.phones.expect("room").devices.len(),
        1,
        "no second device"
    );
}
