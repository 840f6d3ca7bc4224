//! What to answer: reply templates per language and situation, the rules of
//! engagement that choose them, and a check of an agent's draft.
//!
//! - [`Templates`] hold a text per [`Situation`] and language, with
//!   placeholders such as `{customer.first_name}`, `{agent.name}` or `{due}`
//!   and a signature with the agent's own name ("Eric Dupont", never
//!   "Service Client"). [`Template::render`] fills them or fails with a typed
//!   error naming every missing variable: never a half-rendered text.
//! - [`advise`] chooses the situation from the customer's sentiment,
//!   persona, the channel's visibility and any crisis, in the customer's
//!   language, with the moderation [`Guidance`] every desk should follow:
//!   never delete or hide a public complaint (it only spreads it further),
//!   answer publicly first and then offer a private channel, never threaten.
//! - [`check_reply`] flags a draft that breaks a rule: the wrong language, a
//!   threat to delete, block or sue, no agent's name, personal data in a
//!   public answer; each with its reason and where it is.
//!
//! ```
//! use social_crm::reply::{advise, ReplyContext, Situation, Templates, Vars};
//! use social_crm::sentiment::Analyzer;
//! use social_crm::{Language, Visibility};
//!
//! let sentiment = Analyzer::default().score("Toujours pas reçu ma commande, 3 semaines !!! Nul.", None);
//! let context = ReplyContext::new(Visibility::Public, sentiment).with_language(Language::FRENCH);
//! let advice = advise(&context);
//! assert_eq!(advice.situation, Situation::Angry);
//! assert_eq!(advice.follow_up, Some(Situation::MovePrivate));
//!
//! let templates = Templates::builtin();
//! let text = templates
//!     .get(advice.situation, advice.language)
//!     .unwrap()
//!     .render(
//!         &Vars::new()
//!             .set("customer.first_name", "Léa")
//!             .set("agent.name", "Eric Dupont")
//!             .set("due", "18:30"),
//!     )?;
//! assert!(text.starts_with("Bonjour Léa") && text.ends_with("Eric Dupont"));
//! # Ok::<(), social_crm::Error>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Agent, Language, Potentials, Visibility};
use crate::privacy::find_pii;
use crate::sentiment::{detect_language, Label, Sentiment};

word_enum! {
    /// What a reply answers.
    pub enum Situation ("situation") {
        /// A first, neutral contact.
        Greeting => "greeting",
        /// An angry customer: apologise, take ownership, give a time.
        Angry => "angry",
        /// A disappointed customer: acknowledge, act, give a time.
        Disappointed => "disappointed",
        /// A happy customer: thank, and invite to become an ambassador.
        Happy => "happy",
        /// A question: answer, or say when.
        Question => "question",
        /// During a crisis: a holding statement, no speculation.
        CrisisHolding => "crisis-holding",
        /// Move the rest of the conversation to a private channel.
        MovePrivate => "move-private",
    }
}

/// A reply text with placeholders, for one situation and language.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "TemplateFields"))]
pub struct Template {
    situation: Situation,
    language: Language,
    text: String,
    #[cfg_attr(feature = "serde", serde(skip))]
    pieces: Vec<Piece>,
}

/// A parsed piece of a template: literal text or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Var(String),
}

impl Template {
    /// The longest template text, in bytes (64 KiB: a reply is a few
    /// sentences, and templates are often read from files an operator
    /// edits).
    pub const MAX_LEN: usize = 64 * 1024;

    /// A template: `text` with placeholders written `{name}` (letters,
    /// digits, `_` and `.`), and `{{`, `}}` for literal braces.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidTemplate`] for an unclosed or empty placeholder,
    /// a stray `}`, or a name with other characters;
    /// [`ErrorKind::TooLarge`] for a text longer than
    /// [`Template::MAX_LEN`].
    pub fn new(situation: Situation, language: Language, text: &str) -> Result<Template> {
        if text.len() > Template::MAX_LEN {
            return Err(ErrorKind::TooLarge {
                what: "reply template",
                size: text.len() as u64,
                limit: Template::MAX_LEN as u64,
            }
            .into());
        }
        let pieces = parse(text).map_err(|reason| {
            Error::from(ErrorKind::InvalidTemplate {
                template: format!("{situation}/{language}"),
                reason,
            })
        })?;
        Ok(Template {
            situation,
            language,
            text: text.to_owned(),
            pieces,
        })
    }

    /// The situation it answers.
    pub fn situation(&self) -> Situation {
        self.situation
    }

    /// Its language.
    pub fn language(&self) -> Language {
        self.language
    }

    /// The text as written, placeholders included.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The placeholders it uses, each once, in order of first use.
    pub fn placeholders(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for p in &self.pieces {
            if let Piece::Var(name) = p {
                if !names.contains(&name.as_str()) {
                    names.push(name);
                }
            }
        }
        names
    }

    /// The text with every placeholder filled from `vars`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::MissingVariables`] naming every placeholder `vars` does
    /// not fill (or fills with a blank value); nothing is rendered then.
    pub fn render(&self, vars: &Vars) -> Result<String> {
        let missing: Vec<String> = self
            .placeholders()
            .into_iter()
            .filter(|name| vars.get(name).is_none_or(|v| v.trim().is_empty()))
            .map(str::to_owned)
            .collect();
        if !missing.is_empty() {
            return Err(Error::from(ErrorKind::MissingVariables {
                template: format!("{}/{}", self.situation, self.language),
                missing,
            }));
        }
        let mut out = String::with_capacity(self.text.len() + 32);
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(t),
                Piece::Var(name) => out.push_str(vars.get(name).unwrap_or_default()),
            }
        }
        Ok(out)
    }
}

/// Splits a template into text and placeholders.
fn parse(text: &str) -> std::result::Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                chars.next();
                literal.push('}');
            }
            '}' => return Err(format!("a `}}` at byte {at} closes nothing (write `}}}}`)")),
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some((_, '}')) => break,
                        Some((_, c)) if c.is_ascii_alphanumeric() || c == '_' || c == '.' => {
                            name.push(c);
                        }
                        Some((_, c)) => {
                            return Err(format!(
                                "the placeholder at byte {at} holds `{c}`: use letters, digits, `_` and `.`"
                            ));
                        }
                        None => return Err(format!("the placeholder at byte {at} is not closed")),
                    }
                }
                if name.is_empty() {
                    return Err(format!("the placeholder at byte {at} is empty"));
                }
                if !literal.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut literal)));
                }
                pieces.push(Piece::Var(name));
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    Ok(pieces)
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFields {
    situation: Situation,
    language: Language,
    text: String,
}

#[cfg(feature = "serde")]
impl TryFrom<TemplateFields> for Template {
    type Error = Error;

    fn try_from(f: TemplateFields) -> Result<Template> {
        Template::new(f.situation, f.language, &f.text)
    }
}

/// The values that fill a template's placeholders.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vars(BTreeMap<String, String>);

impl Vars {
    /// No values.
    pub fn new() -> Vars {
        Vars::default()
    }

    /// Sets one value.
    pub fn set(mut self, name: &str, value: impl Into<String>) -> Vars {
        self.0.insert(name.to_owned(), value.into());
        self
    }

    /// The values a reply by `agent` to a customer called `customer_name`
    /// needs: `customer.first_name`, `customer.name`, `agent.name` and
    /// `agent.first_name`.
    pub fn for_reply(customer_name: &str, agent: &Agent) -> Vars {
        let first = customer_name
            .split_whitespace()
            .next()
            .unwrap_or(customer_name);
        Vars::new()
            .set("customer.name", customer_name)
            .set("customer.first_name", first)
            .set("agent.name", agent.name.clone())
            .set("agent.first_name", agent.first_name())
    }

    /// One value, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

/// Reply templates by situation and language.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Templates {
    templates: Vec<Template>,
}

/// The built-in texts: French, English and Spanish for every situation.
const BUILTIN: &[(Situation, &str, &str)] = &[
    (Situation::Greeting, "fr", "Bonjour {customer.first_name}, merci pour votre message. Je regarde cela tout de suite et je reviens vers vous. — {agent.name}"),
    (Situation::Angry, "fr", "Bonjour {customer.first_name}, je comprends votre colère et je vous présente nos excuses. Je prends votre dossier en main personnellement et je reviens vers vous avant {due}. — {agent.name}"),
    (Situation::Disappointed, "fr", "Bonjour {customer.first_name}, je suis navré que nous vous ayons déçu. Je m'en occupe et je vous réponds avant {due}. — {agent.name}"),
    (Situation::Happy, "fr", "Merci {customer.first_name}, votre message fait plaisir à toute l'équipe ! Aimeriez-vous tester nos prochaines nouveautés en avant-première ? — {agent.name}"),
    (Situation::Question, "fr", "Bonjour {customer.first_name}, merci pour votre question. Je vérifie et je vous réponds avant {due}. — {agent.name}"),
    (Situation::CrisisHolding, "fr", "Bonjour {customer.first_name}, nous avons bien lu votre message et nous sommes sincèrement désolés. Nous faisons le point et publierons une réponse complète avant {due}. — {agent.name}"),
    (Situation::MovePrivate, "fr", "{customer.first_name}, pour régler cela au plus vite sans exposer vos données, pouvez-vous m'écrire en message privé avec votre numéro de commande ? Je vous y attends. — {agent.name}"),
    (Situation::Greeting, "en", "Hi {customer.first_name}, thanks for your message. I'm looking into it right now and will get back to you. — {agent.name}"),
    (Situation::Angry, "en", "Hi {customer.first_name}, I understand why you are angry and I'm sorry. I'm taking your case personally and will get back to you by {due}. — {agent.name}"),
    (Situation::Disappointed, "en", "Hi {customer.first_name}, I'm sorry we let you down. I'm on it and will reply by {due}. — {agent.name}"),
    (Situation::Happy, "en", "Thank you {customer.first_name}, that made the whole team's day! Would you like to try our next products before anyone else? — {agent.name}"),
    (Situation::Question, "en", "Hi {customer.first_name}, thanks for asking. I'm checking and will answer by {due}. — {agent.name}"),
    (Situation::CrisisHolding, "en", "Hi {customer.first_name}, we have read your message and we are truly sorry. We are looking into what happened and will post a full answer by {due}. — {agent.name}"),
    (Situation::MovePrivate, "en", "{customer.first_name}, to sort this out quickly without sharing your details in public, could you send me a private message with your order number? I'll be there. — {agent.name}"),
    (Situation::Greeting, "es", "Hola {customer.first_name}, gracias por tu mensaje. Lo reviso ahora mismo y te contesto. — {agent.name}"),
    (Situation::Angry, "es", "Hola {customer.first_name}, entiendo tu enfado y te pido disculpas. Me encargo personalmente de tu caso y te respondo antes de {due}. — {agent.name}"),
    (Situation::Disappointed, "es", "Hola {customer.first_name}, siento mucho haberte decepcionado. Me ocupo de ello y te respondo antes de {due}. — {agent.name}"),
    (Situation::Happy, "es", "¡Gracias {customer.first_name}, nos has alegrado el día a todo el equipo! ¿Te gustaría probar nuestras próximas novedades antes que nadie? — {agent.name}"),
    (Situation::Question, "es", "Hola {customer.first_name}, gracias por tu pregunta. Lo compruebo y te respondo antes de {due}. — {agent.name}"),
    (Situation::CrisisHolding, "es", "Hola {customer.first_name}, hemos leído tu mensaje y lo sentimos de verdad. Estamos revisando lo ocurrido y publicaremos una respuesta completa antes de {due}. — {agent.name}"),
    (Situation::MovePrivate, "es", "{customer.first_name}, para resolverlo cuanto antes sin exponer tus datos, ¿puedes escribirme por mensaje privado con tu número de pedido? Te espero allí. — {agent.name}"),
];

impl Templates {
    /// No templates.
    pub fn new() -> Templates {
        Templates {
            templates: Vec::new(),
        }
    }

    /// The crate's templates: every [`Situation`] in French, English and
    /// Spanish, signed with the agent's name.
    pub fn builtin() -> Templates {
        let mut set = Templates::new();
        for &(situation, language, text) in BUILTIN {
            let language: Language = language.parse().expect("built-in language codes are valid");
            set = set
                .with(Template::new(situation, language, text).expect("built-in templates parse"));
        }
        set
    }

    /// The set with `template` added, replacing any for the same situation
    /// and language (a brand's own wording).
    pub fn with(mut self, template: Template) -> Templates {
        self.templates
            .retain(|t| !(t.situation == template.situation && t.language == template.language));
        self.templates.push(template);
        self
    }

    /// The template for a situation in a language, if the set has one.
    pub fn get(&self, situation: Situation, language: Language) -> Option<&Template> {
        self.templates
            .iter()
            .find(|t| t.situation == situation && t.language == language)
    }

    /// Every template.
    pub fn iter(&self) -> impl Iterator<Item = &Template> {
        self.templates.iter()
    }
}

impl Default for Templates {
    fn default() -> Templates {
        Templates::builtin()
    }
}

word_enum! {
    /// A rule of engagement that applies to a reply.
    pub enum Guidance ("guidance") {
        /// Answer in public first, where the complaint was made.
        AnswerPubliclyFirst => "answer-publicly-first",
        /// Then offer a private channel for the details.
        OfferPrivateChannel => "offer-private-channel",
        /// Never delete or hide a public complaint: it only spreads it.
        NeverDeleteOrHide => "never-delete-or-hide",
        /// Never threaten the customer (deletion, blocking, lawyers).
        NeverThreaten => "never-threaten",
        /// Sign with your own name.
        SignWithYourName => "sign-with-your-name",
        /// Answer in the customer's language.
        AnswerInTheirLanguage => "answer-in-their-language",
        /// Thank them and invite them to previews: a future ambassador.
        InviteAsAmbassador => "invite-as-ambassador",
        /// Hold: acknowledge and give a time, no speculation, no blame.
        HoldingStatementOnly => "holding-statement-only",
        /// A senior agent answers: an influential voice complains, or the
        /// message calls for one
        /// ([`Sentiment::escalates`](crate::sentiment::Sentiment::escalates)).
        EscalateToSenior => "escalate-to-senior",
    }
}

/// What the rules need to know about the message being answered.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReplyContext {
    /// Where the message was: public or private.
    pub visibility: Visibility,
    /// Its sentiment.
    pub sentiment: Sentiment,
    /// The customer's language, when known (else the message's, else
    /// French, the desk's first language).
    pub language: Option<Language>,
    /// Whether the message asks something.
    pub question: bool,
    /// Whether a crisis is active on its topic.
    pub crisis: bool,
    /// The customer's persona's potentials, when profiled.
    pub potentials: Option<Potentials>,
    /// The customer's influence (0 to 100), when profiled.
    pub influence: Option<f64>,
}

impl ReplyContext {
    /// A context from the message's visibility and sentiment; the language
    /// is the one the sentiment was scored in, if any.
    pub fn new(visibility: Visibility, sentiment: Sentiment) -> ReplyContext {
        ReplyContext {
            visibility,
            language: sentiment.language,
            sentiment,
            question: false,
            crisis: false,
            potentials: None,
            influence: None,
        }
    }

    /// The customer's language.
    pub fn with_language(mut self, language: Language) -> ReplyContext {
        self.language = Some(language);
        self
    }

    /// Whether the message asks something.
    pub fn asking(mut self, question: bool) -> ReplyContext {
        self.question = question;
        self
    }

    /// Whether a crisis is active on the message's topic.
    pub fn in_crisis(mut self, crisis: bool) -> ReplyContext {
        self.crisis = crisis;
        self
    }

    /// The customer's profile: persona potentials and influence (leave
    /// unset for a customer who refused profiling).
    pub fn profiled(
        mut self,
        potentials: Option<Potentials>,
        influence: Option<f64>,
    ) -> ReplyContext {
        self.potentials = potentials;
        self.influence = influence;
        self
    }
}

/// What the rules advise for a reply.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Advice {
    /// The situation to answer first.
    pub situation: Situation,
    /// A second step, when the rules call for one (a public complaint moves
    /// to a private channel once answered).
    pub follow_up: Option<Situation>,
    /// The language to answer in.
    pub language: Language,
    /// The rules of engagement that apply, most important first.
    pub guidance: Vec<Guidance>,
    /// Why this situation, in words.
    pub reason: String,
}

/// An influence from which a detractor is answered by a senior agent.
const SENIOR_INFLUENCE: f64 = 60.0;
/// The intensity from which a negative message is angry rather than
/// disappointed.
const ANGRY_INTENSITY: f64 = 0.8;

/// Chooses the situation and the rules of engagement for a reply.
pub fn advise(context: &ReplyContext) -> Advice {
    let s = &context.sentiment;
    let language = context.language.unwrap_or(Language::FRENCH);
    let public = context.visibility == Visibility::Public;
    // A message that asks for money back or reports a failure is answered
    // as a complaint, however warmly it is worded: never with thanks.
    let complains = s.label == Label::Negative || s.complaint;
    let (situation, reason) = if context.crisis && complains {
        (
            Situation::CrisisHolding,
            "a crisis is active on this topic".to_owned(),
        )
    } else if s.label == Label::Negative && s.intensity >= ANGRY_INTENSITY {
        (
            Situation::Angry,
            format!("negative and intense ({:.2})", s.intensity),
        )
    } else if complains {
        let reason = match s.label {
            Label::Negative => format!("negative ({:.2})", s.compound),
            label => format!("{label} ({:.2}), but it complains", s.compound),
        };
        (Situation::Disappointed, reason)
    } else if context.question {
        (Situation::Question, "a question".to_owned())
    } else if s.label == Label::Positive {
        (Situation::Happy, format!("positive ({:.2})", s.compound))
    } else {
        (Situation::Greeting, "neutral".to_owned())
    };
    let mut guidance = vec![Guidance::AnswerInTheirLanguage, Guidance::SignWithYourName];
    if public && complains {
        guidance.splice(
            0..0,
            [
                Guidance::AnswerPubliclyFirst,
                Guidance::NeverDeleteOrHide,
                Guidance::OfferPrivateChannel,
            ],
        );
    }
    if complains {
        guidance.push(Guidance::NeverThreaten);
    }
    let influential = complains && context.influence.is_some_and(|i| i >= SENIOR_INFLUENCE);
    if influential || s.escalates {
        guidance.insert(0, Guidance::EscalateToSenior);
    }
    if situation == Situation::CrisisHolding {
        guidance.insert(0, Guidance::HoldingStatementOnly);
    }
    let advocate = context
        .potentials
        .is_some_and(|p| p.advocacy.get() >= 0.5 || p.influence.get() >= 0.5);
    if situation == Situation::Happy && (advocate || context.influence.is_some_and(|i| i >= 50.0)) {
        guidance.push(Guidance::InviteAsAmbassador);
    }
    Advice {
        situation,
        follow_up: (public && complains).then_some(Situation::MovePrivate),
        language,
        guidance,
        reason,
    }
}

word_enum! {
    /// A rule a draft reply can break.
    pub enum ReplyRule ("reply rule") {
        /// Not in the customer's language.
        WrongLanguage => "wrong-language",
        /// Threatens to delete or hide the customer's message.
        DeletionThreat => "deletion-threat",
        /// Threatens to block or ban the customer.
        BlockingThreat => "blocking-threat",
        /// Threatens legal action.
        LegalThreat => "legal-threat",
        /// Not signed with the agent's name.
        NoName => "no-name",
        /// Signed by a department instead of a person.
        ImpersonalSignature => "impersonal-signature",
        /// A public answer that holds personal data.
        PersonalDataInPublic => "personal-data-in-public",
    }
}

/// One rule a draft breaks, why, and where (a byte range of the draft).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReplyIssue {
    /// The rule.
    pub rule: ReplyRule,
    /// Why, in words.
    pub reason: String,
    /// Where in the draft, when it is one place.
    pub span: Option<Range<usize>>,
}

impl fmt::Display for ReplyIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.rule, self.reason)
    }
}

/// What a draft is checked against.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DraftContext {
    /// The customer's language, when known.
    pub language: Option<Language>,
    /// Where the answer will be posted.
    pub visibility: Visibility,
    /// The agent who will send it.
    pub agent_name: String,
}

impl DraftContext {
    /// A draft by `agent`, posted with `visibility`, to a customer writing
    /// in `language` (when known).
    pub fn new(agent: &Agent, visibility: Visibility, language: Option<Language>) -> DraftContext {
        DraftContext {
            language,
            visibility,
            agent_name: agent.name.to_string(),
        }
    }
}

/// Threats, in French, English and Spanish, accents optional.
static THREATS: LazyLock<[(ReplyRule, Regex); 3]> = LazyLock::new(|| {
    let rule = |pattern: &str| Regex::new(&format!("(?i){pattern}")).expect("valid pattern");
    [
        (
            ReplyRule::DeletionThreat,
            rule(
                r"\b(?:supprim|efface|masqu)\w*\s+(?:votre|ton|ce|vos|tes|le)\s+(?:commentaire|message|avis|post|publication)|\b(?:delete|remove|hide)\w*\s+(?:your|this|the)\s+(?:comment|post|review|message|tweet)|\b(?:borr|elimin|ocult)\w*\s+(?:tu|su|este|el|tus|sus)\s+(?:comentario|mensaje|reseña|publicaci[oó]n)",
            ),
        ),
        (
            ReplyRule::BlockingThreat,
            rule(
                r"\b(?:vous|te)\s+bloquer\b|\bbloqu(?:er|é|e)\w*\s+(?:votre|ton)\s+compte|\bbannir\b|\bblock(?:ed|ing)?\s+you\b|\bban\s+you\b|\bbloquear(?:te|le|los)\b|\bte\s+bloquearemos\b|\bbloquear\s+tu\s+cuenta",
            ),
        ),
        (
            ReplyRule::LegalThreat,
            rule(
                r"\bpoursuites?\b|\bporter\s+plainte\b|\bnotre\s+avocat\b|\bdiffamation\b|\blegal\s+action\b|\bsue\s+you\b|\bour\s+lawyers?\b|\bdefamation\b|\bacciones\s+legales\b|\bdemandar(?:te|le)?\b|\bnuestros?\s+abogados?\b|\bdifamaci[oó]n\b",
            ),
        ),
    ]
});

/// Department names that sign for nobody, in the three languages.
static IMPERSONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:le\s+)?service\s+client(?:s|èle)?\b|\bl'[ée]quipe\b|\bcustomer\s+(?:service|care)\b|\b(?:the|support)\s+team\b|\batenci[oó]n\s+al\s+cliente\b|\bel\s+equipo\b")
        .expect("valid pattern")
});

/// Checks a draft reply against the rules of engagement; no issue means it
/// may go.
///
/// ```
/// use social_crm::reply::{check_reply, DraftContext, ReplyRule};
/// use social_crm::{Agent, Language, Visibility};
///
/// let eric = Agent::new("a1", "Eric Dupont", 6)?;
/// let context = DraftContext::new(&eric, Visibility::Public, Some(Language::FRENCH));
/// let draft = "Si vous continuez, nous allons supprimer votre commentaire. Le service client";
/// let rules: Vec<ReplyRule> = check_reply(draft, &context).iter().map(|i| i.rule).collect();
/// assert_eq!(rules, [ReplyRule::DeletionThreat, ReplyRule::NoName, ReplyRule::ImpersonalSignature]);
/// assert!(check_reply("Bonjour Léa, je m'en occupe tout de suite. — Eric Dupont", &context).is_empty());
/// # Ok::<(), social_crm::Error>(())
/// ```
pub fn check_reply(draft: &str, context: &DraftContext) -> Vec<ReplyIssue> {
    let mut issues = Vec::new();
    if let (Some(wanted), Some(found)) = (context.language, detect_language(draft)) {
        if found.language != wanted && found.confidence >= 0.5 {
            issues.push(ReplyIssue {
                rule: ReplyRule::WrongLanguage,
                reason: format!(
                    "written in {} (confidence {:.2}), the customer writes in {}",
                    found.language, found.confidence, wanted
                ),
                span: None,
            });
        }
    }
    for (rule, pattern) in THREATS.iter() {
        if let Some(m) = pattern.find(draft) {
            issues.push(ReplyIssue {
                rule: *rule,
                reason: format!("`{}` threatens the customer", m.as_str()),
                span: Some(m.range()),
            });
        }
    }
    let lower = draft.to_lowercase();
    let first = context.agent_name.split_whitespace().next().unwrap_or("");
    if first.is_empty() || !lower.contains(&first.to_lowercase()) {
        issues.push(ReplyIssue {
            rule: ReplyRule::NoName,
            reason: format!("not signed by {}", context.agent_name),
            span: None,
        });
    }
    // The signature is the end of the draft: a department name there signs
    // for nobody.
    let tail = draft.len().saturating_sub(40);
    if let Some(m) = IMPERSONAL.find_iter(draft).find(|m| m.end() > tail) {
        issues.push(ReplyIssue {
            rule: ReplyRule::ImpersonalSignature,
            reason: format!("signed `{}` instead of a person's name", m.as_str()),
            span: Some(m.range()),
        });
    }
    if context.visibility == Visibility::Public {
        for pii in find_pii(draft) {
            issues.push(ReplyIssue {
                rule: ReplyRule::PersonalDataInPublic,
                reason: format!("a public answer shows a {}", pii.kind),
                span: Some(pii.span),
            });
        }
    }
    issues
}
