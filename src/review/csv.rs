//! CSV text (RFC 4180): a header row, then rows; fields with commas, quotes or line breaks quoted.
//! Lines end in CRLF as the RFC says; spreadsheet programs and csv readers accept it.

/// One field, quoted when it must be.
pub fn field(value: &str, out: &mut String) {
    if value.contains([',', '"', '\n', '\r']) || value.starts_with(' ') || value.ends_with(' ') {
        out.push('"');
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A whole table.
pub fn write(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    let mut line = |fields: &mut dyn Iterator<Item = &str>| {
        for (i, value) in fields.enumerate() {
            if i > 0 {
                out.push(',');
            }
            field(value, &mut out);
        }
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        let text = write(
            &["a", "b"],
            &[vec!["x, y".into(), "zei \"nee\"\nen ging".into()]],
        );
        assert_eq!(text, "a,b\r\n\"x, y\",\"zei \"\"nee\"\"\nen ging\"\r\n");
    }

    #[test]
    fn plain_fields_stay_plain() {
        assert_eq!(
            write(&["naam"], &[vec!["Chloë".into()]]),
            "naam\r\nChloë\r\n"
        );
    }
}
