//! Where the room listens: the address given with `--room-addr`, or the laptop's own address
//! on the local network at port 7878 (the next free port if taken), never every interface.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};

/// The port tried first when none is given.
pub const DEFAULT_PORT: u16 = 7878;
/// How many ports after the default are tried when it is taken.
const PORTS_TRIED: u16 = 20;

/// The address phones can reach this laptop on: the one the system would use to reach the
/// network. Connecting a UDP socket only picks a route; it sends nothing.
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    // 192.0.2.1 is reserved for documentation (TEST-NET-1): no packet goes anywhere.
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// Why the room could not listen.
#[derive(Debug)]
pub struct BindError {
    pub tried: String,
    pub error: io::Error,
}

impl std::fmt::Display for BindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot listen on {}: {}; choose another with --room-addr IP:PORT \
             (this laptop's address on the room's network, e.g. 192.168.1.20:8080)",
            self.tried, self.error
        )
    }
}

/// Connections waiting to be accepted: a room's worth of phones arriving at once must not
/// overflow the queue (the kernel would drop them and the phones retry only after a second).
const BACKLOG: i32 = 1024;

/// Listen on `addr` with a queue for a whole room.
fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::for_address(addr), Type::STREAM, None)?;
    socket.set_reuse_address(true)?;
    socket.bind(&addr.into())?;
    socket.listen(BACKLOG)?;
    Ok(socket.into())
}

/// Listen on `chosen`, or on the LAN address from port 7878 up (loopback when the laptop has
/// no network, so the facilitator still sees the join screen and can fix the network).
pub fn bind(chosen: Option<SocketAddr>) -> Result<TcpListener, BindError> {
    if let Some(addr) = chosen {
        return listen(addr).map_err(|error| BindError {
            tried: addr.to_string(),
            error,
        });
    }
    let ip = lan_address().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    let mut last = None;
    for port in DEFAULT_PORT..DEFAULT_PORT + PORTS_TRIED {
        match listen(SocketAddr::new(ip, port)) {
            Ok(listener) => return Ok(listener),
            Err(error) => last = Some(error),
        }
    }
    Err(BindError {
        tried: format!("{ip}:{DEFAULT_PORT}-{}", DEFAULT_PORT + PORTS_TRIED - 1),
        error: last.unwrap_or_else(|| io::Error::other("no port tried")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_address_is_named_in_the_error() {
        let taken = TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = taken.local_addr().expect("addr");
        let error = bind(Some(addr)).expect_err("taken");
        assert!(error.to_string().contains(&addr.to_string()), "{error}");
    }
}
