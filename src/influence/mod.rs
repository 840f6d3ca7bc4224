//! Influence: who matters in the conversation about a brand.
//!
//! - [`score`]: one person's influence from log-scaled audience, activity,
//!   engagement and reach [`Signals`], in `0..100` with its explanation;
//! - [`pagerank`] on a compact weighted [`Graph`] of who mentions, retweets
//!   or replies to whom: exact to a tolerance, fast on graphs of hundreds of
//!   thousands of people, personalised or warm-started;
//! - [`stance`]: advocate, detractor, neutral or unknown, from dated
//!   sentiment, never a guess on too few messages;
//! - [`rank_customers`]: all of it for a desk's customers over a window,
//!   with percentiles, consent honoured ([`InfluenceOutcome::ProfilingRefused`]
//!   is its own outcome), and the views to act on: influential detractors,
//!   advocates, rising voices.

mod desk;
mod pagerank;
mod score;

pub(crate) use desk::{
    customer_signals, rank_customers_scored, reading, window_days, Activity, Post,
};
pub use desk::{
    rank_customers, stance, CustomerInfluence, InfluenceOutcome, InfluenceReport, RankOptions,
    Stance, StanceReading,
};
pub use pagerank::{pagerank, Graph, PageRank, PageRankConfig};
pub(crate) use score::score_only;
pub use score::{score, Influence, Signals, Weights};
