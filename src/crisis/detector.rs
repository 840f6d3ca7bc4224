//! The streaming detector: one stream's buckets in, alerts out.

use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{RoundMode, SignedDuration, Timestamp, Unit, ZonedDateTimeRound};

use super::baseline::{from_anscombe, Baseline, Expected, DAY_SLOTS};
use super::bucket::Bucket;
use super::watch::Drivers;
use crate::error::{Error, ErrorKind, Result};

word_enum! {
    /// How serious an episode is. Levels are ordered: `Watch < Warning <
    /// Crisis`.
    pub enum Level ("alert level") {
        /// Unusual: someone should look.
        Watch => "watch",
        /// Clearly abnormal and large or lasting: the desk's lead acts.
        Warning => "warning",
        /// A crisis: the communication chain is alerted.
        Crisis => "crisis",
    }
}

/// How sensitive a detector is. The defaults are the crate's one setting,
/// the same for every stream; see the [module documentation](super) for the
/// figures they reach.
///
/// Every threshold is on the scale of a z-score: how many standard
/// deviations a bucket lies above what the baseline expects.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Sensitivity {
    /// A single bucket this far above the baseline raises a watch.
    pub watch: f64,
    /// ... a warning.
    pub warning: f64,
    /// ... a crisis.
    pub crisis: f64,
    /// The CUSUM's allowance: buckets less unusual than this add nothing to
    /// the accumulated evidence, so ordinary noise never builds up.
    pub drift: f64,
    /// Accumulated evidence (the CUSUM) that raises a watch; twice and four
    /// times as much raise a warning and a crisis. Catches slow builds.
    pub build: f64,
    /// A bucket below this is calm; the all-clear comes after a run of calm
    /// buckets.
    pub calm: f64,
    /// Once a bucket is alarming, it is a warning when it holds at least this
    /// many times the usual count (of negatives when known, of messages
    /// otherwise), whatever its z-score: a small desk flooded with ten times
    /// its usual complaints is in trouble even when the counts are too small
    /// for a large z-score.
    pub warning_ratio: f64,
    /// ... and a crisis from this many times the usual count.
    pub crisis_ratio: f64,
    /// The half-life, in hours, of the stream's recent peaks. A stream whose
    /// ordinary days already hold bursts (bots, live events) raises its own
    /// bar: a spike must beat both the thresholds above and the recent peaks
    /// (decayed by this half-life), each threshold scaled by the same factor.
    /// The same holds for the stream's record of the week, which has no
    /// setting: a spike must also beat all but one of the daily peaks of the
    /// last seven days and today so far.
    pub peak_half_life_hours: f64,
}

impl Default for Sensitivity {
    fn default() -> Sensitivity {
        Sensitivity {
            watch: 4.5,
            warning: 9.0,
            crisis: 14.0,
            drift: 0.5,
            build: 8.0,
            calm: 2.0,
            warning_ratio: 3.0,
            crisis_ratio: 10.0,
            peak_half_life_hours: 72.0,
        }
    }
}

impl Sensitivity {
    fn check(&self) -> Result<()> {
        let fields = [
            ("watch threshold", self.watch),
            ("warning threshold", self.warning),
            ("crisis threshold", self.crisis),
            ("drift", self.drift),
            ("build threshold", self.build),
            ("calm threshold", self.calm),
            ("peak half-life", self.peak_half_life_hours),
            ("warning ratio", self.warning_ratio),
            ("crisis ratio", self.crisis_ratio),
        ];
        for (what, value) in fields {
            if !(value.is_finite() && value > 0.0) {
                return Err(config(what, value));
            }
        }
        if !(self.watch <= self.warning && self.warning <= self.crisis) {
            return Err(config("warning threshold", self.warning));
        }
        if self.calm > self.watch {
            return Err(config("calm threshold", self.calm));
        }
        if !(1.0 <= self.warning_ratio && self.warning_ratio <= self.crisis_ratio) {
            return Err(config("warning ratio", self.warning_ratio));
        }
        if self.peak_half_life_hours > 24.0 * 366.0 {
            return Err(config("peak half-life", self.peak_half_life_hours));
        }
        Ok(())
    }
}

fn config(what: &'static str, value: impl ToString) -> Error {
    Error::from(ErrorKind::InvalidConfig {
        what,
        value: value.to_string(),
    })
}

/// Whom to alert at each level: a caller-given chain. An alert at one level
/// goes to the contacts of that level and of every level below it, so a
/// crisis reaches the desk's lead as well as the communication director.
///
/// ```
/// use social_crm::crisis::{Escalation, Level};
///
/// let chain = Escalation::new()
///     .at(Level::Watch, ["desk-lead@cafelia.example"])
///     .at(Level::Crisis, ["comms-director@cafelia.example", "ceo-office@cafelia.example"]);
/// assert_eq!(chain.contacts(Level::Warning), ["desk-lead@cafelia.example"]);
/// assert_eq!(chain.contacts(Level::Crisis).len(), 3);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Escalation {
    #[cfg_attr(feature = "serde", serde(default))]
    watch: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    warning: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    crisis: Vec<String>,
}

impl Escalation {
    /// A chain that alerts nobody.
    pub fn new() -> Escalation {
        Escalation::default()
    }

    /// Adds contacts (addresses, team names, pager keys: whatever the
    /// caller's notifier understands) to one level.
    pub fn at<I, S>(mut self, level: Level, contacts: I) -> Escalation
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.level_mut(level)
            .extend(contacts.into_iter().map(Into::into));
        self
    }

    /// Everyone to alert at `level`: that level's contacts and those of
    /// every level below, lowest level first, each once.
    pub fn contacts(&self, level: Level) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for l in Level::ALL.iter().filter(|l| **l <= level) {
            for c in self.level(*l) {
                if !out.contains(&c.as_str()) {
                    out.push(c);
                }
            }
        }
        out
    }

    fn level(&self, level: Level) -> &Vec<String> {
        match level {
            Level::Watch => &self.watch,
            Level::Warning => &self.warning,
            Level::Crisis => &self.crisis,
        }
    }

    fn level_mut(&mut self, level: Level) -> &mut Vec<String> {
        match level {
            Level::Watch => &mut self.watch,
            Level::Warning => &mut self.warning,
            Level::Crisis => &mut self.crisis,
        }
    }
}

/// A detector's settings: the bucket width, the time zone whose hours and
/// days make the cycle, and how long to learn, wait and stay calm.
///
/// ```
/// use social_crm::crisis::Settings;
/// use social_crm::jiff::SignedDuration;
///
/// // Paris time, built from its POSIX rule (or `time::time_zone("Europe/Paris")`
/// // with the bundled database).
/// let paris = social_crm::time::posix_time_zone("CET-1CEST,M3.5.0,M10.5.0/3")?;
/// let settings = Settings::new(SignedDuration::from_mins(15))?.with_time_zone(paris);
/// assert_eq!(settings.warm_up(), SignedDuration::from_hours(24));
/// assert!(Settings::new(SignedDuration::ZERO).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SettingsFields"))]
pub struct Settings {
    bucket_width: SignedDuration,
    #[cfg_attr(feature = "serde", serde(with = "crate::time::serde_zone"))]
    time_zone: TimeZone,
    warm_up: SignedDuration,
    max_gap: SignedDuration,
    all_clear_after: SignedDuration,
    sensitivity: Sensitivity,
    escalation: Escalation,
}

impl Settings {
    /// The default settings for buckets `bucket_width` wide: the cycle in
    /// UTC, one day of warm-up, gaps of up to a day read as quiet buckets,
    /// the all-clear after two calm hours, the default [`Sensitivity`] and
    /// nobody to alert.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] unless the width is a whole number of
    /// seconds from one second to one day.
    pub fn new(bucket_width: SignedDuration) -> Result<Settings> {
        Settings {
            bucket_width,
            time_zone: TimeZone::UTC,
            warm_up: SignedDuration::from_hours(24),
            max_gap: SignedDuration::from_hours(24),
            all_clear_after: SignedDuration::from_hours(2),
            sensitivity: Sensitivity::default(),
            escalation: Escalation::new(),
        }
        .checked()
    }

    /// The zone whose civil hours and weekdays make the stream's cycle
    /// (a desk in Paris: `Europe/Paris`, so that summer time moves nothing).
    ///
    /// A zone whose stored form would read back as another (see
    /// [`time::posix_time_zone`](crate::time::posix_time_zone)) is taken,
    /// but storing the settings then fails with a serde error instead of
    /// writing the other zone.
    pub fn with_time_zone(mut self, time_zone: TimeZone) -> Settings {
        self.time_zone = time_zone;
        self
    }

    /// How long the detector only learns before it may alert (zero or
    /// more). It also says "learning" for any hour it has not seen yet.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] for a negative duration.
    pub fn with_warm_up(mut self, warm_up: SignedDuration) -> Result<Settings> {
        self.warm_up = warm_up;
        self.checked()
    }

    /// The longest run of missing buckets read as buckets with no message
    /// (callers often skip empty buckets); a longer gap is a break in the
    /// data: it is not learnt, and the accumulated evidence starts again.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] for a negative duration or one over
    /// 28 days.
    pub fn with_max_gap(mut self, max_gap: SignedDuration) -> Result<Settings> {
        self.max_gap = max_gap;
        self.checked()
    }

    /// How long a stream must stay calm before the all-clear.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] unless it is at least one bucket wide.
    pub fn with_all_clear_after(mut self, calm_for: SignedDuration) -> Result<Settings> {
        self.all_clear_after = calm_for;
        self.checked()
    }

    /// Other thresholds than the defaults.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] for a threshold that is not a positive
    /// finite number, levels out of order (watch <= warning <= crisis), or a
    /// calm threshold above the watch threshold.
    pub fn with_sensitivity(mut self, sensitivity: Sensitivity) -> Result<Settings> {
        self.sensitivity = sensitivity;
        self.checked()
    }

    /// Whom to alert at each level.
    pub fn with_escalation(mut self, escalation: Escalation) -> Settings {
        self.escalation = escalation;
        self
    }

    /// The width of a bucket.
    pub fn bucket_width(&self) -> SignedDuration {
        self.bucket_width
    }

    /// The zone of the cycle.
    pub fn time_zone(&self) -> &TimeZone {
        &self.time_zone
    }

    /// The warm-up period.
    pub fn warm_up(&self) -> SignedDuration {
        self.warm_up
    }

    /// The longest gap read as quiet buckets.
    pub fn max_gap(&self) -> SignedDuration {
        self.max_gap
    }

    /// How long a stream stays calm before the all-clear.
    pub fn all_clear_after(&self) -> SignedDuration {
        self.all_clear_after
    }

    /// The thresholds.
    pub fn sensitivity(&self) -> &Sensitivity {
        &self.sensitivity
    }

    /// The escalation chain.
    pub fn escalation(&self) -> &Escalation {
        &self.escalation
    }

    fn checked(self) -> Result<Settings> {
        self.check()?;
        Ok(self)
    }

    fn check(&self) -> Result<()> {
        let width = self.bucket_width;
        if width < SignedDuration::from_secs(1)
            || width > SignedDuration::from_hours(24)
            || width.subsec_nanos() != 0
        {
            return Err(config("bucket width", width));
        }
        if self.warm_up.is_negative() {
            return Err(config("warm-up", self.warm_up));
        }
        if self.max_gap.is_negative() || self.max_gap > SignedDuration::from_hours(28 * 24) {
            return Err(config("maximum gap", self.max_gap));
        }
        if self.all_clear_after < width {
            return Err(config("all-clear delay", self.all_clear_after));
        }
        self.sensitivity.check()
    }

    /// How many buckets `d` spans, rounded up (at least 1).
    fn buckets_in(&self, d: SignedDuration) -> u32 {
        let width = self.bucket_width.as_secs();
        let secs = d.as_secs().max(0);
        u32::try_from(secs / width + i64::from(secs % width != 0))
            .unwrap_or(u32::MAX)
            .max(1)
    }

    fn buckets_per_hour(&self) -> u32 {
        u32::try_from(3600 / self.bucket_width.as_secs())
            .unwrap_or(1)
            .max(1)
    }
}

/// What made a bucket alarming.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Trigger {
    /// One bucket far above the baseline: a sudden spike.
    Spike,
    /// Evidence accumulated over several buckets (the CUSUM): a slow build.
    Build,
}

/// Which statistic a stream is judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Signal {
    /// The share of negative messages given the volume (when the bucket says
    /// how many were negative): a darker mood than usual. Once the share is
    /// clearly up (z >= 3), the count of negatives against the usual count
    /// for the hour is tested too, and the larger score counts. A surge of
    /// ordinary messages (a campaign, a TV mention) does not alarm.
    NegativeShare,
    /// The volume alone (when negatives are unknown): more messages than
    /// usual at this hour of this day, in the bucket or in the last three
    /// buckets together (see [`Evidence::recent_volume_z`]).
    Volume,
}

/// The numbers behind a judgement: what one bucket held against what its
/// hour usually holds.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Evidence {
    /// The bucket's start.
    pub at: Timestamp,
    /// Messages in the bucket.
    pub observed: u64,
    /// The typical number of messages at this hour.
    pub expected: f64,
    /// How unusual the volume is: a robust z-score on the Anscombe scale
    /// `sqrt(count + 3/8)`, against the same hour of the week (of the day
    /// during the first week).
    pub volume_z: f64,
    /// With volume only, how unusual the volume of the last three buckets
    /// together is (this one and the two before it): the z-score of their
    /// sum, divided by the stream's own inflation of such z-scores
    /// (neighbouring buckets are not independent). The score is then the
    /// larger of this and [`volume_z`](Evidence::volume_z): a burst that
    /// stays a little above the usual for several buckets, too small in
    /// each for a large z-score, still shows. `None` with negatives known
    /// (the mood decides), and until three buckets in a row have been
    /// judged and the inflation has been learnt for an hour.
    #[cfg_attr(feature = "serde", serde(default))]
    pub recent_volume_z: Option<f64>,
    /// Negative messages, when known.
    pub negative: Option<u64>,
    /// The negatives expected given the bucket's volume and the usual
    /// share.
    pub expected_negative: Option<f64>,
    /// The usual share of negatives at this hour, when negatives are known.
    pub expected_share: Option<f64>,
    /// How unusual the negatives are given the volume: a binomial z-score
    /// widened by the stream's over-dispersion.
    pub share_z: Option<f64>,
    /// How many times the usual count the bucket holds: negatives against
    /// the usual negatives for the hour when negatives are known, messages
    /// against the typical count otherwise (each plus one, so that an empty
    /// hour does not divide by zero).
    pub ratio: f64,
    /// The statistic tested.
    pub signal: Signal,
    /// Its value for this bucket.
    pub score: f64,
    /// The evidence accumulated over recent buckets (one-sided CUSUM of the
    /// score less the drift).
    pub accumulated: f64,
    /// The score this bucket needed for a watch: [`Sensitivity::watch`],
    /// raised to the stream's recent peaks and to its record of the week
    /// when they are higher (see [`Sensitivity::peak_half_life_hours`]). The
    /// stream's own bar, set by the buckets before this one: a bucket whose
    /// score is under it raises nothing, however unusual its volume, and
    /// the warning and crisis thresholds are raised in the same proportion.
    pub score_bar: f64,
    /// The same for the accumulated evidence: [`Sensitivity::build`], raised
    /// to the stream's recent and daily peaks of accumulated evidence.
    pub accumulated_bar: f64,
}

impl Evidence {
    /// The share of negative messages in the bucket, when known and the
    /// bucket is not empty.
    pub fn negative_share(&self) -> Option<f64> {
        match self.negative {
            Some(n) if self.observed > 0 => Some(n as f64 / self.observed as f64),
            _ => None,
        }
    }

    /// How far this bucket stood past the stream's bar: the larger of the
    /// score over [`score_bar`](Evidence::score_bar) and the accumulated
    /// evidence over [`accumulated_bar`](Evidence::accumulated_bar). From 1
    /// up the bucket alarms; under 1 it says how close it came, which is
    /// what to look at when an incident raised nothing, or only just.
    ///
    /// ```
    /// use social_crm::crisis::{Bucket, Detector, Settings};
    /// use social_crm::jiff::{SignedDuration, Timestamp};
    ///
    /// let width = SignedDuration::from_mins(15);
    /// let mut detector = Detector::new("mentions", Settings::new(width)?);
    /// let mut at: Timestamp = "2026-11-02T00:00:00Z".parse()?;
    /// for i in 0..(14 * 96) {
    ///     detector.push(Bucket::new(at, 40 + i % 7))?;
    ///     at = at.checked_add(width)?;
    /// }
    /// let quiet = detector.push(Bucket::new(at, 44))?.evidence.unwrap();
    /// assert!(quiet.margin() < 1.0);
    /// let at = at.checked_add(width)?;
    /// let surge = detector.push(Bucket::new(at, 400))?.evidence.unwrap();
    /// assert!(surge.margin() >= 1.0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn margin(&self) -> f64 {
        (self.score / self.score_bar).max(self.accumulated / self.accumulated_bar)
    }
}

/// An episode: from the first alert to the all-clear.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Episode {
    /// The start of the bucket that raised it.
    pub started: Timestamp,
    /// The highest level reached so far.
    pub level: Level,
    /// Buckets in the episode so far.
    pub buckets: u32,
    /// Messages in those buckets.
    pub observed: u64,
    /// The typical number of messages for those hours.
    pub expected: f64,
    /// Negative messages in those buckets (buckets whose negatives are
    /// unknown count none).
    pub negative: u64,
    /// Negatives expected from their volumes and the usual shares.
    pub expected_negative: f64,
    /// The highest score of a bucket in the episode.
    pub peak_score: f64,
    /// Calm buckets in a row at the end (the all-clear comes when this
    /// covers the settings' `all_clear_after`).
    calm_run: u32,
}

impl Episode {
    fn add(&mut self, e: &Evidence) {
        self.buckets = self.buckets.saturating_add(1);
        self.observed = self.observed.saturating_add(e.observed);
        self.expected += e.expected;
        self.negative = self.negative.saturating_add(e.negative.unwrap_or(0));
        self.expected_negative += e.expected_negative.unwrap_or(0.0);
        self.peak_score = self.peak_score.max(e.score);
    }
}

/// What an alert says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
#[non_exhaustive]
pub enum AlertKind {
    /// A new episode, at the alert's level.
    Raised,
    /// The episode got worse: from `from` to the alert's level.
    Escalated {
        /// The level before.
        from: Level,
    },
    /// The stream is back to normal; the alert's level is the highest the
    /// episode reached.
    AllClear,
}

/// One alert: raised, escalated, or the all-clear. A detector emits one per
/// episode and level change, never one per bucket.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Alert {
    /// The stream's name.
    pub stream: String,
    /// Raised, escalated or all-clear.
    pub kind: AlertKind,
    /// The level raised or escalated to (for the all-clear, the highest
    /// reached).
    pub level: Level,
    /// What set it off (for the all-clear, the last alarming cause).
    pub trigger: Trigger,
    /// The bucket that decided it.
    pub evidence: Evidence,
    /// The episode so far, this bucket included.
    pub episode: Episode,
    /// Whom to tell, from the settings' [`Escalation`] chain.
    pub escalate_to: Vec<String>,
    /// The messages and authors driving the episode, when the detector was
    /// fed interactions through a [`StreamWatcher`](super::StreamWatcher);
    /// empty when it was fed counts.
    pub drivers: Drivers,
}

impl Alert {
    /// When the alert was decided: the start of the bucket that decided it.
    pub fn at(&self) -> Timestamp {
        self.evidence.at
    }
}

impl std::fmt::Display for Alert {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let e = &self.evidence;
        match self.kind {
            AlertKind::Raised => write!(f, "{} raised", self.level)?,
            AlertKind::Escalated { from } => write!(f, "{from} escalated to {}", self.level)?,
            AlertKind::AllClear => write!(f, "all-clear after {}", self.level)?,
        }
        write!(f, " on `{}` at {}", self.stream, e.at)?;
        if self.kind == AlertKind::AllClear {
            return write!(
                f,
                ": {} buckets since {}, {} messages for {:.0} expected",
                self.episode.buckets,
                self.episode.started,
                self.episode.observed,
                self.episode.expected
            );
        }
        let cause = match self.trigger {
            Trigger::Spike => "spike",
            Trigger::Build => "build-up",
        };
        write!(
            f,
            " ({cause}): {} messages for {:.0} expected",
            e.observed, e.expected
        )?;
        if let (Some(n), Some(expected)) = (e.negative, e.expected_negative) {
            write!(f, ", {n} negative for {expected:.0} expected")?;
        }
        let what = match e.signal {
            Signal::NegativeShare => "negatives",
            Signal::Volume => "messages",
        };
        write!(f, "; score {:.1} (", e.score)?;
        match (e.signal, e.recent_volume_z) {
            (Signal::NegativeShare, _) => {
                write!(f, "negative share z {:.1}", e.share_z.unwrap_or(e.score))?
            }
            (Signal::Volume, Some(recent)) if recent > e.volume_z => write!(
                f,
                "volume z {:.1}, {recent:.1} for the last three buckets together",
                e.volume_z
            )?,
            (Signal::Volume, _) => write!(f, "volume z {:.1}", e.volume_z)?,
        }
        write!(
            f,
            ") for a bar of {:.1}, {:.1}x the usual {what}, \
             accumulated {:.1} for a bar of {:.1}",
            e.score_bar, e.ratio, e.accumulated, e.accumulated_bar
        )
    }
}

/// Where a stream stands after a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "status", content = "level")
)]
#[non_exhaustive]
pub enum Status {
    /// Still learning this stream (warm-up, or an hour never seen): no
    /// judgement yet.
    Learning,
    /// Nothing unusual.
    Normal,
    /// In an episode, at this level.
    Alerting(Level),
}

/// The result of feeding one bucket.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Step {
    /// Where the stream stands now.
    pub status: Status,
    /// The alerts this bucket raised, escalated or cleared: usually none.
    /// (More than one only when a gap filled with quiet buckets ended an
    /// episode before this bucket started another.)
    pub alerts: Vec<Alert>,
    /// The bucket's evidence, unless the detector was still learning.
    pub evidence: Option<Evidence>,
}

/// Where the hours of the cycle fall: the current civil hour, cached so
/// that the zone is consulted once per hour of stream, not once per bucket.
#[derive(Debug, Clone, Copy, PartialEq)]
struct CivilHour {
    start: Timestamp,
    end: Timestamp,
    hour_of_week: usize,
    /// The civil day: days since 1970-01-01 in the zone.
    day: i64,
}

/// The negative-share z-score from which the count of negatives is tested
/// as well (a one-sided p-value of about 0.001).
const SHARE_GATE: f64 = 3.0;

/// Days in a stream's record of daily peaks.
const RECORD_DAYS: usize = 7;

/// A stream's record of the week: the highest score and accumulated
/// evidence of today so far and of each of the seven days before, in the
/// detector's time zone.
///
/// A spike is news only when at most one of those days saw a larger one. A
/// stream that bursts every day (bots, a daily show) so sets its own bar,
/// while one incident in the week does not mask the next. On the NAB tweet
/// series this rule cut the false alarms of the decayed peaks alone by
/// 45 % (105 to 58), with every incident still found.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
struct Record {
    /// Today: days since 1970-01-01 in the detector's time zone.
    day: Option<i64>,
    /// Today's peaks so far.
    today: (f64, f64),
    /// The peaks of the days before, the most recent first (0 for a day
    /// without data).
    past: [(f64, f64); RECORD_DAYS],
    /// The two highest scores and the two highest accumulated evidences of
    /// `past`, highest first: derived from it when the day moves on (and
    /// when a detector is read back), so that every bucket can be told its
    /// bar without going through the week.
    #[cfg_attr(feature = "serde", serde(skip))]
    past_top: ((f64, f64), (f64, f64)),
}

impl Record {
    /// Moves the record on to `day`, if it is a new one.
    fn start_day(&mut self, day: i64) {
        let elapsed = match self.day {
            Some(today) if day > today => day - today,
            Some(_) => return,
            None => {
                self.day = Some(day);
                return;
            }
        };
        // Past the record's length, every remembered day is forgotten.
        for _ in 0..elapsed.min(RECORD_DAYS as i64 + 1) {
            self.past.rotate_right(1);
            self.past[0] = self.today;
            self.today = (0.0, 0.0);
        }
        self.day = Some(day);
        self.rank_past();
    }

    /// Derives `past_top` from `past`.
    fn rank_past(&mut self) {
        let (mut score, mut accumulated) = ((0.0, 0.0), (0.0, 0.0));
        for &(s, a) in &self.past {
            keep_top_two(&mut score, s);
            keep_top_two(&mut accumulated, a);
        }
        self.past_top = (score, accumulated);
    }

    fn remember(&mut self, score: f64, accumulated: f64) {
        self.today.0 = self.today.0.max(score);
        self.today.1 = self.today.1.max(accumulated);
    }

    /// The second-highest peak score and accumulated evidence over the
    /// record's days: what a spike must beat to be news.
    fn bar(&self) -> (f64, f64) {
        let second = |mut top: (f64, f64), today: f64| {
            keep_top_two(&mut top, today);
            top.1
        };
        let (score, accumulated) = self.past_top;
        (
            second(score, self.today.0),
            second(accumulated, self.today.1),
        )
    }

    /// A record read back: its derived ranking made again.
    #[cfg(feature = "serde")]
    fn read_back(mut self) -> Record {
        self.rank_past();
        self
    }

    #[cfg(feature = "serde")]
    fn is_well_formed(&self) -> bool {
        self.past
            .iter()
            .chain([&self.today])
            .all(|&(s, a)| s.is_finite() && s >= 0.0 && a.is_finite() && a >= 0.0)
    }
}

/// Keeps the two highest values seen, highest first.
fn keep_top_two(top: &mut (f64, f64), v: f64) {
    if v > top.1 {
        *top = if v > top.0 { (v, top.0) } else { (top.0, v) };
    }
}

/// The civil-hour cache is derived data: it is not stored, and two detectors
/// that differ only in it are equal.
#[derive(Debug, Clone, Copy, Default)]
struct HourCache(Option<CivilHour>);

impl PartialEq for HourCache {
    fn eq(&self, _: &HourCache) -> bool {
        true
    }
}

/// A streaming crisis detector for one stream (a brand, a topic, a tag, a
/// channel): fed its buckets in time order, it learns the stream's weekly
/// cycle and raises, escalates and clears alerts.
///
/// Causal: the judgement of a bucket uses only that bucket and earlier ones.
/// The whole detector is a plain value: with the `serde` feature it can be
/// stored and restored, and a restored detector goes on exactly as if it had
/// never stopped, provided the format gives floating-point numbers back
/// exactly (serde_json does with its `float_roundtrip` feature; bincode and
/// postcard always do). A restored state is checked: a malformed one is an
/// error, not a detector. Its size does not grow with the stream's length
/// (about 25 KiB on a 64-bit target: the last six weeks of each hour of the
/// week and seven days of each hour of the day, a few numbers each).
///
/// ```
/// use social_crm::crisis::{AlertKind, Bucket, Detector, Level, Settings, Status};
/// use social_crm::jiff::{SignedDuration, Timestamp, ToSpan};
///
/// let width = SignedDuration::from_mins(15);
/// let mut detector = Detector::new("brand", Settings::new(width)?);
/// let start: Timestamp = "2026-11-02T00:00:00Z".parse()?;
///
/// // Two quiet weeks: about 40 messages a bucket, a quarter negative.
/// let mut at = start;
/// for i in 0..(14 * 96) {
///     let total = 38 + (i * 7) % 5;
///     let step = detector.push(Bucket::new(at, total).with_negative(total / 4)?)?;
///     assert!(step.alerts.is_empty());
///     at = at.checked_add(width)?;
/// }
/// assert_eq!(detector.status(), Status::Normal);
///
/// // Then complaints pour in.
/// let step = detector.push(Bucket::new(at, 150).with_negative(120)?)?;
/// let alert = &step.alerts[0];
/// assert_eq!(alert.kind, AlertKind::Raised);
/// assert_eq!(alert.level, Level::Crisis);
/// assert_eq!(alert.evidence.negative, Some(120));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DetectorFields"))]
pub struct Detector {
    stream: String,
    settings: Settings,
    baseline: Baseline,
    first: Option<Timestamp>,
    last: Option<Timestamp>,
    accumulated: f64,
    /// The recent peaks of the score and of the accumulated evidence,
    /// decayed bucket by bucket.
    peaks: (f64, f64),
    /// The daily peaks of the last week.
    record: Record,
    episode: Option<Episode>,
    trigger: Trigger,
    /// The evidence of the last bucket judged, for callers who show it.
    last_evidence: Option<Evidence>,
    #[cfg_attr(feature = "serde", serde(skip))]
    hour: HourCache,
    /// How much of the peaks one bucket keeps: derived from the settings.
    #[cfg_attr(feature = "serde", serde(skip))]
    peak_keep: f64,
}

impl Detector {
    /// A detector for the stream named `stream`, knowing nothing yet.
    pub fn new(stream: impl Into<String>, settings: Settings) -> Detector {
        let per_hour = settings.buckets_per_hour();
        Detector {
            stream: stream.into(),
            baseline: Baseline::new(per_hour),
            first: None,
            last: None,
            accumulated: 0.0,
            peaks: (0.0, 0.0),
            record: Record::default(),
            episode: None,
            trigger: Trigger::Spike,
            last_evidence: None,
            hour: HourCache::default(),
            peak_keep: settings_peak_keep(&settings),
            settings,
        }
    }

    /// The stream's name.
    pub fn stream(&self) -> &str {
        &self.stream
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The start of the last bucket fed, if any.
    pub fn last_bucket(&self) -> Option<Timestamp> {
        self.last
    }

    /// The episode in progress, if any.
    pub fn episode(&self) -> Option<&Episode> {
        self.episode.as_ref()
    }

    /// The evidence of the last bucket fed (or filled in for a gap): what a
    /// dashboard shows between alerts. `None` before the first bucket and
    /// while the detector was still learning that bucket's hour.
    pub fn last_evidence(&self) -> Option<&Evidence> {
        self.last_evidence.as_ref()
    }

    /// Where the stream stands after the last bucket: learning during the
    /// warm-up, then normal or alerting. (A bucket in an hour never seen
    /// after the warm-up is reported as learning in its own [`Step`].)
    pub fn status(&self) -> Status {
        match (&self.episode, self.first, self.last) {
            (Some(e), _, _) => Status::Alerting(e.level),
            (None, Some(first), Some(last)) if !self.warming_up(first, last) => Status::Normal,
            _ => Status::Learning,
        }
    }

    /// Feeds the next bucket.
    ///
    /// Buckets come in time order on the grid of the first one (its start
    /// plus whole bucket widths). Missing buckets are read as buckets with
    /// no message, up to the settings' maximum gap; a longer gap is a break
    /// in the data, not learnt.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidBucket`] for a bucket that is not after the last
    /// one (out of order or repeated) or not on the grid; nothing is changed
    /// then. [`ErrorKind::OutOfRange`] for an instant the time zone cannot
    /// place.
    pub fn push(&mut self, bucket: Bucket) -> Result<Step> {
        let at = bucket.start();
        let mut missing = 0;
        if let Some(last) = self.last {
            let gap = at.duration_since(last);
            let width = self.settings.bucket_width;
            if !gap.is_positive() {
                let reason = if gap.is_zero() {
                    "the stream already has this bucket".to_owned()
                } else {
                    format!("buckets must come in time order, and the last one started at `{last}`")
                };
                return Err(self.bad_bucket(at, reason));
            }
            if gap.subsec_nanos() != 0 || gap.as_secs() % width.as_secs() != 0 {
                let reason = format!(
                    "not on the stream's grid of {width:#} buckets that started at `{}`",
                    self.first.unwrap_or(last)
                );
                return Err(self.bad_bucket(at, reason));
            }
            missing = gap.as_secs() / width.as_secs() - 1;
        }
        // Placing the bucket in the week is the only step that can fail: do
        // it before anything changes.
        let hour = self.civil_hour(at)?;
        let mut alerts = Vec::new();
        if missing > 0 {
            self.fill_gap(missing, bucket.negative().is_some(), &mut alerts)?;
        }
        let first = *self.first.get_or_insert(at);
        self.last = Some(at);
        let (status, evidence) = self.judge(&bucket, hour, first, &mut alerts);
        Ok(Step {
            status,
            alerts,
            evidence,
        })
    }

    /// Feeds the buckets between the last one and the next: as quiet
    /// buckets for a short gap, or as a break for a long one.
    fn fill_gap(
        &mut self,
        missing: i64,
        with_negative: bool,
        alerts: &mut Vec<Alert>,
    ) -> Result<()> {
        let Some(last) = self.last else { return Ok(()) };
        let width = self.settings.bucket_width;
        let allowed = self.settings.max_gap.as_secs() / width.as_secs();
        if missing > allowed {
            self.accumulated = 0.0;
            self.baseline.forget_recent();
            return Ok(());
        }
        let first = self.first.unwrap_or(last);
        for i in 1..=missing {
            let at = last
                .checked_add(width * i32::try_from(i).unwrap_or(i32::MAX))
                .map_err(|_| out_of_range(last))?;
            let quiet = if with_negative {
                Bucket::new(at, 0).with_negative(0)?
            } else {
                Bucket::new(at, 0)
            };
            let hour = self.civil_hour(at)?;
            self.judge(&quiet, hour, first, alerts);
        }
        Ok(())
    }

    fn warming_up(&self, first: Timestamp, at: Timestamp) -> bool {
        at.duration_since(first) < self.settings.warm_up
    }

    /// Judges one bucket against the baseline, then learns it.
    fn judge(
        &mut self,
        bucket: &Bucket,
        hour: CivilHour,
        first: Timestamp,
        alerts: &mut Vec<Alert>,
    ) -> (Status, Option<Evidence>) {
        let hour_of_week = hour.hour_of_week;
        self.record.start_day(hour.day);
        let total = bucket.total() as f64;
        let negative = bucket.negative().map(|n| n as f64);
        let expected = self.baseline.expected(hour_of_week);
        // The last buckets together are tested on volume alone: with
        // negatives known, the mood decides.
        let recent_z = match (&expected, negative) {
            (Some(e), None) => self.baseline.judge_recent(total, e),
            _ => {
                self.baseline.forget_recent();
                None
            }
        };
        self.baseline
            .learn(hour_of_week, total, negative, expected.as_ref());
        let learning = self.warming_up(first, bucket.start());
        let (Some(expected), false) = (expected, learning) else {
            self.last_evidence = None;
            return (self.status_while_learning(), None);
        };
        let evidence = self.evidence(bucket, &expected, recent_z);
        self.alarm(&evidence, alerts);
        self.remember_peaks(&evidence);
        self.last_evidence = Some(evidence);
        (self.status(), Some(evidence))
    }

    fn status_while_learning(&self) -> Status {
        match &self.episode {
            Some(e) => Status::Alerting(e.level),
            None => Status::Learning,
        }
    }

    fn evidence(
        &mut self,
        bucket: &Bucket,
        expected: &Expected,
        recent_volume_z: Option<f64>,
    ) -> Evidence {
        let total = bucket.total() as f64;
        let volume_z = expected.volume_z(total);
        let share_z = bucket.negative().map(|n| expected.share_z(n as f64, total));
        // With negatives known, the mood decides: the share of negatives
        // given the volume. Once that share is clearly up, the count of
        // negatives against the usual count for the hour may speak too (a
        // small desk flooded with complaints has few messages to test a
        // share on); a surge of ordinary messages, the usual mood, never
        // passes the gate.
        let (signal, score) = match (share_z, bucket.negative()) {
            (Some(z), Some(n)) if z >= SHARE_GATE => {
                (Signal::NegativeShare, z.max(expected.negative_z(n as f64)))
            }
            (Some(z), _) => (Signal::NegativeShare, z),
            // Volume alone: the bucket, or the last few together when they
            // say more.
            (None, _) => (
                Signal::Volume,
                recent_volume_z.map_or(volume_z, |z| volume_z.max(z)),
            ),
        };
        let s = &self.settings.sensitivity;
        // Evidence accumulates (a CUSUM) on the negative share only: its
        // z-score is calibrated (binomial, with the stream's own
        // over-dispersion), while real mention counts are so heavy-tailed
        // that accumulated volume scores mostly sum ordinary bursts (on the
        // NAB tweet series they cost 4 of 21 incidents and 30% more false
        // alarms). One bucket adds at most a watch's worth, so the build-up
        // reflects lasting evidence, not one spike counted twice; ordinary
        // buckets (below the drift) wear it down.
        self.accumulated = match signal {
            Signal::NegativeShare => {
                (self.accumulated + score.min(s.watch) - s.drift).clamp(0.0, 4.0 * s.build)
            }
            Signal::Volume => 0.0,
        };
        // The bars: the thresholds, raised by the stream's recent peaks and
        // its record of the week (this bucket not yet among them).
        let (record_score, record_accumulated) = self.record.bar();
        let score_bar = s.watch.max(self.peaks.0).max(record_score);
        let accumulated_bar = s.build.max(self.peaks.1).max(record_accumulated);
        Evidence {
            at: bucket.start(),
            observed: bucket.total(),
            expected: from_anscombe(expected.mean),
            volume_z,
            recent_volume_z,
            negative: bucket.negative(),
            expected_negative: bucket.negative().map(|_| total * expected.share),
            expected_share: bucket.negative().map(|_| expected.share),
            share_z,
            ratio: match bucket.negative() {
                Some(n) => (n as f64 + 1.0) / (expected.usual_negative() + 1.0),
                None => (total + 1.0) / (from_anscombe(expected.mean) + 1.0),
            },
            signal,
            score,
            accumulated: self.accumulated,
            score_bar,
            accumulated_bar,
        }
    }

    /// The level a bucket's evidence calls for, and why: every threshold
    /// raised in the proportion its bars raise the watch.
    fn level_for(&self, e: &Evidence) -> Option<(Level, Trigger)> {
        let s = &self.settings.sensitivity;
        if e.score < e.score_bar && e.accumulated < e.accumulated_bar {
            return None;
        }
        let spike = [
            (s.crisis / s.watch, Level::Crisis),
            (s.warning / s.watch, Level::Warning),
            (1.0, Level::Watch),
        ]
        .into_iter()
        .find(|(times, _)| e.score >= times * e.score_bar)
        .map(|(_, level)| (level, Trigger::Spike));
        let build = [
            (4.0, Level::Crisis),
            (2.0, Level::Warning),
            (1.0, Level::Watch),
        ]
        .into_iter()
        .find(|(times, _)| e.accumulated >= times * e.accumulated_bar)
        .map(|(_, level)| (level, Trigger::Build));
        let (level, trigger) = match (spike, build) {
            (Some(a), Some(b)) => {
                if b.0 > a.0 {
                    b
                } else {
                    a
                }
            }
            (a, b) => a.or(b)?,
        };
        let by_ratio = if e.ratio >= s.crisis_ratio {
            Level::Crisis
        } else if e.ratio >= s.warning_ratio {
            Level::Warning
        } else {
            Level::Watch
        };
        Some((level.max(by_ratio), trigger))
    }

    /// Remembers this bucket's score and accumulated evidence in the decayed
    /// peaks and in today's record.
    fn remember_peaks(&mut self, e: &Evidence) {
        self.peaks.0 = (self.peaks.0 * self.peak_keep).max(e.score);
        self.peaks.1 = (self.peaks.1 * self.peak_keep).max(e.accumulated);
        self.record.remember(e.score, e.accumulated);
    }

    fn alarm(&mut self, e: &Evidence, alerts: &mut Vec<Alert>) {
        let called = self.level_for(e);
        let s = self.settings.sensitivity;
        let calm_needed = self.settings.buckets_in(self.settings.all_clear_after);
        match (&mut self.episode, called) {
            (None, None) => {}
            (None, Some((level, trigger))) => {
                let mut episode = Episode {
                    started: e.at,
                    level,
                    buckets: 0,
                    observed: 0,
                    expected: 0.0,
                    negative: 0,
                    expected_negative: 0.0,
                    peak_score: f64::NEG_INFINITY,
                    calm_run: 0,
                };
                episode.add(e);
                self.episode = Some(episode);
                self.trigger = trigger;
                alerts.push(self.alert(AlertKind::Raised, e));
            }
            (Some(episode), called) => {
                episode.add(e);
                let calm = e.score < s.calm && e.accumulated < s.build;
                episode.calm_run = if calm {
                    episode.calm_run.saturating_add(1)
                } else {
                    0
                };
                match called {
                    Some((level, trigger)) if level > episode.level => {
                        let from = episode.level;
                        episode.level = level;
                        self.trigger = trigger;
                        alerts.push(self.alert(AlertKind::Escalated { from }, e));
                    }
                    _ if episode.calm_run >= calm_needed => {
                        alerts.push(self.alert(AlertKind::AllClear, e));
                        self.episode = None;
                        self.accumulated = 0.0;
                    }
                    _ => {}
                }
            }
        }
    }

    fn alert(&self, kind: AlertKind, e: &Evidence) -> Alert {
        let episode = self.episode.expect("an alert belongs to an episode");
        Alert {
            stream: self.stream.clone(),
            kind,
            level: episode.level,
            trigger: self.trigger,
            evidence: *e,
            episode,
            escalate_to: self
                .settings
                .escalation
                .contacts(episode.level)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            drivers: Drivers::default(),
        }
    }

    /// The civil hour of `at` in the settings' zone (its hour of the week,
    /// 0 = Monday 00:00, and its day), from the cache while `at` stays in
    /// the same civil hour.
    fn civil_hour(&mut self, at: Timestamp) -> Result<CivilHour> {
        if let Some(h) = self.hour.0 {
            if h.start <= at && at < h.end {
                return Ok(h);
            }
        }
        let zoned = at.to_zoned_datetime(self.settings.time_zone.clone());
        let hour = ZonedDateTimeRound::new()
            .smallest(Unit::Hour)
            .mode(RoundMode::Trunc);
        let start = zoned.round(hour).map_err(|_| out_of_range(at))?;
        let end = start
            .timestamp()
            .checked_add(SignedDuration::from_hours(1))
            .map_err(|_| out_of_range(at))?;
        let weekday = usize::from(start.weekday().to_monday_zero_offset().unsigned_abs());
        let civil = CivilHour {
            start: start.timestamp(),
            end,
            hour_of_week: weekday * DAY_SLOTS + usize::from(start.hour().unsigned_abs()),
            day: start
                .date()
                .duration_since(Date::constant(1970, 1, 1))
                .as_hours()
                / 24,
        };
        self.hour.0 = Some(civil);
        Ok(civil)
    }

    fn bad_bucket(&self, at: Timestamp, reason: String) -> Error {
        Error::from(ErrorKind::InvalidBucket {
            stream: self.stream.clone(),
            at: at.to_string(),
            reason,
        })
    }
}

/// The share of the recent peaks one bucket keeps: half over the settings'
/// peak half-life.
fn settings_peak_keep(settings: &Settings) -> f64 {
    let hours = settings.bucket_width.as_secs_f64() / 3600.0;
    0.5f64.powf(hours / settings.sensitivity.peak_half_life_hours)
}

fn out_of_range(at: Timestamp) -> Error {
    Error::from(ErrorKind::OutOfRange {
        what: format!("`{at}` cannot be placed in the detector's time zone"),
    })
}

/// What a stored [`Settings`] holds, checked as [`Settings::new`] and the
/// `with_*` methods check it.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SettingsFields {
    bucket_width: SignedDuration,
    #[serde(with = "crate::time::serde_zone")]
    time_zone: TimeZone,
    warm_up: SignedDuration,
    max_gap: SignedDuration,
    all_clear_after: SignedDuration,
    sensitivity: Sensitivity,
    #[serde(default)]
    escalation: Escalation,
}

#[cfg(feature = "serde")]
impl TryFrom<SettingsFields> for Settings {
    type Error = Error;

    fn try_from(f: SettingsFields) -> Result<Settings> {
        Settings {
            bucket_width: f.bucket_width,
            time_zone: f.time_zone,
            warm_up: f.warm_up,
            max_gap: f.max_gap,
            all_clear_after: f.all_clear_after,
            sensitivity: f.sensitivity,
            escalation: f.escalation,
        }
        .checked()
    }
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DetectorFields {
    stream: String,
    settings: Settings,
    baseline: Baseline,
    first: Option<Timestamp>,
    last: Option<Timestamp>,
    accumulated: f64,
    peaks: (f64, f64),
    record: Record,
    episode: Option<Episode>,
    trigger: Trigger,
    last_evidence: Option<Evidence>,
}

#[cfg(feature = "serde")]
impl TryFrom<DetectorFields> for Detector {
    type Error = Error;

    fn try_from(f: DetectorFields) -> Result<Detector> {
        let invalid = |what: &'static str, value: String| {
            Err(Error::from(ErrorKind::InvalidConfig { what, value }))
        };
        if !f.baseline.is_well_formed() || f.baseline.per_hour() != f.settings.buckets_per_hour() {
            return invalid("detector baseline", "malformed".to_owned());
        }
        for (what, value) in [
            ("accumulated evidence", f.accumulated),
            ("recent peak score", f.peaks.0),
            ("recent peak evidence", f.peaks.1),
        ] {
            if !(value.is_finite() && value >= 0.0) {
                return invalid(what, value.to_string());
            }
        }
        if !f.record.is_well_formed() {
            return invalid("detector's record of the week", format!("{:?}", f.record));
        }
        if f.first.is_some() != f.last.is_some() || f.first > f.last {
            return invalid(
                "detector's first and last buckets",
                format!("{:?} {:?}", f.first, f.last),
            );
        }
        Ok(Detector {
            stream: f.stream,
            baseline: f.baseline,
            first: f.first,
            last: f.last,
            accumulated: f.accumulated,
            peaks: f.peaks,
            record: f.record.read_back(),
            episode: f.episode,
            trigger: f.trigger,
            last_evidence: f.last_evidence,
            hour: HourCache::default(),
            peak_keep: settings_peak_keep(&f.settings),
            settings: f.settings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_record_bar_is_the_second_highest_daily_peak_of_the_week() {
        let mut r = Record::default();
        r.start_day(100);
        r.remember(9.0, 1.0);
        r.start_day(101);
        r.remember(5.0, 3.0);
        // Today so far counts as a day of the week.
        assert_eq!(r.bar(), (5.0, 1.0));
        r.remember(7.0, 0.0);
        assert_eq!(r.bar(), (7.0, 1.0));
        // The same day again changes nothing; an earlier one is not a new day.
        r.start_day(101);
        r.start_day(99);
        assert_eq!(r.bar(), (7.0, 1.0));
        // Seven days on, day 100 has left the week (101 is the oldest day).
        r.start_day(108);
        assert_eq!(r.past[RECORD_DAYS - 1], (7.0, 3.0));
        assert_eq!(r.bar(), (0.0, 0.0));
        // A day later nothing is left, however long the gap.
        r.start_day(1_000_000);
        assert_eq!(
            r,
            Record {
                day: Some(1_000_000),
                ..Record::default()
            }
        );
    }
}
