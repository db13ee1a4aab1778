//! The room server's life: listen, accept each connection on its own short-lived thread (at
//! most `Limits::connections` at once), publish the runner's newest log, stop cleanly.

use super::address::{self, BindError};
use super::host::Inbound;
use super::limits::{Limits, RateLimiter};
use super::remote::Remote;
use super::{http, routes};
use crate::engine::record::SessionLog;
use crate::i18n::Lang;
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How the room is started.
#[derive(Debug, Clone, Copy)]
pub struct RoomConfig {
    /// `--room-addr`, or `None` for the LAN address from port 7878 up.
    pub addr: Option<SocketAddr>,
    pub limits: Limits,
    /// Language of the pages for browsers that do not say which they prefer.
    pub lang: Lang,
    /// `--remote`: serve the facilitator's remote at a secret address (off by default).
    pub remote: bool,
}

/// Why the room did not start.
#[derive(Debug)]
pub enum StartError {
    Bind(BindError),
    /// The log has no room record (the engine was not told `OpenRoom`).
    NotOpen,
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Bind(error) => error.fmt(f),
            StartError::NotOpen => write!(f, "the session's room is not open"),
        }
    }
}

/// The runner's newest log as the server reads it, with its devices indexed by token.
#[derive(Debug)]
pub struct Snapshot {
    pub log: SessionLog,
    pub join_code: String,
    pub devices: HashMap<String, u32>,
}

impl Snapshot {
    fn of(log: &SessionLog) -> Option<Snapshot> {
        let phones = log.phones.as_ref()?;
        Some(Snapshot {
            log: log.clone(),
            join_code: phones.join_code.clone(),
            devices: phones
                .devices
                .iter()
                .enumerate()
                .filter_map(|(i, t)| Some((t.clone(), u32::try_from(i).ok()?)))
                .collect(),
        })
    }
}

/// Hands a phone's command to the runner; `false` when the runner is gone.
type Deliver = Box<dyn Fn(Inbound) -> bool + Send + Sync>;

/// What every connection thread shares.
pub struct Shared {
    pub limits: Limits,
    pub lang: Lang,
    published: Mutex<(Arc<Snapshot>, u64)>,
    changed: Condvar,
    /// Taken away when the room stops, so the runner's end of the channel sees it close.
    deliver: Mutex<Option<Deliver>>,
    by_address: RateLimiter<IpAddr>,
    pub by_device: RateLimiter<String>,
    connections: AtomicUsize,
    stopping: AtomicBool,
    /// The facilitator's remote, only with `--remote`.
    pub remote: Option<Remote>,
}

impl Shared {
    /// The newest snapshot and its version.
    pub fn snapshot(&self) -> (Arc<Snapshot>, u64) {
        let published = self
            .published
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        (Arc::clone(&published.0), published.1)
    }

    /// Wait until a snapshot newer than `seen` is published, the room stops, or `timeout`.
    pub fn wait_newer(&self, seen: u64, timeout: Duration) -> (Arc<Snapshot>, u64) {
        let published = self
            .published
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (published, _) = self
            .changed
            .wait_timeout_while(published, timeout, |p| {
                p.1 == seen && !self.stopping.load(Ordering::SeqCst)
            })
            .unwrap_or_else(PoisonError::into_inner);
        (Arc::clone(&published.0), published.1)
    }

    pub fn is_stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// Hand `inbound` to the runner; `false` when the runner is gone.
    pub fn deliver(&self, inbound: Inbound) -> bool {
        let deliver = self.deliver.lock().unwrap_or_else(PoisonError::into_inner);
        deliver.as_ref().is_some_and(|deliver| deliver(inbound))
    }
}

/// A running room server. Dropping it stops it.
pub struct Room {
    shared: Arc<Shared>,
    addr: SocketAddr,
    acceptor: Mutex<Option<JoinHandle<()>>>,
}

/// Stack of a connection thread: requests are small and nothing recurses deeply.
const STACK: usize = 256 * 1024;

impl Room {
    /// Listen and serve `log`'s room (its join code and devices); commands from phones go to
    /// the runner through `deliver`.
    pub fn start(
        config: RoomConfig,
        log: &SessionLog,
        deliver: impl Fn(Inbound) -> bool + Send + Sync + 'static,
    ) -> Result<Room, StartError> {
        let snapshot = Snapshot::of(log).ok_or(StartError::NotOpen)?;
        let listener = address::bind(config.addr).map_err(StartError::Bind)?;
        let addr = listener.local_addr().map_err(|error| {
            StartError::Bind(BindError {
                tried: format!("{:?}", config.addr),
                error,
            })
        })?;
        let limits = config.limits;
        let shared = Arc::new(Shared {
            limits,
            lang: config.lang,
            published: Mutex::new((Arc::new(snapshot), 1)),
            changed: Condvar::new(),
            deliver: Mutex::new(Some(Box::new(deliver))),
            by_address: RateLimiter::new(limits.address_per_second, limits.address_burst),
            by_device: RateLimiter::new(limits.device_per_second, limits.device_burst),
            connections: AtomicUsize::new(0),
            stopping: AtomicBool::new(false),
            remote: config.remote.then(Remote::new),
        });
        let accepting = Arc::clone(&shared);
        let acceptor = std::thread::Builder::new()
            .name("regie-room".into())
            .spawn(move || accept(listener, accepting))
            .map_err(|error| {
                StartError::Bind(BindError {
                    tried: addr.to_string(),
                    error,
                })
            })?;
        Ok(Room {
            shared,
            addr,
            acceptor: Mutex::new(Some(acceptor)),
        })
    }

    /// The address the room listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The join code.
    pub fn join_code(&self) -> String {
        self.shared.snapshot().0.join_code.clone()
    }

    /// The address phones open: the code is in it, so the QR code joins at once.
    pub fn join_url(&self) -> String {
        format!("http://{}/?code={}", self.addr, self.join_code())
    }

    /// The address without the code (typing it asks for the code).
    pub fn base_url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    /// The facilitator's remote (with `--remote`): whoever holds this address controls the
    /// session, so it is shown only in the facilitator's notes panel.
    pub fn remote_url(&self) -> Option<String> {
        let remote = self.shared.remote.as_ref()?;
        Some(format!("http://{}{}", self.addr, remote.path()))
    }

    /// Show the runner's newest log to phones and room views (nothing happens if unchanged).
    pub fn publish(&self, log: &SessionLog) {
        let mut published = self
            .shared
            .published
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if published.0.log == *log {
            return;
        }
        if let Some(snapshot) = Snapshot::of(log) {
            published.0 = Arc::new(snapshot);
            published.1 += 1;
            self.shared.changed.notify_all();
        }
    }

    /// Stop listening and end every update stream.
    pub fn stop(&self) {
        self.shared.stopping.store(true, Ordering::SeqCst);
        self.shared.changed.notify_all();
        self.shared
            .deliver
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        let acceptor = self
            .acceptor
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        if let Some(acceptor) = acceptor {
            // Wake the blocking accept with one last connection of our own.
            let _ = TcpStream::connect_timeout(&self.addr, Duration::from_secs(1));
            let _ = acceptor.join();
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Accept until the room stops; every connection gets a thread of its own.
fn accept(listener: TcpListener, shared: Arc<Shared>) {
    for stream in listener.incoming() {
        if shared.is_stopping() {
            return;
        }
        let Ok(stream) = stream else {
            continue;
        };
        let open = shared.connections.fetch_add(1, Ordering::SeqCst);
        if open >= shared.limits.connections {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
            refuse(stream, 503);
            continue;
        }
        let serving = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || {
                serve(&serving, stream);
                serving.connections.fetch_sub(1, Ordering::SeqCst);
            });
        if spawned.is_err() {
            shared.connections.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

fn refuse(mut stream: TcpStream, status: u16) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = http::Response::status(status).write_to(&mut stream);
}

/// One connection: read one request within the limits, answer it, close.
fn serve(shared: &Shared, mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(shared.limits.write_time));
    let _ = stream.set_nodelay(true);
    let Ok(peer) = stream.peer_addr() else {
        return;
    };
    let request = match http::read_request(
        &mut stream,
        shared.limits.body_bytes,
        shared.limits.request_time,
    ) {
        Ok(request) => request,
        Err(refused) => {
            let _ = http::Response::status(refused.status()).write_to(&mut stream);
            return;
        }
    };
    if !shared.by_address.allow(&peer.ip(), Instant::now()) {
        let _ = http::Response::status(429)
            .with("Retry-After", "1".into())
            .write_to(&mut stream);
        return;
    }
    routes::handle(shared, request, stream);
}
