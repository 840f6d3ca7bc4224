//! Sentiment of short social texts in French, English and Spanish, with
//! the reasons for every score.
//!
//! A lexicon-and-rules scorer in the spirit of VADER (Hutto & Gilbert,
//! ICWSM 2014), with the crate's own lexicons and rules for social text in
//! three languages: emoji (skin tones, ZWJ sequences and flags included) and
//! emoticons, hashtags split on case, elongations ("nuuuul"), capitals,
//! repeated punctuation, missing accents, French elision and "ne ... pas",
//! negation in each language, intensifiers and softeners, contrast ("mais",
//! "but", "pero": what follows weighs more), irony markers ("bravo 👏" after
//! a complaint, "merci pour rien"), and care-desk complaints that carry no
//! negative word ("toujours pas reçu", "still waiting", "me han cobrado dos
//! veces").
//!
//! ```
//! use social_crm::sentiment::{Analyzer, Label};
//!
//! let analyzer = Analyzer::default();
//! let s = analyzer.score("Toujours pas reçu ma commande, 3 semaines d'attente... bravo 👏 #fail", None);
//! assert_eq!(s.label, Label::Negative);
//! assert_eq!(s.language.map(|l| l.to_string()).as_deref(), Some("fr"));
//!
//! // Every score explains itself.
//! let (s, why) = analyzer.explain("J'adore la Noisette d'hiver, mais la livraison était nulle", None);
//! assert!((why.total() - s.raw).abs() < 1e-9);
//! println!("{why}");
//! ```
//!
//! Scoring never fails: any text, empty or enormous, gets an answer, in
//! time linear in its length.

mod lang;
mod lexicon;
mod tokenize;

use std::borrow::Cow;
use std::fmt;

use crate::explain::{Contribution, Explanation, Factor, Modifier};
use crate::model::Language;
use crate::{ErrorKind, Result};
use lexicon::{Entry, Lexicon};
use tokenize::{Kind, Token};

pub use lang::{detect_language, LanguageGuess};

/// What a negation that negates no sentiment word adds on its own.
const BARE_NEGATION: f64 = -0.6;

word_enum! {
    /// The three-way verdict.
    pub enum Label ("sentiment label") {
        /// Unhappy, angry, disappointed.
        Negative => "negative" | "neg",
        /// Neither.
        Neutral => "neutral" | "neu",
        /// Happy, pleased, grateful.
        Positive => "positive" | "pos",
    }
}

/// How the language used for scoring was chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum LanguageSource {
    /// The caller gave it.
    Given,
    /// Detected from the text, with a confidence in `0..=1`.
    Detected {
        /// How sure the detector is.
        confidence: f64,
    },
    /// Not given and not detected: every built-in lexicon was consulted.
    Unknown,
}

/// The sentiment of one text.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Sentiment {
    /// The overall score in `-1..=1`: the raw sum normalised as
    /// `raw / sqrt(raw² + 15)`.
    pub compound: f64,
    /// The raw sum of the contributions (valence scale, about -4 to +4 a
    /// word).
    pub raw: f64,
    /// Share of positive weight, in `0..=1`.
    pub positive: f64,
    /// Share of negative weight.
    pub negative: f64,
    /// Share of neutral words.
    pub neutral: f64,
    /// The label from the thresholds of the [`SentimentConfig`].
    pub label: Label,
    /// How strong, in `0..=1`: the compound's magnitude.
    pub intensity: f64,
    /// The language whose lexicon was used, if one was.
    pub language: Option<Language>,
    /// How it was chosen.
    pub language_source: LanguageSource,
}

/// The scorer's settings. Every setter says its default; [`Analyzer::new`]
/// checks them once.
///
/// ```
/// use social_crm::sentiment::{Analyzer, SentimentConfig};
///
/// let config = SentimentConfig::new().thresholds(-0.2, 0.2).negation_window(4);
/// let analyzer = Analyzer::new(config)?;
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentimentConfig {
    negative_threshold: f64,
    positive_threshold: f64,
    negation: f64,
    booster: f64,
    capitals: f64,
    before_contrast: f64,
    after_contrast: f64,
    window: usize,
}

impl Default for SentimentConfig {
    fn default() -> SentimentConfig {
        SentimentConfig::new()
    }
}

impl SentimentConfig {
    /// The defaults: thresholds -0.10 and +0.35 (the pair with the best mean
    /// macro-F1 over the shared UMSAB training splits in the three languages:
    /// complaints are often mild in words, praise is not), and VADER's
    /// published constants for negation (-0.74),
    /// boosters (0.293), capitals (0.733) and contrast (0.5 before, 1.5
    /// after), with a negation window of 3 words.
    pub const fn new() -> SentimentConfig {
        SentimentConfig {
            negative_threshold: -0.10,
            positive_threshold: 0.35,
            negation: -0.74,
            booster: 0.293,
            capitals: 0.733,
            before_contrast: 0.5,
            after_contrast: 1.5,
            window: 3,
        }
    }

    /// Compound scores at or below `negative` are negative, at or above
    /// `positive` positive (default -0.10 and 0.35; both in `-1..=1`,
    /// `negative < positive`).
    #[must_use]
    pub const fn thresholds(mut self, negative: f64, positive: f64) -> SentimentConfig {
        self.negative_threshold = negative;
        self.positive_threshold = positive;
        self
    }

    /// The factor a negation multiplies a valence by (default -0.74, in
    /// `-1..=0`).
    #[must_use]
    pub const fn negation(mut self, factor: f64) -> SentimentConfig {
        self.negation = factor;
        self
    }

    /// How far back a negation or an intensifier reaches, in words (default
    /// 3, at most 8).
    #[must_use]
    pub const fn negation_window(mut self, words: usize) -> SentimentConfig {
        self.window = words;
        self
    }

    /// What capitals add to a word's magnitude (default 0.733, `0..=4`).
    #[must_use]
    pub const fn capitals(mut self, amount: f64) -> SentimentConfig {
        self.capitals = amount;
        self
    }

    /// Weights before and after a contrast word (default 0.5 and 1.5, each
    /// in `0..=4`).
    #[must_use]
    pub const fn contrast(mut self, before: f64, after: f64) -> SentimentConfig {
        self.before_contrast = before;
        self.after_contrast = after;
        self
    }
}

/// The scorer: built once, then used for any number of texts.
#[derive(Debug, Clone, Default)]
pub struct Analyzer {
    config: SentimentConfig,
    /// The caller's own words, consulted before the built-in lexicons.
    custom: std::sync::Arc<Lexicon>,
}

/// One scored piece of a text.
struct Item<'t> {
    first: usize,
    last: usize,
    text: &'t str,
    span: std::ops::Range<usize>,
    base: f64,
    emoji: bool,
    praise: bool,
    /// A phrase that carries its own negation ("pas mal", "not bad"): a
    /// negation before it is the same one, not a second.
    negation_inside: bool,
    /// Also an intensifier: dropped as a sentiment word when it intensifies
    /// a following one ("damn good").
    also_booster: bool,
}

impl Analyzer {
    /// An analyzer with checked settings.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] naming the first setting out of range.
    pub fn new(config: SentimentConfig) -> Result<Analyzer> {
        let bad = |what: &'static str, value: f64| -> crate::Error {
            ErrorKind::InvalidConfig {
                what,
                value: value.to_string(),
            }
            .into()
        };
        let c = &config;
        // Ranges hold no NaN, so these checks refuse it too.
        let ordered = c.negative_threshold.partial_cmp(&c.positive_threshold)
            == Some(std::cmp::Ordering::Less);
        if !(-1.0..=1.0).contains(&c.negative_threshold) || !ordered {
            return Err(bad("negative threshold", c.negative_threshold));
        }
        if !(-1.0..=1.0).contains(&c.positive_threshold) {
            return Err(bad("positive threshold", c.positive_threshold));
        }
        if !(-1.0..=0.0).contains(&c.negation) {
            return Err(bad("negation factor", c.negation));
        }
        for (what, v) in [
            ("capitals amount", c.capitals),
            ("weight before a contrast", c.before_contrast),
            ("weight after a contrast", c.after_contrast),
            ("booster", c.booster),
        ] {
            if !(0.0..=4.0).contains(&v) {
                return Err(bad(what, v));
            }
        }
        if c.window > 8 {
            return Err(bad("negation window", c.window as f64));
        }
        Ok(Analyzer {
            config,
            custom: Default::default(),
        })
    }

    /// Adds the caller's own words (a brand's product names, "#panne"),
    /// with valences from -4 to +4; they win over the built-in lexicons in
    /// every language. A key may be a phrase of several words.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] for a valence outside `-4..=4` or an
    /// empty word.
    ///
    /// ```
    /// use social_crm::sentiment::{Analyzer, Label};
    ///
    /// let analyzer = Analyzer::default().with_words([("panne", -2.5), ("duo", 0.0)])?;
    /// assert_eq!(analyzer.score("#panne depuis ce matin", None).label, Label::Negative);
    /// # Ok::<(), social_crm::Error>(())
    /// ```
    pub fn with_words<'w>(
        mut self,
        words: impl IntoIterator<Item = (&'w str, f64)>,
    ) -> Result<Analyzer> {
        let mut custom = Lexicon::default();
        for (key, entry) in &self.custom.entries {
            custom.insert(key, entry.0);
        }
        for (word, valence) in words {
            let word = word.trim().trim_start_matches('#');
            if word.is_empty() || !(-4.0..=4.0).contains(&valence) {
                return Err(ErrorKind::InvalidConfig {
                    what: "custom word",
                    value: format!("{word}={valence}"),
                }
                .into());
            }
            custom.insert(word, Entry::Valence(valence));
        }
        self.custom = std::sync::Arc::new(custom);
        Ok(self)
    }

    /// The settings.
    pub fn config(&self) -> &SentimentConfig {
        &self.config
    }

    /// Scores a text. `language` is used when given; otherwise it is
    /// detected, and if that fails every built-in lexicon is consulted.
    ///
    /// ```
    /// use social_crm::sentiment::{Analyzer, Label};
    /// use social_crm::Language;
    ///
    /// let analyzer = Analyzer::default();
    /// assert_eq!(analyzer.score("Service client au top, merci !", Some(Language::FRENCH)).label, Label::Positive);
    /// assert_eq!(analyzer.score("still waiting for my refund", None).label, Label::Negative);
    /// assert_eq!(analyzer.score("", None).label, Label::Neutral);
    /// ```
    pub fn score(&self, text: &str, language: Option<Language>) -> Sentiment {
        self.run(text, language, None)
    }

    /// Scores a text and says why: every contributing word, phrase, emoji
    /// and rule, with its span in the input; the contributions add up to
    /// [`Sentiment::raw`].
    ///
    /// ```
    /// use social_crm::explain::Modifier;
    /// use social_crm::sentiment::Analyzer;
    ///
    /// let text = "Ce n'est pas bon";
    /// let (_, why) = Analyzer::default().explain(text, None);
    /// let bon = &why.contributions[0];
    /// assert_eq!(&text[bon.span.clone().unwrap()], "bon");
    /// assert_eq!(bon.modifiers, [Modifier::Negated]);
    /// ```
    pub fn explain(&self, text: &str, language: Option<Language>) -> (Sentiment, Explanation) {
        let mut why = Explanation::default();
        let s = self.run(text, language, Some(&mut why));
        (s, why)
    }

    /// Scores many texts (language detected for each).
    pub fn score_batch<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Sentiment> {
        texts.iter().map(|t| self.score(t.as_ref(), None)).collect()
    }

    /// Finds a key as written, without accents, then through the
    /// language's inflection rules (plural, feminine, verb endings).
    fn lookup<'l>(&'l self, lexicons: &[&'l Lexicon], key: &str) -> Option<(Entry, bool)> {
        let custom = (!self.custom.entries.is_empty()).then_some(&*self.custom);
        let found = |k: &str| {
            if let Some(hit) = custom.and_then(|c| c.entries.get(k)) {
                return Some(*hit);
            }
            lexicons.iter().find_map(|l| l.entries.get(k).copied())
        };
        let exact = found(key).or_else(|| {
            (!key.is_ascii())
                .then(|| found(&lexicon::fold_accents(key)))
                .flatten()
        });
        if exact.is_some()
            || key.len() < 4
            || (!key.is_ascii() && key.chars().count() < 4)
            || key.contains(' ')
        {
            return exact;
        }
        let start = lexicon::prefix(key);
        let folded_start;
        let start = if start.is_ascii() {
            start
        } else {
            folded_start = lexicon::fold_accents(start);
            &folded_start
        };
        let could_be = custom.is_some_and(|c| c.prefixes.contains(start))
            || lexicons.iter().any(|l| l.prefixes.contains(start));
        if !could_be {
            return None;
        }
        let mut hit = None;
        lexicon::stems(key, |stem| {
            hit = found(stem).or_else(|| {
                (!stem.is_ascii())
                    .then(|| found(&lexicon::fold_accents(stem)))
                    .flatten()
            });
            hit.is_some()
        });
        hit
    }

    fn is_phrase_start(&self, lexicons: &[&Lexicon], word: &str) -> bool {
        (!self.custom.phrase_starts.is_empty() && self.custom.phrase_starts.contains(word))
            || lexicons.iter().any(|l| l.phrase_starts.contains(word))
    }

    fn max_words(&self, lexicons: &[&Lexicon]) -> usize {
        lexicons
            .iter()
            .map(|l| l.max_words)
            .chain([self.custom.max_words, 1])
            .max()
            .unwrap_or(1)
    }

    fn run(
        &self,
        text: &str,
        given: Option<Language>,
        mut why: Option<&mut Explanation>,
    ) -> Sentiment {
        let mut tokens: Vec<Token<'_>> = Vec::with_capacity(32);
        tokenize::tokenize(text, |t| tokens.push(t));
        let lower: Vec<Cow<'_, str>> = tokens.iter().map(|t| lowercase(t.text)).collect();

        let (language, language_source) = match given {
            Some(l) => (Some(l), LanguageSource::Given),
            None => match lang::resolve(
                lang::guess(
                    tokens
                        .iter()
                        .zip(&lower)
                        .filter(|(t, _)| t.kind == Kind::Word)
                        .map(|(_, w)| &**w),
                    text,
                ),
                text,
            ) {
                Some(g) => (
                    Some(g.language),
                    LanguageSource::Detected {
                        confidence: g.confidence,
                    },
                ),
                None => (None, LanguageSource::Unknown),
            },
        };
        let every = lexicon::all().map(|(_, l)| l);
        let one;
        let lexicons: &[&Lexicon] = match language.and_then(lexicon::builtin) {
            Some(l) => {
                one = [l];
                &one
            }
            None => &every,
        };
        if let Some(why) = why.as_deref_mut() {
            why.notes.push(match (language, language_source) {
                (Some(l), LanguageSource::Given) => format!("language {l}, as given"),
                (Some(l), LanguageSource::Detected { confidence }) => {
                    format!("language {l}, detected (confidence {confidence:.2})")
                }
                _ => "language unknown: every lexicon consulted".to_owned(),
            });
        }

        // Items, negators, boosters and contrast words, by token.
        let mut items: Vec<Item<'_>> = Vec::new();
        let mut negator = vec![false; tokens.len()];
        let mut booster = vec![0.0f64; tokens.len()];
        let mut contrast: Option<usize> = None;
        let max_words = self.max_words(lexicons);
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            match token.kind {
                Kind::Boundary => {
                    i += 1;
                    continue;
                }
                Kind::Emoticon => {
                    if let Some(v) = tokenize::emoticon(token.text) {
                        items.push(Item {
                            first: i,
                            last: i,
                            text: token.text,
                            span: token.span.clone(),
                            base: v,
                            emoji: true,
                            praise: false,
                            negation_inside: false,
                            also_booster: false,
                        });
                    }
                    i += 1;
                    continue;
                }
                Kind::Emoji => {
                    if let Some(v) = lexicon::emoji(token.text) {
                        let clap = token.text.starts_with('\u{1F44F}');
                        items.push(Item {
                            first: i,
                            last: i,
                            text: token.text,
                            span: token.span.clone(),
                            base: v,
                            emoji: true,
                            praise: clap,
                            negation_inside: false,
                            also_booster: false,
                        });
                    }
                    i += 1;
                    continue;
                }
                Kind::Word => {}
            }
            // Longest phrase first, then the word itself (also with its
            // elongation collapsed).
            let mut matched: Option<(usize, Entry, bool)> = None;
            if max_words > 1 && self.is_phrase_start(lexicons, &lower[i]) {
                // Build the longest candidate once, remembering where each
                // shorter one ends, then try them longest first.
                let mut key = String::from(&*lower[i]);
                let mut ends: Vec<(usize, usize)> = Vec::new();
                for j in i + 1..tokens.len().min(i + max_words) {
                    if tokens[j].kind != Kind::Word {
                        break;
                    }
                    key.push(' ');
                    key.push_str(&lower[j]);
                    ends.push((j, key.len()));
                }
                for &(j, end) in ends.iter().rev() {
                    if let Some((e, p)) = self.lookup(lexicons, &key[..end]) {
                        matched = Some((j, e, p));
                        break;
                    }
                }
            }
            let mut elongated = false;
            if matched.is_none() {
                if let Some((e, p)) = self.lookup(lexicons, &lower[i]) {
                    matched = Some((i, e, p));
                } else if let Some(short) = collapse(&lower[i]) {
                    elongated = true;
                    matched = [short.0, short.1]
                        .iter()
                        .find_map(|k| self.lookup(lexicons, k))
                        .map(|(e, p)| (i, e, p));
                }
            }
            let Some((last, entry, praise)) = matched else {
                i += 1;
                continue;
            };
            let span = tokens[i].span.start..tokens[last].span.end;
            match entry {
                Entry::Valence(v) | Entry::Both(v, _) => {
                    if let Entry::Both(_, b) = entry {
                        booster[last] = b;
                    }
                    let mut base = v;
                    if elongated && base != 0.0 {
                        base += base.signum() * self.config.booster;
                    }
                    let negation_inside = last > i
                        && matches!(self.lookup(lexicons, &lower[i]), Some((Entry::Negator, _)));
                    items.push(Item {
                        first: i,
                        last,
                        text: &text[span.clone()],
                        span,
                        base,
                        emoji: false,
                        praise,
                        negation_inside,
                        also_booster: matches!(entry, Entry::Both(..)),
                    });
                }
                Entry::Negator => negator[i] = true,
                Entry::Booster(b) => booster[last] = b,
                Entry::Contrast => contrast = Some(last),
            }
            i = last + 1;
        }

        // A word that is also an intensifier and does intensify a following
        // sentiment word is only an intensifier.
        let window = self.config.window;
        let intensifies = |k: usize| {
            items.get(k + 1).is_some_and(|next| {
                next.first - items[k].last <= window
                    && !tokens[items[k].last..next.first]
                        .iter()
                        .any(|t| t.kind == Kind::Boundary)
            })
        };
        let dropped: Vec<bool> = (0..items.len())
            .map(|k| items[k].also_booster && intensifies(k))
            .collect();
        let mut k = 0;
        items.retain(|_| {
            k += 1;
            !dropped[k - 1]
        });

        // Values, with every rule that applies.
        // "Shouting" only means something in a text that is not all
        // capitals: look at the words' letters.
        let all_caps = {
            let words = tokens.iter().filter(|t| t.kind == Kind::Word);
            let mut any = false;
            let mut lower_seen = false;
            for t in words {
                if t.text.is_ascii() {
                    any |= t.text.bytes().any(|b| b.is_ascii_alphabetic());
                    lower_seen |= t.text.bytes().any(|b| b.is_ascii_lowercase());
                } else {
                    any |= t.text.chars().any(char::is_alphabetic);
                    lower_seen |= t.text.chars().any(char::is_lowercase);
                }
                if lower_seen {
                    break;
                }
            }
            any && !lower_seen
        };
        let c = &self.config;
        let mut values: Vec<(f64, Vec<Modifier>)> = Vec::with_capacity(items.len());
        for item in &items {
            let mut v = item.base;
            let mut mods = Vec::new();
            let sign = v.signum();
            if v != 0.0 && !item.emoji && !all_caps && is_shouted(item.text) {
                v += sign * c.capitals;
                mods.push(Modifier::Capitals);
            }
            if item.text.len() > 2 && !item.emoji && collapse(&lowercase(item.text)).is_some() {
                mods.push(Modifier::Elongated);
            }
            // Look back over the window, stopping at a clause boundary.
            let mut negated = false;
            let mut seen = 0;
            let mut k = item.first;
            while k > 0 && seen < c.window {
                k -= 1;
                if tokens[k].kind == Kind::Boundary {
                    break;
                }
                seen += 1;
                if negator[k] {
                    negated = true;
                }
                let b = booster[k];
                if b != 0.0 && v != 0.0 {
                    let decay = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65][seen - 1];
                    v += sign * b * decay;
                    mods.push(if b > 0.0 {
                        Modifier::Boosted
                    } else {
                        Modifier::Damped
                    });
                }
            }
            if negated && !item.negation_inside {
                v *= c.negation;
                mods.push(Modifier::Negated);
            }
            if let Some(cut) = contrast {
                if item.last < cut {
                    v *= c.before_contrast;
                    mods.push(Modifier::BeforeContrast);
                } else if item.first > cut {
                    v *= c.after_contrast;
                    mods.push(Modifier::AfterContrast);
                }
            }
            values.push((v, mods));
        }
        // Irony: praise ("bravo", 👏, "merci") in a text that otherwise
        // complains turns into reproach.
        // It applies to praise after the first complaint, or anywhere when
        // the text claps (👏); "merci, mais ..." stays thanks.
        let first_complaint = items
            .iter()
            .zip(&values)
            .find(|(it, (v, _))| !it.praise && *v < 0.0)
            .map(|(it, _)| it.first);
        let claps = items.iter().any(|it| it.emoji && it.praise);
        if let Some(first) = first_complaint {
            for (item, (v, mods)) in items.iter().zip(values.iter_mut()) {
                if item.praise && *v > 0.0 && (claps || item.first > first) {
                    *v = -*v;
                    mods.push(Modifier::Irony);
                }
            }
        }

        let (mut pos, mut neg) = (0.0, 0.0);
        // A negation that negates nothing is itself a complaint ("toujours
        // rien", "nadie contesta", "not again").
        // Items are in token order: the first item after a negation is the
        // only one it can reach, found by binary search (linear overall).
        let mut bare: Vec<(usize, f64)> = Vec::new();
        for (k, _) in negator.iter().enumerate().filter(|(_, n)| **n) {
            let next = items.partition_point(|it| it.first <= k);
            let reaches = items.get(next).is_some_and(|it| {
                it.first - k <= c.window
                    && !tokens[k..it.first].iter().any(|t| t.kind == Kind::Boundary)
            });
            let next_to_last = bare.last().is_some_and(|&(b, _)| k - b <= 1);
            if !reaches && !next_to_last {
                bare.push((k, BARE_NEGATION));
            }
        }
        let mut raw: f64 =
            values.iter().map(|(v, _)| v).sum::<f64>() + bare.iter().map(|(_, v)| v).sum::<f64>();
        for (_, v) in &bare {
            neg += v - 1.0;
        }
        for (v, _) in &values {
            if *v > 0.0 {
                pos += v + 1.0;
            } else if *v < 0.0 {
                neg += v - 1.0;
            }
        }
        let neutral_words = tokens
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .count()
            .saturating_sub(
                items
                    .iter()
                    .filter(|i| !i.emoji)
                    .map(|i| i.last - i.first + 1)
                    .sum(),
            ) as f64;
        let bangs = text.bytes().filter(|&b| b == b'!').take(4).count() as f64;
        let questions = text.bytes().filter(|&b| b == b'?').take(4).count();
        let punct = bangs * 0.292
            + if questions > 1 {
                questions.min(3) as f64 * 0.18
            } else {
                0.0
            };
        let emphasis = if raw != 0.0 {
            raw.signum() * punct
        } else {
            0.0
        };
        raw += emphasis;
        if raw > 0.0 {
            pos += emphasis;
        } else if raw < 0.0 {
            neg += emphasis;
        }
        let total = pos + neg.abs() + neutral_words;
        let (positive, negative, neutral) = if total > 0.0 {
            (pos / total, neg.abs() / total, neutral_words / total)
        } else {
            (0.0, 0.0, 1.0)
        };
        let compound = (raw / (raw * raw + 15.0).sqrt()).clamp(-1.0, 1.0);
        let label = if compound >= c.positive_threshold {
            Label::Positive
        } else if compound <= c.negative_threshold {
            Label::Negative
        } else {
            Label::Neutral
        };

        if let Some(why) = why {
            for (item, (v, mods)) in items.iter().zip(values) {
                why.contributions.push(Contribution {
                    factor: if item.emoji {
                        Factor::Emoji {
                            text: item.text.to_owned(),
                        }
                    } else {
                        Factor::Lexicon {
                            text: item.text.to_owned(),
                        }
                    },
                    span: Some(item.span.clone()),
                    base: item.base,
                    modifiers: mods,
                    value: v,
                });
            }
            for (k, v) in bare {
                why.contributions.push(Contribution {
                    factor: Factor::Rule {
                        id: "bare-negation",
                    },
                    span: Some(tokens[k].span.clone()),
                    base: v,
                    modifiers: Vec::new(),
                    value: v,
                });
            }
            if emphasis != 0.0 {
                why.contributions.push(Contribution {
                    factor: Factor::Punctuation,
                    span: None,
                    base: punct,
                    modifiers: Vec::new(),
                    value: emphasis,
                });
            }
        }
        Sentiment {
            compound,
            raw,
            positive,
            negative,
            neutral,
            label,
            intensity: compound.abs(),
            language,
            language_source,
        }
    }
}

/// Lowercase, without allocating for text that already is.
fn lowercase(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return if s.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(s.to_ascii_lowercase())
        } else {
            Cow::Borrowed(s)
        };
    }
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether a word is written in capitals (two letters or more).
fn is_shouted(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// For a word with a letter repeated three times or more ("nuuuul"), the
/// word with such runs cut to two letters and to one ("nuul", "nul").
fn collapse(word: &str) -> Option<(String, String)> {
    if word.len() < 3 {
        return None;
    }
    if word.is_ascii() {
        let b = word.as_bytes();
        if !b
            .windows(3)
            .any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic())
        {
            return None;
        }
    }
    let mut run = (None, 0);
    let repeated = word.chars().any(|c| {
        run = if run.0 == Some(c) {
            (Some(c), run.1 + 1)
        } else {
            (Some(c), 1)
        };
        run.1 >= 3 && c.is_alphabetic()
    });
    if !repeated {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    let (mut two, mut one) = (String::new(), String::new());
    let mut run = 0;
    for (i, &c) in chars.iter().enumerate() {
        run = if i > 0 && chars[i - 1] == c {
            run + 1
        } else {
            1
        };
        if run <= 2 {
            two.push(c);
        }
        if run == 1 {
            one.push(c);
        }
    }
    Some((two, one))
}

impl fmt::Display for Sentiment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({:+.3}; {:.0}% positive, {:.0}% negative, {:.0}% neutral)",
            self.label,
            self.compound,
            self.positive * 100.0,
            self.negative * 100.0,
            self.neutral * 100.0
        )
    }
}
