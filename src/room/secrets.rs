//! The room's secrets: the join code people type and the device token in each phone's cookie,
//! both from the operating system's random source through `rand`'s secure generator.

use rand::RngExt;

/// Digits of the join code: a million codes, at five tries a second per address.
pub const CODE_DIGITS: usize = 6;

/// A fresh join code, e.g. "482913".
pub fn join_code() -> String {
    let mut rng = rand::rng();
    (0..CODE_DIGITS)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

/// A fresh device token: 128 random bits as 32 lowercase hex digits.
pub fn device_token() -> String {
    let bits: u128 = rand::rng().random();
    format!("{bits:032x}")
}

/// Whether `token` looks like one of ours (checked before any lookup).
pub fn is_token(token: &str) -> bool {
    token.len() == 32
        && token
            .bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

/// Compare two secrets without stopping at the first difference.
pub fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_tokens_have_their_shape_and_differ() {
        let code = join_code();
        assert_eq!(code.len(), CODE_DIGITS);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));
        let (a, b) = (device_token(), device_token());
        assert!(is_token(&a) && is_token(&b));
        assert_ne!(a, b);
        assert!(!is_token("../../etc/passwd"));
        assert!(same("123456", "123456") && !same("123456", "123457") && !same("1", "12"));
    }
}
