//! Evaluation forms from phones over real HTTP on 127.0.0.1: the form on the phone's view, a
//! form recorded at once and replaced by the same phone, limits (280 characters, grades 1-10,
//! a stale block, no cookie), escape sequences stripped, and the room's view that never shows
//! an answer the facilitator did not approve.

use crate::eval_fixture::engine;
use crate::support::room::{get, join, loopback_limits, post, room_with, state};

use regie::engine::Command;
use regie::engine::record::{FormSource, Moderation, OpenSlot, Part};
use regie::journal::MemoryRecorder;
use regie::room::headless::Headless;

fn room() -> Headless {
    room_with(
        engine(),
        Box::new(MemoryRecorder::default()),
        loopback_limits(),
    )
}

fn room_state(session: &Headless) -> String {
    let code = session.room().join_code();
    let reply = get(
        session.room().addr(),
        &format!("/room/state?code={code}"),
        None,
    );
    assert_eq!(reply.status, 200);
    reply.body
}

/// `text` percent-encoded for a form body.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => char::from(b).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[test]
fn the_phone_sees_the_form_and_its_form_is_recorded_and_replaced() {
    let session = room();
    let addr = session.room().addr();
    let phone = join(addr, &session.room().join_code()).expect("joins");
    let view = state(addr, &phone);
    let form = &view["evaluation"];
    assert_eq!(form["block"], 1);
    assert_eq!(form["grade"], true);
    assert_eq!(form["max_chars"], 280);
    assert_eq!(form["questions"][0]["answer"]["Scale"]["to"], 5);
    assert!(form["mine"].is_null());

    let sent = post(
        addr,
        "/form",
        Some(&phone),
        "block=1&grade=8&top=Fijne+groep&tip=&q0=4&q1=Casussen+uit+het+werk",
    );
    assert_eq!(sent.status, 204, "{sent:?}");
    let log = session.log();
    let evaluation = log.blocks[1].evaluation.as_ref().unwrap();
    assert_eq!(evaluation.forms.len(), 1, "recorded at once");
    assert_eq!(evaluation.forms[0].source, FormSource::Phone(0));
    assert_eq!(evaluation.forms[0].grade, Some(8));
    assert_eq!(evaluation.forms[0].tip, None, "an empty field is no answer");
    assert_eq!(state(addr, &phone)["evaluation"]["mine"]["grade"], 8);

    let again = post(addr, "/form", Some(&phone), "block=1&grade=9");
    assert_eq!(again.status, 204);
    let log = session.log();
    let evaluation = log.blocks[1].evaluation.as_ref().unwrap();
    assert_eq!(evaluation.forms.len(), 1, "the phone's form is replaced");
    assert_eq!(evaluation.forms[0].grade, Some(9));
    assert!(evaluation.forms[0].top.is_none());
}

#[test]
fn forms_outside_the_limits_are_refused_and_record_nothing() {
    let session = room();
    let addr = session.room().addr();
    let phone = join(addr, &session.room().join_code()).expect("joins");
    let long = "é".repeat(281);
    for (body, status) in [
        (format!("block=1&top={}", encode(&long)), 400),
        ("block=1&grade=11".to_string(), 400),
        ("block=1&grade=0".to_string(), 400),
        ("block=1&grade=acht".to_string(), 400),
        ("block=1&q0=6".to_string(), 400),
        ("block=1".to_string(), 400),
        ("grade=8".to_string(), 400),
        ("block=0&grade=8".to_string(), 409),
    ] {
        let reply = post(addr, "/form", Some(&phone), &body);
        assert_eq!(reply.status, status, "{body}: {reply:?}");
    }
    assert_eq!(post(addr, "/form", None, "block=1&grade=8").status, 403);
    assert_eq!(
        post(
            addr,
            "/form",
            Some("regie_device=0123456789abcdef"),
            "block=1&grade=8"
        )
        .status,
        403
    );
    let huge = format!("block=1&top={}", "a".repeat(5000));
    assert_eq!(post(addr, "/form", Some(&phone), &huge).status, 413);
    let at_limit = format!("block=1&top={}", encode(&"é".repeat(280)));
    assert_eq!(post(addr, "/form", Some(&phone), &at_limit).status, 204);
    let log = session.log();
    assert_eq!(log.blocks[1].evaluation.as_ref().unwrap().forms.len(), 1);
}

#[test]
fn escapes_are_stripped_and_the_room_never_sees_an_unapproved_answer() {
    let session = room();
    let addr = session.room().addr();
    let phone = join(addr, &session.room().join_code()).expect("joins");
    let hostile = "\u{1b}[2J\u{1b}[31mRood<script>alert(1)</script>\u{7} geoefend";
    let body = format!("block=1&grade=7&top={}", encode(hostile));
    assert_eq!(post(addr, "/form", Some(&phone), &body).status, 204);
    let log = session.log();
    let top = log.blocks[1].evaluation.as_ref().unwrap().forms[0]
        .top
        .clone()
        .unwrap();
    assert!(!top.text.chars().any(char::is_control), "{:?}", top.text);
    assert!(top.text.contains("Rood"));

    let before = room_state(&session);
    assert!(!before.contains("Rood"), "unapproved: {before}");
    assert!(!before.contains("geoefend"), "not even in the word list");
    assert!(
        before.contains("\"grades\":null"),
        "grades hidden: {before}"
    );

    session
        .command(Command::Moderate {
            slot: OpenSlot {
                form: 0,
                part: Part::Top,
            },
            decision: Moderation::Approved,
        })
        .expect("approved");
    let after = room_state(&session);
    assert!(after.contains("Rood"), "{after}");
    assert!(
        !after.contains('\u{1b}') && !after.contains("\\u001b"),
        "{after}"
    );
    // JSON carries the text; the page sets it with textContent, never as HTML.
    let script = get(addr, "/room.js", None).body;
    assert!(!script.contains("innerHTML"));
    assert!(!get(addr, "/phone.js", None).body.contains("innerHTML"));
}

#[test]
fn the_phone_page_has_the_form_in_dutch_and_english() {
    let session = room();
    let addr = session.room().addr();
    let dutch = get(addr, "/", None).body;
    assert!(dutch.contains("Welk cijfer geef je? (1-10)"), "{dutch}");
    assert!(dutch.contains("Anoniem: je antwoorden"));
    let english = get(addr, "/?lang=en", None).body;
    assert!(english.contains("What grade do you give? (1-10)"));
}
