//! Influence for the care desk: every customer's score, stance and reach
//! from a window of interactions, with consent honoured.

use std::fmt;

use jiff::{SignedDuration, Timestamp};

use super::{pagerank, score, Graph, Influence, PageRankConfig, Signals, Weights};
use crate::model::{Customer, CustomerId, Direction, Handle, Interaction, KeyedMap};
use crate::sentiment::Analyzer;
use crate::{Directory, ErrorKind, Result};

word_enum! {
    /// Which side of the brand a person is on.
    pub enum Stance ("stance") {
        /// Speaks well of the brand: an ambassador to cultivate.
        Advocate => "advocate",
        /// Speaks ill of the brand: to answer first.
        Detractor => "detractor",
        /// Neither, on enough messages to say so.
        Neutral => "neutral",
        /// Too few messages to say: never a guess.
        Unknown => "unknown",
    }
}

/// A stance with what it rests on.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct StanceReading {
    /// The stance.
    pub stance: Stance,
    /// The recency-weighted mean sentiment of the messages, in `-1..=1`.
    pub mean: f64,
    /// How many messages it rests on.
    pub messages: usize,
    /// In `0..=1`: grows with the number of messages and the strength of
    /// the mean.
    pub confidence: f64,
}

/// Reads a stance from dated sentiment scores (compound, `-1..=1`), the
/// recent ones weighing more: a message `half_life` old counts half. Fewer
/// than `min_messages` give [`Stance::Unknown`]. Scores that are not finite
/// are not counted.
///
/// ```
/// use social_crm::influence::{stance, Stance};
/// use social_crm::jiff::{SignedDuration, Timestamp};
///
/// let now: Timestamp = "2026-11-22T18:00:00Z".parse()?;
/// let day = SignedDuration::from_hours(24);
/// let scores = [(now - day, -0.8), (now - day * 2, -0.6), (now - day * 9, 0.7)];
/// let reading = stance(scores, now, day * 7, 2);
/// assert_eq!(reading.stance, Stance::Detractor);
/// assert_eq!(stance([(now, 0.9)], now, day * 7, 2).stance, Stance::Unknown);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn stance(
    scores: impl IntoIterator<Item = (Timestamp, f64)>,
    now: Timestamp,
    half_life: SignedDuration,
    min_messages: usize,
) -> StanceReading {
    let half = half_life.as_secs_f64().max(1.0);
    let (mut sum, mut weight, mut n) = (0.0, 0.0, 0usize);
    for (at, s) in scores {
        if !s.is_finite() {
            continue;
        }
        let age = now.duration_since(at).as_secs_f64().max(0.0);
        let w = 0.5f64.powf(age / half);
        sum += w * s.clamp(-1.0, 1.0);
        weight += w;
        n += 1;
    }
    reading(sum, weight, n, min_messages)
}

/// The stance of `n` scores whose weights add up to `weight` and weighted
/// scores to `sum`.
pub(crate) fn reading(sum: f64, weight: f64, n: usize, min_messages: usize) -> StanceReading {
    let mean = if weight > 0.0 { sum / weight } else { 0.0 };
    let stance = if n < min_messages.max(1) {
        Stance::Unknown
    } else if mean >= STANCE_THRESHOLD {
        Stance::Advocate
    } else if mean <= -STANCE_THRESHOLD {
        Stance::Detractor
    } else {
        Stance::Neutral
    };
    StanceReading {
        stance,
        mean,
        messages: n,
        confidence: (n as f64 / 5.0).min(1.0) * (mean.abs() / 0.5).min(1.0),
    }
}

/// The mean sentiment beyond which a person takes a side.
const STANCE_THRESHOLD: f64 = 0.2;

/// One customer message as a profile reads it: when it was sent, its mood
/// (`None` for a message not read for one) and the reactions it drew.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct Post {
    #[cfg_attr(
        feature = "serde",
        serde(deserialize_with = "crate::time::serde_timestamp::deserialize")
    )]
    pub(crate) at: Timestamp,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) mood: Option<f64>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) engagement: crate::model::Engagement,
}

#[cfg(feature = "serde")]
serialize_struct!(Post {
    at as crate::time::serde_timestamp::Stored,
    mood,
    engagement if crate::model::Engagement::is_none,
});

impl Post {
    /// Whether its mood, if any, is a compound score (finite, `-1..=1`).
    pub(crate) fn is_valid(&self) -> bool {
        self.mood.is_none_or(|m| (-1.0..=1.0).contains(&m))
    }
}

/// What a customer's own messages drew: how many, and the reactions.
/// Counts are added as floats: three u64 counts can overflow as integers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Activity {
    pub(crate) posts: f64,
    pub(crate) shares: f64,
    pub(crate) engagement: f64,
}

impl Activity {
    /// The activity of `posts`.
    pub(crate) fn of(posts: &[Post]) -> Activity {
        let mut activity = Activity::default();
        for post in posts {
            activity.add(post, 1.0);
        }
        activity
    }

    /// Counts `post` once (`sign` 1) or takes it off (`sign` -1).
    pub(crate) fn add(&mut self, post: &Post, sign: f64) {
        let e = &post.engagement;
        self.posts += sign;
        self.shares += sign * e.shares as f64;
        self.engagement += sign * (e.likes as f64 + e.shares as f64 + e.replies as f64);
    }
}

/// A customer's signals at `now` from their record, the activity of their
/// own messages in a window `days` long, and what the mention graph gives
/// them (mentions received, reach).
pub(crate) fn customer_signals(
    customer: &Customer,
    now: Timestamp,
    days: f64,
    activity: &Activity,
    mentions_received: f64,
    reach: f64,
) -> Signals {
    let (following, listed) = customer.handles.values().fold((0.0, 0.0), |(f, l), s| {
        (f + s.following as f64, l + s.listed as f64)
    });
    let oldest = customer.handles.values().filter_map(|s| s.created).min();
    let account_age_days = oldest.map_or(0.0, |c| {
        (now.duration_since(c).as_secs_f64() / 86_400.0).max(0.0)
    });
    let count = activity.posts;
    Signals {
        followers: customer.total_followers() as f64,
        following,
        listed,
        posts_per_day: count / days,
        mentions_received,
        shares_received: activity.shares,
        engagement_per_post: if count > 0.0 {
            activity.engagement / count
        } else {
            0.0
        },
        reach,
        account_age_days,
    }
}

/// The length of the window from `from` to `now` in days, at least one.
pub(crate) fn window_days(from: Timestamp, now: Timestamp) -> f64 {
    (now.duration_since(from).as_secs_f64() / 86_400.0).max(1.0)
}

/// The stance of a customer's own messages at `now`.
pub(crate) fn own_stance(posts: &[Post], now: Timestamp, options: &RankOptions) -> StanceReading {
    stance(
        posts.iter().filter_map(|p| Some((p.at, p.mood?))),
        now,
        options.stance_half_life,
        options.min_messages,
    )
}

/// A ranking with each customer's own messages of the window, in the order
/// of the interactions given (what the care desk keeps to update a profile
/// as messages arrive).
pub(crate) struct Ranked {
    pub(crate) report: InfluenceReport,
    pub(crate) posts: KeyedMap<CustomerId, Vec<Post>>,
}

/// One customer's influence at the desk.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CustomerInfluence {
    /// Who.
    pub customer: CustomerId,
    /// The score and its reasons.
    pub influence: Influence,
    /// Share of the scored customers with a lower score, in `0..=100`.
    pub percentile: f64,
    /// Toward the brand.
    pub stance: StanceReading,
    /// The signals the score read.
    pub signals: Signals,
    /// Mentions received in the window's second half over its first (how
    /// fast the voice is rising); 1 is steady.
    pub growth: f64,
}

/// The outcome for one customer: a score, or a refusal to profile.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum InfluenceOutcome {
    /// Scored.
    Scored(Box<CustomerInfluence>),
    /// The customer refused profiling: no score and no stance, by design.
    ProfilingRefused(CustomerId),
}

/// Every customer's influence over a window, most influential first, with
/// the views a care desk acts on.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct InfluenceReport {
    /// Every customer seen, scored ones by decreasing score, then refusals.
    pub outcomes: Vec<InfluenceOutcome>,
}

impl InfluenceReport {
    /// The scored customers, most influential first.
    pub fn scored(&self) -> impl Iterator<Item = &CustomerInfluence> {
        self.outcomes.iter().filter_map(|o| match o {
            InfluenceOutcome::Scored(c) => Some(&**c),
            InfluenceOutcome::ProfilingRefused(_) => None,
        })
    }

    /// Influential detractors (the risk), most influential first: the
    /// customers to answer first.
    pub fn detractors(&self, top_percentile: f64) -> Vec<&CustomerInfluence> {
        self.influential(Stance::Detractor, top_percentile)
    }

    /// Influential advocates: ambassadors to invite to previews and tests.
    pub fn advocates(&self, top_percentile: f64) -> Vec<&CustomerInfluence> {
        self.influential(Stance::Advocate, top_percentile)
    }

    fn influential(&self, stance: Stance, top_percentile: f64) -> Vec<&CustomerInfluence> {
        self.scored()
            .filter(|c| c.stance.stance == stance && c.percentile >= top_percentile)
            .collect()
    }

    /// Rising voices: mentions growing fastest, at least doubling.
    pub fn rising(&self) -> Vec<&CustomerInfluence> {
        let mut rising: Vec<&CustomerInfluence> =
            self.scored().filter(|c| c.growth >= 2.0).collect();
        rising.sort_by(|a, b| {
            b.growth
                .total_cmp(&a.growth)
                .then(a.customer.cmp(&b.customer))
        });
        rising
    }
}

impl fmt::Display for CustomerInfluence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {:.0}/100 (percentile {:.0}), {} on {} messages",
            self.customer,
            self.influence.score,
            self.percentile,
            self.stance.stance,
            self.stance.messages
        )
    }
}

/// How [`rank_customers`] weighs time and reach.
#[derive(Debug, Clone, PartialEq)]
pub struct RankOptions {
    /// Mentions lose half their weight in the graph every this long before
    /// "now" (default: no decay).
    pub mention_half_life: Option<SignedDuration>,
    /// Messages lose half their weight in the stance every this long
    /// (default 7 days).
    pub stance_half_life: SignedDuration,
    /// Fewer messages than this give an unknown stance (default 2).
    pub min_messages: usize,
    /// Personalise PageRank toward the brand's own accounts: reach then
    /// means closeness to the conversation about the brand (default false:
    /// uniform teleport).
    pub teleport_to_brand: bool,
    /// The weights of the score.
    pub weights: Weights,
}

impl Default for RankOptions {
    fn default() -> RankOptions {
        RankOptions {
            mention_half_life: None,
            stance_half_life: SignedDuration::from_hours(24 * 7),
            min_messages: 2,
            teleport_to_brand: false,
            weights: Weights::default(),
        }
    }
}

/// Ranks the customers of `directory` who wrote in `[from, now]` among
/// `interactions`: audience from their handles (followers, following,
/// lists, account age), activity and engagement from their messages, reach
/// from the PageRank of who mentions, replies to and retweets whom
/// (customers and the brand's own accounts as nodes; edge weight = count,
/// optionally time-decayed), and stance from the sentiment of their messages
/// to the brand. A window with no interactions gives an empty report.
///
/// # Errors
///
/// [`ErrorKind::InvalidWindow`] if `from` is after `now`; signal errors
/// cannot occur from counted data.
///
/// ```
/// use social_crm::influence::{rank_customers, RankOptions};
/// use social_crm::sentiment::Analyzer;
/// use social_crm::sample;
///
/// let week = sample::week();
/// let directory = week.directory()?;
/// let report = rank_customers(
///     &directory,
///     &week.interactions(),
///     &week.brand_handles,
///     week.start,
///     week.now,
///     &Analyzer::default(),
///     &RankOptions::default(),
/// )?;
/// let top = report.scored().next().unwrap();
/// assert_eq!(top.customer.as_str(), "c001"); // Nathalie, 182,000 followers
/// for detractor in report.detractors(75.0) {
///     println!("answer first: {detractor}");
/// }
/// # Ok::<(), social_crm::Error>(())
/// ```
pub fn rank_customers(
    directory: &Directory,
    interactions: &[&Interaction],
    brand: &[Handle],
    from: Timestamp,
    now: Timestamp,
    analyzer: &Analyzer,
    options: &RankOptions,
) -> Result<InfluenceReport> {
    let mood = |_: usize, i: &Interaction, writer: &Customer| {
        analyzer
            .score_with_usual_language(&i.text, i.language, writer.language)
            .compound
    };
    rank_customers_scored(directory, interactions, brand, (from, now), &mood, options)
        .map(|ranked| ranked.report)
}

/// [`rank_customers`] with the sentiment of each customer message given by
/// `mood` (its place in `interactions`, the message, its writer): the care
/// desk passes the moods it scored when the messages arrived.
pub(crate) fn rank_customers_scored(
    directory: &Directory,
    interactions: &[&Interaction],
    brand: &[Handle],
    (from, now): (Timestamp, Timestamp),
    mood: &dyn Fn(usize, &Interaction, &Customer) -> f64,
    options: &RankOptions,
) -> Result<Ranked> {
    if from > now {
        return Err(ErrorKind::InvalidWindow {
            from: from.to_string(),
            to: now.to_string(),
        }
        .into());
    }
    let days = window_days(from, now);
    let middle = from + SignedDuration::from_secs_f64(now.duration_since(from).as_secs_f64() / 2.0);
    let in_window: Vec<(usize, &Interaction)> = interactions
        .iter()
        .copied()
        .enumerate()
        .filter(|(_, i)| i.at >= from && i.at <= now)
        .collect();

    // Nodes: the brand (0), then each customer who appears.
    // Seeded hashing: ids and handles come from outside.
    let mut node_of: KeyedMap<CustomerId, u32> = KeyedMap::default();
    let mut customers: Vec<CustomerId> = Vec::new();
    let mut node = |id: &CustomerId| -> u32 {
        *node_of.entry(id.clone()).or_insert_with(|| {
            customers.push(id.clone());
            customers.len() as u32
        })
    };
    let author_of = |i: &Interaction| {
        i.customer_handle()
            .and_then(|h| directory.resolve(h).customer())
    };
    let by_id: KeyedMap<&crate::model::InteractionId, &Interaction> =
        in_window.iter().map(|&(_, i)| (&i.id, i)).collect();
    let mut edges: Vec<(u32, u32, f64)> = Vec::new();
    let mut mentions: KeyedMap<CustomerId, (f64, f64)> = KeyedMap::default();
    let mut posts: KeyedMap<CustomerId, Vec<Post>> = KeyedMap::default();
    let decay = |at: Timestamp| match options.mention_half_life {
        Some(h) if h.is_positive() => {
            0.5f64.powf(now.duration_since(at).as_secs_f64() / h.as_secs_f64())
        }
        _ => 1.0,
    };
    for &(k, i) in &in_window {
        let Some(writer) = author_of(i).filter(|_| i.direction == Direction::Inbound) else {
            continue;
        };
        let author = writer.id.clone();
        let weight = decay(i.at);
        let a = node(&author);
        let compound = mood(k, i, writer);
        posts.entry(author.clone()).or_default().push(Post {
            at: i.at,
            mood: compound.is_finite().then_some(compound),
            engagement: i.engagement,
        });
        // Mentions (and retweets, written "RT @name").
        for name in mentioned(&i.text) {
            let Ok(handle) = Handle::new(i.channel.clone(), name) else {
                continue;
            };
            if brand.contains(&handle) {
                edges.push((a, 0, weight));
            } else if let Some(target) = directory.resolve(&handle).customer() {
                let t = node(&target.id);
                edges.push((a, t, weight));
                let m = mentions.entry(target.id.clone()).or_default();
                if i.at < middle {
                    m.0 += 1.0;
                } else {
                    m.1 += 1.0;
                }
            }
        }
        if let Some(target) = i
            .in_reply_to
            .as_ref()
            .and_then(|r| by_id.get(r))
            .and_then(|r| author_of(r))
        {
            if target.id != author {
                let t = node(&target.id);
                edges.push((a, t, weight));
            }
        }
    }
    let n = customers.len() + 1;
    let mut config = PageRankConfig::new();
    if options.teleport_to_brand {
        let mut teleport = vec![0.0; n];
        teleport[0] = 1.0;
        config = config.personalization(teleport);
    }
    // Decayed weights can underflow to zero for very old mentions: drop
    // those edges rather than refuse the graph.
    edges.retain(|&(_, _, w)| w > 0.0);
    let ranks = pagerank(&Graph::from_edges(n, &edges)?, &config)?;
    let weights = options.weights;
    let mut scored: Vec<CustomerInfluence> = Vec::new();
    let mut refused: Vec<CustomerId> = Vec::new();
    for (k, id) in customers.iter().enumerate() {
        let Some(customer) = directory.get(id.as_str()) else {
            continue;
        };
        if customer.refused_profiling() {
            refused.push(id.clone());
            continue;
        }
        let own = posts.get(id).map_or(&[][..], Vec::as_slice);
        let (before, after) = mentions.get(id).copied().unwrap_or_default();
        let signals = customer_signals(
            customer,
            now,
            days,
            &Activity::of(own),
            before + after,
            ranks.scores[k + 1] * n as f64,
        );
        let influence = score(&signals, &weights)?;
        let reading = own_stance(own, now, options);
        scored.push(CustomerInfluence {
            customer: id.clone(),
            influence,
            percentile: 0.0,
            stance: reading,
            signals,
            growth: (after + 1.0) / (before + 1.0),
        });
    }
    scored.sort_by(|a, b| {
        b.influence
            .raw
            .total_cmp(&a.influence.raw)
            .then(a.customer.cmp(&b.customer))
    });
    let total = scored.len();
    for (rank, c) in scored.iter_mut().enumerate() {
        c.percentile = if total > 1 {
            100.0 * (total - 1 - rank) as f64 / (total - 1) as f64
        } else {
            100.0
        };
    }
    refused.sort();
    let mut outcomes: Vec<InfluenceOutcome> = scored
        .into_iter()
        .map(|c| InfluenceOutcome::Scored(Box::new(c)))
        .collect();
    outcomes.extend(refused.into_iter().map(InfluenceOutcome::ProfilingRefused));
    Ok(Ranked {
        report: InfluenceReport { outcomes },
        posts,
    })
}

/// The names after `@` in a text (`@nath_conso`, `RT @mehdi_tech:`).
fn mentioned(text: &str) -> impl Iterator<Item = &str> {
    text.split('@').skip(1).filter_map(|rest| {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(rest.len());
        let name = rest[..end].trim_end_matches('.');
        (!name.is_empty()).then_some(name)
    })
}
