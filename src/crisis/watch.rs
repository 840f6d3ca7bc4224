//! From interactions to alerts: buckets built from customers' messages and
//! their sentiment, and the messages and authors driving each episode.

use std::collections::HashMap;

use jiff::{SignedDuration, Timestamp};

use super::bucket::Bucket;
use super::detector::{Alert, Detector, Status};
use crate::error::{Error, ErrorKind, Result};
use crate::model::{Author, Direction, Handle, Interaction, InteractionId};
use crate::sentiment::{Label, Sentiment};

/// How many messages and authors an alert names at most.
const DRIVERS_SHOWN: usize = 5;
/// How many distinct authors an episode tracks at most, so that the state
/// stays bounded however large the crisis.
const AUTHORS_TRACKED: usize = 10_000;

/// A message driving an episode.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DrivingMessage {
    /// The message.
    pub interaction: InteractionId,
    /// Who wrote it.
    pub author: Handle,
    /// When.
    pub at: Timestamp,
    /// Its sentiment's compound score (-1 to 1).
    pub compound: f64,
    /// Likes, shares and replies it drew.
    pub reactions: u64,
    /// Its author's influence (0 to 100), when the caller knew it.
    pub influence: Option<f64>,
    /// How much it drives the episode: its negativity, raised by the
    /// reactions it drew and its author's influence. Messages are ranked on
    /// it.
    pub weight: f64,
}

/// An author driving an episode.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DrivingAuthor {
    /// The author's handle.
    pub author: Handle,
    /// Their messages in the episode.
    pub messages: u32,
    /// How many of them were negative.
    pub negative: u32,
    /// Their influence (0 to 100), when the caller knew it.
    pub influence: Option<f64>,
    /// The sum of their messages' weights: authors are ranked on it.
    pub weight: f64,
}

/// The messages and authors that drive an episode, heaviest first.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Drivers {
    /// The heaviest messages (at most five).
    pub messages: Vec<DrivingMessage>,
    /// The heaviest authors (at most five).
    pub authors: Vec<DrivingAuthor>,
    /// Distinct authors in the episode that were not tracked because it
    /// already tracked ten thousand.
    pub untracked_authors: u64,
}

impl Drivers {
    /// Whether nothing is known of the drivers (a detector fed counts).
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty() && self.authors.is_empty()
    }
}

/// What the watcher remembers of the messages that may drive an episode:
/// the heaviest few messages and every author's tally, up to a bound.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct Board {
    messages: Vec<DrivingMessage>,
    authors: HashMap<Handle, DrivingAuthor>,
    untracked_authors: u64,
}

impl Board {
    /// Whether a stored board holds what [`Board::add`] could have put in
    /// it: weights finite and not negative, influences in 0 to 100,
    /// compounds in -1 to 1, authors under their own handle.
    #[cfg(feature = "serde")]
    fn check(&self) -> std::result::Result<(), String> {
        let weight_ok = |w: f64| w.is_finite() && w >= 0.0;
        let influence_ok = |i: Option<f64>| i.is_none_or(|v| (0.0..=100.0).contains(&v));
        for m in &self.messages {
            if !(weight_ok(m.weight)
                && influence_ok(m.influence)
                && (-1.0..=1.0).contains(&m.compound))
            {
                return Err(format!(
                    "message `{}`: weight `{}`, influence `{:?}`, compound `{}`",
                    m.interaction, m.weight, m.influence, m.compound
                ));
            }
        }
        if self.authors.len() > AUTHORS_TRACKED {
            return Err(format!("{} authors tracked", self.authors.len()));
        }
        for (handle, a) in &self.authors {
            if *handle != a.author || !weight_ok(a.weight) || !influence_ok(a.influence) {
                return Err(format!("author `{handle}`: weight `{}`", a.weight));
            }
        }
        Ok(())
    }

    fn add(&mut self, m: DrivingMessage, negative: bool) {
        let tracked = self.authors.len();
        if let Some(a) = self.authors.get_mut(&m.author) {
            a.messages = a.messages.saturating_add(1);
            a.negative = a.negative.saturating_add(u32::from(negative));
            a.weight += m.weight;
            a.influence = m.influence.or(a.influence);
        } else if tracked < AUTHORS_TRACKED {
            let author = DrivingAuthor {
                author: m.author.clone(),
                messages: 1,
                negative: u32::from(negative),
                influence: m.influence,
                weight: m.weight,
            };
            self.authors.insert(m.author.clone(), author);
        } else {
            self.untracked_authors = self.untracked_authors.saturating_add(1);
        }
        if m.weight > 0.0 {
            self.messages.push(m);
            if self.messages.len() > 4 * DRIVERS_SHOWN {
                self.keep_heaviest();
            }
        }
    }

    fn keep_heaviest(&mut self) {
        // Heaviest first; ties go to the earlier message, then the id, so
        // the order never depends on arrival order within a bucket.
        self.messages.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then(a.at.cmp(&b.at))
                .then(a.interaction.cmp(&b.interaction))
        });
        self.messages.truncate(DRIVERS_SHOWN);
    }

    fn drivers(&mut self) -> Drivers {
        self.keep_heaviest();
        let mut authors: Vec<DrivingAuthor> = self.authors.values().cloned().collect();
        authors.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.author.cmp(&b.author)));
        authors.truncate(DRIVERS_SHOWN);
        Drivers {
            messages: self.messages.clone(),
            authors,
            untracked_authors: self.untracked_authors,
        }
    }

    fn clear(&mut self) {
        self.messages.clear();
        self.authors.clear();
        self.untracked_authors = 0;
    }

    /// Forgets the messages and the tallies of the authors `theirs` picks;
    /// whether there were any.
    fn forget(&mut self, theirs: &dyn Fn(&Handle) -> bool) -> bool {
        let before = (self.messages.len(), self.authors.len());
        self.messages.retain(|m| !theirs(&m.author));
        self.authors.retain(|h, _| !theirs(h));
        before != (self.messages.len(), self.authors.len())
    }
}

/// Takes out of `drivers` the messages and authors `theirs` picks; whether
/// there were any.
fn forget_drivers(drivers: &mut Drivers, theirs: &dyn Fn(&Handle) -> bool) -> bool {
    let before = (drivers.messages.len(), drivers.authors.len());
    drivers.messages.retain(|m| !theirs(&m.author));
    drivers.authors.retain(|a| !theirs(&a.author));
    before != (drivers.messages.len(), drivers.authors.len())
}

/// Messages counted so far in the bucket being filled.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct OpenBucket {
    start: Timestamp,
    total: u64,
    negative: u64,
}

/// A [`Detector`] fed interactions instead of counts: it fills the buckets
/// from customers' messages and their sentiment, and names in each alert the
/// messages and authors driving the episode, with their influence when the
/// caller knows it.
///
/// Feed it the stream's messages in time order (the caller decides what the
/// stream is: a brand's mentions, a tag, a channel). Only inbound messages
/// count: the desk's own replies and notes are not the customers' voice, and
/// [`StreamWatcher::observe`] says so by returning `Ok(false)` for them.
/// Call [`StreamWatcher::advance`] with "now" so that quiet buckets are
/// closed, and the all-clear comes on time, even when no message arrives.
///
/// ```
/// use social_crm::crisis::{Settings, StreamWatcher};
/// use social_crm::jiff::SignedDuration;
/// use social_crm::sentiment::Analyzer;
/// use social_crm::sample;
///
/// let week = sample::week();
/// let analyzer = Analyzer::default();
/// let settings = Settings::new(SignedDuration::from_hours(1))?
///     .with_time_zone(week.time_zone.clone());
/// let mut watcher = StreamWatcher::new("cafelia", settings, week.start);
/// let mut alerts = Vec::new();
/// for i in week.interactions() {
///     let sentiment = analyzer.score(&i.text, i.language);
///     watcher.observe(i, &sentiment, None)?;
///     alerts.extend(watcher.take_alerts());
/// }
/// alerts.extend(watcher.advance(week.now)?);
/// let first = &alerts[0];
/// assert_eq!(first.stream, "cafelia");
/// assert!(!first.drivers.messages.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "WatcherFields"))]
pub struct StreamWatcher {
    detector: Detector,
    open: OpenBucket,
    board: Board,
    pending: Vec<Alert>,
}

impl StreamWatcher {
    /// A watcher for the stream named `stream` whose first bucket starts at
    /// `start` (buckets then follow every `bucket_width`).
    pub fn new(
        stream: impl Into<String>,
        settings: super::Settings,
        start: Timestamp,
    ) -> StreamWatcher {
        StreamWatcher {
            detector: Detector::new(stream, settings),
            open: OpenBucket {
                start,
                total: 0,
                negative: 0,
            },
            board: Board::default(),
            pending: Vec::new(),
        }
    }

    /// The detector inside, with its baseline and episode.
    pub fn detector(&self) -> &Detector {
        &self.detector
    }

    /// Forgets who wrote: the messages and tallies of the authors `theirs`
    /// picks leave the drivers (of the episode under way and of the alerts
    /// not yet taken); the counts stay, they name nobody. Returns whether
    /// anything was forgotten. This is how an erasure request reaches the
    /// crisis state.
    pub fn forget_authors(&mut self, theirs: &dyn Fn(&Handle) -> bool) -> bool {
        let mut forgot = self.board.forget(theirs);
        for alert in &mut self.pending {
            forgot |= forget_drivers(&mut alert.drivers, theirs);
        }
        forgot
    }

    /// Counts one message, given its sentiment and its author's influence
    /// (0 to 100) when known. Buckets that ended before it are closed first;
    /// the alerts they raised wait in [`StreamWatcher::take_alerts`].
    ///
    /// Returns whether the message was counted: `false` for the desk's own
    /// messages and notes.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidBucket`] for a message earlier than the bucket
    /// being filled (messages must come in time order);
    /// [`ErrorKind::InvalidSignal`] for an influence outside 0 to 100 (or
    /// NaN). Nothing is counted then.
    pub fn observe(
        &mut self,
        interaction: &Interaction,
        sentiment: &Sentiment,
        influence: Option<f64>,
    ) -> Result<bool> {
        check_influence(influence)?;
        self.check_order(interaction)?;
        let (Direction::Inbound, Author::Customer(author)) =
            (interaction.direction, &interaction.author)
        else {
            return Ok(false);
        };
        let closed = self.close_until(interaction.at)?;
        self.pending.extend(closed);
        let negative = sentiment.label == Label::Negative;
        self.open.total = self.open.total.saturating_add(1);
        self.open.negative = self.open.negative.saturating_add(u64::from(negative));
        let e = interaction.engagement;
        let reactions = e.likes.saturating_add(e.shares).saturating_add(e.replies);
        let negativity = (-sentiment.compound).max(0.0);
        let weight = negativity
            * (1.0 + (reactions as f64).ln_1p())
            * (1.0 + influence.unwrap_or(0.0) / 100.0);
        self.board.add(
            DrivingMessage {
                interaction: interaction.id.clone(),
                author: author.clone(),
                at: interaction.at,
                compound: sentiment.compound,
                reactions,
                influence,
                weight,
            },
            negative,
        );
        Ok(true)
    }

    /// Refuses a message earlier than the bucket being filled, or so near
    /// the end of time that the bucket after it cannot be named: after this
    /// check, closing the buckets up to the message cannot fail, so a
    /// message is counted in every stream or in none.
    pub(crate) fn check_order(&self, interaction: &Interaction) -> Result<()> {
        let width = self.detector.settings().bucket_width();
        if interaction.at.checked_add(width).is_err() {
            return Err(too_far(interaction.at));
        }
        if interaction.at < self.open.start {
            return Err(Error::from(ErrorKind::InvalidBucket {
                stream: self.detector.stream().to_owned(),
                at: interaction.at.to_string(),
                reason: format!(
                    "interaction `{}` is earlier than the bucket being filled, which started at `{}`",
                    interaction.id, self.open.start
                ),
            }));
        }
        Ok(())
    }

    /// The alerts raised by buckets closed in [`StreamWatcher::observe`]
    /// since the last call.
    pub fn take_alerts(&mut self) -> Vec<Alert> {
        std::mem::take(&mut self.pending)
    }

    /// Closes every bucket that ended at or before `now` (quiet ones too)
    /// and returns the alerts they raise, with those still waiting from
    /// [`StreamWatcher::observe`].
    ///
    /// # Errors
    ///
    /// As [`Detector::push`].
    pub fn advance(&mut self, now: Timestamp) -> Result<Vec<Alert>> {
        let closed = self.close_until(now)?;
        self.pending.extend(closed);
        Ok(self.take_alerts())
    }

    /// Pushes the open bucket, and quiet ones after it, while they end at or
    /// before `at`. Quiet buckets are pushed for at most the settings'
    /// maximum gap (so an episode can be cleared in a silence); the rest of a
    /// longer silence is jumped over, which the detector reads as a break.
    fn close_until(&mut self, at: Timestamp) -> Result<Vec<Alert>> {
        let settings = self.detector.settings();
        let width = settings.bucket_width();
        let longest_quiet = settings.max_gap().as_secs() / width.as_secs() + 1;
        let mut alerts = Vec::new();
        let mut pushed = 0;
        while self.open.start < at {
            let elapsed = at.duration_since(self.open.start);
            let ended = elapsed.as_secs() / width.as_secs();
            if ended == 0 {
                break;
            }
            if pushed > longest_quiet {
                // A silence as long as the longest gap has been fed as
                // quiet buckets: the rest is a break, jumped over to the
                // bucket holding `at`.
                self.open.start = bucket_holding(self.open.start, width, at)?;
                break;
            }
            let bucket =
                Bucket::new(self.open.start, self.open.total).with_negative(self.open.negative)?;
            let step = self.detector.push(bucket)?;
            for mut alert in step.alerts {
                alert.drivers = self.board.drivers();
                alerts.push(alert);
            }
            // Messages are remembered while evidence builds up or an
            // episode runs; otherwise only the next bucket's matter.
            let alerting = matches!(step.status, Status::Alerting(_));
            let building = step.evidence.is_some_and(|e| e.accumulated > 0.0);
            if !alerting && !building {
                self.board.clear();
            }
            pushed += 1;
            self.open = OpenBucket {
                start: self
                    .open
                    .start
                    .checked_add(width)
                    .map_err(|_| too_far(self.open.start))?,
                total: 0,
                negative: 0,
            };
        }
        Ok(alerts)
    }
}

/// The start of the bucket holding `at` on the grid of `width`-wide buckets
/// through `origin` (`at` at or after `origin`).
pub(crate) fn bucket_holding(
    origin: Timestamp,
    width: SignedDuration,
    at: Timestamp,
) -> Result<Timestamp> {
    let into = at.duration_since(origin).as_nanos() % width.as_nanos();
    // Under one bucket width (at most a day), so it fits.
    let into = SignedDuration::from_nanos(i64::try_from(into).unwrap_or(0));
    at.checked_sub(into).map_err(|_| too_far(at))
}

/// What a stored [`StreamWatcher`] holds, checked when read: the detector
/// checks itself, and the open bucket cannot hold more negatives than
/// messages.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WatcherFields {
    detector: Detector,
    open: OpenBucket,
    board: Board,
    pending: Vec<Alert>,
}

#[cfg(feature = "serde")]
impl TryFrom<WatcherFields> for StreamWatcher {
    type Error = Error;

    fn try_from(f: WatcherFields) -> Result<StreamWatcher> {
        Bucket::new(f.open.start, f.open.total).with_negative(f.open.negative)?;
        let invalid = |reason: String| crate::error::invalid_state("stream watcher", reason);
        // The open bucket is the one after the detector's last.
        if let Some(last) = f.detector.last_bucket() {
            if f.open.start <= last {
                return invalid(format!(
                    "the open bucket at `{}` is not after the last bucket pushed, at `{last}`",
                    f.open.start
                ));
            }
        }
        if let Err(reason) = f.board.check() {
            return invalid(reason);
        }
        Ok(StreamWatcher {
            detector: f.detector,
            open: f.open,
            board: f.board,
            pending: f.pending,
        })
    }
}

/// Refuses an influence outside 0 to 100 (NaN included), the range
/// [`crate::influence`] scores in: a message's weight then stays finite,
/// whatever its reactions, and so does the sum of an author's.
pub(crate) fn check_influence(influence: Option<f64>) -> Result<()> {
    match influence.filter(|v| !(0.0..=100.0).contains(v)) {
        Some(value) => Err(Error::from(ErrorKind::InvalidSignal {
            what: "author influence",
            value,
        })),
        None => Ok(()),
    }
}

fn too_far(from: Timestamp) -> Error {
    Error::from(ErrorKind::OutOfRange {
        what: format!("the buckets after `{from}`"),
    })
}
