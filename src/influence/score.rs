//! The influence score of one person: audience, activity, engagement and
//! reach, each log-scaled, weighted and explained.

use std::fmt;

use crate::explain::{Contribution, Explanation, Factor};
use crate::{ErrorKind, Result};

/// What the influence score reads about one person. Counts are over every
/// handle of the person; rates are over the caller's window.
///
/// ```
/// use social_crm::influence::Signals;
///
/// let nathalie = Signals { followers: 182_000.0, following: 950.0, listed: 2_100.0, ..Signals::default() };
/// assert!(nathalie.check().is_ok());
/// assert!(Signals { followers: -1.0, ..Signals::default() }.check().is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Signals {
    /// Accounts following the person.
    pub followers: f64,
    /// Accounts the person follows.
    pub following: f64,
    /// Public lists the person is on.
    pub listed: f64,
    /// Posts a day in the window (activity).
    pub posts_per_day: f64,
    /// Mentions of the person received in the window.
    pub mentions_received: f64,
    /// Shares (retweets, reposts) of the person's posts received.
    pub shares_received: f64,
    /// Likes, shares and replies received per post.
    pub engagement_per_post: f64,
    /// Reach in the conversation: PageRank times the number of people
    /// ranked (1 is average).
    pub reach: f64,
    /// Age of the oldest account, in days (an old account is less likely a
    /// throwaway).
    pub account_age_days: f64,
}

impl Signals {
    /// Checks that every figure is a finite, non-negative number.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidSignal`] naming the first bad figure.
    pub fn check(&self) -> Result<()> {
        for (what, v) in self.named() {
            if !(v.is_finite() && v >= 0.0) {
                return Err(ErrorKind::InvalidSignal { what, value: v }.into());
            }
        }
        Ok(())
    }

    fn named(&self) -> [(&'static str, f64); 9] {
        [
            ("followers", self.followers),
            ("following", self.following),
            ("listed", self.listed),
            ("posts per day", self.posts_per_day),
            ("mentions received", self.mentions_received),
            ("shares received", self.shares_received),
            ("engagement per post", self.engagement_per_post),
            ("reach", self.reach),
            ("account age", self.account_age_days),
        ]
    }
}

/// How much each signal weighs. Every signal enters as `ln(1 + x)`: raw
/// counts rank badly (on the shared PeerIndex pairs, raw follower
/// differences give an AUC of 0.769, log followers 0.836).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Per log follower (default 1.0).
    pub followers: f64,
    /// Per log list membership (default 1.5: being listed is a deliberate
    /// act of others).
    pub listed: f64,
    /// Per log of the follower/following excess of an account that follows
    /// more than it is followed (default -0.5: follow-back farms).
    pub follow_back: f64,
    /// Per log post a day (default 0.2).
    pub activity: f64,
    /// Per log mention received (default 0.3).
    pub mentions: f64,
    /// Per log share received (default 1.0).
    pub shares: f64,
    /// Per log engagement per post (default 0.5).
    pub engagement: f64,
    /// Per log reach (default 1.0).
    pub reach: f64,
    /// Per log day of account age (default 0.2).
    pub account_age: f64,
}

impl Weights {
    /// The largest weight, in magnitude: with every signal's `ln(1 + x)`
    /// below 710, the raw score stays a finite number.
    pub const MAX: f64 = 1e6;

    /// Checks that every weight is a number within `-MAX..=MAX`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidConfig`] naming the first weight that is not.
    pub fn check(&self) -> Result<()> {
        let named = [
            ("followers weight", self.followers),
            ("listed weight", self.listed),
            ("follow-back weight", self.follow_back),
            ("activity weight", self.activity),
            ("mentions weight", self.mentions),
            ("shares weight", self.shares),
            ("engagement weight", self.engagement),
            ("reach weight", self.reach),
            ("account age weight", self.account_age),
        ];
        for (what, value) in named {
            if !(-Weights::MAX..=Weights::MAX).contains(&value) {
                return Err(ErrorKind::InvalidConfig {
                    what,
                    value: value.to_string(),
                }
                .into());
            }
        }
        Ok(())
    }
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            followers: 1.0,
            listed: 1.5,
            follow_back: -0.5,
            activity: 0.2,
            mentions: 0.3,
            shares: 1.0,
            engagement: 0.5,
            reach: 1.0,
            account_age: 0.2,
        }
    }
}

/// The raw score at which the 0-100 score is 50.
const HALF_SCORE: f64 = 15.0;

/// One person's influence.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Influence {
    /// The weighted sum of log signals (the contributions' total).
    pub raw: f64,
    /// In `0..100`: `100 · raw / (raw + 15)`, monotonic in every positive
    /// weight's signal.
    pub score: f64,
    /// Each signal's contribution.
    pub explanation: Explanation,
}

impl fmt::Display for Influence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "influence {:.0}/100", self.score)
    }
}

/// Scores one person's signals.
///
/// # Errors
///
/// [`ErrorKind::InvalidSignal`] for a negative, infinite or NaN signal;
/// [`ErrorKind::InvalidConfig`] for a weight outside
/// `-Weights::MAX..=Weights::MAX` (or NaN).
///
/// ```
/// use social_crm::influence::{score, Signals, Weights};
///
/// let big = score(&Signals { followers: 182_000.0, listed: 2_100.0, ..Default::default() }, &Weights::default())?;
/// let small = score(&Signals { followers: 300.0, ..Default::default() }, &Weights::default())?;
/// assert!(big.score > small.score);
/// println!("{}", big.explanation);
/// # Ok::<(), social_crm::Error>(())
/// ```
pub fn score(signals: &Signals, weights: &Weights) -> Result<Influence> {
    signals.check()?;
    weights.check()?;
    let mut explanation = Explanation::default();
    for (id, base, value) in parts(signals, weights) {
        if value != 0.0 {
            explanation.contributions.push(Contribution {
                factor: Factor::Rule { id },
                span: None,
                base,
                modifiers: Vec::new(),
                value,
            });
        }
    }
    let raw = explanation.total();
    Ok(Influence {
        raw,
        score: scaled(raw),
        explanation,
    })
}

/// The score [`score`] gives, without its explanation (for the desk, which
/// updates a profile with each message).
pub(crate) fn score_only(signals: &Signals, weights: &Weights) -> Result<f64> {
    signals.check()?;
    weights.check()?;
    // Summed as the explanation's total is: the same values in the same
    // order.
    let raw: f64 = parts(signals, weights)
        .into_iter()
        .map(|(_, _, value)| value)
        .filter(|&value| value != 0.0)
        .sum();
    Ok(scaled(raw))
}

/// Each signal's contribution: its name, the signal and its weighted value.
fn parts(s: &Signals, w: &Weights) -> [(&'static str, f64, f64); 9] {
    // Every signal but the follow-back excess (already a log ratio) enters
    // as `weight · ln(1 + signal)`.
    let logged = |id, signal: f64, weight: f64| (id, signal, weight * signal.ln_1p());
    let excess = (s.following.ln_1p() - s.followers.ln_1p()).max(0.0);
    [
        logged("followers", s.followers, w.followers),
        logged("listed", s.listed, w.listed),
        ("follow-back", excess, w.follow_back * excess),
        logged("activity", s.posts_per_day, w.activity),
        logged("mentions", s.mentions_received, w.mentions),
        logged("shares", s.shares_received, w.shares),
        logged("engagement", s.engagement_per_post, w.engagement),
        logged("reach", s.reach, w.reach),
        logged("account age", s.account_age_days, w.account_age),
    ]
}

/// A raw score on `0..100`.
fn scaled(raw: f64) -> f64 {
    let positive = raw.max(0.0);
    // The ratio first: `100 · p` rounded up over `p + 15` rounded down can
    // pass 100 for a huge `p`; a ratio of two rounded values cannot pass 1.
    100.0 * (positive / (positive + HALF_SCORE))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The score without its explanation is the score.
        #[test]
        fn the_score_alone_is_the_score(
            followers in 0.0..1e9f64,
            following in 0.0..1e6f64,
            posts in 0.0..1e3f64,
            reach in 0.0..10.0f64,
            engagement in 0.0..1e5f64,
        ) {
            let signals = Signals {
                followers,
                following,
                posts_per_day: posts,
                reach,
                engagement_per_post: engagement,
                ..Signals::default()
            };
            let weights = Weights::default();
            let full = score(&signals, &weights).unwrap();
            proptest::prop_assert_eq!(score_only(&signals, &weights).unwrap().to_bits(), full.score.to_bits());
        }
    }
}
