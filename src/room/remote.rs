//! The facilitator's remote (`--remote`, only with `--room`): a page at a secret address with
//! next / pause / +1 minute / reveal, each press the engine command its key makes.

use super::clean::html;
use super::http::{Request, Response};
use super::limits::RateLimiter;
use super::routes::ask;
use super::secrets;
use super::server::Shared;
use crate::engine::Command;
use crate::i18n::Lang;
use std::net::IpAddr;
use std::time::Instant;

/// Where the remote lives: `/remote/KEY` is its page, `/remote/KEY/ACTION` its buttons.
pub const PREFIX: &str = "/remote/";
/// The remote page's script (served only while the remote is on; it holds no secret).
pub const SCRIPT: &str = "/remote.js";

/// Wrong keys an address may try at once, and how many a second after that: guessing 128
/// bits at one a second is hopeless. Only an address's own wrong tries slow it down.
pub const WRONG_BURST: f64 = 10.0;
const WRONG_PER_SECOND: f64 = 1.0;

/// The remote's secret and its own rate limit, kept by the server while the remote is on.
#[derive(Debug)]
pub struct Remote {
    key: String,
    limiter: RateLimiter<IpAddr>,
}

impl Remote {
    /// A remote with a fresh key of 128 random bits.
    pub fn new() -> Remote {
        Remote {
            key: secrets::device_token(),
            limiter: RateLimiter::new(WRONG_PER_SECOND, WRONG_BURST),
        }
    }

    /// The remote's path (put after `http://ADDRESS`).
    pub fn path(&self) -> String {
        format!("{PREFIX}{}", self.key)
    }
}

impl Default for Remote {
    fn default() -> Remote {
        Remote::new()
    }
}

/// A button of the remote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Press {
    Next,
    Pause,
    PlusMinute,
    Reveal,
}

impl Press {
    pub const ALL: [Press; 4] = [Press::Next, Press::Pause, Press::PlusMinute, Press::Reveal];

    /// The last part of the button's address.
    pub fn name(self) -> &'static str {
        match self {
            Press::Next => "next",
            Press::Pause => "pause",
            Press::PlusMinute => "minute",
            Press::Reveal => "reveal",
        }
    }

    fn named(name: &str) -> Option<Press> {
        Press::ALL.into_iter().find(|p| p.name() == name)
    }

    /// The command the same key on the runner makes (Space, n, +, t).
    pub fn command(self) -> Command {
        match self {
            Press::Next => Command::Next,
            Press::Pause => Command::StartPause,
            Press::PlusMinute => Command::Adjust { minutes: 1 },
            Press::Reveal => Command::ToggleReveal,
        }
    }
}

/// Whether `path` is the remote's (answered here while the remote is on; 404 otherwise).
pub fn owns(shared: &Shared, path: &str) -> bool {
    shared.remote.is_some() && (path == SCRIPT || path.starts_with(PREFIX))
}

/// Answer a request for one of the remote's paths: a wrong key is 403 and nothing else.
pub fn handle(shared: &Shared, request: &Request, peer: Option<IpAddr>) -> Response {
    let Some(remote) = &shared.remote else {
        return Response::status(404);
    };
    if request.path == SCRIPT {
        return match request.method.as_str() {
            "GET" => Response::new(200, "text/javascript; charset=utf-8", SCRIPT_BODY),
            _ => Response::status(405),
        };
    }
    let Some(peer) = peer else {
        return Response::status(403);
    };
    let now = Instant::now();
    // An address that used up its wrong tries is not even compared until it regains one.
    if remote.limiter.spent(&peer, now) {
        return Response::status(429).with("Retry-After", "1".into());
    }
    let rest = &request.path[PREFIX.len()..];
    let (key, action) = rest.split_once('/').unwrap_or((rest, ""));
    if !secrets::same(key, &remote.key) {
        remote.limiter.allow(&peer, now);
        return Response::status(403);
    }
    match (request.method.as_str(), action) {
        ("GET", "") => Response::new(
            200,
            "text/html; charset=utf-8",
            page(super::pages::lang_of(request, shared.lang)),
        ),
        ("POST", action) => match Press::named(action) {
            Some(press) => match ask(shared, press.command()) {
                Some(Ok(())) => Response::status(204),
                Some(Err(_)) => Response::status(409),
                None => Response::status(503),
            },
            None => Response::status(404),
        },
        (_, "") => Response::status(405),
        _ => Response::status(404),
    }
}

const SCRIPT_BODY: &str = include_str!("assets/remote.js");

/// The words of the remote page.
struct RemoteStrings {
    lang: &'static str,
    title: &'static str,
    warning: &'static str,
    next: &'static str,
    pause: &'static str,
    minute: &'static str,
    reveal: &'static str,
    done: &'static str,
    refused: &'static str,
    failed: &'static str,
}

const NL: RemoteStrings = RemoteStrings {
    lang: "nl",
    title: "Afstandsbediening",
    warning: "Wie dit adres heeft, bedient de sessie. Deel het niet.",
    next: "Volgende",
    pause: "Start / pauze",
    minute: "+1 minuut",
    reveal: "Uitslag tonen / verbergen",
    done: "Gedaan:",
    refused: "Kan nu niet (de sessie beëindigen doe je op de laptop).",
    failed: "Geen verbinding met regie.",
};

const EN: RemoteStrings = RemoteStrings {
    lang: "en",
    title: "Remote",
    warning: "Whoever has this address controls the session. Do not share it.",
    next: "Next",
    pause: "Start / pause",
    minute: "+1 minute",
    reveal: "Show / hide results",
    done: "Done:",
    refused: "Not possible now (end the session on the laptop).",
    failed: "No connection to regie.",
};

/// The remote page in `lang`: four buttons; its script posts to the page's own address.
pub fn page(lang: Lang) -> String {
    let s = lang.pick(&NL, &EN);
    let button = |press: Press, label: &str| {
        format!(
            "<button type=\"button\" data-press=\"{}\">{}</button>\n",
            press.name(),
            html(label)
        )
    };
    let buttons: String = [
        button(Press::Next, s.next),
        button(Press::Pause, s.pause),
        button(Press::PlusMinute, s.minute),
        button(Press::Reveal, s.reveal),
    ]
    .concat();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{title} · regie</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n\
         <body data-done=\"{done}\" data-refused=\"{refused}\" data-failed=\"{failed}\">\n<main>\n\
         <h1>{title}</h1>\n{buttons}<p id=\"said\" aria-live=\"polite\"></p>\n\
         <p class=\"note\">{warning}</p>\n</main>\n<script src=\"{SCRIPT}\"></script>\n</body>\n</html>\n",
        lang = s.lang,
        title = html(s.title),
        done = html(s.done),
        refused = html(s.refused),
        failed = html(s.failed),
        warning = html(s.warning),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_has_four_buttons_in_both_languages_and_loads_nothing_from_elsewhere() {
        for (lang, word) in [(Lang::Nl, "Volgende"), (Lang::En, "Next")] {
            let page = page(lang);
            assert_eq!(page.matches("data-press=").count(), 4, "{page}");
            assert!(page.contains(word), "{page}");
            assert!(!page.contains("http://") && !page.contains("https://"));
        }
        assert!(page(Lang::Nl).contains("beëindigen"));
    }

    #[test]
    fn each_press_is_the_command_of_its_key_and_keys_differ() {
        assert_eq!(Press::Next.command(), Command::Next);
        assert_eq!(Press::Pause.command(), Command::StartPause);
        assert_eq!(Press::PlusMinute.command(), Command::Adjust { minutes: 1 });
        assert_eq!(Press::Reveal.command(), Command::ToggleReveal);
        let (a, b) = (Remote::new(), Remote::new());
        assert_ne!(a.path(), b.path());
        assert_eq!(a.path().len(), PREFIX.len() + 32, "128 bits in hex");
    }
}
