//! Many streams at once: the brand as a whole, and each channel, tag or
//! language, every one with its own baseline and alerts.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;

use super::detector::{Alert, Settings};
use super::watch::StreamWatcher;
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Channel, Direction, Handle, Interaction, Language, Tag};
use crate::sentiment::Sentiment;

/// One stream a [`Monitor`] watches, named by what its messages share.
///
/// Written `all`, `channel:<channel>`, `tag:<tag>` or
/// `language:<code>`, which is also the name its alerts carry.
///
/// ```
/// use social_crm::crisis::StreamKey;
///
/// let key: StreamKey = "tag:delivery".parse()?;
/// assert_eq!(key.to_string(), "tag:delivery");
/// assert_eq!("all".parse::<StreamKey>()?, StreamKey::All);
/// assert!("colour:blue".parse::<StreamKey>().is_err());
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum StreamKey {
    /// Every customer message: the brand as a whole.
    All,
    /// The messages of one channel.
    Channel(Channel),
    /// The messages carrying one tag (a topic, a product, a campaign).
    Tag(Tag),
    /// The messages in one language (as given on the interaction).
    Language(Language),
}

impl fmt::Display for StreamKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamKey::All => f.write_str("all"),
            StreamKey::Channel(c) => write!(f, "channel:{c}"),
            StreamKey::Tag(t) => write!(f, "tag:{t}"),
            StreamKey::Language(l) => write!(f, "language:{l}"),
        }
    }
}

impl FromStr for StreamKey {
    type Err = Error;

    fn from_str(s: &str) -> Result<StreamKey> {
        if s == "all" {
            return Ok(StreamKey::All);
        }
        match s.split_once(':') {
            Some(("channel", c)) => Ok(StreamKey::Channel(c.parse()?)),
            Some(("tag", t)) => Ok(StreamKey::Tag(t.parse()?)),
            Some(("language", l)) => Ok(StreamKey::Language(l.parse()?)),
            _ => Err(Error::from(ErrorKind::UnknownName {
                what: "stream",
                value: s.to_owned(),
                expected: crate::macros::Spellings(&[
                    "all",
                    "channel:<channel>",
                    "tag:<tag>",
                    "language:<code>",
                ]),
            })),
        }
    }
}

serde_via_str!(
    StreamKey,
    "a stream written `all`, `channel:twitter`, `tag:delivery` or `language:fr`"
);

word_enum! {
    /// A kind of stream: what a [`Monitor`] splits messages by.
    pub enum StreamKind ("stream kind") {
        /// One stream for every customer message.
        All => "all",
        /// One stream per channel.
        Channel => "channel",
        /// One stream per tag.
        Tag => "tag",
        /// One stream per language.
        Language => "language",
    }
}

/// Many [`StreamWatcher`]s fed from one flow of interactions: the brand as
/// a whole and, as chosen, each channel, tag or language. A stream is opened
/// when its first message arrives and learns from there; each raises its own
/// alerts, named after its [`StreamKey`].
///
/// At most [`Monitor::MAX_STREAMS`] streams are opened (a flood of new tags
/// cannot exhaust memory: a stream's detector holds about 25 KiB, so a full
/// monitor about 100 MiB); messages for streams beyond that are counted in
/// [`Monitor::unwatched`], never silently lost. Like the watchers, a monitor
/// is a plain serde value.
///
/// ```
/// use social_crm::crisis::{Monitor, Settings, StreamKey, StreamKind};
/// use social_crm::jiff::SignedDuration;
/// use social_crm::sentiment::Analyzer;
/// use social_crm::sample;
///
/// let week = sample::week();
/// let analyzer = Analyzer::default();
/// let settings = Settings::new(SignedDuration::from_hours(1))?
///     .with_time_zone(week.time_zone.clone());
/// let mut monitor = Monitor::new(settings, week.start, [StreamKind::All, StreamKind::Channel]);
/// let mut alerts = Vec::new();
/// for i in week.interactions() {
///     alerts.extend(monitor.observe(i, &analyzer.score(&i.text, i.language), None)?);
/// }
/// alerts.extend(monitor.advance(week.now)?);
/// assert!(alerts.iter().any(|a| a.stream == "all"));
/// assert!(monitor.stream(&"channel:twitter".parse()?).is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "MonitorFields"))]
pub struct Monitor {
    settings: Settings,
    start: Timestamp,
    kinds: Vec<StreamKind>,
    streams: BTreeMap<StreamKey, StreamWatcher>,
    unwatched: u64,
}

impl Monitor {
    /// The most streams a monitor opens.
    pub const MAX_STREAMS: usize = 4096;

    /// A monitor whose buckets follow `start` every `settings.bucket_width()`,
    /// splitting messages by `kinds` (each kind once; none watches nothing).
    pub fn new(
        settings: Settings,
        start: Timestamp,
        kinds: impl IntoIterator<Item = StreamKind>,
    ) -> Monitor {
        let mut kinds: Vec<StreamKind> = kinds.into_iter().collect();
        kinds.sort();
        kinds.dedup();
        Monitor {
            settings,
            start,
            kinds,
            streams: BTreeMap::new(),
            unwatched: 0,
        }
    }

    /// Forgets the authors `theirs` picks in every stream (see
    /// [`StreamWatcher::forget_authors`]); whether anything was forgotten.
    pub fn forget_authors(&mut self, theirs: &dyn Fn(&Handle) -> bool) -> bool {
        let mut forgot = false;
        for watcher in self.streams.values_mut() {
            forgot |= watcher.forget_authors(theirs);
        }
        forgot
    }

    /// The streams a message feeds: its keys for the monitor's kinds.
    pub fn keys(&self, interaction: &Interaction) -> Vec<StreamKey> {
        let mut keys = Vec::new();
        for kind in &self.kinds {
            match kind {
                StreamKind::All => keys.push(StreamKey::All),
                StreamKind::Channel => keys.push(StreamKey::Channel(interaction.channel.clone())),
                StreamKind::Tag => {
                    keys.extend(interaction.tags.iter().cloned().map(StreamKey::Tag))
                }
                StreamKind::Language => keys.extend(interaction.language.map(StreamKey::Language)),
            }
        }
        keys
    }

    /// Counts one message in each of its streams (see
    /// [`StreamWatcher::observe`]) and returns the alerts those streams
    /// raised on the buckets it closed. The desk's own messages and notes
    /// count in no stream.
    ///
    /// # Errors
    ///
    /// As [`StreamWatcher::observe`]: checked for every stream before any
    /// counts it, so a refused message changes nothing.
    pub fn observe(
        &mut self,
        interaction: &Interaction,
        sentiment: &Sentiment,
        influence: Option<f64>,
    ) -> Result<Vec<Alert>> {
        if interaction.direction != Direction::Inbound {
            return Ok(Vec::new());
        }
        super::watch::check_influence(influence)?;
        let keys = self.keys(interaction);
        self.check_order_in(interaction, &keys)?;
        let first_bucket = self.bucket_holding(interaction.at)?;
        let mut alerts = Vec::new();
        for key in keys {
            if !self.streams.contains_key(&key) {
                if self.streams.len() >= Monitor::MAX_STREAMS {
                    self.unwatched = self.unwatched.saturating_add(1);
                    continue;
                }
                let watcher =
                    StreamWatcher::new(key.to_string(), self.settings.clone(), first_bucket);
                self.streams.insert(key.clone(), watcher);
            }
            if let Some(w) = self.streams.get_mut(&key) {
                w.observe(interaction, sentiment, influence)?;
                alerts.extend(w.take_alerts());
            }
        }
        Ok(alerts)
    }

    /// Refuses a message earlier than the monitor's first bucket or than a
    /// bucket one of its streams is filling (a late arrival).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidBucket`] naming the message and the bucket.
    pub fn check_order(&self, interaction: &Interaction) -> Result<()> {
        self.check_order_in(interaction, &self.keys(interaction))
    }

    /// [`Monitor::check_order`] for the streams `keys`.
    fn check_order_in(&self, interaction: &Interaction, keys: &[StreamKey]) -> Result<()> {
        if interaction.at < self.start {
            return Err(Error::from(ErrorKind::InvalidBucket {
                stream: "monitor".to_owned(),
                at: interaction.at.to_string(),
                reason: format!(
                    "interaction `{}` is earlier than the monitor's first bucket at `{}`",
                    interaction.id, self.start
                ),
            }));
        }
        if interaction
            .at
            .checked_add(self.settings.bucket_width())
            .is_err()
        {
            // What a new stream's watcher would refuse: asked here, before
            // any stream counts the message.
            return Err(Error::from(ErrorKind::OutOfRange {
                what: format!("the buckets after `{}`", interaction.at),
            }));
        }
        for key in keys {
            if let Some(w) = self.streams.get(key) {
                w.check_order(interaction)?;
            }
        }
        Ok(())
    }

    /// Closes, in every stream, the buckets that ended at or before `now`,
    /// and returns the alerts raised, stream by stream in key order.
    ///
    /// # Errors
    ///
    /// As [`StreamWatcher::advance`].
    pub fn advance(&mut self, now: Timestamp) -> Result<Vec<Alert>> {
        let mut alerts = Vec::new();
        for w in self.streams.values_mut() {
            alerts.extend(w.advance(now)?);
        }
        Ok(alerts)
    }

    /// One stream's watcher, if it has been opened.
    pub fn stream(&self, key: &StreamKey) -> Option<&StreamWatcher> {
        self.streams.get(key)
    }

    /// Every open stream, in key order.
    pub fn streams(&self) -> impl Iterator<Item = (&StreamKey, &StreamWatcher)> {
        self.streams.iter()
    }

    /// Messages that would have opened a stream past
    /// [`Monitor::MAX_STREAMS`], one per stream they were meant for.
    pub fn unwatched(&self) -> u64 {
        self.unwatched
    }

    /// The kinds of stream the monitor opens, each once, in order.
    pub fn kinds(&self) -> &[StreamKind] {
        &self.kinds
    }

    /// The start of the bucket holding `at`, on the monitor's grid (the
    /// first bucket when `at` is earlier).
    fn bucket_holding(&self, at: Timestamp) -> Result<Timestamp> {
        if at <= self.start {
            return Ok(self.start);
        }
        super::watch::bucket_holding(self.start, self.settings.bucket_width(), at)
    }
}

impl StreamKey {
    /// The kind of stream this key belongs to.
    pub fn kind(&self) -> StreamKind {
        match self {
            StreamKey::All => StreamKind::All,
            StreamKey::Channel(_) => StreamKind::Channel,
            StreamKey::Tag(_) => StreamKind::Tag,
            StreamKey::Language(_) => StreamKind::Language,
        }
    }
}

/// What a stored [`Monitor`] holds, checked when read: each kind once (a
/// kind listed twice would count every message twice), at most
/// [`Monitor::MAX_STREAMS`] streams, each of a kind the monitor splits by
/// and named after its key.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct MonitorFields {
    settings: Settings,
    start: Timestamp,
    kinds: Vec<StreamKind>,
    streams: BTreeMap<StreamKey, StreamWatcher>,
    unwatched: u64,
}

#[cfg(feature = "serde")]
impl TryFrom<MonitorFields> for Monitor {
    type Error = Error;

    fn try_from(f: MonitorFields) -> Result<Monitor> {
        let invalid = |reason: String| crate::error::invalid_state("monitor", reason);
        // Kept sorted, as `Monitor::new` keeps them.
        if let Some(pair) = f.kinds.windows(2).find(|w| w[0] >= w[1]) {
            return invalid(if pair[0] == pair[1] {
                format!("stream kind `{}` is listed twice", pair[0])
            } else {
                format!(
                    "stream kinds `{}` and `{}` are out of order",
                    pair[0], pair[1]
                )
            });
        }
        if f.streams.len() > Monitor::MAX_STREAMS {
            return invalid(format!(
                "{} streams, more than the {} a monitor opens",
                f.streams.len(),
                Monitor::MAX_STREAMS
            ));
        }
        for (key, watcher) in &f.streams {
            if !f.kinds.contains(&key.kind()) {
                return invalid(format!(
                    "stream `{key}` is of a kind the monitor does not open"
                ));
            }
            if watcher.detector().stream() != key.to_string() {
                return invalid(format!(
                    "stream `{key}` holds the watcher of `{}`",
                    watcher.detector().stream()
                ));
            }
        }
        Ok(Monitor {
            settings: f.settings,
            start: f.start,
            kinds: f.kinds,
            streams: f.streams,
            unwatched: f.unwatched,
        })
    }
}
