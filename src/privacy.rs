//! Personal data in text leaving the desk: found, named and redacted.
//!
//! [`redact`] replaces e-mail addresses, phone numbers (French, Spanish and
//! US national forms, and any international `+`/`00` form), IBANs (with a
//! valid mod-97 checksum and the right length for their country) and
//! payment card numbers (a known card prefix and a valid Luhn checksum) by
//! a marker such as `[phone]`, and says what it replaced where.
//!
//! - **Checked, not guessed.** Numbers are only personal data when they
//!   have the shape and the checksum: order numbers, dates, amounts and
//!   parcel tracking numbers are left alone (the tests hold a table of a
//!   hundred hand-written lines per language, half of them without personal
//!   data).
//! - **Idempotent.** The markers hold nothing that could be matched again:
//!   redacting a redacted text changes nothing.
//! - **Linear time.** Candidates are found by the `regex` crate's automata,
//!   which never backtrack, and each is checked once: no input, however
//!   long or odd, takes more than linear time.
//!
//! ```
//! use social_crm::privacy::{redact, PiiKind};
//!
//! let out = redact("Rappelez-moi au 06 12 34 56 78 ou écrivez à lea.martin@example.fr, commande 4521873390");
//! assert_eq!(out.text, "Rappelez-moi au [phone] ou écrivez à [email], commande 4521873390");
//! let kinds: Vec<PiiKind> = out.redactions.iter().map(|r| r.kind).collect();
//! assert_eq!(kinds, [PiiKind::Phone, PiiKind::Email]);
//! assert_eq!(redact(&out.text).text, out.text);
//! ```

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

word_enum! {
    /// A kind of personal data.
    pub enum PiiKind ("kind of personal data") {
        /// An e-mail address.
        Email => "email",
        /// A phone number.
        Phone => "phone",
        /// A bank account number (IBAN).
        Iban => "iban",
        /// A payment card number.
        PaymentCard => "card" | "payment-card",
    }
}

impl PiiKind {
    /// The marker that replaces it: `[email]`, `[phone]`, `[iban]`,
    /// `[card]`.
    pub fn marker(self) -> &'static str {
        match self {
            PiiKind::Email => "[email]",
            PiiKind::Phone => "[phone]",
            PiiKind::Iban => "[iban]",
            PiiKind::PaymentCard => "[card]",
        }
    }
}

/// One piece of personal data: what it is and where it was, as a byte range
/// of the text given. The data itself is not kept.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Redaction {
    /// What it was.
    pub kind: PiiKind,
    /// Where it was in the original text.
    pub span: Range<usize>,
}

/// A text with its personal data replaced by markers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Redacted {
    /// The text, each piece of personal data replaced by its kind's marker.
    pub text: String,
    /// What was replaced, in text order, with spans in the original text.
    pub redactions: Vec<Redaction>,
}

impl Redacted {
    /// Whether the text held no personal data.
    pub fn is_clean(&self) -> bool {
        self.redactions.is_empty()
    }
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
        .expect("valid pattern")
});
static IBAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}\b").expect("valid pattern")
});
static CARD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[0-9](?:[ \-]?[0-9]){11,18}\b").expect("valid pattern"));
static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+|\b00)?\(?[0-9][0-9 .\-()]{5,22}[0-9]").expect("valid pattern")
});

/// Every piece of personal data in `text`, in text order, never
/// overlapping.
pub fn find_pii(text: &str) -> Vec<Redaction> {
    let mut found: Vec<Redaction> = Vec::new();
    let take = |kind: PiiKind, span: Range<usize>, found: &mut Vec<Redaction>| {
        if !found
            .iter()
            .any(|r| r.span.start < span.end && span.start < r.span.end)
        {
            found.push(Redaction { kind, span });
        }
    };
    // The most specific shapes first: an address holds digits, an IBAN
    // holds a card-length run of digits.
    for m in EMAIL.find_iter(text) {
        take(PiiKind::Email, m.range(), &mut found);
    }
    for m in IBAN.find_iter(text) {
        // A word in capitals after an IBAN may have been swallowed: try the
        // match less its last groups too (at most eight).
        let mut end = m.end();
        loop {
            if is_iban(&text[m.start()..end]) {
                take(PiiKind::Iban, m.start()..end, &mut found);
                break;
            }
            match text[m.start()..end].rfind(' ') {
                Some(space) => end = m.start() + space,
                None => break,
            }
        }
    }
    for m in CARD.find_iter(text) {
        if is_card(m.as_str()) && standalone(text, m.range()) {
            take(PiiKind::PaymentCard, m.range(), &mut found);
        }
    }
    for m in PHONE.find_iter(text) {
        if let Some(span) = phone_span(text, m.range()) {
            take(PiiKind::Phone, span, &mut found);
        }
    }
    found.sort_by_key(|r| r.span.start);
    found
}

/// `text` with its personal data replaced by markers.
pub fn redact(text: &str) -> Redacted {
    let redactions = find_pii(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in &redactions {
        out.push_str(&text[at..r.span.start]);
        out.push_str(r.kind.marker());
        at = r.span.end;
    }
    out.push_str(&text[at..]);
    Redacted {
        text: out,
        redactions,
    }
}

/// Whether a match stands alone: not glued to letters, digits or a `/`
/// (a date, a reference) on either side.
fn standalone(text: &str, span: Range<usize>) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '_'));
    !glued(before) && !glued(after)
}

/// IBAN lengths by country (SEPA and neighbours).
const IBAN_LENGTHS: &[(&str, usize)] = &[
    ("AD", 24),
    ("AT", 20),
    ("BE", 16),
    ("BG", 22),
    ("CH", 21),
    ("CY", 28),
    ("CZ", 24),
    ("DE", 22),
    ("DK", 18),
    ("EE", 20),
    ("ES", 24),
    ("FI", 18),
    ("FR", 27),
    ("GB", 22),
    ("GI", 23),
    ("GR", 27),
    ("HR", 21),
    ("HU", 28),
    ("IE", 22),
    ("IS", 26),
    ("IT", 27),
    ("LI", 21),
    ("LT", 20),
    ("LU", 20),
    ("LV", 21),
    ("MC", 27),
    ("MT", 31),
    ("NL", 18),
    ("NO", 15),
    ("PL", 28),
    ("PT", 25),
    ("RO", 24),
    ("SE", 24),
    ("SI", 19),
    ("SK", 24),
    ("SM", 27),
];

/// Whether `s` (spaces allowed) is an IBAN: a known country, its length, and
/// a mod-97 checksum of 1.
fn is_iban(s: &str) -> bool {
    let compact: Vec<u8> = s
        .bytes()
        .filter(|b| *b != b' ')
        .map(|b| b.to_ascii_uppercase())
        .collect();
    let Some(country) = compact.get(..2) else {
        return false;
    };
    let known = IBAN_LENGTHS
        .iter()
        .any(|(c, len)| c.as_bytes() == country && *len == compact.len());
    if !known {
        return false;
    }
    // Move the first four characters to the end, letters to 10..35, and
    // take the remainder digit by digit.
    let mut rest: u32 = 0;
    for &b in compact[4..].iter().chain(&compact[..4]) {
        let value = match b {
            b'0'..=b'9' => u32::from(b - b'0'),
            b'A'..=b'Z' => u32::from(b - b'A') + 10,
            _ => return false,
        };
        rest = if value >= 10 {
            (rest * 100 + value) % 97
        } else {
            (rest * 10 + value) % 97
        };
    }
    rest == 1
}

/// Whether `s` (spaces and hyphens allowed) is a payment card number: 13 to
/// 19 digits, a known issuer prefix and a valid Luhn checksum.
fn is_card(s: &str) -> bool {
    let digits: Vec<u8> = s
        .bytes()
        .filter(u8::is_ascii_digit)
        .map(|b| b - b'0')
        .collect();
    if !(13..=19).contains(&digits.len()) {
        return false;
    }
    let prefix = |n: usize| {
        digits[..n]
            .iter()
            .fold(0u32, |acc, d| acc * 10 + u32::from(*d))
    };
    let issuer = match digits[0] {
        4 => true, // Visa
        5 => (51..=55).contains(&prefix(2)) || (56..=58).contains(&prefix(2)) || prefix(2) == 50, // Mastercard, Maestro
        2 => (2221..=2720).contains(&prefix(4)), // Mastercard
        3 => {
            matches!(prefix(2), 34 | 36 | 37 | 38)
                || (300..=305).contains(&prefix(3))
                || (3528..=3589).contains(&prefix(4))
        } // Amex, Diners, JCB
        6 => prefix(4) == 6011 || matches!(prefix(2), 62 | 64 | 65 | 67), // Discover, UnionPay, Maestro
        _ => false,
    };
    if !issuer {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 {
                    twice - 9
                } else {
                    twice
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// The span of a phone number in a candidate match, if it is one: the
/// whole candidate less trailing separators. A number glued to more digits
/// ("732 829 320 00074", a company number) is not taken apart.
fn phone_span(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let candidate = text[span.clone()].trim_end_matches([' ', '.', '-', '(']);
    let span = span.start..span.start + candidate.len();
    let lens: Vec<usize> = candidate
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(str::len)
        .collect();
    (standalone(text, span.clone()) && is_phone(candidate, lens)).then_some(span)
}

/// Country calling codes accepted after `00` (a `+` needs none): Europe,
/// North America, the Maghreb and the largest others.
const CALLING_CODES: &[&str] = &[
    "1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45",
    "46", "47", "48", "49", "51", "52", "54", "55", "56", "57", "58", "61", "81", "86", "90", "91",
    "212", "213", "216", "351", "352", "353", "354", "356", "357", "358", "359", "370", "371",
    "372", "376", "377", "385", "386", "420", "421",
];

/// Whether `s`, whose digit groups have lengths `lens`, is written as a
/// phone number: French `0X XX XX XX XX` (or ten digits from `0`), Spanish
/// `6XX XXX XXX`, `9XX XX XX XX` or `9X XXX XX XX`, US `(XXX) XXX-XXXX` or `XXX-XXX-XXXX`,
/// or any number written with `+` or `00` and 8 to 15 digits in groups.
fn is_phone(s: &str, lens: Vec<usize>) -> bool {
    if s.contains("  ") || s.contains("..") || s.contains("--") {
        return false;
    }
    let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
    let n = digits.len();
    if s.starts_with('+') {
        return (8..=15).contains(&n) && (lens.len() >= 2 || n >= 10);
    }
    if digits.starts_with(b"00") && lens.first().is_some_and(|&l| l <= 5) && lens.len() >= 2 {
        let rest = &digits[2..];
        let known = CALLING_CODES.iter().any(|c| rest.starts_with(c.as_bytes()));
        return known && (8..=15).contains(&rest.len());
    }
    let first = digits[0];
    let french =
        n == 10 && first == b'0' && digits[1] != b'0' && (lens == [2, 2, 2, 2, 2] || lens == [10]);
    let spanish = n == 9
        && matches!(first, b'6' | b'7' | b'8' | b'9')
        && (lens == [3, 3, 3]
            || lens == [3, 2, 2, 2]
            || (lens == [2, 3, 2, 2] && matches!(first, b'8' | b'9')));
    let us_shape = |d: &[u8]| d[0] >= b'2' && d[3] >= b'2';
    let us = (lens == [3, 3, 4] && us_shape(&digits))
        || (lens == [1, 3, 3, 4] && first == b'1' && us_shape(&digits[1..]));
    french || spanish || us
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums() {
        assert!(is_iban("FR76 3000 6000 0112 3456 7890 189"));
        assert!(is_iban("ES9121000418450200051332"));
        assert!(is_iban("GB82 WEST 1234 5698 7654 32"));
        assert!(!is_iban("FR76 3000 6000 0112 3456 7890 188"));
        assert!(is_card("4111 1111 1111 1111"));
        assert!(is_card("3782-822463-10005"));
        assert!(!is_card("4111 1111 1111 1112"));
        assert!(!is_card("1234 5678 9012 3452"));
    }

    #[test]
    fn redaction_is_idempotent_and_keeps_spans() {
        let text =
            "IBAN FR76 3000 6000 0112 3456 7890 189, carte 4111 1111 1111 1111, +34 612 345 678";
        let out = redact(text);
        assert_eq!(out.text, "IBAN [iban], carte [card], [phone]");
        for r in &out.redactions {
            assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        }
        assert_eq!(
            redact(&out.text),
            Redacted {
                text: out.text.clone(),
                redactions: vec![]
            }
        );
    }
}
