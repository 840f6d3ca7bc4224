//! Sentiment of short social texts in French, English and Spanish, with
//! the reasons for every score.
//!
//! A lexicon-and-rules scorer in the spirit of VADER (Hutto & Gilbert,
//! ICWSM 2014), with the crate's own lexicons and rules for social text in
//! three languages: emoji (skin tones, ZWJ sequences and flags included) and
//! emoticons, hashtags split on case (and out of reach of a negation past
//! the word right before them: "3 days without TV #fail" is no denied
//! failure), elongations ("nuuuul"), capitals,
//! repeated punctuation, missing accents, verbs whose stem changes read
//! in every form ("ils mentent", "ça me déçoit", "me mintieron", "destruye":
//! a `[conjugations]` section of the French and Spanish lexicons names the
//! model each is conjugated like), missing apostrophes ("dont",
//! "still havent"), chat shorthand read as the word it stands for in its
//! language ("tjrs", "pk", "x", "q", "r u": a `[shorthand]` section of each
//! lexicon), French elision and "ne ... pas"
//! (one negation, even with a verb between), negation in each language,
//! "like" that weighs only as the verb of its subject ("I like it", not
//! "looks like rain" nor "I'd like a refund"),
//! "peu" and "poco" that deny the word after them or after its "de" ("peu
//! aimable", "poco útil", "peu de professionnalisme"; "un peu", "un poco"
//! soften), and so do "very little" and "so few" ("very little
//! professionalism", "very few problems"),
//! "never so" that stresses rather than negates ("jamais été aussi
//! heureux"), and so does what cannot be done enough or better ("can't
//! thank you enough", "couldn't be more pleased", "no puede ser peor"),
//! the French "ne ... que" that says "only" ("on ne peut que
//! recommander"), a negation carried over by "think" ("I don't think it is
//! good", "je ne pense pas que", "no creo que") or through auxiliaries
//! ("personne n'a été capable de m'aider") but not into the next clause
//! ("si vous ne me remboursez pas je porte plainte", "si no lo solucionan
//! me doy de baja"), a complaining phrase that ends with its negation
//! and denies what follows ("still not happy", "toujours pas content",
//! "todavía no me lo han solucionado"),
//! intensifiers and softeners, contrast ("mais",
//! "but", "pero": what follows weighs more; "yet" only where it opens a
//! clause, not in "no reply yet"), concession ("although", "bien que",
//! "aunque": the clause it opens weighs less, and a complaint conceded
//! turns no praise into irony), irony markers ("bravo 👏" after
//! a complaint, a laugh or a thumbs-up after one or after something missing:
//! "colis encore perdu 😂", "otra vez sin pedido 😂", a laugh that opens
//! one: "lol still no answer", "mdr toujours pas de réponse",
//! "merci pour rien", praise that opens a message on its own, or names
//! the service or the job, before a failure: "Perfect, the update deleted
//! all my photos", "Great service, waited two hours" (praise of a thing is
//! a mixed review: "Great food, slow service"), or
//! before the same again: "Génial, encore une mise à jour", praise
//! aimed at a failure: "thanks for losing my order", love of how it went
//! wrong: "Love how my order got cancelled", "me encanta que me vuelvan a
//! cancelar la cita", praise in a question of who had the idea: "Who
//! thought this was a good idea?", "¿A quién se le ocurrió?"), a
//! problem said to be solved, which no longer complains ("merci d'avoir
//! réparé la panne", "gracias por resolver mi problema", "they fixed my
//! broken laptop"; "they didn't fix the issue" still does) and so does a
//! parcel lost then found ("le colis
//! perdu est enfin arrivé") or a refund received ("my refund came
//! through"; one that has not come is a failure, however said: "I didn't
//! get a refund", "toujours pas de remboursement"), "why" questions about a failure, which reproach rather than
//! ask ("why was I charged twice?", "it crashed again, why?", and "how
//! could you", "comment avez-vous pu", "cómo es posible"), and so do
//! questions that draw a consequence ("So I'm supposed to pay for it
//! myself?", "¿O sea que lo tengo que pagar yo?"), how-to
//! questions, whose task is no grievance ("how do I cancel my
//! subscription?", "comment obtenir un remboursement ?", "¿cómo cancelo mi
//! suscripción?"; a failure told before one still complains), a request
//! to cancel or be refunded, which a negation does not turn into praise
//! ("I can't cancel", "je ne peux pas résilier", "no me dejan darme de
//! baja" complain; "I don't want to cancel", "n'annulez pas" say nothing),
//! polite formulas in the negative, which deny nothing ("n'hésitez pas à me
//! recontacter", "I won't hesitate to recommend you"), care-desk
//! complaints that carry no negative word ("toujours pas reçu", "still
//! waiting", "me han cobrado dos veces", "where is my order?", "je veux
//! parler à un responsable", the wrong item received: "ordered a double,
//! got a single", "pedí uno azul y me llegó uno rojo"), a part of the
//! order ("I only received 2 of the 3 items", "reçu 4 articles sur 5",
//! "solo llegó la mitad del pedido") or without a part of it ("arrived
//! without the charger"), fewer received or more charged than
//! another amount ("received 2 instead of 3", "facturé 50 euros au lieu
//! de 30"), a parcel thrown or kicked ("the driver threw my parcel over
//! the fence", "le livreur a jeté mon colis", "el repartidor tiró el
//! paquete"), what the money did not bring ("I pay for premium and still
//! get ads", "pagué el envío urgente y aun así tardó una semana"), a long
//! wait told as what it was for ("three weeks for a refund", "dix jours
//! pour une réponse"), "finally" in a polite request ("I'd appreciate it
//! if someone could finally answer me"), what the customer had to do on
//! their own ("I had to book the engineer myself", "j'ai dû tout faire
//! moi-même"), an apology that never came ("not a single apology", "ni una
//! disculpa"), a choice regretted ("should have bought it elsewhere",
//! "j'aurais mieux fait de", "ojalá me hubieran avisado"; what could have
//! been worse is relief, no complaint), the
//! service denied its job, a failure whatever the verb weighs ("my order
//! hasn't arrived", "it's not fixed", "sigue sin funcionar", "l'appli ne
//! s'ouvre plus"), a status that should pass and lasts, a delay ("still
//! processing", "en préparation depuis 40 minutes", "lleva 12 días en
//! tránsito"; "your order is being prepared" is news), news asked for
//! after a while, a delay too ("Any update? It has been a week.", "Des
//! nouvelles ? Commande passée il y a 2 semaines."; "any update on my
//! order?" only asks), what a product
//! leaves out, which denies nothing ("sans gluten", "sin contacto",
//! "gluten-free"), a bad thing fought, lessened or ended, which is good
//! news, and the fight itself no conflict ("the fight against fraud",
//! "we are fighting fraud", "moins de bugs", "la fin de ce
//! cauchemar"), a wish for what is due, a reproach ("it would be lovely to
//! receive what I paid for"; "it would be nice if you could send me the
//! invoice" only asks), the customer's own wrong choice, no grievance ("I
//! ordered the wrong size", "pedí la talla equivocada"), luck wished for
//! getting what the service owes, a warning ("good luck getting a
//! refund"), a fix denied, which leaves the problem standing ("ne règle
//! pas le souci", "doesn't fix the bug", "no resuelve el problema"), a
//! liking hoped for in the past, which did not come ("I really wanted to
//! love this", "j'ai essayé d'apprécier", "esperaba disfrutar"), what was
//! supposed to be good ("the hotel was supposed to be luxurious"), praise
//! doubted ("supposedly the fastest", "soi-disant le meilleur"), thanks to
//! the cause of a failure ("Thanks to you I missed my flight"), the one
//! good thing named ("the only good thing is the case"), what one cannot
//! keep from, done gladly ("can't help but smile", "no pude evitar
//! sonreír"), a duty made light of, which was not done ("it's not that
//! hard to answer an email", "no es tan difícil contestar"), and
//! thanks that ask rather than thank ("merci de me rembourser", "je vous
//! serais reconnaissant de", "thanks in advance for", "les agradecería
//! que"), whose praise is what is wanted, and the formulas of an email
//! (a sign-off, "Kind regards", or one that wishes at the foot of a
//! complaint, "Best, Nora", "Un abrazo", "have a nice day"; thanks that
//! close a request or a question, "Please correct it. Thanks, Mark",
//! "Could you send me my invoice? Many thanks"), which say nothing. Besides its score, a text says
//! whether it complains anywhere ([`Sentiment::complaint`]) and whether it
//! calls for a senior agent: a manager asked for, a threat to leave, to go
//! to law, to a consumer body or to the public with a bad review, a harm
//! reported ([`Sentiment::escalates`]); thanks addressed to a manager
//! ("thanks to your manager", "merci à votre responsable") ask for nobody.
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
//! time linear in its length. Each thread keeps the buffers its last text
//! needed (tokens, lowercase forms, candidates), so scoring allocates
//! nothing once they have grown to the size of its texts (buffers grown by
//! a huge text are given back), and remembers what the words it met
//! resolve to in each language (16,384 slots, 1 MiB per language in use),
//! so a word seen before costs one hash and one comparison. The memory is
//! direct-mapped: words made to collide only evict each other. A built-in
//! lexicon is read on first use, and only the given language's is: scoring
//! 1,839 English tweets with the language given holds 5.2 MB resident for
//! the whole process, and 9.6 MB when each text's language is detected
//! (all three lexicons, and the detector's table of telling words;
//! `/usr/bin/time -v` on `examples/sentiment_eval`).
//!
//! # Measured
//!
//! Macro-F1 with the language given. "5-fold" pools the shared training
//! and validation splits and cuts them in five
//! (`cargo run --release --example sentiment_cv -- en-train.tsv en-val.tsv`):
//! the mean over the folds ± its standard deviation, with the shipped
//! thresholds. Choosing the label thresholds on four folds and scoring the
//! fifth does no better (0.631, 0.654, 0.619), so the thresholds are not
//! fitted to these texts beyond what the folds can tell. Nor do the
//! scorer's weights, chosen the same way from a grid (`--grid
//! negation=-0.5,-0.74,-1.0 --grid window=2,3,4 --grid
//! question=0.3,0.5,0.7`: 0.635, 0.654, 0.618; `--grid
//! capitals=0.4,0.733,1.0 --grid contrast=0.5:1.5,0.3:1.5,0.5:1.0,0.7:1.3`:
//! 0.635, 0.653, 0.625; VADER's tweets 0.726 and 0.731), so VADER's
//! published constants stay. The lexicons were
//! written while reading these tweets, though, so no split of them is
//! unseen: an independent check on held-out tweets of the same sources
//! measured 0.621, 0.570 and 0.603 (reported in issue #21), the figures to
//! expect; the French one was measured before 53 entries that name topics
//! rather than feelings ("renouvelable", "durable", "nouveau", "emploi")
//! left the French lexicon, which raised its 5-fold figure from 0.635 to
//! 0.648 (46 English and Spanish ones left later: "monday", "coffee",
//! "playa"; a wash on the folds). "Validation" is `sentiment_eval` then `score.py` on the
//! validation split, next to the lexicon tools measured on the same files:
//!
//! | corpus | 5-fold | validation | peer (validation) |
//! |---|---|---|---|
//! | UMSAB tweets, English (2,163) | 0.640 ± 0.032 | 0.648 | VADER 0.605 |
//! | UMSAB tweets, French (2,163) | 0.673 ± 0.031 | 0.676 | vaderSentiment-fr 0.521 |
//! | UMSAB tweets, Spanish (2,163) | 0.631 ± 0.029 | 0.643 | best Spanish lexicon package 0.487 |
//! | VADER's tweets (2,100) | 0.732 ± 0.020 | 0.731 | VADER 0.702 |
//!
//! The French 5-fold figure owes 0.009 to twelve verbs and adjectives of
//! harm and of strengthening ("aggraver", "pénaliser", "renforcer",
//! "lauréat") that first came to mind reading these tweets: without them it
//! is 0.664, the figure to take for unseen French tweets.
//!
//! VADER was built and tuned on its own tweets; on them this crate leads
//! by 0.029; at a lead of 0.028, the paired bootstrap (2,000 resamples of the
//! 2,100 tweets) put it at +0.004 to +0.052 (95 %): barely clear. A
//! fine-tuned XLM-R transformer reaches about 0.68 to 0.72 on the UMSAB
//! test split. Speed (`cargo bench --bench sentiment`): about 250,000
//! texts a second on one core with the language given, 260,000 on the
//! sample week's tweets; VADER does about 28,500 a second on the same
//! machine.

// The scorer's chapters, in the order a text goes through them:
// `tokenize` cuts it into words, `lang` settles its language, `scan` finds
// the words that weigh (in the `lexicon`), `rules` weighs each where it
// stands and adds the negations that negate nothing, `irony` turns praise
// that is not meant; all read the text through `reading`, and know the
// little words of `words`.
mod conjugation;
mod irony;
mod lang;
mod lexicon;
mod reading;
mod rules;
mod scan;
mod tokenize;
mod words;

use std::fmt;

use crate::explain::{Contribution, Explanation, Factor, Modifier};
use crate::model::Language;
use crate::{ErrorKind, Result};
use lexicon::{Entry, Lexicon};
use reading::{count_bangs_and_questions, Reading, Tok};
use rules::{Bare, Rules};
use scan::{Found, Lookups};
use tokenize::{push_lowercase, Kind};
use words::BARE_NEGATION_RULE;

pub use lang::{detect_language, LanguageGuess};

/// What the caller says of a text's language.
#[derive(Debug, Clone, Copy)]
enum Hint {
    /// This language.
    Given(Language),
    /// Detect it; when the text is unclear, `usual`, if known.
    Detect { usual: Option<Language> },
}

impl Hint {
    fn of(given: Option<Language>, usual: Option<Language>) -> Hint {
        match given {
            Some(l) => Hint::Given(l),
            None => Hint::Detect { usual },
        }
    }
}

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
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum LanguageSource {
    /// The caller gave it.
    Given,
    /// Detected from the text, with a confidence in `0..=1`.
    Detected {
        /// How sure the detector is.
        confidence: f64,
    },
    /// Not given, and the text did not say clearly: the writer's usual
    /// language, as the caller knows it
    /// ([`Analyzer::score_with_usual_language`]).
    Usual,
    /// Not given and not detected: every built-in lexicon was consulted.
    Unknown,
}

/// The sentiment of one text.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
    /// Whether the text complains somewhere, whatever its balance: a word
    /// or phrase of weight 1 or more (a quarter of the lexicons' scale)
    /// counts against the brand once negation and irony are applied: money
    /// asked back, a double charge, a parcel that never came, "not good",
    /// praise made ironic. "Super service, mais remboursez-moi le
    /// trop-perçu" is positive and a complaint; [`reply::advise`](crate::reply::advise)
    /// never answers a complaint with thanks.
    ///
    /// ```
    /// use social_crm::sentiment::Analyzer;
    ///
    /// let analyzer = Analyzer::default();
    /// assert!(analyzer.score("merci de me rembourser", None).complaint);
    /// assert!(!analyzer.score("J'ai été remboursée, merci !", None).complaint);
    /// ```
    pub complaint: bool,
    /// Whether the text calls for a senior agent, and no negation takes it
    /// back: it asks for a manager or a human ("je veux parler à un
    /// responsable"), threatens to leave ("me doy de baja"), to go to law
    /// ("I'll take legal action"), to a consumer body ("hoja de
    /// reclamaciones") or to the public with a bad review ("avis négatif"),
    /// or reports a harm: a hazard in what was sold ("food poisoning"),
    /// personal data leaked. Thanks addressed to a manager ("merci à votre
    /// responsable") ask for nobody. [`reply::advise`](crate::reply::advise)
    /// then has a senior agent answer, and [`Analyzer::explain`] notes the
    /// words that called for one.
    ///
    /// ```
    /// use social_crm::sentiment::Analyzer;
    ///
    /// let analyzer = Analyzer::default();
    /// assert!(analyzer.score("Je veux parler à un responsable", None).escalates);
    /// assert!(!analyzer.score("Je veux un remboursement", None).escalates);
    /// assert!(!analyzer.score("Merci à votre responsable pour son aide", None).escalates);
    ///
    /// let (_, why) = analyzer.explain("Get me a manager, now", None);
    /// assert!(why.notes.iter().any(|n| n == "calls for a senior agent: “Get me a manager”"));
    /// ```
    pub escalates: bool,
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
    /// For texts scored with no single lexicon, and for any lexicon
    /// without its own.
    thresholds: Cuts,
    /// Per built-in lexicon (English, French, Spanish).
    by_lexicon: [Option<Cuts>; 3],
    /// A language given thresholds that has no lexicon: refused by
    /// [`Analyzer::new`].
    unknown_language: Option<Language>,
    negation: f64,
    booster: f64,
    capitals: f64,
    before_contrast: f64,
    after_contrast: f64,
    question: f64,
    window: usize,
}

/// Label cut-offs on the compound score: at or below `negative` is
/// negative, at or above `positive` positive.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cuts {
    negative: f64,
    positive: f64,
}

/// The position of a built-in lexicon's language in per-lexicon settings.
const fn lexicon_index(language: Language) -> Option<usize> {
    match language {
        Language::ENGLISH => Some(0),
        Language::FRENCH => Some(1),
        Language::SPANISH => Some(2),
        _ => None,
    }
}

impl Default for SentimentConfig {
    fn default() -> SentimentConfig {
        SentimentConfig::new()
    }
}

impl SentimentConfig {
    /// The defaults:
    ///
    /// - thresholds -0.10 and +0.35, the pair with the best mean macro-F1
    ///   over the shared UMSAB training splits in the three languages
    ///   (complaints are often mild in words, praise is not);
    /// - for French, +0.22 for positive: the French lexicon scores praise
    ///   lower than the other two do, and on the French training split
    ///   every positive cut-off from 0.20 to 0.25 beats 0.35 by about 0.05
    ///   macro-F1 (0.592 at 0.35, 0.648 at 0.22; lower cut-offs, down to
    ///   0.02, gain up to 0.006, which thresholds chosen on four folds of
    ///   five do not keep on the fifth);
    /// - for Spanish, -0.18 and +0.40. Over the Spanish training and
    ///   validation splits pooled the ground is flat: every pair from
    ///   -0.17 to -0.20 and from 0.38 to 0.45 is within 0.003 macro-F1 of
    ///   the best (0.626; 0.625 here, 0.610 for -0.10 and 0.35), and
    ///   5-fold cross-validation gave 0.624 ± 0.030 at +0.40 against
    ///   0.625 ± 0.023 at +0.45 when it was chosen. Of those, +0.40 reads a
    ///   customer's plain thanks ("gracias por la respuesta", 0.44) as
    ///   positive, as "thanks" and "merci" read in English and French,
    ///   where +0.45 read them neutral. English gains nothing from cut-offs
    ///   of its own;
    /// - VADER's published constants for negation (-0.74), boosters
    ///   (0.293), capitals (0.733) and contrast (0.5 before, 1.5 after),
    ///   with a negation window of 3 words;
    /// - half weight for the words of a question ("is it any good?"): a
    ///   question asks rather than says. Over the six UMSAB splits every
    ///   weight from 0.4 to 0.6 does better than none, by up to 0.004
    ///   macro-F1 on the training splits. A statement closed by a tag
    ///   question ("Great match, wasn't it?", "Super concert, n'est-ce
    ///   pas ?", "Qué bonito, ¿verdad?") says, and its tag negates nothing.
    pub const fn new() -> SentimentConfig {
        SentimentConfig {
            thresholds: Cuts {
                negative: -0.10,
                positive: 0.35,
            },
            by_lexicon: [
                None,
                Some(Cuts {
                    negative: -0.10,
                    positive: 0.22,
                }),
                Some(Cuts {
                    negative: -0.18,
                    positive: 0.40,
                }),
            ],
            unknown_language: None,
            negation: -0.74,
            booster: 0.293,
            capitals: 0.733,
            before_contrast: 0.5,
            after_contrast: 1.5,
            question: 0.5,
            window: 3,
        }
    }

    /// Compound scores at or below `negative` are negative, at or above
    /// `positive` positive, in every language (default -0.10 and 0.35, and
    /// 0.22 for positive in French, -0.18 and 0.40 in Spanish; both in
    /// `-1..=1`, `negative < positive`). This replaces the per-language defaults; set one
    /// language's with [`SentimentConfig::language_thresholds`] after it.
    #[must_use]
    pub const fn thresholds(mut self, negative: f64, positive: f64) -> SentimentConfig {
        self.thresholds = Cuts { negative, positive };
        self.by_lexicon = [None; 3];
        self
    }

    /// The thresholds for texts scored with one language's lexicon
    /// (English, French or Spanish); [`Analyzer::new`] refuses any other
    /// language.
    ///
    /// ```
    /// use social_crm::sentiment::SentimentConfig;
    /// use social_crm::Language;
    ///
    /// let config = SentimentConfig::new().language_thresholds(Language::SPANISH, -0.3, 0.5);
    /// assert_eq!(config.thresholds_for(Some(Language::SPANISH)), (-0.3, 0.5));
    /// assert_eq!(config.thresholds_for(Some(Language::FRENCH)), (-0.10, 0.22));
    /// assert_eq!(config.thresholds_for(None), (-0.10, 0.35));
    /// ```
    #[must_use]
    pub const fn language_thresholds(
        mut self,
        language: Language,
        negative: f64,
        positive: f64,
    ) -> SentimentConfig {
        match lexicon_index(language) {
            Some(i) => self.by_lexicon[i] = Some(Cuts { negative, positive }),
            None => self.unknown_language = Some(language),
        }
        self
    }

    /// The (negative, positive) thresholds used for a text scored with this
    /// language's lexicon, or with none (`None`, or a language the crate
    /// has no lexicon for).
    pub fn thresholds_for(&self, language: Option<Language>) -> (f64, f64) {
        let cuts = language
            .and_then(lexicon_index)
            .and_then(|i| self.by_lexicon[i])
            .unwrap_or(self.thresholds);
        (cuts.negative, cuts.positive)
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

    /// The weight of the sentiment words in a sentence that ends with a
    /// question mark (default 0.5, in `0..=4`; 1 turns the rule off), unless
    /// the question is a tag that closes a statement ("..., isn't it?").
    ///
    /// ```
    /// use social_crm::sentiment::{Analyzer, SentimentConfig};
    /// use social_crm::Language;
    ///
    /// let asked = Analyzer::default().score("Is the new app good?", Some(Language::ENGLISH));
    /// let plain = Analyzer::new(SentimentConfig::new().question(1.0))?
    ///     .score("Is the new app good?", Some(Language::ENGLISH));
    /// assert!(asked.compound < plain.compound);
    /// # Ok::<(), social_crm::Error>(())
    /// ```
    #[must_use]
    pub const fn question(mut self, weight: f64) -> SentimentConfig {
        self.question = weight;
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

/// The buffers one scoring fills: kept per thread and reused, so that
/// scoring allocates nothing once they have grown to the texts' size.
#[derive(Debug, Default)]
struct Scratch {
    tokens: Vec<Tok>,
    /// The lowercase forms of the words not written in lowercase, end to
    /// end.
    lower: String,
    found: Found,
    lookups: Lookups,
    /// Each item's value.
    values: Vec<f64>,
    /// Negations that reached no word, and the wrong item: their token,
    /// their weight and the rule that weighed them.
    bare: Vec<Bare>,
}

impl Scratch {
    /// Buffers grown past this many tokens (a huge text) are given back
    /// rather than kept for the thread's life (the word memory is not a
    /// buffer: it never grows).
    const KEEP: usize = 1 << 14;
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl Analyzer {
    /// An analyzer with checked settings.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] naming the first setting out of range;
    /// [`ErrorKind::UnknownName`] for thresholds given to a language the
    /// crate has no lexicon for.
    pub fn new(config: SentimentConfig) -> Result<Analyzer> {
        let bad = |what: &'static str, value: f64| -> crate::Error {
            ErrorKind::InvalidConfig {
                what,
                value: value.to_string(),
            }
            .into()
        };
        let c = &config;
        if let Some(language) = c.unknown_language {
            return Err(ErrorKind::UnknownName {
                what: "language with a sentiment lexicon",
                value: language.to_string(),
                expected: crate::macros::Spellings(&["en", "fr", "es"]),
            }
            .into());
        }
        for cuts in c.by_lexicon.iter().flatten().chain([&c.thresholds]) {
            // Ranges hold no NaN, so these checks refuse it too.
            let ordered =
                cuts.negative.partial_cmp(&cuts.positive) == Some(std::cmp::Ordering::Less);
            if !(-1.0..=1.0).contains(&cuts.negative) || !ordered {
                return Err(bad("negative threshold", cuts.negative));
            }
            if !(-1.0..=1.0).contains(&cuts.positive) {
                return Err(bad("positive threshold", cuts.positive));
            }
        }
        if !(-1.0..=0.0).contains(&c.negation) {
            return Err(bad("negation factor", c.negation));
        }
        for (what, v) in [
            ("capitals amount", c.capitals),
            ("weight before a contrast", c.before_contrast),
            ("weight after a contrast", c.after_contrast),
            ("weight in a question", c.question),
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
            if let Some((entry, _)) = entry.entry {
                custom.insert(key, entry);
            }
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
        self.run(text, Hint::of(language, None), None)
    }

    /// Scores a text whose writer's usual language is known (a customer's
    /// recorded language): `language` when given; else the language
    /// detected when the text says it clearly (a confidence of 0.7 or
    /// more); else `usual` ([`LanguageSource::Usual`]). Short texts often
    /// say too little: "No funciona" shares its "no" with English, and a
    /// trigram detector is unsure of two words.
    ///
    /// ```
    /// use social_crm::sentiment::{Analyzer, Label, LanguageSource};
    /// use social_crm::Language;
    ///
    /// let analyzer = Analyzer::default();
    /// let s = analyzer.score_with_usual_language("No funciona", None, Some(Language::SPANISH));
    /// assert_eq!(s.language, Some(Language::SPANISH));
    /// assert_eq!(s.language_source, LanguageSource::Usual);
    /// assert_eq!(s.label, Label::Negative);
    /// // A text that says its language clearly is read in it.
    /// let text = "Thanks, the new parcel arrived and it is perfect!";
    /// let s = analyzer.score_with_usual_language(text, None, Some(Language::SPANISH));
    /// assert_eq!(s.language, Some(Language::ENGLISH));
    /// ```
    pub fn score_with_usual_language(
        &self,
        text: &str,
        language: Option<Language>,
        usual: Option<Language>,
    ) -> Sentiment {
        self.run(text, Hint::of(language, usual), None)
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
        let s = self.run(text, Hint::of(language, None), Some(&mut why));
        (s, why)
    }

    /// Scores many texts, in order, detecting each one's language.
    ///
    /// ```
    /// use social_crm::sentiment::{Analyzer, Label};
    ///
    /// let scores = Analyzer::default().score_batch(&["J'adore ce café", "Worst service ever"]);
    /// assert_eq!(scores[0].label, Label::Positive);
    /// assert_eq!(scores[1].label, Label::Negative);
    /// ```
    pub fn score_batch<S: AsRef<str>>(&self, texts: &[S]) -> Vec<Sentiment> {
        texts.iter().map(|t| self.score(t.as_ref(), None)).collect()
    }

    /// Scores many texts, in order, each with its language when the caller
    /// knows it (a channel's or a customer's) and detected when it is
    /// `None`. Skipping detection is what makes scoring fast: see the
    /// crate's sentiment benchmark.
    ///
    /// ```
    /// use social_crm::sentiment::{Analyzer, Label};
    /// use social_crm::Language;
    ///
    /// let texts = [("Toujours pas reçu ma commande", Some(Language::FRENCH)), ("¡Me encanta!", None)];
    /// let scores = Analyzer::default().score_batch_with_languages(&texts);
    /// assert_eq!(scores[0].label, Label::Negative);
    /// assert_eq!(scores[1].language, Some(Language::SPANISH));
    /// ```
    pub fn score_batch_with_languages<S: AsRef<str>>(
        &self,
        texts: &[(S, Option<Language>)],
    ) -> Vec<Sentiment> {
        texts
            .iter()
            .map(|(t, language)| self.score(t.as_ref(), *language))
            .collect()
    }

    fn run(&self, text: &str, hint: Hint, why: Option<&mut Explanation>) -> Sentiment {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => {
                let sentiment = self.run_with(&mut scratch, text, hint, why);
                if scratch.tokens.capacity() > Scratch::KEEP
                    || scratch.lower.capacity() > Scratch::KEEP * 16
                {
                    // Give back the buffers a huge text grew; the word
                    // memory has a fixed size and stays.
                    let lookups = std::mem::take(&mut scratch.lookups).memory_only();
                    *scratch = Scratch {
                        lookups,
                        ..Scratch::default()
                    };
                }
                sentiment
            }
            // Only reachable if scoring ever scored from within itself.
            Err(_) => self.run_with(&mut Scratch::default(), text, hint, why),
        })
    }

    /// Scores a text: cuts it into tokens, settles its language, finds
    /// the words that weigh ([`scan`]), weighs each where it stands
    /// ([`rules`]), adds the negations that negate nothing, turns ironic
    /// praise ([`irony`]), then sums up.
    fn run_with(
        &self,
        scratch: &mut Scratch,
        text: &str,
        hint: Hint,
        mut why: Option<&mut Explanation>,
    ) -> Sentiment {
        scratch.tokens.clear();
        scratch.lower.clear();
        {
            let Scratch { tokens, lower, .. } = &mut *scratch;
            tokenize::tokenize(text, |t| {
                // Most words are lowercase already, and kept as written.
                let lowered = (t.kind == Kind::Word && !t.lowercase).then(|| {
                    let start = lower.len();
                    push_lowercase(lower, t.text);
                    (start, lower.len())
                });
                tokens.push(Tok {
                    start: t.span.start,
                    end: t.span.end,
                    kind: t.kind,
                    lowered,
                    tag: t.span.start > 0 && text.as_bytes()[t.span.start - 1] == b'#',
                });
            });
        }
        let reading = Reading {
            text,
            tokens: &scratch.tokens,
            lowered: &scratch.lower,
        };
        let (language, language_source) = language_of(reading, hint);
        // Only the lexicon of a known language is loaded: a caller who
        // gives the language never pays for the others.
        let (one, every);
        let lexicons: &[&Lexicon] = match language.and_then(lexicon::builtin) {
            Some(l) => {
                one = [l];
                &one
            }
            None => {
                every = lexicon::all().map(|(_, l)| l);
                &every
            }
        };
        // Chat shorthand is read as the word it stands for, once the
        // language is known ("x" is "por" in Spanish only).
        let reading = match lexicons {
            [lexicon] if !lexicon.shorthand.is_empty() => {
                let Scratch { tokens, lower, .. } = &mut *scratch;
                spell_out(text, tokens, lower, &lexicon.shorthand);
                Reading {
                    text,
                    tokens: &scratch.tokens,
                    lowered: &scratch.lower,
                }
            }
            _ => reading,
        };
        if let Some(why) = why.as_deref_mut() {
            why.notes.push(match (language, language_source) {
                (Some(l), LanguageSource::Given) => format!("language {l}, as given"),
                (Some(l), LanguageSource::Detected { confidence }) => {
                    format!("language {l}, detected (confidence {confidence:.2})")
                }
                (Some(l), LanguageSource::Usual) => {
                    format!("language {l}, the writer's usual one (the text is unclear)")
                }
                _ => "language unknown: every lexicon consulted".to_owned(),
            });
        }

        let scan = self.scan(
            reading,
            lexicons,
            language,
            &mut scratch.found,
            &mut scratch.lookups,
        );
        let rules = Rules::new(reading, lexicons, &self.config, &scratch.found, scan);
        let items = rules.items;
        let c = &self.config;
        // The rules that changed each value, kept only for an explanation.
        let mut modifiers: Vec<Vec<Modifier>> = Vec::new();
        let explaining = why.is_some();
        let values = &mut scratch.values;
        let bare = &mut scratch.bare;
        bare.clear();
        let (mut complaint, escalating) = rules.weigh(values, &mut modifiers, explaining);
        complaint |= rules.bare_negations(bare);
        complaint |= rules.failed_after_denial(bare);
        complaint |= rules.excess(bare);
        complaint |= rules.wrong_item_received(scan.order, values, bare);
        complaint |= rules.wrong_quantity(scan.received, bare);
        complaint |= rules.paid_yet(scan.paid, values, bare);
        complaint |= rules.waited_for(scan.awaited, bare);
        complaint |= rules.waited_long(scan.waited, bare);
        complaint |= rules.repeated(scan.times, bare);
        complaint |= rules.mishandled(scan.mishandled, bare);
        complaint |= rules.told_would(bare);
        complaint |= rules.wished_over(bare);
        complaint |= rules.by_myself(scan.alone, bare);
        complaint |= rules.any_other_would_have(bare);
        complaint |= rules.irony(values, bare, language, &mut modifiers, explaining);
        let tokens = reading.tokens;

        let (mut pos, mut neg) = (0.0, 0.0);
        // What a rule finds happened weighs less before a contrast, as the
        // words there do ("I waited two hours but it was worth it"). Not a
        // negation that reached no word: damped there, it moved as many
        // shared tweets away from their label as toward it.
        let contrast = rules.contrast;
        let around_contrast = |k: usize, id: &str| match contrast {
            Some(cut) if k < cut && id != BARE_NEGATION_RULE => {
                (c.before_contrast, Some(Modifier::BeforeContrast))
            }
            _ => (1.0, None),
        };
        let mut raw: f64 = values.iter().sum::<f64>();
        for &(k, v, id) in bare.iter() {
            let v = v * around_contrast(k, id).0;
            raw += v;
            neg += v - 1.0;
        }
        for v in values.iter() {
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
        let (bangs, questions) = count_bangs_and_questions(text.as_bytes());
        let (bangs, questions) = (bangs.min(4) as f64, questions.min(4));
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
        let (negative_threshold, positive_threshold) = c.thresholds_for(language);
        let label = if compound >= positive_threshold {
            Label::Positive
        } else if compound <= negative_threshold {
            Label::Negative
        } else {
            Label::Neutral
        };

        if let Some(why) = why {
            for ((item, &v), mods) in items.iter().zip(values.iter()).zip(modifiers) {
                let text = text[item.start..item.end].to_owned();
                why.contributions.push(Contribution {
                    factor: if item.emoji {
                        Factor::Emoji { text }
                    } else {
                        Factor::Lexicon { text }
                    },
                    span: Some(item.start..item.end),
                    base: item.base,
                    modifiers: mods,
                    // No "-0.000" for a word turned by a negation factor
                    // of zero: IEEE -0.0 + 0.0 is 0.0.
                    value: v + 0.0,
                });
            }
            for &(k, v, id) in bare.iter() {
                let (factor, modifier) = around_contrast(k, id);
                why.contributions.push(Contribution {
                    factor: Factor::Rule { id },
                    span: Some(tokens[k].start..tokens[k].end),
                    base: v,
                    modifiers: modifier.into_iter().collect(),
                    value: v * factor,
                });
            }
            // Say what called for a senior: the contributions list the
            // words, not what they ask for.
            if let Some(item) = escalating.map(|at| &items[at]) {
                why.notes.push(format!(
                    "calls for a senior agent: “{}”",
                    &text[item.start..item.end]
                ));
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
            complaint,
            escalates: escalating.is_some(),
        }
    }
}

/// Gives every word of `tokens` that is one of `shorthand` the word it
/// stands for as its lowercase form ("tjrs" is read "toujours"), unless
/// it is a hashtag; the text, and so the spans an explanation shows, stay
/// as written.
fn spell_out(text: &str, tokens: &mut [Tok], lower: &mut String, shorthand: &lexicon::Shorthand) {
    // Not a hashtag: "#bn" is a tag of its own, not "bien". Most words are
    // longer than any shorthand, turned away before they are read.
    for token in tokens.iter_mut() {
        if token.kind != Kind::Word
            || token.tag
            || token.end - token.start > lexicon::Shorthand::LONGEST
        {
            continue;
        }
        let written = match token.lowered {
            Some((start, end)) => &lower.as_bytes()[start..end],
            None => &text.as_bytes()[token.start..token.end],
        };
        if let Some(word) = shorthand.get(written) {
            let start = lower.len();
            lower.push_str(word);
            token.lowered = Some((start, lower.len()));
        }
    }
}

/// The language to score a text in, and how it was chosen.
fn language_of(reading: Reading<'_>, hint: Hint) -> (Option<Language>, LanguageSource) {
    match hint {
        Hint::Given(l) => (Some(l), LanguageSource::Given),
        Hint::Detect { usual } => {
            let detected = lang::resolve(
                lang::guess(
                    (0..reading.tokens.len())
                        .filter(|&i| reading.tokens[i].kind == Kind::Word)
                        .map(|i| reading.lower(i)),
                    reading.text,
                ),
                reading.text,
            );
            match (detected, usual) {
                (Some(g), Some(u)) if g.confidence < lang::SURE => (Some(u), LanguageSource::Usual),
                (None, Some(u)) => (Some(u), LanguageSource::Usual),
                (Some(g), _) => (
                    Some(g.language),
                    LanguageSource::Detected {
                        confidence: g.confidence,
                    },
                ),
                (None, None) => (None, LanguageSource::Unknown),
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn bangs_and_questions_are_counted_exactly(text in "[!?a\u{e9}\u{1F44F} ]{0,40}") {
            let plain = (
                text.bytes().filter(|&b| b == b'!').count(),
                text.bytes().filter(|&b| b == b'?').count(),
            );
            proptest::prop_assert_eq!(count_bangs_and_questions(text.as_bytes()), plain);
        }
    }

    /// A phrase that weighs nothing is listed as such, even where a
    /// negation reaches it: not "-0.000, negated".
    #[test]
    fn a_phrase_that_weighs_nothing_is_not_turned() {
        let text = "not the customer service I expected";
        let (_, why) = Analyzer::default().explain(text, Some(Language::ENGLISH));
        let phrase = why
            .contributions
            .iter()
            .find(|c| c.base == 0.0 && matches!(c.factor, Factor::Lexicon { .. }));
        let phrase = phrase.expect("the zero phrase is listed");
        assert!(phrase.value.is_sign_positive() && phrase.value == 0.0);
        assert!(phrase.modifiers.is_empty(), "{:?}", phrase.modifiers);
    }
}
