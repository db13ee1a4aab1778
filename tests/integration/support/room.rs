//! Helpers for the room over HTTP (loopback only): joining, voting, update streams, and a
//! headless run of the fixture day with its room open on the Dilemmas block.

use super::fixtures::script;
pub use super::http_client::{Reply, get, post, send};
use regie::engine::{Command, Engine, ProgrammeHistory};
use regie::i18n::Lang;
use regie::journal::MemoryRecorder;
use regie::journal::Recorder;
use regie::room::headless::Headless;
use regie::room::{Limits, RoomConfig};
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Join with `code` the way the QR code does; the device cookie on success.
pub fn join(addr: SocketAddr, code: &str) -> Option<String> {
    let reply = get(addr, &format!("/?code={code}"), None);
    (reply.status == 303)
        .then(|| reply.device_cookie())
        .flatten()
}

/// The phone's view as JSON.
pub fn state(addr: SocketAddr, cookie: &str) -> serde_json::Value {
    let reply = get(addr, "/state", Some(cookie));
    assert_eq!(reply.status, 200, "{reply:?}");
    serde_json::from_str(&reply.body).expect("JSON")
}

/// Vote for `option` of the card the phone sees now.
pub fn vote(addr: SocketAddr, cookie: &str, option: usize) -> Reply {
    let view = state(addr, cookie);
    let card = view["card"]["id"]
        .as_str()
        .expect("a card on screen")
        .to_string();
    let round = view["card"]["round"].as_str().expect("round").to_string();
    post(
        addr,
        "/vote",
        Some(cookie),
        &format!("card={card}&round={round}&option={option}"),
    )
}

/// An open update stream: each `next` returns the next event's JSON.
pub struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    pub fn open(addr: SocketAddr, path: &str, cookie: Option<&str>) -> Events {
        let mut stream = TcpStream::connect(addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        let cookie = cookie
            .map(|c| format!("Cookie: {c}\r\n"))
            .unwrap_or_default();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {addr}\r\n{cookie}\r\n"
        )
        .expect("send");
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        reader.read_line(&mut line).expect("status line");
        assert!(line.starts_with("HTTP/1.1 200"), "{line}");
        loop {
            line.clear();
            reader.read_line(&mut line).expect("header");
            if line == "\r\n" {
                break;
            }
        }
        Events { reader }
    }

    pub fn next(&mut self) -> serde_json::Value {
        let mut line = String::new();
        loop {
            line.clear();
            let n = self.reader.read_line(&mut line).expect("an event");
            assert!(n > 0, "the stream ended");
            if let Some(data) = line.strip_prefix("data: ") {
                return serde_json::from_str(data.trim_end()).expect("JSON event");
            }
        }
    }
}

/// The default limits, but with the per-address limit lifted: on loopback every simulated
/// phone shares one address (on a real network each phone has its own).
pub fn loopback_limits() -> Limits {
    Limits {
        address_per_second: 10_000.0,
        address_burst: 10_000.0,
        ..Limits::default()
    }
}

/// Loopback, any free port, the given limits.
pub fn config(limits: Limits) -> RoomConfig {
    RoomConfig {
        addr: Some("127.0.0.1:0".parse().expect("addr")),
        limits,
        lang: Lang::Nl,
        remote: false,
    }
}

/// The fixture day on its Dilemmas block (card 1 on screen).
pub fn engine_on_cards() -> Engine {
    let now = chrono::Local::now().fixed_offset();
    let mut engine = Engine::new(script(), ProgrammeHistory::default(), now);
    for _ in 0..2 {
        engine.apply(Command::Next, now).expect("next block");
    }
    assert!(engine.current_card().is_some(), "a card on screen");
    engine
}

/// The fixture day's room, open on its first card, recording in memory.
pub fn room_on_cards(limits: Limits) -> Headless {
    room_with(
        engine_on_cards(),
        Box::new(MemoryRecorder::default()),
        limits,
    )
}

pub fn room_with(engine: Engine, recorder: Box<dyn Recorder + Send>, limits: Limits) -> Headless {
    Headless::start(engine, recorder, config(limits)).expect("the room starts")
}

/// A session of a welcome and one dilemma card, for the room tests that run the real binary.
pub const SESSION: &str = r#"Session(
    title: "Proefdag",
    blocks: [
        (title: "Welkom en check-in", minutes: 10, kind: Plenary),
        (title: "Dilemma's", minutes: 20, kind: Dilemmas(deck: "deck.ron", draw: 1)),
    ],
)
"#;

/// The one-card deck `SESSION` draws from (`deck.ron`).
pub const DECK: &str = r#"Deck(
    title: "Proefdeck",
    cards: [
        (
            id: "speeltuin",
            title: "De speeltuin zonder vergunning",
            situation: "Bewoners bouwden zelf een speeltuin op gemeentegrond.",
            options: ["Handhaven", "Gedogen"],
        ),
    ],
)
"#;

/// A loopback address with a port that was free a moment ago.
pub fn free_addr() -> SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
}
