//! Weighing each word where it stands: the rules of negation and its
//! reach (never into a hashtag past the word before it), intensifiers,
//! capitals, questions, requests and the thanks that close them,
//! concessions and contrast, troubles said to be over (or a refund said
//! not to have come), negations that negate nothing but report a failure,
//! and the wrong item received.

use rustc_hash::FxHashSet;

use super::lexicon::Lexicon;
use super::reading::{is_elongated, is_infinitive, is_shouted, without_enclitic, Reading};
use super::scan::{Errand, Found, Item, Scan};
use super::tokenize::Kind;
use super::words::*;
use super::SentimentConfig;
use crate::explain::Modifier;

/// A negation that reached no word, or another rule that weighs a place in
/// the text rather than a word: its token, its weight and the rule's name.
pub(super) type Bare = (usize, f64, &'static str);

/// A scanned text and what its rules need to know of it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules<'a> {
    pub(super) reading: Reading<'a>,
    lexicons: &'a [&'a Lexicon],
    pub(super) config: &'a SentimentConfig,
    pub(super) items: &'a [Item],
    negator: &'a [bool],
    denials: &'a [usize],
    excess: &'a [usize],
    pub(super) booster: &'a [f64],
    concessions: &'a [(usize, usize)],
    pub(super) contrast: Option<usize>,
    /// Whether the text has a negation (see [`Scan::negation`]).
    negation: bool,
    /// Whether a negation goes with "think" and the like (see
    /// [`Reading::raises`]): it reaches past the window.
    raised: bool,
    /// Whether the text has a "never", which may meet a "so".
    never: bool,
    /// Whether the text has a word of the conditional (see
    /// [`Scan::would_have`]).
    would_have: bool,
    /// Whether it has one of what could have been (see
    /// [`Scan::could_have`]).
    could_have: bool,
    /// What the customer was told would be done: the word of telling and
    /// the conditional (see [`Rules::told_would`]).
    promised: Option<(usize, usize)>,
    /// Where the first word that may name a rival came (see
    /// [`Scan::rival`]).
    pub(super) rival: Option<usize>,
    /// Where the first word that may oppose, lessen or end a bad thing, or
    /// say a good one is lacking, came (see [`Scan::against`]).
    against: Option<usize>,
    /// Where the last word of a decline came (see [`Scan::receding`]).
    receding: Option<usize>,
    /// Whether it has a conditional of being (see [`Scan::wishing`]).
    wishing: bool,
    /// Where the first word of what was ordered came (see
    /// [`Scan::ordered`]).
    ordered: Option<usize>,
    /// Where the first word of a past hope came (see [`Scan::hoped`]).
    hoped_from: Option<usize>,
    /// Where the first word of a doubt came (see [`Scan::doubting`]).
    pub(super) doubting: Option<usize>,
}

impl<'a> Rules<'a> {
    /// The rules for a text `scan` read into `found`.
    pub(super) fn new(
        reading: Reading<'a>,
        lexicons: &'a [&'a Lexicon],
        config: &'a SentimentConfig,
        found: &'a Found,
        scan: Scan,
    ) -> Rules<'a> {
        // Two rules need a look at the negators first: a negation carried by
        // "think" and the like reaches past the window, and a "never" may
        // meet a "so". Most texts have neither and skip both.
        let (mut raised, mut never) = (false, false);
        for (k, _) in found.negator.iter().enumerate().filter(|(_, n)| **n) {
            raised |= reading.raises(k);
            never |= one_of(reading.written(k), &NEVER);
        }
        Rules {
            reading,
            lexicons,
            config,
            items: &found.items,
            negator: &found.negator,
            denials: &found.denials,
            excess: &found.excess,
            booster: &found.booster,
            concessions: &found.concessions,
            contrast: scan.contrast,
            negation: scan.negation,
            raised,
            never,
            would_have: scan.would_have,
            could_have: scan.could_have,
            promised: promised(reading, scan.told),
            rival: scan.rival,
            wishing: scan.wishing,
            against: scan.against,
            receding: scan.receding,
            ordered: scan.ordered,
            hoped_from: scan.hoped,
            doubting: scan.doubting,
        }
    }

    /// How far back a word looks for a negation: the window, or further
    /// when a negation is raised.
    fn reach(&self) -> usize {
        match self.raised {
            true => self.config.window.max(RAISED_REACH),
            false => self.config.window,
        }
    }

    // The word classes that bound a negation's reach or that it denies,
    // looked up only in a text with a negation, and only where a negation
    // looks.

    /// Whether the token at `k` is a word of `class` in the lexicons.
    fn listed(&self, k: usize, class: fn(&Lexicon) -> &FxHashSet<String>) -> bool {
        self.negation
            && self.reading.tokens[k].kind == Kind::Word
            && self.in_class(self.reading.lower(k), class)
    }

    /// Whether `word` is of `class` in the lexicons.
    fn in_class(&self, word: &str, class: fn(&Lexicon) -> &FxHashSet<String>) -> bool {
        self.lexicons.iter().any(|l| class(l).contains(word))
    }

    /// A subject pronoun ("je", "I"): a clause starts at one.
    fn subject(&self, k: usize) -> bool {
        self.listed(k, |l| &l.subjects)
    }

    /// A clitic pronoun ("me", "se"): a verb phrase starts at one.
    fn clitic(&self, k: usize) -> bool {
        self.listed(k, |l| &l.clitics)
    }

    /// Whether the word at `first` is a question word that opens a clause
    /// of its own inside another ("nadie sabe decirme dónde está mi
    /// paquete", "je ne comprends pas comment vous traitez vos clients"):
    /// only a negation carried by "think" and the like reaches past it.
    fn opens_own_clause(&self, first: usize) -> bool {
        self.reading.is_one_of(first, &QUESTION_WORDS)
    }

    /// A word of the service doing its job (see `Lexicon::failures`), or
    /// its Spanish infinitive with a pronoun joined to it ("sigue sin
    /// solucionarse", "no quieren devolverme el dinero").
    fn fails(&self, k: usize) -> bool {
        let failure = |word: &str| self.in_class(word, |l| &l.failures);
        self.negation && self.reading.tokens[k].kind == Kind::Word && {
            let word = self.reading.lower(k);
            failure(word) || without_enclitic(word).is_some_and(failure)
        }
    }

    /// Whether the negation from `first` to `last` denies the writer's own
    /// doing of the word of the service's job at `verb`, not the service
    /// failing: the writer is its subject ("I haven't replied yet", "je ne
    /// vous ai pas encore répondu", "todavía no he llamado al banco"), of
    /// their free will (not "I haven't been contacted", "je n'ai jamais été
    /// informée", "I couldn't contact anyone"), and the word is none that
    /// fails with the writer as its subject (what they received, consent,
    /// access: see [`WRITER_FAILURES`]). A customer writing back to the
    /// desk says what they have not done yet; "you haven't answered" and
    /// "nobody called me back" still fail.
    fn own_doing(&self, first: usize, last: usize, verb: usize) -> bool {
        let reading = self.reading;
        if reading.received(verb) || reading.is_one_of(verb, &WRITER_FAILURES) {
            return false;
        }
        // Done to the writer, or what they could not do ("I couldn't
        // contact anyone", "no pude contactar"): the service failing.
        let not_free = |j: usize| {
            reading.is_one_of(j, &PASSIVE)
                || reading.is_one_of(j, &CAN)
                || reading.is_one_of(j, &PODER)
        };
        if (first..verb).any(not_free) {
            return false;
        }
        // The subject: back from the negation, past auxiliaries, adverbs,
        // clitics and a French "ne"; or the auxiliary after it ("no he
        // llamado").
        let before = (first.saturating_sub(OWN_NEGATION_REACH)..first)
            .rev()
            .take_while(|&j| reading.is_word(j));
        for j in before {
            if not_free(j) {
                return false;
            }
            if reading.is_one_of(j, &FIRST_PERSON) || self.apology_for(j) {
                return true;
            }
            let passed =
                reading.is_one_of(j, &BEFORE_OWN_NEGATION) || self.negator[j] || self.uncounted(j);
            if !passed {
                break;
            }
        }
        (last + 1..verb).any(|j| reading.is_one_of(j, &FIRST_PERSON))
    }

    /// Whether the word at `j` links one of [`SORRY`] to what it is for
    /// ("sorry for", "désolée de", "perdón por"): the writer apologizes for
    /// what follows, their own doing.
    fn apology_for(&self, j: usize) -> bool {
        let reading = self.reading;
        reading.is_one_of(j, &APOLOGY_FOR)
            && j.checked_sub(1)
                .is_some_and(|a| reading.is_one_of(a, &SORRY))
    }

    /// Whether a "can" ([`CAN`], [`PODER`]) stands among the three words
    /// before the word at `first`, in its clause: negated, it keeps the
    /// writer from what follows ("can't cancel", "ne peux pas résilier",
    /// "no puedo cancelar").
    fn kept_from(&self, first: usize) -> bool {
        let tokens = &self.reading.tokens;
        (first.saturating_sub(3)..first)
            .rev()
            .take_while(|&j| tokens[j].kind == Kind::Word)
            .map(|j| self.reading.lower(j))
            .any(|word| one_of(word, &CAN) || one_of(word, &PODER))
    }

    /// Whether the word at `j`, between a negation and a word, puts them
    /// in different clauses: a subject pronoun; and, before a word that
    /// opens its own verb phrase, any word but a clitic or a negation.
    fn separates(&self, j: usize, own_verb_phrase: bool) -> bool {
        self.subject(j) || (own_verb_phrase && !self.negator[j] && !self.clitic(j))
    }

    /// Whether the negation at `n` denies a word of the service doing its
    /// job rather than reaching the word at `first`: one between them
    /// ("the tracking hasn't updated since Monday", "n'a pas pu réparer
    /// la fuite"), or, in French, the verb before its second part, past
    /// "toujours" or "même" ("ne règle pas le souci", "ne résout toujours
    /// pas mon problème"). What follows is the object of the failure, not
    /// what is denied: the problem is still there.
    fn denies_failure(&self, n: usize, first: usize) -> bool {
        (n + 1..first).any(|j| self.fails(j)) || self.fails_before(n)
    }

    /// Whether the negator at `n` is the French second part after a word
    /// of the service doing its job, past "toujours", "même" or another
    /// second part ("ça marche pas", "ne règle pas", "ne résout toujours
    /// pas", "ne résout jamais rien").
    fn fails_before(&self, n: usize) -> bool {
        let reading = self.reading;
        let adverb = |p: usize| {
            reading.is_one_of(p, &STILL)
                || reading.is_one_of(p, &EVEN)
                || reading.is_one_of(p, &AFTER_THE_VERB)
        };
        reading.is_one_of(n, &AFTER_THE_VERB)
            && n.checked_sub(1)
                .and_then(|p| if adverb(p) { p.checked_sub(1) } else { Some(p) })
                .is_some_and(|v| self.fails(v))
    }

    /// Whether the word at `k` is one a negation reaches through without
    /// counting it (`Lexicon::uncounted`): an auxiliary ("n'a été capable
    /// de", "ha sido capaz de"), or an object pronoun, which French and
    /// Spanish put between a negation and its verb ("nadie me da una
    /// solución", "personne ne me donne une solution", as "nobody gives a
    /// solution").
    fn uncounted(&self, k: usize) -> bool {
        self.listed(k, |l| &l.uncounted)
    }

    /// Whether a word at `first` is within a negation's reach from `n`:
    /// fewer than `window` words between, not counting those of
    /// [`Rules::uncounted`]; counted no further than the window, so that a
    /// long run of negations stays linear.
    fn near(&self, n: usize, first: usize) -> bool {
        let window = self.config.window;
        (n + 1..first)
            .filter(|&j| !self.uncounted(j))
            .take(window)
            .count()
            < window
    }

    /// Whether the word at `k` negates: a negator, or a word of a phrase
    /// with its negation inside ("todavía no"). Items are in token order
    /// and do not overlap: the one that may hold `k` is found by binary
    /// search.
    fn negates(&self, k: usize) -> bool {
        self.negator[k]
            || self
                .item_before(k + 1)
                .is_some_and(|it| it.negation_inside && k <= it.last)
    }

    /// Whether a negation stands among the `reach` tokens before token `k`
    /// ("nothing cheered me up", "not too big" within two; "won't be the
    /// end of" within three).
    fn denied_within(&self, k: usize, reach: usize) -> bool {
        (k.saturating_sub(reach)..k).any(|j| self.negates(j))
    }

    /// Whether the word right before token `k` is a negator: what a
    /// phrase opening at `k` says is denied ("couldn't have been better",
    /// "didn't have to").
    fn negated_before(&self, k: usize) -> bool {
        k.checked_sub(1).is_some_and(|n| self.negator[n])
    }

    /// The item that starts at token `j`, if one does (by binary search:
    /// items are in token order).
    pub(super) fn item_at(&self, j: usize) -> Option<&'a Item> {
        let items = self.items;
        items
            .get(items.partition_point(|it| it.first < j))
            .filter(|it| it.first == j)
    }

    /// The last item that starts before token `j`, if any (by binary
    /// search): the one that may hold token `j - 1`, or the nearest before
    /// it.
    fn item_before(&self, j: usize) -> Option<&'a Item> {
        let items = self.items;
        items[..items.partition_point(|it| it.first < j)].last()
    }

    /// Whether the token at `p` links a verb to the infinitive after it
    /// (one of [`TO_DO`], or "à": "wanted to love", "essayé d'apprécier",
    /// "m'attendais à adorer", "pas si compliqué de répondre").
    fn links_a_verb(&self, p: usize) -> bool {
        self.reading.is_one_of(p, &TO_DO) || self.reading.is_one_of(p, &["à"])
    }

    /// Whether an item stands in a concession, the clause that matters
    /// less (by binary search: the concessions are apart and in order).
    pub(super) fn conceded(&self, item: &Item) -> bool {
        let concessions = self.concessions;
        let k = concessions.partition_point(|&(from, _)| from < item.first);
        k > 0 && item.last < concessions[k - 1].1
    }

    /// Whether `item` is thanks, or thanks that ask ("thanks in advance",
    /// "merci d'avance"), past the object of a negation at `k`: with a word between
    /// that is not an article or "even" (see [`BEFORE_THANKS`]), the
    /// negation is the message's and the thanks close it ("arrived without
    /// the charger thanks", "llegó sin el cargador gracias de antemano");
    /// a negation reaches them from right before them or over such words
    /// only ("no thanks", "not even a thank you", "pas même un merci").
    fn thanks_past(&self, k: usize, item: &Item) -> bool {
        let reading = self.reading;
        let text = &reading.text[item.start..item.end];
        // Thanks open with a word of thanks: most items are told apart by
        // their first word.
        matches!(
            reading.lower(item.first),
            "thanks" | "thank" | "merci" | "mille" | "gracias" | "muchas" | "mil"
        ) && (one_of(text, &THANKS) || request_formula(text))
            && (k + 1..item.first).any(|j| {
                !(one_of(reading.lower(j), &DETERMINERS)
                    || one_of(reading.lower(j), &BEFORE_THANKS))
            })
    }

    /// Whether the sentence of `item` presses for it: one of [`ASKING`]
    /// before it ("please finally process my refund"), or, in a question,
    /// one of [`PRESSING`] ("when will you finally refund me?", "pourriez-vous
    /// enfin répondre ?", "¿cuándo me van a devolver por fin el dinero?"),
    /// not a question of news ("did my parcel finally arrive?").
    fn pressing(&self, item: &Item) -> bool {
        let reading = self.reading;
        let start = reading.sentence_start(item.first);
        let (_, asks) = reading.sentence_after(item.last);
        (start..item.first).any(|k| {
            ASKING
                .iter()
                .any(|&pair| reading.spells_pair(k, pair, item.first))
                || (asks
                    && PRESSING
                        .iter()
                        .any(|&pair| reading.spells_pair(k, pair, item.first)))
        })
    }

    /// Whether `item` is thanks that close a message asking something:
    /// one of [`THANKS`], with at most [`CLOSING_WORDS`] words after it
    /// (a name), and before it one of [`ASKING`] or a question ("Could you
    /// send me my invoice? Many thanks, Omar").
    fn closes_a_request(&self, item: &Item) -> bool {
        let reading = self.reading;
        let asks_at = |k: usize| {
            reading.ends_sentence(k) == Some(true)
                || ASKING
                    .iter()
                    .any(|&pair| reading.spells_pair(k, pair, item.first))
        };
        item.is_thanks(reading.text)
            && reading.at_most_words_after(item.last, CLOSING_WORDS)
            && (0..item.first).any(asks_at)
    }

    /// Whether `item` stands in the sign-off that closes a message: one of
    /// [`SIGN_OFFS`] that opens its sentence, its clause or its line after
    /// something else ("It broke again. Best, Tom", "Merci\nBises\nLéa",
    /// "never arrived, have a nice day"), with at most [`CLOSING_WORDS`]
    /// words after it (a name).
    fn signs_off(&self, item: &Item) -> bool {
        let reading = self.reading;
        let tokens = reading.tokens;
        // A sign-off is at most three words long: it starts at most two
        // words before the item, which has at most two more after it than
        // the name (the cheap test first: most items are far from the end).
        reading.at_most_words_after(item.last, CLOSING_WORDS + 2)
            && (item.first.saturating_sub(2).max(1)..=item.first).any(|k| {
                let opens = tokens[k - 1].kind == Kind::Boundary
                    || reading.text[tokens[k - 1].end..tokens[k].start].contains('\n');
                opens
                    && SIGN_OFFS.iter().any(|phrase| {
                        reading.spelled_from(k, phrase).is_some_and(|last| {
                            last >= item.last && reading.at_most_words_after(last, CLOSING_WORDS)
                        })
                    })
            })
    }

    /// Whether a good word starts within `words` of token `k` (after it).
    pub(super) fn good_after(&self, values: &[f64], k: usize, words: usize) -> bool {
        self.items
            .iter()
            .zip(values.iter())
            .any(|(it, v)| (k + 1..=k + words).contains(&it.first) && *v > 0.0)
    }

    /// Whether `item` is one word that compares: a comparative
    /// ([`COMPARATIVES`], or English in -ier), or one of [`SO`] right after
    /// it.
    fn compared(&self, item: &Item) -> bool {
        let reading = self.reading;
        let word = reading.lower(item.last);
        (item.first == item.last
            && (one_of(word, &COMPARATIVES) || (word.len() > 4 && word.ends_with("ier"))))
            || reading.is_one_of(item.last + 1, &SO)
    }

    /// Looks back from `item` over the window, stopping at a clause
    /// boundary or at an emoji, which closes what came before it ("still
    /// no parcel :( damn" negates nothing): adds what intensifiers and
    /// softeners do to its value `v` (of sign `sign`), noting each rule
    /// that applies. Returns whether a negation reaches it.
    #[inline]
    fn look_back(
        &self,
        item: &Item,
        v: &mut f64,
        sign: f64,
        note: &mut impl FnMut(Modifier),
    ) -> bool {
        let Rules {
            reading,
            negator,
            booster,
            never,
            config,
            ..
        } = *self;
        let reach = self.reach();
        let tokens = reading.tokens;
        let window = config.window;
        let mut negated = false;
        let mut seen = 0;
        let mut k = item.first;
        // "Never" stresses a comparative ("never been happier") and a
        // word that "so" follows ("never laughed so hard") as it does one
        // that "so" comes before.
        let mut so = never && self.compared(item);
        let mut stressed = false;
        // A phrase that opens with a question word is in a clause of its
        // own from the start (see [`Rules::opens_own_clause`]).
        let mut before_its_clause = self.opens_own_clause(item.first);
        // A word that opens with a clitic ("me doy de baja") opens its
        // verb phrase: a negation reaches it only over clitics ("no me
        // gusta"), not over the verb of another ("si no lo solucionan
        // me doy de baja").
        let own_verb_phrase = self.clitic(item.first);
        // Past the word right before a hashtag, nothing reaches into it.
        let mut left_a_tag = false;
        while k > 0 && seen < reach && !left_a_tag {
            left_a_tag = tokens[k].tag;
            k -= 1;
            if tokens[k].kind != Kind::Word {
                break;
            }
            // An exclamation of degree ("lo lento que va") says how much.
            // Read here: its "lo" is a clitic, passed over below.
            if k + 1 == item.first && *v != 0.0 && booster[k] == 0.0 && self.exclaims_degree(item) {
                *v += sign * config.booster;
                note(Modifier::Boosted);
            }
            if self.uncounted(k) && !negator[k] {
                continue;
            }
            seen += 1;
            if seen > window || before_its_clause {
                // Past the window, and before what opens the word's
                // clause (the subject in "si vous ne me remboursez pas
                // je porte plainte", the verb of another in "si no lo
                // solucionan me doy de baja"), only a negation carried
                // by "think" and the like reaches.
                negated |= negator[k] && reading.raises(k);
                continue;
            }
            if self.separates(k, own_verb_phrase) {
                before_its_clause = true;
                continue;
            }
            if negator[k] {
                if self.thanks_past(k, item) {
                    break;
                }
                // "No sabes lo harta que estoy": a verb of knowing denied
                // before an exclamation of degree denies nothing.
                if self.exclaims_degree(item) && self.knowing_between(k, item.first - 1) {
                    continue;
                }
                // A negation with a failure between it and the word, or
                // right before its French second part, denies the
                // failure: the word is its object, not what is denied.
                if self.denies_failure(k, item.first) {
                    before_its_clause = true;
                    negated |= reading.raises(k);
                    continue;
                }
                // A "never" with a "so" between it and the word
                // stresses, and the "ne" before it is the same negation
                // ("je n'ai jamais été aussi content").
                if (so && one_of(reading.written(k), &NEVER)) || (!negated && self.beyond(k, item))
                {
                    note(Modifier::Stressed);
                    stressed = true;
                } else if !stressed {
                    negated = true;
                }
            }
            so |= never && one_of(reading.written(k), &SO);
            // "Peu aimable", "poco útil", "peu de professionnalisme", "very
            // little help": a denial, not a softener.
            if self.litotes(k, item.first) {
                negated = true;
                continue;
            }
            let b = booster[k];
            if b != 0.0 && *v != 0.0 {
                let decay = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65][seen - 1];
                *v += sign * b * decay;
                note(if b > 0.0 {
                    Modifier::Boosted
                } else {
                    Modifier::Damped
                });
            }
        }
        negated
    }

    /// Whether the word at `k` says that there is little of the word at
    /// `word`, which denies it as "not very" does: "peu" or "poco" right
    /// before it ("peu aimable", "poca ayuda") or before its "de" ("peu de
    /// professionnalisme", "peu d'aide"), unless an article or a word of
    /// time makes them soften or count ("un peu déçu", "hace poco"; see
    /// [`NOT_LITOTES`]); "little" or "few" after "very", "so" or "too"
    /// ("very little help", "so few answers"; see [`SCANT`]).
    fn litotes(&self, k: usize, word: usize) -> bool {
        // Called for every word of a negation's window: most are too far.
        if k + 2 < word {
            return false;
        }
        let reading = self.reading;
        let after = |words: &[&str]| {
            k.checked_sub(1)
                .is_some_and(|p| reading.is_one_of(p, words))
        };
        let right_before = k + 1 == word;
        if one_of(reading.lower(k), &LITOTES) {
            (right_before || reading.is_one_of(k + 1, &DE)) && !after(&NOT_LITOTES)
        } else if one_of(reading.lower(k), &SCANT) {
            (right_before || reading.is_one_of(k + 1, &["of"])) && after(&SCANT_HOW)
        } else {
            false
        }
    }

    /// Whether `item`, one word, stands between "lo" and "que": Spanish
    /// exclaims how much that way ("lo lento que va", "lo bien que me
    /// atendieron", "no sabes lo harta que estoy"), as English does with
    /// "how" ("how slow it is").
    fn exclaims_degree(&self, item: &Item) -> bool {
        let reading = self.reading;
        item.first == item.last
            && item
                .first
                .checked_sub(1)
                .is_some_and(|k| reading.is_one_of(k, &LO))
            && reading.is_one_of(item.last + 1, &THAT)
    }

    /// Whether the only counted word between the negation at `k` and the
    /// "lo" at `lo` is a verb of knowing or imagining ([`KNOWING`]: "no
    /// sabes lo", "no te imaginas lo").
    fn knowing_between(&self, k: usize, lo: usize) -> bool {
        let mut between = (k + 1..lo).filter(|&j| !self.uncounted(j));
        between
            .next()
            .is_some_and(|j| self.reading.is_one_of(j, &KNOWING))
            && between.next().is_none()
    }

    /// Whether a word of a mood lifted (see [`LIFTED`]) comes after token
    /// `last`: where the last one is, `lifted`, is looked for once.
    fn lifted_after(&self, last: usize, lifted: &mut Option<Option<usize>>) -> bool {
        let reading = self.reading;
        // A lift is a good word, or in a good phrase ("cheered", "remonté le
        // moral"): the items are read, not every token.
        let at = *lifted.get_or_insert_with(|| {
            self.items
                .iter()
                .rev()
                .filter(|it| it.base > 0.0)
                .find_map(|it| (it.first..=it.last).find(|&j| reading.is_one_of(j, &LIFTED)))
                // Not a lift denied ("nothing cheered me up").
                .filter(|&j| !self.denied_within(j, 2))
        });
        at.is_some_and(|j| j > last)
    }

    /// Whether `item`, a good word, is what would have been good, said
    /// after the fact (see [`UNMET`]): "would have been nice", "aurait été
    /// appréciable", "habría estado bien".
    fn unmet(&self, item: &Item) -> bool {
        self.conditional_before(item)
            .is_some_and(|(_, denied)| !denied)
    }

    /// Whether `item`, a good word, was wanting: it opens its clause (past
    /// an article or a quantity, see [`SOME_OF`]) and a conditional follows
    /// it at once (see [`WOULD`]), so that it is the subject of what it
    /// would have done ("a little honesty would have gone a long way",
    /// "professionalism would have been nice", "un peu de politesse aurait
    /// été appréciable", "algo de amabilidad habría estado bien"); or it is
    /// what such a subject would have been ("un minimum de
    /// professionnalisme serait appréciable").
    fn wanting(&self, item: &Item) -> bool {
        // Every word of [`WOULD`] is a conditional the scan marks.
        if !self.could_have && !self.wishing {
            return false;
        }
        if self.wanting_subject(item) {
            return true;
        }
        let reading = self.reading;
        let Some(would) = (item.first.saturating_sub(3)..item.first)
            .rev()
            .take_while(|&j| reading.is_word(j))
            .find(|&j| reading.is_one_of(j, &WOULD))
        else {
            return false;
        };
        self.item_before(would)
            .is_some_and(|subject| subject.base > 0.0 && self.wanting_subject(subject))
    }

    /// Whether `item` opens its clause, past an article or a quantity (see
    /// [`SOME_OF`]), right before a conditional (see [`WOULD`]).
    fn wanting_subject(&self, item: &Item) -> bool {
        let reading = self.reading;
        let would = item.last + 1;
        // English says its subject is elided in reviews ("Excellent, would
        // recommend", "Perfect would buy again"): there the conditional
        // must say what the good thing would have done.
        if !reading.is_one_of(would, &WOULD)
            || (reading.is_one_of(would, &WOULD[..2]) && !reading.is_one_of(would + 1, &WOULD_DO))
        {
            return false;
        }
        let mut first = item.first;
        while first > 0 && item.first - first < 4 && reading.is_one_of(first - 1, &SOME_OF) {
            first -= 1;
        }
        first == 0 || !reading.is_word(first - 1)
    }

    /// Whether `item` is a verb of liking (see [`LIKING`]) that a past hope
    /// hoped for, or that hope itself: "I really wanted to love this
    /// blender", "I was hoping to enjoy my stay", "j'aurais tellement voulu
    /// adorer ce parfum", "j'ai essayé d'apprécier", "esperaba disfrutar".
    /// Said of what was hoped, it did not come: a reproach.
    pub(super) fn hoped(&self, item: &Item) -> bool {
        if self.hoped_from.is_none_or(|h| h > item.last) {
            return false;
        }
        let reading = self.reading;
        if reading.is_one_of(item.first, &LIKING) {
            return self.hope_before(item).is_some();
        }
        // The hope ("hoped" and "espérait" weigh on their own): the
        // liking after it, past intensifiers and the link, hoped by it.
        let is_hope = reading.is_one_of(item.last, &HOPED) || reading.is_one_of(item.last, &HOPING);
        is_hope
            && (item.last + 1..reading.tokens.len().min(item.last + 5))
                .take_while(|&j| reading.is_word(j))
                .find(|&j| self.booster[j] == 0.0 && !self.links_a_verb(j))
                .and_then(|j| self.item_at(j))
                .is_some_and(|liking| {
                    reading.is_one_of(liking.first, &LIKING)
                        && self.hope_before(liking) == Some(item.last)
                })
    }

    /// Where the past hope stands that hoped for `liking` (see [`HOPED`],
    /// [`HOPING`]), past intensifiers and the link before it. Not a hope
    /// denied ("I never expected to love it"), nor one said to have come
    /// true (see [`HOPE_MET`]: "I expected to love it and I do").
    fn hope_before(&self, liking: &Item) -> Option<usize> {
        let reading = self.reading;
        let mut j = liking.first;
        let hope = loop {
            let p = j
                .checked_sub(1)
                .filter(|&p| reading.is_word(p) && liking.first - p <= 4)?;
            if self.booster[p] == 0.0 && !self.links_a_verb(p) {
                break p;
            }
            j = p;
        };
        // English links the hope to the verb with "to" ("wanted to love";
        // "wanted a love seat" hopes for nothing): its words come first in
        // both lists.
        let english = reading.is_one_of(hope, &HOPED[..4]) || reading.is_one_of(hope, &HOPING[..2]);
        let linked = !english || self.links_a_verb(liking.first - 1);
        // "Was hoping", "avais envie", "tenía muchas ganas": the past of
        // "be" or "have" before, past one intensifier.
        let since = || {
            let p = hope.checked_sub(1)?;
            let p = if self.booster[p] != 0.0 {
                p.checked_sub(1)?
            } else {
                p
            };
            reading.is_one_of(p, &HOPED_SINCE).then_some(())
        };
        let past = reading.is_one_of(hope, &HOPED)
            || (reading.is_one_of(hope, &HOPING) && since().is_some());
        let met = || {
            (liking.last + 1..reading.tokens.len().min(liking.last + 5))
                .any(|j| reading.one_phrase_from(j, &HOPE_MET))
        };
        (linked && past && !self.denied_within(hope, 2) && !met()).then_some(hope)
    }

    /// Whether `item`, a good word, is wished, and if so whether what is
    /// wished is due already. A wish is a good word after a conditional of
    /// being (within three words, see [`WOULD_BE`]) and before what would
    /// make it so: a condition ("if", "si", "que"), or, when nobody in
    /// particular would be glad, what is to be done ("it would be nice to
    /// get an answer", "ce serait sympa de recevoir", "sería genial
    /// recibir"); or, when nobody in particular would be glad, after a
    /// condition that opens its sentence ("If you could send it again,
    /// that would be great", "Si pudieran llamarme, sería perfecto"). An
    /// offer is no wish ("I'd be happy to help", "je serais
    /// ravi de vous recommander", "estaría encantado de ayudar"), nor is
    /// who would be glad on a condition ("I would recommend it if you need
    /// one"), unless what they wish is due.
    ///
    /// `Some(true)`: the wish asks for what the service should do already
    /// (one of [`ALREADY_DUE`] in its clause: "I'd be happy if it actually
    /// worked", "it would be nice to get an answer for once") or what was
    /// paid for (one of [`PAID`]: "it would be lovely to receive what I
    /// paid for"), or what was awaited, some day (see [`SOMEDAY`]: "ce
    /// serait bien d'avoir une réponse un jour"), a reproach.
    /// `Some(false)`: a polite request ("it would be nice if you could
    /// send me the invoice"), no praise.
    pub(super) fn wish(&self, item: &Item) -> Option<bool> {
        if !self.wishing {
            return None;
        }
        let reading = self.reading;
        let next = item.last + 1;
        let asks_if = (next..=next + 1)
            .take_while(|&j| reading.is_word(j))
            .find(|&j| reading.is_one_of(j, &IF_THAT));
        let to_do = reading.is_one_of(next, &TO_DO)
            || (reading.is_word(next) && is_infinitive(reading.lower(next)));
        // A comparison is no wish: its "que" is "than" ("un robot sería
        // más útil que ustedes").
        let compared = reading.is_one_of(item.last, &BETTER)
            || item
                .first
                .checked_sub(1)
                .is_some_and(|p| reading.is_one_of(p, &MORE));
        // Or the condition opens the sentence ("If you could send me the
        // invoice again, that would be great", "Si vous pouviez me
        // rappeler, ce serait parfait", "Si pudieran reenviarla, sería
        // perfecto"): "if" at its start or after a comma, not the French
        // "si" of degree ("c'était si rapide").
        let condition_before = || {
            let start = reading.sentence_start(item.first);
            (start..item.first)
                .find(|&j| reading.is_one_of(j, &IF) && (j == start || !reading.is_word(j - 1)))
        };
        let before = if asks_if.is_none() && !to_do {
            Some(condition_before()?)
        } else {
            None
        };
        if compared {
            return None;
        }
        // The conditional, in the good word's clause.
        let conditional = (item.first.saturating_sub(3)..item.first)
            .rev()
            .take_while(|&j| reading.is_word(j))
            .find(|&j| {
                let word = reading.lower(j);
                word.ends_with("'d") || word.ends_with("’d") || one_of(word, &WOULD_BE)
            })?;
        let impersonal = self.impersonal(conditional, item);
        if asks_if.is_none() && !impersonal {
            return None;
        }
        // What is asked: the condition, after the good word or before it.
        let clause = match before {
            Some(condition) => condition + 1..conditional,
            None => {
                let from = asks_if.unwrap_or(next);
                from + 1..reading.tokens.len().min(from + 1 + ALREADY_DUE_REACH)
            }
        };
        let clause = clause.take_while(|&j| reading.is_word(j));
        let (mut awaited, mut someday) = (false, false);
        for j in clause {
            if reading.is_one_of(j, &ALREADY_DUE) || reading.is_one_of(j, &PAID) {
                return Some(true);
            }
            awaited |= reading.errand(j) == Some(Errand::Awaited);
            someday |= SOMEDAY.iter().any(|p| reading.spelled_from(j, p).is_some());
        }
        // Who would be glad on a condition praises what they would do
        // ("I would recommend it if you need one").
        (impersonal || (awaited && someday)).then_some(awaited && someday)
    }

    /// Whether the conditional at token `conditional` has nobody in
    /// particular for its subject, so that `item`, the good word after it,
    /// is said of what is wished, not of who wishes it: "it would be",
    /// "it'd be", "would be" opening the sentence, "ce serait", "ça
    /// serait", "sería", "estaría bien"; not "I'd be happy", "je serais
    /// ravi", "estaría encantado".
    fn impersonal(&self, conditional: usize, item: &Item) -> bool {
        let reading = self.reading;
        let word = reading.lower(conditional);
        let before = conditional.checked_sub(1).filter(|&p| reading.is_word(p));
        // "Would" and "'d" are of being only with "be" ("would love to" has
        // a subject left out: "(I) would love to").
        let being = || (conditional + 1..item.first).any(|j| reading.is_one_of(j, &["be"]));
        match word {
            "would" => before.is_none_or(|p| reading.is_one_of(p, &IMPERSONAL_SUBJECTS)) && being(),
            "serait" | "seraient" => {
                before.is_some_and(|p| reading.is_one_of(p, &IMPERSONAL_SUBJECTS))
            }
            "sería" | "estaría" => !(item.first..=item.last).any(|j| reading.is_one_of(j, &GLAD)),
            _ => {
                IMPERSONAL_SUBJECTS
                    .iter()
                    .any(|s| word.strip_prefix(s).is_some_and(|d| d == "'d" || d == "’d"))
                    && being()
            }
        }
    }

    /// Whether `item` is a bad word of what could have been, not denied
    /// (see [`COULD_HAVE_BEEN`]): relief.
    fn averted(&self, item: &Item) -> bool {
        self.conditional_before(item)
            .is_some_and(|(start, denied)| {
                !denied && self.reading.one_phrase_from(start, &COULD_HAVE_BEEN)
            })
    }

    /// Where the phrase of [`UNMET`] starts that ends right before `item`,
    /// past at most three intensifiers or steps (see [`UNMET_STEPS`]) in
    /// its clause, and whether a negation denies it ("couldn't have been
    /// better").
    fn conditional_before(&self, item: &Item) -> Option<(usize, bool)> {
        if !self.could_have {
            return None;
        }
        let reading = self.reading;
        // Back over at most three intensifiers or steps, within the
        // clause, to the last word of the conditional.
        let mut next = item.first;
        for _ in 0..=3 {
            let p = next.checked_sub(1).filter(|&p| reading.is_word(p))?;
            if reading.is_one_of(p, &UNMET_LAST) {
                // What could not have been better praises ("no podría
                // haber sido mejor").
                return reading
                    .one_phrase_to(p, &UNMET, UNMET_WORDS)
                    .map(|k| (k, self.negated_before(k)));
            }
            if self.booster[p] == 0.0 && !reading.is_one_of(p, &UNMET_STEPS) {
                return None;
            }
            next = p;
        }
        None
    }

    /// Whether the negation at `k` denies a "can" before a verb the
    /// customer is kept from doing (see [`KEPT_FROM`]: "I can't use the
    /// app", "can't even log in", "je ne peux même pas me connecter", "no
    /// puedo pagar", "ni siquiera puedo entrar", "no consigo entrar", "no
    /// se puede pagar con tarjeta"), not
    /// said of someone else ("she can't use them"). Denied finding (see
    /// [`Rules::cannot_find`]) is the same failure.
    fn unable(&self, k: usize) -> bool {
        let reading = self.reading;
        let can = |j: usize| reading.is_one_of(j, &CAN);
        let poder = |j: usize| reading.is_one_of(j, &PODER);
        let even = |j: usize| reading.is_one_of(j, &EVEN);
        let word = reading.lower(k);
        // The first and the last word of the modal with its negation: the
        // negation holds it ("cannot"), follows it ("can't", "peux pas",
        // "peux même pas") or precedes it ("no puedo", "ni siquiera
        // puedo").
        let modal = if one_of(word, &["cannot", "cant", "couldnt"]) {
            Some((k, k))
        } else if one_of(word, &["n't", "not", "pas"]) {
            k.checked_sub(1).and_then(|p| match can(p) {
                true => Some((p, k)),
                false => (even(p) && p.checked_sub(1).is_some_and(can)).then(|| (p - 1, k)),
            })
        } else if one_of(word, &["no", "ni"]) {
            // Past "even" and the impersonal "se" ("no se puede pagar",
            // "ni siquiera se puede entrar").
            let past = |j: usize| even(j) || reading.is_one_of(j, &["se"]);
            (k + 1..k + 4)
                .find(|&j| !past(j))
                .filter(|&j| poder(j))
                .map(|j| (k, j))
        } else {
            None
        };
        let Some((first, modal)) = modal else {
            return false;
        };
        // Said of someone else: the subject right before the modal (and
        // its "ne").
        let someone_else = reading
            .before_past(first, &["ne", "n"])
            .is_some_and(|s| reading.is_one_of(s, &THIRD_PERSONS));
        // The verb: the first word after, past "even" and pronouns.
        let verb = (modal + 1..reading.tokens.len().min(modal + 4))
            .take_while(|&j| reading.is_word(j))
            .find(|&j| !even(j) && !reading.is_one_of(j, &OBJECT_PRONOUNS) && !self.negator[j]);
        !someone_else && verb.is_some_and(|j| reading.is_one_of(j, &KEPT_FROM))
    }

    /// Whether the word at `first` refunds ([`REFUNDING`]: "refund me",
    /// "rembourser", "reembolsarme") after a verb of agreeing ([`AGREED`]),
    /// past at most two of its objects and links ([`AGREED_TO`]): a refund
    /// granted ("they agreed to refund me", "ils ont accepté de me
    /// rembourser", "han aceptado reembolsarme", "they ended up refunding
    /// me"), not asked for. Not when the agreeing is denied ("they haven't
    /// agreed to refund me", "no han aceptado reembolsarme").
    ///
    /// Not a [`Remedy`] of [`REFUNDS`]: its words would be verbs of
    /// refunding ("rembourser", "refund me"), which thanks before them ask
    /// for ("merci de me rembourser") where a remedy's thanks say it came.
    fn refund_agreed(&self, first: usize) -> bool {
        let reading = self.reading;
        let word = reading.lower(first);
        if !REFUNDING.iter().any(|stem| word.starts_with(stem)) {
            return false;
        }
        let agreed = (first.saturating_sub(3)..first)
            .rev()
            .find(|&j| !reading.is_one_of(j, &AGREED_TO));
        agreed.is_some_and(|j| reading.is_one_of(j, &AGREED) && !self.denied_within(j, 3))
    }

    /// Whether the negation at `k` denies finding what is looked for
    /// ([`FIND`], then [`SOUGHT`]): the verb before "pas" ("ne trouve pas
    /// mon"), or after "no" ("no encuentro mi", "no encuentro dónde").
    fn cannot_find(&self, k: usize) -> bool {
        let reading = self.reading;
        let (find, sought) = match reading.lower(k) {
            "pas" => (k.checked_sub(1), k + 1),
            "no" => (Some(k + 1), k + 2),
            _ => return false,
        };
        find.is_some_and(|f| reading.is_one_of(f, &FIND)) && reading.is_one_of(sought, &SOUGHT)
    }

    /// Whether the word at `first` is in a condition, in its clause: one of
    /// [`IF`] before it with a word between ("if my parcel is damaged", "si
    /// l'article est défectueux", "si llega roto"; not "si lent", where
    /// "si" is "so").
    fn supposed(&self, first: usize) -> bool {
        let reading = self.reading;
        (first.saturating_sub(SUPPOSED_REACH)..first.saturating_sub(1))
            .rev()
            .take_while(|&j| reading.is_word(j + 1))
            .any(|j| reading.is_one_of(j, &IF))
    }

    /// Whether the negation at `k` denies an obligation (see
    /// [`OBLIGATION`]), past "even": what follows was spared.
    fn denies_obligation(&self, k: usize) -> bool {
        let reading = self.reading;
        let mut j = k + 1;
        if reading.is_one_of(j, &EVEN) {
            j += 1;
        }
        reading.is_one_of(j, &OBLIGATION_OPENERS) && reading.one_phrase_from(j, &OBLIGATION)
    }

    /// Where the obligation starts whose object is the word at `first`,
    /// right after it or after one pronoun ("had to chase", "eu à le
    /// relancer", "tuve que reclamar").
    fn obliged(&self, first: usize) -> Option<usize> {
        let reading = self.reading;
        let last = reading
            .before_past(first, &OBJECT_PRONOUNS)
            .filter(|&last| reading.is_one_of(last, &OBLIGATION_LAST))?;
        // "Que", "de" and "to" are common: the phrases are spelled out only
        // after one of their first words.
        (last.saturating_sub(OBLIGATION_WORDS - 1)..=last)
            .any(|start| reading.is_one_of(start, &OBLIGATION_OPENERS))
            .then(|| reading.one_phrase_to(last, &OBLIGATION, OBLIGATION_WORDS))?
    }

    /// Whether the word at `first` is what a denied obligation spared the
    /// customer ("didn't even have to chase it", "ni siquiera tuve que
    /// reclamar"): turned as by a negation, and no failure.
    fn spared(&self, first: usize) -> bool {
        self.obliged(first)
            .and_then(|start| self.reading.before_past(start, &EVEN))
            .is_some_and(|n| self.negator[n])
    }

    /// Whether the negation at `n` says the word `item` could not be
    /// more so: "can't" or "couldn't" with a comparative up to the word or
    /// "enough" around it ("couldn't be more pleased", "can't say
    /// enough good things", "can't thank you enough"), or "never"
    /// ("jamais", "nunca") with "enough" after the word's object or
    /// after thanks ("je ne vous remercierai jamais assez", "I'll never
    /// thank you enough"; not "never good enough").
    fn beyond(&self, n: usize, item: &Item) -> bool {
        let reading = self.reading;
        let tokens = reading.tokens;
        let can = one_of(reading.lower(n), &["cannot", "cant", "couldnt"])
            || (one_of(reading.lower(n), &["n't", "not", "pas"])
                && n.checked_sub(1)
                    .is_some_and(|m| one_of(reading.lower(m), &CAN)))
            || (one_of(reading.lower(n), &["no"])
                && n + 1 < tokens.len()
                && one_of(reading.lower(n + 1), &PODER))
            // The French compound tenses put "pu" after the negation: "n'a
            // pas pu", "n'aurait pas pu être plus aimable".
            || (one_of(reading.lower(n), &["pas"]) && reading.is_one_of(n + 1, &["pu"]));
        // "Couldn't have been nicer": an English comparative.
        let nicer = || {
            item.first == item.last
                && reading.lower(item.first).ends_with("er")
                && item
                    .first
                    .checked_sub(1)
                    .is_some_and(|p| one_of(reading.lower(p), &["be", "been"]))
        };
        if can && nicer() {
            return true;
        }
        if can
            && (n + 1..=item.last).any(|j| {
                one_of(reading.lower(j), &COMPARATIVES) || one_of(reading.lower(j), &ENOUGH)
            })
        {
            return true;
        }
        let mut never = one_of(reading.lower(n), &NEVER);
        for j in (item.last + 1..tokens.len().min(item.last + 4))
            .take_while(|&j| tokens[j].kind == Kind::Word)
        {
            if one_of(reading.lower(j), &ENOUGH) {
                return can || (never && (j > item.last + 1 || item.praise));
            }
            never |= one_of(reading.lower(j), &NEVER);
        }
        false
    }

    /// Each item's value, with every rule that applies, into `values`, and
    /// the rules that changed it into `modifiers` when `explaining`.
    /// Returns whether the text complains, and the first item that calls
    /// for a senior agent, if any.
    pub(super) fn weigh(
        &self,
        values: &mut Vec<f64>,
        modifiers: &mut Vec<Vec<Modifier>>,
        explaining: bool,
    ) -> (bool, Option<usize>) {
        let Rules {
            reading,
            items,
            booster,
            contrast,
            config: c,
            ..
        } = *self;
        let (tokens, text) = (reading.tokens, reading.text);
        // "Shouting" only means something in a text that is not all
        // capitals.
        let all_caps = reading.all_caps();
        values.clear();
        // Where the sentence being read ends, and whether it asks: items
        // come in token order, so the search only moves forward.
        let mut sentence_end = 0;
        let mut asks = false;
        // Whether that question ends with "why" ("the code doesn't work,
        // why?"), which reproaches as one that opens with it does.
        let mut why_last = false;
        // Whether the question the item is in draws a consequence ("So
        // I'm supposed to...?"): read once a sentence.
        let mut concluding = false;
        // Where the sentence opened by a request formula ends.
        let mut requested_until = 0;
        let mut complaint = false;
        // Whether the item before the current one complains: a phrase of
        // complaint that turns out to deny a bad thing (see below) takes
        // its complaint back.
        let mut previous_complains = false;
        // The first item that calls for a senior agent, if any.
        let mut escalating: Option<usize> = None;
        // Whether a "why" opened the sentence being read so far (see
        // [`WHY`]), and whether a how-to question did ("how do I", see
        // [`Reading::opens_how_to`]): tokens are read once, up to the
        // current item, only when a question holds a negative word.
        let (mut why_read_to, mut why_open, mut how_open) = (0, false, false);
        // Where the text's last word of a mood lifted is, looked for once,
        // when a complaint first needs it.
        let mut lifted: Option<Option<usize>> = None;
        for (at, item) in items.iter().enumerate() {
            let mut v = item.base;
            let mut mods = Vec::new();
            let mut note = |m: Modifier| {
                if explaining {
                    mods.push(m);
                }
            };
            // Tears beside thanks or strong praise, with nothing to complain
            // of, are tears of joy ("😭 thank you so much, you saved my
            // trip"): they count for nothing.
            if item.emoji && v < 0.0 && self.tears_of_joy(item) {
                v = 0.0;
                note(Modifier::Moved);
            }
            // "merci de me rembourser" asks: the thanks count for nothing,
            // and the praise after them in the sentence is what is asked
            // for ("merci de corriger ça rapidement"), as after a request
            // formula below.
            if item.praise && item.first == item.last && reading.asks_politely(item.last) {
                reading.reach_sentence_end(&mut requested_until, item.last);
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
                    (p.praise || p.is_thanks(text))
                        && p.base > 0.0
                        && (p.last + 1..item.first)
                            .all(|k| tokens[k].kind == Kind::Word && booster[k] != 0.0)
                });
            if thanked {
                v = 0.0;
                note(Modifier::Thanked);
            }
            // Thanks that close a message that asks ("Please correct it and
            // send a new one. Thanks, Mark", "Por favor corríjanla.
            // Gracias") are its formula, as "thanks in advance" is: they
            // thank for nothing yet.
            if at + 1 == items.len() && self.closes_a_request(item) {
                v = 0.0;
                note(Modifier::Request);
            }
            // The sign-off that closes a complaint ("It broke again. Best,
            // Tom", "Belle journée, Léa", "Un abrazo, Ana") is a formula,
            // whatever it wishes; closing a friendly note, it is warmth
            // ("Nos vemos el sábado. Un abrazo").
            // (The sign-off first: true only for the last words, so that
            // the values before are not read again for every good word.)
            if item.base > 0.0
                && self.signs_off(item)
                && values.iter().any(|&earlier| earlier < 0.0)
            {
                v = 0.0;
                note(Modifier::SignOff);
            }
            // A problem solved ("vous avez réglé mon problème", "thanks
            // for fixing my issue") or a loss found ("le colis perdu est
            // arrivé") is not a complaint, unless the ending is denied
            // ("nobody has fixed my problem"): then the negation is the
            // verb's, and the trouble stays one. Trouble words are negative
            // lexicon words: the cheap tests first.
            let span = (item.first, item.last);
            let remedy = match item.base < 0.0 {
                true if item.first == item.last => {
                    TROUBLES.words.get(reading.lower(item.first)).copied()
                }
                true => TROUBLES
                    .phrases
                    .iter()
                    .find(|(t, _)| reading.spelled_from(item.first, t) == Some(item.last))
                    .map(|&(_, r)| r),
                false => None,
            };
            let solving = remedy.and_then(|r| self.solved(span, r));
            if solving == Some(true) || (item.base < 0.0 && self.refund_agreed(item.first)) {
                v = 0.0;
                note(Modifier::Solved);
            }
            let sign = v.signum();
            // A phrase shouts when one of its words does ("c'est NUL").
            let shouted = || (item.first..=item.last).any(|k| is_shouted(reading.written(k)));
            if v != 0.0 && !item.emoji && !all_caps && shouted() {
                v += sign * c.capitals;
                note(Modifier::Capitals);
            }
            // Only said: an elongation's effect is already in the base.
            let item_text = &text[item.start..item.end];
            if explaining && item_text.len() > 2 && !item.emoji && is_elongated(item_text) {
                note(Modifier::Elongated);
            }
            let negated = self.look_back(item, &mut v, sign, &mut note);
            // A phrase that ends with a negation ("still not", "toujours
            // pas", "todavía no") reaches the words after it as far as a
            // negation does, through auxiliaries ("todavía no me lo han
            // solucionado"), within its clause, unless it denies a failure
            // ("ne résout toujours pas mon problème"); not into a clause a
            // question word opens ("je ne comprends pas comment vous
            // traitez vos clients").
            let inner_negation = at.checked_sub(1).map(|p| &items[p]).filter(|p| {
                p.negation_last
                    && tokens[p.last + 1..item.first]
                        .iter()
                        .all(|t| t.kind == Kind::Word)
                    && self.near(p.last, item.first)
                    && !self.opens_own_clause(item.first)
                    && !self.denies_failure(p.last, item.first)
            });
            // A word of the service doing its job, denied, reports a
            // failure ("it's not fixed", "no lo han arreglado"), whatever
            // it weighs on its own ("refunded" is barely good news), alone
            // or opening a phrase, past its pronouns ("they won't refund
            // me", "nunca me devolvieron el dinero"), and so
            // right after such a phrase ("still not fixed", "toujours pas
            // réparé", "toujours rien reçu"; not "no problem, it works").
            // What a denied obligation spared the customer is turned, and
            // no failure ("ni siquiera tuve que reclamar").
            let spared = self.negation && self.spared(item.first);
            let failed = !item.emoji
                && !item.negation_inside
                && (negated || inner_negation.is_some())
                && !spared
                && (item.first..=item.last)
                    .find(|&j| !self.clitic(j))
                    .is_some_and(|j| self.fails(j));
            // Any other word is turned by a complaining phrase that ends
            // with a negation ("still not happy", "sigo sin ganas"), not by
            // one whose negation is an object ("thanks for nothing", "de
            // nada", "no pasa nada").
            let negated = negated
                || spared
                || inner_negation
                    .is_some_and(|p| p.base < 0.0 && !one_of(reading.lower(p.last), &NOTHING));
            // A trouble whose absence is a failure (a refund), negated or
            // its ending denied, reports that failure too ("I never got my
            // refund", "toujours pas de remboursement").
            let missing = remedy.is_some_and(|r| r.missing_is_failure)
                && (solving == Some(false) || (solving.is_none() && negated));
            // So is an apology that never came ("not even an apology",
            // "they didn't apologize", "aucune excuse", "ni una disculpa"):
            // a word of regret, negated, is no relief but courtesy missing.
            let missing = missing
                || (negated
                    && !item.emoji
                    && item.first == item.last
                    && one_of(reading.lower(item.first), &APOLOGIES));
            // A status that should pass, still there or there for a while
            // ("still processing", "en transit depuis 12 jours", "lleva 40
            // minutos en preparación"), is a delay: the service failing to
            // move, whatever the status weighs on its own.
            // So is news asked for after a while ("any update? it has been
            // a week"): the customer chasing what is late.
            let chasing = !negated && item.chase && self.chased(item);
            let lasting = chasing || (item.pending && !negated && self.lasting(item));
            // A request to undo a purchase, negated, is no praise: kept from
            // it, the customer reports a failure ("I can't cancel", "je ne
            // peux pas résilier mon abonnement", "sin poder cancelar");
            // otherwise it says nothing good or bad ("I don't want to
            // cancel", "n'annulez pas ma commande", "no cancelen").
            let cancellation = negated
                && !item.emoji
                && !failed
                && !missing
                && one_of(reading.lower(item.first), &CANCELLATIONS);
            let kept_from = cancellation && self.kept_from(item.first);
            let failed = failed || missing || lasting || kept_from;
            // Any other word a negation turns, but not an emoji: it says
            // how the writer feels, and a negation before it does not turn
            // ":(" into a smile.
            if lasting {
                v = FAILURE;
                note(Modifier::Lasting);
            } else if failed {
                v = FAILURE;
                note(Modifier::Negated);
            } else if cancellation {
                v = 0.0;
                note(Modifier::Negated);
            } else if negated && v < 0.0 && self.made_light(item) {
                // A duty said not to be that hard was not done ("it's not
                // that hard to answer an email"): the ease is ironic, and
                // the service failed, asked or not.
                v = FAILURE;
                complaint = true;
                note(Modifier::Irony);
            } else if negated
                && v != 0.0
                && !item.negation_inside
                && !item.emoji
                && solving.is_none()
            {
                // (A phrase that weighs nothing, "customer service", is not
                // said to be turned.)
                // A bad thing denied by a complaining phrase that ends
                // with its negation is a bad thing absent ("still no
                // problems", "toujours pas de souci", "sigo sin
                // problemas"): the phrase complains of nothing.
                if v < 0.0 && inner_negation.is_some() {
                    values[at - 1] = 0.0;
                    previous_complains = false;
                    if explaining {
                        modifiers[at - 1].push(Modifier::Averted);
                    }
                }
                v *= c.negation;
                note(Modifier::Negated);
            } else if !negated
                && v > 0.0
                && !item.emoji
                && (self.unmet(item) || self.hoped(item) || self.wanting(item))
            {
                // What would have been good did not happen, what was hoped
                // for did not come, what would have helped was wanting: a
                // reproach, turned as by a negation.
                v *= c.negation;
                note(Modifier::Unmet);
            } else if let Some(due) = (!negated && v > 0.0 && !item.emoji)
                .then(|| self.wish(item))
                .flatten()
            {
                if due {
                    // What should be done already, wished: a reproach.
                    v *= c.negation;
                    note(Modifier::Unmet);
                } else {
                    // A polite request: the praise after it in its
                    // sentence is what is asked for, as after thanks that
                    // ask.
                    reading.reach_sentence_end(&mut requested_until, item.last);
                    v = 0.0;
                    note(Modifier::Request);
                }
            } else if !negated && v < 0.0 && !item.emoji && self.averted(item) {
                // What could have been bad did not happen: relief.
                v = 0.0;
                note(Modifier::Averted);
            } else if !negated && v < 0.0 && !item.emoji && self.opposed(item) {
                // A bad thing fought or lessened: opposing it is good.
                v *= c.negation;
                note(Modifier::Opposed);
            } else if !negated && v < 0.0 && !item.emoji && self.receding(item).is_some() {
                // A bad thing in decline ("le chômage recule"): good news.
                v *= c.negation;
                note(Modifier::Opposed);
            } else if !negated && v < 0.0 && self.fights_a_bad_thing(item) {
                // The fight itself, against a bad thing: the good news told
                // above, no conflict.
                v = 0.0;
                note(Modifier::Opposed);
            } else if !negated && v < 0.0 && self.decline_of_bad(item) {
                // The decline itself ("recule", "baisse", "cae"), said of
                // a bad thing, is the good news told above: no loss.
                v = 0.0;
                note(Modifier::Opposed);
            } else if !negated && v > 0.0 && !item.emoji && self.lacking(item) {
                // A good thing lacking: denied as by a negation.
                v *= c.negation;
                note(Modifier::Negated);
            } else if v > 0.0 && self.promised_only(item) {
                // What the customer was told would be done ("I was told it
                // would be fixed") is no praise of what was done.
                v = 0.0;
                note(Modifier::Promised);
            } else if v < 0.0 && self.own_mistake(item) {
                v = 0.0;
                note(Modifier::Own);
            } else if v < 0.0
                && item.first == item.last
                && self.apology_for(item.last + 1)
                && self.negator.get(item.last + 2) == Some(&true)
            {
                // Sorry for what the writer did not do ("sorry for not
                // replying sooner", "désolée de ne pas avoir répondu",
                // "perdón por no contestar antes"): courtesy for their own
                // delay, no grief.
                v = 0.0;
                note(Modifier::Own);
            } else if v < 0.0
                && item.negation_last
                && self
                    .fails_after_phrase(at)
                    .is_some_and(|j| self.own_doing(item.first, item.last, j))
            {
                // "Still not" before what the writer has not done yet ("I
                // still haven't replied", "aún no hemos contestado") is
                // their own delay, no complaint.
                v = 0.0;
                note(Modifier::Own);
            }
            if item.last >= sentence_end {
                (sentence_end, asks) = reading.sentence_after(item.last);
                why_last = asks
                    && sentence_end
                        .checked_sub(1)
                        .is_some_and(|k| k > item.last && reading.is_why(k));
                concluding = asks && reading.concludes(item.first);
            }
            // "Why ...?" about something bad reproaches: it is not damped
            // as a question, and it complains ("why was I charged twice?").
            if asks && v < 0.0 {
                for j in why_read_to..item.first {
                    match reading.ends_sentence(j) {
                        Some(_) => (why_open, how_open) = (false, false),
                        None => {
                            why_open |= reading.opens_reproach(j);
                            how_open |= reading.opens_how_to(j);
                        }
                    }
                }
                why_read_to = why_read_to.max(item.first);
            }
            // A chase presses as a "why" does: not damped, and it complains.
            // So does a phrase of the lexicons that opens the question with
            // "how" or "why" ("How is it acceptable to charge £8?", "¿Cómo
            // puede ser aceptable...?", "How dare you", "Why do I have
            // to...?", "¿Por qué tengo que...?").
            let how_phrase = || {
                item.first < item.last
                    && reading.opens_sentence(item.first)
                    && (reading.is_one_of(item.first, &REPROACH_OPENERS)
                        || reading.is_why(item.first)
                        || reading.is_why(item.first + 1))
            };
            let reproach = asks
                && v < 0.0
                && (why_open || why_last || chasing || item.reproach || how_phrase() || concluding);
            // What a how-to question asks how to do is a task, not a
            // grievance ("how do I cancel my subscription?", "comment
            // obtenir un remboursement ?"); a word as strong as a failure
            // still judges ("how do I cancel this useless plan?").
            if asks && v < 0.0 && how_open && !reproach && !failed && item.base > FAILURE {
                v = 0.0;
                note(Modifier::Task);
            } else if asks && v < 0.0 && !reproach && !failed && self.supposed(item.first) {
                // A case asked about ("what happens if my parcel is
                // damaged?"): nothing has gone wrong yet.
                v = 0.0;
                note(Modifier::Supposed);
            } else if asks && v != 0.0 && !reproach {
                v *= c.question;
                note(Modifier::Question);
            }
            // A request formula thanks for nothing yet, and the praise in
            // its sentence is what is asked for ("une réponse rapide"): it
            // says nothing of what happened.
            if item.base >= 0.0 && request_formula(&text[item.start..item.end]) {
                reading.reach_sentence_end(&mut requested_until, item.last);
                v = 0.0;
                note(Modifier::Request);
                // In the passive, what is asked came before it.
                if reading.is_one_of(item.last, &ASKED_BEFORE) {
                    let start = reading.sentence_start(item.first);
                    for p in (0..at).rev().take_while(|&p| items[p].first >= start) {
                        if values[p] > 0.0 {
                            values[p] = 0.0;
                            if explaining {
                                modifiers[p].push(Modifier::Request);
                            }
                        }
                    }
                }
            } else if v > 0.0
                && one_of(&text[item.start..item.end], &FINALLY)
                && (item.first < requested_until || self.pressing(item))
            {
                // "Finally" in what is asked ("could someone finally answer
                // me", "merci de bien vouloir enfin me répondre", "when will
                // you finally refund me?"): the wait has been long, a delay
                // and a complaint, asked or not.
                v = FAILURE;
                complaint = true;
                note(Modifier::Lasting);
            } else if item.first < requested_until && v > 0.0 {
                v = 0.0;
                note(Modifier::Request);
            }
            if self.conceded(item) {
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
            // A question about refunds asks; it does not complain. Nor
            // does a mood that the text then says was lifted (see
            // [`LIFTED`]); a failure or a trouble still does.
            complaint |= previous_complains;
            previous_complains = v < 0.0
                && (failed || item.base.abs() >= -COMPLAINT)
                && (!asks || reproach)
                && (failed || remedy.is_some() || !self.lifted_after(item.last, &mut lifted));
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
        (complaint || previous_complains, escalating)
    }

    /// Whether `item` is crying ([`TEARS`]) in a text that thanks or
    /// praises (a word of `[praise]`, or one that weighs 2 or more) and has
    /// no negation and nothing else to complain of: tears of joy.
    fn tears_of_joy(&self, item: &Item) -> bool {
        let text = self.reading.text;
        let crying = |it: &Item| it.emoji && text[it.start..it.end].starts_with(TEARS);
        crying(item)
            && !self.negation
            && self
                .items
                .iter()
                .any(|it| !it.emoji && (it.praise || it.base >= 2.0))
            && !self
                .items
                .iter()
                .any(|it| it.base <= COMPLAINT && !crying(it))
    }

    /// Whether a status that should pass (`item`, of the lexicons'
    /// `[pending]`) lasts: a word of [`STILL`] before it in its sentence
    /// ("my order is still processing", "sigue pendiente"), or a duration
    /// anywhere in its sentence, a count before a unit of time ("en
    /// préparation depuis 40 minutes", "lleva una semana en tránsito", "for
    /// ages") or a word of [`SINCE`] ("since Tuesday").
    pub(super) fn lasting(&self, item: &Item) -> bool {
        let reading = self.reading;
        let start = reading.sentence_start(item.first);
        let (end, _) = reading.sentence_after(item.last);
        (start..item.first).any(|j| one_of(reading.lower(j), &STILL)) || self.dated(start..end)
    }

    /// Whether asking for news (`item`, of the lexicons' `[chases]`: "any
    /// update", "des nouvelles", "alguna novedad") is chasing what is late:
    /// asked, with time gone by said anywhere in the text, in the same
    /// sentence or the next ("Any update? It has been a week.", "¿Alguna
    /// novedad? Lo pedí hace dos semanas."), not a time to come ("any news
    /// for the next two weeks?"). Asked without a duration, it is a
    /// question like any other.
    pub(super) fn chased(&self, item: &Item) -> bool {
        let (_, asks) = self.reading.sentence_after(item.last);
        asks && self.dated(0..self.reading.tokens.len())
    }

    /// Whether the words of `range` say that time has gone by: a word of
    /// [`SINCE`] ("since Tuesday", "depuis le 3"), or a count before a unit
    /// of time ("for 40 minutes", "il y a deux semaines", "hace 12 días"),
    /// unless the count looks ahead: one of [`AHEAD`] in the two words
    /// before it ("the next two weeks", "dentro de dos días"), or one of
    /// [`WITHIN`] right before it with no negation earlier in the range
    /// ("ships in 2 days", "livré en 3 jours"; but "no answer in two
    /// weeks", "nada en diez días" count the time gone by).
    fn dated(&self, range: std::ops::Range<usize>) -> bool {
        let reading = self.reading;
        let ahead = |count: usize| {
            (count.saturating_sub(2)..count).any(|j| one_of(reading.lower(j), &AHEAD))
                || count.checked_sub(1).is_some_and(|j| {
                    one_of(reading.lower(j), &WITHIN) && !(range.start..j).any(|n| self.negator[n])
                })
        };
        range.clone().any(|j| one_of(reading.lower(j), &SINCE))
            || (range.start + 1..range.end).any(|j| {
                one_of(reading.lower(j), &TIME_UNITS)
                    && counts_time(reading.lower(j - 1))
                    && !ahead(j - 1)
            })
    }

    /// A negation that negates nothing is itself a complaint ("toujours
    /// rien", "nadie contesta", "not again"), into `bare`. Returns whether
    /// one reports a failure and the text complains.
    pub(super) fn bare_negations(&self, bare: &mut Vec<Bare>) -> bool {
        let Rules {
            reading,
            items,
            negator,
            never,
            raised,
            config: c,
            ..
        } = *self;
        let tokens = reading.tokens;
        let window = c.window;
        let mut complaint = false;
        // A negation that negates nothing is itself a complaint ("toujours
        // rien", "nadie contesta", "not again").
        // Items are in token order: the first item after a negation is the
        // only one it can reach, found by binary search (linear overall).
        // Where the sentence of the last negation denying a failure ends,
        // and whether it asks (negations come in token order).
        let (mut bare_sentence_end, mut bare_asks) = (0, false);
        // The end of a negation counted with its second part ("no contesta
        // nadie" is one negation, counted at "no"; "je n'aime pas" too,
        // counted with the word it reached).
        let mut counted_until = 0;
        for (k, _) in negator.iter().enumerate().filter(|(_, n)| **n) {
            // A denial in several words denies only the word it reaches,
            // unless it opens with a negation of its own ("personne pour
            // répondre").
            let denial = || {
                self.denials.binary_search(&k).is_ok()
                    && !k
                        .checked_sub(1)
                        .is_some_and(|p| reading.is_one_of(p, &NOTHING))
            };
            // A count of none denies the word it reaches and says nothing
            // on its own ("zero calories", "#OndaCero").
            if k < counted_until || denial() || reading.is_one_of(k, &NONE_COUNTED) {
                continue;
            }
            // A count of one ("un seul", "une seule") weighs nothing, and
            // the negation reaches past it ("pas un seul problème").
            let next = items.partition_point(|it| it.first <= k);
            let next = next
                + usize::from(items.get(next).is_some_and(|it| {
                    it.base == 0.0 && it.first < it.last && reading.is_one_of(it.last, &SINGLE)
                }));
            // Nor is a noun that weighs nothing what it reaches ("on ne m'a
            // jamais envoyé la facture"): it reaches what follows, or
            // nothing.
            let next = next + items[next..].iter().take_while(|it| it.thing).count();
            // It reaches a word, not an emoji, and not past one (as in
            // [`Rules::look_back`]), nor news asked for ("without any news"
            // is no news, nothing): a word `near` it, with no subject
            // pronoun between, which opens another clause, nor a verb before
            // a word that opens its own verb phrase, nor a failure, which it
            // denies instead.
            let within = |first: usize| {
                let own_verb_phrase = self.clitic(first);
                self.near(k, first)
                    && !(k + 1..first)
                        .filter(|&j| !self.uncounted(j))
                        .take(window)
                        .any(|j| self.separates(j, own_verb_phrase))
                    && !self.denies_failure(k, first)
            };
            // Nor a phrase that only names a thing ("customer service",
            // "un seul": "no customer service" negates nothing), nor one
            // in a clause of its own that the negation is not carried
            // into ("nadie sabe decirme dónde está mi paquete").
            let closed = |it: &Item| {
                (it.base == 0.0 && it.first < it.last && !it.negation_inside)
                    || (self.opens_own_clause(it.first) && !reading.raises(k))
            };
            // Nor what follows what cannot be found ("no encuentro dónde
            // cancelar"): the negation denies the finding.
            let finding = self.cannot_find(k);
            let reaches = items.get(next).is_some_and(|it| {
                !it.emoji
                    && !finding
                    && !it.chase
                    && !closed(it)
                    && !self.thanks_past(k, it)
                    && (within(it.first)
                        || (raised && it.first - k <= RAISED_REACH && reading.raises(k)))
                    && tokens[k + 1..it.first].iter().all(|t| t.kind == Kind::Word)
                    && !reading.tag_past_next(k, it.first)
            });
            // The "pas" right after the word reached is the second part of
            // this negation ("je n'aime pas", "n'annulez pas").
            if let Some(after) = items.get(next).filter(|_| reaches).map(|it| it.last + 1) {
                if negator.get(after) == Some(&true)
                    && one_of(reading.lower(after), &AFTER_THE_VERB)
                {
                    counted_until = after + 1;
                }
            }
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
            // tan feliz", "never slept so well"): the intensifier before a
            // word. "I never ordered this." stresses nothing, nor does
            // "this" before a noun it determines ("never told about this
            // fee"): it stresses a word of degree or one that weighs (see
            // [`DEGREE_AFTER_THIS`]).
            let stresses_next = |j: usize| {
                !reading.written(j).eq_ignore_ascii_case(THIS)
                    || self.booster[j + 1] != 0.0
                    || reading.is_one_of(j + 1, &DEGREE_AFTER_THIS)
                    || self.item_at(j + 1).is_some_and(|it| it.base != 0.0)
            };
            let stresses = || {
                never
                    && one_of(reading.written(k), &NEVER)
                    && ahead().any(|j| {
                        one_of(reading.written(j), &SO)
                            && reading.is_word(j + 1)
                            && stresses_next(j)
                    })
            };
            let follower = next_negator();
            // "Ne ... pas": one negation, counted at "pas" with the verb
            // before it.
            let second_part_follows =
                follower.is_some_and(|j| one_of(reading.lower(j), &AFTER_THE_VERB));
            if !reaches
                && !next_to_last
                && !second_part_follows
                && !stresses()
                && !self.denies_obligation(k)
            {
                // A negation that denies a word of the service doing its
                // job reports a failure: the verb right after it, over
                // auxiliaries, clitics and one more word ("my order hasn't
                // arrived", "la app ya no conecta", "doesn't even load"), or,
                // in French, the verb before it ("ça marche pas").
                // After a subject negation and a place or team ("nobody
                // at the counter"), as far as the verb of its clause. The
                // words skipped count for nothing, but a run of them ends
                // the search at twice the span ("nadie me ha vuelto a
                // contactar" reaches its verb past four).
                // "No one" is "nobody" in two words ("no one has answered
                // me", "no one at the store"): read from its "one".
                let no_one = reading.is_one_of(k, &["no"]) && reading.is_one_of(k + 1, &["one"]);
                let subject = if no_one { k + 1 } else { k };
                let placed = (no_one || one_of(reading.lower(k), &SUBJECT_NEGATIONS))
                    && reading.is_word(subject + 1)
                    && one_of(reading.lower(subject + 1), &PLACE_OR_TEAM);
                let (span, verbs) = if placed {
                    (SUBJECT_REACH, SUBJECT_REACH)
                } else {
                    (window + 1, 2)
                };
                let mut after = self
                    .counted_after(subject, subject + 1 + 2 * span)
                    .take(verbs);
                // "Don't reply", "please do not open": an English
                // negative imperative asks, it reports nothing.
                let opens = |j: usize| j == 0 || tokens[j - 1].kind != Kind::Word;
                let imperative = || {
                    k > 0
                        && one_of(reading.lower(k - 1), &["do"])
                        && (opens(k - 1) || (one_of(reading.lower(k - 2), &PLEASE) && opens(k - 2)))
                };
                let denies = (after
                    .find(|&j| self.fails(j))
                    .is_some_and(|j| !self.own_doing(k, k, j))
                    && !imperative())
                    || self.fails_before(k);
                // Or nothing came of what is awaited: a verb of having or
                // receiving, denied, then a reply, a parcel, a callback
                // ("I never had an answer", "je n'ai jamais eu de réponse",
                // "nunca tuve respuesta", "I didn't get my parcel").
                let not_received = || {
                    let reach = span + AWAITED_REACH;
                    let mut words = self.counted_after(k, k + 1 + reach);
                    words
                        .next()
                        .is_some_and(|j| reading.is_one_of(j, &HAD) || reading.received(j))
                        && words
                            .take(AWAITED_REACH)
                            .find(|&j| {
                                !reading.is_one_of(j, &DETERMINERS)
                                    && !reading.is_one_of(j, &DE)
                                    && !reading.is_one_of(j, &BEFORE_AWAITED)
                            })
                            .is_some_and(|j| {
                                reading.errand(j) == Some(Errand::Awaited)
                                    && reading.lower(j) != "order"
                            })
                };
                // Or not a single one of what is awaited came ("not a single
                // reply", "pas une seule réponse", "ni una sola respuesta"):
                // a count of one, an article before it or not, then what is
                // awaited.
                let none_came = || {
                    // The count of one first: most negations have none.
                    let Some(one) = (k + 1..=k + 2).find(|&j| reading.is_one_of(j, &SINGLE)) else {
                        return false;
                    };
                    let article = one == k + 1
                        || reading.is_one_of(k + 1, &DETERMINERS)
                        || reading.is_one_of(k + 1, &BEFORE_AWAITED);
                    article && reading.errand(one + 1) == Some(Errand::Awaited)
                };
                // Looked for once, and only when the negation denies no
                // failure (both tests below come after `denies`).
                let missed = std::cell::OnceCell::new();
                let missed = || *missed.get_or_init(|| not_received() || none_came());
                let counts = match follower {
                    None => true,
                    // A "no" or "not" that follows opens a negation of its
                    // own: this one counts when it denies the service its
                    // job ("no funcionaba y no pude pagar").
                    Some(j) if one_of(reading.lower(j), &OPENING_NEGATIONS) => denies || missed(),
                    // The second part of this one after the verb it denies:
                    // counted here, with the verb ("no contesta nadie", "no
                    // he tenido ni una respuesta").
                    Some(j) => {
                        let counted = denies || missed();
                        if counted {
                            counted_until = j + 1;
                        }
                        counted
                    }
                };
                if !counts {
                    continue;
                }
                // Or it denies that what came was ordered ("no es el modelo
                // que pedí", "I never ordered this"): the wrong item.
                let not_ordered = || {
                    (k + 1..tokens.len().min(k + 1 + NOT_ORDERED_REACH))
                        .take_while(|&j| tokens[j].kind == Kind::Word)
                        .any(|j| {
                            reading.errand(j) == Some(Errand::Ordered)
                                && !one_of(reading.lower(j), &PAID)
                                && !one_of(reading.lower(j - 1), &DETERMINERS)
                        })
                };
                // Or what was sent came without a part of it ("arrived
                // without the charger", "livré sans la notice", "llegó sin
                // las instrucciones"): a part missing, not asked about
                // ("can it be delivered without a signature?").
                let came_after_arriving = || {
                    (k.saturating_sub(ARRIVED_REACH)..k)
                        .rev()
                        .take_while(|&j| tokens[j].kind == Kind::Word)
                        .any(|j| reading.received(j))
                };
                // Whether the sentence of this negation asks: found once per
                // sentence, and only when it matters.
                let mut asks = || {
                    if k >= bare_sentence_end {
                        (bare_sentence_end, bare_asks) = reading.sentence_after(k);
                    }
                    bare_asks
                };
                let without = one_of(reading.lower(k), &WITHOUT);
                let reported = if denies {
                    Some((FAILURE, "failure"))
                } else if missed() {
                    Some((FAILURE, "not-received"))
                } else if finding || self.unable(k) {
                    Some((FAILURE, "unable"))
                } else if not_ordered() {
                    Some((WRONG_ITEM, "wrong-item"))
                } else if without && came_after_arriving() && !asks() {
                    Some((WRONG_ITEM, "part-missing"))
                } else {
                    None
                };
                match reported {
                    Some((weight, rule)) => complaint |= self.put(bare, k, weight, asks(), rule),
                    // "Without" asked about is an option, not an absence
                    // reported ("can it be delivered without a signature?").
                    None if without && asks() => {
                        bare.push((k, BARE_NEGATION * c.question, BARE_NEGATION_RULE))
                    }
                    None => bare.push((k, BARE_NEGATION, BARE_NEGATION_RULE)),
                }
            }
        }
        complaint
    }

    /// A word of the service doing its job right after a phrase that ends
    /// with its negation, over auxiliaries, clitics and one more word, and
    /// in no phrase of its own ("todavía no funciona", "toujours pas
    /// fonctionnel", "sigue sin funcionar"): a failure, as after a negation
    /// alone (see [`Rules::bare_negations`]; a word of the lexicons there
    /// is turned by the phrase instead, see [`Rules::weigh`]); into `bare`
    /// at the phrase's negation, damped in a question. Returns whether the
    /// text complains.
    pub(super) fn failed_after_denial(&self, bare: &mut Vec<Bare>) -> bool {
        let (reading, items) = (self.reading, self.items);
        let mut complaint = false;
        for (at, phrase) in items.iter().enumerate().filter(|(_, p)| p.negation_last) {
            if self
                .fails_after_phrase(at)
                .is_some_and(|j| !self.own_doing(phrase.first, phrase.last, j))
            {
                let (_, asks) = reading.sentence_after(phrase.last);
                complaint |= self.put(bare, phrase.last, FAILURE, asks, "failure");
            }
        }
        complaint
    }

    /// The word of the service doing its job after the phrase `items[at]`,
    /// which ends with its negation: over auxiliaries, clitics and one more
    /// word, before the next item (see [`Rules::failed_after_denial`]).
    fn fails_after_phrase(&self, at: usize) -> Option<usize> {
        let phrase = &self.items[at];
        let end = self
            .items
            .get(at + 1)
            .map_or(self.reading.tokens.len(), |it| it.first)
            .min(phrase.last + 2 + self.config.window);
        self.counted_after(phrase.last, end)
            .take(2)
            .find(|&j| self.fails(j))
    }

    /// The wrong item received, after the order told at `order` (see
    /// [`super::scan::Errand`]), into `bare`. Returns whether there is one.
    pub(super) fn wrong_item_received(
        &self,
        order: Option<usize>,
        values: &[f64],
        bare: &mut Vec<Bare>,
    ) -> bool {
        // Something ordered, then another thing received, unless a good
        // word right after says what it is ("got a free cookie", "got a
        // great guide", "me llegó una riquísima"). Praise further on is
        // ironic ("received a green one, great"), and thanks are for the
        // desk ("got a small thanks").
        let wrong = order.and_then(|at| self.wrong_item(at));
        if let Some((got, another)) = wrong {
            if !self.good_after(values, another, 1) {
                let at = bare.partition_point(|&(b, ..)| b < got);
                bare.insert(at, (got, WRONG_ITEM, "wrong-item"));
                return true;
            }
        }
        false
    }

    /// A part of what was sent, received or arrived ("I only received 2 of
    /// the 3 items", "reçu 4 articles sur 5", "solo llegó uno de mis dos
    /// paquetes", "only half of my order arrived", "la mitad del pedido"),
    /// or an amount instead of another, fewer received or more charged
    /// ("received 2 instead of 3", "me llegaron 2 en vez de 3", "billed 50
    /// instead of 30", "facturé 50 euros au lieu de 30"; not "got 3 instead
    /// of 2"), into `bare` as the wrong item weighs, at the first word of
    /// receiving or charging in its sentence. Returns whether there is
    /// one. `received` says whether the text has such a word at all (see
    /// [`super::scan::Scan::received`]); without one, nothing is searched.
    pub(super) fn wrong_quantity(&self, received: bool, bare: &mut Vec<Bare>) -> bool {
        if !received {
            return false;
        }
        let reading = self.reading;
        let found = (0..reading.tokens.len()).find_map(|j| {
            // Only a count or a half can start one.
            if !(reading.is_word(j)
                && (number(reading.lower(j)).is_some() || one_of(reading.lower(j), &HALF)))
            {
                return None;
            }
            // Fewer received: a part, or fewer than another amount; more
            // charged than another amount.
            let (end_of_it, rule, fewer, more) = match self.part_at(j) {
                Some(k) => (k, "part-received", true, false),
                None => {
                    let (k, given, other) = self.other_amount_at(j)?;
                    (k, "wrong-amount", given < other, given > other)
                }
            };
            let start = reading.sentence_start(j);
            let (end, _) = reading.sentence_after(end_of_it);
            let got = (start..end).find(|&k| match reading.errand(k) {
                Some(Errand::Received | Errand::Arrived) => fewer,
                Some(Errand::Charged) => more,
                _ => false,
            })?;
            Some((got, rule))
        });
        match found {
            Some((got, rule)) => {
                let at = bare.partition_point(|&(b, ..)| b < got);
                bare.insert(at, (got, WRONG_ITEM, rule));
                true
            }
            None => false,
        }
    }

    /// What the money did not bring: a word of paying, then in its
    /// sentence, past "and", "but" or a comma, "still" ("I pay for premium
    /// and still get ads", "paid for express shipping and it still took 10
    /// days", "j'ai payé l'express et ça a quand même pris dix jours", "pago
    /// el premium y sigo teniendo anuncios"), into `bare` as the wrong item
    /// weighs, at the "still"; damped in a question, like a failure. Not
    /// when a good word follows in the sentence ("paid full price and still
    /// think it was worth it"), within [`YET_REACH`] words, other than
    /// thanks, an emoji or a wish ("have a nice day": see [`WISHED`]).
    /// `paid` is where the text's first word of paying came (see
    /// [`super::scan::Scan::paid`]). Returns whether the text complains.
    pub(super) fn paid_yet(
        &self,
        paid: Option<usize>,
        values: &[f64],
        bare: &mut Vec<Bare>,
    ) -> bool {
        let Some(p) = paid else {
            return false;
        };
        let reading = self.reading;
        let (end, asks) = reading.sentence_after(p);
        let mut joined = false;
        let yet = (p + 1..end.min(p + 1 + PAID_REACH)).find(|&j| {
            if !reading.is_word(j) {
                joined = true;
                return false;
            }
            let word = reading.lower(j);
            let still = one_of(word, &STILL)
                || one_of(word, &["yet", "pourtant"])
                || (word == "quand" && reading.followed_by(j, &["même"]));
            joined |= one_of(word, &AND_YET);
            joined && still
        });
        let Some(yet) = yet else {
            return false;
        };
        // A good word in the few words after it says what the money
        // brought ("still think it was worth it"); thanks, a smile and a
        // wish at the end are for the desk ("... still get ads, thanks 😊",
        // "... still get ads have a nice day").
        let wishes = |it: &Item| {
            one_of(reading.lower(it.last), &WISHED) || reading.followed_by(it.last, &WISHED)
        };
        let good_after = self.items.iter().zip(values).any(|(it, v)| {
            (yet + 1..=yet + YET_REACH).contains(&it.first)
                && it.first < end
                && *v > 0.0
                && !it.emoji
                && !it.praise
                && !wishes(it)
        });
        if good_after {
            return false;
        }
        self.report(bare, yet, asks, "paid-yet")
    }

    /// Too much of something ("The portions are too small", "Far too many
    /// ads", "Il y a trop de monde", "La sopa estaba demasiado salada", "La
    /// película duró demasiado"): an intensifier of excess before a word
    /// that weighs nothing, or in Spanish at the end of its clause after
    /// such a word, into `bare` as the wrong item weighs. Not before a word
    /// that weighs, which it only intensifies ("too good", "trop mignon",
    /// and past an article "trop la classe"), nor inside a phrase ("trop
    /// tard"), nor denied ("not too big", "je ne sais pas trop"), nor in a
    /// question ("Is it too late to cancel?"), nor English "too" that ends
    /// its clause ("me too").
    /// Returns whether the text complains.
    pub(super) fn excess(&self, bare: &mut Vec<Bare>) -> bool {
        let reading = self.reading;
        let items = self.items;
        let mut complaint = false;
        // Where the sentence being read ends, and whether it asks: looked
        // for once a sentence, however many intensifiers it holds.
        let mut sentence = (0, false);
        for &k in self.excess {
            // The item at or after `k`, by binary search.
            let next = items.partition_point(|it| it.last < k);
            // Colloquial "trop la" intensifies the item after the article.
            let reach =
                if reading.is_one_of(k, &["trop"]) && reading.is_one_of(k + 1, &AFTER_SO_TROP) {
                    k + 2
                } else {
                    k + 1
                };
            let in_or_before_an_item = items.get(next).is_some_and(|it| it.first <= reach);
            // What there is too much of: the word after, or for
            // "demasiado" ending its clause ("duró demasiado") the word
            // before, which weighs nothing.
            let names_what = reading.is_word(k + 1)
                || (reading.is_one_of(k, &DEMASIADO)
                    && k.checked_sub(1).is_some_and(|p| {
                        reading.is_word(p) && next.checked_sub(1).is_none_or(|i| items[i].last != p)
                    }));
            if in_or_before_an_item || !names_what || self.denied_within(k, 2) {
                continue;
            }
            if k >= sentence.0 {
                sentence = reading.sentence_after(k);
            }
            if !sentence.1 {
                complaint |= self.report(bare, k, false, "excess");
            }
        }
        complaint
    }

    /// Puts what the rule `rule` found at token `at` into `bare`, in token
    /// order, weighed as the wrong item, damped when its sentence `asks`
    /// (like a failure). Returns whether the text complains: it does not
    /// ask.
    fn report(&self, bare: &mut Vec<Bare>, at: usize, asks: bool, rule: &'static str) -> bool {
        self.put(bare, at, WRONG_ITEM, asks, rule)
    }

    /// Puts what the rule `rule` found at token `at` into `bare`, in token
    /// order, weighing `weight`, damped when its sentence `asks`. Returns
    /// whether the text complains: it does not ask.
    fn put(
        &self,
        bare: &mut Vec<Bare>,
        at: usize,
        weight: f64,
        asks: bool,
        rule: &'static str,
    ) -> bool {
        let weight = if asks {
            weight * self.config.question
        } else {
            weight
        };
        let k = bare.partition_point(|&(b, ..)| b < at);
        bare.insert(k, (at, weight, rule));
        !asks
    }

    /// The words after token `k` and before `end`, up to the first token
    /// that is no word, that a negation at `k` counts: neither auxiliaries
    /// nor clitics (see [`Rules::uncounted`]) nor other negations.
    fn counted_after(&self, k: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        let tokens = self.reading.tokens;
        (k + 1..end.min(tokens.len()))
            .take_while(move |&j| tokens[j].kind == Kind::Word)
            .filter(move |&j| !self.uncounted(j) && !self.negator[j])
    }

    /// What the customer had to do on their own: an obligation (see
    /// [`OBLIGATION`]), not denied, then within [`BY_MYSELF_REACH`] words
    /// in its clause one of [`BY_MYSELF`] ("I had to sort it out myself",
    /// "had to find out on my own", "j'ai dû tout faire moi-même", "tuve
    /// que hacerlo yo mismo"): the service left it to them; into `bare`
    /// as the wrong item weighs, at the obligation; damped in a question.
    /// Not a verb's own object ("I had to remind myself": see
    /// [`REFLEXIVE`]), nor what the customer did not have to do ("I didn't
    /// have to do anything myself"). `alone` is where the text's last word
    /// of [`BY_MYSELF`] came (see [`Scan::alone`]). Returns whether the
    /// text complains.
    pub(super) fn by_myself(&self, alone: Option<usize>, bare: &mut Vec<Bare>) -> bool {
        let Some(last) = alone else {
            return false;
        };
        let reading = self.reading;
        let after_obligation = |k: usize| {
            (k.saturating_sub(BY_MYSELF_REACH + 1)..k)
                .rev()
                .take_while(|&j| reading.is_word(j))
                .filter(|&j| reading.is_one_of(j, &OBLIGATION_LAST))
                .find_map(|last| {
                    let start = reading.one_phrase_to(last, &OBLIGATION, OBLIGATION_WORDS)?;
                    let object = k - last > 2 || !reading.is_one_of(k, &REFLEXIVE);
                    (!self.negated_before(start) && object).then_some(start)
                })
        };
        let Some(at) = (0..=last)
            .filter(|&k| {
                reading.is_one_of(k, &BY_MYSELF_OPENERS) && reading.one_phrase_from(k, &BY_MYSELF)
            })
            .find_map(after_obligation)
        else {
            return false;
        };
        // Asked as a consequence ("So I'm supposed to fix it myself?"), it
        // reproaches: not damped.
        let (_, asks) = reading.sentence_after(at);
        self.report(bare, at, asks && !reading.concludes(at), "by-myself")
    }

    /// What any other company, or any decent one, would have done by now
    /// ("any other bank would have refunded me", "n'importe quelle autre
    /// banque m'aurait remboursé", "cualquier otro banco ya me habría
    /// devuelto el dinero", "a normal company would have apologised"): the
    /// service compared with every other and found worse, into `bare`
    /// as the wrong item weighs, at the comparison; damped in a question.
    /// Looked for only when a word of the conditional came (see
    /// [`Scan::would_have`]). Returns whether the text complains.
    pub(super) fn any_other_would_have(&self, bare: &mut Vec<Bare>) -> bool {
        if !self.would_have {
            return false;
        }
        let reading = self.reading;
        let tokens = reading.tokens;
        // Where the comparison that opens at `k` ends, if one does: the
        // article first (one test per word, the common case), then the
        // phrases that open with it.
        let opens = |k: usize| {
            let other = reading.is_one_of(k, &ANY_OTHER_OPENERS);
            let article = reading.is_one_of(k, &A_DECENT);
            if !other && !article {
                return None;
            }
            let phrase = || ANY_OTHER.iter().find_map(|p| reading.spelled_from(k, p));
            let decent = || {
                (k + 1..=k + 2)
                    .take_while(|&j| reading.is_word(j))
                    .find(|&j| reading.is_one_of(j, &DECENT))
            };
            other
                .then(phrase)
                .flatten()
                .or_else(|| article.then(decent).flatten())
        };
        // Whether the conditional follows the comparison that ends at
        // `last`, in its clause.
        let conditional_after = |last: usize| {
            (last + 1..tokens.len().min(last + 1 + ANY_OTHER_REACH))
                .take_while(|&j| reading.is_word(j))
                .any(|j| reading.one_phrase_from(j, &WOULD_HAVE))
        };
        let Some((at, last)) = (0..tokens.len()).find_map(|k| {
            opens(k)
                .filter(|&last| conditional_after(last))
                .map(|last| (k, last))
        }) else {
            return false;
        };
        let asks = reading.sentence_after(last).1;
        self.report(bare, at, asks, "any-other")
    }

    /// A parcel mishandled: a verb of [`MISHANDLING`] with one of
    /// [`PARCELS`] within [`MISHANDLED_REACH`] words after it ("the driver
    /// threw my parcel over the fence", "le livreur a jeté mon colis", "el
    /// repartidor tiró el paquete") or before it (the passive: "my parcel
    /// was thrown", "le colis a été balancé"); into `bare` as a failure
    /// weighs, at the verb; damped in a question. Not denied ("he did not
    /// throw the box"), not done by the writer ("I threw the box away"),
    /// and not "throw in" (given for free: "they threw in a free box"),
    /// "threw up" nor "kicked off". `mishandled` is where the text's first
    /// such verb came (see [`Scan::mishandled`]). Returns whether the text
    /// complains.
    pub(super) fn mishandled(&self, mishandled: Option<usize>, bare: &mut Vec<Bare>) -> bool {
        let Some(first) = mishandled else {
            return false;
        };
        let reading = self.reading;
        let parcel = |j: usize| reading.is_one_of(j, &PARCELS);
        // The writer throwing it ("I threw the box away", "j'ai jeté le
        // carton"): no mishandling. Not the Spanish auxiliary "he", the
        // English pronoun.
        let own = |k: usize| {
            k.checked_sub(1).is_some_and(|j| {
                reading.is_one_of(j, &["i", "we", "i've", "we've", "ai", "avons", "je"])
            })
        };
        let mut complaint = false;
        for k in (first..reading.tokens.len()).filter(|&k| reading.is_one_of(k, &MISHANDLING)) {
            let after = (k + 1..k + 1 + MISHANDLED_REACH)
                .take_while(|&j| reading.is_word(j))
                .any(parcel);
            let before = (k.saturating_sub(MISHANDLED_REACH)..k)
                .rev()
                .take_while(|&j| reading.is_word(j))
                .any(parcel);
            let idiom = reading.is_one_of(k + 1, &["in", "up", "off"]);
            if (after || before) && !idiom && !own(k) && !self.denied_within(k, 3) {
                let (_, asks) = reading.sentence_after(k);
                complaint |= self.put(bare, k, FAILURE, asks, "mishandled");
            }
        }
        complaint
    }

    /// What the customer had to do again and again to be heard: a verb
    /// of [`ASKED_AGAIN`], then within [`ASKED_AGAIN_REACH`] words a
    /// count of two times or more ("I've called five times", "I had to
    /// ask twice", "j'ai dû vous relancer trois fois", "à plusieurs
    /// reprises", "tuve que reclamar tres veces", "he llamado varias
    /// veces") or an ordinal of a second time or more ([`ORDINALS`]: "I'm
    /// writing for the third time", "os escribo por tercera vez"), into
    /// `bare` as the wrong item weighs, at the count; damped in a
    /// question. Not the customer's own people contacting them ("my mom
    /// called me three times", see [`Reading::contacted_by_kin`]).
    /// `times` is where the text's last word of a count of times came (see
    /// [`Scan::times`]). Returns whether the text complains.
    pub(super) fn repeated(&self, times: Option<usize>, bare: &mut Vec<Bare>) -> bool {
        let Some(last) = times else {
            return false;
        };
        let reading = self.reading;
        let again = |k: usize| {
            let count = match reading.lower(k) {
                "twice" => k,
                _ => k.checked_sub(1)?,
            };
            // "Time" and "vez" count only after an ordinal ("for the third
            // time"): "this time", "a la vez" are no count.
            let ordinal = reading.is_one_of(count, &ORDINALS);
            if !ordinal && one_of(reading.lower(k), &["time", "vez"]) {
                return None;
            }
            let many = count == k
                || ordinal
                || reading.is_one_of(count, &SEVERAL)
                || (reading.is_word(count) && number(reading.lower(count)).is_some_and(|n| n >= 2));
            // A French participle agrees with the object before it ("je
            // vous ai contactés", "je les ai appelées").
            let asked_verb = |word: &str| {
                let base = ["es", "s", "e"]
                    .iter()
                    .find_map(|end| word.strip_suffix(end).filter(|b| b.ends_with('é')))
                    .unwrap_or(word);
                one_of(base, &ASKED_AGAIN)
            };
            let asked = (count.saturating_sub(ASKED_AGAIN_REACH)..count)
                .rev()
                .take_while(|&j| reading.is_word(j))
                .find(|&j| asked_verb(reading.lower(j)))
                .is_some_and(|j| !reading.contacted_by_kin(j));
            // Not how often something is done ("call twice a day"), nor
            // how much more ("charged three times faster").
            let frequency = reading.is_one_of(k + 1, &PER)
                || reading.is_one_of(k + 1, &FACTOR)
                || (reading.is_one_of(k + 1, &PER_UNIT)
                    && reading.is_one_of(k + 2, &FREQUENCY_UNITS));
            (many && asked && !frequency).then_some(count)
        };
        let Some(count) = (0..=last)
            .filter(|&k| reading.errand(k) == Some(Errand::Times))
            .find_map(again)
        else {
            return false;
        };
        let (_, asks) = reading.sentence_after(count);
        self.report(bare, count, asks, "repeated")
    }

    /// The present wished over: longing ([`LOOKING_FORWARD`], [`WISHING`])
    /// for what is going on to end, in the same sentence ("Can't wait for
    /// this week to be over", "Vivement que cette semaine se termine",
    /// "Estoy deseando que acabe este mes", "Ojalá se termine pronto"):
    /// what is wished over is borne. The verb of ending ([`ENDING_WISHED`])
    /// comes after the longing: in English with a word of its own between
    /// them that is no "to" or "for" ("can't wait to stop by" ends
    /// nothing), "over" after "be"; in French and Spanish after "que" (or
    /// "ojalá"), in the subjunctive of a wish. Nothing good follows it
    /// ("que termine bien" wishes it well), and no negation in the sentence
    /// ("ojalá que nunca se acabe", "j'ai pas hâte que ça se termine"). A
    /// sentence that opens with "que" alone may wish or tell when ("que
    /// termine la reunión y hablamos") and is left alone. Into `bare` as
    /// the wrong item weighs, at the verb; damped in a question. The
    /// longing then looks forward to a complaint, and turns (see the irony
    /// of looking forward). Returns whether the text complains.
    pub(super) fn wished_over(&self, bare: &mut Vec<Bare>) -> bool {
        let reading = self.reading;
        // The verb of ending wished after token `from`, and the end of
        // their sentence.
        let ending_after = |from: usize, mut wish: bool| {
            let (end, asks) = reading.sentence_after(from);
            let mut own_word = false;
            for j in (from + 1..end).filter(|&j| reading.is_word(j)) {
                if reading.is_one_of(j, &ENDING_WISHED) {
                    let after_be = || {
                        j.checked_sub(1)
                            .is_some_and(|b| reading.is_one_of(b, &["be"]))
                    };
                    let formed = match reading.lower(j) {
                        "over" => own_word && after_be(),
                        "end" | "ends" | "stop" | "stops" => own_word,
                        _ => wish,
                    };
                    // Ending well is no ending wished ("que termine bien").
                    let well = || {
                        self.items
                            .iter()
                            .any(|it| it.first > j && it.first < end && it.base > 0.0)
                    };
                    if formed && !well() {
                        return Some((j, end, asks));
                    }
                }
                wish |= reading.is_one_of(j, &THAT);
                own_word |= !reading.is_one_of(j, &["to", "for"]);
            }
            None
        };
        let mut complaint = false;
        // Longing is good to say: only good words are read.
        for item in self.items.iter().filter(|it| it.base > 0.0 && !it.emoji) {
            if !reading.longs(item.last) {
                continue;
            }
            let wishing = reading.is_one_of(item.last, &WISHING);
            if let Some((j, end, asks)) = ending_after(item.last, wishing) {
                // Longing denied, or for what should never end ("no tengo
                // ganas de que se acabe", "ojalá que nunca se acabe").
                let denied = (reading.sentence_start(item.first)..end).any(|k| self.negator[k]);
                if !denied && !bare.iter().any(|&(b, _, id)| b == j && id == "wished-over") {
                    complaint |= self.report(bare, j, asks, "wished-over");
                }
            }
        }
        complaint
    }

    /// What the customer was told would be done, reported: a promise not
    /// kept, as "I was promised" is ("I was told someone would ring me
    /// back", "you said it would be fixed by Monday", "on m'a dit que je
    /// serais rappelé", "me dijeron que me llamarían"): a word of telling
    /// ([`Errand::Told`](super::scan::Errand::Told)) told to the customer
    /// ([`TOLD_TO_ME`], past one of [`TOLD_AUXILIARIES`]), then within
    /// [`TOLD_REACH`] words, in its clause, the conditional ("would", "'d",
    /// [`FRENCH_CONDITIONAL`], [`SPANISH_CONDITIONAL`]; in French and
    /// Spanish after "que"); into `bare` as the wrong item weighs, at the
    /// telling; damped in a question. Not what others said of themselves
    /// ("she said she would love to come"), nor the future told ("they
    /// said the shop will open at 9"), nor a promise then kept ([`KEPT`]:
    /// "and it was"). The good words of what was promised are no praise
    /// either (see [`Modifier::Promised`]). Returns whether the text
    /// complains.
    pub(super) fn told_would(&self, bare: &mut Vec<Bare>) -> bool {
        let Some((at, _)) = self.promised else {
            return false;
        };
        let (_, asks) = self.reading.sentence_after(at);
        self.report(bare, at, asks, "told-would")
    }

    /// Whether `item` comes after the conditional of what the customer
    /// was told would be done, in its clause.
    fn promised_only(&self, item: &Item) -> bool {
        self.promised.is_some_and(|(_, conditional)| {
            item.first > conditional && !self.reading.has_boundary(conditional, item.first)
        })
    }

    /// Whether `item`, a bad word, is opposed or lessened by what comes
    /// right before it, past at most two articles (see [`MORE_ARTICLES`]): a
    /// fight or a protection against it ("the fight against pollution",
    /// "lutter contre la déforestation", "la lucha contra la corrupción":
    /// one of [`OPPOSING`] before one of [`AGAINST`], or right before it:
    /// "combatir el fraude", "la protection des espèces menacées"), or one of
    /// [`LESSENING`] ("reduce waste", "réduire les émissions", "moins
    /// cher", "menos problemas"), or its end (one of [`ENDING`]: "the end
    /// of the outage", "la fin du chômage", "basta de corrupción"). Not
    /// "no less", "au moins", "al menos", "sin fin", "no end" (see
    /// [`NOT_LESSENING`]).
    pub(super) fn opposed(&self, item: &Item) -> bool {
        self.opposer(item).is_some()
    }

    /// Where the word stands that opposes or lessens `item` (see
    /// [`Rules::opposed`]).
    fn opposer(&self, item: &Item) -> Option<usize> {
        let first = self.against.filter(|&a| a < item.first)?;
        let reading = self.reading;
        let mut j = item.first;
        for _ in 0..=2 {
            let p = j
                .checked_sub(1)
                .filter(|&p| p >= first && reading.is_word(p))?;
            let shifter = if [&LESSENING[..], &ENDING, &OPPOSING]
                .iter()
                .any(|words| reading.is_one_of(p, words))
            {
                Some(p)
            } else if reading.is_one_of(p, &AGAINST) {
                p.checked_sub(1)
                    .filter(|&q| reading.is_one_of(q, &OPPOSING))
            } else {
                None
            };
            if let Some(s) = shifter {
                // Not the second half of a compound ("rear-end"), nor one
                // denied ("won't be the end of my troubles").
                let joined = reading.text[..reading.tokens[s].start].ends_with('-');
                let opposes = !joined
                    && !self.denied_within(s, 3)
                    && !s
                        .checked_sub(1)
                        .is_some_and(|q| reading.is_one_of(q, &NOT_LESSENING));
                return opposes.then_some(s);
            }
            if reading.is_one_of(p, &AGAINST) {
                return None;
            }
            let article = [&DETERMINERS[..], &INDEFINITES, &DE, &MORE_ARTICLES, &OF]
                .iter()
                .any(|words| reading.is_one_of(p, words));
            if !article {
                return None;
            }
            j = p;
        }
        None
    }

    /// Where the word of a decline stands (see [`RECEDING`]) that `item`,
    /// a bad word, is the subject of: right after it, or past at most two
    /// auxiliaries or words of how much (see [`BEFORE_RECEDING`]):
    /// "unemployment fell", "crime has dropped", "le chômage a encore
    /// reculé", "la pobreza se ha reducido".
    fn receding(&self, item: &Item) -> Option<usize> {
        self.receding.filter(|&r| r > item.last)?;
        let reading = self.reading;
        let mut j = item.last + 1;
        while reading.is_one_of(j, &BEFORE_RECEDING) && j < item.last + 3 {
            j += 1;
        }
        reading.is_one_of(j, &RECEDING).then_some(j)
    }

    /// Whether `item` is the word that fights or lessens a bad thing after
    /// it (see [`Rules::opposed`]): a fight that weighs as one on its own
    /// ("fighting", "struggle", "combat") weighs nothing when what it
    /// fights is bad, whose opposing is the good news ("we are fighting
    /// pollution", "the struggle against fraud").
    fn fights_a_bad_thing(&self, item: &Item) -> bool {
        let items = self.items;
        let next = items.get(items.partition_point(|it| it.first <= item.last));
        item.first == item.last
            && next.is_some_and(|bad| bad.base < 0.0 && self.opposer(bad) == Some(item.first))
    }

    /// Whether `item` is a word of decline (see [`RECEDING`]) whose subject
    /// is a bad word (see [`Rules::receding`]).
    fn decline_of_bad(&self, item: &Item) -> bool {
        if item.first != item.last || !self.reading.is_one_of(item.first, &RECEDING) {
            return false;
        }
        self.item_before(item.first)
            .is_some_and(|subject| subject.base < 0.0 && self.receding(subject) == Some(item.first))
    }

    /// Whether `item`, a good word, is said to be lacking: one of
    /// [`LACKING`] and "of", "de" right before it, past at most one
    /// article ("lack of respect", "falta de respeto"; "un manque total
    /// de respect" with a word of how much between). Not when a negation
    /// denies the lack ("no lack of choice").
    pub(super) fn lacking(&self, item: &Item) -> bool {
        let Some(first) = self.against.filter(|&a| a < item.first) else {
            return false;
        };
        let reading = self.reading;
        let mut j = item.first;
        // Back over an article, then "of" or "de", then an intensifier.
        if j.checked_sub(1).is_some_and(|p| {
            reading.is_one_of(p, &DETERMINERS) || reading.is_one_of(p, &MORE_ARTICLES)
        }) {
            j -= 1;
        }
        let Some(of) = j
            .checked_sub(1)
            .filter(|&p| p > first && (reading.is_one_of(p, &DE) || reading.is_one_of(p, &["of"])))
        else {
            return false;
        };
        // The lack right before, or past one word that says how much
        // ("un manque total de", "falta absoluta de").
        let lack = (first.max(of.saturating_sub(2))..of)
            .rev()
            .take_while(|&k| reading.is_word(k))
            .find(|&k| reading.is_one_of(k, &LACKING));
        lack.is_some_and(|lack| !self.denied_within(lack, 3))
    }

    /// Whether `item`, a word of difficulty (see [`DIFFICULT`]) after "that",
    /// "si" or "tan", is said of a duty of the service right after it (see
    /// [`DUTIES`]): "it's not that hard to answer an email", "ce n'est pas
    /// si compliqué de répondre", "no es tan difícil contestar". Not the
    /// ease of what the customer does ("not that hard to set up").
    fn made_light(&self, item: &Item) -> bool {
        let reading = self.reading;
        if item.first != item.last
            || !reading.is_one_of(item.first, &DIFFICULT)
            || !item
                .first
                .checked_sub(1)
                .is_some_and(|p| reading.is_one_of(p, &SO_THAT))
        {
            return false;
        }
        (item.last + 1..reading.tokens.len().min(item.last + 4))
            .take_while(|&j| reading.is_word(j))
            .find(|&j| !self.links_a_verb(j) && !self.clitic(j))
            .is_some_and(|j| reading.is_one_of(j, &DUTIES))
    }

    /// Whether `item`, a bad word, is the customer's own mistake: one of
    /// [`MISTAKEN`] ("wrong", "mauvaise", "equivocada") within three words,
    /// or "by mistake" within [`BY_MISTAKE_REACH`] (see [`BY_MISTAKE`]),
    /// after what the customer ordered or chose (see
    /// [`super::scan::Errand::Ordered`]), told in the first person ("I
    /// ordered the wrong size", "j'ai commandé la mauvaise taille", "elegí
    /// la talla equivocada"). Not what was sent ("you sent the wrong
    /// size") nor what another chose ("they booked the wrong date").
    pub(super) fn own_mistake(&self, item: &Item) -> bool {
        let reading = self.reading;
        if self.ordered.is_none_or(|o| o >= item.first) {
            return false;
        }
        // "By mistake" ends with its bad word: the adverb may stand
        // anywhere in the clause.
        let by_mistake = || reading.one_phrase_to(item.last, &BY_MISTAKE, 2);
        let (reach, start) = if (item.first..=item.last).any(|j| reading.is_one_of(j, &MISTAKEN)) {
            (3, item.first)
        } else if let Some(start) = by_mistake() {
            (BY_MISTAKE_REACH, start)
        } else {
            return false;
        };
        let Some(verb) = (start.saturating_sub(reach)..start)
            .rev()
            .take_while(|&j| reading.is_word(j))
            .find(|&j| reading.errand(j) == Some(Errand::Ordered))
        else {
            return false;
        };
        // The subject or auxiliary of the first person before the verb
        // ("I", "j'ai", "hemos"), or a Spanish verb of the first person
        // ("pedí", "compré", "pedimos").
        reading.is_one_of(verb, &ORDERED_BY_ME)
            || verb
                .checked_sub(1)
                .is_some_and(|p| reading.is_one_of(p, &FIRST_PERSON))
    }

    /// What the customer waited long for: a count of days, weeks or months
    /// (see [`LONG_UNITS`]), then "for", "pour" or "para" and what was
    /// awaited, with an article and a word before it or not ("three weeks
    /// for a refund", "five days for a simple reply", "dix jours pour une
    /// réponse", "un mes para el reembolso":
    /// [`super::scan::Errand::Awaited`]), into `bare` as the wrong item
    /// weighs, at the count; damped in a question. Not a time to come
    /// ("the next two weeks for delivery", "in 3 days for the repair"), one
    /// praised as short ("only 2 days for a refund") or one told as the
    /// rule ("delivery takes 3 days for an order"): see
    /// [`SHORT_OR_USUAL`]. `awaited` is where the text's first and last
    /// words of what is awaited came (see [`super::scan::Scan::awaited`]).
    /// Returns whether the text complains.
    pub(super) fn waited_for(&self, awaited: Option<(usize, usize)>, bare: &mut Vec<Bare>) -> bool {
        let Some((first, last)) = awaited else {
            return false;
        };
        let reading = self.reading;
        let is = |k: usize, words: &[&str]| reading.is_one_of(k, words);
        // From each "for" (the rarest word of the pattern first), back to
        // a unit and its count, and on to what was awaited, past its
        // article and a word that qualifies it ("for a simple reply").
        let found = (first.saturating_sub(3).max(2)..last).find_map(|k| {
            if !is(k, &TOOK_FOR) {
                return None;
            }
            let (unit, count) = (k - 1, k - 2);
            if !is(unit, &LONG_UNITS) {
                return None;
            }
            let mut a = k + 1;
            if is(a, &DETERMINERS) || is(a, &INDEFINITES) {
                a += 1;
            }
            let awaited = |j: usize| reading.errand(j) == Some(Errand::Awaited);
            if !(awaited(a) || awaited(a + 1)) {
                return None;
            }
            let counted = reading.is_word(count) && counts_time(reading.lower(count));
            let short_or_ahead = (count.saturating_sub(2)..count)
                .any(|j| is(j, &SHORT_OR_USUAL) || is(j, &AHEAD))
                || count.checked_sub(1).is_some_and(|j| is(j, &WITHIN));
            (counted && !short_or_ahead).then_some(count)
        });
        let Some(count) = found.or_else(|| self.took_long(first)) else {
            return false;
        };
        let (_, asks) = reading.sentence_after(count);
        self.report(bare, count, asks, "waited-for")
    }

    /// How long the customer waited, told after the waiting: a verb of
    /// waiting (see [`Errand::Waited`]) in the past, as a gerund, or as an
    /// infinitive after an obligation ("had to wait", "j'ai dû attendre",
    /// "tuve que esperar"), then within [`WAITED_REACH`] words in its
    /// clause a count of hours or longer ("waited two hours", "attendu
    /// plus d'une heure", "esperamos tres semanas", "a good hour": see
    /// `Reading::measures`), or a whole part of a
    /// day ("all day", "toute la journée", "toda la mañana"); into `bare`
    /// as the wrong item weighs, at the verb; damped in a question. Not a
    /// wait of two days or less, nor one said to be short ("only waited
    /// an hour", "je n'ai attendu qu'une heure": see [`SHORT_OR_USUAL`]),
    /// nor one denied ("I didn't have to wait", "no esperé"), nor a wait
    /// asked for ("please wait 24 hours", "merci d'attendre"): an
    /// infinitive counts only after an obligation. `waited` is where the
    /// text's last verb of waiting came (see [`Scan::waited`]). Returns
    /// whether the text complains.
    pub(super) fn waited_long(&self, waited: Option<usize>, bare: &mut Vec<Bare>) -> bool {
        let Some(last) = waited else {
            return false;
        };
        let reading = self.reading;
        let is = |k: usize, words: &[&str]| reading.is_one_of(k, words);
        // Where the wait told from the verb at `k` starts, if it is one
        // told as done: the obligation before an infinitive.
        let told = |k: usize| {
            if !is(k, &TO_WAIT) {
                return Some(k);
            }
            let before = k.checked_sub(1)?;
            reading.one_phrase_to(before, &OBLIGATION, OBLIGATION_WORDS)
        };
        // Whether a long time is counted at the unit `u`.
        let long = |u: usize| {
            let whole = |j: usize| j < u && is(j, &WHOLE);
            if is(u, &PARTS_OF_DAY) {
                return whole(u - 1) || whole(u.saturating_sub(2));
            }
            if !is(u, &LONG_UNITS) && !is(u, &HOURS) {
                return false;
            }
            // "Une bonne heure": the article counts, past "good" measuring.
            let count = match u.checked_sub(2) {
                Some(a) if reading.measures(u - 1) => a,
                _ => u - 1,
            };
            reading.is_word(count) && counts_time(reading.lower(count)) && long_wait(reading, count)
        };
        let found = (0..=last).find_map(|k| {
            if reading.errand(k) != Some(Errand::Waited) {
                return None;
            }
            let start = told(k)?;
            let short = |j: usize| is(j, &SHORT_OR_USUAL);
            if self.negated_before(start) || (start.saturating_sub(2)..start).any(short) {
                return None;
            }
            (k + 1..reading.tokens.len().min(k + 1 + WAITED_REACH))
                .take_while(|&j| reading.is_word(j) && !short(j))
                .any(long)
                .then_some(k)
        });
        let Some(at) = found else {
            return false;
        };
        let (_, asks) = reading.sentence_after(at);
        self.report(bare, at, asks, "waited-long")
    }

    /// The other way of telling a long wait: what was awaited, then a past
    /// verb of taking and a count of weeks or months, or of more than two
    /// days, in its sentence ("the delivery took three weeks", "le colis a
    /// mis trois semaines à arriver", "la entrega tardó tres semanas"). Not
    /// one praised as short ("only took 2 days", "took just 3 days") nor a
    /// wait of two days or less. `first` is where the text's first word of
    /// what is awaited came. Returns where the count is.
    fn took_long(&self, first: usize) -> Option<usize> {
        let reading = self.reading;
        let tokens = reading.tokens;
        let is = |k: usize, words: &[&str]| reading.is_one_of(k, words);
        let awaited_before = |k: usize| {
            (reading.sentence_start(k).max(first)..k)
                .any(|j| reading.errand(j) == Some(Errand::Awaited))
        };
        (first + 1..tokens.len()).find_map(|k| {
            if !is(k, &TOOK) || (k.saturating_sub(2)..k).any(|j| is(j, &SHORT_OR_USUAL)) {
                return None;
            }
            let count = (k + 1..=k + 3)
                .take_while(|&j| reading.is_word(j) && !is(j, &SHORT_OR_USUAL))
                .find(|&j| counts_time(reading.lower(j)) && is(j + 1, &LONG_UNITS))?;
            (long_wait(reading, count) && awaited_before(k)).then_some(count)
        })
    }

    /// Whether an amount instead of another is told from word `j`: a count,
    /// a word (a unit, "euros", "items") or none, one of [`INSTEAD_OF`],
    /// then a different count (past one word or sign: "$30", "the 3"). Returns
    /// the last word of it, the amount given and the other.
    fn other_amount_at(&self, j: usize) -> Option<(usize, u32, u32)> {
        let reading = self.reading;
        let given = count_of(reading, j)?;
        let instead = |k: usize| {
            INSTEAD_OF.iter().find_map(|phrase| {
                phrase
                    .iter()
                    .enumerate()
                    .all(|(i, w)| reading.is_word(k + i) && reading.lower(k + i) == *w)
                    .then_some(k + phrase.len())
            })
        };
        let after = instead(j + 1).or_else(|| instead(j + 2))?;
        let (k, other) = match count_of(reading, after) {
            Some(n) => (after, n),
            None => (after + 1, count_of(reading, after + 1)?),
        };
        (other != given).then_some((k, given, other))
    }

    /// Whether a part of a whole is told from word `j`: a count, then
    /// (past a noun) "of", "out of", "sur" or "de", then (past a
    /// determiner) a larger count ("2 of the 3", "4 articles sur 5", "uno
    /// de mis dos"), not a mark ("4 out of 5 stars", "9 out of 10 on my
    /// exam"; see [`SCORES`]); or a
    /// half of something ("half of my order", "la moitié de ma commande",
    /// "la mitad del pedido"), not of a price. Returns the last word of it.
    fn part_at(&self, j: usize) -> Option<usize> {
        let reading = self.reading;
        let word = |k: usize| reading.is_word(k);
        let is = |k: usize, words: &[&str]| reading.is_one_of(k, words);
        if is(j, &HALF) {
            let mut k = j + 1;
            if is(k, &PART_OF) {
                k += 1;
            }
            let whole = is(k, &DETERMINERS) || is(j + 1, &CONTRACTED);
            return (whole && !is(k + 1, &PRICES) && !is(k, &PRICES)).then_some(k);
        }
        let some = count_of(reading, j)?;
        let mut k = j + 1;
        if word(k) && !is(k, &PART_OF) && !is(k, &["out"]) {
            k += 1;
        }
        if is(k, &["out"]) {
            k += 1;
        }
        if !is(k, &PART_OF) {
            return None;
        }
        k += 1;
        if is(k, &DETERMINERS) || is(k, &WHOLES) {
            k += 1;
        }
        let all = count_of(reading, k)?;
        (some < all && !is(k + 1, &SCORES)).then_some(k)
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
    /// "todavía no" included. `None` when nothing near it ends it, and when
    /// it is demanded ([`DEMANDING`] within [`DEMAND_REACH`] words before
    /// it: "I want an immediate refund" asks for the speed that would
    /// otherwise say it came). Only words count: a clause boundary or an
    /// emoji ends the search.
    pub(super) fn solved(&self, (first, last): (usize, usize), remedy: &Remedy) -> Option<bool> {
        let reading = self.reading;
        let word = |j: usize| reading.is_word(j);
        // Demanded, the ending is wanted, not done, however fast: "I want
        // an immediate refund", "j'exige un remboursement rapide", "necesito
        // el problema resuelto".
        let demanded = (first.saturating_sub(DEMAND_REACH)..first)
            .rev()
            .take_while(|&j| word(j))
            .any(|j| reading.is_one_of(j, &DEMANDING));
        if demanded {
            return None;
        }
        if remedy.thanks_end_it && reading.thanked_for(first) {
            return Some(true);
        }
        let negates = |k: usize| self.negates(k);
        // Whether an ending of `remedy.done` starts at `j` (the cheap test
        // first: most words start no ending at all).
        let done = |j: usize| {
            TROUBLES.ending_starts.contains(reading.lower(j))
                && reading.one_phrase_from(j, remedy.done)
        };
        // Before: "réglé mon problème", "thanks for fixing the problem",
        // "they ended up fixing it", "ils ont fini par régler le problème".
        let before = (first.saturating_sub(3)..first)
            .rev()
            .take_while(|&j| word(j))
            .find(|&j| {
                done(j)
                    || (one_of(reading.lower(j), remedy.to_do)
                        && j.checked_sub(1).is_some_and(|p| {
                            word(p) && (one_of(reading.lower(p), &DONE_BY) || negates(p))
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
        for j in last + 1..reading.tokens.len().min(last + 6) {
            if !word(j) {
                return None;
            }
            if done(j) {
                return Some(!denied);
            }
            if negates(j) {
                denied = true;
            } else if !one_of(reading.lower(j), &LINKS) {
                if free == 0 {
                    return None;
                }
                free -= 1;
            }
        }
        None
    }

    /// The verb of receiving and the indefinite after it in a text that tells
    /// of the wrong item received (see [`Errand`]), the order told at token
    /// `ordered`, if it does.
    fn wrong_item(&self, ordered: usize) -> Option<(usize, usize)> {
        let reading = self.reading;
        let word = |k: usize| reading.is_word(k);
        (ordered + 1..reading.tokens.len()).find_map(|got| {
            if reading.errand(got) != Some(Errand::Received) {
                return None;
            }
            let mut k = got + 1;
            while word(k) && one_of(reading.lower(k), &["me", "us", "nous"]) {
                k += 1;
            }
            // "A" is a preposition after a Spanish verb ("llegó a tiempo").
            let english_a = || {
                !reading.is_one_of(k, &ENGLISH_INDEFINITES)
                    || reading.is_one_of(got, &RECEIVED_IN_ENGLISH)
            };
            let another = word(k)
                && one_of(reading.lower(k), &ANOTHER_THING)
                && english_a()
                && !(word(k + 1) && one_of(reading.lower(k + 1), &WHAT_COMES_AFTER_AN_ORDER));
            another.then_some((got, k))
        })
    }
}

/// Whether the count of time at `count`, of the unit after it, is a long
/// wait: any count of hours, weeks or months, more than two days (a wait
/// of one or two days is no delay).
fn long_wait(reading: Reading<'_>, count: usize) -> bool {
    !reading.is_one_of(count + 1, &DAYS) || count_of(reading, count).is_some_and(|n| n > 2)
}

/// The number the word at `k` says (see [`number`]); `None` for any other
/// token.
fn count_of(reading: Reading<'_>, k: usize) -> Option<u32> {
    reading.is_word(k).then(|| number(reading.lower(k)))?
}

/// What the customer was told would be done, reported (see
/// [`Rules::told_would`]): the word of telling and the conditional after
/// it, from `told`, the text's first word of telling.
fn promised(reading: Reading<'_>, told: Option<usize>) -> Option<(usize, usize)> {
    let first = told?;
    let tokens = reading.tokens;
    let would = |j: usize| {
        let word = reading.lower(j);
        word == "would" || word.ends_with("'d")
    };
    let conditional = |j: usize| {
        let word = reading.lower(j);
        let french =
            word.chars().count() > 5 && FRENCH_CONDITIONAL.iter().any(|end| word.ends_with(end));
        let spanish = SPANISH_CONDITIONAL.iter().any(|end| word.ends_with(end))
            && !reading.is_one_of(j - 1, &DETERMINERS);
        french || spanish
    };
    let told_to_me = |k: usize| {
        reading
            .before_past(k, &TOLD_AUXILIARIES)
            .is_some_and(|b| reading.is_one_of(b, &TOLD_TO_ME))
            || (reading.lower(k) == "told" && reading.is_one_of(k + 1, &["me", "us"]))
    };
    let found = (first..tokens.len()).find_map(|k| {
        if reading.errand(k) != Some(Errand::Told) || !told_to_me(k) {
            return None;
        }
        let mut after =
            (k + 1..tokens.len().min(k + 1 + TOLD_REACH)).take_while(|&j| reading.is_word(j));
        let conditional = match reading.lower(k) {
            "told" | "said" => after.find(|&j| would(j)),
            _ => after
                .next()
                .filter(|&j| reading.is_one_of(j, &["que", "qu"]))
                .and_then(|_| after.find(|&j| conditional(j))),
        };
        conditional.map(|c| (k, c))
    });
    // Kept, it is no complaint.
    found.filter(|&(_, c)| !(c..tokens.len()).any(|j| reading.one_phrase_from(j, &KEPT)))
}
