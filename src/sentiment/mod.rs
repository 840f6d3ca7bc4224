//! Sentiment of short social texts in French, English and Spanish, with
//! the reasons for every score.
//!
//! A lexicon-and-rules scorer in the spirit of VADER (Hutto & Gilbert,
//! ICWSM 2014), with the crate's own lexicons and rules for social text in
//! three languages: emoji (skin tones, ZWJ sequences and flags included) and
//! emoticons, hashtags split on case, elongations ("nuuuul"), capitals,
//! repeated punctuation, missing accents, French elision and "ne ... pas"
//! (one negation, even with a verb between), negation in each language,
//! "like" that weighs only as the verb of its subject ("I like it", not
//! "looks like rain" nor "I'd like a refund"),
//! "peu" and "poco" that deny the word after them ("peu aimable", "poco
//! útil"; "un peu", "un poco" soften),
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
//! "colis encore perdu 😂", "otra vez sin pedido 😂",
//! "merci pour rien", praise that opens a message on its own, or names
//! the service or the job, before a failure: "Perfect, the update deleted
//! all my photos", "Great service, waited two hours" (praise of a thing is
//! a mixed review: "Great food, slow service"), or
//! before the same again: "Génial, encore une mise à jour", praise
//! aimed at a failure: "thanks for losing my order"), a
//! problem said to be solved, which no longer complains ("merci d'avoir
//! réparé la panne", "gracias por resolver mi problema"; "they didn't fix
//! the issue" still does) and so does a parcel lost then found ("le colis
//! perdu est enfin arrivé") or a refund received ("my refund came
//! through"), "why" questions about a failure, which reproach rather than
//! ask ("why was I charged twice?", "it crashed again, why?"), care-desk
//! complaints that carry no negative word ("toujours pas reçu", "still
//! waiting", "me han cobrado dos veces", "where is my order?", "je veux
//! parler à un responsable", the wrong item received: "ordered a double,
//! got a single", "pedí uno azul y me llegó uno rojo"), the
//! service denied its job, a failure whatever the verb weighs ("my order
//! hasn't arrived", "it's not fixed", "sigue sin funcionar", "l'appli ne
//! s'ouvre plus"), and
//! thanks that ask rather than thank ("merci de me rembourser", "je vous
//! serais reconnaissant de", "thanks in advance for", "les agradecería
//! que"), whose praise is what is wanted. Besides its score, a text says
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
//! direct-mapped: words made to collide only evict each other.
//!
//! # Measured
//!
//! Macro-F1 with the language given. "5-fold" pools the shared training
//! and validation splits and cuts them in five
//! (`cargo run --release --example sentiment_cv -- en-train.tsv en-val.tsv`):
//! the mean over the folds ± its standard deviation, with the shipped
//! thresholds. Choosing the label thresholds on four folds and scoring the
//! fifth does no better (0.626, 0.651, 0.604), so the thresholds are not
//! fitted to these texts beyond what the folds can tell. The lexicons were
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
//! | UMSAB tweets, English (2,163) | 0.635 ± 0.037 | 0.655 | VADER 0.605 |
//! | UMSAB tweets, French (2,163) | 0.650 ± 0.032 | 0.652 | vaderSentiment-fr 0.521 |
//! | UMSAB tweets, Spanish (2,163) | 0.617 ± 0.010 | 0.629 | best Spanish lexicon package 0.487 |
//! | VADER's tweets (2,100) | 0.729 ± 0.015 | 0.729 | VADER 0.702 |
//!
//! VADER was built and tuned on its own tweets; on them this crate leads
//! by 0.027, and the paired bootstrap (2,000 resamples of the 2,100
//! tweets) puts the lead at +0.003 to +0.052 (95 %): barely clear. A
//! fine-tuned XLM-R transformer reaches about 0.68 to 0.72 on the UMSAB
//! test split. Speed (`cargo bench --bench sentiment`): about 600,000
//! texts a second on one core with the language given, 700,000 on the
//! sample week's tweets; VADER does about 28,500 a second on the same
//! machine.

mod lang;
mod lexicon;
mod tokenize;

use std::fmt;
use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::explain::{Contribution, Explanation, Factor, Modifier};
use crate::model::Language;
use crate::{ErrorKind, Result};
use lexicon::{Entry, Lexicon, Marks, Word};
use tokenize::{push_lowercase, Kind};

pub use lang::{detect_language, LanguageGuess};

/// What a negation that negates no sentiment word adds on its own.
const BARE_NEGATION: f64 = -0.6;

/// What a denied word of the service doing its job weighs ("my order
/// hasn't arrived", "sigue sin funcionar", "ce n'est pas réparé"): as much
/// as the lexicons' phrases that say so already ("no ha llegado", "pas
/// reçu", "pas venu"), a complaint whatever the word weighs on its own.
const FAILURE: f64 = -2.0;

/// What opens an English request ("please do not reply").
const PLEASE: [&str; 4] = ["please", "pls", "plz", "kindly"];

/// French negations that follow the verb they deny ("ça marche pas",
/// "l'appli ne s'ouvre plus").
const AFTER_THE_VERB: [&str; 3] = ["pas", "plus", "jamais"];

/// Negators that, with an intensifier between them and the word ("never
/// so happy", "jamais été aussi nul", "nunca tan feliz"), stress the word
/// rather than negate it.
const NEVER: [&str; 3] = ["never", "jamais", "nunca"];

/// French "peu" and Spanish "poco" right before a word deny it, as "not
/// very" does: "peu aimable", "poco útil", "très peu professionnel", "peu
/// cher" (cheap). Not after the words of [`NOT_LITOTES`].
const LITOTES: [&str; 2] = ["peu", "poco"];

/// What makes "peu" or "poco" after it no denial (see [`LITOTES`]): an
/// article, with which they soften ("un peu déçu", "un poco triste"), or a
/// word with which they count time or say what nearly happened ("hace
/// poco", "depuis peu", "sous peu", "por poco", "à peu près").
const NOT_LITOTES: [&str; 9] = [
    "un", "una", "por", "hace", "depuis", "sous", "pour", "a", "à",
];

/// The intensifiers that turn "never" into stress: "never so", "never this",
/// "never such", "jamais aussi", "jamais si", "jamais tellement", "nunca
/// tan", "nunca tanto".
const SO: [&str; 8] = [
    "so",
    "this",
    "such",
    "aussi",
    "si",
    "tellement",
    "tan",
    "tanto",
];

/// Negations that are pronouns: a phrase ending with one has its object
/// ("thanks for nothing", "merci pour rien", "no vino nadie") and denies
/// nothing after it.
#[rustfmt::skip]
const NOTHING: [&str; 9] = [
    "nothing", "nobody", "none", "rien", "personne", "nada", "nadie", "ninguno", "ninguna",
];

/// What cannot be done enough: after a negation of "can" or "never" ("can't
/// thank you enough", "je ne vous remercierai jamais assez", "nunca les
/// agradeceré lo suficiente") the word is stressed, not negated.
const ENOUGH: [&str; 4] = ["enough", "assez", "suficiente", "suficientemente"];

/// Comparatives that, after "can't" or "couldn't", say nothing could be
/// more so ("couldn't be more pleased", "could not ask for better", "it
/// can't get any worse", "ça ne peut pas être pire", "no puede ser peor"):
/// the word is stressed, not negated.
#[rustfmt::skip]
const COMPARATIVES: [&str; 10] = [
    "more", "better", "worse", "plus", "mieux", "pire", "más", "mas", "mejor", "peor",
];

/// "Can" before the negation that follows it: "can't", "couldn't", "ne
/// peut pas", "ne pourrais pas".
#[rustfmt::skip]
const CAN: [&str; 9] = [
    "ca", "can", "could", "peut", "peux", "pourrait", "pourrais", "pouvait", "pourra",
];

/// "Can" after the negation: "no puedo", "no podría".
#[rustfmt::skip]
const PODER: [&str; 9] = [
    "puedo", "puede", "podemos", "pueden", "podría", "podríamos", "podrían", "podria",
    "podriamos",
];

/// Negations that are the subject of their clause ("nobody", "nadie"): a
/// place or a team after them ("nobody at the counter", "nadie en la
/// tienda") stands between them and the verb they deny (see
/// [`SUBJECT_REACH`]). French writes "ne" before the verb ("personne au
/// comptoir n'a su").
const SUBJECT_NEGATIONS: [&str; 2] = ["nobody", "nadie"];

/// Prepositions that open the place or team after a subject negation.
#[rustfmt::skip]
const PLACE_OR_TEAM: [&str; 9] = [
    "at", "in", "from", "on", "of",
    "en", "de", "del", "al",
];

/// How many words after a subject negation and the place or team that
/// follows it the verb it denies may stand ("nobody at your store has
/// answered", "nadie en el mostrador supo").
const SUBJECT_REACH: usize = 6;

/// Negations that open a negation of their own, never the second part of
/// the one before them (as "pas" is of "ne", "nada" of "no").
const OPENING_NEGATIONS: [&str; 5] = ["no", "not", "n't", "ne", "n"];

/// What makes the French "ne" a negation rather than the "ne ... que" of
/// "only" ("on ne peut que recommander", "je n'ai que des éloges").
const FRENCH_SECOND_NEGATORS: [&str; 10] = [
    "pas", "plus", "jamais", "rien", "aucun", "aucune", "guère", "personne", "point", "ni",
];

/// Verbs that carry a negation over to the clause they introduce: "I don't
/// think it is good" says "it is not good" ("je ne pense pas que", "no creo
/// que"). A surprise in the past ("didn't expect", "wasn't expecting") is
/// a phrase of the English lexicon that takes its negation: what follows
/// holds as said.
const RAISING: [&str; 8] = [
    "think", "believe", "expect", "suppose", "pense", "crois", "creo", "pienso",
];

/// Words that name a problem: once said to be solved, they no longer
/// complain.
#[rustfmt::skip]
const PROBLEMS: [&str; 23] = [
    "problème", "problèmes", "probleme", "problemes", "souci", "soucis", "panne", "pannes",
    "bug", "bugs",
    "problema", "problemas", "avería", "averia", "averías",
    "fallo", "fallos",
    "problem", "problems", "issue", "issues", "fault", "glitch",
];

/// "Solved": the participles and past tenses of solving, fixing, sorting
/// out and repairing, in each language ("réglé", "resolvieron", "fixed"),
/// and of a problem going away.
#[rustfmt::skip]
const SOLVED: [&str; 49] = [
    "résolu", "résolue", "résolus", "résolues", "réglé", "réglée", "réglés", "réglées",
    "réparé", "réparée", "réparés", "réparées",
    "corrigé", "corrigée", "corrigés", "corrigées",
    "solutionné", "solutionnée",
    "resuelto", "resuelta", "resueltos", "resueltas",
    "resolvió", "resolvio", "resolvieron", "resolviste",
    "solucionado", "solucionada", "solucionados", "solucionó", "solucionaron",
    "arreglado", "arreglada", "arreglados", "arregló", "arreglaron",
    "reparado", "reparada", "reparó", "repararon",
    "solved", "fixed", "resolved", "sorted", "repaired", "corrected", "handled", "dealt",
    // Not "disparu", "desaparecido": also a parcel lost.
    "gone",
];

/// The verbs of [`SOLVED`] as infinitives and gerunds: a thing solved only
/// after "for" or "por" ("thanks for fixing my issue", "gracias por
/// resolver mi problema"); a request otherwise ("please fix my problem",
/// "merci de régler mon problème"); denied after a negation ("they didn't
/// fix the issue").
#[rustfmt::skip]
const TO_SOLVE: [&str; 16] = [
    "résoudre", "régler", "réparer", "corriger",
    "resolver", "solucionar", "arreglar", "reparar",
    "solve", "fix", "resolve", "repair", "solving", "fixing", "resolving", "repairing",
];

/// What may stand between a problem and its "solved" after it ("the issue
/// is now fixed", "le problème a été réglé", "el problema ya está
/// resuelto").
#[rustfmt::skip]
const LINKS: [&str; 20] = [
    "est", "a", "été", "bien", "maintenant", "enfin",
    "está", "esta", "fue", "ha", "sido", "ya", "quedó", "quedo",
    "is", "was", "has", "been", "now", "all",
];

/// Whether `word` is one of `words`, ignoring ASCII case.
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

/// What closes a clause: praise before one of these, then a complaint,
/// reads as irony. The tokenizer's clause boundaries, and the ellipsis
/// character, which it does not split on ("Génial… encore en panne").
const CLAUSE_MARKS: [char; 7] = [',', '.', ';', ':', '!', '?', '…'];

/// Words that say something is lost or missing: once it arrived or was
/// found, no longer a complaint ("le colis perdu est enfin arrivé", "the
/// missing package showed up").
#[rustfmt::skip]
const LOST: [&str; 16] = [
    "perdu", "perdue", "perdus", "perdues", "égaré", "égarée",
    "manquant", "manquante", "manquants", "manquantes",
    "perdido", "perdida", "perdidos", "perdidas",
    "lost", "missing",
];

/// "Arrived" and "found", for what was [`LOST`].
#[rustfmt::skip]
const FOUND: [&str; 21] = [
    "arrivé", "arrivée", "arrivés", "arrivées", "retrouvé", "retrouvée", "reçu", "reçue",
    "llegó", "llego", "llegaron", "apareció", "aparecio", "encontrado", "encontrada",
    "arrived", "found", "delivered", "came", "turned up", "showed up",
];

/// Words that name a refund: asked for when something went wrong, so a
/// complaint until it is said to have come ("j'ai bien reçu mon
/// remboursement", "my refund came through", "finally got my money back").
#[rustfmt::skip]
const REFUNDS: [&str; 7] = [
    "remboursement", "remboursements", "reembolso", "reembolsos", "refund", "refunds",
    "money back",
];

/// "Received" and "paid in", for a [`REFUNDS`] word.
#[rustfmt::skip]
const RECEIVED: [&str; 29] = [
    "reçu", "reçus", "arrivé", "arrivés", "effectué", "effectués", "versé", "crédité", "obtenu",
    "recibí", "recibi", "recibido", "recibidos", "llegó", "llego", "llegado", "ingresado",
    "ingresaron",
    "received", "got", "arrived", "came", "processed", "credited", "issued", "paid", "landed",
    "went through", "came through",
];

/// A trouble and the words that end it: a problem solved, a parcel lost
/// then found, a refund received (see [`solved`]).
struct Remedy {
    /// The words that name the trouble, one word or a lexicon phrase
    /// ("money back").
    troubles: &'static [&'static str],
    /// Past forms that say it ended, one word or two ("turned up").
    done: &'static [&'static str],
    /// Infinitives and gerunds that say it ended after "for"/"por".
    to_do: &'static [&'static str],
}

/// Every trouble the scorer knows an end for. A trouble is only looked for
/// among a text's negative lexicon items, so each must be one in some
/// built-in lexicon (a test checks).
const REMEDIES: [Remedy; 3] = [
    Remedy {
        troubles: &PROBLEMS,
        done: &SOLVED,
        to_do: &TO_SOLVE,
    },
    Remedy {
        troubles: &LOST,
        done: &FOUND,
        to_do: &[],
    },
    Remedy {
        troubles: &REFUNDS,
        done: &RECEIVED,
        to_do: &[],
    },
];

/// Every trouble of [`REMEDIES`] and the remedy that ends it: one lookup
/// per negative word, the scorer's common case.
struct Troubles {
    /// The troubles of one word.
    words: FxHashMap<&'static str, &'static Remedy>,
    /// The troubles of several words ("money back").
    phrases: Vec<(&'static str, &'static Remedy)>,
}

/// [`Troubles`], built from [`REMEDIES`] on first use.
static TROUBLES: LazyLock<Troubles> = LazyLock::new(|| {
    let mut troubles = Troubles {
        words: FxHashMap::default(),
        phrases: Vec::new(),
    };
    for remedy in &REMEDIES {
        for &trouble in remedy.troubles {
            match trouble.contains(' ') {
                true => troubles.phrases.push((trouble, remedy)),
                false => {
                    troubles.words.insert(trouble, remedy);
                }
            }
        }
    }
    troubles
});

/// Thanks: praise that opens a message sincerely far more often than not,
/// before the account of a problem ("Merci, le retard vient du
/// transporteur"), so an opening of thanks is never read as irony.
#[rustfmt::skip]
const THANKS: [&str; 10] = [
    "merci", "merci beaucoup", "mille mercis",
    "thanks", "thank you", "thanks a lot", "thank you so much",
    "gracias", "muchas gracias", "mil gracias",
];

/// Negations of something missing ("sin pedido", "aucune réponse",
/// "nothing"): after one, a laugh is bitter; so after English "no" ("no
/// parcel") and French "pas de", not after Spanish "no", which negates
/// verbs far more often.
const ABSENCE: [&str; 12] = [
    "nothing", "none", "rien", "aucun", "aucune", "sans", "sin", "nada", "ningún", "ninguna",
    "ninguno", "nadie",
];

/// Contrast words that are also adverbs of time (see the scorer's
/// `contrasts_here`).
const TIME_OR_CONTRAST: [&str; 1] = ["yet"];

/// What may stand before a word of the lexicon's `[verbs]` ("like") for it
/// to be a verb: its subject ("I", "you", "people", "who"), or a modal or
/// "to" that a verb follows ("you'll like", "might like", "hard to like").
/// Not "would" or "I'd", which ask ("I'd like a refund"); not "it's" or a
/// verb of seeming, after which "like" compares ("looks like rain").
#[rustfmt::skip]
const BEFORE_A_VERB: [&str; 26] = [
    "i", "you", "u", "ya", "he", "she", "we", "they", "y'all", "people", "everyone",
    "everybody", "nobody", "who",
    "i'll", "i’ll", "you'll", "you’ll", "we'll", "we’ll", "they'll", "they’ll",
    "will", "might", "may", "to",
];

/// Adverbs, auxiliaries and negations that may stand between a subject and
/// its verb ("I really like", "we do like", "they don't like"): at most
/// [`BETWEEN_REACH`] of them.
#[rustfmt::skip]
const BETWEEN_SUBJECT_AND_VERB: [&str; 24] = [
    "do", "does", "did", "not", "n't", "n’t", "never", "dont", "doesnt", "didnt",
    "really", "also", "just", "still", "actually", "totally", "truly", "genuinely",
    "honestly", "definitely", "always", "all", "even", "usually",
];

/// How many words of [`BETWEEN_SUBJECT_AND_VERB`] a verb's subject may
/// stand before it ("I still don't like").
const BETWEEN_REACH: usize = 3;

/// The words of [`BETWEEN_SUBJECT_AND_VERB`] that also stand before a
/// "like" that compares ("just like last year", "not like I care", "even
/// like this"): a sentence that opens with them has not dropped a subject.
const NOT_ONLY_BEFORE_A_VERB: [&str; 5] = ["just", "not", "even", "all", "never"];

/// What may follow a word of the lexicons' `[fillers]` ("bon", "bueno")
/// that opens a sentence, for it to be a filler, besides a comma or an
/// ellipsis: another filler ("Bon ben", "Bueno pues").
#[rustfmt::skip]
const FILLERS: [&str; 9] = [
    "ben", "bah", "alors", "eh", "bon", "pues", "bueno", "vale", "nada",
];

/// The most words a clause of opening praise may have to be read as
/// irony when complaints follow ("Excellent service client, ...").
const OPENING_WORDS: usize = 3;

/// What opening praise may name and still be irony: the service as a whole
/// or the work done ("Great job, you lost my parcel", "Super service,
/// deux heures d'attente", "Excelente atención, me colgaron"). Praise of
/// anything else is meant, and what follows is another matter ("Great
/// food, slow service", "Super café, dommage que la machine soit en
/// panne").
#[rustfmt::skip]
const THE_SERVICE: [&str; 17] = [
    "job", "work", "service", "support", "customer", "care", "one", "news",
    "travail", "boulot", "client", "clients",
    "servicio", "atención", "atencion", "trabajo", "cliente",
];

/// Words that, opening the clause after a praise that opens the text, make
/// it mock: the same thing once more ("Great, another update that wipes my
/// settings", "Super, encore une mise à jour", "Genial, otra
/// actualización"). A good word right after them says that what came again
/// is good ("Great, another good interview").
#[rustfmt::skip]
const AGAIN: [&str; 16] = [
    "another", "again", "yet another", "once again", "once more",
    "encore", "une fois de plus", "de nouveau", "à nouveau", "un autre", "une autre",
    "otra", "otro", "otras", "otros", "de nuevo",
];

/// The indefinites that say the thing received is another one.
#[rustfmt::skip]
const ANOTHER_THING: [&str; 13] = [
    "a", "an", "one", "another",
    "un", "une", "uno", "una", "unos", "unas", "otro", "otra", "otros",
];

/// What comes after an order in the normal run of things, or as its
/// remedy: received, it is no wrong item ("bought it and got a
/// replacement", "j'ai commandé et reçu un mail de confirmation").
#[rustfmt::skip]
const WHAT_COMES_AFTER_AN_ORDER: [&str; 28] = [
    "replacement", "refund", "receipt", "confirmation", "voucher", "code", "email",
    "text", "message", "reply", "call", "discount",
    "remplacement", "remboursement", "reçu", "mail", "appel", "bon", "avoir",
    "reembolso", "recibo", "confirmación", "correo", "mensaje", "código",
    "descuento", "vale", "sustitución",
];

/// How much receiving the wrong item weighs (see [`Errand`]): a
/// complaint, which good words after it outweigh.
const WRONG_ITEM: f64 = -1.5;

/// Emoji that mark praise, and every other good word, as ironic:
/// upside-down face, eye roll, unamused face, clown.
const IRONY_MARKS: [char; 4] = ['🙃', '🙄', '😒', '🤡'];

/// Emoji that laugh out loud or approve, and clapping hands: praise that
/// irony can turn. After a complaint the laugh is bitter and the thumb
/// sarcastic ("Colis encore perdu 😂", "Trois semaines sans réponse 👍").
/// The awkward grin (😅) is not praise: it eases a mishap ("livré chez le
/// voisin, heureusement qu'il est honnête 😅").
const PRAISING_EMOJI: [char; 4] = ['😂', '🤣', '👍', CLAP];

/// Clapping hands: praise that makes every praise of a complaining text
/// ironic, wherever it stands ("Génial le service, trois semaines sans
/// réponse 👏").
const CLAP: char = '\u{1F44F}';

/// Thanks that ask rather than thank when a verb follows: "merci de me
/// rembourser", "merci de bien vouloir", "merci d'envoyer", and the
/// letter's formulas "je vous remercie de", "nous vous remercions de", "en
/// vous remerciant de bien vouloir". French writes a polite imperative this
/// way; the thanks are for something not yet done. A past infinitive
/// ("merci de m'avoir répondu", "merci d'être venus") thanks for what was
/// done.
const THANKS_THAT_ASK: [&str; 4] = ["merci", "remercie", "remercions", "remerciant"];

/// What may stand between praise and the failure it is aimed at: "thanks
/// for losing", "bravo pour avoir perdu", "merci d'avoir égaré", "gracias
/// por perder".
const AIMED_AT: [&str; 10] = [
    "for", "pour", "por", "de", "d'", "d’", "d", "avoir", "having", "haber",
];

/// The beginnings of words for what customers ask for and may thank for
/// ("thanks for cancelling my order", "merci d'avoir résilié"): a negative
/// word, but not a failure.
const ASKED_FOR: [&str; 7] = [
    "cancel",
    "annul",
    "résili",
    "resili",
    "anula",
    "unsubscrib",
    "désabonn",
];

/// The auxiliaries of a past infinitive after thanks: "merci d'avoir
/// réglé", "merci de m'avoir répondu".
const DONE: [&str; 2] = ["avoir", "être"];

/// Thanks given in advance, and gratitude in the conditional: the sentence
/// they open asks for something, so they thank for nothing yet and its
/// praise says what is wanted ("merci d'avance pour une réponse rapide",
/// "I would appreciate a quick refund", "les agradecería una respuesta
/// rápida"), not what happened.
const REQUEST_FORMULAS: [&str; 18] = [
    "merci d'avance",
    "merci par avance",
    "apprécierais",
    "apprécierions",
    "serais reconnaissant",
    "serais reconnaissante",
    "serions reconnaissants",
    "thanks in advance",
    "thank you in advance",
    "would appreciate",
    "i'd appreciate",
    "would be grateful",
    "i'd be grateful",
    "gracias de antemano",
    "gracias por adelantado",
    "agradecería",
    "agradeceríamos",
    "estaría agradecido",
];

/// What follows "merci de" in a request: an object pronoun or "bien"
/// before the verb ("merci de me", "merci de nous", "merci de bien").
const REQUEST_OPENERS: [&str; 12] = [
    "me", "m'", "m", "nous", "vous", "le", "la", "les", "l'", "lui", "bien", "ne",
];

/// Whether a French word reads as an infinitive (-er, -ir, -re, -oir),
/// leaving out the possessives and nouns that end the same way and follow
/// "merci de" as thanks ("merci de votre aide").
fn infinitive_like(word: &str) -> bool {
    const NOT_VERBS: [&str; 6] = ["votre", "notre", "leur", "plaisir", "soir", "retour"];
    word.chars().count() >= 4
        && ["er", "ir", "re", "oir"]
            .iter()
            .any(|end| word.ends_with(end))
        && !one_of(word, &NOT_VERBS)
}

fn one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether the trouble from word `first` to word `last` (one of
/// `remedy.troubles`) is said to be over: solved, found, or received.
///
/// `Some(true)` when a past form of `remedy.done` ([`SOLVED`], [`FOUND`],
/// [`RECEIVED`]) is near it: up to three words before it (a possessive or
/// an article between), or after it with only [`LINKS`] and one other word
/// between; or when an infinitive of `remedy.to_do` ([`TO_SOLVE`]) comes
/// after "for"/"por" before it. `Some(false)` when that ending is denied: a
/// negation before the verb, or between the verb and the trouble (an
/// infinitive right after a negation, "didn't fix", is denied too; so is
/// "got no refund").
/// `negates` says which words negate, a negation inside a phrase such as
/// "todavía no" included. `None` when nothing near it ends it. Only words
/// count: a clause boundary or an emoji ends the search.
fn solved<'a>(
    (first, last): (usize, usize),
    remedy: &Remedy,
    lower: &impl Fn(usize) -> &'a str,
    tokens: &[Tok],
    negates: impl Fn(usize) -> bool,
) -> Option<bool> {
    let word = |j: usize| tokens.get(j).is_some_and(|t| t.kind == Kind::Word);
    // Whether an ending of `remedy.done` starts at `j`.
    let done = |j: usize| {
        remedy
            .done
            .iter()
            .any(|d| spelled_from(j, d, tokens, lower).is_some())
    };
    // Before: "réglé mon problème", "por resolver el problema".
    let before = (first.saturating_sub(3)..first)
        .rev()
        .take_while(|&j| word(j))
        .find(|&j| {
            done(j)
                || (one_of(lower(j), remedy.to_do)
                    && j.checked_sub(1).is_some_and(|p| {
                        word(p) && (one_of(lower(p), &["for", "por"]) || negates(p))
                    }))
        });
    if let Some(j) = before {
        // "didn't fix the issue", "got no refund".
        let denied = (j.saturating_sub(3)..j)
            .rev()
            .take_while(|&k| word(k))
            .chain(j + 1..first)
            .any(&negates);
        return Some(!denied);
    }
    // After: "problème réglé", "the issue is now fixed", "problema no
    // resuelto", and one other word, the noun an adjective qualifies
    // ("the lost parcel arrived", "problema técnico resuelto").
    let (mut denied, mut free) = (false, 1);
    for j in last + 1..tokens.len().min(last + 6) {
        if !word(j) {
            return None;
        }
        if done(j) {
            return Some(!denied);
        }
        if negates(j) {
            denied = true;
        } else if !one_of(lower(j), &LINKS) {
            if free == 0 {
                return None;
            }
            free -= 1;
        }
    }
    None
}

/// Where `phrase` ends when the words from `start` on spell it (one word
/// to each space, ignoring ASCII case): the index of its last word.
fn spelled_from<'a>(
    start: usize,
    phrase: &str,
    tokens: &[Tok],
    lower: &impl Fn(usize) -> &'a str,
) -> Option<usize> {
    // Word by word, without splitting the phrase: most are one word, and
    // most words differ at once in length.
    let (mut rest, mut at) = (phrase, start);
    loop {
        if tokens.get(at)?.kind != Kind::Word {
            return None;
        }
        let word = lower(at);
        if !rest.get(..word.len())?.eq_ignore_ascii_case(word) {
            return None;
        }
        match rest.as_bytes().get(word.len()) {
            None => return Some(at),
            Some(b' ') => (rest, at) = (&rest[word.len() + 1..], at + 1),
            Some(_) => return None,
        }
    }
}

/// The verb of receiving and the indefinite after it in a text that tells
/// of the wrong item received (see [`Errand`]), the order told at token
/// `ordered`, if it does.
fn wrong_item<'a>(
    tokens: &[Tok],
    lower: &impl Fn(usize) -> &'a str,
    ordered: usize,
) -> Option<(usize, usize)> {
    let word = |k: usize| tokens.get(k).is_some_and(|t| t.kind == Kind::Word);
    (ordered + 1..tokens.len()).find_map(|got| {
        if !(word(got) && Errand::of(lower(got)) == Some(Errand::Received)) {
            return None;
        }
        let mut k = got + 1;
        while word(k) && one_of(lower(k), &["me", "us", "nous"]) {
            k += 1;
        }
        let another = word(k)
            && one_of(lower(k), &ANOTHER_THING)
            && !(word(k + 1) && one_of(lower(k + 1), &WHAT_COMES_AFTER_AN_ORDER));
        another.then_some((got, k))
    })
}

/// How far, in words, a negation carried by one of [`RAISING`] reaches.
const RAISED_REACH: usize = 8;

/// The value at or below which a word is a complaint (see
/// [`Sentiment::complaint`]), one that can make later praise ironic: a
/// quarter of the lexicons' scale. On the six UMSAB splits any cut from
/// -0.9 to -2.0 does a little better than counting every negative word
/// (English validation macro-F1 0.635 → 0.639 at -1.0).
const COMPLAINT: f64 = -1.0;

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
    /// - for Spanish, -0.18 and +0.45, the pair with the best macro-F1 over
    ///   the Spanish training and validation splits pooled (0.612, against
    ///   0.601 for -0.10 and 0.35). The ground is flat around it: every
    ///   pair from -0.17 to -0.20 and from 0.40 to 0.45 is within 0.002;
    ///   English gains nothing from cut-offs of its own;
    /// - VADER's published constants for negation (-0.74), boosters
    ///   (0.293), capitals (0.733) and contrast (0.5 before, 1.5 after),
    ///   with a negation window of 3 words;
    /// - half weight for the words of a question ("is it any good?"): a
    ///   question asks rather than says. Over the six UMSAB splits every
    ///   weight from 0.4 to 0.6 does better than none, by up to 0.004
    ///   macro-F1 on the training splits.
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
                    positive: 0.45,
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
    /// 0.22 for positive in French, -0.18 and 0.45 in Spanish; both in
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
    /// question mark (default 0.5, in `0..=4`; 1 turns the rule off).
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

/// One scored piece of a text: tokens `first..=last`, bytes `start..end`.
#[derive(Debug, Clone, Copy)]
struct Item {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    base: f64,
    emoji: bool,
    praise: bool,
    /// Calls for a senior agent, unless negated (see
    /// [`Sentiment::escalates`]).
    escalates: bool,
    /// A phrase that carries its own negation ("pas mal", "not bad"): a
    /// negation before it is the same one, not a second.
    negation_inside: bool,
    /// A phrase that ends with its negation ("still not", "toujours pas",
    /// "todavía no"), which denies the words after it too; "no problem"
    /// and "never mind" deny only their own.
    negation_last: bool,
    /// Also an intensifier: dropped as a sentiment word when it intensifies
    /// a following one ("damn good").
    also_booster: bool,
}

/// A token without its text (which is `text[start..end]`), so that the
/// buffers holding tokens outlive any one text.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    /// Where a word's lowercase form is in [`Scratch::lower`], when it is
    /// not the word as written.
    lowered: Option<(usize, usize)>,
}

/// The buffers one scoring fills: kept per thread and reused, so that
/// scoring allocates nothing once they have grown to the texts' size.
#[derive(Debug, Default)]
struct Scratch {
    tokens: Vec<Tok>,
    /// The lowercase forms of the words not written in lowercase, end to
    /// end.
    lower: String,
    items: Vec<Item>,
    values: Vec<f64>,
    negator: Vec<bool>,
    booster: Vec<f64>,
    /// The concessions of the text: the tokens of the words that open
    /// them and of the clause boundary that ends them.
    concessions: Vec<(usize, usize)>,
    /// Negations that reached no word: their token, their weight and the
    /// rule that weighed them.
    bare: Vec<(usize, f64, &'static str)>,
    /// The phrase being read.
    phrase: String,
    words: Words,
    /// Per built-in lexicon (English, French, Spanish), what the words
    /// this thread has met resolve to.
    resolved: [WordMemory; 3],
}

/// A memory of what words resolve to, direct-mapped: each word has one
/// slot, chosen by its hash, and a word finding another in its slot is
/// resolved again and takes the slot. Most words of a text were met before,
/// and finding one costs a hash and a comparison instead of the accent,
/// inflection and elongation searches. The words come from untrusted text:
/// words made to collide only evict each other, at the cost of resolving
/// them afresh, and never lengthen a search.
#[derive(Debug, Default)]
struct WordMemory {
    /// Empty until first used, then [`WordMemory::SLOTS`] long.
    slots: Vec<Option<(InlineWord, Resolved)>>,
}

impl WordMemory {
    /// 16,384 slots of 64 bytes: 1 MiB per lexicon in use.
    const SLOTS: usize = 1 << 14;

    /// What `word` resolves to, from memory or from `resolve`.
    fn get_or(&mut self, word: &str, resolve: impl FnOnce() -> Resolved) -> Resolved {
        use std::hash::Hasher;
        if word.len() >= 24 {
            return resolve();
        }
        if self.slots.is_empty() {
            self.slots = vec![None; Self::SLOTS];
        }
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(word.as_bytes());
        // The top bits of a multiplicative hash are its best mixed.
        let slot = (hasher.finish() >> (64 - Self::SLOTS.trailing_zeros())) as usize;
        match &mut self.slots[slot] {
            Some((held, resolved)) if held.is(word) => *resolved,
            other => {
                let resolved = resolve();
                *other = InlineWord::new(word).map(|key| (key, resolved));
                resolved
            }
        }
    }
}

/// A word of up to 23 bytes held in place: its bytes, zero-padded, then
/// its length. Longer words are not remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct InlineWord([u8; 24]);

impl InlineWord {
    fn new(word: &str) -> Option<InlineWord> {
        let bytes = word.as_bytes();
        let mut inline = [0u8; 24];
        inline.get_mut(..bytes.len())?.copy_from_slice(bytes);
        inline[23] = u8::try_from(bytes.len()).ok().filter(|&n| n < 24)?;
        Some(InlineWord(inline))
    }

    /// Whether this is `word`.
    fn is(&self, word: &str) -> bool {
        usize::from(self.0[23]) == word.len() && self.0.get(..word.len()) == Some(word.as_bytes())
    }
}

/// What a word says on its own, without the words around it, in the
/// lexicons at hand.
#[derive(Debug, Clone, Copy)]
struct Resolved {
    /// Its entry: as written, without accents, or inflected; failing
    /// that, the entry of the word with its elongation cut short ("nuuuul"
    /// as "nul").
    entry: Option<(Entry, Marks)>,
    /// Whether the entry is that of the word cut short.
    elongated: bool,
    /// Whether some phrase starts with it.
    starts_phrase: bool,
    /// Whether it tells of an order or of something received (see
    /// [`Errand`]): known with the word, so that a text is searched for
    /// the wrong item only when it has both.
    errand: Option<Errand>,
}

/// A word of an order and of what came of it: what the customer
/// ordered, booked or paid for, then a verb of receiving and (past the
/// customer, "me", "nous", "us") a thing other than the one ordered, an
/// indefinite ("got a single", "on m'a donné une chambre sur le parking",
/// "me llegó uno individual"): the wrong item (see [`wrong_item`]). Not
/// "got it", the thing itself, nor one of [`WHAT_COMES_AFTER_AN_ORDER`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Errand {
    /// "Ordered", "réservé", "pedí".
    Ordered,
    /// "Got", "reçu", "me llegó".
    Received,
}

impl Errand {
    /// The errand a lowercase word tells of, if any.
    fn of(word: &str) -> Option<Errand> {
        match word {
            "ordered" | "booked" | "bought" | "reserved" | "paid" | "commandé" | "commandée"
            | "commandés" | "commandées" | "réservé" | "réservée" | "acheté" | "achetée"
            | "payé" | "pedí" | "pedimos" | "pedido" | "reservé" | "reservamos" | "reservado"
            | "compré" | "compramos" | "comprado" | "pagué" | "pagamos" | "encargué"
            | "encargamos" | "pagado" => Some(Errand::Ordered),
            "got" | "received" | "gave" | "given" | "sent" | "delivered" | "brought" | "reçu"
            | "reçue" | "reçus" | "reçues" | "donné" | "envoyé" | "envoyée" | "livré"
            | "apporté" | "llegó" | "llega" | "llegaron" | "dieron" | "dio" | "dan"
            | "mandaron" | "mandó" | "enviaron" | "envió" | "recibí" | "recibimos" | "trajeron"
            | "entregaron" => Some(Errand::Received),
            _ => None,
        }
    }
}

/// Buffers for looking a word up: its accent-free form, inflection
/// candidates, and elongations cut to two letters and to one.
#[derive(Debug, Default)]
struct Words {
    folded: String,
    stem: String,
    two: String,
    one: String,
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

    /// What the caller's words, then the lexicons, say about a key as
    /// written: its entry (the caller's first), and whether a phrase may
    /// start with it.
    fn word(&self, lexicons: &[&Lexicon], key: &str) -> Word {
        if let ([lexicon], true) = (lexicons, self.custom.entries.is_empty()) {
            return lexicon.entries.get(key).copied().unwrap_or_default();
        }
        let mut word = Word::default();
        let custom = (!self.custom.entries.is_empty()).then_some(&*self.custom);
        for lexicon in custom.into_iter().chain(lexicons.iter().copied()) {
            if let Some(w) = lexicon.entries.get(key) {
                word.entry = word.entry.or(w.entry);
                word.starts_phrase |= w.starts_phrase;
            }
        }
        word
    }

    /// Finds a word as written, without accents, then through the
    /// language's inflection rules (plural, feminine, verb endings).
    fn lookup(
        &self,
        lexicons: &[&Lexicon],
        key: &str,
        buffers: &mut Words,
    ) -> Option<(Entry, Marks)> {
        self.word(lexicons, key)
            .entry
            .or_else(|| self.lookup_inflected(lexicons, key, buffers))
    }

    /// [`Analyzer::lookup`] for a word known not to be in any lexicon as
    /// written.
    fn lookup_inflected(
        &self,
        lexicons: &[&Lexicon],
        key: &str,
        buffers: &mut Words,
    ) -> Option<(Entry, Marks)> {
        let custom = !self.custom.entries.is_empty();
        let Words { folded, stem, .. } = buffers;
        lexicon::inflected(
            key,
            folded,
            stem,
            |k| self.word(lexicons, k).entry,
            |start| {
                (custom && self.custom.prefixes.contains(start))
                    || lexicons.iter().any(|l| l.prefixes.contains(start))
            },
        )
    }

    /// A phrase as written or without accents: its entry, and whether a
    /// longer key starts with it.
    fn phrase(
        &self,
        lexicons: &[&Lexicon],
        key: &str,
        buffers: &mut Words,
    ) -> (Option<(Entry, Marks)>, bool) {
        let word = self.word(lexicons, key);
        if key.is_ascii() {
            return (word.entry, word.starts_phrase);
        }
        lexicon::fold_accents_into(key, &mut buffers.folded);
        let folded = self.word(lexicons, &buffers.folded);
        (
            word.entry.or(folded.entry),
            word.starts_phrase || folded.starts_phrase,
        )
    }

    /// What a word says on its own (see [`Resolved`]).
    fn resolve(&self, lexicons: &[&Lexicon], key: &str, buffers: &mut Words) -> Resolved {
        let word = self.word(lexicons, key);
        // An inflection of one of the lexicon's `[verbs]` is a verb
        // whatever comes before it ("liked"); one of its `[fillers]` is no
        // filler ("Bonne, ...").
        let found = word.entry.or_else(|| {
            self.lookup_inflected(lexicons, key, buffers)
                .map(|(entry, marks)| {
                    (
                        entry,
                        Marks {
                            verb: false,
                            filler: false,
                            ..marks
                        },
                    )
                })
        });
        let mut resolved = Resolved {
            entry: found,
            elongated: false,
            starts_phrase: word.starts_phrase,
            errand: Errand::of(key),
        };
        if found.is_none() && collapse(key, &mut buffers.two, &mut buffers.one) {
            let (two, one) = (
                std::mem::take(&mut buffers.two),
                std::mem::take(&mut buffers.one),
            );
            resolved.entry = [&two, &one]
                .iter()
                .find_map(|k| self.lookup(lexicons, k, buffers));
            resolved.elongated = resolved.entry.is_some();
            (buffers.two, buffers.one) = (two, one);
        }
        resolved
    }

    fn max_words(&self, lexicons: &[&Lexicon]) -> usize {
        lexicons
            .iter()
            .map(|l| l.max_words)
            .chain([self.custom.max_words, 1])
            .max()
            .unwrap_or(1)
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
                    let resolved = std::mem::take(&mut scratch.resolved);
                    *scratch = Scratch {
                        resolved,
                        ..Scratch::default()
                    };
                }
                sentiment
            }
            // Only reachable if scoring ever scored from within itself.
            Err(_) => self.run_with(&mut Scratch::default(), text, hint, why),
        })
    }

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
                });
            });
        }
        let tokens = &scratch.tokens;
        let token_text = |i: usize| &text[tokens[i].start..tokens[i].end];
        // Whether the negator at `k` goes with "think" and the like, next
        // to it on either side ("don't think", "ne pense pas", "pense pas").
        let raises = |k: usize| {
            let raising = |t: &Tok| t.kind == Kind::Word && one_of(&text[t.start..t.end], &RAISING);
            tokens.get(k + 1).is_some_and(raising)
                || k.checked_sub(1)
                    .and_then(|j| tokens.get(j))
                    .is_some_and(raising)
        };
        // A word's lowercase form.
        let lower = |i: usize| match tokens[i].lowered {
            Some((start, end)) => &scratch.lower[start..end],
            None => token_text(i),
        };
        // Whether the contrast word at `k` contrasts where it stands:
        // "yet" is also an adverb of time ("no reply yet", "yet another
        // delay"), a contrast only where it opens a clause that goes on
        // ("cheap, yet it works", "and yet", "Yet it fails").
        let contrasts_here = |k: usize| {
            if !one_of(lower(k), &TIME_OR_CONTRAST) {
                return true;
            }
            let opens = k
                .checked_sub(1)
                .is_none_or(|j| tokens[j].kind == Kind::Boundary || one_of(lower(j), &["and"]));
            let goes_on = tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                && !one_of(lower(k + 1), &["another", "again", "more"]);
            opens && goes_on
        };
        // Whether the thanks at `k` open a request: "merci de/d'" then a
        // pronoun or a verb.
        let asks_politely = |k: usize| {
            let word = |j: usize| {
                tokens
                    .get(j)
                    .filter(|t| t.kind == Kind::Word)
                    .map(|_| lower(j))
            };
            if !one_of(lower(k), &THANKS_THAT_ASK)
                || !word(k + 1).is_some_and(|w| one_of(w, &["de", "d'", "d’", "d"]))
            {
                return false;
            }
            // The verb, after its pronouns and "bien": a request unless it
            // is the auxiliary of a past infinitive.
            let mut j = k + 2;
            while j < k + 5 && word(j).is_some_and(|w| one_of(w, &REQUEST_OPENERS)) {
                j += 1;
            }
            match word(j) {
                Some(w) if one_of(w, &DONE) => false,
                Some(w) if infinitive_like(w) => true,
                _ => j > k + 2,
            }
        };

        // Whether the word at `k`, one of the lexicon's `[verbs]`, is a verb
        // here: its subject (or a modal, or "to") before it, with at most a
        // few adverbs, auxiliaries and negations between (see
        // [`BEFORE_A_VERB`]). A sentence that opens with an adverb or an
        // auxiliary that only a verb takes has dropped its subject ("Really
        // like the new cups", "Don't like the new app"); not one that opens
        // with a word that also goes before a "like" that compares ("Just
        // like last year": see [`NOT_ONLY_BEFORE_A_VERB`]).
        // Whether the token at `k` opens a sentence: the text's first, or
        // right after a sentence's end.
        let opens_sentence = |k: usize| {
            k.checked_sub(1)
                .is_none_or(|j| ends_sentence(&tokens[j], text).is_some())
        };
        let verb_here = |k: usize| {
            let mut j = k;
            let mut only_a_verb = false;
            for _ in 0..=BETWEEN_REACH {
                if j.checked_sub(1)
                    .is_none_or(|b| tokens[b].kind != Kind::Word)
                {
                    return only_a_verb && opens_sentence(j);
                }
                let before = j - 1;
                if one_of(lower(before), &BEFORE_A_VERB) {
                    return true;
                }
                if !one_of(lower(before), &BETWEEN_SUBJECT_AND_VERB) {
                    return false;
                }
                only_a_verb |= !one_of(lower(before), &NOT_ONLY_BEFORE_A_VERB);
                j = before;
            }
            false
        };

        // Whether the word at `k`, one of the lexicons' `[fillers]`, is one
        // here: it opens a sentence and pauses ("Bon, j'attends toujours mon
        // colis", "Bueno, sigo esperando"), as "well" does, and judges
        // nothing.
        let filler = |k: usize| {
            let after = &text[tokens[k].end..];
            opens_sentence(k)
                && (after.starts_with([',', '…'])
                    || after.starts_with("...")
                    || tokens
                        .get(k + 1)
                        .is_some_and(|t| t.kind == Kind::Word && one_of(lower(k + 1), &FILLERS)))
        };

        let (language, language_source) = match hint {
            Hint::Given(l) => (Some(l), LanguageSource::Given),
            Hint::Detect { usual } => {
                let detected = lang::resolve(
                    lang::guess(
                        (0..tokens.len())
                            .filter(|&i| tokens[i].kind == Kind::Word)
                            .map(lower),
                        text,
                    ),
                    text,
                );
                match (detected, usual) {
                    (Some(g), Some(u)) if g.confidence < lang::SURE => {
                        (Some(u), LanguageSource::Usual)
                    }
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
                (Some(l), LanguageSource::Usual) => {
                    format!("language {l}, the writer's usual one (the text is unclear)")
                }
                _ => "language unknown: every lexicon consulted".to_owned(),
            });
        }

        // Items, negators, boosters and contrast words, by token.
        let items = &mut scratch.items;
        let negator = &mut scratch.negator;
        let booster = &mut scratch.booster;
        let buffers = &mut scratch.words;
        items.clear();
        negator.clear();
        negator.resize(tokens.len(), false);
        booster.clear();
        booster.resize(tokens.len(), 0.0);
        let mut contrast: Option<usize> = None;
        let concessions = &mut scratch.concessions;
        concessions.clear();
        let max_words = self.max_words(lexicons);
        // With one built-in lexicon and no words of the caller's, what a
        // word resolves to depends on the word alone: remember it.
        let mut cache = match (lexicons, self.custom.entries.is_empty()) {
            ([_], true) => language
                .and_then(lexicon_index)
                .and_then(|k| scratch.resolved.get_mut(k)),
            _ => None,
        };
        // Where the first word of an order came, and whether a word of
        // receiving came after it (see [`wrong_item`]).
        let (mut ordered, mut received_after_order) = (None, false);
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            let symbol = |base: f64, praise: bool| Item {
                first: i,
                last: i,
                start: token.start,
                end: token.end,
                base,
                emoji: true,
                praise,
                escalates: false,
                negation_inside: false,
                negation_last: false,
                also_booster: false,
            };
            match token.kind {
                Kind::Boundary => {
                    i += 1;
                    continue;
                }
                Kind::Emoticon => {
                    if let Some(v) = tokenize::emoticon(token_text(i)) {
                        items.push(symbol(v, false));
                    }
                    i += 1;
                    continue;
                }
                Kind::Emoji => {
                    if let Some(v) = lexicon::emoji(token_text(i)) {
                        items.push(symbol(v, token_text(i).starts_with(PRAISING_EMOJI)));
                    }
                    i += 1;
                    continue;
                }
                Kind::Word => {}
            }
            // Longest phrase first, then the word itself (also with its
            // elongation collapsed).
            let resolved = match cache.as_mut() {
                Some(memory) => {
                    memory.get_or(lower(i), || self.resolve(lexicons, lower(i), buffers))
                }
                None => self.resolve(lexicons, lower(i), buffers),
            };
            match resolved.errand {
                Some(Errand::Ordered) => ordered = ordered.or(Some(i)),
                Some(Errand::Received) => received_after_order |= ordered.is_some(),
                None => {}
            }
            let mut matched: Option<(usize, Entry, Marks)> = None;
            if max_words > 1 && resolved.starts_phrase {
                // Read on while a key may still follow; the longest key
                // found wins.
                let key = &mut scratch.phrase;
                key.clear();
                key.push_str(lower(i));
                for (j, next) in tokens.iter().enumerate().take(i + max_words).skip(i + 1) {
                    if next.kind != Kind::Word {
                        break;
                    }
                    key.push(' ');
                    key.push_str(lower(j));
                    let (entry, goes_on) = self.phrase(lexicons, key, buffers);
                    if let Some((e, p)) = entry {
                        matched = Some((j, e, p));
                    }
                    if !goes_on {
                        break;
                    }
                }
            }
            let mut elongated = false;
            if matched.is_none() {
                if let Some((e, p)) = resolved.entry {
                    matched = Some((i, e, p));
                    elongated = resolved.elongated;
                }
            }
            let Some((last, entry, marks)) = matched else {
                i += 1;
                continue;
            };
            if last == i && ((marks.verb && !verb_here(i)) || (marks.filler && filler(i))) {
                i += 1;
                continue;
            }
            match entry {
                Entry::Valence(v) | Entry::Both(v, _) => {
                    if let Entry::Both(_, b) = entry {
                        booster[last] = b;
                    }
                    let mut base = v;
                    if elongated && base != 0.0 {
                        base += base.signum() * self.config.booster;
                    }
                    // A phrase with a negator in it ("pas mal", "toujours
                    // pas reçu") is negated already: the "n'" of "je n'ai
                    // toujours pas reçu" is the same negation.
                    let (mut negation_inside, mut negation_last) = (false, false);
                    if last > i && !resolved.elongated {
                        for j in i..=last {
                            let entry = if j == i {
                                resolved.entry
                            } else {
                                self.resolve(lexicons, lower(j), buffers).entry
                            };
                            if matches!(entry, Some((Entry::Negator, _))) {
                                negation_inside = true;
                                negation_last = j == last;
                            }
                        }
                    }
                    items.push(Item {
                        first: i,
                        last,
                        start: token.start,
                        end: tokens[last].end,
                        base,
                        emoji: false,
                        praise: marks.praise,
                        escalates: marks.escalates,
                        negation_inside,
                        negation_last,
                        also_booster: matches!(entry, Entry::Both(..)),
                    });
                }
                Entry::Negator => negator[i] = true,
                Entry::Booster(b) => booster[last] = b,
                Entry::Contrast if last == i && !contrasts_here(i) => {}
                Entry::Contrast => contrast = Some(last),
                // A concession opens a clause ("though" that ends one, "great
                // coffee though", is an adverb) and stands beside the main
                // one: after it in the same sentence ("great, although"), or
                // before it ("Although the box was damaged, the coffee is
                // great"). A sentence that opens with one and has no other
                // clause is an afterthought, and weighs in full ("The coffee
                // is great. Although the box was damaged."). One inside
                // another ends where it does: the clauses are kept apart and
                // in order, and each is searched for its end once (a
                // concession left out opens a sentence and ends at the next
                // boundary, before the next sentence opens).
                Entry::Concession => {
                    let opens = tokens.get(last + 1).is_some_and(|t| t.kind == Kind::Word);
                    if opens && concessions.last().is_none_or(|&(_, end)| last > end) {
                        let end = (last + 1..tokens.len())
                            .find(|&j| tokens[j].kind == Kind::Boundary)
                            .unwrap_or(tokens.len());
                        let after_main = !opens_sentence(i);
                        let before_main = end < tokens.len()
                            && ends_sentence(&tokens[end], text).is_none()
                            && tokens.get(end + 1).is_some_and(|t| t.kind == Kind::Word);
                        if after_main || before_main {
                            concessions.push((last, end));
                        }
                    }
                }
            }
            i = last + 1;
        }

        // The French "ne ... que" says "only": "on ne peut que recommander",
        // "il n'y a que des problèmes" negate nothing. A "pas" (or "plus",
        // "jamais"...) before the "que" makes it a negation again ("je ne
        // pense pas que").
        for (k, negates) in negator.iter_mut().enumerate() {
            if !*negates || !one_of(lower(k), &["ne", "n"]) {
                continue;
            }
            let only = (k + 1..tokens.len().min(k + 6))
                .take_while(|&j| tokens[j].kind == Kind::Word)
                .map(&lower)
                .find(|w| one_of(w, &FRENCH_SECOND_NEGATORS) || one_of(w, &["que", "qu"]))
                .is_some_and(|w| one_of(w, &["que", "qu"]));
            if only {
                *negates = false;
            }
        }

        // The word classes that bound a negation's reach or that it denies,
        // looked up only in a text with a negation (a negator, or a phrase
        // that ends with one: "still not fixed"), and only where a negation
        // looks.
        let negation = negator.contains(&true) || items.iter().any(|it| it.negation_last);
        let listed = |k: usize, class: fn(&Lexicon) -> &FxHashSet<String>| {
            negation
                && tokens[k].kind == Kind::Word
                && lexicons.iter().any(|l| class(l).contains(lower(k)))
        };
        // Auxiliaries ("n'a été capable de", "ha sido capaz de"): a
        // negation reaches through them without counting them.
        let aux = |k: usize| listed(k, |l| &l.auxiliaries);
        // Subject pronouns ("je", "I"): a clause starts at one. Clitic
        // pronouns ("me", "se"): a verb phrase starts at one.
        let subject = |k: usize| listed(k, |l| &l.subjects);
        let clitic = |k: usize| listed(k, |l| &l.clitics);
        // Words of the service doing its job (see `Lexicon::failures`),
        // looked up only where a negation denies them.
        let fails = |k: usize| listed(k, |l| &l.failures);
        // Whether the word at `j`, between a negation and a word, puts them
        // in different clauses: a subject pronoun; and, before a word that
        // opens its own verb phrase, any word but a clitic or a negation.
        let separates = |j: usize, own_verb_phrase: bool| {
            subject(j) || (own_verb_phrase && !negator[j] && !clitic(j))
        };
        // Whether a word of the service doing its job stands between a
        // negation at `n` and a word at `first`: the negation denies it
        // instead ("the tracking hasn't updated since Monday"). Looked up
        // only once a negation is found.
        let failure_between = |n: usize, first: usize| (n + 1..first).any(fails);

        // A word that is also an intensifier and does intensify a following
        // sentiment word is only an intensifier.
        let c = &self.config;
        let window = c.window;
        // Whether a word at `first` is within a negation's reach from `n`:
        // fewer than `window` words between, not counting auxiliaries;
        // counted no further than the window, so that a long run of
        // negations stays linear.
        let near = |n: usize, first: usize| {
            (n + 1..first).filter(|&j| !aux(j)).take(window).count() < window
        };
        let has_boundary =
            |from: usize, to: usize| tokens[from..to].iter().any(|t| t.kind == Kind::Boundary);
        let mut kept = 0;
        for k in 0..items.len() {
            let intensifies = items.get(k + 1).is_some_and(|next| {
                next.first - items[k].last <= window && !has_boundary(items[k].last, next.first)
            });
            if !(items[k].also_booster && intensifies) {
                items[kept] = items[k];
                kept += 1;
            }
        }
        items.truncate(kept);

        // Two rules need a look at the negators first: a negation carried by
        // "think" and the like reaches past the window, and a "never" may
        // meet a "so". Most texts have neither and skip both.
        let (mut raised, mut never) = (false, false);
        for (k, _) in negator.iter().enumerate().filter(|(_, n)| **n) {
            raised |= raises(k);
            never |= one_of(token_text(k), &NEVER);
        }
        let reach = if raised {
            window.max(RAISED_REACH)
        } else {
            window
        };

        // Values, with every rule that applies.
        // "Shouting" only means something in a text that is not all
        // capitals: look at the words' letters.
        let all_caps = {
            let mut any = false;
            let mut lower_seen = false;
            for (i, _) in tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == Kind::Word)
            {
                let t = token_text(i);
                if t.is_ascii() {
                    any |= t.bytes().any(|b| b.is_ascii_alphabetic());
                    lower_seen |= t.bytes().any(|b| b.is_ascii_lowercase());
                } else {
                    any |= t.chars().any(char::is_alphabetic);
                    lower_seen |= t.chars().any(char::is_lowercase);
                }
                if lower_seen {
                    break;
                }
            }
            any && !lower_seen
        };
        // Whether an item stands in a concession, the clause that matters
        // less (by binary search: the concessions are apart and in order).
        let concessions = &*concessions;
        let conceded = |item: &Item| {
            let k = concessions.partition_point(|&(from, _)| from < item.first);
            k > 0 && item.last < concessions[k - 1].1
        };
        // The rules that changed each value, kept only for an explanation.
        let mut modifiers: Vec<Vec<Modifier>> = Vec::new();
        let explaining = why.is_some();
        let values = &mut scratch.values;
        values.clear();
        // Where the sentence being read ends, and whether it asks: items
        // come in token order, so the search only moves forward.
        let mut sentence_end = 0;
        let mut asks = false;
        // Whether that question ends with "why" ("the code doesn't work,
        // why?"), which reproaches as one that opens with it does.
        let mut why_last = false;
        // Where the sentence opened by a request formula ends.
        let mut requested_until = 0;
        let mut complaint = false;
        // The first item that calls for a senior agent, if any.
        let mut escalating: Option<usize> = None;
        // Whether the word at `k` negates: a negator, or a word of a phrase
        // with its negation inside ("todavía no").
        // Items are in token order and do not overlap: the one that may
        // hold `k` is found by binary search.
        let negates = |k: usize| {
            negator[k]
                || items[..items.partition_point(|it| it.first <= k)]
                    .last()
                    .is_some_and(|it| it.negation_inside && k <= it.last)
        };
        // Whether a "why" opened the sentence being read so far (see
        // [`WHY`]): tokens are read once, up to the current item, only
        // when a question holds a negative word.
        let (mut why_read_to, mut why_open) = (0, false);
        for (at, item) in items.iter().enumerate() {
            let mut v = item.base;
            let mut mods = Vec::new();
            let mut note = |m: Modifier| {
                if explaining {
                    mods.push(m);
                }
            };
            // "merci de me rembourser" asks: the thanks count for nothing,
            // and the praise after them in the sentence is what is asked
            // for ("merci de corriger ça rapidement"), as after a request
            // formula below.
            if item.praise && item.first == item.last && asks_politely(item.last) {
                reach_sentence_end(&mut requested_until, item.last, tokens, text);
                v = 0.0;
                note(Modifier::Request);
            }
            // Praise right before a manager says whom it is for ("thanks to
            // your manager", "un grand merci au responsable"), with at most
            // intensifiers between ("thanks so much to your supervisor"):
            // nobody is asked for. (Spanish asks "con el encargado" and
            // thanks "al encargado": nothing to undo there.)
            let thanked = item.escalates
                && at.checked_sub(1).map(|p| &items[p]).is_some_and(|p| {
                    (p.praise || one_of(&text[p.start..p.end], &THANKS))
                        && p.base > 0.0
                        && (p.last + 1..item.first)
                            .all(|k| tokens[k].kind == Kind::Word && booster[k] != 0.0)
                });
            if thanked {
                v = 0.0;
                note(Modifier::Thanked);
            }
            // A problem solved ("vous avez réglé mon problème", "thanks
            // for fixing my issue") or a loss found ("le colis perdu est
            // arrivé") is not a complaint, unless the ending is denied
            // ("nobody has fixed my problem"): then the negation is the
            // verb's, and the trouble stays one. Trouble words are negative
            // lexicon words: the cheap tests first.
            let span = (item.first, item.last);
            let remedy = match item.base < 0.0 {
                true if item.first == item.last => TROUBLES.words.get(lower(item.first)).copied(),
                true => TROUBLES
                    .phrases
                    .iter()
                    .find(|(t, _)| spelled_from(item.first, t, tokens, &lower) == Some(item.last))
                    .map(|&(_, r)| r),
                false => None,
            };
            let solving = remedy.and_then(|r| solved(span, r, &lower, tokens, negates));
            if solving == Some(true) {
                v = 0.0;
                note(Modifier::Solved);
            }
            let sign = v.signum();
            // A phrase shouts when one of its words does ("c'est NUL").
            let shouted = || (item.first..=item.last).any(|k| is_shouted(token_text(k)));
            if v != 0.0 && !item.emoji && !all_caps && shouted() {
                v += sign * c.capitals;
                note(Modifier::Capitals);
            }
            // Only said: an elongation's effect is already in the base.
            let item_text = &text[item.start..item.end];
            if explaining && item_text.len() > 2 && !item.emoji && is_elongated(item_text) {
                note(Modifier::Elongated);
            }
            // Look back over the window, stopping at a clause boundary or
            // at an emoji, which closes what came before it ("still no
            // parcel :( damn" negates nothing).
            let mut negated = false;
            let mut seen = 0;
            let mut k = item.first;
            let mut so = false;
            let mut stressed = false;
            let mut before_its_clause = false;
            // A word that opens with a clitic ("me doy de baja") opens its
            // verb phrase: a negation reaches it only over clitics ("no me
            // gusta"), not over the verb of another ("si no lo solucionan
            // me doy de baja").
            let own_verb_phrase = clitic(item.first);
            // Whether the negation at `n` says the word could not be more
            // so: "can't" or "couldn't" with a comparative up to the word or
            // "enough" around it ("couldn't be more pleased", "can't say
            // enough good things", "can't thank you enough"), or "never"
            // ("jamais", "nunca") with "enough" after the word's object or
            // after thanks ("je ne vous remercierai jamais assez", "I'll never
            // thank you enough"; not "never good enough").
            let beyond = |n: usize| {
                let can = one_of(lower(n), &["cannot", "cant", "couldnt"])
                    || (one_of(lower(n), &["n't", "not", "pas"])
                        && n.checked_sub(1).is_some_and(|m| one_of(lower(m), &CAN)))
                    || (one_of(lower(n), &["no"])
                        && n + 1 < tokens.len()
                        && one_of(lower(n + 1), &PODER));
                // "Couldn't have been nicer": an English comparative.
                let nicer = || {
                    item.first == item.last
                        && lower(item.first).ends_with("er")
                        && item
                            .first
                            .checked_sub(1)
                            .is_some_and(|p| one_of(lower(p), &["be", "been"]))
                };
                if can && nicer() {
                    return true;
                }
                if can
                    && (n + 1..=item.last)
                        .any(|j| one_of(lower(j), &COMPARATIVES) || one_of(lower(j), &ENOUGH))
                {
                    return true;
                }
                let mut never = one_of(lower(n), &NEVER);
                for j in (item.last + 1..tokens.len().min(item.last + 4))
                    .take_while(|&j| tokens[j].kind == Kind::Word)
                {
                    if one_of(lower(j), &ENOUGH) {
                        return can || (never && (j > item.last + 1 || item.praise));
                    }
                    never |= one_of(lower(j), &NEVER);
                }
                false
            };
            while k > 0 && seen < reach {
                k -= 1;
                if tokens[k].kind != Kind::Word {
                    break;
                }
                if aux(k) && !negator[k] {
                    continue;
                }
                seen += 1;
                if seen > window || before_its_clause {
                    // Past the window, and before what opens the word's
                    // clause (the subject in "si vous ne me remboursez pas
                    // je porte plainte", the verb of another in "si no lo
                    // solucionan me doy de baja"), only a negation carried
                    // by "think" and the like reaches.
                    negated |= negator[k] && raises(k);
                    continue;
                }
                if separates(k, own_verb_phrase) {
                    before_its_clause = true;
                    continue;
                }
                if negator[k] {
                    // A negation with a failure between it and the word
                    // denies the failure: the word is in another clause.
                    if failure_between(k, item.first) {
                        before_its_clause = true;
                        negated |= raises(k);
                        continue;
                    }
                    // A "never" with a "so" between it and the word
                    // stresses, and the "ne" before it is the same negation
                    // ("je n'ai jamais été aussi content").
                    if (so && one_of(token_text(k), &NEVER)) || (!negated && beyond(k)) {
                        note(Modifier::Stressed);
                        stressed = true;
                    } else if !stressed {
                        negated = true;
                    }
                }
                so |= never && one_of(token_text(k), &SO);
                // "Peu aimable", "poco útil": a denial, not a softener.
                if seen == 1
                    && k + 1 == item.first
                    && one_of(lower(k), &LITOTES)
                    && !k.checked_sub(1).is_some_and(|p| {
                        tokens[p].kind == Kind::Word && one_of(lower(p), &NOT_LITOTES)
                    })
                {
                    negated = true;
                    continue;
                }
                let b = booster[k];
                if b != 0.0 && v != 0.0 {
                    let decay = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65][seen - 1];
                    v += sign * b * decay;
                    note(if b > 0.0 {
                        Modifier::Boosted
                    } else {
                        Modifier::Damped
                    });
                }
            }
            // A phrase that ends with a negation ("still not", "toujours
            // pas", "todavía no") reaches the words after it as far as a
            // negation does, through auxiliaries ("todavía no me lo han
            // solucionado"), within its clause.
            let inner_negation = at.checked_sub(1).map(|p| &items[p]).filter(|p| {
                p.negation_last
                    && tokens[p.last + 1..item.first]
                        .iter()
                        .all(|t| t.kind == Kind::Word)
                    && near(p.last, item.first)
            });
            // A word of the service doing its job, denied, reports a
            // failure ("it's not fixed", "no lo han arreglado"), whatever
            // it weighs on its own ("refunded" is barely good news), and so
            // right after such a phrase ("still not fixed", "toujours pas
            // réparé", "toujours rien reçu"; not "no problem, it works").
            let failed = !item.emoji
                && item.first == item.last
                && (negated || inner_negation.is_some())
                && fails(item.first);
            // Any other word is turned by a complaining phrase that ends
            // with a negation ("still not happy", "sigo sin ganas"), not by
            // one whose negation is an object ("thanks for nothing", "de
            // nada", "no pasa nada").
            let negated = negated
                || inner_negation.is_some_and(|p| p.base < 0.0 && !one_of(lower(p.last), &NOTHING));
            // Any other word a negation turns, but not an emoji: it says
            // how the writer feels, and a negation before it does not turn
            // ":(" into a smile.
            if failed {
                v = FAILURE;
                note(Modifier::Negated);
            } else if negated && !item.negation_inside && !item.emoji && solving.is_none() {
                v *= c.negation;
                note(Modifier::Negated);
            }
            if item.last >= sentence_end {
                (sentence_end, asks) = sentence_after(item.last, tokens, text);
                why_last = asks
                    && sentence_end
                        .checked_sub(1)
                        .is_some_and(|k| k > item.last && is_why(k, tokens, &lower));
            }
            // "Why ...?" about something bad reproaches: it is not damped
            // as a question, and it complains ("why was I charged twice?").
            if asks && v < 0.0 {
                for j in why_read_to..item.first {
                    match ends_sentence(&tokens[j], text) {
                        Some(_) => why_open = false,
                        None => why_open |= is_why(j, tokens, &lower),
                    }
                }
                why_read_to = why_read_to.max(item.first);
            }
            let reproach = asks && v < 0.0 && (why_open || why_last);
            if asks && v != 0.0 && !reproach {
                v *= c.question;
                note(Modifier::Question);
            }
            // A request formula thanks for nothing yet, and the praise in
            // its sentence is what is asked for ("une réponse rapide"): it
            // says nothing of what happened.
            if item.base >= 0.0 && request_formula(&text[item.start..item.end]) {
                reach_sentence_end(&mut requested_until, item.last, tokens, text);
                v = 0.0;
                note(Modifier::Request);
            } else if item.first < requested_until && v > 0.0 {
                v = 0.0;
                note(Modifier::Request);
            }
            if conceded(item) {
                v *= c.before_contrast;
                note(Modifier::Concession);
            }
            if let Some(cut) = contrast {
                if item.last < cut {
                    v *= c.before_contrast;
                    note(Modifier::BeforeContrast);
                } else if item.first > cut {
                    v *= c.after_contrast;
                    note(Modifier::AfterContrast);
                }
            }
            // A question about refunds asks; it does not complain.
            complaint |=
                v < 0.0 && (failed || item.base.abs() >= -COMPLAINT) && (!asks || reproach);
            // Asking for a manager asks for one, question or not; "I don't
            // want to speak to a manager" does not.
            if item.escalates && v < 0.0 {
                escalating.get_or_insert(at);
            }
            values.push(v);
            if explaining {
                modifiers.push(mods);
            }
        }
        // A negation that negates nothing is itself a complaint ("toujours
        // rien", "nadie contesta", "not again").
        // Items are in token order: the first item after a negation is the
        // only one it can reach, found by binary search (linear overall).
        let bare = &mut scratch.bare;
        bare.clear();
        // Where the sentence of the last negation denying a failure ends,
        // and whether it asks (negations come in token order).
        let (mut bare_sentence_end, mut bare_asks) = (0, false);
        // The end of a negation counted with its second part ("no contesta
        // nadie" is one negation, counted at "no").
        let mut counted_until = 0;
        for (k, _) in negator.iter().enumerate().filter(|(_, n)| **n) {
            if k < counted_until {
                continue;
            }
            let next = items.partition_point(|it| it.first <= k);
            // It reaches a word, not an emoji, and not past one (as above):
            // a word `near` it, with no subject pronoun between, which opens
            // another clause, nor a verb before a word that opens its own
            // verb phrase, nor a failure, which it denies instead.
            let within = |first: usize| {
                let own_verb_phrase = clitic(first);
                near(k, first)
                    && !(k + 1..first)
                        .filter(|&j| !aux(j))
                        .take(window)
                        .any(|j| separates(j, own_verb_phrase))
                    && !failure_between(k, first)
            };
            let reaches = items.get(next).is_some_and(|it| {
                !it.emoji
                    && (within(it.first) || (raised && it.first - k <= RAISED_REACH && raises(k)))
                    && tokens[k + 1..it.first].iter().all(|t| t.kind == Kind::Word)
            });
            let next_to_last = bare.last().is_some_and(|&(b, ..)| k - b <= 1);
            // The words that follow within the window, up to a non-word.
            let ahead = || {
                (k + 1..tokens.len().min(k + 1 + window))
                    .take_while(|&j| tokens[j].kind == Kind::Word)
            };
            // The next negator, when it comes before any word this one could
            // reach: "ne ... pas" with a verb between is one negation ("je ne
            // pourrais pas", "n'ai jamais"), counted at its second word.
            let next_negator = || {
                ahead()
                    .find(|&j| negator[j])
                    .filter(|&j| items.get(next).is_none_or(|it| it.first > j))
            };
            // Nor is "never" that stresses a later word ("nunca había sido
            // tan feliz").
            let stresses = || {
                never
                    && one_of(token_text(k), &NEVER)
                    && ahead().any(|j| one_of(token_text(j), &SO))
            };
            let follower = next_negator();
            // "Ne ... pas": one negation, counted at "pas" with the verb
            // before it.
            let second_part_follows = follower.is_some_and(|j| one_of(lower(j), &AFTER_THE_VERB));
            if !reaches && !next_to_last && !second_part_follows && !stresses() {
                // A negation that denies a word of the service doing its
                // job reports a failure: the verb right after it, over
                // auxiliaries, clitics and one more word ("my order hasn't
                // arrived", "la app ya no conecta", "doesn't even load"), or,
                // in French, the verb before it ("ça marche pas").
                // After a subject negation and a place or team ("nobody
                // at the counter"), as far as the verb of its clause.
                let placed = one_of(lower(k), &SUBJECT_NEGATIONS)
                    && tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                    && one_of(lower(k + 1), &PLACE_OR_TEAM);
                let (span, verbs) = if placed {
                    (SUBJECT_REACH, SUBJECT_REACH)
                } else {
                    (window + 1, 2)
                };
                let mut after = (k + 1..tokens.len().min(k + 1 + span))
                    .take_while(|&j| tokens[j].kind == Kind::Word)
                    .filter(|&j| !aux(j) && !clitic(j) && !negator[j])
                    .take(verbs);
                // "Don't reply", "please do not open": an English
                // negative imperative asks, it reports nothing.
                let opens = |j: usize| j == 0 || tokens[j - 1].kind != Kind::Word;
                let imperative = || {
                    k > 0
                        && one_of(lower(k - 1), &["do"])
                        && (opens(k - 1) || (one_of(lower(k - 2), &PLEASE) && opens(k - 2)))
                };
                let denies = (after.any(&fails) && !imperative())
                    || (k > 0 && one_of(lower(k), &AFTER_THE_VERB) && fails(k - 1));
                let counts = match follower {
                    None => true,
                    // A "no" or "not" that follows opens a negation of its
                    // own: this one counts when it denies the service its
                    // job ("no funcionaba y no pude pagar").
                    Some(j) if one_of(lower(j), &OPENING_NEGATIONS) => denies,
                    // The second part of this one after the verb it denies:
                    // counted here, with the verb ("no contesta nadie").
                    Some(j) => {
                        if denies {
                            counted_until = j + 1;
                        }
                        denies
                    }
                };
                if !counts {
                    continue;
                }
                if denies {
                    if k >= bare_sentence_end {
                        (bare_sentence_end, bare_asks) = sentence_after(k, tokens, text);
                    }
                    let v = if bare_asks {
                        FAILURE * c.question
                    } else {
                        FAILURE
                    };
                    complaint |= !bare_asks;
                    bare.push((k, v, "failure"));
                } else {
                    bare.push((k, BARE_NEGATION, "bare-negation"));
                }
            }
        }
        // Whether a good word starts within `words` of token `k` (after it).
        let good_after = |k: usize, words: usize| {
            items
                .iter()
                .zip(values.iter())
                .any(|(it, v)| (k + 1..=k + words).contains(&it.first) && *v > 0.0)
        };
        // The wrong item: something ordered, then another thing received,
        // unless a good word right after says what it is ("got a free
        // cookie", "got a great guide", "me llegó una riquísima"). Praise
        // further on is ironic ("received a green one, great"), and thanks
        // are for the desk ("got a small thanks").
        let wrong = ordered
            .filter(|_| received_after_order)
            .and_then(|at| wrong_item(tokens, &lower, at));
        if let Some((got, another)) = wrong {
            if !good_after(another, 1) {
                let at = bare.partition_point(|&(b, ..)| b < got);
                bare.insert(at, (got, WRONG_ITEM, "wrong-item"));
                complaint = true;
            }
        }
        // Irony: praise ("bravo", 👏, "merci") in a text that otherwise
        // complains turns into reproach.
        // It applies to praise after the first complaint, or anywhere when
        // the text claps (👏); "merci, mais ..." stays thanks. A complaint
        // is a word of some weight (a sigh such as "ay" is not), and praise
        // after a contrast word is what the writer means ("no me gusta el
        // sol, pero lo estoy pasando genial").
        let first_complaint = items
            .iter()
            .zip(values.iter())
            // A complaint conceded ("although the box was damaged, the
            // coffee is great") turns no praise after it.
            .find(|(it, v)| !it.praise && **v <= COMPLAINT && !conceded(it))
            .map(|(it, _)| it.first)
            .into_iter()
            .chain(
                bare.iter()
                    .find(|(_, v, _)| *v <= COMPLAINT)
                    .map(|&(k, ..)| k),
            )
            .min();
        let claps = items
            .iter()
            .any(|it| it.emoji && text[it.start..it.end].starts_with(CLAP));
        // An emoji that rolls its eyes or turns its face upside down says
        // the praise is not meant, complaint or not ("Super 🙃"), nor any
        // other good word ("Love waiting on hold 🙄").
        let marked = items
            .iter()
            .any(|it| it.emoji && text[it.start..it.end].contains(IRONY_MARKS));
        // Praise that opens the text on its own, in a clause of a few
        // words, then complaints and nothing good of the same weight
        // ("Perfect, the new update deleted all my photos", "Excelente
        // atención, me colgaron"), or the same again (see [`AGAIN`]), is
        // ironic too; with a contrast word it is meant ("merci, mais"), and
        // opening thanks are meant (see [`THANKS`]).
        let opening = contrast.is_none()
            && items.first().is_some_and(|it| {
                if !it.praise || one_of(&text[it.start..it.end], &THANKS) {
                    return false;
                }
                let Some(mark) = text[it.end..].find(CLAUSE_MARKS).map(|m| it.end + m) else {
                    return false;
                };
                let words = tokens
                    .iter()
                    .take_while(|t| t.start < mark)
                    .filter(|t| t.kind == Kind::Word)
                    .count();
                // What the praise names, between it and the clause's end.
                let of_the_service = (it.last + 1..tokens.len())
                    .take_while(|&j| tokens[j].start < mark)
                    .filter(|&j| tokens[j].kind == Kind::Word)
                    .all(|j| one_of(lower(j), &THE_SERVICE));
                let mut after = items
                    .iter()
                    .zip(values.iter())
                    .filter(|(later, _)| later.start > mark && !later.praise);
                let again = || {
                    let next = (tokens.partition_point(|t| t.start <= mark)..tokens.len())
                        .find(|&j| tokens[j].kind == Kind::Word)?;
                    let last = AGAIN
                        .iter()
                        .find_map(|p| spelled_from(next, p, tokens, &lower))?;
                    Some(!good_after(last, 2))
                };
                // A complaint after it: a word, or a failure told by a
                // negation ("Great, now the link doesn't even load").
                let failed_after = bare
                    .iter()
                    .any(|&(k, v, _)| tokens[k].start > mark && v <= COMPLAINT);
                words <= OPENING_WORDS
                    && of_the_service
                    && (((after.clone().any(|(_, v)| *v <= COMPLAINT) || failed_after)
                        && !after.any(|(_, v)| *v >= -COMPLAINT))
                        || again().unwrap_or(false))
            });
        // Praise aimed at a failure is ironic ("thanks for losing my
        // order", "bravo pour avoir perdu mon colis", "great job losing my
        // parcel"): the failure follows the praise after one or two of
        // [`AIMED_AT`], or at once as an English gerund; a word right after
        // praise may say what kind it is ("gracias atrasadas"). Thanks for
        // cancelling are meant: a cancellation is what customers ask for
        // (see [`ASKED_FOR`]).
        let aimed = |k: usize, values: &[f64]| {
            let (Some(praise), Some(failure)) = (items.get(k), items.get(k + 1)) else {
                return false;
            };
            let between = praise.last + 1..failure.first;
            let failed = lower(failure.first);
            praise.praise
                && !failure.praise
                && values.get(k + 1).is_some_and(|v| *v <= COMPLAINT)
                && (!between.is_empty() || failed.ends_with("ing"))
                && between.len() <= 2
                && between
                    .clone()
                    .all(|j| tokens[j].kind == Kind::Word && one_of(lower(j), &AIMED_AT))
                && !ASKED_FOR.iter().any(|asked| failed.starts_with(asked))
        };
        // French "rien" before the verb it goes with ("j'ai rien compris",
        // "je n'ai rien vu") negates that verb, as "pas" does; before "de"
        // ("rien de neuf") or alone ("toujours rien"), something is
        // missing.
        let negates_a_verb = |k: usize| {
            one_of(lower(k), &["rien"])
                && tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                && !one_of(lower(k + 1), &["de", "d'", "d’", "d"])
        };
        // A laugh or a thumb after a negation of something missing that
        // negates nothing else is bitter as after a complaint ("Still no
        // parcel 😂", "Otra vez sin pedido 😂", "Nothing yet 👍"): what
        // should have come has not. A negated verb is no such absence, and
        // a laugh after one is often at oneself ("j'ai pas tout compris
        // 😂"). Nor is a polite refusal, thanks right after the negation
        // ("No, thanks 👍").
        let absence = |k: usize| {
            (one_of(lower(k), &ABSENCE) && !negates_a_verb(k))
                || (one_of(lower(k), &["no"]) && language != Some(Language::SPANISH))
                || (one_of(lower(k), &["pas"])
                    && tokens.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
                    && one_of(lower(k + 1), &["de", "d'", "d’", "d"]))
        };
        let declines = |k: usize| {
            let j = match tokens.get(k + 1) {
                Some(t) if t.kind == Kind::Boundary && token_text(k + 1) == "," => k + 2,
                _ => k + 1,
            };
            // By binary search, as for the bare negations: a long run of
            // refusals stays linear.
            items
                .get(items.partition_point(|it| it.first < j))
                .is_some_and(|it| it.first == j && one_of(&text[it.start..it.end], &THANKS))
        };
        let first_bare = bare
            .iter()
            .map(|&(k, ..)| k)
            .find(|&k| absence(k) && !declines(k));
        if first_complaint.is_some() || marked || first_bare.is_some() || opening {
            let first = first_complaint.unwrap_or(usize::MAX);
            for k in 0..items.len() {
                let item = &items[k];
                let meant = contrast.is_some_and(|cut| item.first > cut);
                let ironic = marked
                    || claps
                    || item.first > first
                    || (item.emoji && first_bare.is_some_and(|b| item.first > b))
                    || (k == 0 && opening)
                    || aimed(k, values);
                let v = &mut values[k];
                if (item.praise || marked) && *v > 0.0 && ironic && !meant {
                    *v = -*v;
                    complaint = true;
                    if explaining {
                        modifiers[k].push(Modifier::Irony);
                    }
                }
            }
        }

        let (mut pos, mut neg) = (0.0, 0.0);
        let mut raw: f64 = values.iter().sum::<f64>() + bare.iter().map(|(_, v, _)| v).sum::<f64>();
        for (_, v, _) in bare.iter() {
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
                    value: v,
                });
            }
            for &(k, v, id) in bare.iter() {
                why.contributions.push(Contribution {
                    factor: Factor::Rule { id },
                    span: Some(tokens[k].start..tokens[k].end),
                    base: v,
                    modifiers: Vec::new(),
                    value: v,
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

/// Whether a phrase is one of [`REQUEST_FORMULAS`], whatever its case,
/// spacing and apostrophe.
fn request_formula(phrase: &str) -> bool {
    // Most items are words too short or phrases too long to be one: they
    // are told apart without reading them.
    if !(11..=32).contains(&phrase.len()) {
        return false;
    }
    let same = |word: &str, part: &str| {
        word.chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c })
            .eq(part.chars())
    };
    REQUEST_FORMULAS.iter().any(|formula| {
        let (mut words, mut parts) = (phrase.split_whitespace(), formula.split(' '));
        loop {
            match (words.next(), parts.next()) {
                (None, None) => return true,
                (Some(w), Some(p)) if same(w, p) => {}
                _ => return false,
            }
        }
    })
}

/// The token that ends the sentence after token `from` (a full stop, an
/// exclamation or a question mark, an ellipsis; past the last token at the
/// text's end), and whether it is a question mark.
fn sentence_after(from: usize, tokens: &[Tok], text: &str) -> (usize, bool) {
    for (k, t) in tokens.iter().enumerate().skip(from + 1) {
        if let Some(asks) = ends_sentence(t, text) {
            return (k, asks);
        }
    }
    (tokens.len(), false)
}

/// Moves `until` to the end of the sentence holding token `last`, unless it
/// is there already: a sentence's end is looked for once, however many
/// requests it holds.
fn reach_sentence_end(until: &mut usize, last: usize, tokens: &[Tok], text: &str) {
    if last >= *until {
        *until = sentence_after(last, tokens, text).0;
    }
}

/// Whether `token` ends a sentence (`?`, `.`, `!`, an ellipsis of dots),
/// and if so whether the sentence asks.
fn ends_sentence(token: &Tok, text: &str) -> Option<bool> {
    if token.kind != Kind::Boundary {
        return None;
    }
    match &text[token.start..token.end] {
        "?" => Some(true),
        "." | "!" => Some(false),
        s if s.starts_with("...") => Some(false),
        _ => None,
    }
}

/// The words that open a question of reproach rather than one that asks:
/// "why", "pourquoi", "porqué", and "por qué" (see [`is_why`]).
const WHY: [&str; 3] = ["why", "pourquoi", "porqué"];

/// Whether the token at `j` is a "why": one of [`WHY`], or the "qué" of
/// "por qué" (also written "por que").
fn is_why<'a>(j: usize, tokens: &[Tok], lower: &impl Fn(usize) -> &'a str) -> bool {
    tokens[j].kind == Kind::Word
        && (one_of(lower(j), &WHY)
            || (one_of(lower(j), &["qué", "que"])
                && j.checked_sub(1)
                    .is_some_and(|p| lower(p).eq_ignore_ascii_case("por"))))
}

/// How many `!` and `?` a text holds, eight bytes at a time.
fn count_bangs_and_questions(bytes: &[u8]) -> (usize, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // The number of zero bytes in `x`: below, a byte becomes 0xff when it
    // is not zero and 0x7f when it is, so each zero byte lacks one bit.
    let zeros = |x: u64| 64 - (((x & LOW7) + LOW7) | x | LOW7).count_ones() as usize;
    let (mut bangs, mut questions) = (0, 0);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        bangs += zeros(x ^ (ONES * u64::from(b'!')));
        questions += zeros(x ^ (ONES * u64::from(b'?')));
    }
    for &b in words.remainder() {
        bangs += usize::from(b == b'!');
        questions += usize::from(b == b'?');
    }
    (bangs, questions)
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

/// Whether a word has a letter written three times or more in a row
/// ("nuuuul", "NOOO"), in any case.
fn is_elongated(word: &str) -> bool {
    if word.is_ascii() {
        let (mut previous, mut run) = (0u8, 0);
        for b in word.bytes() {
            let b = b.to_ascii_lowercase();
            run = if b == previous { run + 1 } else { 1 };
            previous = b;
            if run >= 3 && b.is_ascii_alphabetic() {
                return true;
            }
        }
        return false;
    }
    let mut run: (Option<char>, usize) = (None, 0);
    word.chars().flat_map(char::to_lowercase).any(|c| {
        run = if run.0 == Some(c) {
            (Some(c), run.1 + 1)
        } else {
            (Some(c), 1)
        };
        run.1 >= 3 && c.is_alphabetic()
    })
}

/// For an elongated lowercase word ("nuuuul"), writes it with such runs cut
/// to two letters into `two` ("nuul") and to one into `one` ("nul");
/// returns whether the word was elongated.
fn collapse(word: &str, two: &mut String, one: &mut String) -> bool {
    if !is_elongated(word) {
        return false;
    }
    two.clear();
    one.clear();
    let mut previous = None;
    let mut run = 0;
    for c in word.chars() {
        run = if previous == Some(c) { run + 1 } else { 1 };
        previous = Some(c);
        if run <= 2 {
            two.push(c);
        }
        if run == 1 {
            one.push(c);
        }
    }
    true
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

    /// A trouble is only looked for among negative lexicon items: one that
    /// no built-in lexicon scores below zero could never be remedied.
    #[test]
    fn every_trouble_is_a_negative_lexicon_word() {
        let analyzer = Analyzer::default();
        for trouble in REMEDIES.iter().flat_map(|r| r.troubles) {
            let negative = [Language::ENGLISH, Language::FRENCH, Language::SPANISH]
                .into_iter()
                .any(|l| analyzer.score(trouble, Some(l)).compound < 0.0);
            assert!(negative, "{trouble} can never be a trouble");
        }
    }

    /// Every formula is found as written, in capitals, with a typographic
    /// apostrophe and doubled spaces (the length filter lets them all
    /// through), and a longer phrase is not one.
    #[test]
    fn every_request_formula_is_found_however_it_is_typed() {
        for formula in REQUEST_FORMULAS {
            let typed = formula.to_uppercase().replace('\'', "’").replace(' ', "  ");
            assert!(request_formula(formula), "{formula}");
            assert!(request_formula(&typed), "{typed}");
            assert!(!request_formula(&format!("{formula} now")), "{formula} now");
        }
    }

    #[test]
    fn the_word_memory_answers_as_resolving_would() {
        let resolved = |valence: f64| Resolved {
            entry: Some((Entry::Valence(valence), Marks::default())),
            elongated: false,
            starts_phrase: false,
            errand: None,
        };
        let mut memory = WordMemory::default();
        assert_eq!(
            memory.get_or("super", || resolved(2.0)).entry,
            resolved(2.0).entry
        );
        // Remembered: not resolved again.
        let again = memory.get_or("super", || unreachable!("remembered"));
        assert_eq!(again.entry, resolved(2.0).entry);
        // Every word gets its own answer, whoever held its slot before.
        for k in 0..50_000 {
            let word = format!("w{k}");
            let got = memory.get_or(&word, || resolved(f64::from(k)));
            assert_eq!(got.entry, resolved(f64::from(k)).entry);
        }
        // Words too long to hold are resolved each time.
        let long = "x".repeat(30);
        memory.get_or(&long, || resolved(1.0));
        assert_eq!(
            memory.get_or(&long, || resolved(3.0)).entry,
            resolved(3.0).entry
        );
    }

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
}
