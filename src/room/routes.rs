//! The only paths the room answers; anything else is 404 and says nothing. Phones need the
//! join code once (then their device cookie), the room view needs the code on every request.

use super::clean;
use super::host::{ANSWER_WITHIN, Inbound};
use super::http::{Request, Response, cookie_value, form_value};
use super::pages::{self, Asset};
use super::secrets;
use super::server::{Shared, Snapshot};
use super::stream;
use super::views;
use crate::engine::phones::PhoneRefusal;
use crate::engine::record::VoteRound;
use crate::engine::{Command, Refusal};
use std::net::TcpStream;
use std::time::Instant;

/// Name of the device cookie.
pub const COOKIE: &str = "regie_device";
/// How long a phone keeps its cookie: a day (a session never runs longer).
const COOKIE_SECONDS: u32 = 24 * 3600;

/// Answer `request` on `stream` (an update stream keeps it open until the room stops).
pub fn handle(shared: &Shared, request: Request, mut stream: TcpStream) {
    let asset = Asset::at(&request.path).filter(|_| request.method == "GET");
    let response = match (request.method.as_str(), request.path.as_str()) {
        _ if asset.is_some() => asset.map_or_else(
            || Response::status(404),
            |asset| Response::new(200, asset.content_type(), asset.body()),
        ),
        ("GET", "/") => participant_page(shared, &request),
        ("POST", "/join") => join(shared, &request),
        ("GET", "/state") => match device(shared, &request) {
            Ok((snapshot, device)) => Response::json(views::phone_json(&snapshot, device)),
            Err(response) => response,
        },
        ("GET", "/events") => match device(shared, &request) {
            Ok((_, device)) => {
                stream::serve(shared, stream, move |snapshot| {
                    views::phone_json(snapshot, device)
                });
                return;
            }
            Err(response) => response,
        },
        ("POST", "/vote") => vote(shared, &request),
        ("POST", "/form") => super::forms::submit(shared, &request),
        ("GET", "/room") => match room_code(shared, &request) {
            Ok(()) => Response::new(
                200,
                "text/html; charset=utf-8",
                pages::room_page(pages::lang_of(&request, shared.lang)),
            ),
            Err(response) => response,
        },
        ("GET", "/room/state") => match room_code(shared, &request) {
            Ok(()) => Response::json(views::room_json(&shared.snapshot().0)),
            Err(response) => response,
        },
        ("GET", "/room/events") => match room_code(shared, &request) {
            Ok(()) => {
                stream::serve(shared, stream, views::room_json);
                return;
            }
            Err(response) => response,
        },
        (_, path) if is_route(path) => Response::status(405),
        _ => Response::status(404),
    };
    let _ = response.write_to(&mut stream);
}

fn is_route(path: &str) -> bool {
    matches!(
        path,
        "/" | "/join"
            | "/state"
            | "/events"
            | "/vote"
            | "/form"
            | "/room"
            | "/room/state"
            | "/room/events"
    ) || Asset::at(path).is_some()
}

/// The phone page; with `?code=` a right code joins at once (the QR code's way in).
fn participant_page(shared: &Shared, request: &Request) -> Response {
    let lang = pages::lang_of(request, shared.lang);
    if form_value(&request.query, "code").is_none() {
        return Response::new(200, "text/html; charset=utf-8", pages::phone_page(lang));
    }
    match enter(shared, request, &request.query) {
        Ok(cookie) => Response::status(303)
            .with("Location", "/".into())
            .with("Set-Cookie", cookie),
        Err(response) => response,
    }
}

/// POST /join with `code=...`: 204 with the device cookie, or 403.
fn join(shared: &Shared, request: &Request) -> Response {
    let body = String::from_utf8_lossy(&request.body);
    match enter(shared, request, &body) {
        Ok(cookie) => Response::status(204).with("Set-Cookie", cookie),
        Err(response) => response,
    }
}

/// Check the code in `form` and join the device (a known cookie keeps its token).
fn enter(shared: &Shared, request: &Request, form: &str) -> Result<String, Response> {
    let (snapshot, _) = shared.snapshot();
    let code = form_value(form, "code").unwrap_or_default();
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if snapshot.log.finished.is_some() || !secrets::same(&code, &snapshot.join_code) {
        return Err(Response::status(403));
    }
    if let Some(token) = known_token(&snapshot, request) {
        return Ok(cookie(&token));
    }
    let token = secrets::device_token();
    match ask(
        shared,
        Command::JoinPhone {
            token: token.clone(),
        },
    ) {
        Some(Ok(())) => Ok(cookie(&token)),
        Some(Err(Refusal::Phone(PhoneRefusal::Full))) | None => Err(Response::status(503)),
        Some(Err(_)) => Err(Response::status(403)),
    }
}

fn cookie(token: &str) -> String {
    format!("{COOKIE}={token}; Path=/; Max-Age={COOKIE_SECONDS}; HttpOnly; SameSite=Strict")
}

/// The request's device token, if it is one that joined.
fn known_token(snapshot: &Snapshot, request: &Request) -> Option<String> {
    let token = cookie_value(request.cookie.as_deref()?, COOKIE)?;
    (secrets::is_token(token) && snapshot.devices.contains_key(token)).then(|| token.to_owned())
}

/// The joined device of this request (within its rate limit), or the response refusing it.
pub(super) fn device(
    shared: &Shared,
    request: &Request,
) -> Result<(std::sync::Arc<Snapshot>, u32), Response> {
    let (snapshot, _) = shared.snapshot();
    if snapshot.log.finished.is_some() {
        return Err(Response::status(403));
    }
    let token = known_token(&snapshot, request).ok_or_else(|| Response::status(403))?;
    if !shared.by_device.allow(&token, Instant::now()) {
        return Err(Response::status(429).with("Retry-After", "1".into()));
    }
    let device = snapshot.devices[&token];
    Ok((snapshot, device))
}

/// The joined device of a request that acts (within its rate limit) and its token, or the
/// response refusing it.
pub(super) fn joined(
    shared: &Shared,
    request: &Request,
) -> Result<(std::sync::Arc<Snapshot>, String), Response> {
    let (snapshot, _) = device(shared, request)?;
    let token = known_token(&snapshot, request).ok_or_else(|| Response::status(403))?;
    Ok((snapshot, token))
}

/// POST /vote with `card`, `round` (first or revote) and `option` (zero-based).
fn vote(shared: &Shared, request: &Request) -> Response {
    let token = match joined(shared, request) {
        Ok((_, token)) => token,
        Err(response) => return response,
    };
    let body = String::from_utf8_lossy(&request.body);
    let card = form_value(&body, "card").map(|c| clean::plain_text(&c, 200));
    let round = match form_value(&body, "round").as_deref() {
        Some("first") => Some(VoteRound::First),
        Some("revote") => Some(VoteRound::Revote),
        _ => None,
    };
    let option = form_value(&body, "option").and_then(|o| o.parse::<usize>().ok());
    let (Some(card), Some(round), Some(option)) = (card, round, option) else {
        return Response::status(400);
    };
    let command = Command::PhoneVote {
        token,
        card,
        round,
        option,
    };
    match ask(shared, command) {
        Some(Ok(())) => Response::json(format!("{{\"mine\":{option}}}")),
        Some(Err(Refusal::NoSuchOption)) => Response::status(400),
        Some(Err(Refusal::Phone(PhoneRefusal::UnknownDevice | PhoneRefusal::Closed))) => {
            Response::status(403)
        }
        Some(Err(_)) => Response::status(409),
        None => Response::status(503),
    }
}

/// The room view needs the join code in its address (`/room?code=...`).
fn room_code(shared: &Shared, request: &Request) -> Result<(), Response> {
    let (snapshot, _) = shared.snapshot();
    let code = form_value(&request.query, "code").unwrap_or_default();
    if snapshot.log.finished.is_none() && secrets::same(&code, &snapshot.join_code) {
        Ok(())
    } else {
        Err(Response::status(403))
    }
}

/// Send `command` to the runner and wait for its answer (`None`: the runner did not answer).
pub(super) fn ask(shared: &Shared, command: Command) -> Option<Result<(), Refusal>> {
    let (inbound, answer) = Inbound::new(command);
    if !shared.deliver(inbound) {
        return None;
    }
    answer.recv_timeout(ANSWER_WITHIN).ok()
}
