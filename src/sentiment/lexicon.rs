//! The crate's own lexicons: one readable file per language (and one for
//! emoji), embedded at compile time and parsed once, on first use.
//!
//! A file has sections:
//!
//! - `[words]`: `word or phrase<TAB>valence`, valence from -4 (worst) to +4
//!   (best); a phrase is several words separated by spaces;
//! - `[boosters]`: `word or phrase<TAB>amount`, positive for intensifiers
//!   ("très"), negative for softeners ("un peu");
//! - `[negators]`, `[contrast]`, `[concession]` (what opens the clause
//!   that matters less: "although", "bien que", "aunque"), `[praise]`
//!   (words that irony can turn, like "bravo"), `[escalation]` (what calls
//!   for a senior agent: a manager asked for, a threat to leave, to go to
//!   law, to a consumer body or to the public with a bad review, a harm
//!   reported), `[verbs]` (words that weigh only as verbs, after their
//!   subject: "I like it", not "looks like rain"), `[fillers]` (words that
//!   weigh nothing when they open a sentence before a pause: "Bon, ..."),
//!   `[pending]` (statuses that should pass: "processing", "en
//!   préparation", "pendiente"; with "still" or a duration in their
//!   sentence, a delay: "still processing", "en transit depuis 12 jours"),
//!   `[chases]` (asking for news of what is awaited: "any update", "des
//!   nouvelles", "alguna novedad"; asked with time gone by anywhere in the
//!   text, a delay: "Any update? It has been a week."),
//!   `[openers]` (phrases that weigh only when they open their clause: "So
//!   much for next-day delivery", not "Thanks so much for your help"),
//!   `[excess]` (intensifiers of excess, which before a word that weighs
//!   nothing say there is too much of it: "too small", "trop de monde"),
//!   `[reproaches]` (questions that reproach, not damped when asked: "is
//!   this even legal?", "depuis quand c'est normal ?", "¿así tratáis a
//!   los clientes?"),
//!   `[things]` (nouns that weigh nothing, kept in `[words]` so that they
//!   are not read as a lookalike: "facture" is not "facturé"; a negation
//!   that meets one passes it by: "on ne m'a jamais envoyé la facture"),
//!   `[auxiliaries]` (words a negation reaches through without counting
//!   them: "personne n'a été capable de m'aider"),
//!   `[subjects]` (pronouns that open a clause, which a negation before
//!   them does not reach: "si vous ne répondez pas je résilie"),
//!   `[clitics]` (pronouns that open a verb phrase: "si no lo solucionan
//!   me doy de baja"; a negation reaches through them without counting
//!   them: "nadie me da una solución", "personne ne me donne de
//!   solution"),
//!   `[failures]` (what the service does when it works: "work", "arrive",
//!   "fixed"; denied, each reports a failure: "my order hasn't arrived",
//!   "sigue sin funcionar", "l'appli ne s'ouvre plus"),
//!   `[conjugations]` (`verb<TAB>model`: a verb of `[words]` whose stem
//!   changes, and the model verb it is conjugated like, "trahir finir",
//!   "negar pensar": its forms are added with its valence; see
//!   [`conjugation`](super::conjugation)),
//!   `[stopwords]` (for language detection): one entry a line.
//!
//! Keys are matched lowercase, and also without accents ("decu" finds
//! "déçu"), except that `ñ` is kept (Spanish "año" is not "ano").

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::Language;

/// What a lexicon key is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Entry {
    /// A word or phrase with a valence.
    Valence(f64),
    /// An intensifier (positive) or softener (negative).
    Booster(f64),
    /// A word that is both ("damn", "super", "grave"): an intensifier when
    /// a sentiment word follows it, a sentiment word of its own otherwise.
    Both(f64, f64),
    /// A negation.
    Negator,
    /// A contrast ("but"): what follows weighs more.
    Contrast,
    /// A concession ("although", "bien que", "aunque"): the clause it
    /// opens weighs less.
    Concession,
}

/// What a key says besides its entry: the sections that name it after
/// `[words]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Marks {
    /// Irony can turn it (`[praise]`: "bravo", "merci").
    pub praise: bool,
    /// It calls for a senior agent (`[escalation]`: "speak to a manager",
    /// "mon avocat", "me doy de baja").
    pub escalates: bool,
    /// It weighs only as a verb with its subject before it (`[verbs]`:
    /// "like", "likes"); spelt the same, it is a preposition, a filler or a
    /// count. Only the key as written: its inflections ("liked") are verbs.
    pub verb: bool,
    /// Opening a sentence before a pause, it is a filler and weighs nothing
    /// (`[fillers]`: "Bon, j'attends toujours", "Bueno, sigo esperando").
    /// Only the key as written.
    pub filler: bool,
    /// A status that should pass (`[pending]`: "processing", "en
    /// préparation", "pendiente"): still there, or there for a while, it
    /// is a delay.
    pub pending: bool,
    /// Asking for news of what is awaited (`[chases]`: "any update", "des
    /// nouvelles", "alguna novedad"): asked after a while, it is a delay.
    pub chase: bool,
    /// It weighs only when it opens its clause (`[openers]`: "so much
    /// for", "yeah right"): at the text's start, after a boundary, an
    /// emoji or a line break, or after a word that opens a clause itself
    /// ("Well so much for next-day delivery"). After a verb it only says
    /// how much ("Thanks so much for your help").
    pub opener: bool,
    /// A question that reproaches (`[reproaches]`: "is this even legal",
    /// "is this how you treat", "depuis quand c'est normal", "así me
    /// tratáis"): asked, it is not damped as a question, and complains.
    pub reproach: bool,
    /// An intensifier of excess (`[excess]`: "too", "trop", "demasiado"):
    /// before a word that weighs nothing it says there is too much of it
    /// ("too small", "trop de monde", "demasiado estrecha").
    pub excess: bool,
    /// A noun that weighs nothing, listed only so that it is not read as a
    /// lookalike (`[things]`: "facture", not "facturé"; "soporte", not
    /// "soportar"): a negation that meets one negates nothing by it.
    pub thing: bool,
}

impl Marks {
    /// Sets the mark of a section that marks words (`praise`,
    /// `escalation`, `verbs`, `fillers`, `pending`, `chases`, `openers`,
    /// `excess`, `reproaches`, `things`).
    fn mark(&mut self, section: &str) {
        match section {
            "praise" => self.praise = true,
            "escalation" => self.escalates = true,
            "verbs" => self.verb = true,
            "fillers" => self.filler = true,
            "pending" => self.pending = true,
            "chases" => self.chase = true,
            "openers" => self.opener = true,
            "excess" => self.excess = true,
            "reproaches" => self.reproach = true,
            "things" => self.thing = true,
            _ => {}
        }
    }
}

/// What a lexicon knows about one key as written (a word, or a phrase of
/// several words separated by spaces).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Word {
    /// Its entry, if it is a key, and what else it says.
    pub entry: Option<(Entry, Marks)>,
    /// Whether some longer key (a phrase) starts with it and a space: one
    /// lookup says both what a word (or the start of a phrase) is and
    /// whether a phrase may go on from there.
    pub starts_phrase: bool,
}

/// One language's lexicon.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    // Fx hashing: lookups of short words are the scorer's hot path, and the
    // keys are the crate's own, so no hash flooding is possible.
    /// Every key, and the first word of every phrase.
    pub entries: FxHashMap<String, Word>,
    /// The longest key, in words.
    pub max_words: usize,
    /// The keys of the sections that mark words (`[praise]`,
    /// `[escalation]`, `[verbs]`, `[fillers]`, `[pending]`, `[chases]`,
    /// `[openers]`, `[excess]`, `[reproaches]`, `[things]`) and their
    /// marks: a key inserted after its section was read takes its marks
    /// from here.
    pub marked: FxHashMap<String, Marks>,
    /// Subject pronouns ("je", "I", "yo"): a clause starts at one, and a
    /// negation before it does not reach the words after it, unless
    /// "think" and the like carry it ("I don't think I like it").
    pub subjects: FxHashSet<String>,
    /// Clitic pronouns that are not also articles ("me", "se", not "la"):
    /// a word or phrase that opens with one ("me doy de baja") opens its
    /// own verb phrase, which a negation before another verb does not
    /// reach ("si no lo solucionan me doy de baja"); between a negation
    /// and its verb, a negation reaches through them without counting
    /// them ("nadie me da una solución").
    pub clitics: FxHashSet<String>,
    /// Words that say the service did its job ("work", "arrived",
    /// "fixed", "funciona", "répond"), with their accent-free forms (and,
    /// in French and Spanish, their agreeing ones): denied, each reports
    /// a failure, whatever it weighs on its own.
    pub failures: FxHashSet<String>,
    /// The words a negation reaches through without counting them as
    /// words between, found with one lookup where the reach is counted:
    /// the clitics, and the auxiliaries of compound tenses and words of
    /// ability of `[auxiliaries]` ("a", "été", "capable", "sido", "capaz",
    /// "been", "able"), which are kept nowhere else.
    pub uncounted: FxHashSet<String>,
    pub stopwords: FxHashSet<String>,
    /// The language's chat shorthand and the word each stands for
    /// (`[shorthand]`: "tjrs" is "toujours", "x" is "por", "r" is "are"):
    /// a text in the language is read with the word in its place, so that
    /// phrases and rules find it ("r u kidding me", "gracias x todo").
    pub shorthand: Shorthand,
    /// The first four letters of every one-word key (accents removed): a
    /// word whose start is not here cannot be an inflection of any key. A
    /// phrase adds none: its first word is no key, so "parado en aduana"
    /// must not let "para" be read as a form of "paro".
    pub prefixes: Prefixes,
}

/// A language's chat shorthand and the words they stand for, with two
/// bitmaps in front: every word of a text is looked up, and most are
/// longer than any shorthand, or start or end otherwise than any of their
/// length ("the" is not "tho"), turned away by two bit tests before any
/// hashing.
#[derive(Debug, Default)]
pub(crate) struct Shorthand {
    /// Bit `b` of row `n - 1` is set when some shorthand of `n` bytes
    /// starts with the ASCII byte `b`.
    starts: [u128; Shorthand::LONGEST],
    /// The same for the last byte.
    ends: [u128; Shorthand::LONGEST],
    /// Keyed by bytes: a text's words are looked up as written there,
    /// without a check of character boundaries.
    words: FxHashMap<Vec<u8>, String>,
}

impl Shorthand {
    /// The longest shorthand, in bytes ("pourkoi").
    pub const LONGEST: usize = 8;

    /// Adds a shorthand (lowercase) and the word it stands for; one
    /// longer than [`Shorthand::LONGEST`], or not all ASCII, could never
    /// be found, which a test of the files checks.
    fn insert(&mut self, short: &str, word: String) {
        let short = short.as_bytes();
        if let Some((first, last)) = Self::bits(short) {
            self.starts[short.len() - 1] |= first;
            self.ends[short.len() - 1] |= last;
            self.words.insert(short.to_vec(), word);
        }
    }

    /// The bits of a word's first and last bytes, if it is short enough
    /// and they are ASCII.
    #[inline]
    fn bits(word: &[u8]) -> Option<(u128, u128)> {
        let (&first, &last) = (word.first()?, word.last()?);
        (word.len() <= Self::LONGEST && first.is_ascii() && last.is_ascii())
            .then(|| (1u128 << first, 1u128 << last))
    }

    /// The word `word` (lowercase, its bytes) stands for, if it is
    /// shorthand.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<&str> {
        let (first, last) = Self::bits(word)?;
        let row = word.len() - 1;
        if self.starts[row] & first == 0 || self.ends[row] & last == 0 {
            return None;
        }
        self.words.get(word).map(String::as_str)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every shorthand and the word it stands for.
    #[cfg(test)]
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.words.iter().map(|(short, word)| {
            let short = std::str::from_utf8(short).expect("shorthand is read from a str");
            (short, word.as_str())
        })
    }
}

/// A set of key prefixes with a bitmap in front: most words start like no
/// key, and one bit test turns them away before any hashing of strings.
#[derive(Debug, Default)]
pub(crate) struct Prefixes {
    /// Bit `hash(p) % BITS` is set for every prefix `p` in `set`.
    bits: Vec<u64>,
    set: FxHashSet<String>,
}

impl Prefixes {
    const BITS: usize = 1 << 16;

    fn slot(prefix: &str) -> (usize, u64) {
        // FNV-1a over at most four characters' bytes.
        let h = prefix.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let bit = (h >> 7) as usize % Self::BITS;
        (bit / 64, 1 << (bit % 64))
    }

    fn insert(&mut self, prefix: &str) {
        if self.bits.is_empty() {
            self.bits = vec![0; Self::BITS / 64];
        }
        let (word, bit) = Self::slot(prefix);
        self.bits[word] |= bit;
        self.set.insert(prefix.to_owned());
    }

    /// Whether some key starts with these four letters.
    pub fn contains(&self, prefix: &str) -> bool {
        let (word, bit) = Self::slot(prefix);
        self.bits.get(word).is_some_and(|w| w & bit != 0) && self.set.contains(prefix)
    }
}

impl Lexicon {
    /// Parses a lexicon file. Lines that do not parse are reported by the
    /// crate's tests, never at run time.
    pub fn parse(text: &str) -> Lexicon {
        let mut lexicon = Lexicon::default();
        let mut explicit: Vec<String> = Vec::new();
        let mut verbs: Vec<(String, String)> = Vec::new();
        let mut section = "";
        for line in text.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "words" => "words",
                    "boosters" => "boosters",
                    "negators" => "negators",
                    "contrast" => "contrast",
                    "concession" => "concession",
                    "praise" => "praise",
                    "escalation" => "escalation",
                    "verbs" => "verbs",
                    "fillers" => "fillers",
                    "pending" => "pending",
                    "chases" => "chases",
                    "openers" => "openers",
                    "excess" => "excess",
                    "reproaches" => "reproaches",
                    "things" => "things",
                    "auxiliaries" => "auxiliaries",
                    "subjects" => "subjects",
                    "clitics" => "clitics",
                    "failures" => "failures",
                    "stopwords" => "stopwords",
                    "shorthand" => "shorthand",
                    "conjugations" => "conjugations",
                    _ => "",
                };
                continue;
            }
            if section == "conjugations" {
                if let Some((verb, model)) = line.split_once('\t') {
                    verbs.push((verb.trim().to_lowercase(), model.trim().to_owned()));
                }
                continue;
            }
            if section == "shorthand" {
                if let Some((short, word)) = line.split_once('\t') {
                    let word = word.trim().to_lowercase();
                    lexicon.shorthand.insert(&short.trim().to_lowercase(), word);
                }
                continue;
            }
            let (key, value) = match line.split_once('\t') {
                Some((k, v)) => (k.trim(), v.trim().parse::<f64>().ok()),
                None => (line.trim(), None),
            };
            let entry = match (section, value) {
                ("words", Some(v)) => Entry::Valence(v),
                ("boosters", Some(v)) => Entry::Booster(v),
                ("negators", _) => Entry::Negator,
                ("contrast", _) => Entry::Contrast,
                ("concession", _) => Entry::Concession,
                (
                    "praise" | "escalation" | "verbs" | "fillers" | "pending" | "chases"
                    | "openers" | "excess" | "reproaches" | "things",
                    _,
                ) => {
                    let key = super::tokenize::key_words(key);
                    for k in [fold_accents(&key), key.clone()] {
                        if let Some(Word { entry: Some(e), .. }) = lexicon.entries.get_mut(&k) {
                            e.1.mark(section);
                        }
                    }
                    lexicon.marked.entry(key).or_default().mark(section);
                    continue;
                }
                ("auxiliaries" | "subjects" | "clitics" | "failures" | "stopwords", _) => {
                    let key = key.to_lowercase();
                    let class = match section {
                        "auxiliaries" => &mut lexicon.uncounted,
                        "subjects" => {
                            // "I’m" as typed on phones, with a curly
                            // apostrophe.
                            lexicon.subjects.insert(key.replace('\'', "’"));
                            &mut lexicon.subjects
                        }
                        "clitics" => {
                            lexicon.uncounted.insert(key.clone());
                            &mut lexicon.clitics
                        }
                        "failures" => {
                            // Typed without its accents too ("repare").
                            lexicon.failures.insert(fold_accents(&key));
                            &mut lexicon.failures
                        }
                        _ => &mut lexicon.stopwords,
                    };
                    class.insert(key);
                    continue;
                }
                _ => continue,
            };
            explicit.push(key.to_lowercase());
            lexicon.insert(key, entry);
        }
        // An accent-free alias must not shadow a function word: "sûr" is
        // not "sur" (on), whatever the missing accent.
        let explicit: std::collections::HashSet<String> = explicit.into_iter().collect();
        for word in &lexicon.stopwords {
            if let Some(w) = lexicon.entries.get_mut(word) {
                if !explicit.contains(word) {
                    w.entry = None;
                }
            }
        }
        lexicon.conjugate(&verbs);
        lexicon
    }

    /// Adds the forms of the verbs of `[conjugations]` (each with the model
    /// it is conjugated like: see [`conjugation`](super::conjugation)),
    /// with the verb's valence (see [`Lexicon::insert_form`]).
    fn conjugate(&mut self, verbs: &[(String, String)]) {
        for (verb, model) in verbs {
            let Some(Word {
                entry: Some((entry @ Entry::Valence(_), _)),
                ..
            }) = self.entries.get(verb).copied()
            else {
                continue;
            };
            for form in super::conjugation::forms(verb, model).unwrap_or_default() {
                self.insert_form(&form, entry);
            }
        }
    }

    /// Adds the forms a phrase takes when its participles and adjectives
    /// agree with a feminine or plural subject: "débité deux fois" is also
    /// "débitée deux fois" and "débitées deux fois" (and, in Spanish, when
    /// its past is told in the present perfect: see [`spanish_forms`]).
    /// Single words are found through the inflection rules when they are
    /// looked up; phrases are matched word for word, so their forms are
    /// written out here, once. `forms` gives the forms of one word (itself
    /// first; a form may be several words). A form that is a key already
    /// keeps its own entry.
    fn with_phrase_forms(mut self, forms: fn(&str) -> Vec<String>) -> Lexicon {
        let phrases: Vec<(String, Entry)> = self
            .entries
            .iter()
            .filter(|(key, _)| key.contains(' '))
            .filter_map(|(key, word)| match word.entry {
                Some((entry @ Entry::Valence(_), _)) => Some((key.clone(), entry)),
                _ => None,
            })
            .collect();
        for (phrase, entry) in phrases {
            let mut variants = vec![String::new()];
            for word in phrase.split(' ') {
                let forms = forms(word);
                variants = variants
                    .iter()
                    .flat_map(|start| {
                        forms.iter().map(move |f| match start.is_empty() {
                            true => f.clone(),
                            false => format!("{start} {f}"),
                        })
                    })
                    .collect();
            }
            for variant in variants {
                if self.entries.get(&variant).is_none_or(|w| w.entry.is_none()) {
                    self.insert(&variant, entry);
                }
            }
        }
        self
    }

    /// Adds the English phrases as typed without their apostrophes: "cant
    /// wait", "still havent", "im done with" mean what "can't wait", "still
    /// haven't", "i'm done with" do (see [`without_apostrophes`]), and are
    /// read as they are, marks and all. A form that is a key already keeps
    /// its own entry.
    fn with_bare_contractions(mut self) -> Lexicon {
        let phrases: Vec<(String, Entry, Marks)> = self
            .entries
            .iter()
            .filter(|(key, _)| key.contains(' '))
            .filter_map(|(key, word)| {
                let (entry, marks) = word.entry?;
                let bare = without_apostrophes(key)?;
                Some((bare, entry, marks))
            })
            .collect();
        for (bare, entry, marks) in phrases {
            if self.entries.get(&bare).is_none_or(|w| w.entry.is_none()) {
                self.marked.insert(bare.clone(), marks);
                self.insert(&bare, entry);
            }
        }
        self
    }

    /// Adds the Spanish verbs' forms in "-en" and "-emos" that the suffix
    /// rules miss: the present's third person plural of -er and -ir verbs
    /// ("sufren", "ofenden"), the subjunctive's of -ar verbs ("que lo
    /// disfruten", "ojalá ganen", "lloremos"). The suffix rules do not try
    /// "-en", which would read the French "chien" as a form of "chier" and
    /// the English "bitten" as one of "bitter"; and they try no ending on a
    /// word whose first four letters start no key, as "ganemos" and
    /// "odiemos" do not. Written out for the Spanish verbs only, a form is
    /// a word nobody else writes. (The subjunctive's singular is not:
    /// "tarde" is the afternoon, not a form of "tardar".) See
    /// [`Lexicon::insert_form`].
    fn with_plural_verb_forms(mut self) -> Lexicon {
        let forms: Vec<(String, Entry)> = self
            .entries
            .iter()
            .filter_map(|(key, word)| match word.entry {
                Some((entry @ Entry::Valence(_), _)) => Some((key, entry)),
                _ => None,
            })
            .flat_map(|(key, entry)| {
                super::conjugation::plurals(key)
                    .into_iter()
                    .map(move |form| (form, entry))
            })
            .collect();
        for (form, entry) in forms {
            self.insert_form(&form, entry);
        }
        self
    }

    /// Adds the forms the failure words take in agreement ("arrivée",
    /// "arreglados"), accent-free too.
    fn with_agreeing_failures(mut self, forms: fn(&str) -> Vec<String>) -> Lexicon {
        let agreeing: Vec<String> = self.failures.iter().flat_map(|w| forms(w)).collect();
        for form in agreeing {
            self.failures.insert(fold_accents(&form));
            self.failures.insert(form);
        }
        self
    }

    /// Adds a key (and its accent-free form, unless that is taken). A
    /// sentiment word or phrase is kept as the words the tokenizer makes of
    /// it ("can't wait" as "ca n't wait"), and so is any key of several
    /// words ("loin d'"); a single negator, intensifier or contrast word is
    /// kept as written ("n't").
    pub fn insert(&mut self, key: &str, entry: Entry) {
        self.add(key, entry, true);
    }

    /// Adds a form the lexicon writes out for a key (a verb's "trahissent",
    /// "sufren"), unless it is a key already or a function word, which
    /// keep what they are. Found as written, it is no dictionary form whose
    /// own inflections are tried (see `prefixes`), lest "moreee" be read as
    /// a form of "moren", itself a form of "morir".
    fn insert_form(&mut self, form: &str, entry: Entry) {
        let taken = self.entries.get(form).is_some_and(|w| w.entry.is_some());
        if !taken && !self.stopwords.contains(form) {
            self.add(form, entry, false);
        }
    }

    /// Adds a key as [`Lexicon::insert`] says; its prefix goes into
    /// `prefixes` only when it is a `dictionary_form`, whose inflections
    /// the suffix rules may try.
    fn add(&mut self, key: &str, entry: Entry, dictionary_form: bool) {
        let key = match entry {
            Entry::Valence(_) | Entry::Both(..) => super::tokenize::key_words(key),
            _ if key.contains(' ') => super::tokenize::key_words(key),
            _ => key.to_lowercase(),
        };
        let words = key.split(' ').count();
        if words > 1 {
            self.max_words = self.max_words.max(words);
            // Every shorter run of its first words (with and without
            // accents) says a phrase may go on from there, so that reading
            // a phrase stops as soon as no key can follow.
            let ends = key.match_indices(' ').map(|(at, _)| at);
            for end in ends {
                let start = &key[..end];
                for start in [start.to_owned(), fold_accents(start)] {
                    self.entries.entry(start).or_default().starts_phrase = true;
                }
            }
        }
        let folded = fold_accents(&key);
        // Only a word can be an inflection's dictionary form (see
        // `prefixes`).
        if words == 1 && dictionary_form {
            self.prefixes.insert(prefix(&folded));
        }
        let marks = self.marked.get(&key).copied().unwrap_or_default();
        // A word listed both as a sentiment word and as an intensifier keeps
        // both meanings.
        let entry = match (
            self.entries.get(&key).and_then(|w| w.entry).map(|e| e.0),
            entry,
        ) {
            (Some(Entry::Valence(v)), Entry::Booster(b))
            | (Some(Entry::Booster(b)), Entry::Valence(v)) => Entry::Both(v, b),
            _ => entry,
        };
        if folded != key {
            let alias = self.entries.entry(folded).or_default();
            match &mut alias.entry {
                None => alias.entry = Some((entry, marks)),
                Some(e) if matches!(entry, Entry::Both(..)) => e.0 = entry,
                Some(_) => {}
            }
        }
        self.entries.entry(key).or_default().entry = Some((entry, marks));
    }
}

/// Looks up a word that is not a key as written: without its accents, then
/// through its inflections (see [`stems`]). `find` says what a key as written is; `could_start` whether
/// any key starts with these four accent-free letters. `folded` and `stem`
/// are buffers the caller reuses.
pub(crate) fn inflected(
    key: &str,
    folded: &mut String,
    stem: &mut String,
    find: impl Fn(&str) -> Option<(Entry, Marks)>,
    could_start: impl Fn(&str) -> bool,
) -> Option<(Entry, Marks)> {
    if !key.is_ascii() {
        fold_accents_into(key, folded);
        if let Some(hit) = find(folded) {
            return Some(hit);
        }
    }
    if key.len() < 4 || (!key.is_ascii() && key.chars().count() < 4) {
        return None;
    }
    let start = prefix(key);
    // Folded, then cut again: "œ" and "æ" fold to two letters, and the
    // keys' prefixes were cut from their folded form ("écœu" is "ecoe").
    let start = if start.is_ascii() {
        start
    } else {
        fold_accents_into(start, folded);
        prefix(folded)
    };
    // Only inflections that keep the first four letters are tried: shorter
    // stems find the wrong words ("made" is not "mad", "wine" not "win").
    // Measured: trying every candidate costs 0.007 macro-F1 on English and
    // Spanish UMSAB tweets. Spanish diminutives and superlatives are the
    // exception: their stem changes early in short words ("joyita",
    // "poquito", "feíto", "feísimo").
    if !could_start(start) && !changes_its_stem(key) {
        return None;
    }
    let mut hit = None;
    stems(key, stem, |candidate| {
        hit = find(candidate).or_else(|| {
            if candidate.is_ascii() {
                return None;
            }
            fold_accents_into(candidate, folded);
            find(folded)
        });
        hit.is_some()
    });
    hit
}

/// Whether a word ends like a Spanish diminutive ("joyita", "poquitos",
/// "feíto") or superlative ("feísimo", "poquísimas", "facilísimo"): its
/// stem may change within its first four letters, so that no key starts as
/// it does, and its inflections are tried anyway.
fn changes_its_stem(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word).as_bytes();
    // "ito", "ita", and "íto", "íta", whose "í" is two bytes ending in 0xAD.
    matches!(singular, [.., b'i' | 0xAD, b't', b'o' | b'a']) || is_superlative(word)
}

/// Whether a word ends like a Spanish absolute superlative ("feísimo",
/// "poquísimas", "facilisimo"): "very" said in one word.
pub(crate) fn is_superlative(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    ["ísimo", "ísima", "isimo", "isima"]
        .iter()
        .any(|end| singular.ends_with(end))
}

/// Spanish diminutives and superlatives that change the word's end, and
/// the endings they may stand for: "pobrecito", "florecita",
/// "corazoncito", "poquito", "fresquita", "amiguito", "feíto"; "poquísimo",
/// "simpatiquísima", "larguísimo", and "facilísimo", "utilísima" of an
/// adjective that ends in a consonant.
const STEM_CHANGES: [(&str, &[&str]); 22] = [
    ("cito", &[""]),
    ("cita", &["", "a"]),
    ("ecito", &[""]),
    ("ecita", &[""]),
    ("quito", &["co"]),
    ("quita", &["ca", "co"]),
    ("guito", &["go"]),
    ("guita", &["ga", "go"]),
    ("íto", &["o"]),
    ("íta", &["a", "o"]),
    ("quísimo", &["co"]),
    ("quísima", &["ca", "co"]),
    ("quisimo", &["co"]),
    ("quisima", &["ca", "co"]),
    ("guísimo", &["go"]),
    ("guísima", &["ga", "go"]),
    ("guisimo", &["go"]),
    ("guisima", &["ga", "go"]),
    ("ísimo", &[""]),
    ("ísima", &[""]),
    ("isimo", &[""]),
    ("isima", &[""]),
];

/// Spanish enclitic pronouns, longest first.
const CLITICS: [&str; 17] = [
    "selos", "selas", "melo", "mela", "telo", "tela", "nos", "los", "las", "les", "me", "te", "se",
    "lo", "la", "le", "os",
];

/// Spanish verb endings and the infinitive endings they may stand for:
/// feminine participles ("odiada"), the future and the conditional
/// ("odiaré", "sufriría"), the preterite's second persons ("odiaste",
/// "perdisteis"), the
/// imperfect of -er and -ir verbs ("sufría"), and the forms of "vosotros"
/// that a desk is written in: the imperative ("cancelad", "devolved"), the
/// present and its subjunctive ("nos engañáis", "que perdáis", "no
/// decepcionéis").
const SPANISH_TENSES: [(&str, &[&str]); 36] = [
    // The first person plural of the imperfect, the future and the
    // conditional: "disfrutábamos", "ganaremos", "sufriremos",
    // "sufríamos"; and the third plural of the conditional: "perderían".
    ("ábamos", &["ar"]),
    ("abamos", &["ar"]),
    ("aremos", &["ar"]),
    ("eremos", &["er"]),
    ("iremos", &["ir"]),
    ("íamos", &["er", "ir"]),
    ("iamos", &["er", "ir"]),
    ("erían", &["er"]),
    ("irían", &["ir"]),
    ("erian", &["er"]),
    ("irian", &["ir"]),
    ("áis", &["ar", "er", "ir"]),
    ("éis", &["er", "ar"]),
    ("ada", &["ar"]),
    ("aste", &["ar"]),
    ("iste", &["er", "ir"]),
    ("asteis", &["ar"]),
    ("isteis", &["er", "ir"]),
    ("aré", &["ar"]),
    ("ará", &["ar"]),
    ("arán", &["ar"]),
    ("aría", &["ar"]),
    ("arían", &["ar"]),
    ("eré", &["er"]),
    ("erá", &["er"]),
    ("erán", &["er"]),
    ("ería", &["er"]),
    ("iré", &["ir"]),
    ("irá", &["ir"]),
    ("irán", &["ir"]),
    ("iría", &["ir"]),
    ("ía", &["er", "ir"]),
    ("ían", &["er", "ir"]),
    ("ad", &["ar"]),
    ("ed", &["er"]),
    ("id", &["ir"]),
];

/// French endings of -er verbs that the table in [`stems`] leaves out: the
/// imperfect ("détestait"), the future and the conditional ("adorerais"),
/// the first and second persons plural and the present participle.
const FRENCH_TENSES: [(&str, &[&str]); 16] = [
    ("ais", &["er"]),
    ("ait", &["er"]),
    ("aient", &["er"]),
    ("ons", &["er"]),
    ("ez", &["er"]),
    ("ant", &["er"]),
    ("erai", &["er"]),
    ("erais", &["er"]),
    ("erait", &["er"]),
    ("eraient", &["er"]),
    ("eras", &["er"]),
    ("era", &["er"]),
    ("erons", &["er"]),
    ("erez", &["er"]),
    ("eront", &["er"]),
    ("erions", &["er"]),
];

/// Tries the candidate dictionary forms of an inflected word, most likely
/// first, until `found` accepts one:
/// plurals (`-s`, `-x`, `-es`, Spanish `-ces` of `-z`), feminines (`-e`, `-a`, `-lle`, `-euse`,
/// `-ive`, `-ora`), verbs in `-e` ("adore", "protège", "preocupe"), past
/// participles and gerunds (`-ed`, `-ing`, `-ée`), third persons plural
/// (`-ent`), adverbs (`-ly`, `-mente`, and `-ment` as in "tristement",
/// "violemment", "généreusement"), Spanish superlatives and
/// diminutives (`-ísimo`, `-ito`, `-ico`, `-illo`, and `-cito`, `-ecito`,
/// `-quito`, `-guito`, `-íto`, which change the word's end) and verb forms (`-o`,
/// `-a`, `-an`, `-ado`, `-ido`, `-ando`, `-iendo`, `-ó`, `-ió`, `-é`, `-í`,
/// `-aba`, `-amos`, and the [`SPANISH_TENSES`]), French tenses of -er verbs
/// ([`FRENCH_TENSES`]), English doubled consonants ("saddest", "sobbing")
/// and Spanish pronouns fastened to an infinitive, a gerund or an
/// imperative ("odiarte", "odiándome", "devolvedme"). Used only when the
/// word itself is not in the lexicon.
/// Returns whether one was accepted.
/// `buffer` holds the candidates, so that trying them allocates nothing once
/// it has grown.
pub(crate) fn stems(word: &str, buffer: &mut String, mut found: impl FnMut(&str) -> bool) -> bool {
    let mut attempt = |stem: &str, ending: &str| -> bool {
        buffer.clear();
        buffer.push_str(stem);
        buffer.push_str(ending);
        (buffer.len() >= 3 && (buffer.is_ascii() || buffer.chars().count() >= 3)) && found(buffer)
    };
    let strip = |suffix: &str| word.strip_suffix(suffix);
    // Spanish pronouns fastened to an infinitive, a gerund or an imperative
    // of "vosotros": "odiarte", "quererte", "odiándome", "devolvedme".
    for clitic in CLITICS {
        let Some(rest) = strip(clitic) else { continue };
        if (rest.ends_with("ar") || rest.ends_with("er") || rest.ends_with("ir"))
            && attempt(rest, "")
        {
            return true;
        }
        if (rest.ends_with("ad") || rest.ends_with("ed") || rest.ends_with("id"))
            && attempt(&rest[..rest.len() - 1], "r")
        {
            return true;
        }
        if let Some(s) = rest
            .strip_suffix("ándo")
            .or_else(|| rest.strip_suffix("ando"))
        {
            if attempt(s, "ar") {
                return true;
            }
        }
        if let Some(s) = rest
            .strip_suffix("iéndo")
            .or_else(|| rest.strip_suffix("iendo"))
        {
            if attempt(s, "er") || attempt(s, "ir") {
                return true;
            }
        }
    }
    // Plurals first: "déçues" -> "déçue" -> "déçu".
    let singular = strip("s").or_else(|| strip("x")).unwrap_or(word);
    // A word that is not a plural is tried once.
    let bases: &[&str] = if singular == word {
        &[word]
    } else {
        &[singular, word]
    };
    for &base in bases {
        let cut = |suffix: &str| base.strip_suffix(suffix);
        if base != word && attempt(base, "") {
            return true;
        }
        if let Some(s) = cut("lle").or_else(|| cut("nne")).or_else(|| cut("tte")) {
            if attempt(s, &base[s.len()..s.len() + 1]) {
                return true;
            }
        }
        let rules: [(&str, &[&str]); 59] = [
            ("iest", &["y"]),
            ("est", &["", "e"]),
            ("ier", &["y"]),
            ("er", &["", "e"]),
            ("euse", &["eux"]),
            ("ive", &["if"]),
            // A feminine ("déçue"), or a verb in -e whose infinitive is
            // the entry ("protège", "preocupe").
            ("e", &["", "ar", "er", "ir"]),
            ("a", &["o", "ar"]),
            ("ent", &["e", "er"]),
            ("ée", &["é", "er", "e"]),
            ("é", &["é", "er", "e"]),
            ("es", &[""]),
            ("ied", &["y"]),
            ("ies", &["y"]),
            ("ed", &["", "e"]),
            ("d", &[""]),
            ("ing", &["", "e"]),
            ("ly", &["", "le"]),
            ("ement", &["", "e"]),
            // French plurals in -aux of adjectives in -al ("géniaux",
            // "illégaux"), whose "x" is off already.
            ("au", &["al"]),
            // French adverbs whose adjective changes its ending:
            // "violemment", "brillamment", "généreusement", "agressivement",
            // "cruellement", "joliment", "gentiment", "assurément".
            ("emment", &["ent"]),
            ("amment", &["ant"]),
            ("eusement", &["eux"]),
            ("ivement", &["if"]),
            ("ellement", &["el"]),
            ("iment", &["i", "il"]),
            ("ément", &["é"]),
            // Spanish feminines in -ora ("ganadora"), superlatives and
            // diminutives ("buenísima", "regalito", "preciosita"; of
            // "amable" and "feliz", "amabilísima" and "felicísimo") and
            // the participles and gerunds of -er and -ir verbs ("dormido",
            // "sufriendo").
            ("ora", &["or"]),
            // Spanish plurals of adjectives in -z, whose "s" is off
            // already: "eficaces", "incapaces", "atroces".
            ("ce", &["z"]),
            ("bilísimo", &["ble"]),
            ("bilísima", &["ble"]),
            ("bilisimo", &["ble"]),
            ("bilisima", &["ble"]),
            ("císimo", &["z"]),
            ("císima", &["z"]),
            ("ísimo", &["o"]),
            ("ísima", &["a", "o"]),
            ("isimo", &["o"]),
            ("isima", &["a", "o"]),
            ("ito", &["o"]),
            ("ita", &["a", "o"]),
            ("ico", &["o"]),
            ("ica", &["a", "o"]),
            ("illo", &["o"]),
            ("illa", &["a", "o"]),
            ("ido", &["er", "ir"]),
            ("ida", &["ido", "er", "ir"]),
            ("iendo", &["er", "ir"]),
            // Spanish verb endings: present ("odio", "mata", "matan"),
            // simple past ("rompió", "odié", "perdí", "rompieron"),
            // imperfect ("bailaba") and first person plural.
            ("o", &["ar", "er", "ir"]),
            ("an", &["ar"]),
            ("ió", &["er", "ir"]),
            ("ieron", &["er", "ir"]),
            ("é", &["ar"]),
            ("í", &["er", "ir"]),
            ("aba", &["ar"]),
            ("aban", &["ar"]),
            ("amos", &["ar"]),
            // "-emos" is also the subjunctive of -ar verbs: "disfrutemos".
            ("emos", &["er", "ar"]),
            ("imos", &["ir"]),
        ];
        // Most rules end in another letter than the word: compare last
        // bytes before whole suffixes.
        let last = base.as_bytes().last().copied();
        for (suffix, endings) in rules {
            if suffix.as_bytes().last().copied() != last {
                continue;
            }
            if let Some(s) = cut(suffix) {
                if endings.iter().any(|e| attempt(s, e)) {
                    return true;
                }
            }
        }
        // Diminutives and superlatives that change the word's end, tried
        // only on a word that ends like one (see [`changes_its_stem`]).
        if changes_its_stem(base) {
            for (suffix, endings) in STEM_CHANGES {
                if let Some(s) = cut(suffix) {
                    if endings.iter().any(|e| attempt(s, e)) {
                        return true;
                    }
                }
            }
        }
        // English doubles a final consonant before these endings: "saddest",
        // "sobbing", "kidnapped", "upsetting", and British English an "l":
        // "cancelling", "travelled".
        for suffix in ["est", "er", "ed", "ing"] {
            if let Some(s) = cut(suffix) {
                let b = s.as_bytes();
                if let [.., x, y] = b {
                    if x == y && b"bdglmpt".contains(x) && attempt(&s[..s.len() - 1], "") {
                        return true;
                    }
                }
            }
        }
        // Spanish and French tenses the table above leaves out. The stem
        // keeps three letters, so that "waste" is not a form of "war".
        // (Spanish presents in -en were tried: they read the French "chien"
        // as a form of "chier". The Spanish verbs' forms in -en are written
        // out instead: see `Lexicon::with_plural_verb_forms`.)
        for (suffix, endings) in SPANISH_TENSES.iter().chain(&FRENCH_TENSES) {
            if suffix.as_bytes().last().copied() != last {
                continue;
            }
            if let Some(s) = cut(suffix).filter(|s| s.chars().count() >= 3) {
                if endings.iter().any(|e| attempt(s, e)) {
                    return true;
                }
            }
        }
        if let Some(s) = cut("mente") {
            if attempt(s, "") || attempt(s, "o") {
                return true;
            }
        }
        if let Some(s) = cut("aron")
            .or_else(|| cut("ando"))
            .or_else(|| cut("ado"))
            .or_else(|| cut("ó"))
        {
            if attempt(s, "ar") || attempt(s, "a") {
                return true;
            }
        }
    }
    false
}

/// The first four characters of a word.
pub(crate) fn prefix(word: &str) -> &str {
    match word.char_indices().nth(4) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Removes accents from Latin letters, keeping `ñ`.
pub(crate) fn fold_accents(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_accents_into(s, &mut out);
    out
}

/// [`fold_accents`] into a buffer the caller reuses (cleared first).
pub(crate) fn fold_accents_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            '’' => out.push('\''),
            c => out.push(c),
        }
    }
}

const ENGLISH_FILE: &str = include_str!("lexicon/en.txt");
const FRENCH_FILE: &str = include_str!("lexicon/fr.txt");
const SPANISH_FILE: &str = include_str!("lexicon/es.txt");
const EMOJI_FILE: &str = include_str!("lexicon/emoji.txt");

static ENGLISH: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(ENGLISH_FILE).with_bare_contractions());
static FRENCH: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(FRENCH_FILE)
        .with_phrase_forms(french_agreement)
        .with_agreeing_failures(french_agreement)
});
static SPANISH: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(SPANISH_FILE)
        .with_plural_verb_forms()
        .with_phrase_forms(spanish_forms)
        .with_agreeing_failures(spanish_agreement)
});
static EMOJI: LazyLock<FxHashMap<char, f64>> = LazyLock::new(|| {
    EMOJI_FILE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let (e, v) = l.split_once('\t')?;
            Some((e.chars().next()?, v.trim().parse().ok()?))
        })
        .collect()
});

/// An English key as typed without apostrophes, if it has one to drop:
/// the negation the tokenizer splits off its verb joins it again ("ca n't
/// wait" is "cant wait", "still have n't" is "still havent"), and the
/// apostrophe of "i'm", "you're", "that's"... goes. Not where dropping it
/// makes another word ("we'll" is not "well", "it's" is not "its": see
/// [`KEPT_APOSTROPHES`]).
fn without_apostrophes(key: &str) -> Option<String> {
    if !key.contains('\'') {
        return None;
    }
    let bare = key.replace(" n't", "nt");
    let bare: Vec<String> = bare
        .split(' ')
        .map(|word| match KEPT_APOSTROPHES.contains(&word) {
            true => word.to_owned(),
            false => word.replace('\'', ""),
        })
        .collect();
    let bare = bare.join(" ");
    (bare != key).then_some(bare)
}

/// English contractions that are another word without their apostrophe.
const KEPT_APOSTROPHES: [&str; 12] = [
    "i'll", "we'll", "he'll", "she'll", "we're", "it's", "i'd", "we'd", "he'd", "she'd", "let's",
    "who're",
];

/// A French word with the forms it takes in agreement: past participles and
/// adjectives in -é, -i, -u take -e, -s, -es ("facturé", "facturées",
/// "reçue", "servis").
fn french_agreement(word: &str) -> Vec<String> {
    let agrees = word.chars().count() >= 3
        && word.ends_with(['é', 'i', 'u'])
        && word.chars().all(char::is_alphabetic);
    let mut forms = vec![word.to_owned()];
    if agrees {
        forms.extend(["e", "s", "es"].map(|end| format!("{word}{end}")));
    }
    forms
}

/// A Spanish word with the forms it takes in agreement: past participles
/// and adjectives in -ado, -ido, -oso take -a, -os, -as ("cobrada",
/// "dañados", "defectuosas"). A participle after "haber" does not agree;
/// its extra forms then match nothing.
fn spanish_agreement(word: &str) -> Vec<String> {
    let mut forms = vec![word.to_owned()];
    if let Some(stem) = ["ado", "ido", "oso"]
        .iter()
        .find_map(|end| word.strip_suffix(end).map(|s| (s, &end[..2])))
        .filter(|(stem, _)| stem.chars().count() >= 2)
    {
        let (stem, root) = stem;
        forms.extend(["a", "os", "as"].map(|end| format!("{stem}{root}{end}")));
    }
    forms
}

/// A Spanish word of a phrase with the forms it takes there: those of
/// agreement (see [`spanish_agreement`]), and for a preterite of the third
/// person plural, the present perfect that tells the same past in Spain
/// ("me colgaron", "me han colgado", "me ha colgado", "me habéis
/// colgado"). The participle is made regularly (-aron to -ado, -ieron to
/// -ido): that of a verb with an irregular one ("rompieron", "roto") is a
/// form nobody writes, and matches nothing.
fn spanish_forms(word: &str) -> Vec<String> {
    let mut forms = spanish_agreement(word);
    let participle = [("aron", "ado"), ("ieron", "ido")]
        .iter()
        .find_map(|(preterite, done)| {
            word.strip_suffix(preterite)
                .filter(|stem| stem.chars().count() >= 2)
                .map(|stem| format!("{stem}{done}"))
        });
    if let Some(participle) = participle {
        forms.extend(["han", "ha", "habéis"].map(|auxiliary| format!("{auxiliary} {participle}")));
    }
    forms
}

/// The built-in lexicon of a language the crate knows.
pub(crate) fn builtin(language: Language) -> Option<&'static Lexicon> {
    match language {
        Language::ENGLISH => Some(&ENGLISH),
        Language::FRENCH => Some(&FRENCH),
        Language::SPANISH => Some(&SPANISH),
        _ => None,
    }
}

/// The three built-in lexicons, in the order tried when the language is
/// unknown.
pub(crate) fn all() -> [(Language, &'static Lexicon); 3] {
    [
        (Language::ENGLISH, &ENGLISH),
        (Language::FRENCH, &FRENCH),
        (Language::SPANISH, &SPANISH),
    ]
}

/// The valence of an emoji, looked up by its first code point (skin tones,
/// variation selectors and joined parts do not change it).
pub(crate) fn emoji(token: &str) -> Option<f64> {
    let base = token.chars().find(|&c| super::tokenize::is_pictograph(c))?;
    EMOJI.get(&base).copied()
}

/// Every built-in file, for the tests that check them.
#[cfg(test)]
pub(crate) const FILES: [(&str, &str); 3] = [
    ("en", ENGLISH_FILE),
    ("fr", FRENCH_FILE),
    ("es", SPANISH_FILE),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_every_file_parses() {
        for (name, text) in FILES {
            let mut section = "";
            for (n, line) in text.lines().enumerate() {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if line.starts_with('[') {
                    section = line;
                    continue;
                }
                if section == "[shorthand]" {
                    let (short, word) = line
                        .split_once('\t')
                        .unwrap_or_else(|| panic!("{name}:{}: no tab: {line:?}", n + 1));
                    assert!(
                        short.len() <= Shorthand::LONGEST && short.is_ascii(),
                        "{name}:{}: shorthand of at most {} ASCII bytes",
                        n + 1,
                        Shorthand::LONGEST
                    );
                    for w in [short, word] {
                        assert!(
                            !w.is_empty() && !w.contains(' ') && w == w.to_lowercase(),
                            "{name}:{}: one lowercase word a side: {line:?}",
                            n + 1
                        );
                    }
                }
                if section == "[conjugations]" {
                    let (verb, model) = line
                        .split_once('\t')
                        .unwrap_or_else(|| panic!("{name}:{}: no tab: {line:?}", n + 1));
                    assert!(
                        super::super::conjugation::forms(verb, model)
                            .is_some_and(|forms| !forms.is_empty()),
                        "{name}:{}: {verb} is not conjugated like {model}",
                        n + 1
                    );
                    let valence = text
                        .lines()
                        .take_while(|l| !l.starts_with('[') || *l == "[words]")
                        .any(|l| l.strip_prefix(verb).is_some_and(|v| v.starts_with('\t')));
                    assert!(valence, "{name}:{}: {verb} is no key of [words]", n + 1);
                }
                if matches!(section, "[words]" | "[boosters]") {
                    let (k, v) = line
                        .split_once('\t')
                        .unwrap_or_else(|| panic!("{name}:{}: no tab: {line:?}", n + 1));
                    let v: f64 = v
                        .trim()
                        .parse()
                        .unwrap_or_else(|_| panic!("{name}:{}: {line:?}", n + 1));
                    assert!((-4.0..=4.0).contains(&v), "{name}:{}: {v}", n + 1);
                    assert_eq!(k, k.trim(), "{name}:{}", n + 1);
                    assert_eq!(k, k.to_lowercase(), "{name}:{}: keys are lowercase", n + 1);
                }
            }
        }
        for line in EMOJI_FILE.lines().filter(|l| !l.starts_with('#')) {
            let (e, v) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("emoji: {line:?}"));
            assert!(
                e.chars()
                    .next()
                    .is_some_and(super::super::tokenize::is_pictograph),
                "{e}"
            );
            assert!(v.parse::<f64>().is_ok(), "{line}");
        }
    }

    #[test]
    fn failure_words_agree_and_are_found_without_accents() {
        for word in ["arrivé", "arrivée", "arrivees", "remboursés", "repare"] {
            assert!(FRENCH.failures.contains(word), "{word}");
        }
        for word in ["arreglado", "arreglada", "arreglados", "funciono"] {
            assert!(SPANISH.failures.contains(word), "{word}");
        }
        assert!(ENGLISH.failures.contains("refunded"));
        // Not the verbs said of people as much as of a service.
        assert!(!ENGLISH.failures.contains("come"));
        assert!(!SPANISH.failures.contains("vino"));
    }

    /// The keys a section marks as `mark` says.
    fn marked(lexicon: &Lexicon, mark: fn(&Marks) -> bool) -> Vec<&String> {
        lexicon
            .marked
            .iter()
            .filter(|(_, m)| mark(m))
            .map(|(key, _)| key)
            .collect()
    }

    /// The sections that mark keys of `[words]` say how much those weigh:
    /// a call for a senior agent (`[escalation]`) and sarcasm that opens
    /// its clause (`[openers]`) are complaints; a status of `[pending]` and
    /// a request for news of `[chases]` weigh nothing or little on their own
    /// (a status is news, and asking for news a question, until time has
    /// gone by); the nouns of `[things]` weigh nothing at all. Each is
    /// found only as a key, with its mark.
    #[test]
    fn every_marked_key_weighs_as_its_section_says() {
        type Section = (&'static str, fn(&Marks) -> bool, usize, fn(f64) -> bool);
        let sections: [Section; 6] = [
            ("escalation", |m| m.escalates, 1, |v| v < 0.0),
            ("reproaches", |m| m.reproach, 5, |v| v < 0.0),
            ("openers", |m| m.opener, 0, |v| v < 0.0),
            ("pending", |m| m.pending, 10, |v| v > -2.0 && v <= 0.0),
            ("chases", |m| m.chase, 2, |v| v > -2.0 && v <= 0.0),
            ("things", |m| m.thing, 4, |v| v == 0.0),
        ];
        for (language, lexicon) in all() {
            for (name, mark, fewest, weighs) in sections {
                let keys = marked(lexicon, mark);
                assert!(keys.len() >= fewest, "{language}: [{name}]");
                for key in keys {
                    let entry = lexicon.entries.get(key).and_then(|w| w.entry);
                    assert!(
                        matches!(entry, Some((Entry::Valence(v), m)) if weighs(v) && mark(&m)),
                        "{language}: [{name}] {key:?} is not a key of [words] as it says: {entry:?}"
                    );
                }
            }
        }
        assert_eq!(marked(&ENGLISH, |m| m.opener).len(), 2);
    }

    #[test]
    fn the_uncounted_words_are_the_auxiliaries_and_the_clitics() {
        for ((name, text), (_, lexicon)) in FILES.iter().zip(all()) {
            let auxiliaries = text
                .lines()
                .skip_while(|line| *line != "[auxiliaries]")
                .skip(1)
                .take_while(|line| !line.starts_with('['))
                .filter(|line| !line.is_empty() && !line.starts_with('#'))
                .map(|line| line.trim().to_lowercase());
            let union: FxHashSet<String> =
                lexicon.clitics.iter().cloned().chain(auxiliaries).collect();
            assert_eq!(lexicon.uncounted, union, "{name}");
        }
    }

    #[test]
    fn no_key_is_written_twice_in_a_section() {
        for (name, text) in FILES {
            let mut seen = std::collections::HashSet::new();
            for line in text.lines() {
                if line.starts_with('[') {
                    seen.clear();
                } else if !line.is_empty() && !line.starts_with('#') {
                    // As the tokenizer reads it: "ras-le-bol" is "ras le bol".
                    let key = line.split('\t').next().unwrap_or(line);
                    let words = super::super::tokenize::key_words(key);
                    assert!(seen.insert(words), "{name}: `{key}` twice");
                }
            }
        }
    }

    /// A Spanish phrase told in the preterite is also found in the present
    /// perfect, with its own entry; an irregular participle made
    /// regularly is no key that could be met by chance.
    #[test]
    fn spanish_preterite_phrases_are_found_in_the_present_perfect() {
        let entry = |key: &str| SPANISH.entries.get(key).and_then(|w| w.entry).map(|e| e.0);
        for (preterite, perfect) in [
            ("me colgaron", "me han colgado"),
            ("me colgaron", "me ha colgado"),
            ("me colgaron", "me habeis colgado"),
            ("llegaron tarde", "han llegado tarde"),
            ("me prometieron", "me han prometido"),
            ("como me prometieron", "como me ha prometido"),
        ] {
            assert!(entry(preterite).is_some(), "{preterite}");
            assert_eq!(entry(perfect), entry(preterite), "{perfect}");
        }
        assert_eq!(
            spanish_forms("rompieron"),
            ["rompieron", "han rompido", "ha rompido", "habéis rompido"]
        );
        assert_eq!(
            spanish_forms("cobrado"),
            ["cobrado", "cobrada", "cobrados", "cobradas"]
        );
        assert_eq!(spanish_forms("aron"), ["aron"]);
    }

    /// An English phrase typed without its apostrophes is a key with the
    /// same entry and marks; a contraction that would become another word
    /// keeps its apostrophe.
    #[test]
    fn english_phrases_are_found_without_their_apostrophes() {
        let entry = |key: &str| ENGLISH.entries.get(key).and_then(|w| w.entry);
        for (written, bare) in [
            ("ca n't wait", "cant wait"),
            ("still have n't", "still havent"),
            ("i'm done with", "im done with"),
            ("i'm switching to", "im switching to"),
        ] {
            assert!(entry(written).is_some(), "{written}");
            assert_eq!(entry(bare), entry(written), "{bare}");
        }
        assert!(entry("im switching to").is_some_and(|(_, m)| m.escalates));
        assert_eq!(without_apostrophes("we'll see"), None);
        assert_eq!(without_apostrophes("it's broken"), None);
        assert_eq!(
            without_apostrophes("do n't bother").as_deref(),
            Some("dont bother")
        );
    }

    /// Chat shorthand stands for a word, and is no key of its own (a key
    /// would never be read).
    #[test]
    fn shorthand_is_no_key_of_its_own() {
        for (language, lexicon) in all() {
            assert!(!lexicon.shorthand.is_empty(), "{language}");
            for (short, word) in lexicon.shorthand.iter() {
                assert_eq!(lexicon.shorthand.get(short.as_bytes()), Some(word));
                let entry = lexicon.entries.get(short).and_then(|w| w.entry);
                assert!(entry.is_none(), "{language}: {short} is a key");
                assert_ne!(short, word);
            }
        }
        assert_eq!(FRENCH.shorthand.get(b"tjrs"), Some("toujours"));
        assert_eq!(SPANISH.shorthand.get(b"x"), Some("por"));
        assert_eq!(ENGLISH.shorthand.get(b"x"), None);
        assert_eq!(ENGLISH.shorthand.get(b"the"), None);
    }

    /// Whether the suffix rules take `word` to `target`.
    fn reaches(word: &str, target: &str) -> bool {
        let mut buffer = String::new();
        stems(word, &mut buffer, |candidate| candidate == target)
    }

    #[test]
    fn spanish_and_french_inflections_find_their_word() {
        for (word, target) in [
            ("buenísimas", "buena"),
            ("géniaux", "génial"),
            ("illégaux", "illégal"),
            ("amabilísima", "amable"),
            ("agradabilisimo", "agradable"),
            ("felicísimo", "feliz"),
            // Plurals of adjectives in -z.
            ("eficaces", "eficaz"),
            ("incapaces", "incapaz"),
            ("atroces", "atroz"),
            ("lentisimo", "lento"),
            ("cosillas", "cosa"),
            ("casita", "casa"),
            ("joyica", "joya"),
            ("regalito", "regalo"),
            // Diminutives that change the word's end.
            ("pobrecito", "pobre"),
            ("florecita", "flor"),
            ("corazoncito", "corazon"),
            ("amorcito", "amor"),
            ("poquito", "poco"),
            ("fresquita", "fresca"),
            ("amiguitos", "amigo"),
            ("feíto", "feo"),
            // Superlatives that change the word's end, or of an adjective
            // that ends in a consonant.
            ("feísimo", "feo"),
            ("poquísimas", "poca"),
            ("simpatiquísimo", "simpatico"),
            ("larguísima", "larga"),
            ("facilísimo", "facil"),
            ("utilísimas", "util"),
            ("dormido", "dormir"),
            ("sufridas", "sufrir"),
            ("perdiendo", "perder"),
            ("angustio", "angustiar"),
            ("matan", "matar"),
            ("rompió", "romper"),
            ("odié", "odiar"),
            ("perdí", "perder"),
            ("gustaba", "gustar"),
            ("descansamos", "descansar"),
            ("preocupe", "preocupar"),
            ("déteste", "détester"),
            ("ganadora", "ganador"),
            // Pronouns fastened to an infinitive or a gerund.
            ("odiarte", "odiar"),
            ("odiándome", "odiar"),
            ("sufriéndolo", "sufrir"),
            // The imperative of "vosotros", alone and with a pronoun.
            ("cancelad", "cancelar"),
            ("devolved", "devolver"),
            ("devolvedme", "devolver"),
            ("pedidnos", "pedir"),
            // The present of "vosotros" and its subjunctive.
            ("engañáis", "engañar"),
            ("perdéis", "perder"),
            ("perdáis", "perder"),
            ("decepcionéis", "decepcionar"),
            // Tenses and the feminine participle.
            ("odiada", "odiar"),
            ("odiaste", "odiar"),
            ("cobrasteis", "cobrar"),
            ("perdisteis", "perder"),
            ("odiaré", "odiar"),
            ("sufriría", "sufrir"),
            ("sufría", "sufrir"),
            // French tenses of -er verbs.
            ("détestait", "détester"),
            ("adorerais", "adorer"),
            ("critiquant", "critiquer"),
            ("détestons", "détester"),
            // French adverbs whose adjective changes its ending.
            ("violemment", "violent"),
            ("brillamment", "brillant"),
            ("généreusement", "généreux"),
            ("agressivement", "agressif"),
            ("cruellement", "cruel"),
            ("joliment", "joli"),
            ("gentiment", "gentil"),
            ("assurément", "assuré"),
        ] {
            assert!(reaches(word, target), "{word} -> {target}");
        }
        // Only the suffix goes: no stem shorter than three letters.
        assert!(!reaches("ido", "er"));
        assert!(!reaches("waste", "war"));
        // A dog is not a verb.
        assert!(!reaches("chien", "chier"));
    }

    /// Keys of three letters or fewer are out of the inflection rules'
    /// reach (a form must keep its key's first four letters: "made" is not
    /// "mad"), so their regular forms are written out, with the key's
    /// weight. Not "wars": "Star Wars" is a film.
    #[test]
    fn short_keys_have_their_forms_written_out() {
        let valence = |language: Language, key: &str| match builtin(language)
            .and_then(|l| l.entries.get(key))
            .and_then(|w| w.entry)
        {
            Some((Entry::Valence(v), _)) => Some(v),
            _ => None,
        };
        for (language, key, forms) in [
            (Language::FRENCH, "bon", &["bons"][..]),
            (Language::FRENCH, "fou", &["fous"]),
            (Language::FRENCH, "dur", &["durs", "dure", "dures"]),
            (Language::FRENCH, "ami", &["amie", "amies"]),
            (Language::FRENCH, "tué", &["tuée", "tués", "tuées"]),
            (Language::FRENCH, "usé", &["usée", "usés", "usées"]),
            (Language::FRENCH, "ému", &["émue", "émus", "émues"]),
            (Language::FRENCH, "nul", &["nulle", "nuls", "nulles"]),
            (Language::SPANISH, "feo", &["feos"]),
            (Language::SPANISH, "fea", &["feas"]),
            (Language::SPANISH, "roto", &["rota", "rotas"]),
            (Language::SPANISH, "frío", &["fría", "frías"]),
            (Language::SPANISH, "sano", &["sana", "sanas"]),
            (Language::ENGLISH, "cry", &["cries", "cried"]),
            (Language::ENGLISH, "gem", &["gems"]),
            (Language::ENGLISH, "hug", &["hugged", "hugging"]),
            (Language::ENGLISH, "sob", &["sobs", "sobbed", "sobbing"]),
            (Language::ENGLISH, "joy", &["joys"]),
            (Language::ENGLISH, "woe", &["woes"]),
        ] {
            let weight = valence(language, key);
            assert!(weight.is_some(), "{language}: {key}");
            for form in forms {
                assert_eq!(valence(language, form), weight, "{language}: {form}");
            }
        }
    }

    #[test]
    fn english_doubled_consonants_find_their_word() {
        for (word, target) in [
            ("saddest", "sad"),
            ("sadder", "sad"),
            ("sobbing", "sob"),
            ("kidnapped", "kidnap"),
            ("upsetting", "upset"),
            ("robbed", "rob"),
            ("cancelling", "cancel"),
        ] {
            assert!(reaches(word, target), "{word} -> {target}");
        }
        // Not every doubled letter: French "-nner" and "-sser" verbs keep
        // theirs ("donner" is not "don", "passer" is not "pas").
        assert!(!reaches("donner", "don"));
        assert!(!reaches("passer", "pas"));
    }

    #[test]
    fn accents_are_optional_in_lookups() {
        assert_eq!(fold_accents("déçu"), "decu");
        assert_eq!(fold_accents("año"), "año");
        assert!(FRENCH.entries.contains_key("decu"));
        assert!(FRENCH.entries.contains_key("déçu"));
    }

    #[test]
    fn a_ligature_does_not_hide_a_words_inflections() {
        // "œ" folds to two letters: the word's prefix is cut after
        // folding, as the keys' are.
        let find = |k: &str| FRENCH.entries.get(k).and_then(|w| w.entry);
        let could_start = |p: &str| FRENCH.prefixes.contains(p);
        let (mut folded, mut stem) = (String::new(), String::new());
        for word in ["écœurante", "écœurantes", "écoeurante"] {
            let hit = inflected(word, &mut folded, &mut stem, find, could_start);
            assert!(
                matches!(hit, Some((Entry::Valence(v), _)) if v < 0.0),
                "{word}"
            );
        }
    }
}
