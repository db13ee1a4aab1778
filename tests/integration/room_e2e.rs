//! The real binary with `--room`: a phone's vote reaches the runner's screen and the log on
//! disk at once, `j` shows the join screen, a hard kill and `--resume` keep the code and the
//! phone's vote; a bad `--room-addr` is a plain message and exit code 2.

use crate::support::e2e::{binary, regie, wait_for_log};
use crate::support::pty::Terminal;
use crate::support::room::{DECK, SESSION, free_addr, get, join, state, vote};
use std::net::TcpListener;

#[test]
fn a_phone_vote_reaches_the_screen_and_the_log_and_survives_a_kill() {
    let work = crate::support::e2e::workspace(&[("dag.ron", SESSION), ("deck.ron", DECK)]);
    let logs = work.path().join("logs");
    let addr = free_addr();
    let addr_arg = addr.to_string();
    let logs_arg = logs.to_str().expect("utf-8 path");
    let args = [
        "run",
        "dag.ron",
        "--log-dir",
        logs_arg,
        "--lang",
        "nl",
        "--room",
        "--room-addr",
        &addr_arg,
    ];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 100, 30);
    term.wait_for("Welkom en check-in");
    term.send("n");
    term.wait_for("De speeltuin zonder vergunning");
    term.wait_for("0 telefoon + 0 hand · 0 van 0 telefoons gestemd");
    let log = wait_for_log(&logs, "the room is open", |log| log.phones.is_some());
    let code = log.phones.expect("room").join_code;

    let phone = join(addr, &code).expect("the phone joins");
    assert_eq!(vote(addr, &phone, 1).status, 200);
    term.wait_for("1 telefoon + 0 hand · 1 van 1 telefoons gestemd");
    wait_for_log(&logs, "the phone's vote is on disk", |log| {
        log.blocks[1].cards[0].phone_ballots.len() == 1
    });
    term.send("1");
    term.wait_for("2 stemmen geteld");

    term.send("j");
    term.wait_for(&format!("http://{addr}/"));
    term.wait_for("Stemmen zijn anoniem.");
    term.send("j");
    term.kill_hard();

    let resume = [&args[..], &["--resume"]].concat();
    let mut term = Terminal::spawn(&binary(), &resume, work.path(), &[], 100, 30);
    term.wait_for("1 telefoon + 1 hand · 1 van 1 telefoons gestemd");
    assert_eq!(
        state(addr, &phone)["card"]["mine"],
        1,
        "the phone's vote is still there"
    );
    assert_eq!(get(addr, "/?code=000000", None).status, 403);
    term.send("q");
    term.send("y");
    term.wait_exit();
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "the room closes with regie"
    );
}

#[test]
fn a_taken_room_address_is_a_plain_message_and_exit_2() {
    let work = crate::support::e2e::workspace(&[("dag.ron", SESSION), ("deck.ron", DECK)]);
    let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("addr").to_string();
    let args = [
        "run",
        "dag.ron",
        "--log-dir",
        "logs",
        "--room",
        "--room-addr",
        &addr,
    ];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 100, 30);
    let code = term.wait_exit();
    assert_eq!(code, 2);
    let screen = term.text();
    assert!(
        screen.contains(&addr),
        "the message names the address: {screen}"
    );

    let without_room = regie()
        .current_dir(work.path())
        .args(["run", "dag.ron", "--room-addr", &addr])
        .output()
        .expect("run regie");
    assert_eq!(
        without_room.status.code(),
        Some(2),
        "--room-addr needs --room"
    );
}
