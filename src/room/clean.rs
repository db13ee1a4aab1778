//! Text from phones made harmless: control and escape characters removed before it can reach
//! a terminal, length capped, and HTML-escaped wherever a page shows it.

/// `text` without control characters (ANSI escapes, bidi overrides, zero-width tricks
/// included), whitespace runs folded to one space, at most `max_chars` characters.
pub fn plain_text(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if is_unsafe(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out.chars().take(max_chars).collect()
}

/// Characters that move, recolour or reorder a terminal or page: C0/C1 controls (ESC among
/// them), bidirectional overrides and isolates, zero-width and other format characters.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `text` safe inside HTML text and attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_and_controls_are_gone_and_dutch_stays() {
        assert_eq!(
            plain_text("\u{1b}[2J\u{1b}[31mrood\u{7}  en\r\ngeën  ", 280),
            "[2J[31mrood en geën"
        );
        assert_eq!(plain_text("a\u{202E}b\u{200B}c", 280), "abc");
        assert_eq!(plain_text(&"é".repeat(300), 280).chars().count(), 280);
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
    }

    proptest! {
        #[test]
        fn nothing_that_drives_a_terminal_survives(text in any::<String>(), max in 0usize..300) {
            let clean = plain_text(&text, max);
            prop_assert!(clean.chars().count() <= max);
            prop_assert!(!clean.chars().any(|c| c.is_control() || is_unsafe(c)));
            prop_assert!(!clean.starts_with(' ') && !clean.contains("  "));
        }

        #[test]
        fn escaped_html_has_no_markup(text in any::<String>()) {
            let escaped = html(&text);
            prop_assert!(!escaped.contains('<') && !escaped.contains('>') && !escaped.contains('"'));
        }
    }
}
