//! The room treats every request as hostile: size limits, slow clients, rate limits, escape
//! sequences and markup in what phones send; and it stops with the session.

use crate::support::room::{get, join, loopback_limits, post, room_on_cards, send, state};
use regie::engine::Command;
use regie::room::Limits;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

#[test]
fn a_body_over_4_kb_is_refused_before_it_is_read() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    let big = format!("code={}", "1".repeat(5000));
    assert_eq!(post(addr, "/join", None, &big).status, 413);
    let head = format!("GET / HTTP/1.1\r\nX-Junk: {}\r\n\r\n", "a".repeat(10_000));
    assert_eq!(send(addr, head.as_bytes()).status, 431);
    assert_eq!(
        send(
            addr,
            b"GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        .status,
        400
    );
    assert_eq!(send(addr, b"NONSENSE\r\n\r\n").status, 400);
}

#[test]
fn a_slow_client_is_cut_off() {
    let limits = Limits {
        request_time: Duration::from_millis(300),
        ..Limits::default()
    };
    let session = room_on_cards(limits);
    let mut stream = TcpStream::connect(session.room().addr()).expect("connect");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: x")
        .expect("half a request");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let started = Instant::now();
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    assert!(started.elapsed() < Duration::from_secs(3), "closed in time");
    assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
}

#[test]
fn requests_are_limited_per_device_and_per_address() {
    let limits = loopback_limits();
    let session = room_on_cards(limits);
    let addr = session.room().addr();
    let cookie = join(addr, &session.room().join_code()).expect("joined");
    let statuses: Vec<u16> = (0..30)
        .map(|_| get(addr, "/state", Some(&cookie)).status)
        .collect();
    let refused = statuses.iter().filter(|s| **s == 429).count();
    assert!(
        refused >= 15,
        "a device gets about 10 at once: {statuses:?}"
    );
    assert_eq!(statuses[0], 200);

    let strict = room_on_cards(Limits::default());
    let addr = strict.room().addr();
    let statuses: Vec<u16> = (0..30).map(|_| get(addr, "/", None).status).collect();
    assert!(
        statuses.iter().filter(|s| **s == 429).count() >= 15,
        "one address gets about 10 at once: {statuses:?}"
    );
}

#[test]
fn guessing_the_code_is_slowed_by_the_address_limit() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    let statuses: Vec<u16> = (0..40)
        .map(|i| get(addr, &format!("/?code={i:06}"), None).status)
        .collect();
    assert!(statuses.iter().all(|s| *s == 403 || *s == 429));
    assert!(
        statuses.iter().filter(|s| **s == 429).count() >= 25,
        "{statuses:?}"
    );
}

#[test]
fn escape_sequences_and_markup_from_phones_never_come_back() {
    let limits = loopback_limits();
    let session = room_on_cards(limits);
    let addr = session.room().addr();
    let cookie = join(addr, &session.room().join_code()).expect("joined");
    let nasty = "%1B%5B2J%1B%5B31m%3Cscript%3Ealert(1)%3C%2Fscript%3E";
    let reply = post(
        addr,
        "/vote",
        Some(&cookie),
        &format!("card={nasty}&round=first&option=0"),
    );
    assert_eq!(reply.status, 409, "not the card on screen");
    assert!(reply.body.is_empty());
    let page = get(addr, &format!("/?lang={nasty}"), None);
    assert!(!page.body.contains("alert(1)") && !page.body.contains('\u{1b}'));
    let missing = get(addr, "/%1B%5B2J%3Cscript%3E", None);
    assert_eq!(missing.status, 404);
    assert!(missing.body.is_empty());
    let log = session.log();
    let written = ron::to_string(&log).expect("ron");
    assert!(!written.contains("alert(1)") && !written.contains('\u{1b}'));
    // The phone still sees its card, untouched.
    assert_eq!(
        state(addr, &cookie)["card"]["mine"],
        serde_json::Value::Null
    );
}

#[test]
fn the_room_closes_when_the_session_ends_and_when_it_stops() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    let code = session.room().join_code();
    let cookie = join(addr, &code).expect("joined");
    session.command(Command::Finish).expect("finish");
    assert_eq!(
        get(addr, "/state", Some(&cookie)).status,
        403,
        "the session is over"
    );
    assert_eq!(
        get(addr, &format!("/?code={code}"), None).status,
        403,
        "the code expired"
    );
    drop(session);
    assert!(
        TcpStream::connect(addr).is_err(),
        "nothing listens any more"
    );
}
