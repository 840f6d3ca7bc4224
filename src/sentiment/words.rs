//! The little words the rules know, in the three languages: negations
//! and what they reach, troubles and the words that end them, thanks,
//! requests, orders, and the weights the rules give. The lexicons hold
//! the words that weigh on their own; these weigh only in company.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// What a negation that negates no sentiment word adds on its own.
pub(super) const BARE_NEGATION: f64 = -0.6;

/// The name, in an explanation, of [`BARE_NEGATION`] added.
pub(super) const BARE_NEGATION_RULE: &str = "bare-negation";

/// What a denied word of the service doing its job weighs ("my order
/// hasn't arrived", "sigue sin funcionar", "ce n'est pas réparé"): as much
/// as the lexicons' phrases that say so already ("no ha llegado", "pas
/// reçu", "pas venu"), a complaint whatever the word weighs on its own.
pub(super) const FAILURE: f64 = -2.0;

/// French "de" as it is written before a consonant and elided.
pub(super) const DE: [&str; 4] = ["de", "d'", "d’", "d"];

/// What opens an English request ("please do not reply").
pub(super) const PLEASE: [&str; 4] = ["please", "pls", "plz", "kindly"];

/// What makes a message a request in any of the three languages, one word
/// or two ("please", "svp", "s'il vous plaît", "por favor"; the second
/// word empty when there is none): thanks that close such a message are
/// its formula (see [`CLOSING_WORDS`]).
#[rustfmt::skip]
pub(super) const ASKING: [(&str, &str); 14] = [
    ("please", ""), ("pls", ""), ("plz", ""), ("kindly", ""),
    ("svp", ""), ("stp", ""), ("vous", "plaît"), ("vous", "plait"), ("te", "plaît"),
    ("te", "plait"), ("por", "favor"), ("porfa", ""), ("porfavor", ""), ("favor", "de"),
];

/// The sign-offs of a letter that wish something ("Best, Tom", "Belle
/// journée, Léa", "Un abrazo, Ana"): closing a complaint, a formula (see
/// [`Rules::signs_off`](super::rules::Rules::signs_off)). Those that wish
/// nothing ("Kind regards", "Cordialement") weigh nothing in the lexicons.
/// Not "love", which closes a letter as often as it says "love you".
#[rustfmt::skip]
pub(super) const SIGN_OFFS: [&str; 38] = [
    "best", "all the best", "best wishes", "warm wishes", "cheers", "take care", "warmly",
    "have a nice day", "have a good day", "have a great day", "have a nice weekend",
    "have a good weekend", "have a great weekend", "have a good one",
    "belle journée", "bonne journée", "bonne soirée", "bonne fin de journée", "amitiés",
    "bises", "bisous", "bien à vous", "bon week-end", "bon weekend", "bonne semaine",
    "un abrazo", "abrazos", "un beso", "besos", "un saludo", "saludos", "un cordial saludo",
    "feliz día", "buen día", "buena semana", "buen fin de semana", "buenas tardes",
    "buenas noches",
];

/// How many words may follow thanks that close a message (a name,
/// "Mark", "J. Patel") for them to be its formula.
pub(super) const CLOSING_WORDS: usize = 2;

/// French negations that follow the verb they deny ("ça marche pas",
/// "l'appli ne s'ouvre plus").
pub(super) const AFTER_THE_VERB: [&str; 4] = ["pas", "plus", "jamais", "rien"];

/// Negators that, with an intensifier between them and the word ("never
/// so happy", "jamais été aussi nul", "nunca tan feliz"), stress the word
/// rather than negate it.
pub(super) const NEVER: [&str; 3] = ["never", "jamais", "nunca"];

/// French "peu" and Spanish "poco", "poca", "pocos", "pocas" right before a
/// word, or before its "de", deny it, as "not very" does: "peu aimable",
/// "poco útil", "très peu professionnel", "peu cher" (cheap), "peu de
/// professionnalisme", "poca ayuda", "muy pocos problemas" (good news).
/// Not after the words of [`NOT_LITOTES`].
pub(super) const LITOTES: [&str; 5] = ["peu", "poco", "poca", "pocos", "pocas"];

/// English words of scarcity: after one of [`SCANT_HOW`] they deny the
/// word after them, or after their "of" ("very little professionalism",
/// "so few problems", "so little of it"). Not alone, where "little" is
/// most often a size ("a cute little shop", "my little brother").
pub(super) const SCANT: [&str; 2] = ["little", "few"];

/// What makes "little" or "few" say scarcity (see [`SCANT`]).
pub(super) const SCANT_HOW: [&str; 4] = ["very", "so", "too", "precious"];

/// What makes "peu" or "poco" after it no denial (see [`LITOTES`]): an
/// article, with which they soften ("un peu déçu", "un poco triste"), or a
/// word with which they count time or say what nearly happened ("hace
/// poco", "depuis peu", "sous peu", "por poco", "à peu près").
pub(super) const NOT_LITOTES: [&str; 9] = [
    "un", "una", "por", "hace", "depuis", "sous", "pour", "a", "à",
];

/// The intensifiers that turn "never" into stress: "never so", "never this",
/// "never such", "jamais aussi", "jamais si", "jamais tellement", "jamais
/// autant", "nunca tan", "nunca tanto"; before the word or right after it
/// ("never laughed so hard", "nunca me había reído tanto").
#[rustfmt::skip]
pub(super) const SO: [&str; 10] = [
    "so", "this", "such", "aussi", "si", "tellement", "autant", "tant", "tan", "tanto",
];

/// The one word of [`SO`] that is also a determiner ("this charge").
pub(super) const THIS: &str = "this";

/// Words of degree that "this" stresses as "so" does ("never had this
/// much fun", "never been this well looked after"), besides a word that
/// weighs ("never been this happy"); before any other word "this" is a
/// determiner ("never informed about this charge").
#[rustfmt::skip]
pub(super) const DEGREE_AFTER_THIS: [&str; 9] = [
    "much", "many", "well", "long", "far", "often", "fast", "quickly", "easily",
];

/// Negations that are pronouns: a phrase ending with one has its object
/// ("thanks for nothing", "merci pour rien", "no vino nadie") and denies
/// nothing after it.
#[rustfmt::skip]
pub(super) const NOTHING: [&str; 9] = [
    "nothing", "nobody", "none", "rien", "personne", "nada", "nadie", "ninguno", "ninguna",
];

/// What cannot be done enough: after a negation of "can" or "never" ("can't
/// thank you enough", "je ne vous remercierai jamais assez", "nunca les
/// agradeceré lo suficiente") the word is stressed, not negated.
pub(super) const ENOUGH: [&str; 4] = ["enough", "assez", "suficiente", "suficientemente"];

/// Comparatives that, after "can't" or "couldn't", say nothing could be
/// more so ("couldn't be more pleased", "could not ask for better", "it
/// can't get any worse", "ça ne peut pas être pire", "no puede ser peor"):
/// the word is stressed, not negated; and that "never" stresses as "so"
/// does ("never been better", "jamais été mieux", "nunca he estado mejor",
/// and English in -ier: "never been happier").
#[rustfmt::skip]
pub(super) const COMPARATIVES: [&str; 13] = [
    "more", "better", "worse", "prouder", "plus", "mieux", "meilleur", "meilleure", "pire",
    "más", "mas", "mejor", "peor",
];

/// "Can" before the negation that follows it: "can't" (read as "ca" and
/// "n't"), "couldn't", "ne peut pas", "ne pourrais pas"; and the English
/// forms that hold their negation ("cannot").
#[rustfmt::skip]
pub(super) const CAN: [&str; 17] = [
    "ca", "can", "could", "cannot", "cant", "couldnt",
    "peut", "peux", "pourrait", "pourrais", "pouvait", "pourra", "pouvons", "pouvez",
    "peuvent", "pu", "pouvais",
];

/// "Can" after the negation: "no puedo", "no podría", "sin poder"; and
/// "manage to", said so where English says "can't": "no consigo entrar"
/// (the other forms of "conseguir", and "lograr", are words of the
/// lexicon: "no conseguí", "no logré" deny an achievement).
#[rustfmt::skip]
pub(super) const PODER: [&str; 16] = [
    "puedo", "puede", "podemos", "pueden", "podría", "podríamos", "podrían", "podria",
    "podriamos", "pude", "pudo", "pudimos", "poder", "podía", "podido", "consigo",
];

/// Negations that are the subject of their clause ("nobody", "nadie"): a
/// place or a team after them ("nobody at the counter", "nadie en la
/// tienda") stands between them and the verb they deny (see
/// [`SUBJECT_REACH`]). French writes "ne" before the verb ("personne au
/// comptoir n'a su").
pub(super) const SUBJECT_NEGATIONS: [&str; 2] = ["nobody", "nadie"];

/// Prepositions that open the place or team after a subject negation.
#[rustfmt::skip]
pub(super) const PLACE_OR_TEAM: [&str; 9] = [
    "at", "in", "from", "on", "of",
    "en", "de", "del", "al",
];

/// How many words after a subject negation and the place or team that
/// follows it the verb it denies may stand ("nobody at your store has
/// answered", "nadie en el mostrador supo").
pub(super) const SUBJECT_REACH: usize = 6;

/// Negations that open a negation of their own, never the second part of
/// the one before them (as "pas" is of "ne", "nada" of "no").
pub(super) const OPENING_NEGATIONS: [&str; 5] = ["no", "not", "n't", "ne", "n"];

/// What makes the French "ne" a negation rather than the "ne ... que" of
/// "only" ("on ne peut que recommander", "je n'ai que des éloges").
pub(super) const FRENCH_SECOND_NEGATORS: [&str; 10] = [
    "pas", "plus", "jamais", "rien", "aucun", "aucune", "guère", "personne", "point", "ni",
];

/// What may come before "personne pour" and "personne à" for "personne"
/// to be "nobody" without its "ne" ("toujours personne pour m'aider", "et
/// personne à l'accueil"); at the start of a clause it is too. After any
/// other word, an article or an adjective, it is "a person" (see
/// `Reading::negates_nothing`).
#[rustfmt::skip]
pub(super) const BEFORE_NOBODY: [&str; 11] = [
    "toujours", "encore", "et", "mais", "jamais", "vraiment", "absolument", "strictement",
    "quasiment", "presque", "ou",
];

/// What may also come before "personne" alone for it to be "nobody", the
/// subject of what follows without its "ne" ("pourquoi personne répond ?",
/// "parce que personne m'a rappelé", "y a personne"); see
/// `Reading::nobody_at`.
#[rustfmt::skip]
pub(super) const BEFORE_SUBJECT_NOBODY: [&str; 7] = [
    "pourquoi", "comment", "quand", "que", "a", "si", "car",
];

/// French subjects that negate, before their "ne": "personne ne",
/// "rien n'", "aucun ne", "nul ne".
#[rustfmt::skip]
pub(super) const NEGATING_SUBJECTS: [&str; 6] = [
    "personne", "rien", "aucun", "aucune", "nul", "nulle",
];

/// Verbs that carry a negation over to the clause they introduce: "I don't
/// think it is good" says "it is not good" ("je ne pense pas que", "no creo
/// que"). A surprise in the past ("didn't expect", "wasn't expecting") is
/// a phrase of the English lexicon that takes its negation: what follows
/// holds as said.
pub(super) const RAISING: [&str; 8] = [
    "think", "believe", "expect", "suppose", "pense", "crois", "creo", "pienso",
];

/// Words that name a problem: once said to be solved, they no longer
/// complain.
#[rustfmt::skip]
pub(super) const PROBLEMS: [&str; 29] = [
    "problème", "problèmes", "probleme", "problemes", "souci", "soucis", "panne", "pannes",
    "bug", "bugs", "galère", "galères", "pagaille",
    "problema", "problemas", "avería", "averia", "averías",
    "fallo", "fallos", "lío", "follón",
    "problem", "problems", "issue", "issues", "fault", "glitch", "mess",
];

/// What is broken, which a repair ends as it ends a problem ("they fixed
/// my broken laptop", "ont réparé mon écran cassé", "me arreglaron el
/// móvil roto").
#[rustfmt::skip]
pub(super) const BROKEN: [&str; 20] = [
    "cassé", "cassée", "cassés", "cassées", "endommagé", "endommagée", "défectueux",
    "défectueuse",
    "roto", "rota", "rotos", "rotas", "dañado", "dañada", "estropeado", "estropeada",
    "broken", "cracked", "damaged", "faulty",
];

/// "Solved": the participles and past tenses of solving, fixing, sorting
/// out and repairing, in each language ("réglé", "resolvieron", "fixed"),
/// and of a problem going away.
#[rustfmt::skip]
pub(super) const SOLVED: [&str; 49] = [
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

/// A mood lifted: "cheered (me up)", "(m'a) remonté (le moral)", "(me)
/// alegró (el día)". A mood told before one is no complaint
/// ("Feeling down, a chat with your team cheered me up, thanks!"), and
/// the praise after it is meant.
pub(super) const LIFTED: [&str; 3] = ["cheered", "remonté", "alegró"];

/// The verbs of [`SOLVED`] as infinitives and gerunds: a thing solved only
/// after "for" or "por" ("thanks for fixing my issue", "gracias por
/// resolver mi problema"); a request otherwise ("please fix my problem",
/// "merci de régler mon problème"); denied after a negation ("they didn't
/// fix the issue").
#[rustfmt::skip]
pub(super) const TO_SOLVE: [&str; 16] = [
    "résoudre", "régler", "réparer", "corriger",
    "resolver", "solucionar", "arreglar", "reparar",
    "solve", "fix", "resolve", "repair", "solving", "fixing", "resolving", "repairing",
];

/// What before one of a remedy's infinitives or gerunds says it was done:
/// thanks for it ("thanks for fixing the problem", "gracias por
/// solucionar"), or ending up doing it ("they ended up fixing it", "ils
/// ont fini par régler le problème", "acabaron por solucionarlo").
pub(super) const DONE_BY: [&str; 4] = ["for", "por", "par", "up"];

/// What may stand between a problem and its "solved" after it ("the issue
/// is now fixed", "le problème a été réglé", "el problema ya está
/// resuelto").
#[rustfmt::skip]
pub(super) const LINKS: [&str; 20] = [
    "est", "a", "été", "bien", "maintenant", "enfin",
    "está", "esta", "fue", "ha", "sido", "ya", "quedó", "quedo",
    "is", "was", "has", "been", "now", "all",
];

/// What closes a clause: praise before one of these, then a complaint,
/// reads as irony. The tokenizer's clause boundaries, and the ellipsis
/// character, which it does not split on ("Génial… encore en panne").
pub(super) const CLAUSE_MARKS: [char; 7] = [',', '.', ';', ':', '!', '?', '…'];

/// Words that say something is lost or missing: once it arrived or was
/// found, no longer a complaint ("le colis perdu est enfin arrivé", "the
/// missing package showed up").
#[rustfmt::skip]
pub(super) const LOST: [&str; 16] = [
    "perdu", "perdue", "perdus", "perdues", "égaré", "égarée",
    "manquant", "manquante", "manquants", "manquantes",
    "perdido", "perdida", "perdidos", "perdidas",
    "lost", "missing",
];

/// "Arrived" and "found", for what was [`LOST`].
#[rustfmt::skip]
pub(super) const FOUND: [&str; 21] = [
    "arrivé", "arrivée", "arrivés", "arrivées", "retrouvé", "retrouvée", "reçu", "reçue",
    "llegó", "llego", "llegaron", "apareció", "aparecio", "encontrado", "encontrada",
    "arrived", "found", "delivered", "came", "turned up", "showed up",
];

/// Words that name a refund: asked for when something went wrong, so a
/// complaint until it is said to have come ("j'ai bien reçu mon
/// remboursement", "my refund came through", "finally got my money back")
/// or is thanked for ("thanks for refunding me", "gracias por
/// reembolsarme"; "merci de me rembourser" asks).
#[rustfmt::skip]
pub(super) const REFUNDS: [&str; 12] = [
    "remboursement", "remboursements", "reembolso", "reembolsos", "refund", "refunds",
    "money back", "refunding", "refunding me", "reembolsarme", "devolverme el dinero",
    "devolverme mi dinero",
];

/// Demanding, wanting, expecting, in the present: before a trouble (within
/// [`DEMAND_REACH`] words), its ending is asked for, not told ("I want an
/// immediate refund", "je veux un remboursement rapide", "exijo el
/// reembolso inmediato", "I need my problem fixed").
#[rustfmt::skip]
pub(super) const DEMANDING: [&str; 30] = [
    "want", "wants", "demand", "demanding", "need", "request", "requesting", "expect",
    "require",
    "veux", "voudrais", "souhaite", "demande", "exige", "réclame", "attends", "exigeons",
    "réclamons",
    "quiero", "quisiera", "queremos", "exijo", "exigimos", "pido", "pedimos", "solicito",
    "necesito", "espero", "reclamo", "reclamamos",
];

/// How many words before a trouble one of [`DEMANDING`] may stand ("I
/// demand an immediate full refund").
pub(super) const DEMAND_REACH: usize = 4;

/// The one-word thanks that may thank for a trouble, before
/// [`THANKED_FOR`] (see
/// [`Reading::thanked_for`](super::reading::Reading::thanked_for)).
#[rustfmt::skip]
pub(super) const THANKS_WORDS: [&str; 5] = ["thanks", "thx", "merci", "gracias", "grax"];

/// "Received" and "paid in", for a [`REFUNDS`] word; where the money now
/// is ("the refund is in my account", "sur mon compte", "ya está en mi
/// cuenta"); and how fast it came ("super quick refund", "remboursement
/// rapide", "reembolso rapidísimo").
#[rustfmt::skip]
pub(super) const RECEIVED: [&str; 51] = [
    "quick", "fast", "speedy", "prompt", "immediate", "instant",
    "rapide", "immédiat", "express",
    "rápido", "rapido", "rapidísimo", "rapidisimo", "inmediato",
    "reçu", "reçus", "arrivé", "arrivés", "effectué", "effectués", "versé", "crédité", "obtenu",
    "sur mon compte", "sur ma carte",
    "recibí", "recibi", "recibido", "recibidos", "llegó", "llego", "llegado", "ingresado",
    "ingresaron", "en mi cuenta", "en mi tarjeta",
    "received", "got", "arrived", "came", "processed", "credited", "issued", "paid", "landed",
    "went through", "came through", "in my account", "into my account", "on my card",
    "in my bank",
];

/// A trouble and the words that end it: a problem solved, a parcel lost
/// then found, a refund received (see
/// [`Rules::solved`](super::rules::Rules::solved)).
pub(super) struct Remedy {
    /// The words that name the trouble, one word or a lexicon phrase
    /// ("money back").
    pub(super) troubles: &'static [&'static str],
    /// Past forms that say it ended, one word or two ("turned up").
    pub(super) done: &'static [&'static str],
    /// Infinitives and gerunds that say it ended after one of [`DONE_BY`].
    pub(super) to_do: &'static [&'static str],
    /// Whether the trouble, negated or its ending denied, is a failure:
    /// a refund that has not come ("I didn't get a refund", "toujours pas
    /// de remboursement", "no he recibido el reembolso") is never good
    /// news, where a problem or a loss negated can be ("never had a
    /// problem").
    pub(super) missing_is_failure: bool,
    /// Whether thanks for the trouble say it ended: a refund thanked for
    /// came ("thanks for the refund", "gracias por devolverme el dinero";
    /// see [`Reading::thanked_for`](super::reading::Reading::thanked_for)),
    /// where thanks for a problem or a loss are irony.
    pub(super) thanks_end_it: bool,
}

/// Every trouble the scorer knows an end for. A trouble is only looked for
/// among a text's negative lexicon items, so each must be one in some
/// built-in lexicon (a test checks).
pub(super) const REMEDIES: [Remedy; 4] = [
    Remedy {
        troubles: &PROBLEMS,
        done: &SOLVED,
        to_do: &TO_SOLVE,
        missing_is_failure: false,
        thanks_end_it: false,
    },
    Remedy {
        troubles: &BROKEN,
        done: &SOLVED,
        to_do: &TO_SOLVE,
        missing_is_failure: false,
        thanks_end_it: false,
    },
    Remedy {
        troubles: &LOST,
        done: &FOUND,
        to_do: &[],
        missing_is_failure: false,
        thanks_end_it: false,
    },
    Remedy {
        troubles: &REFUNDS,
        done: &RECEIVED,
        to_do: &[],
        missing_is_failure: true,
        thanks_end_it: true,
    },
];

/// Every trouble of [`REMEDIES`] and the remedy that ends it: one lookup
/// per negative word, the scorer's common case.
pub(super) struct Troubles {
    /// The troubles of one word.
    pub(super) words: FxHashMap<&'static str, &'static Remedy>,
    /// The troubles of several words ("money back").
    pub(super) phrases: Vec<(&'static str, &'static Remedy)>,
    /// The first word of every ending of every remedy ("fixed", "turned"):
    /// a word that is none of these starts no ending, found in one lookup.
    pub(super) ending_starts: FxHashSet<&'static str>,
}

/// [`Troubles`], built from [`REMEDIES`] on first use.
pub(super) static TROUBLES: LazyLock<Troubles> = LazyLock::new(|| {
    let mut troubles = Troubles {
        words: FxHashMap::default(),
        phrases: Vec::new(),
        ending_starts: FxHashSet::default(),
    };
    for remedy in &REMEDIES {
        for &ending in remedy.done {
            let first = ending.split(' ').next().unwrap_or(ending);
            troubles.ending_starts.insert(first);
        }
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
pub(super) const THANKS: [&str; 10] = [
    "merci", "merci beaucoup", "mille mercis",
    "thanks", "thank you", "thanks a lot", "thank you so much",
    "gracias", "muchas gracias", "mil gracias",
];

/// Words that a negation reaches thanks over, besides the
/// [`DETERMINERS`]: the thanks are what is missing ("not even a thank
/// you", "pas même un merci", "ni siquiera un gracias"; see
/// `Rules::thanks_past`).
#[rustfmt::skip]
pub(super) const BEFORE_THANKS: [&str; 11] = [
    "even", "single", "même", "un", "une", "seul", "siquiera", "una", "uno", "solo", "sólo",
];

/// Negations of something missing ("sin pedido", "aucune réponse",
/// "nothing"): after one, a laugh is bitter; so after English "no" ("no
/// parcel") and French "pas de", not after Spanish "no", which negates
/// verbs far more often.
pub(super) const ABSENCE: [&str; 12] = [
    "nothing", "none", "rien", "aucun", "aucune", "sans", "sin", "nada", "ningún", "ninguna",
    "ninguno", "nadie",
];

/// Contrast words that are also adverbs of time (see the scorer's
/// `contrasts_here`).
pub(super) const TIME_OR_CONTRAST: [&str; 1] = ["yet"];

/// What may stand before a word of the lexicon's `[verbs]` ("like") for it
/// to be a verb: its subject ("I", "you", "people", "who"), or a modal or
/// "to" that a verb follows ("you'll like", "might like", "hard to like").
/// Not "would" or "I'd", which ask ("I'd like a refund"); not "it's" or a
/// verb of seeming, after which "like" compares ("looks like rain").
#[rustfmt::skip]
pub(super) const BEFORE_A_VERB: [&str; 26] = [
    "i", "you", "u", "ya", "he", "she", "we", "they", "y'all", "people", "everyone",
    "everybody", "nobody", "who",
    "i'll", "i’ll", "you'll", "you’ll", "we'll", "we’ll", "they'll", "they’ll",
    "will", "might", "may", "to",
];

/// Adverbs, auxiliaries and negations that may stand between a subject and
/// its verb ("I really like", "we do like", "they don't like"): at most
/// [`BETWEEN_REACH`] of them.
#[rustfmt::skip]
pub(super) const BETWEEN_SUBJECT_AND_VERB: [&str; 24] = [
    "do", "does", "did", "not", "n't", "n’t", "never", "dont", "doesnt", "didnt",
    "really", "also", "just", "still", "actually", "totally", "truly", "genuinely",
    "honestly", "definitely", "always", "all", "even", "usually",
];

/// How many words of [`BETWEEN_SUBJECT_AND_VERB`] a verb's subject may
/// stand before it ("I still don't like").
pub(super) const BETWEEN_REACH: usize = 3;

/// The words of [`BETWEEN_SUBJECT_AND_VERB`] that also stand before a
/// "like" that compares ("just like last year", "not like I care", "even
/// like this"): a sentence that opens with them has not dropped a subject.
pub(super) const NOT_ONLY_BEFORE_A_VERB: [&str; 5] = ["just", "not", "even", "all", "never"];

/// Words that open a clause themselves, so that one of the lexicons'
/// `[openers]` after them opens it too ("Well so much for that", "and so
/// much for next-day delivery", "Oh yeah right"): conjunctions and
/// interjections, never a verb that "so much" could say how much of.
#[rustfmt::skip]
pub(super) const BEFORE_AN_OPENER: [&str; 11] = [
    "and", "but", "well", "oh", "ah", "yeah", "ok", "okay", "lol", "welp", "wow",
];

/// The determiners and adjectives after which French "pas" is a step, no
/// negation: "un grand pas en avant", "le premier pas", "à deux pas de la
/// mer". Not "ce" ("n'est-ce pas" asks), nor "à" ("réussi à pas pleurer"
/// is "à ne pas"), nor "même" ("même pas reçu").
#[rustfmt::skip]
pub(super) const BEFORE_A_STEP: [&str; 26] = [
    "un", "le", "les", "des", "du", "au", "ces", "mon", "ton", "son", "mes", "tes", "ses",
    "nos", "vos", "leurs", "deux", "quelques", "premier", "premiers", "dernier", "grand",
    "grands", "petit", "petits", "faux",
];

/// What may follow a word of the lexicons' `[fillers]` ("bon", "bueno")
/// that opens a sentence, for it to be a filler, besides a comma or an
/// ellipsis: another filler ("Bon ben", "Bueno pues").
#[rustfmt::skip]
pub(super) const FILLERS: [&str; 9] = [
    "ben", "bah", "alors", "eh", "bon", "pues", "bueno", "vale", "nada",
];

/// The conjunctions after which a word of the lexicons' `[fillers]` may
/// open a clause and pause, and be a filler all the same: "pero bueno,",
/// "y bueno,", "mais bon,", "et bon," shrug ("Me cobraron dos veces, pero
/// bueno, sigo esperando"). English "well" weighs nothing already.
#[rustfmt::skip]
pub(super) const BEFORE_FILLER: [&str; 5] = ["pero", "y", "pues", "mais", "et"];

/// "Good" as a measure, after an indefinite article and before what it
/// measures ("a good hour on hold", "une bonne demi-heure d'attente", "un
/// buen rato esperando", "a good 20 minutes"): how much, not how well (see
/// `Reading::measures`).
#[rustfmt::skip]
pub(super) const GOOD_AS_MEASURE: [&str; 9] = [
    "good", "bon", "bonne", "bons", "bonnes", "buen", "buena", "buenos", "buenas",
];

/// What "good" measures after an indefinite article: lengths of time that
/// are seldom praised ("a good hour", not "a good week", which may be
/// one), parts and counts. "A good deal of" is a lexicon key.
#[rustfmt::skip]
pub(super) const MEASURES: [&str; 38] = [
    "hour", "hours", "half", "while", "part", "portion", "chunk", "number", "many", "few",
    "bit", "dozen", "quarter",
    "heure", "heures", "demi", "quart", "moitié", "partie", "nombre", "bout", "dizaine",
    "douzaine", "quinzaine", "vingtaine", "trentaine", "centaine",
    "hora", "horas", "media", "parte", "número", "cantidad", "puñado", "trozo", "pedazo",
    "montón", "temporada",
];

/// Lengths of time that "good" measures unless they are spent well or
/// are the right time: "ça fait un bon moment que j'attends", "llevo un
/// buen rato al teléfono", not "on a passé un bon moment", "pasamos un
/// buen rato", "c'est un bon moment pour acheter".
pub(super) const MEASURED_SPANS: [&str; 3] = ["moment", "rato", "tiempo"];

/// The words after which one of [`MEASURED_SPANS`] is a time well spent or
/// the right time: being ("c'est un bon moment", "fue un buen rato") and
/// spending it ("passer", "pasar" and their forms, read by their stem).
#[rustfmt::skip]
pub(super) const SPAN_WELL_SPENT: [&str; 12] = [
    "est", "était", "sera", "serait", "es", "era", "fue", "será", "sería",
    "vivimos", "disfrutar", "disfrutamos",
];

/// Words of praise that are also intensifiers and, after being, say how
/// much of the next word: "c'est super lent", "la espera es súper larga"
/// (see `Reading::degree_of_nothing`). Not "bien", which before a
/// participle praises how it was done ("c'est bien fait", "está bien
/// explicado"), nor English "pretty", whose praise is mild and which
/// hedges more than it intensifies: on the shared Amazon reviews, "pretty
/// light", "pretty intense" moved two labels away from the gold and none
/// toward it.
pub(super) const DEGREE_PRAISE: [&str; 2] = ["super", "súper"];

/// Being, before one of [`DEGREE_PRAISE`]: "c'est", "está" and their
/// forms, and seeming.
#[rustfmt::skip]
pub(super) const BEING: [&str; 31] = [
    "est", "était", "sont", "étaient", "sera", "suis", "es", "êtes", "sommes", "semble",
    "reste",
    "era", "son", "eran", "está", "estaba", "están", "estaban", "estoy", "estás", "fue",
    "fueron", "será", "sería", "soy", "eres", "somos", "estamos", "parece", "queda", "sigue",
];

/// Being, in a lexicon phrase that ends with a word that is also an
/// intensifier: "c'est super", "c'est bien", "c'est grave" intensify as
/// the word does.
pub(super) const BEING_IT: [&str; 4] = ["c", "est", "es", "está"];

/// What may follow one of [`DEGREE_PRAISE`] that is then praise all the
/// same, with [`DETERMINERS`] and [`INDEFINITES`]: a complement ("c'est
/// super de vous revoir", "es súper para los niños"), a conjunction, a
/// pronoun.
#[rustfmt::skip]
pub(super) const AFTER_PRAISE: [&str; 25] = [
    "de", "d", "à", "que", "qu", "pour", "comme", "avec", "quand", "si", "et", "mais", "ça",
    "cela", "vous", "des",
    "para", "por", "como", "con", "cuando", "y", "pero", "eso", "esto",
];

/// What follows "no sé" ("I don't know") and never the pronoun "se" of a
/// verb: a question word ("no se que pasa", "no se si"), a preposition or
/// an article ("no se a quién", "no se el motivo"), "nada", "bien", a
/// pronoun subject (see `Reading::pronoun_se`).
#[rustfmt::skip]
pub(super) const KNOWN_AFTER: [&str; 60] = [
    "que", "qué", "q", "k", "si", "sí", "como", "cómo", "donde", "dónde", "adonde", "adónde",
    "cuando", "cuándo", "quien", "quién", "quienes", "quiénes", "cual", "cuál", "cuales",
    "cuáles", "cuanto", "cuánto", "cuanta", "cuánta", "cuantos", "cuántos", "porque", "porqué",
    "xq", "pq", "nada", "ni", "muy", "bien", "exactamente", "ya", "mucho", "todavía", "aún",
    "a", "de", "en", "para", "con", "por", "hasta", "sobre",
    "el", "la", "los", "las", "un", "una",
    "tú", "tu", "vos", "usted", "yo",
];

/// How the verbs of refunding begin: "refund", "reimburse", "rembourser",
/// "reembolsar" and their forms (see `Rules::refund_agreed`).
pub(super) const REFUNDING: [&str; 4] = ["refund", "reimburs", "rembours", "reembols"];

/// Agreeing to what follows, in the past (and the French present, "il
/// accepte de me rembourser"), or ending up doing it ("they ended up
/// refunding me", "ils ont fini par me rembourser", "acabaron por
/// reembolsarme"): a refund agreed to is granted.
#[rustfmt::skip]
pub(super) const AGREED: [&str; 17] = [
    "agreed", "accepted", "ended",
    "accepté", "acceptée", "acceptés", "acceptées", "accepte", "acceptent", "fini",
    "aceptado", "aceptó", "aceptaron", "accedido", "accedieron", "acabaron", "acabó",
];

/// What stands between agreeing and the refund: "to", "de", "a", and
/// the customer as object ("agreed to refund me", "accepté de nous
/// rembourser", "accedieron a reembolsarnos").
#[rustfmt::skip]
pub(super) const AGREED_TO: [&str; 10] =
    ["to", "de", "d", "a", "me", "m", "nous", "up", "par", "por"];

/// The most words a clause of opening praise may have to be read as
/// irony when complaints follow ("Excellent service client, ..."), not
/// counting the words of an exclamation ([`EXCLAIMING`]) nor articles and
/// determiners ("What a great service, ...", "Bravo le service, ...", "Qué
/// servicio tan bueno, ...").
pub(super) const OPENING_WORDS: usize = 3;

/// The words that make a clause an exclamation: "what a great service",
/// "quel service", "qué servicio tan bueno", "vaya servicio más bueno".
#[rustfmt::skip]
pub(super) const EXCLAIMING: [&str; 12] = [
    "what", "such",
    "quel", "quelle", "quels", "quelles",
    "qué", "vaya", "menudo", "menuda", "tan", "más",
];

/// Interjections of surprise that open a text in a clause of their own
/// ("Wow, great service, two hours on hold", "Waouh, quel service"): as a
/// sigh does, they open nothing; the praise after them does.
pub(super) const SURPRISE: [&str; 6] = ["wow", "whoa", "waouh", "ouah", "guau", "vaya"];

/// What opening praise may name and still be irony: the service as a whole
/// or the work done ("Great job, you lost my parcel", "Super service,
/// deux heures d'attente", "Excelente atención, me colgaron"). Praise of
/// anything else is meant, and what follows is another matter ("Great
/// food, slow service", "Super café, dommage que la machine soit en
/// panne").
#[rustfmt::skip]
pub(super) const THE_SERVICE: [&str; 17] = [
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
pub(super) const AGAIN: [&str; 16] = [
    "another", "again", "yet another", "once again", "once more",
    "encore", "une fois de plus", "de nouveau", "à nouveau", "un autre", "une autre",
    "otra", "otro", "otras", "otros", "de nuevo",
];

/// The indefinites that say the thing received is another one.
#[rustfmt::skip]
pub(super) const ANOTHER_THING: [&str; 13] = [
    "a", "an", "one", "another",
    "un", "une", "uno", "una", "unos", "unas", "otro", "otra", "otros",
];

/// The English indefinite articles, which [`INDEFINITES`] leaves out:
/// "a" is also the Spanish and French preposition.
pub(super) const ENGLISH_INDEFINITES: [&str; 2] = ["a", "an"];

/// The English verbs of receiving ([`Errand::Received`](super::scan::Errand::Received)):
/// only after them are "a" and "an" of [`ANOTHER_THING`] indefinites
/// ("got a blue one"), not the Spanish preposition ("llegó a tiempo").
#[rustfmt::skip]
pub(super) const RECEIVED_IN_ENGLISH: [&str; 7] = [
    "got", "received", "gave", "given", "sent", "delivered", "brought",
];

/// What comes after an order in the normal run of things, or as its
/// remedy: received, it is no wrong item ("bought it and got a
/// replacement", "j'ai commandé et reçu un mail de confirmation").
#[rustfmt::skip]
pub(super) const WHAT_COMES_AFTER_AN_ORDER: [&str; 28] = [
    "replacement", "refund", "receipt", "confirmation", "voucher", "code", "email",
    "text", "message", "reply", "call", "discount",
    "remplacement", "remboursement", "reçu", "mail", "appel", "bon", "avoir",
    "reembolso", "recibo", "confirmación", "correo", "mensaje", "código",
    "descuento", "vale", "sustitución",
];

/// Whether a word is written in digits ("3", "2024").
pub(super) fn digits(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// The number a lowercase word says, for a part received or an amount
/// ("two of the three", "un colis sur deux", "uno de mis dos", "50 instead
/// of 30"; see `Rules::wrong_quantity`): digits (up to nine), or a number
/// word up to ten. Not "a", which is an article as often. A match, not a
/// table: it is asked of every word of a text that tells of something
/// received.
pub(super) fn number(word: &str) -> Option<u32> {
    if digits(word) && word.len() <= 9 {
        return word.parse().ok();
    }
    let n = match word {
        "one" | "un" | "une" | "uno" | "una" => 1,
        "two" | "deux" | "dos" => 2,
        "three" | "trois" | "tres" => 3,
        "four" | "quatre" | "cuatro" => 4,
        "five" | "cinq" | "cinco" => 5,
        "six" | "seis" => 6,
        "seven" | "sept" | "siete" => 7,
        "eight" | "huit" | "ocho" => 8,
        "nine" | "neuf" | "nueve" => 9,
        "ten" | "dix" | "diez" => 10,
        _ => return None,
    };
    Some(n)
}

/// What joins a part to its whole: "2 of 3", "4 out of 5", "2 articles
/// sur 3", "2 de los 3", "la moitié du colis", "la moitié des articles",
/// "la mitad del pedido" (see `Rules::wrong_quantity`).
pub(super) const PART_OF: [&str; 6] = ["of", "sur", "de", "du", "des", "del"];

/// "De" with the article of the whole in one word: "la moitié du colis",
/// "la moitié des articles", "la mitad del pedido".
pub(super) const CONTRACTED: [&str; 3] = ["du", "des", "del"];

/// What puts one amount in the place of another: "billed 50 instead of
/// 30", "50 euros au lieu de 30", "2 en vez de 3", "en lugar de" (see
/// `Rules::wrong_quantity`).
pub(super) const INSTEAD_OF: [&[&str]; 4] = [
    &["instead", "of"],
    &["au", "lieu", "de"],
    &["en", "vez", "de"],
    &["en", "lugar", "de"],
];

/// Determiners of a whole in the plural that [`DETERMINERS`] leaves out:
/// "4 de las 5 piezas", "2 of these 3", "3 de nuestros 4" (see
/// `Rules::wrong_quantity`).
#[rustfmt::skip]
pub(super) const WHOLES: [&str; 10] = [
    "these", "those", "ces", "las", "nuestros", "nuestras", "estos", "estas", "esos", "esas",
];

/// "Without": after a word of receiving or arriving and before no word of
/// the lexicons, a part missing ("arrived without the charger"; see
/// [`ARRIVED_REACH`]).
pub(super) const WITHOUT: [&str; 3] = ["without", "sans", "sin"];

/// How far back, in words, a word of receiving or arriving makes a bare
/// "without" a part missing: "llegó sin", "me llegó el móvil sin", "the
/// phone was delivered without".
pub(super) const ARRIVED_REACH: usize = 4;

/// A comparison with every other company (see
/// [`Rules::any_other_would_have`](super::rules::Rules::any_other_would_have)):
/// "any other", "n'importe quelle autre" (the "n" split off by the
/// tokenizer), "cualquier otro".
#[rustfmt::skip]
pub(super) const ANY_OTHER: [&str; 7] = [
    "any other", "importe quel autre", "importe quelle autre", "importe quelle entreprise",
    "cualquier otro", "cualquier otra", "cualquier empresa",
];

/// ... or with every decent one: one of these within two words after an
/// article of [`A_DECENT`] ("any decent shop", "a normal company", "une
/// entreprise sérieuse", "una empresa seria").
#[rustfmt::skip]
pub(super) const DECENT: [&str; 13] = [
    "decent", "normal", "serious", "proper", "reasonable", "competent",
    "sérieuse", "sérieux", "normale", "correcte",
    "seria", "serio", "competente",
];

/// The articles before a word of [`DECENT`].
#[rustfmt::skip]
pub(super) const A_DECENT: [&str; 7] = ["a", "an", "any", "un", "une", "una", "cualquier"];

/// The first words of [`ANY_OTHER`] (a test checks that they match).
pub(super) const ANY_OTHER_OPENERS: [&str; 3] = ["any", "importe", "cualquier"];

/// Counts of times with no number: "several times", "plusieurs fois",
/// "maintes fois", "varias veces", "mil veces".
#[rustfmt::skip]
pub(super) const SEVERAL: [&str; 13] = [
    "several", "many", "multiple", "countless", "plusieurs", "maintes", "nombreuses",
    "varias", "muchas", "mil", "cien", "tantas", "numerosas",
];

/// What a customer had to do again and again to be heard: contact, ask,
/// chase, explain, try ("I've called five times", "j'ai dû vous relancer
/// trois fois", "tuve que reclamar tres veces"), as the past and the
/// infinitive after "had to", "j'ai dû", "tuve que", and as the present
/// of one who does it once more ("I'm writing for the third time", "je
/// vous écris pour la troisième fois", "os escribo por tercera vez"); or
/// to go through ("transferred five times", "transféré trois fois"); or
/// to pay for one thing ("charged three times", "débité trois fois", "me
/// cobraron tres veces"). Not Spanish "pedido", also an order.
#[rustfmt::skip]
pub(super) const ASKED_AGAIN: [&str; 116] = [
    "called", "phoned", "rang", "emailed", "messaged", "written", "wrote", "asked", "chased",
    "contacted", "explained", "complained", "reported", "requested", "tried", "repeated",
    "call", "phone", "email", "ask", "chase", "contact", "explain", "complain", "request",
    "try", "repeat",
    "appelé", "téléphoné", "écrit", "relancé", "demandé", "contacté", "expliqué", "signalé",
    "réclamé", "essayé", "répété", "rappelé",
    "appeler", "téléphoner", "écrire", "relancer", "demander", "contacter", "expliquer",
    "signaler", "réclamer", "essayer", "répéter", "rappeler",
    "llamado", "llamé", "escrito", "escribí", "pedí", "reclamado", "reclamé", "preguntado",
    "pregunté", "contactado", "explicado", "expliqué", "intentado", "intenté", "insistido",
    "llamar", "escribir", "pedir", "reclamar", "preguntar", "contactar", "explicar", "insistir",
    // Done once more, in the present ("calling for the third time").
    "calling", "writing", "asking", "emailing", "messaging", "chasing", "contacting",
    "écris", "appelle", "demande", "relance", "contacte", "signale", "réclame",
    "escribo", "llamo", "reclamo", "pregunto", "contacto", "escribimos", "llamamos",
    // Passed on again and again ("transferred five times").
    "transferred", "redirected", "transféré", "redirigé", "transferido", "transfirieron",
    "redirigido", "redirigieron",
    // Charged again and again ("charged three times").
    "charged", "billed", "debited", "débité", "prélevé", "facturé", "encaissé",
    "cobrado", "cobraron", "cobró", "cargado", "cargaron", "cargó",
];

/// The customer's own people, who contact them for reasons of their own:
/// "my mom called me three times", "ma mère m'a appelé trois fois", "mi
/// hermano me ha escrito cinco veces" are no errand to the service (see
/// [`Reading::contacted_by_kin`](super::reading::Reading::contacted_by_kin)).
/// Singular and plural as written; not "femme", "mujer", also "a woman"
/// ("une femme de votre service m'a appelé trois fois").
#[rustfmt::skip]
pub(super) const KIN: [&str; 70] = [
    "mom", "mum", "mother", "dad", "father", "parents", "brother", "sister", "wife", "husband",
    "son", "daughter", "kids", "friend", "friends", "boyfriend", "girlfriend", "grandma",
    "grandmother", "grandpa", "neighbour", "neighbor", "boss",
    "mère", "maman", "père", "papa", "frère", "sœur", "soeur", "épouse", "mari", "fils",
    "fille", "enfants", "ami", "amie", "amis", "copain", "copine", "mamie", "papi", "voisin",
    "voisine", "patron",
    "madre", "mamá", "mama", "padre", "papá", "padres", "hermano", "hermana", "esposa",
    "esposo", "marido", "hijo", "hija", "hijos", "amigo", "amiga", "amigos", "novio",
    "novia", "abuela", "abuelo", "vecino", "vecina", "jefe", "jefa",
];

/// The customer as the object of a verb of contact: after it in English
/// ("called me"), before it in French and Spanish ("m'a appelé", "me ha
/// llamado", "nous a écrit", "nos ha escrito"; the tokenizer splits the
/// elided "m'" as "m").
pub(super) const CONTACTED_ME: [&str; 5] = ["me", "us", "m", "nous", "nos"];

/// How many words before a negation its subject may stand ("I have still
/// not", "je ne l'ai pas").
pub(super) const OWN_NEGATION_REACH: usize = 4;

/// What stands between the writer ([`FIRST_PERSON`]) and a negation:
/// English auxiliaries and modals before "n't" or "not", and adverbs ("I
/// still haven't", "I have not", "yo todavía no he").
#[rustfmt::skip]
pub(super) const BEFORE_OWN_NEGATION: [&str; 17] = [
    "have", "has", "had", "do", "did", "does", "will", "would", "should", "wo", "still", "really",
    "just", "also", "todavía", "todavia", "aún",
];

/// The writer's apologies, before "for", "de", "por" and what they are
/// sorry for ([`APOLOGY_FOR`]): "sorry for not replying sooner", "désolée
/// de ne pas avoir répondu", "perdón por no contestar antes" (see
/// `Rules::own_doing`). Not [`APOLOGIES`], the apology the service owes
/// ("not even an apology"), which leaves out "sorry" and holds nouns and
/// verbs of apologizing.
#[rustfmt::skip]
pub(super) const SORRY: [&str; 14] = [
    "sorry", "apologies", "désolé", "désolée", "désolés", "désolées", "navré", "navrée",
    "pardon", "perdón", "perdon", "disculpa", "disculpe", "disculpen",
];

/// What links an apology to what it is for (see [`SORRY`]).
pub(super) const APOLOGY_FOR: [&str; 3] = ["for", "de", "por"];

/// The writer's own, after an apology and what links it ("sorry for my
/// angry message", "désolée pour mon message énervé", "perdón por mi
/// mensaje de antes"): what the writer regrets of their own is no
/// complaint of the service (see `Reading::own_regret`).
#[rustfmt::skip]
pub(super) const MY_OWN: [&str; 9] = [
    "my", "mon", "ma", "mes", "mi", "mis", "our", "notre", "nuestro",
];

/// How many words after an apology's "my" what the writer regrets of
/// their own may stand ("sorry for my rather angry message earlier").
pub(super) const OWN_REGRET_REACH: usize = 5;

/// The passive: what was not done to the writer ("I haven't been
/// contacted", "I wasn't told", "je n'ai jamais été informée", "no he sido
/// avisado"), the service failing after all (see `Rules::own_doing`).
#[rustfmt::skip]
pub(super) const PASSIVE: [&str; 11] = [
    "been", "was", "were", "am", "be", "été", "suis", "sommes", "sido", "fui", "fuimos",
];

/// Words of `[failures]` that fail with the writer as their subject:
/// consent never given ("I never agreed to this", "je n'ai jamais accepté
/// ce prélèvement", "no he dado permiso") and access not had ("I don't
/// have access to my account"), which are the complaint (see
/// `Rules::own_doing`; what did not arrive is an errand of its own).
#[rustfmt::skip]
pub(super) const WRITER_FAILURES: [&str; 23] = [
    "agreed", "authorised", "authorized", "consented", "accepté", "acceptée", "autorisé",
    "autorisée", "consenti", "consentie", "acepté", "aceptado", "aceptada", "autoricé",
    "autorizado", "consentí", "permiso", "access", "log", "connect", "accéder", "connecte",
    "conectar",
];

/// Ordinals of a second time or more, before "time", "fois", "vez" ("for
/// the third time", "pour la troisième fois", "por tercera vez"): a count
/// of times, as "three times" is (see `Rules::repeated`).
#[rustfmt::skip]
pub(super) const ORDINALS: [&str; 44] = [
    "second", "third", "fourth", "fifth", "sixth", "tenth", "umpteenth", "nth",
    "2nd", "3rd", "4th", "5th", "6th",
    "deuxième", "seconde", "troisième", "quatrième", "cinquième", "sixième", "dixième",
    "énième", "xième", "2e", "3e", "4e", "5e", "2ème", "3ème", "4ème", "5ème",
    "segunda", "tercera", "cuarta", "quinta", "sexta", "décima", "enésima", "enesima",
    "2a", "3a", "4a", "5a", "3ª", "4ª",
];

/// What makes a count of times a frequency, right after it: "twice a
/// day", "three times per week", "deux fois par jour", "dos veces al
/// día", "tres veces por semana" ("a" and "por" only before a unit of
/// time, see [`PER_UNIT`]).
#[rustfmt::skip]
pub(super) const PER: [&str; 7] = ["per", "each", "every", "par", "chaque", "al", "cada"];

/// Comparatives after a count of times: a factor ("charged three times
/// faster", "trois fois plus cher", "tres veces más rápido"), no
/// repetition (see [`Rules::repeated`](super::rules::Rules::repeated)).
#[rustfmt::skip]
pub(super) const FACTOR: [&str; 14] = [
    "more", "less", "as", "faster", "slower", "longer", "bigger", "cheaper",
    "plus", "moins", "aussi", "más", "menos", "tan",
];

/// "A" and "por" before a unit of time, after a count of times: a
/// frequency ("twice a week", "dos veces por semana"), where "por" is
/// otherwise "for" ("tres veces por una factura").
pub(super) const PER_UNIT: [&str; 2] = ["a", "por"];

/// The units of a frequency after [`PER_UNIT`].
#[rustfmt::skip]
pub(super) const FREQUENCY_UNITS: [&str; 12] = [
    "hour", "day", "week", "month", "year", "hora", "día", "dia", "semana", "mes", "año",
    "ano",
];

/// Verbs of a parcel thrown, tossed or kicked ("the driver threw my
/// parcel over the fence", "le livreur a jeté mon colis", "el repartidor
/// tiró el paquete"): before one of [`PARCELS`], or after it ("my parcel
/// was thrown"), a parcel mishandled (see `Rules::mishandled`). Not
/// "dropped", a decline ("prices dropped"; see [`RECEDING`]), nor "lancé",
/// which launches too ("lancé une nouvelle offre").
#[rustfmt::skip]
pub(super) const MISHANDLING: [&str; 36] = [
    "threw", "thrown", "throw", "throws", "throwing", "tossed", "tossing", "chucked",
    "chucking", "hurled", "flung", "kicked", "kicking",
    "jeté", "jetée", "jetés", "jetées", "jette", "jettent", "balancé", "balancée", "balancés",
    "tiró", "tiraron", "tirado", "tirada", "lanzó", "lanzaron", "lanzado", "lanzada",
    "aventó", "aventaron", "arrojó", "arrojaron", "arrojado", "pateó",
];

/// What a courier brings, which can be mishandled (see [`MISHANDLING`]).
/// Not "order" ("threw it in order to") nor "delivery" ("kicked off our
/// delivery season").
#[rustfmt::skip]
pub(super) const PARCELS: [&str; 18] = [
    "parcel", "parcels", "package", "packages", "box", "boxes",
    "colis", "paquet", "paquets", "carton", "cartons", "commande",
    "paquete", "paquetes", "caja", "cajas", "pedido", "envío",
];

/// How many words apart a verb of [`MISHANDLING`] and the parcel may
/// stand: a determiner between ("threw my parcel"), or an auxiliary of
/// the passive ("my parcel was thrown", "le colis a été jeté", "el
/// paquete fue lanzado").
pub(super) const MISHANDLED_REACH: usize = 3;

/// How many words before its count of times what was done again may come
/// ("asked you three times", "vous relancer trois fois", "reclamar mi
/// pedido tres veces").
pub(super) const ASKED_AGAIN_REACH: usize = 4;

/// "Even" between a negated "can" and its verb, or between the negation
/// and "can": "can't even log in", "je ne peux même pas", "ni siquiera
/// puedo" (see [`KEPT_FROM`]).
pub(super) const EVEN: [&str; 3] = ["even", "même", "siquiera"];

/// What a customer does with a service, and is kept from doing after a
/// negated "can" ("I can't log in", "can't even use it", "je ne peux pas
/// me connecter", "no puedo pagar con tarjeta"): a failure. Not any verb:
/// "I can't go tomorrow", "no puedo quedar" tell of the writer's life.
#[rustfmt::skip]
pub(super) const KEPT_FROM: [&str; 82] = [
    "use", "access", "log", "login", "sign", "connect", "pay", "order", "track", "download",
    "install", "open", "load", "reach", "contact", "find", "reset", "update", "change",
    "print", "book", "redeem", "activate", "register", "unsubscribe", "return", "submit",
    "upload", "stream", "checkout",
    "utiliser", "accéder", "connecter", "payer", "commander", "suivre", "télécharger",
    "installer", "ouvrir", "charger", "joindre", "contacter", "trouver", "réinitialiser",
    "modifier", "changer", "imprimer", "réserver", "activer", "inscrire", "désabonner",
    "retourner", "valider", "finaliser", "identifier", "régler",
    "usar", "utilizar", "acceder", "entrar", "conectar", "conectarme", "pagar", "rastrear",
    "descargar", "instalar", "abrir", "cargar", "contactar", "localizar", "encontrar",
    "restablecer", "cambiar", "modificar", "imprimir", "reservar", "activar", "registrarme",
    "devolver", "finalizar", "iniciar", "tramitar",
];

/// "Find" in the present, first person: negated right before what is
/// looked for ([`SOUGHT`]), French and Spanish say "can't find" so ("je ne
/// trouve pas mon colis", "no encuentro mi pedido").
#[rustfmt::skip]
pub(super) const FIND: [&str; 4] = ["trouve", "trouvons", "encuentro", "encontramos"];

/// What a customer looks for and cannot find after a negated [`FIND`]:
/// their own thing, or where and how. Not an article: "je ne trouve pas le
/// film drôle" judges; not "palabras": "no encuentro palabras para
/// agradeceros" thanks.
#[rustfmt::skip]
pub(super) const SOUGHT: [&str; 16] = [
    "mon", "ma", "mes", "notre", "nos", "où", "comment",
    "mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras", "dónde", "donde", "cómo",
];

/// Object pronouns between a negated "can" and its verb, or between an
/// obligation and its verb: "je ne peux pas me connecter", "ne peux même
/// pas vous joindre", "eu à le relancer" (Spanish puts them after the
/// infinitive: "no puedo contactaros").
#[rustfmt::skip]
pub(super) const OBJECT_PRONOUNS: [&str; 16] = [
    "me", "m", "te", "t", "se", "s", "nous", "vous", "le", "la", "les", "lui", "y",
    "lo", "nos", "os",
];

/// Subjects of a negated "can" that tell of someone else ("she can't go",
/// "il ne peut pas venir"): no failure of the service to the writer.
#[rustfmt::skip]
pub(super) const THIRD_PERSONS: [&str; 6] = ["he", "she", "il", "elle", "él", "ella"];

/// What opens a condition: "if", "si" (see
/// [`Rules::supposed`](super::rules::Rules::supposed)). Not "in case",
/// which also fears what may well come ("just in case the thieves try
/// again?").
pub(super) const IF: [&str; 2] = ["if", "si"];

/// How many words before a word the condition that holds it may open ("if
/// the item I ordered last week is faulty").
pub(super) const SUPPOSED_REACH: usize = 8;

/// An obligation: denied, it says what the customer was spared ("didn't
/// even have to chase it", "je n'ai même pas eu à relancer", "ni siquiera
/// tuve que reclamar"), no failure (see
/// [`Rules::spared`](super::rules::Rules::spared)); before one of
/// [`BY_MYSELF`], what the service left to them, done or still to do
/// ("I'm supposed to fix it myself?", "je dois tout faire moi-même").
#[rustfmt::skip]
pub(super) const OBLIGATION: [&str; 24] = [
    "have to", "had to", "has to", "having to", "need to", "needed to", "supposed to",
    "eu à", "avoir à", "eu besoin de", "fallu", "dû", "dois", "devons",
    "tuve que", "tener que", "tenido que", "tuvimos que", "tuvo que", "hizo falta", "hace falta",
    "tengo que", "tenemos que", "debo",
];

/// What the customer did on their own, emphatic ("I had to fix it
/// myself", "j'ai dû tout faire moi-même", "tuve que hacerlo yo mismo"):
/// after an obligation, the service left it to them (see
/// [`Rules::by_myself`](super::rules::Rules::by_myself)). French
/// hyphens are split by the tokenizer ("moi-même" is "moi même").
#[rustfmt::skip]
pub(super) const BY_MYSELF: [&str; 13] = [
    "myself", "ourselves", "on my own", "on our own",
    "moi même", "nous mêmes", "toute seule", "tout seul",
    "yo mismo", "yo misma", "nosotros mismos", "por mi cuenta", "por nuestra cuenta",
];

/// The first words of [`BY_MYSELF`] (a test checks that they match).
#[rustfmt::skip]
pub(super) const BY_MYSELF_OPENERS: [&str; 10] = [
    "myself", "ourselves", "on", "moi", "nous", "toute", "tout", "yo", "nosotros", "por",
];

/// The words of [`BY_MYSELF`] that are also the object of a verb ("I had
/// to remind myself"): emphatic only with a word between them and the
/// verb after the obligation ("had to fix it myself").
pub(super) const REFLEXIVE: [&str; 2] = ["myself", "ourselves"];

/// How many words after an [`OBLIGATION`] one of [`BY_MYSELF`] may come.
pub(super) const BY_MYSELF_REACH: usize = 6;

/// How many words an [`OBLIGATION`] spans at most.
pub(super) const OBLIGATION_WORDS: usize = 3;

/// The first words of [`OBLIGATION`] (a test checks that they match).
#[rustfmt::skip]
pub(super) const OBLIGATION_OPENERS: [&str; 23] = [
    "have", "had", "has", "having", "need", "needed", "supposed",
    "eu", "avoir", "fallu", "dû", "dois", "devons",
    "tuve", "tener", "tenido", "tuvimos", "tuvo", "hizo", "hace", "tengo", "tenemos", "debo",
];

/// The last words of [`OBLIGATION`] (a test checks that they match).
#[rustfmt::skip]
pub(super) const OBLIGATION_LAST: [&str; 10] = [
    "to", "à", "de", "fallu", "dû", "dois", "devons", "que", "falta", "debo",
];

/// Words that open a question drawing a consequence ("So I'm supposed to
/// pay for it myself?", "Donc je dois tout refaire ?", "¿O sea que lo
/// tengo que pagar yo?"): asked of something bad, the question reproaches
/// and is not damped (see
/// [`Reading::concludes`](super::reading::Reading::concludes)).
#[rustfmt::skip]
pub(super) const CONCLUDING: [&str; 8] = [
    "so", "donc", "alors", "o sea", "osea", "entonces", "así que", "asi que",
];

/// The first words of [`CONCLUDING`] (a test checks that they match).
pub(super) const CONCLUDING_OPENERS: [&str; 8] =
    ["so", "donc", "alors", "o", "osea", "entonces", "así", "asi"];

/// Adverbs that may stand inside a phrase of the lexicons, one at most,
/// without changing what it says ("is anyone actually reading", "je pense
/// sérieusement à partir", "me estoy planteando seriamente irme"). Each
/// ends as an adverb of its language does (see [`inner_adverb`]).
#[rustfmt::skip]
pub(super) const INNER_ADVERBS: [&str; 12] = [
    "actually", "really", "seriously", "honestly",
    "vraiment", "sérieusement", "réellement", "sincèrement",
    "realmente", "seriamente", "sinceramente", "verdaderamente",
];

/// French adverbs of time that stand between the auxiliary and the
/// participle, inside a phrase of the lexicons as [`INNER_ADVERBS`] do,
/// without changing what it says ("votre appli m'a encore déconnecté",
/// "le colis est toujours bloqué", "il a déjà été remboursé").
pub(super) const AUXILIARY_ADVERBS: [&str; 3] = ["encore", "toujours", "déjà"];

/// Whether `word` is one of [`INNER_ADVERBS`] (most words are not adverbs,
/// and end otherwise) or of [`AUXILIARY_ADVERBS`].
pub(super) fn inner_adverb(word: &str) -> bool {
    ((word.ends_with("ly") || word.ends_with("ment") || word.ends_with("mente"))
        && one_of(word, &INNER_ADVERBS))
        || one_of(word, &AUXILIARY_ADVERBS)
}

/// How many words after "told", "dit que" or "dijeron que" the
/// conditional of what was told may come ("I was told someone would
/// call", "on m'a dit que je serais rappelé", "me dijeron que me
/// llamarían").
pub(super) const TOLD_REACH: usize = 5;

/// Told to the customer, before the word of telling ("I was told", "we
/// were told", "you said", "on m'a dit", with the "m" split off by the
/// tokenizer, "vous avez dit", "nos dijeron") or after it ("told me"):
/// not what others said of themselves ("she said she would love to").
#[rustfmt::skip]
pub(super) const TOLD_TO_ME: [&str; 11] = [
    "was", "were", "been", "you", "they", "me", "us", "nous", "m", "vous", "nos",
];

/// The auxiliaries between "me" and a Spanish "dicho" ("me habían
/// dicho", "me han dicho") or a French "dit" ("on m'a dit", "vous
/// m'aviez dit").
#[rustfmt::skip]
pub(super) const TOLD_AUXILIARIES: [&str; 14] = [
    "a", "avait", "avez", "aviez", "ont", "avaient",
    "ha", "han", "he", "había", "habían", "habíais", "habéis", "hemos",
];

/// The endings of the French conditional ("serait", "rappellerait",
/// "pourrais", "viendraient", "devrait", "permettrait"), on words of more
/// than five letters: "frais" and "vrais" are no verbs.
#[rustfmt::skip]
pub(super) const FRENCH_CONDITIONAL: [&str; 28] = [
    "erait", "erais", "eraient", "irait", "irais", "iraient", "drait", "drais", "draient",
    "vrait", "vrais", "vraient", "urait", "uraient", "rrait", "rrais", "rraient",
    "ttrait", "ttrais", "ttraient",
    "eriez", "driez", "vriez", "rriez", "erions", "drions", "vrions", "rrions",
];

/// The endings of the Spanish conditional ("llamaría", "devolverían",
/// "arreglaríais", "vendría", "habría"), not after an article: "la
/// batería" is a noun.
#[rustfmt::skip]
pub(super) const SPANISH_CONDITIONAL: [&str; 20] = [
    "aría", "arían", "aríais", "aríamos", "ería", "erían", "eríais", "eríamos",
    "iría", "irían", "iríais", "iríamos", "dría", "drían", "dríais", "dríamos",
    "bría", "brían", "bríais", "bríamos",
];

/// What was told would be done, then was: the promise kept ("I was told
/// it would be sorted and it was", "et c'est ce qui s'est passé", "y así
/// fue"; French elisions split off by the tokenizer).
#[rustfmt::skip]
pub(super) const KEPT: [&str; 16] = [
    "and it was", "and it did", "and they did", "and he did", "and she did", "and so it was",
    "et c est le cas", "et c était le cas", "et ça a été le cas", "et ils l ont fait",
    "et c est ce qui s est passé",
    "y así fue", "y así ha sido", "y lo hicieron", "y lo cumplieron", "y cumplieron",
];

/// What any other company would have done: the conditional perfect ("would
/// have", "aurait", "se serait", "habría"), within [`ANY_OTHER_REACH`]
/// words.
#[rustfmt::skip]
pub(super) const WOULD_HAVE: [&str; 13] = [
    "would have", "would've", "wouldve", "aurait", "auraient", "aurais", "serait", "seraient",
    "habría", "habrían", "habria", "hubiera", "hubieran",
];

/// Past verbs of wanting, trying, hoping or expecting: a verb of liking
/// after one (see [`LIKING`]) is what did not come true ("I really wanted
/// to love this", "I tried to like it", "je voulais vraiment aimer", "j'ai
/// essayé d'apprécier", "esperaba disfrutar"). See
/// [`Rules::hoped`](super::rules::Rules::hoped). English first: the rule
/// asks its "to" of the first four.
#[rustfmt::skip]
pub(super) const HOPED: [&str; 31] = [
    "wanted", "tried", "hoped", "expected",
    "voulais", "voulait", "voulions", "vouliez", "voulaient", "voulu", "espérais", "espérait",
    "espérions", "espéraient", "espéré", "essayé", "essayais", "essayait", "attendais",
    "attendait", "attendions",
    "quería", "queríamos", "querían", "quise", "quisimos", "intenté", "intentamos", "intentaba",
    "esperaba", "esperábamos",
];

/// Hopes that are past only after one of [`HOPED_SINCE`]: "I was hoping
/// to love it", "j'avais envie d'aimer", "tenía ganas de disfrutar" (not
/// "I am hoping to enjoy", "j'ai envie d'aimer": hopes still open).
/// English first, as in [`HOPED`].
pub(super) const HOPING: [&str; 4] = ["hoping", "expecting", "envie", "ganas"];

/// The past of "be" and "have" that makes one of [`HOPING`] a past hope.
#[rustfmt::skip]
pub(super) const HOPED_SINCE: [&str; 12] = [
    "was", "were", "been", "avais", "avait", "avions", "aviez", "avaient", "aurais", "tenía",
    "teníamos", "tenían",
];

/// Verbs of liking, as they follow a hope ("wanted to love", "voulu
/// adorer", "esperaba disfrutar").
#[rustfmt::skip]
pub(super) const LIKING: [&str; 11] = [
    "love", "like", "enjoy", "adore", "appreciate",
    "aimer", "adorer", "apprécier", "kiffer",
    "amar", "disfrutar",
];

/// What says the hope came true after all ("I expected to love it and I
/// do"): the liking is meant.
#[rustfmt::skip]
pub(super) const HOPE_MET: [&str; 8] = [
    "and i do", "and i did", "and we do", "and we did", "and i still do", "and i have",
    "and it did", "and it does",
];

/// Words that doubt the claim right after them, as scare quotes do
/// ("supposedly the fastest", "your so-called express delivery",
/// "soi-disant le meilleur", "une livraison prétendument rapide",
/// "supuestamente el mejor"; not "por supuesto", "of course"). A hyphen
/// parts words, so "so-called" is "so called". See [`DOUBT_REACH`].
#[rustfmt::skip]
pub(super) const DOUBTING: [&str; 16] = [
    "supposedly", "allegedly", "so called", "socalled",
    "soi disant", "prétendument", "prétendu", "prétendue", "prétendus", "prétendues",
    "supuestamente", "presuntamente", "supuesto", "supuesta", "supuestos", "supuestas",
];

/// How many words before a good word one of [`DOUBTING`] doubts it, in
/// its clause ("supposedly the fastest": two).
pub(super) const DOUBT_REACH: usize = 3;

/// What makes thanks name a cause ("thanks to you", "merci à", "gracias
/// a"): with a complaint after it in its sentence, the thanks blame ("thanks
/// to your courier my parcel is lost").
pub(super) const THANKS_TO: [&str; 3] = ["to", "à", "a"];

/// What makes thanks to someone gratitude, within [`THANKED_WHO_REACH`]
/// words after [`THANKS_TO`]: what they are thanked for, or who they are
/// ("thanks to everyone who asked", "merci à ceux qui", "gracias a todos
/// por venir").
#[rustfmt::skip]
pub(super) const THANKED_FOR_OR_WHO: [&str; 8] = [
    "for", "who", "that", "pour", "qui", "por", "que", "quienes",
];

/// How many words after "thanks to" say whom it thanks (see
/// [`THANKED_FOR_OR_WHO`]).
pub(super) const THANKED_WHO_REACH: usize = 4;

/// Words of difficulty that a duty made light of reproaches (see
/// [`DUTIES`]: "it's not that hard to answer").
#[rustfmt::skip]
pub(super) const DIFFICULT: [&str; 10] = [
    "hard", "difficult", "complicated", "compliqué", "difficile", "dur", "difícil", "complicado",
    "dificil", "complique",
];

/// What stresses a difficulty denied as rhetorical ("not that hard", "pas
/// si compliqué", "no tan difícil").
pub(super) const SO_THAT: [&str; 5] = ["that", "so", "si", "aussi", "tan"];

/// The duties of a service that a customer reproaches it for neglecting,
/// as infinitives ("to answer", "de répondre", "contestar").
#[rustfmt::skip]
pub(super) const DUTIES: [&str; 24] = [
    "answer", "reply", "respond", "call", "send", "refund", "fix", "deliver",
    "répondre", "rappeler", "appeler", "envoyer", "rembourser", "réparer", "livrer",
    "contestar", "responder", "llamar", "mandar", "enviar", "devolver", "reembolsar", "arreglar",
    "entregar",
];

/// What would have been good, said after the fact: the conditional
/// perfect of "to be" ("would have been", "aurait été", "habría sido"),
/// or what could or should have been ("could've been", "aurait pu être",
/// "debería haber sido"), right before a good word or intensifiers and a
/// good word, or an indefinite article or a "de" before it (see
/// [`UNMET_STEPS`]): "would have been nice", "could have been so much
/// better", "a call would have been a nice gesture", "un mot d'excuse
/// aurait été appréciable", "una disculpa habría estado bien", "habría
/// sido de agradecer". A reproach (see [`UNMET_LAST`]).
#[rustfmt::skip]
pub(super) const UNMET: [&str; 41] = [
    "would have been", "would've been", "wouldve been", "could have been", "could've been",
    "couldve been", "should have been", "should've been", "shouldve been", "might have been",
    "aurait été", "auraient été", "aurais été", "aurait pu être", "auraient pu être",
    "aurais pu être", "aurait dû être", "auraient dû être",
    "habría sido", "habrían sido", "habría estado", "habrían estado", "hubiera sido",
    "hubieran sido", "hubiera estado", "hubiese sido", "habria sido", "podría haber sido",
    "podrían haber sido", "pudo haber sido", "debería haber sido", "debería haber estado",
    "was supposed to be", "were supposed to be", "était censé être", "était censée être",
    "étaient censés être", "étaient censées être", "se suponía que era",
    "se suponía que sería", "se suponía que iba a ser",
];

/// What could have been, of [`UNMET`]: before a bad word, relief ("it
/// could have been worse", "ça aurait pu être pire", "podría haber sido
/// peor"), not a reproach: that is what "would" and "should" say ("it
/// would have been awful to wait", "it should have been refunded").
#[rustfmt::skip]
pub(super) const COULD_HAVE_BEEN: [&str; 10] = [
    "could have been", "could've been", "couldve been", "might have been",
    "aurait pu être", "auraient pu être", "aurais pu être",
    "podría haber sido", "podrían haber sido", "pudo haber sido",
];

/// The last words of [`UNMET`] (a test checks that they match): only a
/// good word after one of these looks further back.
pub(super) const UNMET_LAST: [&str; 9] = [
    "been", "été", "être", "sido", "estado", "be", "era", "sería", "ser",
];

/// How many words [`UNMET`] spans at most.
pub(super) const UNMET_WORDS: usize = 6;

/// The words besides intensifiers that may come between [`UNMET`] and the
/// good word, three at most: an indefinite article, a "de", the words that
/// raise a comparative ("much better", "bien mieux", "a lot faster") and
/// the comparative's own ("more helpful", "beaucoup plus rapide", "mucho
/// más rápido").
#[rustfmt::skip]
pub(super) const UNMET_STEPS: [&str; 15] = [
    "a", "an", "un", "une", "una", "de", "much", "far", "bien", "beaucoup", "lot", "more", "plus",
    "más", "mas",
];

/// How many words after [`ANY_OTHER`] its verb may come: the company named
/// and an adverb ("any other airline would have", "cualquier otra
/// compañía ya me habría").
pub(super) const ANY_OTHER_REACH: usize = 6;

/// Verbs of having, denied before what is awaited, that say it never came
/// ("I never had an answer", "je n'ai pas eu de réponse", "nunca tuve
/// respuesta"; with the verbs of receiving of
/// [`Errand::Received`](super::scan::Errand::Received)).
#[rustfmt::skip]
pub(super) const HAD: [&str; 15] = [
    "had", "have", "get", "gotten",
    "eu", "obtenu", "avoir",
    "tuve", "tuvimos", "tenido", "tengo", "tenemos", "tener", "obtuve", "obtenido",
];

/// What may stand between a verb of [`HAD`] and what is awaited, besides
/// the [`DETERMINERS`] and [`DE`]: "any", "a single", an indefinite.
#[rustfmt::skip]
pub(super) const BEFORE_AWAITED: [&str; 11] = [
    "any", "single", "un", "une", "des", "una", "ninguna", "seul", "seule", "solo", "sola",
];

/// Negators that count none ("zero issues", "zéro souci", "cero
/// problemas"): they deny the word they reach, and weigh nothing when they
/// reach none ("zero calories", "Onda Cero").
pub(super) const NONE_COUNTED: [&str; 3] = ["zero", "zéro", "cero"];

/// A count of one after a negation: "not a single reply", "not one
/// answer", "pas une seule réponse", "ni una sola respuesta", "pas un
/// seul problème" (see `Rules::bare_negations`).
pub(super) const SINGLE: [&str; 6] = ["single", "one", "seul", "seule", "solo", "sola"];

/// How many words after a verb of [`HAD`] what is awaited may be: two
/// before it ("a single reply", "une seule réponse") and itself.
pub(super) const AWAITED_REACH: usize = 3;

/// A half of what was sent: "half of my order", "la moitié de ma
/// commande", "la mitad del pedido".
pub(super) const HALF: [&str; 3] = ["half", "moitié", "mitad"];

/// What a half of is a discount, not a part received: "half price",
/// "à moitié prix", "a mitad de precio".
pub(super) const PRICES: [&str; 5] = ["price", "off", "prix", "precio", "tarif"];

/// After a count out of another, what makes it a mark, not a part
/// received: "4 out of 5 stars", "9 sur 10 points", "got 9 out of 10 on
/// my exam", "17 sur 20 en maths", "9 de 10 en el examen".
#[rustfmt::skip]
pub(super) const SCORES: [&str; 12] = [
    "stars", "points", "pts", "on", "in", "at",
    "étoiles", "en", "à", "au",
    "estrellas", "puntos",
];

/// How much receiving the wrong item weighs (see [`Errand`](super::scan::Errand)): a
/// complaint, which good words after it outweigh.
pub(super) const WRONG_ITEM: f64 = -1.5;

/// How far, in words, a negation that reaches no sentiment word looks for
/// a word of ordering that it denies: what came is not what was ordered
/// ("no es el modelo que pedí", "n'est pas la taille que j'ai commandée",
/// "these aren't the shoes I ordered"), or was never ordered ("I never
/// ordered this"). Six, because a French elision is a word of its own
/// ("j'" "ai"), and the thing named takes two ("la taille").
pub(super) const NOT_ORDERED_REACH: usize = 6;

/// Words of paying, which [`Errand`](super::scan::Errand) counts as
/// ordering but a negation before them does not make a wrong item ("I
/// haven't paid yet").
pub(super) const PAID: [&str; 6] = ["paid", "payé", "pagué", "pagamos", "pagado", "payée"];

/// What came at last: in a request, what has been awaited too long
/// ("could someone finally answer me", "merci de bien vouloir enfin me
/// répondre", "les agradecería que por fin alguien me respondiera").
pub(super) const FINALLY: [&str; 5] = ["finally", "at last", "enfin", "por fin", "al fin"];

/// What, in a question, presses for what comes at last ("when will you
/// finally", "could you finally", "quand allez-vous enfin", "pourriez-vous
/// enfin", "¿cuándo ... por fin", "¿podrían por fin"; see `Rules::pressing`):
/// a "when", or "you" asked to do something.
#[rustfmt::skip]
pub(super) const PRESSING: [(&str, &str); 16] = [
    ("when", ""), ("could", "you"), ("can", "you"), ("will", "you"), ("would", "you"),
    ("quand", ""), ("pourriez", "vous"), ("pouvez", "vous"), ("allez", "vous"),
    ("cuándo", ""), ("cuando", ""), ("podrían", ""), ("pueden", ""), ("podéis", ""),
    ("puedes", ""), ("van", "a"),
];

/// Words of love that irony can turn when they love how something went
/// ("Love how my slot got cancelled", "j'adore quand", "me encanta que"):
/// see [`HOW_THAT`]; or love doing it ("love being charged for", "j'adore
/// payer pour", "me encanta pagar por").
pub(super) const LOVE: [&str; 6] = ["love", "loving", "adore", "j'adore", "encanta", "encantan"];

/// What follows a word of [`LOVE`] when it loves how something went:
/// "love how", "love that", "love it when", "j'adore quand", "j'adore
/// comment", "me encanta que", "me encanta cuando", "me encanta cómo".
#[rustfmt::skip]
pub(super) const HOW_THAT: [&str; 9] = [
    "how", "that", "when",
    "quand", "comment", "que",
    "cuando", "cómo", "como",
];

/// What follows a good word when it is glad of a fact, told after it: "nice
/// to know", "good to see", "ravi de voir", "heureux d'apprendre", "qué
/// bonito ver", "me alegra saber" ("to" or one of [`DE`] may come
/// between).
#[rustfmt::skip]
pub(super) const KNOW_SEE: [&str; 11] = [
    "know", "see", "hear", "learn",
    "voir", "savoir", "apprendre", "constater",
    "ver", "saber", "comprobar",
];

/// Emoji that mark praise, and every other good word, as ironic:
/// upside-down face, eye roll, unamused face, clown.
pub(super) const IRONY_MARKS: [char; 4] = ['🙃', '🙄', '😒', '🤡'];

/// Emoji that laugh out loud or approve, and clapping hands: praise that
/// irony can turn. After a complaint the laugh is bitter and the thumb
/// sarcastic ("Colis encore perdu 😂", "Trois semaines sans réponse 👍").
/// The awkward grin (😅) is not praise: it eases a mishap ("livré chez le
/// voisin, heureusement qu'il est honnête 😅").
pub(super) const PRAISING_EMOJI: [char; 4] = ['😂', '🤣', '👍', CLAP];

/// Laughter written out, as the laughing emoji of [`PRAISING_EMOJI`] (see
/// [`laughs`]). A test checks that every one is a good word in some
/// lexicon.
#[rustfmt::skip]
pub(super) const LAUGHS: [&str; 18] = [
    "lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe",
    "mdr", "mdrr", "ptdr",
    "jaja", "jajaja", "jajajaja", "jajajajaja", "jeje", "jsjs", "jsjsjs", "xd",
];

/// Whether an item, `written` as in the text, laughs: one of [`LAUGHS`],
/// or 😂 or 🤣. A laugh that opens a complaint is bitter ("lol still no
/// answer", "mdr toujours pas de réponse", "😂 otra vez sin paquete"),
/// and opens nothing before praise that is ironic ("haha great, the app
/// crashed again"), as a sigh does.
pub(super) fn laughs(written: &str) -> bool {
    one_of(written, &LAUGHS) || written.starts_with(['😂', '🤣'])
}

/// Clapping hands: praise that makes every praise of a complaining text
/// ironic, wherever it stands ("Génial le service, trois semaines sans
/// réponse 👏").
pub(super) const CLAP: char = '\u{1F44F}';

/// Thanks that ask rather than thank when a verb follows: "merci de me
/// rembourser", "merci de bien vouloir", "merci d'envoyer", and the
/// letter's formulas "je vous remercie de", "nous vous remercions de", "en
/// vous remerciant de bien vouloir". French writes a polite imperative this
/// way; the thanks are for something not yet done. A past infinitive
/// ("merci de m'avoir répondu", "merci d'être venus") thanks for what was
/// done.
pub(super) const THANKS_THAT_ASK: [&str; 4] = ["merci", "remercie", "remercions", "remerciant"];

/// What may stand between praise and the failure it is aimed at: "thanks
/// for losing", "bravo pour avoir perdu", "merci d'avoir égaré", "gracias
/// por perder".
pub(super) const AIMED_AT: [&str; 10] = [
    "for", "pour", "por", "de", "d'", "d’", "d", "avoir", "having", "haber",
];

/// The beginnings of words for what customers ask for and may thank for
/// ("thanks for cancelling my order", "merci d'avoir résilié"): a negative
/// word, but not a failure.
pub(super) const ASKED_FOR: [&str; 7] = [
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
pub(super) const DONE: [&str; 2] = ["avoir", "être"];

/// Thanks given in advance, and gratitude in the conditional: the sentence
/// they open asks for something, so they thank for nothing yet and its
/// praise says what is wanted ("merci d'avance pour une réponse rapide",
/// "I would appreciate a quick refund", "les agradecería una respuesta
/// rápida"), not what happened.
pub(super) const REQUEST_FORMULAS: [&str; 29] = [
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
    "would be appreciated",
    "would be much appreciated",
    "would be greatly appreciated",
    "would be really appreciated",
    "serait apprécié",
    "serait appréciée",
    "serait très apprécié",
    "serait très appréciée",
    "serait grandement apprécié",
    "serait grandement appréciée",
    "sería de agradecer",
];

/// The last words of the [`REQUEST_FORMULAS`] in the passive, which come
/// after what they ask for ("a quick reply would be appreciated", "une
/// réponse rapide serait appréciée", "una respuesta pronto sería de
/// agradecer"): the praise before them in their sentence is asked for.
pub(super) const ASKED_BEFORE: [&str; 4] = ["appreciated", "apprécié", "appréciée", "agradecer"];

/// What follows "merci de" in a request: an object pronoun or "bien"
/// before the verb ("merci de me", "merci de nous", "merci de bien").
pub(super) const REQUEST_OPENERS: [&str; 12] = [
    "me", "m'", "m", "nous", "vous", "le", "la", "les", "l'", "lui", "bien", "ne",
];

/// Whether a French word reads as an infinitive (-er, -ir, -re, -oir),
/// leaving out the possessives and nouns that end the same way and follow
/// "merci de" as thanks ("merci de votre aide").
pub(super) fn infinitive_like(word: &str) -> bool {
    const NOT_VERBS: [&str; 6] = ["votre", "notre", "leur", "plaisir", "soir", "retour"];
    word.chars().count() >= 4
        && ["er", "ir", "re", "oir"]
            .iter()
            .any(|end| word.ends_with(end))
        && !one_of(word, &NOT_VERBS)
}

/// Whether `word` is one of `words`, ignoring ASCII case.
#[inline]
pub(super) fn one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| word.eq_ignore_ascii_case(w))
}
/// Words that say a status goes on ("still processing", "toujours en
/// préparation", "sigue pendiente"): see
/// [`Rules::lasting`](super::rules::Rules::lasting).
pub(super) const STILL: [&str; 11] = [
    "still", "toujours", "encore", "sigo", "sigue", "seguimos", "siguen", "todavía", "todavia",
    "aún", "aun",
];

/// Words that join what was paid to what it did not bring: "paid for
/// premium and still get ads", "payé l'express, et ça a quand même pris
/// dix jours", "pago el premium y sigo teniendo anuncios" (see
/// `Rules::paid_yet`): a clause boundary or one of these before a word
/// of [`STILL`] (or "yet", "pourtant", "quand même").
pub(super) const AND_YET: [&str; 7] = ["and", "but", "et", "mais", "y", "e", "pero"];

/// How far, in tokens, a word of paying reaches for the "still" of what
/// the money did not bring: in "I paid for express shipping and it still
/// took 10 days" it is the sixth after "paid".
pub(super) const PAID_REACH: usize = 8;

/// How far, in tokens, a good word after the "still" of what was paid
/// says what the money brought (see `Rules::paid_yet`): "and still think
/// it was worth it" is four; a wish that closes the message further on
/// ("... and still get ads, have a nice day") is for the desk.
pub(super) const YET_REACH: usize = 4;

/// What a closing wish wishes ("have a nice day", "bonne journée", "buen
/// fin de semana"): the good word before one of these is for the desk,
/// not for what was bought (see `Rules::paid_yet`).
#[rustfmt::skip]
pub(super) const WISHED: [&str; 13] = [
    "day", "week", "weekend", "evening",
    "journée", "soirée", "semaine", "week-end",
    "día", "fin", "semana", "tarde", "noche",
];

/// Units of time: after a count, a duration ("for 40 minutes", "depuis
/// 12 jours", "lleva una semana", "for ages"), abbreviated too ("45 min",
/// "2 h", "3j": a count and its unit written as one word are read as two).
#[rustfmt::skip]
pub(super) const TIME_UNITS: [&str; 37] = [
    "minute", "minutes", "min", "mins", "mn", "hour", "hours", "hr", "hrs", "h", "day", "days",
    "week", "weeks", "month", "months", "ages",
    "heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "j",
    "minuto", "minutos", "hora", "horas", "día", "días", "dia", "dias", "semana", "semanas",
    "mes", "meses",
];

/// Words that count a unit of time, or say that it went by (digits count
/// too): "a week", "une semaine", "dos días", "several hours", "for days",
/// "depuis des semaines", "lleva días", "hace meses".
#[rustfmt::skip]
pub(super) const COUNTS: [&str; 54] = [
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "twenty", "thirty", "forty", "several", "few", "many", "for",
    "un", "une", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf", "dix", "quinze",
    "vingt", "trente", "plusieurs", "quelques", "des",
    "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "quince",
    "veinte", "treinta", "varios", "varias", "muchos", "lleva", "llevo", "hace",
];

/// Whether `word` counts a unit of time after it: digits or one of
/// [`COUNTS`] ("for 40 minutes", "a week", "dos días").
pub(super) fn counts_time(word: &str) -> bool {
    digits(word) || one_of(word, &COUNTS)
}

/// Words before a count of time that look ahead, not back: "the next
/// three days", "dans deux jours", "les prochains trois mois", "dentro de
/// dos días", "las próximas dos semanas" (see `Rules::dated`).
#[rustfmt::skip]
pub(super) const AHEAD: [&str; 16] = [
    "next", "coming",
    "dans", "prochain", "prochaine", "prochains", "prochaines",
    "dentro", "próximo", "próxima", "próximos", "próximas",
    "proximo", "proxima", "proximos", "proximas",
];

/// Words right before a count of time that look ahead unless a negation
/// comes before them: "ships in 2 days", "livré en 3 jours", "en dos
/// días", but "no reply in two weeks", "rien en dix jours", "nada en una
/// semana" (see `Rules::dated`).
pub(super) const WITHIN: [&str; 3] = ["in", "within", "en"];

/// Words that date a status from a time past ("pending since Tuesday",
/// "en transit depuis le 3 mars"): a duration too. Not Spanish "desde",
/// which is also "from" ("en camino desde Madrid").
pub(super) const SINCE: [&str; 2] = ["since", "depuis"];

/// Units of time long enough for a wait to be one when told as what
/// something took: "three weeks for a refund", "dix jours pour une
/// réponse", "un mes para el reembolso" (see `Rules::waited_for`); not
/// "two hours for a repair".
#[rustfmt::skip]
pub(super) const LONG_UNITS: [&str; 20] = [
    "day", "days", "week", "weeks", "month", "months",
    "jour", "jours", "semaine", "semaines", "mois", "j",
    "día", "días", "dia", "dias", "semana", "semanas", "mes", "meses",
];

/// The infinitives of [`Errand::Waited`](super::scan::Errand::Waited):
/// a wait told as done only after an obligation ("had to wait", "j'ai dû
/// attendre", "tuve que esperar"), asked for otherwise ("please wait", "merci
/// d'attendre").
pub(super) const TO_WAIT: [&str; 5] = ["wait", "attendre", "patienter", "poireauter", "esperar"];

/// How many words after a verb of waiting its count of time may end ("waited
/// for over an hour", "attendu plus d'une heure", "esperamos más de una
/// hora").
pub(super) const WAITED_REACH: usize = 5;

/// Hours: a wait of one is long once waited ("waited an hour", "attendu
/// deux heures", "esperé dos horas"; see `Rules::waited_long`).
pub(super) const HOURS: [&str; 9] = [
    "hour", "hours", "heure", "heures", "hora", "horas", "h", "hr", "hrs",
];

/// Parts of a day that a whole of counts as a wait ("all day", "all
/// morning", "toute la journée", "toda la mañana").
#[rustfmt::skip]
pub(super) const PARTS_OF_DAY: [&str; 18] = [
    "day", "morning", "afternoon", "evening", "night", "week",
    "journée", "matinée", "après-midi", "soirée", "nuit", "semaine",
    "día", "dia", "mañana", "tarde", "noche", "semana",
];

/// What makes a part of a day a whole ("all day", "the whole morning",
/// "toute la journée", "todo el día").
#[rustfmt::skip]
pub(super) const WHOLE: [&str; 10] = [
    "all", "whole", "entire", "toute", "tout", "entière", "todo", "toda", "entero", "entera",
];

/// Past verbs of taking a time: "the delivery took three weeks", "a mis
/// trois semaines", "a pris dix jours", "tardó un mes" (see
/// `Rules::waited_for`).
#[rustfmt::skip]
pub(super) const TOOK: [&str; 8] = [
    "took", "taken", "mis", "pris", "tardó", "tardaron", "tardado", "tardo",
];

/// The days of [`LONG_UNITS`]: a wait of one or two days is no delay.
pub(super) const DAYS: [&str; 9] = [
    "day", "days", "jour", "jours", "j", "día", "días", "dia", "dias",
];

/// What a time took, told as "for" what it was: "three weeks for a
/// refund", "dix jours pour une réponse", "un mes para el reembolso".
pub(super) const TOOK_FOR: [&str; 3] = ["for", "pour", "para"];

/// Indefinite articles before what was awaited ("for a refund", "pour une
/// réponse", "para un reembolso"): [`DETERMINERS`] has the others.
pub(super) const INDEFINITES: [&str; 5] = ["un", "une", "una", "unos", "unas"];

/// What a fight or a protection is against ("against", "contre",
/// "contra"): a bad word after it is opposed (see `Rules::opposed`).
pub(super) const AGAINST: [&str; 3] = ["against", "contre", "contra"];

/// Fighting or protecting, before one of [`AGAINST`] ("the fight against",
/// "lutter contre", "la protección contra") or what it fights ("combatir
/// el fraude").
#[rustfmt::skip]
pub(super) const OPPOSING: [&str; 27] = [
    "fight", "fights", "fighting", "battle", "struggle", "combat", "protect", "protection",
    "protecting",
    "lutte", "luttes", "lutter", "luttent", "luttons", "combattre", "combattent", "protéger",
    "luchar", "lucha", "luchan", "luchamos", "combatir", "combate", "combaten", "proteger",
    "protección", "protegerse",
];

/// Words that lessen or prevent what comes right after them ("reduce
/// waste", "réduire les émissions", "moins cher", "menos problemas",
/// "la prévention des risques", "anti-gaspillage"): a bad word after one
/// is good news (see
/// `Rules::opposed`). Not the French "prévenir", which also warns ("vous
/// auriez dû me prévenir du retard").
#[rustfmt::skip]
pub(super) const LESSENING: [&str; 25] = [
    "reduce", "reduces", "reduced", "reducing", "reduction", "prevent", "prevents", "preventing",
    "prevention", "less",
    "réduire", "réduit", "réduction", "diminuer", "prévention", "moins",
    "reducir", "reducción", "disminuir", "prevenir", "prevención", "menos",
    "lessen", "lessens", "anti",
];

/// Verbs of a fall or a decline after what falls ("unemployment falls",
/// "crime dropped", "le chômage recule", "la pollution diminue", "el paro
/// baja"): said of a bad thing, good news (see `Rules::receding`).
#[rustfmt::skip]
pub(super) const RECEDING: [&str; 54] = [
    "falls", "fell", "fallen", "drops", "dropped", "declines", "declined", "decreases",
    "decreased", "eases", "eased", "recedes", "receded", "shrinks", "shrank", "dips",
    "recule", "reculent", "reculé", "baisse", "baissent", "baissé", "diminue", "diminuent",
    "diminué", "chute", "chutent", "chuté", "régresse", "régressent", "régressé",
    "baja", "bajan", "bajó", "cae", "caen", "cayó", "disminuye", "disminuyen", "disminuyó",
    "retrocede", "retroceden", "retrocedió", "desciende", "descienden", "descendió",
    "reducido", "reducen", "redujo", "subsides", "bajado", "disminuido", "caído", "descendido",
];

/// What may stand between a bad word and its decline (see [`RECEDING`]):
/// auxiliaries and words of how much or once more ("crime has dropped",
/// "unemployment fell sharply", "le chômage a encore reculé", "el paro
/// también baja", "la pobreza se ha reducido").
#[rustfmt::skip]
pub(super) const BEFORE_RECEDING: [&str; 22] = [
    "has", "have", "had", "is", "was", "again", "further", "sharply", "slightly",
    "a", "ont", "encore", "nettement", "fortement", "légèrement", "se",
    "ha", "han", "también", "nuevamente", "ligeramente", "fuertemente",
];

/// The end of what comes after it, past "of", "du", "de la" ("the end of
/// the outage", "la fin du chômage", "halte au gaspillage", "basta de
/// corrupción"): a bad word after one is good news (see `Rules::opposed`).
pub(super) const ENDING: [&str; 4] = ["end", "fin", "halte", "basta"];

/// What may link one of [`ENDING`] to what ends, besides articles: "of",
/// "à", "au", "aux", "del", "al", "a" ("halte au", "no a la").
pub(super) const OF: [&str; 7] = ["of", "à", "au", "aux", "del", "al", "a"];

/// What says a good thing is lacking, before "of" or "de" ("lack of
/// respect", "manque de suivi", "falta de profesionalidad", "absence de
/// réponse"): the good word after it is denied (see `Rules::lacking`).
#[rustfmt::skip]
pub(super) const LACKING: [&str; 8] = [
    "lack", "absence", "manque", "carence", "falta", "ausencia", "carencia", "shortage",
];

/// What makes "less" no lessening and "end" no ending: "no less", "pas
/// moins", "au moins", "al menos", "por lo menos", "ni menos", "sin fin",
/// "sans fin", "no end of trouble", "al fin" (at last).
#[rustfmt::skip]
pub(super) const NOT_LESSENING: [&str; 10] = [
    "no", "not", "pas", "au", "al", "lo", "ni", "sin", "sans", "without",
];

/// Articles that neither [`DETERMINERS`], [`INDEFINITES`] nor [`DE`]
/// hold, between a word of [`AGAINST`] or [`LESSENING`] and the bad word
/// it opposes ("contre des arnaques", "réduire l'impact", "contra las
/// estafas").
pub(super) const MORE_ARTICLES: [&str; 6] = ["des", "du", "l'", "l’", "l", "las"];

/// Words of a wrong choice ("wrong", "mauvaise", "equivocada"): the
/// customer's own, after what they ordered in the first person (see
/// `Rules::own_mistake`).
#[rustfmt::skip]
pub(super) const MISTAKEN: [&str; 9] = [
    "wrong", "mauvais", "mauvaise", "mauvaises", "equivocado", "equivocada", "equivocados",
    "equivocadas", "incorrect",
];

/// A mistake told as how it was done ("I ordered two by mistake", "j'ai
/// commandé deux fois par erreur", "compré otro por error"): it may stand
/// further from the verb than [`MISTAKEN`] does, anywhere in the clause
/// within [`BY_MISTAKE_REACH`] words.
pub(super) const BY_MISTAKE: [&str; 4] = ["by mistake", "by accident", "par erreur", "por error"];

/// How many words before "by mistake" (see [`BY_MISTAKE`]) the verb of
/// ordering may stand.
pub(super) const BY_MISTAKE_REACH: usize = 6;

/// The writer as a verb's subject: an English pronoun ("I", "we", "I've"
/// as tokenized), or an auxiliary of the first person, which French and
/// Spanish need without the pronoun ("j'ai", "nous avons", "he",
/// "hemos"); before what was ordered (see `Rules::own_mistake`), or what
/// was not done (see `Rules::own_doing`). Not "nous", also an object ("on
/// ne nous a pas prévenus").
#[rustfmt::skip]
pub(super) const FIRST_PERSON: [&str; 8] = ["i", "we", "i've", "we've", "ai", "avons", "he", "hemos"];

/// Spanish verbs of ordering or choosing in the first person, which need
/// no subject ("pedí", "compramos", "elegí").
#[rustfmt::skip]
pub(super) const ORDERED_BY_ME: [&str; 13] = [
    "pedí", "pedimos", "reservé", "reservamos", "compré", "compramos", "encargué", "encargamos",
    "pagué", "pagamos", "elegí", "escogí", "seleccioné",
];

/// Wishes of luck ("good luck", "bon courage", "suerte"): for getting
/// what the service owes, a warning (see `Rules::luck_against`).
#[rustfmt::skip]
pub(super) const LUCK: [&str; 7] = [
    "good luck", "best of luck", "bon courage", "bonne chance", "suerte", "buena suerte",
    "mucha suerte",
];

/// What may open what luck is wished for, besides a gerund: "to",
/// "pour", "para".
pub(super) const LUCK_FOR: [&str; 3] = ["to", "pour", "para"];

/// Ways to reach the service or to be paid back ("reaching", "joindre",
/// "hablar", "rembourser", "devuelvan"), after a wish of luck.
#[rustfmt::skip]
pub(super) const TO_REACH: [&str; 24] = [
    "reach", "reaching", "contact", "contacting", "speak", "speaking", "talk", "talking",
    "refunded", "joindre", "contacter", "parler", "rembourser", "remboursé", "remboursée",
    "hablar", "contactar", "localizar", "devuelvan", "devuelva", "devolver", "reembolsen",
    "reembolsar", "contesten",
];

/// How many words after a wish of luck what it is for may be named
/// ("suerte intentando que te devuelvan": four).
pub(super) const LUCK_REACH: usize = 6;

/// Words before a count of time that praise how short it was ("only 2
/// days for a refund", "moins de 3 jours pour la livraison", "apenas dos
/// días para el reembolso"), or tell what it takes as a rule ("delivery
/// takes 3 days for an order placed before noon", "il faut 10 jours pour
/// un remboursement", "normalmente son dos días para la entrega"): no
/// wait reported (see `Rules::waited_for`).
#[rustfmt::skip]
pub(super) const SHORT_OR_USUAL: [&str; 23] = [
    "only", "just", "less", "under", "takes", "take", "usually",
    "seulement", "juste", "moins", "que", "qu", "faut", "prend", "prennent", "généralement",
    "solo", "sólo", "apenas", "menos", "tarda", "tardan", "normalmente",
];

/// How far, in words, a negation carried by one of [`RAISING`] reaches.
pub(super) const RAISED_REACH: usize = 8;

/// The value at or below which a word is a complaint (see
/// [`Sentiment::complaint`](super::Sentiment::complaint)), one that can make later praise ironic: a
/// quarter of the lexicons' scale. On the six UMSAB splits any cut from
/// -0.9 to -2.0 does a little better than counting every negative word
/// (English validation macro-F1 0.635 → 0.639 at -1.0).
pub(super) const COMPLAINT: f64 = -1.0;

/// Crying emoji, which thanks or praise beside them make tears of joy
/// (see `Rules::tears_of_joy`).
pub(super) const TEARS: [char; 3] = ['😭', '😢', '😿'];

/// Words that ask to undo a purchase or a subscription, as the first word
/// of a lexicon item ("cancel", "résilier mon abonnement", "darme de
/// baja"): they weigh for the trouble they signal, not as a judgement, so a
/// negation does not turn them into praise. "I can't cancel", "je ne peux
/// pas résilier", "no puedo cancelar" report a failure; "I don't want to
/// cancel", "n'annulez pas", "no cancelen" say nothing good or bad (see
/// [`CAN`] and [`PODER`]). Past participles are events, not requests ("the flight
/// wasn't cancelled" is good news), and stay out.
#[rustfmt::skip]
pub(super) const CANCELLATIONS: [&str; 19] = [
    "cancel", "unsubscribe", "refund",
    "résilier", "résiliez", "annuler", "annule", "annulez", "rembourser", "remboursez",
    "désabonner", "désinscrire",
    "cancelar", "cancela", "cancelen", "reembolsar", "reembolsen", "devolver", "darme",
];

/// Words of apology: negated, the apology that never came is a failure of
/// the service ("not even an apology", "they never apologized", "pas
/// d'excuses", "ni una disculpa"), not good news. Not "sorry", which the
/// writer also denies of themselves ("I'm not sorry I asked").
#[rustfmt::skip]
pub(super) const APOLOGIES: [&str; 16] = [
    "apology", "apologies", "apologize", "apologized", "apologise", "apologised", "excuse",
    "excuses",
    "excusé", "excusés", "excusée", "excusées",
    "disculpa", "disculpas", "disculparon", "perdón",
];

/// Determiners: a word of ordering after one is the order itself, a noun
/// ("no cancelen mi pedido", "not the booked one" aside), not the act of
/// ordering that a negation denies ("no es lo que pedí").
#[rustfmt::skip]
pub(super) const DETERMINERS: [&str; 30] = [
    "my", "your", "our", "the", "this", "that", "a", "an",
    "mon", "ma", "mes", "votre", "vos", "notre", "nos", "le", "la", "les", "ce", "cette",
    "mi", "mis", "tu", "tus", "su", "sus", "el", "los", "este", "ese",
];

/// The possessives of the second person, the brand addressed ("your",
/// "votre", "vuestra", "su").
#[rustfmt::skip]
pub(super) const YOUR: [&str; 11] = [
    "your", "votre", "vos", "ton", "ta", "tes", "vuestro", "vuestra", "vuestros", "vuestras",
    "su",
];

/// The present conditional of being ("would", "'d", "serait", "sería",
/// "estaría"): a good word after it is wished (see `Rules::wish`).
#[rustfmt::skip]
pub(super) const WOULD_BE: [&str; 11] = [
    "would", "serait", "serais", "seraient", "serions",
    "sería", "serían", "seríamos", "estaría", "estarían", "estaríamos",
];

/// The conditionals after which a good word that opens its clause is what
/// was wanting ("a little honesty would have gone a long way", "un peu de
/// politesse aurait été appréciable", "algo de amabilidad habría estado
/// bien"): see `Rules::wanting`. The first two, English, must say what
/// the good thing would have done (see [`WOULD_DO`]). Each is an
/// [`Errand`] of a conditional
/// (`Scan::could_have` or `Scan::wishing`), which gates the rule.
///
/// [`Errand`]: super::scan::Errand
#[rustfmt::skip]
pub(super) const WOULD: [&str; 13] = [
    "would", "could", "would've", "wouldve", "aurait", "auraient", "serait",
    "habría", "habrían", "hubiera", "hubieran", "sería", "estaría",
];

/// What an English conditional of [`WOULD`] must go on with to say what a
/// good thing would have done ("would have gone a long way", "would help",
/// "would be appreciated"), not what the writer would do ("would
/// recommend").
#[rustfmt::skip]
pub(super) const WOULD_DO: [&str; 6] = ["have", "go", "be", "been", "help", "make"];

/// What may stand before a good word that opens its clause and that a
/// conditional after it says was wanting (see [`WOULD`]): an article or a
/// quantity ("some", "a little", "a bit of", "more", "un peu de", "plus
/// de", "un minimum de", "un poco de", "algo de", "más").
#[rustfmt::skip]
pub(super) const SOME_OF: [&str; 27] = [
    "some", "a", "an", "the", "little", "bit", "of", "more", "bare", "minimum",
    "un", "une", "peu", "de", "d'", "d’", "plus", "davantage", "le", "la", "l'", "l’",
    "una", "poco", "algo", "más", "el",
];

/// What opens what is to be done after a wished good word: "to", "de"
/// ("it would be nice to get an answer", "ce serait sympa de recevoir");
/// Spanish says the infinitive at once ("sería genial recibir").
pub(super) const TO_DO: [&str; 5] = ["to", "de", "d'", "d’", "d"];

/// Subjects that are nobody in particular, before a conditional of being
/// ("it would be", "that'd be", "ce serait", "ça serait"): what is good
/// is wished, nobody says they would be glad.
#[rustfmt::skip]
pub(super) const IMPERSONAL_SUBJECTS: [&str; 8] = [
    "it", "that", "this", "ce", "ça", "ca", "cela", "c'",
];

/// Spanish words of who would be glad ("estaría encantado de ayudar",
/// "sería feliz de"): after "sería" or "estaría" they make an offer or a
/// feeling, not a wish for what is to be done.
#[rustfmt::skip]
pub(super) const GLAD: [&str; 16] = [
    "encantado", "encantada", "encantados", "encantadas", "feliz", "felices",
    "contento", "contenta", "contentos", "contentas", "agradecido", "agradecida",
    "agradecidos", "agradecidas", "gustoso", "gustosa",
];

/// Some day, after what was awaited in a wish ("it would be nice to get a
/// reply some day", "ce serait bien d'avoir une réponse un jour", "estaría
/// bien tener una respuesta algún día"): it should have come long ago.
#[rustfmt::skip]
pub(super) const SOMEDAY: [&str; 7] = [
    "some day", "someday", "one day", "un jour", "un de ces jours", "algún día", "un día de estos",
];

/// What opens the condition of a wish: "if", "si", "que".
pub(super) const IF_THAT: [&str; 4] = ["if", "si", "que", "qu"];

/// What says, in the condition of a wish, that the service should do it
/// already: "actually", "bothered", "for once", "vraiment", "daigne",
/// "pour une fois", "de verdad", "se dignara", "por una vez" ("I'd be
/// happy if it actually worked").
#[rustfmt::skip]
pub(super) const ALREADY_DUE: [&str; 15] = [
    "actually", "bothered", "bother", "once",
    "vraiment", "daigne", "daignait", "daignaient", "fois",
    "verdad", "realmente", "dignara", "dignaran", "dignase", "vez",
];

/// How many words after "if" or "de" one of [`ALREADY_DUE`] or [`PAID`]
/// may come ("if someone at your store actually bothered", six; "d'avoir
/// le canapé que j'ai payé", seven).
pub(super) const ALREADY_DUE_REACH: usize = 8;

/// Words of waiting or silence, after a unit of time (one of
/// [`TIME_UNITS`]): what thanks are for
/// in "thanks for the two hour wait", "merci pour les 40 minutes
/// d'attente", "gracias por las tres semanas de silencio".
#[rustfmt::skip]
pub(super) const WAITING: [&str; 8] = [
    "wait", "hold", "silence", "attente", "espera", "silencio", "queue", "cola",
];

/// How much thanks are, when no intensifier says it ("thank you so much",
/// where "so much for" may be read as a phrase of its own, "merci
/// beaucoup").
pub(super) const MUCH: [&str; 3] = ["so", "much", "beaucoup"];

/// What thanks are for: "thanks for", "merci pour", "gracias por".
pub(super) const THANKED_FOR: [&str; 3] = ["for", "pour", "por"];

/// How many words after "for" a wait thanked for may end (a number may
/// be several: "pour les quatre-vingt-dix minutes d'attente").
pub(super) const WAIT_THANKED_REACH: usize = 8;

/// The last words of looking forward ("can't wait", "looking forward",
/// "j'ai hâte", "vivement", "qué ganas", "deseando"): to a complaint after
/// it in its sentence, ironic.
#[rustfmt::skip]
pub(super) const LOOKING_FORWARD: [&str; 7] = [
    "wait", "forward", "hâte", "vivement", "ganas", "deseando", "impatient",
];

/// Wishing, which longs as [`LOOKING_FORWARD`] does: for the present to
/// end ("ojalá se termine pronto"; see `Rules::wished_over`), or before a
/// complaint, in reproach ("ojalá me contestaran, llevo un mes sin
/// respuesta").
pub(super) const WISHING: [&str; 2] = ["ojalá", "ojala"];

/// The verbs of ending in the forms a wish gives them: the English
/// infinitive and third person ("for this week to end", "for it to stop"),
/// the French and Spanish subjunctive ("que ça se termine", "que ça
/// finisse", "que se acabe", "que termine"). English "over" counts after
/// "be" (see `Rules::wished_over`).
#[rustfmt::skip]
pub(super) const ENDING_WISHED: [&str; 14] = [
    "end", "ends", "stop", "stops", "over",
    "termine", "terminent", "finisse", "finissent", "arrête", "arrêtent",
    "acabe", "acaben", "terminen",
];

/// The Spanish "lo" that opens an exclamation of degree, and the "que"
/// that closes it ("lo lento que va"; see `Rules::exclaims_degree`), "q"
/// as typed in a hurry.
pub(super) const LO: [&str; 1] = ["lo"];
/// See [`LO`].
pub(super) const THAT: [&str; 2] = ["que", "q"];

/// Verbs of knowing and imagining that, denied, open an exclamation of
/// degree rather than deny it: "no sabes lo harta que estoy", "no te
/// imaginas lo bien que nos atendieron" (see `Rules::knowing_between`).
#[rustfmt::skip]
pub(super) const KNOWING: [&str; 12] = [
    "sabes", "sabés", "sabéis", "sabe", "saben", "sabías",
    "imaginas", "imaginás", "imagináis", "imagina", "imaginan", "imaginabas",
];

/// "Than" of a comparison ("faster than you", "plus rapide que vous",
/// "más rápido que vosotros"; see [`YOU_COMPARED`]).
pub(super) const THAN: [&str; 3] = ["than", "que", "qu"];

/// The service, as what a comparison is made with: "than you", "que vous",
/// "que vosotros", "que ustedes".
#[rustfmt::skip]
pub(super) const YOU_COMPARED: [&str; 8] = [
    "you", "vous", "toi", "vosotros", "vosotras", "ustedes", "usted", "tú",
];

/// What the reader thinks or expects, after "than you" ("better than you
/// think", "mieux que vous ne pensez", "mejor de lo que crees"): no
/// comparison with the service.
#[rustfmt::skip]
pub(super) const THOUGHT: [&str; 16] = [
    "think", "thought", "expect", "expected", "imagine", "know", "might",
    "ne", "pensez", "croyez", "imaginez",
    "crees", "piensas", "imaginas", "creéis", "pensáis",
];

/// How many words before a good word, in its clause, a rival may be named
/// (see [`RIVALS`], [`FORMER_OR_OTHER`]).
pub(super) const RIVAL_REACH: usize = 8;

/// Rivals named as such: "competitors", "la concurrence", "la
/// competencia" (each is also [`Errand::Rival`](super::scan::Errand::Rival),
/// as are the words of [`FORMER_OR_OTHER`]; a test checks it).
#[rustfmt::skip]
pub(super) const RIVALS: [&str; 8] = [
    "competitor", "competitors", "concurrence", "concurrent", "concurrents", "competencia",
    "competidor", "competidores",
];

/// What makes a provider after it a rival: a former one or the others
/// ("my old bank", "mon ancien opérateur", "otros bancos").
#[rustfmt::skip]
pub(super) const FORMER_OR_OTHER: [&str; 17] = [
    "old", "previous", "former", "other",
    "ancien", "ancienne", "précédent", "précédente", "autre", "autres",
    "antiguo", "antigua", "anterior", "otro", "otra", "otros", "otras",
];

/// Providers of a service, as a rival is named ("provider", "banque",
/// "compañía"); not a shop, which may be another branch of the brand.
#[rustfmt::skip]
pub(super) const PROVIDERS: [&str; 42] = [
    "provider", "providers", "bank", "banks", "company", "companies", "operator", "operators",
    "network", "networks", "supplier", "suppliers", "insurer", "insurers", "airline", "airlines",
    "opérateur", "opérateurs", "banque", "banques", "fournisseur", "fournisseurs", "compagnie",
    "compagnies", "assureur", "assureurs",
    "compañía", "compañías", "operador", "operadores", "operadora", "operadoras", "banco",
    "bancos", "proveedor", "proveedores", "aseguradora", "aseguradoras", "empresa", "empresas",
    "aerolínea", "aerolíneas",
];

/// Good comparatives of their own ("better", "mieux", "meilleur",
/// "mejor"): with [`MORE`] and English words in -er, what makes a good
/// word a comparison.
#[rustfmt::skip]
pub(super) const BETTER: [&str; 9] = [
    "better", "mieux", "meilleur", "meilleure", "meilleurs", "meilleures", "mejor", "mejores",
    "superior",
];

/// What makes the word after it a comparative: "more helpful", "plus
/// rapide", "más amable".
pub(super) const MORE: [&str; 4] = ["more", "plus", "más", "mas"];

/// How a how-to question opens (see
/// [`Reading::opens_how_to`](super::reading::Reading::opens_how_to)): the
/// modals between "how" or "where" and the one asking ("how do I", "where
/// can we"), and who asks.
pub(super) const HOW_MODALS: [&str; 5] = ["do", "can", "could", "should", "would"];
/// ... the first persons that ask.
pub(super) const HOW_ASKERS: [&str; 2] = ["i", "we"];
/// ... what follows French "comment" or "où" when the writer asks how to
/// do something ("comment puis-je", "où peut-on", "comment faire", "comment
/// je fais"); an infinitive also does after "comment" ("comment résilier").
pub(super) const HOW_FR: [&str; 8] = [
    "puis", "peut", "peux", "faire", "fait", "dois", "pourrais", "je",
];
/// ... and Spanish "cómo" or "dónde" ("cómo puedo", "dónde se"); a verb in
/// the first person also does ("cómo cancelo", "cómo pido").
pub(super) const HOW_ES: [&str; 5] = ["puedo", "podemos", "se", "debo", "tengo"];
/// The first words of [`HOW_PHRASES`]: only a token that is one of them is
/// read further (a test checks that they match).
pub(super) const HOW_PHRASE_OPENERS: [&str; 5] = ["is", "est", "y", "se", "hay"];
/// ... and the phrases that ask whether a thing can be done at all.
pub(super) const HOW_PHRASES: [&str; 6] = [
    "is there a way to",
    "is it possible to",
    "est il possible de",
    "y a t il un moyen de",
    "se puede",
    "hay manera de",
];

/// Question words that open a clause of their own inside another ("nadie
/// sabe decirme dónde está mi paquete", "je ne comprends pas comment vous
/// traitez vos clients"): a negation before them does not reach the phrase
/// they open.
#[rustfmt::skip]
pub(super) const QUESTION_WORDS: [&str; 8] = [
    "where", "where's", "how", "où", "comment", "dónde", "donde", "cómo",
];

/// The words that open a question of reproach rather than one that asks:
/// "why", "pourquoi", "porqué", and "por qué" (see
/// [`Reading::is_why`](super::reading::Reading::is_why)).
pub(super) const WHY: [&str; 3] = ["why", "pourquoi", "porqué"];

/// Questions that open as "why" does, in reproach: "how could you", "how
/// dare you", "comment avez-vous pu", "cómo es posible" (see
/// [`Reading::opens_reproach`](super::reading::Reading::opens_reproach)).
/// Not "how can you", which also asks how a thing is done ("how can you
/// track a parcel?"). Only a token that is one of [`REPROACH_OPENERS`] is
/// read further.
#[rustfmt::skip]
pub(super) const REPROACHES: [&str; 17] = [
    "how could you", "how could they", "how dare you", "how dare they", "how is it possible",
    "comment avez vous pu", "comment ont ils pu", "comment osez vous", "comment est ce possible",
    "comment c'est possible", "comment se fait il",
    "cómo es posible", "como es posible", "cómo pudieron", "cómo pudisteis", "cómo se atreven",
    "cómo os atrevéis",
];

/// The first words of [`REPROACHES`] (a test checks that they match).
pub(super) const REPROACH_OPENERS: [&str; 4] = ["how", "comment", "cómo", "como"];

/// Whether a phrase is one of [`REQUEST_FORMULAS`], whatever its case,
/// spacing and apostrophe.
pub(super) fn request_formula(phrase: &str) -> bool {
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

/// The articles after which colloquial French "trop" says "so" rather
/// than "too much" ("trop la classe", "trop le kiff", "trop la honte"):
/// the excess is "trop de".
pub(super) const AFTER_SO_TROP: [&str; 3] = ["la", "le", "les"];

/// The Spanish intensifier of excess, which also ends its clause after the
/// verb it qualifies ("la película duró demasiado"; see the rule
/// `excess`).
pub(super) const DEMASIADO: [&str; 4] = ["demasiado", "demasiada", "demasiados", "demasiadas"];

/// "Who", opening a question that may mock an idea (see
/// [`HAD_THE_IDEA`]).
pub(super) const WHO: [&str; 5] = ["who", "whose", "qui", "quién", "quien"];

/// Having an idea, thinking it good or deciding it ("came up with" too):
/// in a question opened by one of [`WHO`], the praise mocks the idea
/// ("Who thought this was a good idea?", "Qui a eu la brillante idée
/// de...?", "¿A quién se le ocurrió?"); not in "Who else loved the
/// finale?".
#[rustfmt::skip]
pub(super) const HAD_THE_IDEA: [&str; 16] = [
    "thought", "decided", "idea", "approved",
    "idée", "pensé", "décidé", "validé", "cru",
    "ocurrió", "ocurrio", "pensó", "penso", "decidió", "decidio", "aprobó",
];

/// Tag questions: what, after a comma, closes a statement with a question
/// mark to ask only for agreement ("right?", "n'est-ce pas ?", "¿verdad?"),
/// as the tokenizer spells it ("n'est-ce" as "n est ce"). The English tags
/// made of an auxiliary and a pronoun ("isn't it?", "didn't you?") are
/// [`TAG_AUXILIARIES`] and [`TAG_PRONOUNS`].
pub(super) const TAGS: [&str; 33] = [
    "right",
    "no",
    "eh",
    "huh",
    "yeah",
    "innit",
    "do n't you think",
    "do n't you agree",
    "n est ce pas",
    "non",
    "hein",
    "pas vrai",
    "tu trouves pas",
    "vous trouvez pas",
    "tu ne trouves pas",
    "vous ne trouvez pas",
    "tu crois pas",
    "vous croyez pas",
    "c est ça",
    "verdad",
    "a que sí",
    "a que si",
    "no crees",
    "no te parece",
    "no os parece",
    "no le parece",
    "no creéis",
    "no es así",
    "no es asi",
    "cierto",
    "vale",
    "o no",
    "ou pas",
];

/// The auxiliaries of the English tag questions ("isn't it?", "wasn't
/// it?", "didn't you?", "can't they?", "is it?"): with or without "n't",
/// then one of [`TAG_PRONOUNS`].
pub(super) const TAG_AUXILIARIES: [&str; 19] = [
    "is", "was", "are", "were", "do", "does", "did", "have", "has", "had", "ca", "can", "could",
    "wo", "will", "would", "should", "ai", "must",
];

/// The pronouns that close an English tag question (see
/// [`TAG_AUXILIARIES`]).
pub(super) const TAG_PRONOUNS: [&str; 9] =
    ["it", "you", "they", "we", "he", "she", "i", "there", "ya"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::sentiment::Analyzer;

    /// The phrases that open a how-to question or a reproach are only read
    /// from a token that is one of their openers, and what would have been
    /// good only back from one of its last words: every phrase must start
    /// (or end) with one, and every opener start (or end) a phrase.
    #[test]
    fn the_openers_are_the_first_words_of_their_phrases() {
        fn first(p: &'static str) -> &'static str {
            p.split(' ').next().unwrap_or(p)
        }
        fn last(p: &'static str) -> &'static str {
            p.split(' ').next_back().unwrap_or(p)
        }
        for (phrases, openers, end) in [
            (
                &HOW_PHRASES[..],
                &HOW_PHRASE_OPENERS[..],
                first as fn(_) -> _,
            ),
            (&REPROACHES[..], &REPROACH_OPENERS[..], first),
            (&CONCLUDING[..], &CONCLUDING_OPENERS[..], first),
            (&ANY_OTHER[..], &ANY_OTHER_OPENERS[..], first),
            (&UNMET[..], &UNMET_LAST[..], last),
            (&OBLIGATION[..], &OBLIGATION_OPENERS[..], first),
            (&OBLIGATION[..], &OBLIGATION_LAST[..], last),
            (&BY_MYSELF[..], &BY_MYSELF_OPENERS[..], first),
        ] {
            let ends: Vec<&str> = phrases.iter().map(|&p| end(p)).collect();
            for end in &ends {
                assert!(openers.contains(end), "{end} opens no listed phrase");
            }
            for opener in openers {
                assert!(ends.contains(opener), "{opener} opens no phrase");
            }
        }
        let longest = UNMET.iter().map(|p| p.split(' ').count()).max();
        assert_eq!(longest, Some(UNMET_WORDS));
        // Relief is read where what would have been good is looked for.
        for phrase in COULD_HAVE_BEEN {
            assert!(UNMET.contains(&phrase), "{phrase} is not in UNMET");
        }
    }

    #[test]
    fn every_inner_adverb_is_one() {
        for adverb in INNER_ADVERBS {
            assert!(inner_adverb(adverb), "{adverb}");
        }
        assert!(!inner_adverb("comment"));
    }

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

    /// Every laugh of [`LAUGHS`] is a good word in some lexicon: one that
    /// weighs nothing could never be bitter.
    #[test]
    fn every_laugh_is_a_good_word() {
        let analyzer = Analyzer::default();
        for laugh in LAUGHS {
            let good = [Language::ENGLISH, Language::FRENCH, Language::SPANISH]
                .into_iter()
                .any(|l| analyzer.score(laugh, Some(l)).compound > 0.0);
            assert!(good, "{laugh} weighs nothing");
            assert!(laughs(laugh) && laughs(&laugh.to_uppercase()), "{laugh}");
        }
        assert!(laughs("😂") && laughs("🤣🤣") && !laughs("😅") && !laughs("hahahaha!"));
    }
}
