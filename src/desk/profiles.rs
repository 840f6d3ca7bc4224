//! Customers' profiles as the desk keeps them.
//!
//! A refresh ([`Desk::refresh_profiles`](super::Desk::refresh_profiles))
//! ranks every customer of the last week: from their own messages (how
//! many, the reactions they drew, their mood) and from the mention graph of
//! everybody's (mentions received, reach). Between refreshes, each customer
//! message brings its writer's profile up to date at once: their own
//! figures become those of their messages in the week up to it, the graph's
//! stay the last refresh's (a writer the last refresh did not rank has
//! none yet). So a customer who turns angry is a detractor from that message
//! on, not from the next refresh; and since a profile is updated at its
//! messages' instants, the same events give the same profiles in any batch
//! sizes.
//!
//! An update costs the same however many messages the writer sent that
//! week: their figures are running sums, from which the messages leaving the
//! week are taken off. The sums are those a refresh adds up, but for the
//! rounding of floating-point additions and subtractions.
//!
//! A set of changes ([`Desk::changes_since`](super::Desk::changes_since))
//! carries the profiles that changed, and of a profile that moved, its
//! figures and its new messages only: a customer who writes every day
//! does not send their whole week again each minute.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use jiff::{SignedDuration, Timestamp};

use crate::influence::{
    customer_signals, reading, score_only, window_days, Activity, CustomerInfluence, Post,
    RankOptions, Stance,
};
use crate::model::{Customer, CustomerId, KeyedMap};

/// How long a profile looks back: a week of the conversation.
pub(super) const PROFILE_WINDOW: SignedDuration = SignedDuration::from_hours(7 * 24);

/// Every customer's profile, with the revision at which each last changed
/// (stored as the profiles alone).
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub(super) struct Profiles {
    known: BTreeMap<CustomerId, Known>,
    /// The revision of each profile's last change (removals included)
    /// since the last refresh.
    #[cfg_attr(feature = "serde", serde(skip))]
    changed: KeyedMap<CustomerId, u64>,
    /// The revision of the last refresh, which replaced them all.
    #[cfg_attr(feature = "serde", serde(skip))]
    refreshed: u64,
}

/// What changed in the profiles after a revision.
#[derive(Debug, Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct ProfileChanges {
    /// Whether `set` is every profile (after a refresh).
    #[cfg_attr(feature = "serde", serde(default))]
    whole: bool,
    /// Profiles made or replaced since, whole.
    #[cfg_attr(feature = "serde", serde(default))]
    set: BTreeMap<CustomerId, Known>,
    /// Profiles moved by their customer's messages since.
    #[cfg_attr(feature = "serde", serde(default))]
    moved: BTreeMap<CustomerId, Moved>,
    /// Profiles forgotten since.
    #[cfg_attr(feature = "serde", serde(default))]
    removed: BTreeSet<CustomerId>,
}

#[cfg(feature = "serde")]
serialize_struct!(ProfileChanges {
    whole,
    set if BTreeMap::is_empty,
    moved if BTreeMap::is_empty,
    removed if BTreeSet::is_empty,
});

/// A profile moved by new messages: its figures now, the instant of its
/// first message still in the week (those before left it), and the
/// messages that came, in the order the profile keeps them.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Moved {
    influence: f64,
    detractor: bool,
    first: Timestamp,
    added: Vec<Post>,
}

impl Profiles {
    pub(super) fn get(&self, id: &CustomerId) -> Option<&Known> {
        self.known.get(id)
    }

    /// A customer's influence, unless they refused profiling or have no
    /// profile.
    pub(super) fn influence(&self, id: &CustomerId) -> Option<f64> {
        self.known.get(id)?.influence()
    }

    #[cfg(test)]
    pub(super) fn iter(&self) -> impl Iterator<Item = (&CustomerId, &Known)> {
        self.known.iter()
    }

    /// Puts the profiles of a refresh at `revision` in place of all.
    pub(super) fn replace(&mut self, known: BTreeMap<CustomerId, Known>, revision: u64) {
        *self = Profiles {
            known,
            changed: KeyedMap::default(),
            refreshed: revision,
        };
    }

    /// Forgets a customer's profile at `revision`.
    pub(super) fn forget(&mut self, id: &CustomerId, revision: u64) {
        if self.known.remove(id).is_some() {
            self.changed.insert(id.clone(), revision);
        }
    }

    /// Brings the profile of `customer` up to date at `revision` with a
    /// message they sent, `post`.
    pub(super) fn note(&mut self, customer: &Customer, post: Post, revision: u64) {
        let options = RankOptions::default();
        match self.known.get_mut(&customer.id) {
            Some(known) => known.note(customer, post, revision, &options),
            None => {
                let mut known = Known::Scored(Scored::unranked(revision));
                known.note(customer, post, revision, &options);
                self.known.insert(customer.id.clone(), known);
            }
        }
        match self.changed.get_mut(&customer.id) {
            Some(at) => *at = revision,
            None => {
                self.changed.insert(customer.id.clone(), revision);
            }
        }
    }

    /// What changed after `revision`.
    pub(super) fn since(&self, revision: u64) -> ProfileChanges {
        if self.refreshed > revision {
            return ProfileChanges {
                whole: true,
                set: self.known.clone(),
                ..ProfileChanges::default()
            };
        }
        let mut changes = ProfileChanges::default();
        for (id, _) in self.changed.iter().filter(|(_, &at)| at > revision) {
            match self.known.get(id) {
                None => {
                    changes.removed.insert(id.clone());
                }
                Some(Known::Scored(s)) if s.made <= revision => {
                    let moved = Moved {
                        influence: s.influence,
                        detractor: s.detractor,
                        first: s.own.first().unwrap_or(Timestamp::MIN),
                        added: (s.own.kept().into_iter())
                            .filter(|k| k.revision > revision)
                            .map(|k| k.post)
                            .collect(),
                    };
                    changes.moved.insert(id.clone(), moved);
                }
                Some(known) => {
                    changes.set.insert(id.clone(), known.clone());
                }
            }
        }
        changes
    }

    /// Checks that `changes` apply: the profiles they move are here, their
    /// messages' moods and influences in range.
    pub(super) fn check(&self, changes: &ProfileChanges) -> Result<(), String> {
        // Whole profiles were checked when read; moved ones are checked here.
        for (id, moved) in &changes.moved {
            let here = !changes.whole
                && matches!(self.known.get(id), Some(Known::Scored(_)))
                && !changes.set.contains_key(id)
                && !changes.removed.contains(id);
            if !here {
                return Err(format!(
                    "the changes move the profile of `{id}`, which is not there to move"
                ));
            }
            check_influence(moved.influence).map_err(|e| format!("`{id}`: {e}"))?;
            check_posts(&moved.added)?;
        }
        Ok(())
    }

    /// Applies `changes`, [checked](Profiles::check) (removals first).
    pub(super) fn apply(&mut self, changes: ProfileChanges) {
        if changes.whole {
            self.known = changes.set;
            return;
        }
        for id in changes.removed {
            self.known.remove(&id);
        }
        self.known.extend(changes.set);
        let half_life = RankOptions::default().stance_half_life;
        for (id, moved) in changes.moved {
            if let Some(Known::Scored(s)) = self.known.get_mut(&id) {
                s.influence = moved.influence;
                s.detractor = moved.detractor;
                s.own.expire(moved.first, half_life);
                for post in moved.added {
                    s.own.add(post, 0, half_life);
                }
            }
        }
    }
}

/// What the desk knows of a customer's profile.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "KnownForm", into = "KnownForm"))]
pub(super) enum Known {
    Scored(Scored),
    Refused,
}

/// A scored profile and what it rests on.
#[derive(Debug, Clone)]
pub(super) struct Scored {
    /// The influence score, `0..=100`.
    pub(super) influence: f64,
    /// Whether the customer speaks ill of the brand.
    pub(super) detractor: bool,
    /// From the last refresh: the mentions of the customer by others.
    mentions: f64,
    /// From the last refresh: the customer's PageRank, times the number of
    /// people ranked.
    reach: f64,
    /// The customer's own messages of the week.
    own: Own,
    /// The revision it was made at (0 when read back).
    made: u64,
}

impl Scored {
    /// The profile of a customer the last refresh did not rank: no
    /// mentions, no reach, no messages yet.
    fn unranked(made: u64) -> Scored {
        Scored {
            influence: 0.0,
            detractor: false,
            mentions: 0.0,
            reach: 0.0,
            own: Own::default(),
            made,
        }
    }
}

/// A customer's own messages of the week and their running figures.
#[derive(Debug, Clone, Default)]
struct Own {
    /// The messages, the oldest on top: a message comes in, and the oldest
    /// leaves, in logarithmic time whatever the order they are delivered in.
    posts: BinaryHeap<Reverse<Kept>>,
    /// The latest message's instant.
    latest: Option<Timestamp>,
    activity: Activity,
    /// The weighted moods (sum of weight times mood, sum of weights, how
    /// many), each message weighing `0.5^(age / half-life)` at the latest
    /// message's instant. A stance is their ratio, which the passing of time
    /// leaves unchanged: all weights halve together.
    mood_sum: f64,
    mood_weight: f64,
    moods: usize,
}

/// A kept message, ordered by instant, then by what it says (its mood,
/// then its engagement): messages of one instant keep one order whether
/// they were noted one by one or read back by a refresh, which gathers
/// them conversation by conversation.
#[derive(Debug, Clone, Copy)]
struct Kept {
    post: Post,
    /// The revision it came at (0 when read back).
    revision: u64,
}

impl Kept {
    fn key(&self) -> (Timestamp, Option<u64>, (u64, u64, u64)) {
        let Post {
            at,
            mood,
            engagement: e,
        } = self.post;
        // The bits of a finite mood in -1..=1 do not order as the numbers
        // do; any total order will do, so long as both paths share it.
        (at, mood.map(f64::to_bits), (e.likes, e.shares, e.replies))
    }
}

impl PartialEq for Kept {
    fn eq(&self, other: &Kept) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Kept {}

impl PartialOrd for Kept {
    fn partial_cmp(&self, other: &Kept) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Kept {
    fn cmp(&self, other: &Kept) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl Own {
    /// The figures of `posts`, in time order.
    fn of(posts: Vec<Post>, half_life: SignedDuration) -> Own {
        let mut own = Own {
            posts: BinaryHeap::with_capacity(posts.len()),
            ..Own::default()
        };
        for post in posts {
            own.add(post, 0, half_life);
        }
        own
    }

    /// The kept messages, oldest first (among those of one instant, in the
    /// order of [`Kept`]).
    fn kept(&self) -> Vec<&Kept> {
        let mut kept: Vec<&Kept> = self.posts.iter().map(|k| &k.0).collect();
        kept.sort_unstable();
        kept
    }

    /// The messages, oldest first.
    #[cfg(any(feature = "serde", test))]
    fn posts(&self) -> impl Iterator<Item = Post> + use<'_> {
        self.kept().into_iter().map(|k| k.post)
    }

    /// The instant of the oldest message.
    fn first(&self) -> Option<Timestamp> {
        self.posts.peek().map(|k| k.0.post.at)
    }

    /// The weight of a message sent at `at`, at the latest message's
    /// instant.
    fn weight(&self, at: Timestamp, half_life: SignedDuration) -> f64 {
        let age = self
            .latest
            .map_or(0.0, |latest| latest.duration_since(at).as_secs_f64());
        0.5f64.powf(age.max(0.0) / half_life.as_secs_f64().max(1.0))
    }

    /// Takes one more message, come at `revision`.
    fn add(&mut self, post: Post, revision: u64, half_life: SignedDuration) {
        match self.latest {
            Some(latest) if post.at <= latest => {}
            Some(latest) => {
                // The weights are now relative to a later instant.
                let scale = 0.5f64.powf(
                    post.at.duration_since(latest).as_secs_f64() / half_life.as_secs_f64().max(1.0),
                );
                self.mood_sum *= scale;
                self.mood_weight *= scale;
                self.latest = Some(post.at);
            }
            None => self.latest = Some(post.at),
        }
        self.posts.push(Reverse(Kept { post, revision }));
        self.activity.add(&post, 1.0);
        if let Some(mood) = post.mood {
            let w = self.weight(post.at, half_life);
            self.mood_sum += w * mood.clamp(-1.0, 1.0);
            self.mood_weight += w;
            self.moods += 1;
        }
    }

    /// Takes off the messages sent before `from`.
    fn expire(&mut self, from: Timestamp, half_life: SignedDuration) {
        while let Some(post) = self.posts.peek().map(|k| k.0.post).filter(|p| p.at < from) {
            self.posts.pop();
            let w = self.weight(post.at, half_life);
            self.activity.add(&post, -1.0);
            if let Some(mood) = post.mood {
                self.mood_sum -= w * mood.clamp(-1.0, 1.0);
                self.mood_weight -= w;
                self.moods -= 1;
            }
        }
        if self.moods == 0 {
            // Nothing left to round.
            (self.mood_sum, self.mood_weight) = (0.0, 0.0);
        }
        if self.posts.is_empty() {
            self.activity = Activity::default();
        }
    }
}

impl Known {
    /// The profile a refresh at `revision` gives, with the customer's
    /// messages behind it.
    pub(super) fn ranked(
        c: &CustomerInfluence,
        mut posts: Vec<Post>,
        revision: u64,
        options: &RankOptions,
    ) -> Known {
        posts.sort_by_key(|p| p.at);
        Known::Scored(Scored {
            influence: c.influence.score,
            detractor: c.stance.stance == Stance::Detractor,
            mentions: c.signals.mentions_received,
            reach: c.signals.reach,
            own: Own::of(posts, options.stance_half_life),
            made: revision,
        })
    }

    /// Brings the profile of `customer` up to date at `revision` with a
    /// message they sent, `post`: their own figures over the week up to
    /// their latest message, the graph's from the last refresh.
    fn note(&mut self, customer: &Customer, post: Post, revision: u64, options: &RankOptions) {
        if customer.refused_profiling() {
            *self = Known::Refused;
            return;
        }
        if let Known::Refused = self {
            // Consent given since: profiled from now on.
            *self = Known::Scored(Scored::unranked(revision));
        }
        let Known::Scored(scored) = self else {
            return;
        };
        let half_life = options.stance_half_life;
        scored.own.add(post, revision, half_life);
        let now = scored.own.latest.unwrap_or(post.at);
        let from = now.checked_sub(PROFILE_WINDOW).unwrap_or(now);
        scored.own.expire(from, half_life);
        let own = &scored.own;
        let signals = customer_signals(
            customer,
            now,
            window_days(from, now),
            &own.activity,
            scored.mentions,
            scored.reach,
        );
        // Counted figures always make a score; should one not, the
        // influence stays what it was.
        if let Ok(influence) = score_only(&signals, &options.weights) {
            scored.influence = influence;
        }
        let stance = reading(
            own.mood_sum,
            own.mood_weight,
            own.moods,
            options.min_messages,
        );
        scored.detractor = stance.stance == Stance::Detractor;
    }

    /// The influence, unless the customer refused profiling.
    pub(super) fn influence(&self) -> Option<f64> {
        match self {
            Known::Scored(s) => Some(s.influence),
            Known::Refused => None,
        }
    }
}

/// Checks a stored influence: in `0..=100`.
fn check_influence(influence: f64) -> Result<(), String> {
    if (0.0..=100.0).contains(&influence) {
        Ok(())
    } else {
        Err(format!("an influence of `{influence}`, not in 0 to 100"))
    }
}

/// Checks stored messages: moods in `-1..=1`.
fn check_posts(posts: &[Post]) -> Result<(), String> {
    match posts.iter().find(|p| !p.is_valid()) {
        Some(post) => Err(format!(
            "a message of `{}` with a mood outside -1 to 1",
            post.at
        )),
        None => Ok(()),
    }
}

/// The stored form of a profile.
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
enum KnownForm {
    Scored(ScoredForm),
    Refused,
}

/// A scored profile's stored form: stored as a struct variant of
/// [`KnownForm`] would be, in JSON as in binary formats.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ScoredForm {
    influence: f64,
    detractor: bool,
    #[serde(default)]
    mentions: f64,
    #[serde(default)]
    reach: f64,
    #[serde(default)]
    posts: Vec<Post>,
}

#[cfg(feature = "serde")]
serialize_struct!(ScoredForm {
    influence,
    detractor,
    mentions,
    reach,
    posts if Vec::is_empty,
});

#[cfg(feature = "serde")]
impl From<Known> for KnownForm {
    fn from(known: Known) -> KnownForm {
        match known {
            Known::Scored(s) => KnownForm::Scored(ScoredForm {
                influence: s.influence,
                detractor: s.detractor,
                mentions: s.mentions,
                reach: s.reach,
                posts: s.own.posts().collect(),
            }),
            Known::Refused => KnownForm::Refused,
        }
    }
}

#[cfg(feature = "serde")]
impl TryFrom<KnownForm> for Known {
    type Error = String;

    fn try_from(form: KnownForm) -> Result<Known, String> {
        let KnownForm::Scored(ScoredForm {
            influence,
            detractor,
            mentions,
            reach,
            posts,
        }) = form
        else {
            return Ok(Known::Refused);
        };
        check_influence(influence)?;
        for (what, figure) in [("mentions", mentions), ("reach", reach)] {
            if !(figure.is_finite() && figure >= 0.0) {
                return Err(format!(
                    "{what} of `{figure}`, not a finite figure of 0 or more"
                ));
            }
        }
        check_posts(&posts)?;
        if posts.windows(2).any(|w| w[0].at > w[1].at) {
            return Err("messages out of time order".to_owned());
        }
        Ok(Known::Scored(Scored {
            influence,
            detractor,
            mentions,
            reach,
            own: Own::of(posts, RankOptions::default().stance_half_life),
            made: 0,
        }))
    }
}

#[cfg(test)]
mod tests {
    use jiff::{SignedDuration, Timestamp};
    use proptest::prelude::*;

    use super::Known;
    use crate::desk::{Desk, DeskConfig, Event};
    use crate::model::{AudienceStats, Channel, Customer, Engagement, Handle, Interaction};
    use crate::Directory;

    /// Texts that mention nobody: no message adds to the mention graph, so
    /// every refresh gives every ranked customer the same reach.
    const TEXTS: [&str; 5] = [
        "still waiting for my refund, this is ridiculous",
        "thanks, all good now",
        "the app crashes again",
        "love the new blend",
        "order 1234",
    ];

    fn desk(customers: usize) -> Desk {
        let week = crate::sample::week();
        let mut directory = Directory::new();
        for k in 0..customers {
            let created = "2020-01-01T00:00:00Z".parse().ok();
            directory
                .insert(
                    Customer::new(&format!("c{k}"), "Someone")
                        .unwrap()
                        .with_handle(
                            Handle::new(Channel::Twitter, &format!("@p{k}")).unwrap(),
                            AudienceStats {
                                followers: 10u64.pow(k as u32 % 6),
                                created,
                                ..AudienceStats::default()
                            },
                        ),
                )
                .unwrap();
        }
        Desk::new(DeskConfig::sample(&week).unwrap(), directory)
    }

    /// (writer, minutes after the start, text, likes)
    fn message(n: usize, (writer, minutes, text, likes): (usize, i64, usize, u64)) -> Event {
        let at = Timestamp::UNIX_EPOCH + SignedDuration::from_mins(29_000_000 + minutes);
        Event::Interaction(
            Interaction::inbound(
                format!("m{n}").parse().unwrap(),
                format!("conv{n}").parse().unwrap(),
                Handle::new(Channel::Twitter, &format!("@p{writer}")).unwrap(),
                at,
                TEXTS[text % TEXTS.len()],
            )
            .with_engagement(Engagement {
                likes,
                shares: likes / 3,
                replies: 1,
            }),
        )
    }

    fn messages(from: i64, to: i64) -> impl Strategy<Value = Vec<(usize, i64, usize, u64)>> {
        proptest::collection::vec((0..4usize, from..to, 0..5usize, 0..50u64), 1..24)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// After a refresh, each message of a ranked customer leaves them
        /// the profile a refresh at their latest message would give (the
        /// mention graph being the same): same detractor flag, same
        /// influence but for rounding, whatever the order the messages
        /// arrive in and however many leave the week meanwhile.
        #[test]
        fn a_noted_profile_is_a_refresh_at_the_writers_latest_message(
            before in messages(-6 * 1440, 0),
            after in messages(0, 10 * 1440),
        ) {
            let mut desk = desk(4);
            let start = Timestamp::UNIX_EPOCH + SignedDuration::from_mins(29_000_000);
            let events: Vec<Event> = before.iter().enumerate().map(|(n, &m)| message(n, m)).collect();
            desk.apply_all(events, start);
            desk.refresh_profiles(start).unwrap();
            let ranked: Vec<_> = desk.profiles.iter().map(|(id, _)| id.clone()).collect();
            let last = after.iter().map(|m| m.1).max().unwrap_or(0);
            let now = start + SignedDuration::from_mins(last);
            let events: Vec<Event> = after
                .iter()
                .enumerate()
                .map(|(n, &m)| message(before.len() + n, m))
                .collect();
            desk.apply_all(events, now);
            for id in &ranked {
                let k: usize = id.as_str()[1..].parse().unwrap();
                let Some(latest) = after.iter().filter(|m| m.0 == k).map(|m| m.1).max() else {
                    continue;
                };
                let mut fresh = desk.clone();
                fresh
                    .refresh_profiles(start + SignedDuration::from_mins(latest))
                    .unwrap();
                let (Some(Known::Scored(noted)), Some(Known::Scored(refreshed))) =
                    (desk.profiles.get(id), fresh.profiles.get(id))
                else {
                    return Err(TestCaseError::fail(format!("{id} is not scored")));
                };
                prop_assert!(
                    (noted.influence - refreshed.influence).abs() < 1e-9,
                    "{id}: influence {} noted, {} refreshed", noted.influence, refreshed.influence
                );
                prop_assert_eq!(noted.detractor, refreshed.detractor, "{}", id);
                let posts = |s: &super::Scored| s.own.posts().collect::<Vec<_>>();
                prop_assert_eq!(posts(noted), posts(refreshed), "{}", id);
                // The running mood sums weigh as the stance function does.
                let own = &noted.own;
                let plain = crate::influence::stance(
                    own.posts().filter_map(|p| Some((p.at, p.mood?))),
                    start + SignedDuration::from_mins(latest),
                    crate::influence::RankOptions::default().stance_half_life,
                    2,
                );
                let running = crate::influence::reading(own.mood_sum, own.mood_weight, own.moods, 2);
                prop_assert!((plain.mean - running.mean).abs() < 1e-9, "{}: {:?} {:?}", id, plain, running);
            }
        }
    }

    #[test]
    fn a_writer_the_last_refresh_did_not_rank_is_profiled_on_their_first_message() {
        let mut desk = desk(2);
        let start = Timestamp::UNIX_EPOCH + SignedDuration::from_mins(29_000_000);
        desk.apply_all([message(0, (1, 0, 0, 0)), message(1, (1, 5, 2, 0))], start);
        let Some(Known::Scored(profile)) = desk.profiles.get(&"c1".parse().unwrap()) else {
            panic!("c1 is profiled");
        };
        // Two complaints: a detractor at once, with no reach yet.
        assert!(profile.detractor);
        assert_eq!((profile.reach, profile.own.posts().count()), (0.0, 2));
        assert!(profile.influence > 0.0);
    }
}
