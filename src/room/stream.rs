//! Server-sent events: one open response per phone or room view, a fresh snapshot as soon as
//! the runner publishes one and at least every keep-alive period; ends when the room stops.

use super::http::COMMON_HEADERS;
use super::server::{Shared, Snapshot};
use std::io::Write;
use std::net::TcpStream;

/// Stream `render(snapshot)` to `stream` until the client leaves or the room stops.
pub fn serve(shared: &Shared, mut stream: TcpStream, render: impl Fn(&Snapshot) -> String) {
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n{COMMON_HEADERS}\r\n"
    );
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let (mut snapshot, mut seen) = shared.snapshot();
    loop {
        let event = format!("data: {}\n\n", render(&snapshot));
        if stream.write_all(event.as_bytes()).is_err() || stream.flush().is_err() {
            return;
        }
        (snapshot, seen) = shared.wait_newer(seen, shared.limits.keep_alive);
        if shared.is_stopping() {
            return;
        }
    }
}
