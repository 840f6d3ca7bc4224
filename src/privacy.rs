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

/// Every piece of personal data in `text`, in text order, never
/// overlapping.
///
/// The search is a fixed point, which is what makes [`redact`] idempotent
/// and leak-free:
///
/// - each found piece is treated as the marker it becomes: a neighbour
///   inside it neither glues a number to it nor continues a number, and no
///   candidate reaches into it;
/// - once a value is known to be personal data, every other occurrence of it
///   is too, even where it is glued to a word (`06 12 34 56 78b`);
/// - the passes run again until a round finds nothing new (in practice two
///   rounds: the second finds nothing).
pub fn find_pii(text: &str) -> Vec<Redaction> {
    let mut found = Found::new(text);
    loop {
        let before = found.spans.len();
        // The most specific shapes first: an address holds digits, an IBAN
        // holds a card-length run of digits.
        for m in EMAIL.find_iter(text) {
            found.add(PiiKind::Email, m.range());
        }
        found.ibans();
        found.cards();
        found.phones();
        found.repeats();
        if found.spans.len() == before {
            break;
        }
    }
    found
        .spans
        .into_iter()
        .map(|(start, (end, kind))| Redaction {
            kind,
            span: start..end,
        })
        .collect()
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

/// A maximal run of ASCII digits (or letters and digits) outside every
/// piece found so far, and whether it follows the previous token of the
/// same kind with nothing but `gap` between them.
struct Token<'t> {
    span: Range<usize>,
    /// The text between the previous token and this one, when no found
    /// piece lies between them.
    gap: Option<&'t str>,
}

/// The pieces found so far, by start: `(end, kind)`.
struct Found<'t> {
    text: &'t str,
    spans: std::collections::BTreeMap<usize, (usize, PiiKind)>,
    /// The values whose every occurrence has been looked for: pieces are
    /// only ever added, so an occurrence refused once stays refused and a
    /// later round need not search for them again.
    searched: std::collections::BTreeSet<&'t str>,
}

impl<'t> Found<'t> {
    fn new(text: &'t str) -> Found<'t> {
        Found {
            text,
            spans: std::collections::BTreeMap::new(),
            searched: std::collections::BTreeSet::new(),
        }
    }

    /// Whether byte `at` lies in a piece found.
    fn masked(&self, at: usize) -> bool {
        self.spans
            .range(..=at)
            .next_back()
            .is_some_and(|(_, &(end, _))| at < end)
    }

    /// Whether `span` shares a byte with a piece found.
    fn overlaps(&self, span: &Range<usize>) -> bool {
        span.start < span.end
            && self
                .spans
                .range(..span.end)
                .next_back()
                .is_some_and(|(_, &(end, _))| span.start < end)
    }

    /// Takes `span` as a piece of kind `kind` unless it overlaps one.
    fn add(&mut self, kind: PiiKind, span: Range<usize>) -> bool {
        if span.is_empty() || self.overlaps(&span) {
            return false;
        }
        self.spans.insert(span.start, (span.end, kind));
        true
    }

    /// The character just before byte `at`, unless a found piece holds it
    /// (it becomes a marker's `]`).
    fn before(&self, at: usize) -> Option<char> {
        let c = self.text[..at].chars().next_back()?;
        (!self.masked(at - c.len_utf8())).then_some(c)
    }

    /// The character at byte `at`, unless a found piece holds it (it
    /// becomes a marker's `[`).
    fn after(&self, at: usize) -> Option<char> {
        let c = self.text[at..].chars().next()?;
        (!self.masked(at)).then_some(c)
    }

    /// Whether `span` is glued to letters, digits, `/` or `_` on either side
    /// (a date, a reference, a word): then it is not taken.
    fn glued(&self, span: &Range<usize>) -> bool {
        let glue =
            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '_'));
        glue(self.before(span.start)) || glue(self.after(span.end))
    }

    /// The tokens of bytes for which `keep` holds, outside found pieces.
    fn tokens(&self, keep: fn(u8) -> bool) -> Vec<Token<'t>> {
        let bytes = self.text.as_bytes();
        let mut tokens: Vec<Token<'t>> = Vec::new();
        let mut pieces = self.spans.iter().map(|(&s, &(e, _))| s..e).peekable();
        let mut previous_end: Option<usize> = None;
        let mut i = 0;
        while i < bytes.len() {
            if let Some(piece) = pieces.next_if(|p| p.start <= i) {
                // A found piece ends any token and any gap.
                i = i.max(piece.end);
                previous_end = None;
                continue;
            }
            if !keep(bytes[i]) {
                i += 1;
                continue;
            }
            let limit = pieces.peek().map_or(bytes.len(), |p| p.start);
            let start = i;
            while i < limit && keep(bytes[i]) {
                i += 1;
            }
            // Token bytes are ASCII, so both ends are char boundaries.
            let gap = previous_end.map(|end| &self.text[end..start]);
            tokens.push(Token {
                span: start..i,
                gap,
            });
            previous_end = Some(i);
        }
        tokens
    }

    /// IBANs: a token starting with a country code and two check digits,
    /// then tokens after single spaces up to the country's length.
    fn ibans(&mut self) {
        let tokens = self.tokens(|b| b.is_ascii_alphanumeric());
        let mut i = 0;
        while i < tokens.len() {
            let first = &self.text.as_bytes()[tokens[i].span.clone()];
            let starts = first.len() >= 4
                && first[..2].iter().all(u8::is_ascii_uppercase)
                && first[2..4].iter().all(u8::is_ascii_digit);
            let length = IBAN_LENGTHS
                .iter()
                .find(|(c, _)| starts && c.as_bytes() == &first[..2])
                .map(|&(_, len)| len);
            let Some(length) = length else {
                i += 1;
                continue;
            };
            let mut compact = 0;
            let mut taken = None;
            for (j, token) in tokens.iter().enumerate().skip(i) {
                if j > i && token.gap != Some(" ") {
                    break;
                }
                compact += token.span.len();
                if compact >= length {
                    let span = tokens[i].span.start..token.span.end;
                    if compact == length
                        && !self.glued(&span)
                        && is_iban(&self.text[span.clone()])
                        && self.add(PiiKind::Iban, span)
                    {
                        taken = Some(j);
                    }
                    break;
                }
            }
            i = taken.map_or(i + 1, |j| j + 1);
        }
    }

    /// Payment cards: 13 to 19 digits in groups after single spaces or
    /// hyphens, the longest valid number from each group.
    fn cards(&mut self) {
        let tokens = self.tokens(|b| b.is_ascii_digit());
        let mut i = 0;
        while i < tokens.len() {
            let mut ends = Vec::new();
            let mut digits = 0;
            for (j, token) in tokens.iter().enumerate().skip(i) {
                if j > i && !matches!(token.gap, Some(" " | "-")) {
                    break;
                }
                digits += token.span.len();
                if digits > 19 {
                    break;
                }
                if digits >= 13 {
                    ends.push(j);
                }
            }
            let taken = ends.into_iter().rev().find(|&j| {
                let span = tokens[i].span.start..tokens[j].span.end;
                !self.glued(&span)
                    && is_card(&self.text[span.clone()])
                    && self.add(PiiKind::PaymentCard, span)
            });
            i = taken.map_or(i + 1, |j| j + 1);
        }
    }

    /// Phone numbers: groups of digits after short runs of ` .-()`, with a
    /// `+` or `(` in front, the longest valid number from each group. A
    /// number that continues past either end ("732 829 320 00074", a
    /// company number) is not taken apart.
    fn phones(&mut self) {
        let tokens = self.tokens(|b| b.is_ascii_digit());
        let bytes = self.text.as_bytes();
        let separator = |c: Option<char>| matches!(c, Some(' ' | '.' | '-'));
        let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        let mut i = 0;
        while i < tokens.len() {
            let mut start = tokens[i].span.start;
            for prefix in [b'(', b'+'] {
                if start > 0 && bytes[start - 1] == prefix && !self.masked(start - 1) {
                    start -= 1;
                }
            }
            // More digits just before or just after, across one
            // separator, continue the number: it began earlier or ends
            // later, unless the two together are too long to be one
            // number (15 digits at most): then they are two, as in a list
            // "0612345678 0698765432".
            let digits_left = (start == tokens[i].span.start
                && separator(self.before(start))
                && digit(self.before(start - 1)))
            .then(|| i.checked_sub(1).map_or(0, |p| tokens[p].span.len()));
            let mut ends = Vec::new();
            let mut digits = 0;
            for (j, token) in tokens.iter().enumerate().skip(i) {
                let linked = token.gap.is_some_and(|g| {
                    (1..=3).contains(&g.len()) && g.bytes().all(|b| b" .-()".contains(&b))
                });
                if j > i && !linked {
                    break;
                }
                digits += token.span.len();
                if digits > 15 {
                    break;
                }
                ends.push(j);
            }
            let taken = ends.into_iter().rev().find(|&j| {
                let end = tokens[j].span.end;
                let digits_right = (separator(self.after(end)) && digit(self.after(end + 1)))
                    .then(|| tokens.get(j + 1).map_or(0, |next| next.span.len()));
                let span = start..end;
                let candidate = &self.text[span.clone()];
                let lens: Vec<usize> = tokens[i..=j].iter().map(|t| t.span.len()).collect();
                let digits: usize = lens.iter().sum();
                let continues = |more: Option<usize>| more.is_some_and(|m| digits + m <= 15);
                !continues(digits_left)
                    && !continues(digits_right)
                    && !self.glued(&span)
                    && is_phone(candidate, lens)
                    && self.add(PiiKind::Phone, span)
            });
            i = taken.map_or(i + 1, |j| j + 1);
        }
    }

    /// Every other occurrence of a value already found, glued or not: the
    /// redacted text never shows what was reported.
    fn repeats(&mut self) {
        let mut values: Vec<(&'t str, PiiKind)> = self
            .spans
            .iter()
            .map(|(&s, &(e, kind))| (&self.text[s..e], kind))
            .filter(|(value, _)| !self.searched.contains(value))
            .collect();
        values.sort_unstable();
        values.dedup_by(|a, b| a.0 == b.0);
        if values.is_empty() {
            return;
        }
        self.searched.extend(values.iter().map(|v| v.0));
        // A message holds a value or two: a search for each costs less than
        // building an automaton (ten times less for four values, three
        // times for sixteen). Past that, one automaton for all keeps a long
        // text with many numbers linear; the non-contiguous NFA is the one
        // cheapest to build, and building dominates at these sizes.
        if values.len() <= FEW_VALUES {
            for (value, kind) in values {
                self.add_occurrences(value, kind);
            }
            return;
        }
        let searcher = aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA))
            .build(values.iter().map(|v| v.0));
        match searcher {
            Ok(searcher) => {
                for m in searcher.find_overlapping_iter(self.text) {
                    self.add(values[m.pattern().as_usize()].1, m.range());
                }
            }
            // Too many values for one automaton: one search each.
            Err(_) => {
                for (value, kind) in values {
                    self.add_occurrences(value, kind);
                }
            }
        }
    }

    /// Every occurrence of `value` as a piece of kind `kind`, searched from
    /// every char boundary so overlapping occurrences are seen too.
    fn add_occurrences(&mut self, value: &str, kind: PiiKind) {
        let mut from = 0;
        while let Some(at) = self.text[from..].find(value) {
            let start = from + at;
            self.add(kind, start..start + value.len());
            from = start + self.text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
}

/// Up to this many distinct values, [`Found::repeats`] searches for each in
/// turn rather than building one automaton for all.
const FEW_VALUES: usize = 16;

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

    /// A value glued to a word is found again whether the repeats are
    /// searched one by one (few values) or with one automaton (many).
    #[test]
    fn repeats_found_with_few_and_many_values() {
        for count in [1, FEW_VALUES, FEW_VALUES + 1, 3 * FEW_VALUES] {
            let numbers: Vec<String> = (0..count)
                .map(|i| format!("06 12 34 56 {:02}", 10 + i))
                .collect();
            let said = numbers.join(" ou ");
            let glued: Vec<String> = numbers.iter().map(|n| format!("{n}b")).collect();
            let text = format!("{said}, et {}", glued.join(" "));
            let out = redact(&text);
            assert_eq!(out.redactions.len(), 2 * count, "{text} -> {}", out.text);
            assert!(
                out.text.chars().all(|c| !c.is_ascii_digit()),
                "{}",
                out.text
            );
        }
    }
}
