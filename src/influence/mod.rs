//! Influence: who matters in the conversation about a brand.
//!
//! This release provides the graph half: a compact weighted [`Graph`] of who
//! mentions, retweets, replies to or quotes whom, and [`pagerank`] on it,
//! exact to a tolerance and fast on graphs of hundreds of thousands of
//! people. Audience, engagement and stance scores build on it.

mod pagerank;

pub use pagerank::{pagerank, Graph, PageRank, PageRankConfig};
