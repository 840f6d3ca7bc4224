//! The crate's one error type.
//!
//! Following jiff's "one error type" pattern, every fallible operation in the
//! crate returns [`Error`]. Its [`kind`](Error::kind) tells what went wrong in a
//! form a program can match on; its `Display` tells a person, naming the value
//! that was wrong in backticks and what was expected instead.
//!
//! Messages are lowercase and carry no trailing period, so they compose when a
//! caller wraps them: `loading customers.tsv line 12: invalid twitter handle ...`.

use std::fmt;

pub use crate::macros::Spellings;
use crate::model::{Channel, ConversationStatus};

/// A specialised `Result` whose error is this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in this crate.
///
/// The error is a small opaque value (one pointer) so that `Result<T>` stays
/// cheap; match on [`Error::kind`] to react to a particular failure.
///
/// # Example
///
/// ```
/// use social_crm::{ErrorKind, Language};
///
/// let err = "xx".parse::<Language>().unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InvalidLanguage { .. }));
/// assert_eq!(
///     err.to_string(),
///     "invalid language `xx`: expected an ISO 639-1 code or a BCP 47 tag such as `fr`, `en-GB` or `es-419`",
/// );
/// ```
#[derive(Clone, PartialEq)]
pub struct Error {
    kind: Box<ErrorKind>,
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Debug for Error {
    // `Debug` shows the readable message, so `.unwrap()` on a `Result` prints
    // something a person understands (regex's lesson).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({:?}: {})", self.kind.name(), self.kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.kind, f)
    }
}

impl std::error::Error for Error {}

/// `Err` of [`ErrorKind::InvalidState`]: what a stored state's checks
/// return when its parts do not hold together.
pub(crate) fn invalid_state<T>(what: &'static str, reason: String) -> Result<T> {
    Err(ErrorKind::InvalidState { what, reason }.into())
}

impl From<ErrorKind> for Error {
    #[cold]
    #[inline(never)]
    fn from(kind: ErrorKind) -> Self {
        Error {
            kind: Box::new(kind),
        }
    }
}

/// The kinds of [`Error`].
///
/// New kinds are added as the crate grows, so the enum is `#[non_exhaustive]`:
/// keep a wildcard arm when you match on it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An identifier (customer, agent, conversation, ...) was empty, too long,
    /// padded with white space or contained control characters.
    #[error("invalid {what} `{}`: {reason}", shown(.value))]
    InvalidId {
        /// Which identifier, e.g. `customer id`.
        what: &'static str,
        /// The value as given.
        value: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// A channel name could not be used (empty, or with characters a channel
    /// name may not hold).
    #[error("invalid channel `{}`: {reason}", shown(.value))]
    InvalidChannel {
        /// The value as given.
        value: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// A handle was malformed for its channel.
    #[error("invalid {channel} handle `{}`: {reason}", shown(.value))]
    InvalidHandle {
        /// The channel the handle was meant for.
        channel: Channel,
        /// The handle as given.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// A language code is not an ISO 639-1 code.
    #[error("invalid language `{}`: expected an ISO 639-1 code or a BCP 47 tag such as `fr`, `en-GB` or `es-419`", shown(.value))]
    InvalidLanguage {
        /// The value as given.
        value: String,
    },
    /// A country code is not an ISO 3166-1 alpha-2 code.
    #[error(
        "invalid country `{}`: expected an ISO 3166-1 alpha-2 code such as `FR`, `US` or `ES`",
        shown(.value)
    )]
    InvalidCountry {
        /// The value as given.
        value: String,
    },
    /// A tag, skill or team label was empty or malformed.
    #[error("invalid tag `{}`: {reason}", shown(.value))]
    InvalidTag {
        /// The value as given.
        value: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// A display name or other required text was empty.
    #[error("invalid {what} `{}`: {reason}", shown(.value))]
    InvalidText {
        /// Which text, e.g. `display name`.
        what: &'static str,
        /// The value as given.
        value: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// A birth year outside the plausible range.
    #[error("birth year `{year}` is out of range `{min}..={max}`")]
    InvalidBirthYear {
        /// The year as given.
        year: i64,
        /// The smallest year accepted.
        min: i16,
        /// The largest year accepted.
        max: i16,
    },
    /// An age range whose minimum exceeds its maximum.
    #[error("invalid age range `{min}..={max}`: the minimum exceeds the maximum")]
    InvalidAgeRange {
        /// The lower bound as given.
        min: u8,
        /// The upper bound as given.
        max: u8,
    },
    /// A number that must lie in `0..=1` (a potential, a share) did not.
    #[error("{what} is `{value}`, must be a number in `0..=1`")]
    InvalidUnitInterval {
        /// Which number, e.g. `purchase potential`.
        what: &'static str,
        /// The value as given (may be NaN or infinite).
        value: f64,
    },
    /// A timestamp could not be parsed or is out of range.
    #[error("invalid timestamp `{}`: {reason}", shown(.value))]
    InvalidTimestamp {
        /// The value as given.
        value: String,
        /// Why it was refused (jiff's own explanation).
        reason: String,
    },
    /// A time zone name that the database does not hold, or a POSIX TZ
    /// string that does not parse.
    #[error("unknown time zone `{name}`")]
    UnknownTimeZone {
        /// The name or TZ string as given.
        name: String,
    },
    /// A time zone whose stored form would not read back as itself (a
    /// POSIX TZ string with digits in an abbreviation, such as `<abc1>3`, or
    /// a system zone with no name): refused rather than stored as another.
    #[error("time zone `{written}` cannot be stored: {reason}")]
    UnstorableTimeZone {
        /// What it would be stored as (empty when it cannot be written).
        written: String,
        /// Why it cannot.
        reason: String,
    },
    /// A wall-clock time outside `00:00..=24:00` or not written `HH:MM[:SS]`.
    #[error("invalid wall time `{}`: expected `HH:MM` or `HH:MM:SS` from `00:00` to `24:00`", shown(.value))]
    InvalidWallTime {
        /// The value as given.
        value: String,
    },
    /// A shift that cannot be used.
    #[error("invalid shift `{}`: {reason}", shown(.value))]
    InvalidShift {
        /// The shift as given.
        value: String,
        /// Why it was refused.
        reason: &'static str,
    },
    /// A calendar with no open time at all was asked for a due time.
    #[error("the calendar has no open time: no due time can be computed")]
    NoOpenTime,
    /// An instant or a date outside what a calendar (or jiff) covers.
    #[error("out of range: {what}")]
    OutOfRange {
        /// What was out of range.
        what: String,
    },
    /// A time window that ends before it starts.
    #[error("invalid window: `{from}` is after `{to}`")]
    InvalidWindow {
        /// The start as given.
        from: String,
        /// The end as given.
        to: String,
    },
    /// An influence signal that is negative, infinite or NaN.
    #[error("invalid signal: {what} is `{value}`, expected a finite number of zero or more")]
    InvalidSignal {
        /// Which signal.
        what: &'static str,
        /// Its value.
        value: f64,
    },
    /// A message count that cannot be used: not a whole number, negative,
    /// NaN, or more negative messages than messages.
    #[error("invalid {what} count `{value}`: {reason}")]
    InvalidCount {
        /// Which count.
        what: &'static str,
        /// The value as given.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// A time bucket a stream cannot take: out of order, repeated, or off
    /// the stream's grid of buckets.
    #[error("bucket at `{at}` of stream `{}`: {reason}", shown(.stream))]
    InvalidBucket {
        /// The stream's name.
        stream: String,
        /// The bucket's start.
        at: String,
        /// Why it was refused.
        reason: String,
    },
    /// A reply template that cannot be parsed.
    #[error("invalid template `{template}`: {reason}")]
    InvalidTemplate {
        /// Which template (`situation/language`).
        template: String,
        /// What is wrong.
        reason: String,
    },
    /// A template rendered without a value for some of its placeholders:
    /// every missing one is named, and nothing is rendered.
    #[error("template `{template}` needs {}", .missing.iter().map(|m| format!("`{{{m}}}`")).collect::<Vec<_>>().join(", "))]
    MissingVariables {
        /// Which template (`situation/language`).
        template: String,
        /// The placeholders without a value, in order of first use.
        missing: Vec<String>,
    },
    /// A graph that cannot be built (an unknown node, a bad weight).
    #[error("invalid graph: {reason}")]
    InvalidGraph {
        /// What was wrong.
        reason: String,
    },
    /// A setting outside its documented range.
    #[error("invalid setting: {what} `{value}` is out of range")]
    InvalidConfig {
        /// Which setting.
        what: &'static str,
        /// Its value as given.
        value: String,
    },
    /// A stored state (read back with serde) that does not hold together:
    /// values no operation could have produced, or parts that contradict
    /// each other.
    #[error("invalid stored {what}: {reason}")]
    InvalidState {
        /// What was read (`roster`, `monitor`, ...).
        what: &'static str,
        /// What does not hold.
        reason: String,
    },
    /// Changes of a desk asked for, or applied, from a revision they cannot
    /// start at (see [`crate::desk::Desk::changes_since`]).
    #[error("no changes from revision {from}: {reason}")]
    RevisionMismatch {
        /// The revision the changes start at.
        from: u64,
        /// Why they do not fit.
        reason: String,
    },
    /// An input larger than the documented limit of the call that took it.
    #[error("{what} is too large: {size} is more than the limit of {limit}")]
    TooLarge {
        /// What was too large (`graph`, `template`, `batch`, ...).
        what: &'static str,
        /// Its size, in the limit's unit.
        size: u64,
        /// The documented limit.
        limit: u64,
    },
    /// An SLA target that cannot be used.
    #[error("invalid target: {reason}")]
    InvalidTarget {
        /// Why it was refused.
        reason: String,
    },
    /// A negative duration where only zero or more makes sense.
    #[error("negative duration `{value}`: business time to add must be zero or more")]
    NegativeDuration {
        /// The duration as given.
        value: String,
    },
    /// A word that names an enumerated value (a role, a status, ...) is not
    /// one of the accepted spellings.
    #[error("unknown {what} `{}`: expected one of {expected}", shown(.value))]
    UnknownName {
        /// What kind of name, e.g. `role`.
        what: &'static str,
        /// The value as given.
        value: String,
        /// The accepted spellings.
        expected: Spellings,
    },
    /// A customer with this id is already in the directory.
    #[error("customer `{id}` is already in the directory")]
    DuplicateCustomer {
        /// The id that is taken.
        id: String,
    },
    /// The directory holds as many customers as it can index (2³² − 1).
    #[error("the directory is full: it indexes at most 4294967295 customers")]
    DirectoryFull,
    /// A platform payload that is malformed, truncated, or not of the shape
    /// its adapter reads.
    #[error("invalid payload at `{path}`: {reason}")]
    InvalidPayload {
        /// Where in the payload (`entry[0].changes[0].value.messages[1].timestamp`,
        /// `$` for the whole body).
        path: String,
        /// What was wrong.
        reason: String,
    },
    /// A webhook whose signature does not match its body and the app
    /// secret.
    #[error("bad signature: {reason}")]
    BadSignature {
        /// What did not match, or why the header could not be read.
        reason: String,
    },
    /// An update for a customer id that now belongs to another record.
    #[error("customer `{id}` was merged into `{into}`: update `{into}` instead")]
    MergedCustomer {
        /// The id given.
        id: String,
        /// The customer it was merged into.
        into: String,
    },
    /// A handle that several customers of the directory own: merge them
    /// first.
    #[error("handle `{handle}` belongs to several customers ({}): merge them first", .owners.join(", "))]
    AmbiguousHandle {
        /// The handle.
        handle: String,
        /// The customers who own it, by id.
        owners: Vec<String>,
    },
    /// An event dated after "now" by more than the desk's tolerance.
    #[error(
        "{what} at `{at}` is in the future: now is `{now}` and the desk tolerates {tolerance:#}"
    )]
    FromTheFuture {
        /// What the event was.
        what: String,
        /// When it claims to have happened.
        at: jiff::Timestamp,
        /// The caller's "now".
        now: jiff::Timestamp,
        /// How far ahead of "now" an event may be (clock skew).
        tolerance: jiff::SignedDuration,
    },
    /// Nobody on the roster can answer on a conversation's channel.
    #[error("no agent on the roster works on {channel} (conversation `{conversation}`)")]
    NoAgentForChannel {
        /// The conversation.
        conversation: String,
        /// Its channel.
        channel: String,
    },
    /// No customer with this id is in the directory.
    #[error("no customer `{id}` in the directory")]
    UnknownCustomer {
        /// The id that was looked for.
        id: String,
    },
    /// No conversation with this id at the desk.
    #[error("no conversation `{id}` at the desk")]
    UnknownConversation {
        /// The id that was looked for.
        id: String,
    },
    /// No agent with this id is on the roster.
    #[error("no agent `{id}` on the roster")]
    UnknownAgent {
        /// The id that was looked for.
        id: String,
    },
    /// A customer was asked to merge with itself.
    #[error("cannot merge customer `{id}` into itself")]
    SelfMerge {
        /// The id given twice.
        id: String,
    },
    /// An interaction was given to a conversation it does not belong to.
    #[error("interaction `{interaction}` belongs to conversation `{found}`, not `{expected}`")]
    WrongConversation {
        /// The interaction's id.
        interaction: String,
        /// The conversation it was given to.
        expected: String,
        /// The conversation it names.
        found: String,
    },
    /// Two interactions of one conversation share an id.
    #[error("interaction `{id}` appears twice in conversation `{conversation}`")]
    DuplicateInteraction {
        /// The repeated id.
        id: String,
        /// The conversation.
        conversation: String,
    },
    /// An event arrived earlier than one already recorded, where order matters.
    #[error("{what} `{id}` at `{at}` is earlier than the last one recorded at `{last}`")]
    OutOfOrder {
        /// What arrived, e.g. `interaction` or `status event`.
        what: &'static str,
        /// Its id (or the conversation's id for a status event).
        id: String,
        /// When it happened.
        at: jiff::Timestamp,
        /// The latest instant already recorded.
        last: jiff::Timestamp,
    },
    /// A reply names a message that is not earlier in the same conversation.
    #[error("interaction `{id}` replies to `{in_reply_to}`, which is not an earlier message of conversation `{conversation}`")]
    ReplyTargetMissing {
        /// The reply.
        id: String,
        /// The message it names.
        in_reply_to: String,
        /// The conversation.
        conversation: String,
    },
    /// An interaction whose direction disagrees with its author (an inbound
    /// message written by an agent, an outbound one by a customer).
    #[error("interaction `{id}` is {direction} but written by `{author}`: inbound messages come from customers, outbound ones and notes from agents")]
    AuthorMismatch {
        /// The interaction.
        id: String,
        /// Its direction.
        direction: crate::model::Direction,
        /// Its author.
        author: String,
    },
    /// An interaction after the conversation was closed. A closed
    /// conversation is final: a new message starts a new conversation.
    #[error("interaction `{id}` at `{at}` comes after conversation `{conversation}` was closed at `{closed_at}`")]
    ConversationClosed {
        /// The interaction.
        id: String,
        /// The conversation.
        conversation: String,
        /// When the interaction happened.
        at: jiff::Timestamp,
        /// When the conversation was closed.
        closed_at: jiff::Timestamp,
    },
    /// A status change that the conversation life cycle does not allow.
    #[error("conversation `{conversation}` cannot go from `{from}` to `{to}` at `{at}`")]
    InvalidTransition {
        /// The conversation.
        conversation: String,
        /// The status before the event (`none` before the first one).
        from: TransitionFrom,
        /// The status the event asked for.
        to: ConversationStatus,
        /// When the event happened.
        at: jiff::Timestamp,
    },
}

/// How an input value is shown in a message: in full up to 80 characters,
/// otherwise its start and its length (the error's field keeps it whole).
fn shown(value: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 80;
    match value.char_indices().nth(MAX) {
        None => value.into(),
        Some((end, _)) => format!("{}… ({} bytes)", &value[..end], value.len()).into(),
    }
}

/// The status a refused [`ErrorKind::InvalidTransition`] started from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransitionFrom {
    /// The conversation had no status event yet.
    Nothing,
    /// The conversation was in this status.
    Status(ConversationStatus),
}

impl fmt::Display for TransitionFrom {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransitionFrom::Nothing => f.write_str("nothing"),
            TransitionFrom::Status(s) => fmt::Display::fmt(s, f),
        }
    }
}

impl ErrorKind {
    /// The variant's name, for `Debug`.
    fn name(&self) -> &'static str {
        match self {
            ErrorKind::InvalidId { .. } => "InvalidId",
            ErrorKind::InvalidChannel { .. } => "InvalidChannel",
            ErrorKind::InvalidHandle { .. } => "InvalidHandle",
            ErrorKind::InvalidLanguage { .. } => "InvalidLanguage",
            ErrorKind::InvalidCountry { .. } => "InvalidCountry",
            ErrorKind::InvalidTag { .. } => "InvalidTag",
            ErrorKind::InvalidText { .. } => "InvalidText",
            ErrorKind::InvalidBirthYear { .. } => "InvalidBirthYear",
            ErrorKind::InvalidAgeRange { .. } => "InvalidAgeRange",
            ErrorKind::InvalidUnitInterval { .. } => "InvalidUnitInterval",
            ErrorKind::InvalidTimestamp { .. } => "InvalidTimestamp",
            ErrorKind::UnknownName { .. } => "UnknownName",
            ErrorKind::InvalidWallTime { .. } => "InvalidWallTime",
            ErrorKind::InvalidShift { .. } => "InvalidShift",
            ErrorKind::NoOpenTime => "NoOpenTime",
            ErrorKind::OutOfRange { .. } => "OutOfRange",
            ErrorKind::NegativeDuration { .. } => "NegativeDuration",
            ErrorKind::InvalidTarget { .. } => "InvalidTarget",
            ErrorKind::InvalidConfig { .. } => "InvalidConfig",
            ErrorKind::InvalidState { .. } => "InvalidState",
            ErrorKind::RevisionMismatch { .. } => "RevisionMismatch",
            ErrorKind::TooLarge { .. } => "TooLarge",
            ErrorKind::InvalidGraph { .. } => "InvalidGraph",
            ErrorKind::InvalidCount { .. } => "InvalidCount",
            ErrorKind::InvalidTemplate { .. } => "InvalidTemplate",
            ErrorKind::MissingVariables { .. } => "MissingVariables",
            ErrorKind::InvalidBucket { .. } => "InvalidBucket",
            ErrorKind::InvalidSignal { .. } => "InvalidSignal",
            ErrorKind::InvalidWindow { .. } => "InvalidWindow",
            ErrorKind::UnknownTimeZone { .. } => "UnknownTimeZone",
            ErrorKind::UnstorableTimeZone { .. } => "UnstorableTimeZone",
            ErrorKind::DuplicateCustomer { .. } => "DuplicateCustomer",
            ErrorKind::UnknownCustomer { .. } => "UnknownCustomer",
            ErrorKind::UnknownAgent { .. } => "UnknownAgent",
            ErrorKind::UnknownConversation { .. } => "UnknownConversation",
            ErrorKind::DirectoryFull => "DirectoryFull",
            ErrorKind::MergedCustomer { .. } => "MergedCustomer",
            ErrorKind::InvalidPayload { .. } => "InvalidPayload",
            ErrorKind::BadSignature { .. } => "BadSignature",
            ErrorKind::AmbiguousHandle { .. } => "AmbiguousHandle",
            ErrorKind::FromTheFuture { .. } => "FromTheFuture",
            ErrorKind::NoAgentForChannel { .. } => "NoAgentForChannel",
            ErrorKind::SelfMerge { .. } => "SelfMerge",
            ErrorKind::WrongConversation { .. } => "WrongConversation",
            ErrorKind::DuplicateInteraction { .. } => "DuplicateInteraction",
            ErrorKind::OutOfOrder { .. } => "OutOfOrder",
            ErrorKind::ReplyTargetMissing { .. } => "ReplyTargetMissing",
            ErrorKind::InvalidTransition { .. } => "InvalidTransition",
            ErrorKind::AuthorMismatch { .. } => "AuthorMismatch",
            ErrorKind::ConversationClosed { .. } => "ConversationClosed",
        }
    }
}

/// Serializes an optional error as its message (or `null`): what a service
/// shows of an error.
#[cfg(feature = "serde")]
pub(crate) fn serialize_message<S: serde::Serializer>(
    error: &Option<Error>,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    match error {
        Some(e) => s.collect_str(e),
        None => s.serialize_none(),
    }
}
