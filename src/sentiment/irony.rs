//! Irony: praise that means the opposite, and praise of another that
//! reproaches the service. Each way below turns a good word's value into
//! reproach and marks the text as a complaint; all are read by
//! [`Rules::irony`], in this order.
//!
//! | way | what turns the praise | where it looks | example |
//! |---|---|---|---|
//! | after a complaint | a complaint (a word at or below [`COMPLAINT`], or a rule's finding) before it, no remedy ([`SOLVED`], [`LIFTED`]) between | the whole text, up to a contrast word | "lost my parcel, great job" |
//! | clapping | a 👏 anywhere | the whole text | "bravo 👏" |
//! | marked | an eye roll or upside-down face ([`IRONY_MARKS`]), or praise taken back ("..., not") | the whole text, every good word | "Super 🙃" |
//! | opening praise | praise alone in a first clause of at most [`OPENING_WORDS`] words about the service, or an exclamation of it ([`EXCLAIMING`]), after a sigh, a laugh or a surprise ([`SURPRISE`]), then only complaints, or [`AGAIN`] | the first clause and what follows | "Perfect, the update deleted my photos", "haha great, it crashed again", "Wow, what a great service, 2 hours on hold" |
//! | closing praise | praise alone that closes the text and trails off ("...", "…"), after a clause of [`AGAIN`] that says more than "again" and nothing good before | the closing praise | "Raining again, lovely...", "Otra vez lloviendo, genial..." |
//! | bitter laugh | a laugh ([`laughs`]) that opens the text and runs into complaints, nothing good after it | the whole text | "lol still no answer" |
//! | aimed at a failure | a failure right after the praise, past one or two of [`AIMED_AT`] or as a gerund | the next item | "thanks for losing my order" |
//! | laugh at an absence | a laughing or praising emoji after a negation of something missing ([`ABSENCE`]) | emoji after the first such negation | "Still no parcel 😂" |
//! | love of a failure | [`LOVE`] before "how" or a verb, or gladness of a fact ([`KNOW_SEE`]), then a complaint | its sentence ([`SentenceComplaint`]) | "Love how it broke again" |
//! | scare quotes | a good word in quotes in a complaining text, or qualifying what the service gives ([`THE_SERVICE`], `Errand::Awaited`), or after a word of doubt ([`DOUBTING`]) | the quoted word and the praise before it in its sentence | "the "quick" reply", "supposedly the fastest" |
//! | thanks for a wait | thanks, "for" ([`THANKED_FOR`]), a unit of time and a word of waiting ([`WAITING`]) | [`WAIT_THANKED_REACH`] words | "thanks for the two hour wait" |
//! | looking forward to a failure | [`LOOKING_FORWARD`] or [`WISHING`] then a complaint | its sentence | "Can't wait for the next outage" |
//! | thanks to the cause of a failure | thanks, then [`THANKS_TO`], then a complaint | its sentence | "Thanks to you I missed my flight" |
//! | luck for what is owed | [`LUCK`] for doing, then what is awaited or [`TO_REACH`] | [`LUCK_REACH`] words | "Good luck getting a refund" |
//! | another does better (`Outdone`) | a comparative before "than you" ([`THAN`], [`YOU_COMPARED`]), or a rival named before it ([`RIVALS`], [`FORMER_OR_OTHER`]) | the next words; [`RIVAL_REACH`] words back | "even the post office is faster than you" |
//! | who had the idea | a question opening with [`WHO`] that holds [`HAD_THE_IDEA`] | its sentence | "Who thought this was a good idea?" |
//!
//! A contrast word keeps the praise after it meant ("merci, mais ...") in
//! the ways down to the scare quotes; the later ones read their own
//! clause or sentence.

use super::rules::{Bare, Rules};
use super::scan::{Errand, Item};
use super::tokenize::Kind;
use super::words::*;
use crate::explain::Modifier;
use crate::model::Language;

/// Turns the value of item `k` into reproach, noting why in `modifiers`
/// when `explaining`.
fn turn(
    values: &mut [f64],
    modifiers: &mut [Vec<Modifier>],
    k: usize,
    why: Modifier,
    explaining: bool,
) {
    values[k] = -values[k];
    if explaining {
        modifiers[k].push(why);
    }
}

/// The last complaint of a sentence, found once per sentence however
/// many words ask for it (see [`SentenceComplaint::after`]).
#[derive(Debug, Default)]
struct SentenceComplaint {
    /// Where the sentence last read ends (0 before any).
    end: usize,
    /// Where its last complaint after the token it was read from starts.
    last: Option<usize>,
}

impl SentenceComplaint {
    /// Whether a complaint (a word of `values` at or below [`COMPLAINT`],
    /// or a rule of `bare`) starts after token `beyond` in the sentence of
    /// token `at` (`beyond` at or after `at`). Items and `bare` are in token
    /// order, and only the values of items up to `at` change between two
    /// calls in a sentence, so what was found for the first word asking
    /// holds for the later ones.
    fn after(
        &mut self,
        rules: &Rules<'_>,
        values: &[f64],
        bare: &[Bare],
        at: usize,
        beyond: usize,
    ) -> bool {
        if at >= self.end {
            let (end, _) = rules.reading.sentence_after(at);
            let items = rules.items;
            let next = items.partition_point(|it| it.first <= at);
            let last_word = items[next..]
                .iter()
                .zip(&values[next..])
                .take_while(|(later, _)| later.first < end)
                .filter(|(_, v)| **v <= COMPLAINT)
                .map(|(later, _)| later.first)
                .last();
            let last_rule = bare[bare.partition_point(|&(b, ..)| b <= at)..]
                .iter()
                .take_while(|&&(b, ..)| b < end)
                .filter(|&&(_, v, _)| v <= COMPLAINT)
                .map(|&(b, ..)| b)
                .last();
            *self = SentenceComplaint {
                end,
                last: last_word.max(last_rule),
            };
        }
        self.last.is_some_and(|c| c > beyond)
    }
}

impl Rules<'_> {
    /// Turns ironic praise in `values` into reproach (noting it in
    /// `modifiers` when `explaining`), given the negations and rules of
    /// `bare` and the text's `language`. Returns whether any praise was
    /// turned: the text complains.
    pub(super) fn irony(
        &self,
        values: &mut [f64],
        bare: &[Bare],
        language: Option<Language>,
        modifiers: &mut [Vec<Modifier>],
        explaining: bool,
    ) -> bool {
        let Rules {
            reading,
            items,
            contrast,
            ..
        } = *self;
        let (tokens, text) = (reading.tokens, reading.text);
        let mut complaint = false;
        // Praise ("bravo", 👏, "merci") in a text that otherwise complains
        // turns into reproach: praise after the first complaint, or
        // anywhere when the text claps (👏); "merci, mais ..." stays
        // thanks. A complaint
        // is a word of some weight (a sigh such as "ay" is not), and praise
        // after a contrast word is what the writer means ("no me gusta el
        // sol, pero lo estoy pasando genial").
        let first_complaint = items
            .iter()
            .zip(values.iter())
            // A complaint conceded ("although the box was damaged, the
            // coffee is great") turns no praise after it.
            .find(|(it, v)| !it.praise && **v <= COMPLAINT && !self.conceded(it))
            .map(|(it, _)| it.first)
            .into_iter()
            .chain(
                bare.iter()
                    .find(|(_, v, _)| *v <= COMPLAINT)
                    .map(|&(k, ..)| k),
            )
            .min();
        // A trouble told, then solved ("after two failed visits the third
        // engineer finally fixed it, thanks", "tras dos visitas fallidas
        // por fin lo arregló, gracias"), or a mood, then lifted ("feeling
        // down, your message cheered me up, thanks"): the praise after the
        // remedy is meant, unless a complaint comes after the remedy too
        // ("they fixed it and it broke again, thanks").
        let remedied = first_complaint.and_then(|first| {
            let remedy = items
                .iter()
                .zip(values.iter())
                .find(|(it, v)| {
                    it.first > first
                        && **v > 0.0
                        && (it.first..=it.last).any(|j| {
                            one_of(reading.lower(j), &SOLVED) || one_of(reading.lower(j), &LIFTED)
                        })
                })
                .map(|(it, _)| it.last)?;
            let complains_after = items
                .iter()
                .zip(values.iter())
                .any(|(it, v)| it.first > remedy && !it.praise && *v <= COMPLAINT)
                || bare.iter().any(|&(k, v, _)| k > remedy && v <= COMPLAINT);
            (!complains_after).then_some(remedy)
        });
        let claps = items
            .iter()
            .any(|it| it.emoji && text[it.start..it.end].starts_with(CLAP));
        // An emoji that rolls its eyes or turns its face upside down says
        // the praise is not meant, complaint or not ("Super 🙃"), nor any
        // other good word ("Love waiting on hold 🙄").
        let marked = items
            .iter()
            .any(|it| it.emoji && text[it.start..it.end].contains(IRONY_MARKS))
            || self.taken_back();
        // Praise that opens the text on its own, in a clause of a few
        // words, then complaints and nothing good of the same weight
        // ("Perfect, the new update deleted all my photos", "Excelente
        // atención, me colgaron"), or the same again (see [`AGAIN`]), is
        // ironic too; with a contrast word it is meant ("merci, mais"), and
        // opening thanks are meant (see [`THANKS`]). A sigh or a laugh
        // before it opens nothing ("Ay genial, otro error del sistema",
        // "haha great, the app crashed again").
        // A laugh that opens the text (mentions are no words: "@user lol").
        let opening_laugh = items
            .first()
            .filter(|it| laughs(&text[it.start..it.end]) && !reading.words_before(it.first));
        // A surprise alone in its clause opens nothing either ("Wow, great
        // service, two hours on hold").
        let surprise = |it: &Item| {
            it.first == it.last
                && reading.is_one_of(it.first, &SURPRISE)
                && tokens
                    .get(it.last + 1)
                    .is_some_and(|t| t.kind == Kind::Boundary)
        };
        let opener = match items {
            [sigh, ..]
                if sigh.first == 0
                    && ((!sigh.praise && (COMPLAINT..=0.0).contains(&sigh.base))
                        || surprise(sigh)) =>
            {
                1
            }
            _ if opening_laugh.is_some() => 1,
            _ => 0,
        };
        // A laugh that opens the text and runs into complaints, with
        // nothing good after it, laughs at them bitterly ("lol still no
        // answer after five days", "mdr toujours pas de réponse", "jajaja
        // todavía sin respuesta"). A laugh that is a sentence of its own
        // ("haha. ...", "LOL!!! ...") answers something else, most often
        // another's post, and is left as it is; so is a laugh after a
        // complaint, which in tweets laughs at oneself as often as at the
        // service.
        let bitter_laugh = contrast.is_none()
            && opening_laugh.is_some_and(|laugh| {
                let next = laugh.last + 1;
                let said_alone = next < tokens.len() && reading.ends_sentence(next).is_some();
                let mut later = values.iter().skip(1);
                !said_alone
                    && later.clone().all(|v| *v <= 0.0)
                    && (later.any(|v| *v <= COMPLAINT)
                        || bare
                            .iter()
                            .any(|&(k, v, _)| tokens[k].start > laugh.start && v <= COMPLAINT))
            });
        let opening = contrast.is_none()
            && items.get(opener).is_some_and(|it| {
                if !it.praise || it.is_thanks(text) {
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
                // The words of an exclamation and the articles, with the
                // service, may stand around the praise and are not counted
                // ("What a great service", "Qué servicio tan bueno").
                let glue = |j: usize| {
                    reading.is_one_of(j, &EXCLAIMING)
                        || reading.is_one_of(j, &DETERMINERS)
                        || reading.is_one_of(j, &INDEFINITES)
                };
                let service = |j: usize| one_of(reading.lower(j), &THE_SERVICE) || glue(j);
                let clause_start = items[..opener].last().map_or(0, |o| o.last + 1);
                let exclaimed = || {
                    (clause_start..it.first).all(|j| !reading.is_word(j) || service(j))
                        && (0..it.first)
                            .filter(|&j| reading.is_word(j) && !glue(j))
                            .count()
                            + (it.first..=it.last).count()
                            <= OPENING_WORDS
                };
                // What the praise names, between it and the clause's end.
                let of_the_service = (it.last + 1..tokens.len())
                    .take_while(|&j| tokens[j].start < mark)
                    .filter(|&j| tokens[j].kind == Kind::Word)
                    .all(service);
                let mut after = items
                    .iter()
                    .zip(values.iter())
                    .filter(|(later, _)| later.start > mark && !later.praise);
                let again = || {
                    let next = (tokens.partition_point(|t| t.start <= mark)..tokens.len())
                        .find(|&j| tokens[j].kind == Kind::Word)?;
                    let last = AGAIN.iter().find_map(|p| reading.spelled_from(next, p))?;
                    Some(!self.good_after(values, last, 2))
                };
                // A complaint after it: a word, or a failure told by a
                // negation ("Great, now the link doesn't even load").
                let failed_after = bare
                    .iter()
                    .any(|&(k, v, _)| tokens[k].start > mark && v <= COMPLAINT);
                (words <= OPENING_WORDS || exclaimed())
                    && of_the_service
                    && (((after.clone().any(|(_, v)| *v <= COMPLAINT) || failed_after)
                        && !after.any(|(_, v)| *v >= -COMPLAINT))
                        || again().unwrap_or(false))
            });
        // The mirror of the opening praise: praise alone closing the text
        // and trailing off, after a clause of the same again with nothing
        // good in it ("Raining again, lovely...", "Il pleut encore,
        // génial...", "Otra vez lloviendo, genial..."). The clause says
        // more than "again" ("Once again, bravo..." is meant), and the
        // ellipsis is the shrug: "Another goal, brilliant!" is meant.
        let closing = contrast.is_none()
            && items.last().is_some_and(|it| {
                let after = text[it.end..].trim_start();
                let trails = after.starts_with("...") || after.starts_with('…');
                let alone = || {
                    (it.last + 1..tokens.len()).all(|j| tokens[j].kind != Kind::Word)
                        && it.first.checked_sub(1).is_some_and(|b| {
                            tokens[b].kind != Kind::Word
                                && reading.written(b).starts_with(CLAUSE_MARKS)
                        })
                };
                // Words before the praise besides one of AGAIN.
                let says_more_than_again = || {
                    (0..it.first)
                        .find_map(|j| {
                            AGAIN
                                .iter()
                                .find_map(|p| reading.spelled_from(j, p))
                                .map(|last| (j, last))
                        })
                        .is_some_and(|(from, last)| {
                            (0..it.first)
                                .filter(|&j| tokens[j].kind == Kind::Word)
                                .any(|j| j < from || j > last)
                        })
                };
                it.praise
                    && trails
                    && !it.is_thanks(text)
                    && values[..values.len() - 1].iter().all(|v| *v <= 0.0)
                    && alone()
                    && says_more_than_again()
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
            let failed = reading.lower(failure.first);
            praise.praise
                && !failure.praise
                && values.get(k + 1).is_some_and(|v| *v <= COMPLAINT)
                && (!between.is_empty() || failed.ends_with("ing"))
                && between.len() <= 2
                && between
                    .clone()
                    .all(|j| tokens[j].kind == Kind::Word && one_of(reading.lower(j), &AIMED_AT))
                && !ASKED_FOR.iter().any(|asked| failed.starts_with(asked))
        };
        // French "rien" before the verb it goes with ("j'ai rien compris",
        // "je n'ai rien vu") negates that verb, as "pas" does; before "de"
        // ("rien de neuf") or alone ("toujours rien"), something is
        // missing.
        let negates_a_verb = |k: usize| {
            one_of(reading.lower(k), &["rien"])
                && reading.is_word(k + 1)
                && !reading.followed_by(k, &DE)
        };
        // A laugh or a thumb after a negation of something missing that
        // negates nothing else is bitter as after a complaint ("Still no
        // parcel 😂", "Otra vez sin pedido 😂", "Nothing yet 👍"): what
        // should have come has not. A negated verb is no such absence, and
        // a laugh after one is often at oneself ("j'ai pas tout compris
        // 😂"). Nor is a polite refusal, thanks right after the negation
        // ("No, thanks 👍").
        let absence = |k: usize| {
            (one_of(reading.lower(k), &ABSENCE) && !negates_a_verb(k))
                || (one_of(reading.lower(k), &["no"]) && language != Some(Language::SPANISH))
                || (one_of(reading.lower(k), &["pas"]) && reading.followed_by(k, &DE))
        };
        let declines = |k: usize| {
            let j = match tokens.get(k + 1) {
                Some(t) if t.kind == Kind::Boundary && reading.written(k + 1) == "," => k + 2,
                _ => k + 1,
            };
            // By binary search, as for the bare negations: a long run of
            // refusals stays linear.
            self.item_at(j).is_some_and(|it| it.is_thanks(text))
        };
        // A gerund or an infinitive: "being", "payer", "attendre",
        // "pagar" (any of them when the language is unknown).
        let doing = |j: usize| {
            let endings: &[&str] = match language {
                Some(Language::ENGLISH) => &["ing"],
                Some(Language::FRENCH) => &["er", "ir", "re"],
                Some(Language::SPANISH) => &["ar", "er", "ir"],
                _ => &["ing", "er", "ir", "re", "ar"],
            };
            reading.is_word(j) && {
                let w = reading.lower(j);
                w.len() > 4 && endings.iter().any(|e| w.ends_with(e))
            }
        };
        let knows = |j: usize| {
            let j = if reading.is_one_of(j, &DE) || reading.is_one_of(j, &["to"]) {
                j + 1
            } else {
                j
            };
            reading.is_one_of(j, &KNOW_SEE)
        };
        // Love of how something went, or of doing it, with a complaint
        // after it in its sentence ("Love how my slot got cancelled again",
        // "J'adore quand le colis arrive cassé", "Me encanta que me vuelvan
        // a cancelar la entrega", "Love being charged for a service I can't
        // even use", "J'adore payer pour"), is ironic: it loves the
        // failure. So is gladness of a fact told after it ("Nice to know my
        // loyalty means nothing to you", "Ravi de voir que", "Qué bonito
        // ver que"). Not the love of a quality, named right after "how"
        // ("I love how aggressive they are", "love how sad this song is").
        let loves_how = |k: usize, values: &[f64], complained: &mut SentenceComplaint| {
            let it = &items[k];
            let loves = (it.first..=it.last).any(|j| one_of(reading.lower(j), &LOVE));
            // The complaint comes past the quality "how" may name, or past
            // the verb itself ("me encanta esperar 3 semanas").
            let beyond = if loves && doing(it.last + 1) {
                it.last + 1
            } else if (loves && reading.followed_by(it.last, &HOW_THAT)) || knows(it.last + 1) {
                it.last + 2
            } else {
                return false;
            };
            complained.after(self, values, bare, it.last, beyond)
        };
        // Quotes right around a word ("help", « aide », “ayuda”).
        let scare_quoted = |it: &Item| {
            let before = text[..it.start].trim_end_matches(' ');
            let after = text[it.end..].trim_start_matches(' ');
            !it.emoji
                && before.ends_with(['"', '“', '«', '‘'])
                && after.starts_with(['"', '”', '»', '’'])
        };
        let first_bare = bare
            .iter()
            .map(|&(k, ..)| k)
            .find(|&k| absence(k) && !declines(k));
        if first_complaint.is_some()
            || marked
            || first_bare.is_some()
            || opening
            || closing
            || bitter_laugh
        {
            let first = first_complaint.unwrap_or(usize::MAX);
            let mut complained = SentenceComplaint::default();
            for k in 0..items.len() {
                let item = &items[k];
                let meant = contrast.is_some_and(|cut| item.first > cut);
                let ironic = marked
                    || claps
                    || (item.first > first && remedied.is_none_or(|r| item.first < r))
                    || (item.emoji && first_bare.is_some_and(|b| item.first > b))
                    || (k == opener && opening)
                    || (k + 1 == items.len() && closing)
                    || aimed(k, values);
                let loved =
                    !item.praise && values[k] > 0.0 && loves_how(k, values, &mut complained);
                // A good word in scare quotes, in a text that complains (the
                // "help" page, the "express" delivery): what it names is
                // not what it says.
                let quoted = first_complaint.is_some() && scare_quoted(item);
                let turned = ((item.praise || marked) && ironic)
                    || (k == 0 && (bitter_laugh || (opening && surprise(item))))
                    || loved
                    || quoted;
                if turned && values[k] > 0.0 && !meant {
                    turn(values, modifiers, k, Modifier::Irony, explaining);
                    complaint = true;
                }
            }
        }
        // A good word in scare quotes that qualifies what the service
        // gives, named after an article or a possessive ("the "quick"
        // reply", "your "express" delivery", "la réponse « rapide »", "la
        // entrega "exprés""): a claim quoted to doubt it, complaint or not.
        // Not a word or a title quoted after any other noun ("in a word,
        // "awesome"", "el "feliz cumpleaños""). The praise before it in its
        // sentence is aimed at what it names ("Thanks for the "quick"
        // reply"). And the service itself quoted after "your" ("your
        // "customer service"", "votre « service client »"): a name it does
        // not deserve.
        let words_before = |it: &Item| {
            let mut before = (0..it.first)
                .rev()
                .filter(|&j| tokens[j].kind == Kind::Word);
            (before.next(), before.next())
        };
        let given = |j: usize| {
            reading.errand(j) == Some(Errand::Awaited) || reading.is_one_of(j, &THE_SERVICE)
        };
        let qualifies = |it: &Item| match words_before(it) {
            (Some(j), i) => {
                let after = (it.last + 1..tokens.len()).find(|&j| tokens[j].kind == Kind::Word);
                (reading.is_one_of(j, &DETERMINERS) && after.is_some_and(given))
                    || (given(j)
                        && i.is_some_and(|i| i + 1 == j && reading.is_one_of(i, &DETERMINERS)))
            }
            _ => false,
        };
        let yours = |it: &Item| {
            let (before, _) = words_before(it);
            it.base == 0.0
                && it.last > it.first
                && before.is_some_and(|j| reading.is_one_of(j, &YOUR))
        };
        // A word that doubts a claim right before it in its clause does what
        // quotes do ("supposedly the fastest", "soi-disant le meilleur",
        // "supuestamente el mejor"; not "por supuesto el mejor").
        let doubted_in_words = |it: &Item| {
            self.doubting.is_some_and(|d| d < it.first)
                && (it.first.saturating_sub(DOUBT_REACH)..it.first)
                    .rev()
                    .take_while(|&j| tokens[j].kind == Kind::Word)
                    .filter_map(|j| reading.one_phrase_to(j, &DOUBTING, 2))
                    .any(|start| {
                        !start
                            .checked_sub(1)
                            .is_some_and(|p| reading.is_one_of(p, &["por"]))
                    })
        };
        // The praise before each is looked at once: from the item after the
        // last one quoted (linear however many are quoted).
        let mut unread = 0;
        for k in 0..items.len() {
            let item = &items[k];
            let meant = contrast.is_some_and(|cut| item.first > cut);
            let quoted = scare_quoted(item);
            let doubted_by_a_word = values[k] > 0.0 && doubted_in_words(item);
            if meant || !(quoted || doubted_by_a_word) {
                continue;
            }
            let doubted = doubted_by_a_word || (values[k] > 0.0 && qualifies(item));
            let mocked = quoted && values[k] == 0.0 && yours(item);
            if !doubted && !mocked {
                continue;
            }
            if mocked {
                values[k] = -WRONG_ITEM;
            }
            turn(values, modifiers, k, Modifier::Irony, explaining);
            complaint = true;
            // Where its sentence starts, looked for no further back than
            // the first item not yet read.
            let read_from = items
                .get(unread)
                .map_or(item.first, |it| it.first.min(item.first));
            let sentence = (read_from..=item.first)
                .rev()
                .find(|&j| reading.opens_sentence(j))
                .unwrap_or(read_from);
            let before = (unread..k)
                .rev()
                .take_while(|&j| items[j].first >= sentence);
            unread = k + 1;
            for j in before {
                if items[j].praise && values[j] > 0.0 {
                    turn(values, modifiers, j, Modifier::Irony, explaining);
                }
            }
        }
        // Thanks for a time spent waiting ("Thanks for the two hour wait",
        // "Merci pour les 40 minutes d'attente", "Gracias por las tres
        // semanas de silencio"): the wait is what is thanked for. Looking
        // forward to a failure ("Can't wait for the next outage",
        // "Vivement la prochaine panne", "Qué ganas de pasar otra hora
        // esperando"), or wishing one ("Ojalá me contestaran, llevo un mes
        // sin respuesta"): a complaint after it in its sentence. And luck
        // wished for getting what the service owes ("Good luck getting a
        // refund"): it will not come.
        let mut complained = SentenceComplaint::default();
        for k in 0..items.len() {
            let item = &items[k];
            if values[k] <= 0.0 || item.emoji {
                continue;
            }
            let for_a_wait = item.praise && self.thanked_for_a_wait(item.last);
            let dreaded = reading.longs(item.last)
                && complained.after(self, values, bare, item.last, item.last);
            // Thanks to whom a failure is owed ("Thanks to you I missed my
            // flight", "Gracias a vuestro repartidor mi paquete está
            // perdido"): a complaint after it in its sentence. Not thanks
            // to someone for something, or to who did something ("gracias a
            // todos por venir", "thanks to everyone who asked").
            let mut blamed = || {
                let grateful = || {
                    (item.last + 2..item.last + 2 + THANKED_WHO_REACH)
                        .take_while(|&j| reading.is_word(j))
                        .any(|j| reading.is_one_of(j, &THANKED_FOR_OR_WHO))
                };
                reading.is_one_of(item.last + 1, &THANKS_TO)
                    && item.is_thanks(text)
                    && !grateful()
                    && complained.after(self, values, bare, item.last, item.last + 2)
            };
            if for_a_wait || dreaded || self.luck_against(item) || blamed() {
                turn(values, modifiers, k, Modifier::Irony, explaining);
                complaint = true;
            }
        }
        // A good quality said of another, more than of the service ("even
        // the post office is faster than you", "un robot serait plus utile
        // que vous", "hasta Correos es más rápido que vosotros"): the
        // service does worse. A comparative ("better", "mieux", "mejor", an
        // English word in -er, or a word after "more", "plus", "más") right
        // before "than you", "que vous", "que vosotros"; not what the
        // reader thinks ("better than you think").
        let comparative = |it: &Item| {
            let english = !matches!(language, Some(Language::FRENCH | Language::SPANISH));
            reading.is_one_of(it.last, &BETTER)
                || it
                    .first
                    .checked_sub(1)
                    .is_some_and(|j| reading.is_one_of(j, &MORE))
                || (english && it.first == it.last && reading.lower(it.last).ends_with("er"))
        };
        // So is what a rival named as such does well, in its clause: a
        // former provider ("my old provider never had these problems",
        // "mon ancien opérateur", "mi antigua compañía") or the others
        // ("other banks do this for free", "les autres banques", "otros
        // bancos", "la concurrence"); not past "and" or "but" (see
        // [`AND_YET`]), which may turn to the service ("left my old provider and you are so much
        // better").
        let rival_before = |it: &Item| {
            let Some(first) = self.rival.filter(|&r| r < it.first) else {
                return false;
            };
            (it.first.saturating_sub(RIVAL_REACH).max(first)..it.first)
                .rev()
                .take_while(|&j| reading.is_word(j) && !reading.is_one_of(j, &AND_YET))
                .any(|j| {
                    reading.is_one_of(j, &RIVALS)
                        || (reading.is_one_of(j, &FORMER_OR_OTHER)
                            && reading.is_one_of(j + 1, &PROVIDERS))
                })
        };
        for (k, item) in items.iter().enumerate() {
            let than_you = || {
                reading.is_one_of(item.last + 1, &THAN)
                    && reading.is_one_of(item.last + 2, &YOU_COMPARED)
                    && !reading.is_one_of(item.last + 3, &THOUGHT)
                    && comparative(item)
            };
            if values[k] > 0.0 && !item.emoji && (than_you() || rival_before(item)) {
                turn(values, modifiers, k, Modifier::Outdone, explaining);
                complaint = true;
            }
        }
        // Praise in a question of who had the idea ("Who thought this was
        // a good idea?", "Qui a eu la brillante idée de...?", "¿A quién se
        // le ocurrió esta genialidad?") mocks the idea.
        let mut asked_who: Option<(usize, bool)> = None;
        for (k, item) in items.iter().enumerate() {
            if values[k] <= 0.0 || item.emoji {
                continue;
            }
            if asked_who.is_none_or(|(end, _)| item.last >= end) {
                asked_who = Some(self.who_had_the_idea(item.last));
            }
            if asked_who.is_some_and(|(_, mocks)| mocks) {
                turn(values, modifiers, k, Modifier::Irony, explaining);
                complaint = true;
            }
        }

        complaint
    }

    /// Whether what is thanked for after token `last` is a time spent
    /// waiting: "for", "pour" or "por" (past at most two words of how
    /// much), then within [`WAIT_THANKED_REACH`]
    /// words a unit of time and, after it, a word of waiting or silence
    /// ([`WAITING`]: "for the two hour wait", "pour les 40 minutes
    /// d'attente", "por las tres semanas de silencio").
    fn thanked_for_a_wait(&self, last: usize) -> bool {
        let reading = self.reading;
        // Past what says how much ("thank you so much for", "merci
        // beaucoup pour").
        let for_ = (last + 1..=last + 3)
            .find(|&j| {
                !reading.is_word(j) || !(self.booster[j] != 0.0 || reading.is_one_of(j, &MUCH))
            })
            .filter(|&j| reading.is_one_of(j, &THANKED_FOR));
        let Some(for_) = for_ else {
            return false;
        };
        let mut unit = false;
        (for_ + 1..reading.tokens.len().min(for_ + 1 + WAIT_THANKED_REACH))
            .take_while(|&j| reading.is_word(j))
            .any(|j| {
                let waiting = unit && reading.is_one_of(j, &WAITING);
                unit |= reading.is_one_of(j, &TIME_UNITS);
                waiting
            })
    }

    /// Whether `item` wishes luck for getting what the service owes or for
    /// reaching it ("good luck getting a refund", "bon courage pour vous
    /// faire rembourser", "suerte para hablar con alguien"): a warning that
    /// it will not come. The luck (one of [`LUCK`]) is for doing something,
    /// a gerund or one of [`LUCK_FOR`] right after it, that names within
    /// [`LUCK_REACH`] words what is awaited (see [`Errand::Awaited`]), a
    /// refund ([`REFUNDS`]: "the money back") or a way to reach the service
    /// or be paid back (see [`TO_REACH`]). Not
    /// luck with what is one's own ("bon courage pour le lancement").
    fn luck_against(&self, item: &Item) -> bool {
        let reading = self.reading;
        let next = item.last + 1;
        if !reading.is_word(next) || !one_of(&reading.text[item.start..item.end], &LUCK) {
            return false;
        }
        let doing = reading.is_one_of(next, &LUCK_FOR)
            || ["ing", "ando", "iendo"]
                .iter()
                .any(|e| reading.lower(next).ends_with(e));
        doing
            && (next..reading.tokens.len().min(next + LUCK_REACH))
                .take_while(|&j| reading.is_word(j))
                .any(|j| {
                    reading.errand(j) == Some(Errand::Awaited)
                        || reading.is_one_of(j, &TO_REACH)
                        || reading.one_phrase_from(j, &REFUNDS)
                })
    }

    /// Whether the text ends by taking back what it said, after a pause
    /// ("Thanks, really helpful, not", "Great service... NOT", "vraiment
    /// utile… ou pas", "de gran ayuda… o no"): its praise is ironic, as
    /// with an eye roll. Not a choice asked ("Tu viens, ou pas ?").
    fn taken_back(&self) -> bool {
        let reading = self.reading;
        let (tokens, text) = (reading.tokens, reading.text);
        let mut words = (0..tokens.len())
            .rev()
            .filter(|&j| tokens[j].kind == Kind::Word);
        let (Some(last), Some(before)) = (words.next(), words.next()) else {
            return false;
        };
        let start = match (reading.lower(before), reading.lower(last)) {
            (_, "not") => last,
            ("ou", "pas") | ("o", "no") => before,
            _ => return false,
        };
        let paused = text[..tokens[start].start]
            .trim_end()
            .ends_with([',', '.', '…', ';', '!']);
        paused && !text[tokens[last].end..].contains('?')
    }

    /// Where the sentence holding token `k` ends, and whether it asks who
    /// had an idea: it opens with one of [`WHO`] ("a quién" too), ends with
    /// a question mark and holds one of [`HAD_THE_IDEA`] or "came up".
    fn who_had_the_idea(&self, k: usize) -> (usize, bool) {
        let reading = self.reading;
        let (end, asks) = reading.sentence_after(k);
        let mut first = reading.sentence_start(k);
        if reading.is_one_of(first, &["a"]) {
            first += 1;
        }
        let mocks = asks
            && reading.is_one_of(first, &WHO)
            && (first + 1..end).any(|j| {
                reading.is_one_of(j, &HAD_THE_IDEA) || reading.spelled_from(j, "came up").is_some()
            });
        (end, mocks)
    }
}
