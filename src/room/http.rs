//! Just enough HTTP/1.1 for the room: one request per connection, read under strict limits
//! (header size, body size, a deadline), and plain responses that close the connection.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// Longest request head (request line and headers) taken.
pub const MAX_HEAD: usize = 8 * 1024;

/// A parsed request. Only what the routes use is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The path without the query.
    pub path: String,
    pub query: String,
    pub cookie: Option<String>,
    pub accept_language: Option<String>,
    pub body: Vec<u8>,
}

/// Why a request could not be read; each has its status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Malformed, or a transfer encoding we do not take.
    Bad,
    /// The head is larger than `MAX_HEAD`.
    HeadTooLarge,
    /// The body is larger than the limit.
    BodyTooLarge,
    /// The client was too slow (the deadline passed) or went away.
    Gone,
}

impl Refused {
    pub fn status(self) -> u16 {
        match self {
            Refused::Bad => 400,
            Refused::HeadTooLarge => 431,
            Refused::BodyTooLarge => 413,
            Refused::Gone => 408,
        }
    }
}

/// Read one request from `stream`, all of it within `deadline` of now.
pub fn read_request(
    stream: &mut TcpStream,
    max_body: usize,
    deadline: Duration,
) -> Result<Request, Refused> {
    let until = Instant::now() + deadline;
    let mut buffer = Vec::with_capacity(1024);
    let mut chunk = [0u8; 1024];
    let head_end = loop {
        if let Some(at) = find_head_end(&buffer) {
            break at;
        }
        if buffer.len() > MAX_HEAD {
            return Err(Refused::HeadTooLarge);
        }
        let n = read_some(stream, &mut chunk, until)?;
        buffer.extend_from_slice(&chunk[..n]);
    };
    if head_end > MAX_HEAD {
        return Err(Refused::HeadTooLarge);
    }
    let head = std::str::from_utf8(&buffer[..head_end]).map_err(|_| Refused::Bad)?;
    let mut lines = head.split("\r\n");
    let mut first = lines.next().ok_or(Refused::Bad)?.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (first.next(), first.next(), first.next(), first.next())
    else {
        return Err(Refused::Bad);
    };
    if !version.starts_with("HTTP/1.") || !target.starts_with('/') {
        return Err(Refused::Bad);
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut request = Request {
        method: method.to_owned(),
        path: path.to_owned(),
        query: query.to_owned(),
        cookie: None,
        accept_language: None,
        body: Vec::new(),
    };
    let mut length = 0usize;
    for line in lines {
        let (name, value) = line.split_once(':').ok_or(Refused::Bad)?;
        let value = value.trim();
        match name.trim().to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().map_err(|_| Refused::Bad)?,
            "transfer-encoding" => return Err(Refused::Bad),
            "cookie" => request.cookie = Some(value.to_owned()),
            "accept-language" => request.accept_language = Some(value.to_owned()),
            _ => {}
        }
    }
    if length > max_body {
        return Err(Refused::BodyTooLarge);
    }
    let mut body = buffer[head_end + 4..].to_vec();
    while body.len() < length {
        let n = read_some(stream, &mut chunk, until)?;
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    request.body = body;
    Ok(request)
}

fn find_head_end(buffer: &[u8]) -> Option<usize> {
    buffer.windows(4).position(|w| w == b"\r\n\r\n")
}

/// Read what is there before `until`; a closed connection or the deadline is `Gone`.
fn read_some(stream: &mut TcpStream, chunk: &mut [u8], until: Instant) -> Result<usize, Refused> {
    let left = until
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or(Refused::Gone)?;
    stream
        .set_read_timeout(Some(left))
        .map_err(|_| Refused::Gone)?;
    match stream.read(chunk) {
        Ok(0) | Err(_) => Err(Refused::Gone),
        Ok(n) => Ok(n),
    }
}

/// The value of `name` in a `key=value&...` string (a query or a form body), percent-decoded.
pub fn form_value(form: &str, name: &str) -> Option<String> {
    form.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| percent_decode(value))
    })
}

/// `+` as space and `%XX` as its byte; invalid UTF-8 is replaced.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of cookie `name` in a Cookie header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|part| {
        let (key, value) = part.trim().split_once('=')?;
        (key == name).then_some(value)
    })
}

/// A complete response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            content_type,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// A status with an empty body: errors say nothing more than their code.
    pub fn status(status: u16) -> Response {
        Response::new(status, "text/plain; charset=utf-8", Vec::new())
    }

    pub fn json(body: String) -> Response {
        Response::new(200, "application/json", body)
    }

    pub fn with(mut self, name: &'static str, value: String) -> Response {
        self.headers.push((name, value));
        self
    }

    /// Write the response and close: `Connection: close`, never cached, locked-down content.
    pub fn write_to(&self, stream: &mut impl Write) -> io::Result<()> {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n{}",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len(),
            COMMON_HEADERS
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes())?;
        stream.write_all(&self.body)?;
        stream.flush()
    }
}

/// Sent with every response: no caching, no framing, no outside content, no sniffing.
pub const COMMON_HEADERS: &str = "Connection: close\r\nCache-Control: no-store\r\n\
X-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n\
Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'; \
connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'\r\n";

pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_values_are_percent_decoded() {
        assert_eq!(
            form_value("code=12%2034&x=1", "code").as_deref(),
            Some("12 34")
        );
        assert_eq!(form_value("a=b+c", "a").as_deref(), Some("b c"));
        assert_eq!(form_value("a=%zz%", "a").as_deref(), Some("%zz%"));
        assert_eq!(form_value("a=1", "b"), None);
    }

    #[test]
    fn cookies_are_found_by_name() {
        assert_eq!(cookie_value("x=1; regie=abc", "regie"), Some("abc"));
        assert_eq!(cookie_value("x=1", "regie"), None);
    }
}
