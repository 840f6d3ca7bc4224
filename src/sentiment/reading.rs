//! A text as the rules read it: its tokens, each word's lowercase form,
//! where sentences end, and the few questions about a word that need the
//! words around it (is it a verb here, does it open a request, a
//! sentence, a clause of contrast).

use super::scan::Errand;
use super::tokenize::Kind;
use super::words::*;

/// A token without its text (which is `text[start..end]`), so that the
/// buffers holding tokens outlive any one text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
    /// Where a word's lowercase form is in [`Reading::lowered`], when it is
    /// not the word as written.
    pub(super) lowered: Option<(usize, usize)>,
    /// Whether the token opens a hashtag (it follows a `#`): a tag that
    /// comments on what came before it rather than a word of its
    /// sentence, so that only the word right before it can negate or
    /// intensify it ("3 days without TV #fail" is no denied failure; "not
    /// #happy" is).
    pub(super) tag: bool,
}

/// A text cut into tokens: what every rule reads. Tokens are named by
/// their index.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading<'a> {
    /// The text as written.
    pub(super) text: &'a str,
    /// Its tokens, in order.
    pub(super) tokens: &'a [Tok],
    /// The lowercase forms of the words not written in lowercase, end to
    /// end (see [`Tok::lowered`]).
    pub(super) lowered: &'a str,
}

impl<'a> Reading<'a> {
    /// The token at `i` as written.
    #[inline(always)]
    pub(super) fn written(&self, i: usize) -> &'a str {
        let token = &self.tokens[i];
        &self.text[token.start..token.end]
    }

    /// The token at `i` in lowercase.
    #[inline(always)]
    pub(super) fn lower(&self, i: usize) -> &'a str {
        match self.tokens[i].lowered {
            Some((start, end)) => &self.lowered[start..end],
            None => self.written(i),
        }
    }

    /// Whether there is a token at `i` and it is a word.
    #[inline]
    pub(super) fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Whether there is a word at `k` and it is one of `words`.
    #[inline]
    pub(super) fn is_one_of(&self, k: usize, words: &[&str]) -> bool {
        self.is_word(k) && one_of(self.lower(k), words)
    }

    /// Whether the word at `k` is a verb of receiving or arriving ("got",
    /// "reçu", "llegado": see [`Errand::Received`], [`Errand::Arrived`]).
    #[inline]
    pub(super) fn received(&self, k: usize) -> bool {
        matches!(self.errand(k), Some(Errand::Received | Errand::Arrived))
    }

    /// The errand the word at `k` tells of, if it is a word and tells of
    /// one (see [`Errand`]).
    #[inline]
    pub(super) fn errand(&self, k: usize) -> Option<Errand> {
        self.is_word(k).then(|| Errand::of(self.lower(k)))?
    }

    /// Whether the word after token `k` is one of `words`.
    #[inline]
    pub(super) fn followed_by(&self, k: usize, words: &[&str]) -> bool {
        self.is_one_of(k + 1, words)
    }

    /// Whether the words from `k`, all before token `before`, are `first`
    /// then `second`, or `first` alone when `second` is empty (the pairs
    /// of [`ASKING`] and [`PRESSING`]: "please", "por favor", "could you").
    pub(super) fn spells_pair(
        &self,
        k: usize,
        (first, second): (&str, &str),
        before: usize,
    ) -> bool {
        let word = |j: usize, expected: &str| {
            j < before && self.is_word(j) && self.lower(j).eq_ignore_ascii_case(expected)
        };
        word(k, first) && (second.is_empty() || word(k + 1, second))
    }

    /// Whether a hashtag opens among the tokens after `n`, past the one
    /// right after it, up to `first`: a negation at `n` does not reach a
    /// word at `first` over it (see [`Tok::tag`]).
    pub(super) fn tag_past_next(&self, n: usize, first: usize) -> bool {
        (n + 2..=first).any(|j| self.tokens[j].tag)
    }

    /// Whether at most `words` words follow the token at `last` (counted no
    /// further than that: what is tested may come early in a long text).
    pub(super) fn at_most_words_after(&self, last: usize, words: usize) -> bool {
        self.tokens[last + 1..]
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .nth(words)
            .is_none()
    }

    /// Whether a clause boundary stands among the tokens `from..to`.
    pub(super) fn has_boundary(&self, from: usize, to: usize) -> bool {
        self.tokens[from..to]
            .iter()
            .any(|t| t.kind == Kind::Boundary)
    }

    /// Whether the token at `i` ends a sentence (`?`, `.`, `!`, an
    /// ellipsis of dots), and if so whether the sentence asks.
    #[inline]
    pub(super) fn ends_sentence(&self, i: usize) -> Option<bool> {
        if self.tokens[i].kind != Kind::Boundary {
            return None;
        }
        match self.written(i) {
            "?" => Some(true),
            "." | "!" => Some(false),
            s if s.starts_with("...") => Some(false),
            _ => None,
        }
    }

    /// Whether the token at `k` opens a sentence: the text's first, or
    /// right after a sentence's end.
    #[inline]
    pub(super) fn opens_sentence(&self, k: usize) -> bool {
        k.checked_sub(1)
            .is_none_or(|j| self.ends_sentence(j).is_some())
    }

    /// Whether a word stands before token `k` (mentions are no tokens:
    /// "@user lol" opens with its laugh).
    pub(super) fn words_before(&self, k: usize) -> bool {
        (0..k).any(|j| self.is_word(j))
    }

    /// The first token of the sentence holding token `k`.
    pub(super) fn sentence_start(&self, k: usize) -> usize {
        (0..=k).rev().find(|&j| self.opens_sentence(j)).unwrap_or(0)
    }

    /// The token that ends the sentence after token `from` (a full stop, an
    /// exclamation or a question mark, an ellipsis; past the last token at
    /// the text's end), and whether it is a question mark that asks: a
    /// statement closed by a tag question ("Great match, wasn't it?") asks
    /// nothing (see [`Reading::tag_before`]).
    pub(super) fn sentence_after(&self, from: usize) -> (usize, bool) {
        for k in from + 1..self.tokens.len() {
            if let Some(asks) = self.ends_sentence(k) {
                return (k, asks && self.tag_before(k).is_none_or(|tag| tag <= from));
            }
        }
        (self.tokens.len(), false)
    }

    /// Where the tag question that closes the sentence ending at the
    /// question mark `end` begins, if it has one: the words of one of
    /// [`TAGS`], or of an auxiliary, an optional "n't" and a pronoun ("isn't
    /// it", "did you"), right after a comma with words of the statement
    /// before it (a Spanish "¿" is no token).
    pub(super) fn tag_before(&self, end: usize) -> Option<usize> {
        let last = end.checked_sub(1).filter(|&j| self.is_word(j))?;
        let auxiliary = || {
            let before = last.checked_sub(1)?;
            let auxiliary = match self.is_one_of(before, &["n't"]) {
                true => before.checked_sub(1)?,
                false => before,
            };
            (self.is_one_of(last, &TAG_PRONOUNS) && self.is_one_of(auxiliary, &TAG_AUXILIARIES))
                .then_some(auxiliary)
        };
        let first = self.one_phrase_to(last, &TAGS, 4).or_else(auxiliary)?;
        let comma = first.checked_sub(1)?;
        (self.written(comma) == "," && comma.checked_sub(1).is_some_and(|j| self.is_word(j)))
            .then_some(first)
    }

    /// Whether the word at `k` is in a tag question (see
    /// [`Reading::tag_before`]).
    fn in_tag(&self, k: usize) -> bool {
        (k + 1..self.tokens.len().min(k + 5))
            .find(|&j| !self.is_word(j))
            .filter(|&end| self.ends_sentence(end) == Some(true))
            .and_then(|end| self.tag_before(end))
            .is_some_and(|first| first <= k)
    }

    /// Moves `until` to the end of the sentence holding token `last`,
    /// unless it is there already: a sentence's end is looked for once,
    /// however many requests it holds.
    pub(super) fn reach_sentence_end(&self, until: &mut usize, last: usize) {
        if last >= *until {
            *until = self.sentence_after(last).0;
        }
    }

    /// Where `phrase` ends when the words from `start` on spell it (one
    /// word to each space, ignoring ASCII case): the index of its last
    /// word.
    #[inline]
    pub(super) fn spelled_from(&self, start: usize, phrase: &str) -> Option<usize> {
        // Word by word, without splitting the phrase: most are one word, and
        // most words differ at once in length.
        let (mut rest, mut at) = (phrase, start);
        loop {
            if self.tokens.get(at)?.kind != Kind::Word {
                return None;
            }
            let word = self.lower(at);
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

    /// Whether the token at `j` is a "why": one of [`WHY`], or the "qué"
    /// of "por qué" (also written "por que").
    pub(super) fn is_why(&self, j: usize) -> bool {
        self.tokens[j].kind == Kind::Word
            && (one_of(self.lower(j), &WHY)
                || (one_of(self.lower(j), &["qué", "que"])
                    && j.checked_sub(1)
                        .is_some_and(|p| self.lower(p).eq_ignore_ascii_case("por"))))
    }

    /// Whether the words from token `j` open a how-to question: the writer
    /// asks how to do something ("how do I cancel", "comment résilier",
    /// "¿cómo pido un reembolso?", "is there a way to return"), and the
    /// words that follow name the task, not something that went wrong;
    /// or how long a task takes ("how long does a refund take?", "combien
    /// de temps prend un remboursement ?", "¿cuánto tarda un reembolso?").
    /// Only the first persons ask so: "how could you charge me twice?" and
    /// "¿cómo es posible?" reproach.
    pub(super) fn opens_how_to(&self, j: usize) -> bool {
        if !self.is_word(j) {
            return false;
        }
        // The word at `k`, or nothing.
        let word = |k: usize| if self.is_word(k) { self.lower(k) } else { "" };
        let (next, after) = (word(j + 1), word(j + 2));
        let spanish = || one_of(next, &HOW_ES) || first_person(next);
        match self.lower(j) {
            "how" if next == "to" => true,
            "how" if next == "long" => one_of(after, &["does", "do", "will", "would", "should"]),
            "combien" => next == "de" && after == "temps",
            "cuánto" | "cuanto" => one_of(next, &["tarda", "tardan", "se", "suele"]),
            "how" | "where" => one_of(next, &HOW_MODALS) && one_of(after, &HOW_ASKERS),
            "comment" => one_of(next, &HOW_FR) || infinitive_like(next),
            "où" => one_of(next, &HOW_FR),
            "cómo" | "dónde" => spanish(),
            // Unaccented, "como" and "donde" are also "like" and "where" in
            // a statement: only where a sentence opens.
            "como" | "donde" if self.opens_sentence(j) => spanish(),
            word if one_of(word, &HOW_PHRASE_OPENERS) => self.one_phrase_from(j, &HOW_PHRASES),
            _ => false,
        }
    }

    /// Whether the words from token `j` open a question of reproach: a
    /// "why" (see [`Reading::is_why`]), or one of [`REPROACHES`] ("how
    /// could you", "comment osez-vous", "cómo es posible").
    pub(super) fn opens_reproach(&self, j: usize) -> bool {
        self.is_why(j)
            || (one_of(self.lower(j), &REPROACH_OPENERS) && self.one_phrase_from(j, &REPROACHES))
    }

    /// Whether the sentence holding token `k` opens with one of
    /// [`CONCLUDING`] ("So I'm supposed to...?", "Donc je dois...?", "¿O
    /// sea que...?"): asked, it draws a consequence, and reproaches when
    /// what it draws is bad.
    pub(super) fn concludes(&self, k: usize) -> bool {
        let start = self.sentence_start(k);
        self.is_one_of(start, &CONCLUDING_OPENERS) && self.one_phrase_from(start, &CONCLUDING)
    }

    /// Whether the words from token `j` spell one of `phrases`.
    pub(super) fn one_phrase_from(&self, j: usize, phrases: &[&str]) -> bool {
        phrases
            .iter()
            .any(|phrase| self.spelled_from(j, phrase).is_some())
    }

    /// Where one of `phrases`, of at most `words` words, starts when it
    /// ends at the token `last` ("would have been" before "nice", "tuve
    /// que" before "reclamar").
    pub(super) fn one_phrase_to(
        &self,
        last: usize,
        phrases: &[&str],
        words: usize,
    ) -> Option<usize> {
        (last.saturating_sub(words - 1)..=last).find(|&start| {
            phrases
                .iter()
                .any(|p| self.spelled_from(start, p) == Some(last))
        })
    }

    /// The token before `k`, past one of `words` if that is what stands
    /// there: the subject before "ne peux" past its "ne", the obligation
    /// before "le relancer" past its pronoun.
    pub(super) fn before_past(&self, k: usize, words: &[&str]) -> Option<usize> {
        let p = k.checked_sub(1)?;
        match self.is_one_of(p, words) {
            true => p.checked_sub(1),
            false => Some(p),
        }
    }

    /// Whether the verb of contact at `verb` tells of one of the
    /// customer's own people contacting them ("my mom called me three
    /// times", "ma mère m'a appelé trois fois", "mi hermano me ha escrito
    /// cinco veces"): one of [`KIN`] among the few words before it, and
    /// the customer its object ([`CONTACTED_ME`]), right after it or
    /// between the two. "My husband called you three times" is an errand
    /// to the service, and so is "you called me three times".
    pub(super) fn contacted_by_kin(&self, verb: usize) -> bool {
        const REACH: usize = 4;
        let before = (verb.saturating_sub(REACH)..verb)
            .rev()
            .take_while(|&j| self.is_word(j));
        let mut object = self.is_one_of(verb + 1, &CONTACTED_ME);
        for j in before {
            if self.is_one_of(j, &KIN) {
                return object;
            }
            object |= self.is_one_of(j, &CONTACTED_ME);
        }
        false
    }

    /// Whether the negator at `k` goes with "think" and the like, next to
    /// it on either side ("don't think", "ne pense pas", "pense pas").
    pub(super) fn raises(&self, k: usize) -> bool {
        let raising =
            |t: &Tok| t.kind == Kind::Word && one_of(&self.text[t.start..t.end], &RAISING);
        self.tokens.get(k + 1).is_some_and(raising)
            || k.checked_sub(1)
                .and_then(|j| self.tokens.get(j))
                .is_some_and(raising)
    }

    /// Whether the contrast word at `k` contrasts where it stands: "yet"
    /// is also an adverb of time ("no reply yet", "yet another delay"), a
    /// contrast only where it opens a clause that goes on ("cheap, yet it
    /// works", "and yet", "Yet it fails").
    pub(super) fn contrasts_here(&self, k: usize) -> bool {
        if !one_of(self.lower(k), &TIME_OR_CONTRAST) {
            return true;
        }
        let opens = k.checked_sub(1).is_none_or(|j| {
            self.tokens[j].kind == Kind::Boundary || one_of(self.lower(j), &["and"])
        });
        let goes_on =
            self.is_word(k + 1) && !one_of(self.lower(k + 1), &["another", "again", "more"]);
        opens && goes_on
    }

    /// Whether the thanks at `k` open a request: "merci de/d'" then a
    /// pronoun or a verb.
    pub(super) fn asks_politely(&self, k: usize) -> bool {
        let word = |j: usize| self.is_word(j).then(|| self.lower(j));
        if !one_of(self.lower(k), &THANKS_THAT_ASK) || !self.followed_by(k, &DE) {
            return false;
        }
        // The verb, after its pronouns and "bien": a request unless it is
        // the auxiliary of a past infinitive.
        let mut j = k + 2;
        while j < k + 5 && word(j).is_some_and(|w| one_of(w, &REQUEST_OPENERS)) {
            j += 1;
        }
        match word(j) {
            Some(w) if one_of(w, &DONE) => false,
            Some(w) if infinitive_like(w) => true,
            _ => j > k + 2,
        }
    }

    /// Whether the word at `k`, one of the lexicon's `[verbs]`, is a verb
    /// here: its subject (or a modal, or "to") before it, with at most a
    /// few adverbs, auxiliaries and negations between (see
    /// [`BEFORE_A_VERB`]). A sentence that opens with an adverb or an
    /// auxiliary that only a verb takes has dropped its subject ("Really
    /// like the new cups", "Don't like the new app"); not one that opens
    /// with a word that also goes before a "like" that compares ("Just
    /// like last year": see [`NOT_ONLY_BEFORE_A_VERB`]).
    pub(super) fn verb_here(&self, k: usize) -> bool {
        let mut j = k;
        let mut only_a_verb = false;
        for _ in 0..=BETWEEN_REACH {
            if j.checked_sub(1)
                .is_none_or(|b| self.tokens[b].kind != Kind::Word)
            {
                return only_a_verb && self.opens_sentence(j);
            }
            let before = j - 1;
            if one_of(self.lower(before), &BEFORE_A_VERB) {
                return true;
            }
            if !one_of(self.lower(before), &BETWEEN_SUBJECT_AND_VERB) {
                return false;
            }
            only_a_verb |= !one_of(self.lower(before), &NOT_ONLY_BEFORE_A_VERB);
            j = before;
        }
        false
    }

    /// Whether the word at `k` opens its clause, as one of the lexicons'
    /// `[openers]` must: it is the text's first, or comes after a boundary,
    /// an emoji, a line break or one of [`BEFORE_AN_OPENER`].
    pub(super) fn opens_clause(&self, k: usize) -> bool {
        let mut k = k;
        loop {
            let Some(before) = k.checked_sub(1) else {
                return true;
            };
            if self.tokens[before].kind != Kind::Word
                || self.text[self.tokens[before].end..self.tokens[k].start].contains('\n')
            {
                return true;
            }
            if !one_of(self.lower(before), &BEFORE_AN_OPENER) {
                return false;
            }
            k = before;
        }
    }

    /// Whether the negator at `k` negates nothing here: the French noun
    /// "pas", a step, after one of [`BEFORE_A_STEP`] ("un grand pas en
    /// avant", "le premier pas"); the Spanish "nada más" before an
    /// infinitive, "as soon as" ("Nada más llegar nos atendieron genial");
    /// "personne pour", "personne à" after an article or an adjective, and
    /// "personne" alone there or before its "ne" (see
    /// [`Reading::nobody_at`]);
    /// and a negation in a tag question ("isn't it?", "¿no?").
    pub(super) fn negates_nothing(&self, k: usize) -> bool {
        if self.in_tag(k) {
            return true;
        }
        match self.lower(k) {
            "pas" => k
                .checked_sub(1)
                .is_some_and(|d| self.is_one_of(d, &BEFORE_A_STEP)),
            // "Personne pour", "personne à" are a noun after an article or
            // an adjective ("une personne pour m'aider", "la bonne personne
            // à qui parler").
            "pour" | "à" => k.checked_sub(1).is_some_and(|p| !self.nobody_at(p)),
            // "Personne" alone is "nobody" where it opens its clause or
            // follows a word that may stand before it ("personne répond",
            // "et personne me rappelle", "pourquoi personne répond ?");
            // after any other word it is "a person" ("une personne m'a
            // aidé", "j'ai vu personne" aside), and before "ne" that "ne"
            // negates.
            "personne" => self.is_one_of(k + 1, &["ne", "n"]) || !self.nobody_at(k),
            "nada" => {
                self.is_one_of(k + 1, &["más", "mas"])
                    && self.is_word(k + 2)
                    && is_infinitive(self.lower(k + 2))
            }
            _ => false,
        }
    }

    /// Whether the words right before token `k` thank for what it names:
    /// "thanks for", "thank you for", "merci pour", "gracias por", with at
    /// most a determiner between ("thanks for the refund", "merci pour mon
    /// remboursement"). Not thanks in advance ("thanks in advance for
    /// refunding me", "gracias de antemano por"), nor "merci de", which
    /// asks ("merci de me rembourser").
    pub(super) fn thanked_for(&self, k: usize) -> bool {
        let thanks = self
            .before_past(k, &DETERMINERS)
            .filter(|&j| self.is_one_of(j, &THANKED_FOR))
            .and_then(|j| j.checked_sub(1));
        thanks.is_some_and(|t| {
            self.is_one_of(t, &THANKS_WORDS)
                || (self.is_one_of(t, &["you"])
                    && t.checked_sub(1)
                        .is_some_and(|p| self.is_one_of(p, &["thank"])))
        })
    }

    /// Whether the French "personne" at `k` may be "nobody" without its
    /// "ne": it opens its clause, or follows a word that may stand before
    /// it ([`BEFORE_NOBODY`], [`BEFORE_SUBJECT_NOBODY`]: "toujours
    /// personne", "y a personne", "pourquoi personne"). After an article or
    /// an adjective it is "a person" ("une personne", "la bonne personne").
    fn nobody_at(&self, k: usize) -> bool {
        k.checked_sub(1).is_none_or(|d| {
            !self.is_word(d)
                || self.is_one_of(d, &BEFORE_NOBODY)
                || self.is_one_of(d, &BEFORE_SUBJECT_NOBODY)
        })
    }

    /// Whether the word at `k`, one of the lexicons' `[fillers]`, is one
    /// here: it opens a sentence, or follows a conjunction
    /// ([`BEFORE_FILLER`]: "pero bueno", "et bon"), and pauses ("Bon,
    /// j'attends toujours mon colis", "Bueno, sigo esperando"), as "well"
    /// does, and judges nothing.
    pub(super) fn filler(&self, k: usize) -> bool {
        let after = &self.text[self.tokens[k].end..];
        (self.opens_sentence(k)
            || k.checked_sub(1)
                .is_some_and(|c| self.is_one_of(c, &BEFORE_FILLER)))
            && (after.starts_with([',', '…'])
                || after.starts_with("...")
                || (self.is_word(k + 1) && one_of(self.lower(k + 1), &FILLERS)))
    }

    /// Whether the word at `k`, one of [`GOOD_AS_MEASURE`], measures here
    /// rather than praises: after an indefinite article and before a
    /// number or one of [`MEASURES`] ("I waited a good hour", "une bonne
    /// partie de la journée", "unos buenos 20 minutos"), or before one of
    /// [`MEASURED_SPANS`] not spent well ("ça fait un bon moment que
    /// j'attends", not "on a passé un bon moment").
    pub(super) fn measures(&self, k: usize) -> bool {
        let indefinite =
            |a: usize| self.is_one_of(a, &INDEFINITES) || self.is_one_of(a, &ENGLISH_INDEFINITES);
        if !self.is_one_of(k, &GOOD_AS_MEASURE)
            || !k.checked_sub(1).is_some_and(indefinite)
            || !self.is_word(k + 1)
        {
            return false;
        }
        let next = self.lower(k + 1);
        if digits(next) || one_of(next, &MEASURES) {
            return true;
        }
        let spent_well = |v: usize| {
            let verb = self.lower(v);
            one_of(verb, &SPAN_WELL_SPENT) || verb.starts_with("pas")
        };
        one_of(next, &MEASURED_SPANS)
            && !k
                .checked_sub(2)
                .is_some_and(|v| self.is_word(v) && spent_well(v))
            && !self.is_one_of(k + 2, &TOOK_FOR)
    }

    /// Whether the word at `k` stands in what is demanded: in the noun
    /// phrase right after one of [`DEMANDING`] and its determiner, as its
    /// first or second word ("I want a quick refund", "je veux une réponse
    /// rapide", "exijo una solución inmediata", "I need my problem
    /// fixed"). Praise there names what is missing, not what came. The
    /// verb is an [`Errand::Demanding`], the errand the scan waits for
    /// before it asks: not the words of [`DEMANDING`] that also wish well
    /// or hope ("je vous souhaite une bonne journée", "espero un buen
    /// día", "j'attends un bon film"), nor "pedimos", first an order.
    pub(super) fn demanded(&self, k: usize) -> bool {
        (2..=3).any(|back| {
            k.checked_sub(back).is_some_and(|d| {
                self.errand(d) == Some(Errand::Demanding)
                    && (self.is_one_of(d + 1, &DETERMINERS) || self.is_one_of(d + 1, &INDEFINITES))
                    && (d + 2..k).all(|j| self.is_word(j))
            })
        })
    }

    /// Whether the word at `k` is in what the writer apologizes for of
    /// their own, in its clause: one of [`SORRY`], then "for" (or "pour"),
    /// then one of [`MY_OWN`] at most [`OWN_REGRET_REACH`] words before it
    /// ("Sorry for my angry message earlier", "désolée pour mon message
    /// énervé"), or that apology itself. What the writer regrets of their
    /// own is no complaint of the service. The scan asks only after an
    /// [`Errand::Apologizing`].
    pub(super) fn own_regret(&self, k: usize) -> bool {
        // The shortest list first: most words are none of them.
        let apology = |sorry: usize| {
            (self.is_one_of(sorry + 1, &APOLOGY_FOR) || self.is_one_of(sorry + 1, &["pour"]))
                && self.is_one_of(sorry + 2, &MY_OWN)
                && self.is_one_of(sorry, &SORRY)
        };
        apology(k)
            || (k.saturating_sub(OWN_REGRET_REACH)..k)
                .rev()
                .take_while(|&j| self.is_word(j))
                .any(|mine| mine.checked_sub(2).is_some_and(apology))
    }

    /// Whether the word at `k` longs for what follows: one of
    /// [`LOOKING_FORWARD`] ("can't wait", "vivement", "qué ganas") or of
    /// [`WISHING`] ("ojalá").
    pub(super) fn longs(&self, k: usize) -> bool {
        self.is_one_of(k, &LOOKING_FORWARD) || self.is_one_of(k, &WISHING)
    }

    /// Whether an item of praise that is also an intensifier, tokens
    /// `first..=last` ending with one of [`DEGREE_PRAISE`], says only how
    /// much of the word right after it, a word that weighs nothing: after
    /// being, in it ("c'est super long") or right before it ("le délai est
    /// super long", "la espera es súper larga"), before a word that is no
    /// item (`next_item`, where the next item starts) and opens no
    /// complement ([`AFTER_PRAISE`]: "c'est super de vous revoir"). Or,
    /// alone, right after a noun: after a word that is no determiner, no
    /// tag, and neither an intensifier nor an item (`plain_before`, which
    /// the caller knows): "livraison super longue", "envío súper largo";
    /// not "un super produit", "vraiment super produit", "merci, super
    /// boulot".
    pub(super) fn degree_of_nothing(
        &self,
        first: usize,
        last: usize,
        next_item: Option<usize>,
        plain_before: bool,
    ) -> bool {
        let after = last + 1;
        let after_noun = || {
            first == last
                && plain_before
                && first.checked_sub(1).is_some_and(|b| {
                    self.is_word(b)
                        && !self.tokens[b].tag
                        && !self.is_one_of(b, &DETERMINERS)
                        && !self.is_one_of(b, &INDEFINITES)
                        && !self.is_one_of(b, &AFTER_PRAISE)
                })
        };
        self.is_one_of(last, &DEGREE_PRAISE)
            && self.is_word(after)
            && next_item != Some(after)
            && !self.is_one_of(after, &AFTER_PRAISE)
            && !self.is_one_of(after, &DETERMINERS)
            && !self.is_one_of(after, &INDEFINITES)
            && ((first.saturating_sub(1)..last).any(|j| self.is_one_of(j, &BEING)) || after_noun())
    }

    /// Whether "se" at `k` (after "no") is the pronoun of a verb ("no se
    /// puede acceder a mi cuenta", "no se me enciende", "no se lo han
    /// devuelto") rather than "sé" written without its accent ("no se que
    /// pasa", "no se nadar", "no se, la verdad"): what follows is a verb
    /// or another pronoun, not a boundary, an infinitive, a question word,
    /// a preposition or an article ([`KNOWN_AFTER`]), nor "lo que".
    pub(super) fn pronoun_se(&self, k: usize) -> bool {
        if self.lower(k) != "se" || !self.is_word(k + 1) {
            return false;
        }
        let next = self.lower(k + 1);
        let known = one_of(next, &KNOWN_AFTER)
            || is_infinitive(next)
            || (next == "lo" && self.is_one_of(k + 2, &["que", "q"]));
        !known
    }

    /// Whether the text is written all in capitals, where "shouting" means
    /// nothing: the words have letters and none of them lowercase.
    pub(super) fn all_caps(&self) -> bool {
        let mut any = false;
        let mut lower_seen = false;
        for i in (0..self.tokens.len()).filter(|&i| self.tokens[i].kind == Kind::Word) {
            let t = self.written(i);
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
    }
}

/// How many `!` and `?` a text holds, eight bytes at a time.
pub(super) fn count_bangs_and_questions(bytes: &[u8]) -> (usize, usize) {
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
pub(super) fn is_shouted(word: &str) -> bool {
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
pub(super) fn is_elongated(word: &str) -> bool {
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
pub(super) fn collapse(word: &str, two: &mut String, one: &mut String) -> bool {
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

/// Whether a Spanish word looks like a verb in the first person singular
/// of the present ("cancelo", "pido", "devuelvo"), after "cómo".
fn first_person(word: &str) -> bool {
    word.len() > 3 && word.ends_with('o') && word != "como"
}

/// Whether a Spanish word is an infinitive, with or without a pronoun
/// joined to it ("llegar", "abrirlo", "recibirla").
pub(super) fn is_infinitive(word: &str) -> bool {
    ends_as_infinitive(without_enclitic(word).unwrap_or(word))
}

/// Whether a Spanish word ends as an infinitive does, past its first two
/// letters ("dar", "oír"; not "ir", "ar").
fn ends_as_infinitive(word: &str) -> bool {
    word.chars().count() > 2 && ["ar", "er", "ir", "ír"].iter().any(|e| word.ends_with(e))
}

/// A Spanish infinitive without the pronoun joined to it ("haberlo",
/// "abrirla", "avisarme" are "haber", "abrir", "avisar"), if the word is
/// one. Not "te" nor "os", which end too many other words ("parte",
/// "claros").
pub(super) fn without_enclitic(word: &str) -> Option<&str> {
    // Most words fail at once: no "r" before what would be the pronoun.
    ["los", "las", "lo", "la", "le", "les", "me", "nos", "se"]
        .iter()
        .find_map(|p| word.strip_suffix(p).filter(|b| b.ends_with('r')))
        .filter(|b| ends_as_infinitive(b))
}
