//! A real browser on a phone's way in: headless Chromium, driven over chromedriver's WebDriver
//! HTTP API on 127.0.0.1, opens the URL the join screen's QR code encodes, votes by clicking,
//! and the runner's count on its screen changes. Without Chromium it says so loudly and passes
//! (unless `REGIE_REQUIRE_BROWSER` is set, as `.ci/run` does once it installed the packages).

use crate::support::e2e::{binary, wait_for_log, workspace};
use crate::support::http_client::{Reply, send};
use crate::support::pty::Terminal;
use crate::support::room::{DECK, SESSION, free_addr};
use regie::tui::view::join::qr_lines;
use serde_json::{Value, json};
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// W3C WebDriver's key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
/// How long the browser gets for each step (a cold Chromium on a busy machine is slow).
const PATIENCE: Duration = Duration::from_secs(20);

/// `name` on the PATH, if there.
fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}

/// Chromium and its driver, or why not.
fn browser() -> Result<(PathBuf, PathBuf), String> {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find_map(on_path)
        .ok_or("no chromium on the PATH")?;
    let driver = on_path("chromedriver").ok_or("no chromedriver on the PATH")?;
    Ok((chromium, driver))
}

/// Say it where a passing test's output is not swallowed (libtest captures only the macros).
fn loudly(text: &str) {
    let _ = writeln!(std::io::stderr(), "\n*** {text} ***\n");
}

/// chromedriver on a loopback port, ended (by its own handle) when dropped.
struct Driver {
    child: Child,
    addr: SocketAddr,
    session: Option<String>,
}

impl Driver {
    fn start(driver: &Path) -> Driver {
        let addr = free_addr();
        let child = Command::new(driver)
            .arg(format!("--port={}", addr.port()))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let driver = Driver {
            child,
            addr,
            session: None,
        };
        let until = Instant::now() + PATIENCE;
        loop {
            if std::net::TcpStream::connect(addr).is_ok()
                && driver.call("GET", "/status", None)["ready"] == true
            {
                return driver;
            }
            assert!(Instant::now() < until, "chromedriver did not get ready");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// One WebDriver call; its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let raw = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\
             Content-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
            self.addr,
            body.len()
        );
        let reply: Reply = send(self.addr, raw.as_bytes());
        let value: Value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
        value["value"].clone()
    }

    /// A call within the session.
    fn on(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let session = self.session.as_deref().expect("a session");
        self.call(method, &format!("/session/{session}{path}"), body)
    }

    /// Open headless Chromium, kept off every network but loopback.
    fn open_browser(&mut self, chromium: &Path, profile: &Path) {
        let args = [
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--no-first-run".into(),
            "--no-default-browser-check".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-extensions".into(),
            "--window-size=412,915".into(),
            // A Dutch phone: the page speaks the language the browser asks for.
            "--accept-lang=nl-NL,nl".into(),
            // No name resolves: the test opens an IP address and nothing else can be reached.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1".into(),
            format!("--user-data-dir={}", profile.display()),
        ];
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chromium, "args": args},
        }}});
        let value = self.call("POST", "/session", Some(capabilities));
        let id = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("chromedriver gave no session: {value}"));
        self.session = Some(id.to_string());
    }

    /// The elements matching `css` once there is at least one.
    fn wait_for_elements(&self, css: &str) -> Vec<String> {
        let until = Instant::now() + PATIENCE;
        loop {
            let found = self.on(
                "POST",
                "/elements",
                Some(json!({"using": "css selector", "value": css})),
            );
            let ids: Vec<String> = found
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e[ELEMENT].as_str().map(str::to_string))
                .collect();
            if !ids.is_empty() {
                return ids;
            }
            if Instant::now() >= until {
                let at = self.on("GET", "/url", None);
                let source = self.on("GET", "/source", None);
                panic!("no {css} on the page at {at} (found: {found}):\n{source}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Click the button labelled `label` among the `count` buttons matching `css`, the way a
    /// finger does: a pointer press at the middle of where the page shows it. (The page draws
    /// its buttons anew on every update, which leaves element references stale at once.)
    fn click_button(&self, css: &str, label: &str, count: usize) {
        let find = "const [css, label] = arguments; \
            const all = [...document.querySelectorAll(css)]; \
            const b = all.find(b => b.textContent === label); \
            if (!b) return {count: all.length}; \
            const r = b.getBoundingClientRect(); \
            return {count: all.length, x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2)};";
        let until = Instant::now() + PATIENCE;
        let spot = loop {
            let found = self.on(
                "POST",
                "/execute/sync",
                Some(json!({"script": find, "args": [css, label]})),
            );
            if found["x"].is_number() {
                assert_eq!(found["count"], count, "a button per option");
                break found;
            }
            assert!(Instant::now() < until, "no button {label:?}: {found}");
            std::thread::sleep(Duration::from_millis(100));
        };
        let press = json!({"actions": [{
            "type": "pointer",
            "id": "finger",
            "parameters": {"pointerType": "mouse"},
            "actions": [
                {"type": "pointerMove", "origin": "viewport", "x": spot["x"], "y": spot["y"]},
                {"type": "pointerDown", "button": 0},
                {"type": "pointerUp", "button": 0},
            ],
        }]});
        let pressed = self.on("POST", "/actions", Some(press));
        assert!(pressed.is_null(), "the press failed: {pressed}");
    }

    fn text(&self, element: &str) -> String {
        self.on("GET", &format!("/element/{element}/text"), None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if self.session.is_some() {
            self.on("DELETE", "", None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn chromium_opens_the_qr_url_votes_by_clicking_and_the_runner_counts_it() {
    let (chromium, driver) = match browser() {
        Ok(found) => found,
        Err(why) => {
            let required = std::env::var_os("REGIE_REQUIRE_BROWSER").is_some();
            loudly(&format!(
                "BROWSER TEST {}: {why} (install Debian's chromium and chromium-driver; \
                 .ci/run does when apt-get is available)",
                if required { "FAILED" } else { "SKIPPED" }
            ));
            assert!(!required, "REGIE_REQUIRE_BROWSER is set but {why}");
            return;
        }
    };
    let work = workspace(&[("dag.ron", SESSION), ("deck.ron", DECK)]);
    let logs = work.path().join("logs");
    let addr = free_addr();
    let (addr_arg, logs_arg) = (addr.to_string(), logs.to_str().expect("utf-8").to_string());
    let args = [
        "run",
        "dag.ron",
        "--log-dir",
        &logs_arg,
        "--lang",
        "nl",
        "--room",
        "--room-addr",
        &addr_arg,
    ];
    let mut term = Terminal::spawn(&binary(), &args, work.path(), &[], 120, 40);
    term.wait_for("Welkom en check-in");
    term.send("n");
    term.wait_for("0 telefoon + 0 hand · 0 van 0 telefoons gestemd");
    let code = wait_for_log(&logs, "the room is open", |log| log.phones.is_some())
        .phones
        .expect("room")
        .join_code;

    // The URL the phones get is the one the QR code on the join screen encodes: every row of
    // that URL's QR code is on the runner's screen.
    let url = format!("http://{addr}/?code={code}");
    term.send("j");
    let rows: Vec<String> = qr_lines(&url)
        .expect("a QR code")
        .iter()
        .map(|row| row.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    term.wait_until(
        "the join screen with the QR code of the join URL",
        |screen| {
            screen.contains(&format!("http://{addr}/"))
                && rows.iter().all(|row| screen.contains(row.trim_end()))
        },
    );
    term.send("j");

    let profile = tempfile::tempdir().expect("a browser profile");
    let mut browser = Driver::start(&driver);
    browser.open_browser(&chromium, profile.path());
    browser.on("POST", "/url", Some(json!({"url": url})));
    browser.click_button("#card-options button", "2. Gedogen", 2);

    term.wait_for("1 telefoon + 0 hand · 1 van 1 telefoons gestemd");
    let status = browser.wait_for_elements("#card-status")[0].clone();
    let until = Instant::now() + PATIENCE;
    while !browser.text(&status).starts_with("Stem ontvangen") {
        assert!(
            Instant::now() < until,
            "the phone never said it got the vote"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let log = wait_for_log(&logs, "the click is on disk", |log| {
        log.blocks[1].cards[0].phone_ballots.len() == 1
    });
    assert_eq!(
        log.blocks[1].cards[0].phone_counts(regie::engine::record::VoteRound::First),
        [0, 1],
        "the click counted once, for the option clicked"
    );
    drop(browser);
    term.send("q");
    term.send("y");
    term.wait_exit();
}
