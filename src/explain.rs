//! One shape for explanations, shared by every score the crate computes.
//!
//! A score is the sum of its [`Contribution`]s (after a normalisation each
//! scorer documents), so a person can see which words, signals or rules
//! moved it and by how much, and a user interface can highlight the input
//! each one came from.

use std::fmt;
use std::ops::Range;

/// What produced a contribution.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Factor {
    /// A word or phrase of the lexicon, as written in the input.
    Lexicon {
        /// The matched text.
        text: String,
    },
    /// An emoji or emoticon.
    Emoji {
        /// The matched text.
        text: String,
    },
    /// Exclamation or question marks.
    Punctuation,
    /// A named rule that added or changed something on its own.
    Rule {
        /// The rule's identifier, e.g. `irony`.
        id: &'static str,
    },
}

impl fmt::Display for Factor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Factor::Lexicon { text } => write!(f, "“{text}”"),
            Factor::Emoji { text } => write!(f, "{text}"),
            Factor::Punctuation => f.write_str("punctuation"),
            Factor::Rule { id } => write!(f, "rule {id}"),
        }
    }
}

/// A rule that changed a contribution's value, in the order applied.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Modifier {
    /// Inverted and damped by a negation ("pas", "not", "no"), or by what
    /// says it is lacking ("lack of respect", "manque de suivi", "falta
    /// de profesionalidad").
    Negated,
    /// Made stronger by an intensifier ("très", "very", "muy").
    Boosted,
    /// Made weaker by a softener ("un peu", "kind of", "algo").
    Damped,
    /// Written in capitals in a text that is not all capitals.
    Capitals,
    /// Letters repeated for emphasis ("sooooo", "nuuuul").
    Elongated,
    /// Before a contrast word ("but", "mais", "pero"): weighs less.
    BeforeContrast,
    /// After a contrast word: weighs more.
    AfterContrast,
    /// In a concession ("although the box was damaged", "bien que",
    /// "aunque"), the clause that matters less: weighs as much as before a
    /// contrast word.
    Concession,
    /// Praise turned into reproach by irony ("bravo 👏" after a complaint,
    /// "thanks for losing my order").
    Irony,
    /// In a sentence that asks ("is it any good?"): weighs less.
    Question,
    /// Stressed, not negated, by "never" with an intensifier between
    /// ("never been so happy", "jamais été aussi", "nunca tan"), or by
    /// what cannot be done enough or better ("can't thank you enough",
    /// "couldn't be more pleased", "je ne vous remercierai jamais assez").
    Stressed,
    /// Thanks that open a polite request ("merci de me rembourser"), or
    /// praise in a sentence that thanks in advance ("merci d'avance pour une
    /// réponse rapide"): the thing is not done yet, so they count for
    /// nothing.
    Request,
    /// A problem said to be solved ("problème résolu", "thanks for fixing
    /// my issue", "resolvieron mi problema"), something lost said to be
    /// found ("le colis perdu est enfin arrivé"), or a refund agreed to
    /// ("they agreed to refund me"): no longer a complaint.
    Solved,
    /// Whom praise is for ("thanks to your manager", "merci à votre
    /// responsable"): the manager is thanked, not asked for, so the words
    /// count for nothing and call for nobody.
    Thanked,
    /// The sign-off that closes a letter ("Best, Tom", "Belle journée,
    /// Léa", "Un abrazo, Ana"): a formula, whatever it wishes.
    SignOff,
    /// A status that should pass, still there or there for a while ("still
    /// processing", "en préparation depuis 40 minutes", "lleva 12 días en
    /// tránsito"), or news asked for after a while ("Any update? It has
    /// been a week.", "¿Alguna novedad? Lo pedí hace dos semanas."): a
    /// delay, and a complaint.
    Lasting,
    /// What a how-to question asks how to do ("how do I cancel my
    /// subscription?", "comment obtenir un remboursement ?", "¿cómo pido
    /// un reembolso?"): a task, not a grievance, so it counts for nothing.
    Task,
    /// What would have been good, said after the fact ("would have been
    /// nice", "un mot d'excuse aurait été appréciable", "habría estado
    /// bien"): a reproach, inverted and damped as by a negation.
    Unmet,
    /// In a condition of a question ("what happens if my parcel is
    /// damaged?", "si l'article est défectueux, ai-je droit à un
    /// remboursement ?"): a case asked about, not a grievance, so it counts
    /// for nothing.
    Supposed,
    /// What the customer was told would be done ("I was told it would be
    /// fixed", "on m'a dit que ce serait réglé", "me dijeron que lo
    /// arreglarían"): a promise reported, not a praise of what was done,
    /// so it counts for nothing.
    Promised,
    /// Crying beside thanks or praise, with nothing to complain of ("😭
    /// thank you so much, you saved my trip", "😭😭 merci, c'est
    /// magnifique"): tears of joy, so it counts for nothing.
    Moved,
    /// What could have been bad, said after the fact ("it could have been
    /// worse", "ça aurait pu être bien pire", "podría haber sido mucho
    /// peor"): relief, not a grievance, so it counts for nothing.
    Averted,
    /// A good quality said of another, more than of the service ("even the
    /// post office is faster than you", "un robot serait plus utile que
    /// vous", "hasta Correos es más rápido que vosotros"): the service
    /// does worse, so it reproaches, inverted.
    Outdone,
    /// The customer's own mistake, a wrong choice they made ("I ordered
    /// the wrong size", "j'ai commandé la mauvaise taille", "elegí la
    /// talla equivocada"), or their own delay ("I still haven't replied",
    /// "aún no hemos contestado"): a case to fix, not a grievance, so it
    /// counts for nothing.
    Own,
    /// A bad thing fought, prevented or lessened ("the fight against
    /// pollution", "réduire les déchets", "moins cher", "la lucha contra
    /// la corrupción") or in decline ("unemployment fell", "le chômage
    /// recule"): opposing it is good, so it is inverted as by a negation
    /// (the "contextual valence shifters" of Polanyi and Zaenen); the word
    /// of its decline weighs nothing.
    Opposed,
}

impl fmt::Display for Modifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Modifier::Negated => "negated",
            Modifier::Boosted => "boosted",
            Modifier::Damped => "damped",
            Modifier::Capitals => "capitals",
            Modifier::Elongated => "elongated",
            Modifier::BeforeContrast => "before a contrast",
            Modifier::AfterContrast => "after a contrast",
            Modifier::Concession => "in a concession",
            Modifier::Irony => "irony",
            Modifier::Question => "in a question",
            Modifier::Stressed => "stressed, not negated",
            Modifier::Request => "a polite request, not praise",
            Modifier::Solved => "solved, no longer a complaint",
            Modifier::Thanked => "thanked, not asked for",
            Modifier::SignOff => "a sign-off",
            Modifier::Lasting => "lasting: a delay",
            Modifier::Task => "the task a how-to question asks about",
            Modifier::Unmet => "what would have been good: a reproach",
            Modifier::Supposed => "a case asked about",
            Modifier::Promised => "what was promised, not done",
            Modifier::Moved => "tears of joy",
            Modifier::Averted => "what could have been bad: relief",
            Modifier::Own => "the customer's own mistake",
            Modifier::Opposed => "a bad thing fought or lessened",
            Modifier::Outdone => "another does better than the service",
        })
    }
}

/// One part of a score.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Contribution {
    /// What produced it.
    pub factor: Factor,
    /// The byte range of the input it comes from, if any.
    pub span: Option<Range<usize>>,
    /// The base value before any rule: a lexicon's valence, or the raw
    /// figure of an influence signal (before its log and weight).
    pub base: f64,
    /// The rules that changed it, in order.
    pub modifiers: Vec<Modifier>,
    /// The signed amount it adds to the score.
    pub value: f64,
}

impl fmt::Display for Contribution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:+.3}  {}", self.value, self.factor)?;
        if let Some(span) = &self.span {
            write!(f, " at {}..{}", span.start, span.end)?;
        }
        if self.modifiers.is_empty() {
            write!(f, " (base {:+.2})", self.base)
        } else {
            let rules: Vec<String> = self.modifiers.iter().map(ToString::to_string).collect();
            write!(f, " (base {:+.2}, {})", self.base, rules.join(", "))
        }
    }
}

/// Why a score is what it is: its contributions, and notes on decisions
/// that added nothing by themselves (the language chosen, words ignored).
#[derive(Debug, Clone, Default, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Explanation {
    /// The parts, in input order; their values add up to the raw score.
    pub contributions: Vec<Contribution>,
    /// Remarks for a person.
    pub notes: Vec<String>,
}

impl Explanation {
    /// The sum of the contributions' values.
    pub fn total(&self) -> f64 {
        self.contributions.iter().map(|c| c.value).sum()
    }
}

impl fmt::Display for Explanation {
    /// One contribution per line, then the notes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.contributions {
            writeln!(f, "  {c}")?;
        }
        for note in &self.notes {
            writeln!(f, "  note: {note}")?;
        }
        Ok(())
    }
}
