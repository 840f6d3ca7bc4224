//! Splitting social text into the pieces that carry sentiment: words (with
//! their byte spans), emoji, emoticons, hashtags split on case, and the
//! punctuation that bounds a negation. URLs and @mentions carry none and are
//! skipped.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters or digits.
    Word,
    /// A pictograph, with any modifier or joiner sequence.
    Emoji,
    /// An ASCII emoticon such as `:-)` or `<3`.
    Emoticon,
    /// A clause boundary: `.`, `,`, `;`, `:`, `!`, `?`.
    Boundary,
}

/// One token: where it is, what it is, and its text as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    pub span: Range<usize>,
    pub text: &'t str,
    pub kind: Kind,
    /// Known to be written in lowercase already (most ASCII words are).
    pub lowercase: bool,
}

/// ASCII emoticons, matched as whole whitespace-separated chunks (trailing
/// punctuation allowed).
pub(crate) const EMOTICONS: &[(&str, f64)] = &[
    (":)", 2.0),
    (":-)", 2.0),
    (":))", 2.4),
    (":d", 2.4),
    (":-d", 2.4),
    ("xd", 1.8),
    (";)", 1.6),
    (";-)", 1.6),
    (":p", 1.2),
    (":-p", 1.2),
    ("<3", 2.6),
    ("^^", 1.6),
    ("^_^", 1.8),
    (":o", -0.2),
    (":(", -2.0),
    (":-(", -2.0),
    (":((", -2.4),
    (":'(", -2.4),
    (":/", -1.2),
    (":-/", -1.2),
    (":s", -1.2),
    (":@", -2.4),
    ("</3", -2.4),
    ("-_-", -1.2),
    (">:(", -2.6),
    ("d:", -2.0),
    ("=)", 2.0),
    ("=d", 2.4),
    ("(:", 2.0),
    (":]", 1.8),
    (";d", 2.0),
    (":*", 2.0),
    (":-*", 2.0),
    (":3", 1.6),
    (":')", 2.0),
    ("=(", -2.0),
    ("):", -2.0),
    (":[", -1.8),
    (";(", -1.8),
    (":'-(", -2.4),
    ("=/", -1.2),
    (":|", -0.6),
    (":c", -1.6),
];

/// How much an elongated mouth (`:(((`, `=)))`, `xDDD`) weighs against the
/// plain emoticon: as `:((` does against `:(`.
const ELONGATED_EMOTICON: f64 = 1.2;

/// The emoticon a chunk is, if any (case-insensitive), elongated or not.
pub(crate) fn emoticon(chunk: &str) -> Option<f64> {
    if let Some(value) = plain_emoticon(chunk) {
        return Some(value);
    }
    // An elongated mouth is an ASCII character written at least twice.
    let last = chunk.as_bytes().last().copied().filter(u8::is_ascii)?;
    let kept = chunk.trim_end_matches(char::from(last)).len();
    if chunk.len() - kept < 2 {
        return None;
    }
    plain_emoticon(&chunk[..=kept]).map(|v| v * ELONGATED_EMOTICON)
}

/// The emoticon a chunk is exactly, if any (case-insensitive).
fn plain_emoticon(chunk: &str) -> Option<f64> {
    // Every emoticon is 2 to 4 bytes and, but for `xD`, holds a symbol.
    if !(2..=4).contains(&chunk.len())
        || (chunk.bytes().all(|b| b.is_ascii_alphanumeric()) && !chunk.eq_ignore_ascii_case("xd"))
    {
        return None;
    }
    EMOTICONS
        .iter()
        .find(|(e, _)| e.eq_ignore_ascii_case(chunk))
        .map(|&(_, v)| v)
}

/// `char::is_alphanumeric`, answered without Unicode tables for the Latin-1
/// range that French and Spanish words live in.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_alphanumeric(),
        '\u{80}'..='\u{ff}' => matches!(
            c,
            'ª' | '²' | '³' | 'µ' | '¹' | 'º' | '¼'..='¾' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ'
        ),
        _ => c.is_alphanumeric(),
    }
}

/// Appends the lowercase form of `word` to `out` (as `str::to_lowercase`
/// would but for the final-sigma rule, character by character), without
/// Unicode tables for the Latin-1 range.
pub(crate) fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\0'..='\u{7f}' => out.push(c.to_ascii_lowercase()),
            // Latin-1 capitals are their small letters less 0x20.
            'À'..='Þ' if c != '×' => out.push(char::from(c as u8 + 0x20)),
            '\u{80}'..='\u{ff}' => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// A lexicon phrase as the tokenizer reads it in a text: its words,
/// lowercased, joined by single spaces ("Can't wait" is "ca n't wait",
/// "j'adore" is "j adore", "ras-le-bol" is "ras le bol"), so that the
/// phrase matches the words of the texts that contain it. A key the
/// tokenizer does not read as words only (an emoticon such as "xd") stays
/// as written, lowercased.
pub(crate) fn key_words(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut other = false;
    tokenize(key, |t| match t.kind {
        Kind::Word => {
            if !out.is_empty() {
                out.push(' ');
            }
            push_lowercase(&mut out, t.text);
        }
        Kind::Boundary => {}
        Kind::Emoji | Kind::Emoticon => other = true,
    });
    if other || out.is_empty() {
        out.clear();
        push_lowercase(&mut out, key.trim());
    }
    out
}

/// Whether a character is a pictograph (emoji) rather than a letter or
/// punctuation.
pub(crate) fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x2300..=0x23FF | 0x3030 | 0x303D | 0x2190..=0x21FF)
}

/// Splits `text` into tokens, calling `emit` for each, in order.
pub(crate) fn tokenize<'t>(text: &'t str, mut emit: impl FnMut(Token<'t>)) {
    for (start, chunk, ascii) in chunks(text) {
        let lower_start = chunk.get(..4).unwrap_or(chunk);
        if lower_start.eq_ignore_ascii_case("http") || lower_start.eq_ignore_ascii_case("www.") {
            continue;
        }
        // An emoticon is at most 4 bytes (more with an elongated mouth),
        // with some trailing punctuation, and starts with a symbol, `x` or
        // `d`.
        if chunk.len() <= 12
            && chunk.bytes().next().is_some_and(|b| {
                !b.is_ascii_alphanumeric() || matches!(b, b'x' | b'X' | b'd' | b'D')
            })
        {
            let bare = chunk.trim_end_matches(['.', ',', '!', '?', ';']);
            if emoticon(bare).is_some() {
                emit(Token {
                    span: start..start + bare.len(),
                    text: bare,
                    kind: Kind::Emoticon,
                    lowercase: false,
                });
                punctuation(&chunk[bare.len()..], start + bare.len(), &mut emit);
                continue;
            }
        }
        // ASCII chunks (most of them) go straight to the byte-level split.
        if ascii {
            ascii_segments(chunk, start, &mut emit);
            continue;
        }

        // Most chunks are a word, perhaps with an elision, a hyphen or
        // trailing punctuation: split those directly, and leave the rest
        // (emoji, symbols, hashtags, mentions) to UAX #29.
        let core = chunk.trim_end_matches(['.', ',', '!', '?', ';', ':', '…']);
        if !core.is_empty()
            && core.chars().next().is_some_and(is_alphanumeric)
            && core
                .chars()
                .all(|c| is_alphanumeric(c) || matches!(c, '\'' | '’' | '-'))
        {
            let mut from = 0;
            for part in core.split('-') {
                if !part.is_empty() {
                    words(part, start + from, &mut emit);
                }
                from += part.len() + 1;
            }
            punctuation(&chunk[core.len()..], start + core.len(), &mut emit);
            continue;
        }
        segments(chunk, start, &mut emit);
    }
}

/// The same split as [`segments`] for an ASCII chunk, byte by byte: runs of
/// letters and digits (with inner apostrophes) are words, `#` starts a
/// hashtag, `@` a mention, and `.,;:!?` bound clauses.
fn ascii_segments<'t>(chunk: &'t str, start: usize, emit: &mut impl FnMut(Token<'t>)) {
    let b = chunk.as_bytes();
    let (mut i, mut hashtag, mut mention) = (0, false, false);
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            let mut j = i + 1;
            let mut apostrophe = false;
            let mut upper = c.is_ascii_uppercase();
            while j < b.len()
                && (b[j].is_ascii_alphanumeric()
                    || (b[j] == b'\'' && j + 1 < b.len() && b[j + 1].is_ascii_alphanumeric()))
            {
                apostrophe |= b[j] == b'\'';
                upper |= b[j].is_ascii_uppercase();
                j += 1;
            }
            let word = &chunk[i..j];
            if mention {
                mention = false;
            } else if hashtag {
                hashtag = false;
                camel_case(word, start + i, emit);
            } else if apostrophe {
                words(word, start + i, emit);
            } else if !(c.is_ascii_digit() && duration(word, start + i, emit)) {
                emit(Token {
                    span: start + i..start + j,
                    text: word,
                    kind: Kind::Word,
                    lowercase: !upper,
                });
            }
            i = j;
            continue;
        }
        hashtag = c == b'#';
        mention = c == b'@';
        if matches!(c, b'.' | b',' | b';' | b':' | b'!' | b'?') {
            emit(Token {
                span: start + i..start + i + 1,
                text: &chunk[i..i + 1],
                kind: Kind::Boundary,
                lowercase: false,
            });
        }
        i += 1;
    }
}

/// The whitespace-separated chunks of a text (as `str::split_whitespace`
/// cuts them) with their byte offsets and whether each is all ASCII, in
/// one pass over the bytes.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        loop {
            let &b = bytes.get(i)?;
            if is_ascii_space(b) {
                i += 1;
            } else if b < 0x80 {
                break;
            } else if let Some(width) = unicode_space(text, i) {
                i += width;
            } else {
                break;
            }
        }
        let from = i;
        let mut ascii = true;
        loop {
            // The hot loop: ASCII bytes that are not spaces.
            while i < bytes.len() && BYTE_CLASS[usize::from(bytes[i])] == WORD_BYTE {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 || unicode_space(text, i).is_some() {
                break;
            }
            ascii = false;
            // The width of the character this lead byte starts.
            i += match b {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
        }
        Some((from, &text[from..i], ascii))
    })
}

/// [`BYTE_CLASS`] of an ASCII byte that is not whitespace.
const WORD_BYTE: u8 = 0;

/// Per byte: [`WORD_BYTE`], 1 for ASCII whitespace, 2 for the bytes of
/// non-ASCII characters.
static BYTE_CLASS: [u8; 256] = {
    let mut class = [2u8; 256];
    let mut b = 0;
    while b < 0x80 {
        class[b] = if is_ascii_space(b as u8) {
            1
        } else {
            WORD_BYTE
        };
        b += 1;
    }
    class
};

/// ASCII whitespace as `char::is_whitespace` has it.
const fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b >= b'\t' && b <= b'\r')
}

/// The width of the non-ASCII whitespace character at byte `i`, if it is
/// one. All of them start with one of four lead bytes, so most characters
/// are never decoded.
fn unicode_space(text: &str, i: usize) -> Option<usize> {
    if !matches!(text.as_bytes().get(i)?, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        return None;
    }
    let c = text.get(i..)?.chars().next()?;
    c.is_whitespace().then(|| c.len_utf8())
}

fn punctuation<'t>(rest: &'t str, start: usize, emit: &mut impl FnMut(Token<'t>)) {
    for (i, c) in rest.char_indices() {
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?') {
            emit(Token {
                span: start + i..start + i + 1,
                text: &rest[i..i + 1],
                kind: Kind::Boundary,
                lowercase: false,
            });
        }
    }
}

/// Word-boundary segmentation of one chunk (UAX #29).
fn segments<'t>(chunk: &'t str, start: usize, emit: &mut impl FnMut(Token<'t>)) {
    let mut hashtag = false;
    let mut mention = false;
    for (i, seg) in chunk.split_word_bound_indices() {
        let span = start + i..start + i + seg.len();
        let first = seg.chars().next().unwrap_or(' ');
        if seg == "#" {
            hashtag = true;
            continue;
        }
        if seg == "@" {
            mention = true;
            continue;
        }
        if first.is_alphanumeric() {
            if mention {
                // @user: no sentiment.
                mention = false;
                continue;
            }
            if hashtag {
                hashtag = false;
                camel_case(seg, span.start, emit);
            } else {
                words(seg, span.start, emit);
            }
            continue;
        }
        hashtag = false;
        mention = false;
        if seg.chars().any(is_pictograph) {
            emit(Token {
                span,
                text: seg,
                kind: Kind::Emoji,
                lowercase: false,
            });
        } else if matches!(seg, "." | "," | ";" | ":" | "!" | "?") || seg.starts_with("...") {
            emit(Token {
                span,
                text: seg,
                kind: Kind::Boundary,
                lowercase: false,
            });
        }
    }
}

/// Abbreviated units of time that a count is written against: "2h",
/// "45min", "3j" (French "jours"), "1h30".
const ABBREVIATED_UNITS: [&str; 7] = ["h", "hr", "hrs", "min", "mins", "mn", "j"];

/// A count of time written as one word ("2h", "45min", "3j", "1h30") as
/// the words it stands for, the count and its unit ("2 h", "1 h 30"), so
/// that the rules read it as they read "2 hours". Whether it was one.
fn duration<'t>(word: &'t str, start: usize, emit: &mut impl FnMut(Token<'t>)) -> bool {
    let count = word.bytes().take_while(u8::is_ascii_digit).count();
    let letters = word.as_bytes()[count..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let (digits, rest) = word.split_at(count);
    let (unit, minutes) = rest.split_at(letters);
    if count == 0
        || !ABBREVIATED_UNITS
            .iter()
            .any(|u| unit.eq_ignore_ascii_case(u))
        || !minutes.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let mut at = start;
    for (part, lowercase) in [
        (digits, true),
        (unit, unit.bytes().all(|b| b.is_ascii_lowercase())),
        (minutes, true),
    ] {
        if !part.is_empty() {
            emit(Token {
                span: at..at + part.len(),
                text: part,
                kind: Kind::Word,
                lowercase,
            });
        }
        at += part.len();
    }
    true
}

/// French elisions (`j'adore`, `n'est`, `l'attente`) split after the
/// apostrophe; the English contraction `n't` split off its verb. Other
/// apostrophes (`aujourd'hui`, `it's`) stay inside the word. A count of
/// time in one word is its count and unit (see [`duration`]).
fn words<'t>(seg: &'t str, start: usize, emit: &mut impl FnMut(Token<'t>)) {
    if seg.as_bytes().first().is_some_and(u8::is_ascii_digit) && duration(seg, start, emit) {
        return;
    }
    let word = |span: Range<usize>, text: &'t str| Token {
        span,
        text,
        kind: Kind::Word,
        lowercase: false,
    };
    let apostrophe = if seg.is_ascii() {
        seg.bytes().position(|b| b == b'\'')
    } else {
        seg.find(['\'', '’'])
    };
    if let Some(pos) = apostrophe {
        let apostrophe = seg[pos..].chars().next().map_or(1, char::len_utf8);
        let (head, tail) = (&seg[..pos], &seg[pos + apostrophe..]);
        const ELIDED: [&str; 12] = [
            "l", "d", "j", "n", "m", "t", "s", "c", "qu", "jusqu", "lorsqu", "puisqu",
        ];
        if !tail.is_empty() && ELIDED.iter().any(|e| head.eq_ignore_ascii_case(e)) {
            emit(word(start..start + pos, head));
            let tail_start = start + pos + apostrophe;
            emit(word(tail_start..tail_start + tail.len(), tail));
            return;
        }
        if tail.eq_ignore_ascii_case("t")
            && head
                .as_bytes()
                .last()
                .is_some_and(|b| b.eq_ignore_ascii_case(&b'n'))
            && head.len() > 1
        {
            // don't, can't, isn't: the verb, then the negation.
            let verb = &head[..head.len() - 1];
            emit(word(start..start + verb.len(), verb));
            emit(word(
                start + verb.len()..start + seg.len(),
                &seg[verb.len()..],
            ));
            return;
        }
    }
    emit(word(start..start + seg.len(), seg));
}

/// `#WorstServiceEver` as three words; `#fail` as one.
fn camel_case<'t>(seg: &'t str, start: usize, emit: &mut impl FnMut(Token<'t>)) {
    let mut from = 0;
    let mut prev_lower = false;
    for (i, c) in seg.char_indices() {
        if c.is_uppercase() && prev_lower {
            emit(Token {
                span: start + from..start + i,
                text: &seg[from..i],
                kind: Kind::Word,
                lowercase: false,
            });
            from = i;
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    emit(Token {
        span: start + from..start + seg.len(),
        text: &seg[from..],
        kind: Kind::Word,
        lowercase: false,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<(String, Kind)> {
        let mut out = Vec::new();
        tokenize(text, |t| out.push((t.text.to_owned(), t.kind)));
        out
    }

    fn words_of(text: &str) -> Vec<String> {
        all(text)
            .into_iter()
            .filter(|(_, k)| *k == Kind::Word)
            .map(|(w, _)| w)
            .collect()
    }

    #[test]
    fn urls_and_mentions_are_skipped() {
        assert_eq!(
            words_of("@cafelia voir https://x.co/abc merci @user"),
            ["voir", "merci"]
        );
    }

    #[test]
    fn lexicon_phrases_read_as_texts_do() {
        assert_eq!(key_words("Can't wait"), "ca n't wait");
        assert_eq!(key_words("j'en ai marre"), "j en ai marre");
        assert_eq!(key_words("semaines d'attente"), "semaines d attente");
        assert_eq!(key_words("ras-le-bol"), "ras le bol");
        assert_eq!(key_words("xD"), "xd");
        assert_eq!(key_words("Génial"), "génial");
    }

    #[test]
    fn elisions_and_contractions_split() {
        assert_eq!(
            words_of("J'adore, n'est-ce pas"),
            ["J", "adore", "n", "est", "ce", "pas"]
        );
        assert_eq!(
            words_of("I don't like it"),
            ["I", "do", "n't", "like", "it"]
        );
        assert_eq!(words_of("aujourd'hui"), ["aujourd'hui"]);
    }

    #[test]
    fn a_count_of_time_in_one_word_is_its_count_and_unit() {
        assert_eq!(
            words_of("attendu 2h, 45min puis 1h30 et 3J… 4G 3D mp3 2hx 10"),
            [
                "attendu", "2", "h", "45", "min", "puis", "1", "h", "30", "et", "3", "J", "4G",
                "3D", "mp3", "2hx", "10"
            ]
        );
        assert_eq!(words_of("Esperé 2h…"), ["Esperé", "2", "h"]);
    }

    #[test]
    fn hashtags_split_on_case() {
        assert_eq!(
            words_of("#WorstServiceEver #fail"),
            ["Worst", "Service", "Ever", "fail"]
        );
    }

    #[test]
    fn emoji_and_emoticons_are_tokens() {
        let toks = all("bravo 👏🏽 :-) <3 👩‍💻 🇫🇷");
        let kinds: Vec<Kind> = toks.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            [
                Kind::Word,
                Kind::Emoji,
                Kind::Emoticon,
                Kind::Emoticon,
                Kind::Emoji,
                Kind::Emoji
            ]
        );
        assert_eq!(toks[1].0, "👏🏽");
    }

    #[test]
    fn an_elongated_mouth_is_the_same_emoticon_a_little_stronger() {
        assert_eq!(emoticon(":("), Some(-2.0));
        assert_eq!(emoticon("=((("), Some(-2.0 * ELONGATED_EMOTICON));
        assert_eq!(emoticon(":)))))"), Some(2.0 * ELONGATED_EMOTICON));
        assert_eq!(emoticon("xDDD"), Some(1.8 * ELONGATED_EMOTICON));
        // A run of brackets alone is no face.
        assert_eq!(emoticon(")))"), None);
        assert_eq!(emoticon("ddd"), None);
        let toks = all("so sad =((( really");
        assert_eq!(toks[2], ("=(((".to_owned(), Kind::Emoticon));
    }

    #[test]
    fn spans_point_back_into_the_input() {
        let text = "Très déçu… #Panne :(";
        tokenize(text, |t| assert_eq!(&text[t.span.clone()], t.text));
    }

    #[test]
    fn latin_1_shortcuts_agree_with_unicode() {
        for c in (0..0x180u32).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            let mut ours = String::new();
            push_lowercase(&mut ours, &c.to_string());
            assert_eq!(ours, c.to_lowercase().to_string(), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The one-pass splitter cuts exactly where `split_whitespace`
        /// does, whatever the whitespace (Unicode's included).
        #[test]
        fn chunks_are_split_whitespace(text in "[a-zé😀 \t\n\u{a0}\u{2003}\u{3000}\u{85}\u{1c}.,]{0,40}") {
            let ours: Vec<(usize, &str, bool)> = chunks(&text).collect();
            let base = text.as_ptr() as usize;
            let std: Vec<(usize, &str, bool)> = text
                .split_whitespace()
                .map(|c| (c.as_ptr() as usize - base, c, c.is_ascii()))
                .collect();
            proptest::prop_assert_eq!(ours, std);
        }
    }
}
