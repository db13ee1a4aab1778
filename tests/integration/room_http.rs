//! The room server over real HTTP on 127.0.0.1: joining with the code (403 for a wrong one),
//! voting, changing a vote, the revote, results only once revealed, the update stream, /room.

use crate::support::room::{Events, get, join, loopback_limits, post, room_on_cards, state, vote};
use regie::engine::Command;
use regie::engine::record::VoteRound;
use regie::room::Limits;

#[test]
fn the_qr_code_joins_and_a_wrong_code_gets_403_and_nothing_else() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    let code = session.room().join_code();
    let wrong = get(addr, "/?code=000000x", None);
    assert_eq!(wrong.status, 403);
    assert!(wrong.body.is_empty(), "a 403 says nothing: {wrong:?}");
    assert!(wrong.header("Set-Cookie").is_none());
    let wrong_post = post(addr, "/join", None, "code=123");
    assert_eq!(wrong_post.status, 403);

    let cookie = join(addr, &code).expect("the right code joins");
    assert!(cookie.starts_with("regie_device="), "{cookie}");
    let typed = post(addr, "/join", None, &format!("code={code}"));
    assert_eq!(typed.status, 204, "typing the code joins too");
    let log = session.log();
    assert_eq!(log.phones.as_ref().expect("room").devices.len(), 2);

    // The same phone joining again keeps its token: still two devices.
    let again = get(addr, &format!("/?code={code}"), Some(&cookie));
    assert_eq!(again.device_cookie().as_deref(), Some(cookie.as_str()));
    assert_eq!(session.log().phones.expect("room").devices.len(), 2);
}

#[test]
fn the_page_says_votes_are_anonymous_in_dutch_and_english() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    let dutch = get(addr, "/", None);
    assert_eq!(dutch.status, 200);
    assert!(dutch.body.contains("Je stem is anoniem"), "{}", dutch.body);
    let english = crate::support::room::send(
        addr,
        b"GET / HTTP/1.1\r\nAccept-Language: en-GB,en;q=0.9\r\n\r\n",
    );
    assert!(english.body.contains("Your vote is anonymous"));
    for asset in ["/phone.js", "/room.js", "/style.css"] {
        assert_eq!(get(addr, asset, None).status, 200, "{asset}");
    }
    let csp = dutch.header("Content-Security-Policy").expect("a CSP");
    assert!(csp.contains("script-src 'self'"), "{csp}");
}

#[test]
fn a_phone_votes_changes_its_vote_and_only_the_last_counts() {
    let session = room_on_cards(loopback_limits());
    let addr = session.room().addr();
    let code = session.room().join_code();
    let (a, b) = (join(addr, &code).expect("a"), join(addr, &code).expect("b"));
    assert_eq!(vote(addr, &a, 0).status, 200);
    assert_eq!(vote(addr, &a, 1).status, 200);
    assert_eq!(vote(addr, &b, 1).status, 200);
    session
        .command(Command::Vote { option: 0 })
        .expect("a hand");
    let view = state(addr, &a);
    assert_eq!(view["card"]["mine"], 1);
    assert_eq!(view["card"]["open"], true);
    assert!(view["card"]["results"].is_null(), "hidden until revealed");
    let log = session.log();
    let card = &log.blocks[log.current].cards[0];
    assert_eq!(card.phone_counts(VoteRound::First), [0, 2, 0]);
    assert_eq!(card.votes, [1, 0, 0], "hands stay apart");
    assert_eq!(
        post(addr, "/vote", Some(&a), "card=x&round=first&option=9").status,
        409
    );
    assert_eq!(
        post(
            addr,
            "/vote",
            Some(&a),
            &format!("card={}&round=first&option=9", card.card)
        )
        .status,
        400
    );
}

#[test]
fn results_reach_phones_only_when_revealed_and_the_revote_is_a_second_ballot() {
    let session = room_on_cards(loopback_limits());
    let addr = session.room().addr();
    let cookie = join(addr, &session.room().join_code()).expect("joined");
    let mut events = Events::open(addr, "/events", Some(&cookie));
    let first = events.next();
    assert_eq!(first["card"]["round"], "first");
    assert!(first["card"]["results"].is_null());

    assert_eq!(vote(addr, &cookie, 2).status, 200);
    let after_vote = events.next();
    assert_eq!(
        after_vote["card"]["mine"], 2,
        "the stream shows the phone's own vote"
    );

    session.command(Command::ToggleReveal).expect("reveal");
    let revealed = events.next();
    assert_eq!(
        revealed["card"]["results"]["first"],
        serde_json::json!([0, 0, 1])
    );
    assert_eq!(revealed["card"]["open"], false);
    assert_eq!(
        vote(addr, &cookie, 0).status,
        409,
        "no votes once results are shown"
    );

    session.command(Command::StartRevote).expect("revote");
    let revote = events.next();
    assert_eq!(revote["card"]["round"], "revote");
    assert_eq!(revote["card"]["open"], true);
    assert!(
        revote["card"]["results"].is_null(),
        "the revote starts hidden"
    );
    assert!(
        revote["card"]["mine"].is_null(),
        "a new ballot: no vote yet"
    );
    assert_eq!(vote(addr, &cookie, 0).status, 200);
    let log = session.log();
    let card = &log.blocks[log.current].cards[0];
    assert_eq!(card.phone_counts(VoteRound::First), [0, 0, 1]);
    assert_eq!(card.phone_counts(VoteRound::Revote), [1, 0, 0]);
}

#[test]
fn the_room_view_needs_the_code_and_carries_nothing_private() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    let code = session.room().join_code();
    assert_eq!(get(addr, "/room", None).status, 403);
    assert_eq!(get(addr, "/room/state?code=1", None).status, 403);
    let page = get(addr, &format!("/room?code={code}"), None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("/room.js"));
    let state = get(addr, &format!("/room/state?code={code}"), None);
    assert_eq!(state.status, 200);
    assert!(
        state.body.contains("De regel of de ruimte"),
        "{}",
        state.body
    );
    let private = session.log();
    let tokens = &private.phones.as_ref().expect("room").devices;
    assert!(
        !state.body.contains(&code),
        "the join code is not in the view"
    );
    for token in tokens {
        assert!(!state.body.contains(token.as_str()));
    }
    session
        .command(Command::Note {
            text: "geheime notitie".into(),
        })
        .expect("note");
    let mut events = Events::open(addr, &format!("/room/events?code={code}"), None);
    let view = events.next();
    assert!(!view.to_string().contains("geheime notitie"));
    assert_eq!(view["stage"]["Block"]["title"], "De regel of de ruimte");
}

#[test]
fn only_the_listed_routes_exist() {
    let session = room_on_cards(Limits::default());
    let addr = session.room().addr();
    for path in [
        "/logs",
        "/../Cargo.toml",
        "/state/../logs",
        "/notes",
        "/favicon.ico",
    ] {
        let reply = get(addr, path, None);
        assert_eq!(reply.status, 404, "{path}");
        assert!(reply.body.is_empty());
    }
    assert_eq!(get(addr, "/vote", None).status, 405);
    assert_eq!(post(addr, "/state", None, "").status, 405);
    assert_eq!(get(addr, "/state", None).status, 403, "no device, no state");
    let forged = "regie_device=0123456789abcdef0123456789abcdef";
    assert_eq!(get(addr, "/state", Some(forged)).status, 403);
    assert_eq!(get(addr, "/events", Some(forged)).status, 403);
}
