//! PII redaction on hand-written tables, one per language: a hundred lines
//! each, half with personal data (e-mail addresses, phone numbers in the
//! language's national forms and international ones, IBANs, card numbers)
//! and half without (order numbers, dates, amounts, tracking numbers,
//! references). Each line says which kinds it holds, in order; `-` none.

use proptest::prelude::*;
use social_crm::privacy::{find_pii, redact, PiiKind};

fn table(language: &str) -> Vec<(Vec<PiiKind>, String)> {
    let path = format!(
        "{}/tests/data/pii_{language}.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("the table is in the repository");
    text.lines()
        .skip(1)
        .map(|line| {
            let (kinds, text) = line.split_once('\t').expect("kinds<TAB>text");
            let kinds = if kinds == "-" {
                Vec::new()
            } else {
                kinds
                    .split(',')
                    .map(|k| k.parse().expect("a kind"))
                    .collect()
            };
            (kinds, text.to_owned())
        })
        .collect()
}

#[test]
fn the_tables_are_redacted_exactly() {
    let mut failures = Vec::new();
    for language in ["fr", "en", "es"] {
        let rows = table(language);
        let with = rows.iter().filter(|(k, _)| !k.is_empty()).count();
        if rows.len() < 100 || with * 2 + 2 < rows.len() || with * 2 > rows.len() + 2 {
            failures.push(format!(
                "{language}: {with} of {} lines hold PII",
                rows.len()
            ));
        }
        for (expected, text) in &rows {
            let out = redact(text);
            let found: Vec<PiiKind> = out.redactions.iter().map(|r| r.kind).collect();
            if &found != expected {
                failures.push(format!(
                    "{language}: expected {expected:?}, found {found:?} in {text:?} -> {:?}",
                    out.text
                ));
            }
            // Idempotent, and markers hold nothing to find.
            assert_eq!(redact(&out.text).text, out.text, "{text}");
            assert!(find_pii(&out.text).is_empty(), "{text}");
        }
    }
    assert!(
        failures.is_empty(),
        "{} lines wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

proptest! {
    /// Any text: no panic, spans on character boundaries, in order and
    /// disjoint, and redaction idempotent.
    #[test]
    fn any_text(text in "\\PC{0,200}") {
        let found = find_pii(&text);
        let mut end = 0;
        for r in &found {
            prop_assert!(r.span.start >= end && r.span.start < r.span.end);
            prop_assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
            end = r.span.end;
        }
        let once = redact(&text);
        prop_assert_eq!(redact(&once.text).text, once.text.clone());
    }

    /// Digits, separators and letters in any mix (where false positives
    /// live): the same invariants.
    #[test]
    fn digit_soup(text in "[0-9 .+()\\-@a-zA-Z]{0,120}") {
        let once = redact(&text);
        prop_assert_eq!(redact(&once.text).text, once.text.clone());
    }
}

/// Numbers listed with a single space between them are each a number when
/// together they are too long to be one (more than 15 digits): each is
/// redacted. Shorter runs stay one candidate, which may be no phone at all.
#[test]
fn phone_numbers_listed_with_single_spaces_are_each_redacted() {
    for (text, redacted) in [
        (
            "Mes numéros : 0612345678 0698765432",
            "Mes numéros : [phone] [phone]",
        ),
        (
            "0612345678 0612345678 0612345678",
            "[phone] [phone] [phone]",
        ),
        ("+33 612345678 +34 612345678", "[phone] [phone]"),
        // Twelve digits in all: one number of an unknown shape, not a
        // phone and a stray pair.
        ("Tel 0612345678 12", "Tel 0612345678 12"),
        ("06 12 34 56 78 90", "06 12 34 56 78 90"),
    ] {
        assert_eq!(redact(text).text, redacted, "{text}");
    }
}

#[test]
fn long_adversarial_inputs_do_not_panic() {
    // Shapes that make backtracking matchers explode.
    for chunk in ["0", "0 ", "a@", "+3", "FR76 ", "4111 ", "((", "@a.", "1-"] {
        let text = chunk.repeat(20_000);
        let _ = redact(&text);
    }
}

/// A Visa-like number with its Luhn check digit, from 15 digits.
fn luhn_complete(body: &[u8; 15]) -> String {
    let mut digits: Vec<u8> = std::iter::once(4)
        .chain(body[1..].iter().copied())
        .collect();
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 0 {
                let t = d * 2;
                if t > 9 {
                    t - 9
                } else {
                    t
                }
            } else {
                d
            }
        })
        .sum();
    digits.push(((10 - sum % 10) % 10) as u8);
    digits
        .chunks(4)
        .map(|c| c.iter().map(|d| char::from(b'0' + d)).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

proptest! {
    /// Personal data put in a sentence is found, with its kind and exact
    /// span, whatever the words around it.
    #[test]
    fn planted_data_is_found(
        before in "[a-zA-Zéè ]{0,20}",
        after in "[a-zA-Zéè ]{0,20}",
        mobile in prop::collection::vec(0u8..10, 8),
        body in prop::array::uniform15(0u8..10),
        user in "[a-z]{1,10}",
        host in "[a-z]{1,10}",
    ) {
        let phone = format!(
            "06 {}{} {}{} {}{} {}{}",
            mobile[0], mobile[1], mobile[2], mobile[3], mobile[4], mobile[5], mobile[6], mobile[7]
        );
        let card = luhn_complete(&body);
        let email = format!("{user}@{host}.fr");
        for (kind, pii) in [(PiiKind::Phone, phone), (PiiKind::PaymentCard, card), (PiiKind::Email, email)] {
            let text = format!("{before} {pii} {after}");
            let found = find_pii(&text);
            prop_assert_eq!(found.len(), 1, "{:?} in {:?}", found, text);
            prop_assert_eq!(found[0].kind, kind);
            prop_assert_eq!(&text[found[0].span.clone()], pii.as_str());
        }
    }
}
