//! Weighted PageRank on a mention graph: exact to a tolerance, fast on real
//! graph sizes, personalised and warm-startable.
//!
//! (Details of the definition and method are on [`pagerank`].)

use crate::{ErrorKind, Result};

/// A directed, weighted graph in compressed sparse rows of in-edges, with
/// dense `u32` node ids `0..n`.
///
/// ```
/// use social_crm::influence::Graph;
///
/// // 0 mentions 1 twice, 1 mentions 2, 2 mentions 0 and itself.
/// let graph = Graph::from_edges(3, &[(0, 1, 2.0), (1, 2, 1.0), (2, 0, 1.0), (2, 2, 1.0)])?;
/// assert_eq!(graph.node_count(), 3);
/// assert_eq!(graph.edge_count(), 4);
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Graph {
    n: u32,
    /// `in_start[v]..in_start[v + 1]` indexes `v`'s in-edges.
    in_start: Vec<u32>,
    in_source: Vec<u32>,
    /// `w(u, v) / out(u)` for each in-edge `u -> v`.
    in_share: Vec<f64>,
    /// Whether each node has no out-edge.
    dangling: Vec<bool>,
}

impl Graph {
    /// The most nodes a graph may have: 100 million, about 2.5 GB while it
    /// is built (Twitter's whole follower graph of 2010 had 41 million).
    /// The node count is a number the caller passes, not data already in
    /// memory, so it is checked before anything is allocated for it.
    pub const MAX_NODES: usize = 100_000_000;

    /// Builds a graph of `n` nodes from `(source, target, weight)` edges.
    /// Repeated edges add their weights.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::TooLarge`] for more than [`Graph::MAX_NODES`] nodes;
    /// [`ErrorKind::InvalidGraph`] for a node id not below `n`, a weight
    /// that is not a finite positive number, out-edges of one node whose
    /// weights add up past the largest float, or more than `u32::MAX`
    /// edges.
    pub fn from_edges(n: usize, edges: &[(u32, u32, f64)]) -> Result<Graph> {
        let bad = |reason: String| -> crate::Error { ErrorKind::InvalidGraph { reason }.into() };
        if n > Graph::MAX_NODES {
            return Err(ErrorKind::TooLarge {
                what: "graph's node count",
                size: n as u64,
                limit: Graph::MAX_NODES as u64,
            }
            .into());
        }
        let n32 = u32::try_from(n).map_err(|_| bad(format!("{n} nodes is more than 2^32 - 1")))?;
        if u32::try_from(edges.len()).is_err() {
            return Err(bad(format!("{} edges is more than 2^32 - 1", edges.len())));
        }
        let mut out_weight = vec![0.0f64; n];
        let mut in_degree = vec![0u32; n];
        for &(u, v, w) in edges {
            if u >= n32 || v >= n32 {
                return Err(bad(format!(
                    "edge `{u} -> {v}` names a node outside `0..{n}`"
                )));
            }
            if !(w.is_finite() && w > 0.0) {
                return Err(bad(format!(
                    "edge `{u} -> {v}` has weight `{w}`, expected a finite positive number"
                )));
            }
            out_weight[u as usize] += w;
            in_degree[v as usize] += 1;
        }
        // Finite weights can still add up past `f64::MAX`, and shares of an
        // infinite total would be NaN.
        if let Some(u) = out_weight.iter().position(|w| !w.is_finite()) {
            return Err(bad(format!(
                "the weights of the edges out of node {u} add up past the largest float"
            )));
        }
        let mut in_start = Vec::with_capacity(n + 1);
        let mut total = 0u32;
        in_start.push(0);
        for d in &in_degree {
            total += d;
            in_start.push(total);
        }
        // Fill in-edges by target, then merge repeated sources.
        let mut fill: Vec<u32> = in_start[..n].to_vec();
        let mut raw = vec![(0u32, 0.0f64); edges.len()];
        for &(u, v, w) in edges {
            let slot = &mut fill[v as usize];
            raw[*slot as usize] = (u, w);
            *slot += 1;
        }
        let mut in_source = Vec::with_capacity(edges.len());
        let mut in_share = Vec::with_capacity(edges.len());
        let mut merged_start = Vec::with_capacity(n + 1);
        merged_start.push(0u32);
        for v in 0..n {
            let range = &mut raw[in_start[v] as usize..in_start[v + 1] as usize];
            range.sort_unstable_by_key(|&(u, _)| u);
            let mut k = 0;
            while k < range.len() {
                let u = range[k].0;
                let mut w = 0.0;
                while k < range.len() && range[k].0 == u {
                    w += range[k].1;
                    k += 1;
                }
                in_source.push(u);
                in_share.push(w / out_weight[u as usize]);
            }
            merged_start.push(in_source.len() as u32);
        }
        Ok(Graph {
            n: n32,
            in_start: merged_start,
            in_source,
            in_share,
            dangling: out_weight.iter().map(|&w| w == 0.0).collect(),
        })
    }

    /// How many nodes.
    pub fn node_count(&self) -> usize {
        self.n as usize
    }

    /// How many distinct edges (repeated edges merged).
    pub fn edge_count(&self) -> usize {
        self.in_source.len()
    }

    fn in_edges(&self, v: usize) -> std::ops::Range<usize> {
        self.in_start[v] as usize..self.in_start[v + 1] as usize
    }
}

/// PageRank settings. Every setter says its default.
///
/// ```
/// use social_crm::influence::{pagerank, Graph, PageRankConfig};
///
/// let graph = Graph::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0), (2, 1, 1.0)])?;
/// let ranks = pagerank(&graph, &PageRankConfig::new())?;
/// assert!(ranks.converged);
/// let total: f64 = ranks.scores.iter().sum();
/// assert!((total - 1.0).abs() < 1e-12);
/// assert!(ranks.scores[1] > ranks.scores[0]);
///
/// // Personalised: teleport only to node 0 (say, the brand's own account).
/// let personal = pagerank(&graph, &PageRankConfig::new().personalization(vec![1.0, 0.0, 0.0]))?;
/// assert!(personal.scores[0] > ranks.scores[0]);
/// # Ok::<(), social_crm::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct PageRankConfig {
    damping: f64,
    tolerance: f64,
    max_iterations: usize,
    personalization: Option<Vec<f64>>,
    warm_start: Option<Vec<f64>>,
}

impl Default for PageRankConfig {
    fn default() -> PageRankConfig {
        PageRankConfig::new()
    }
}

impl PageRankConfig {
    /// Damping 0.85, L1 tolerance 1e-12, at most 10,000 sweeps, uniform
    /// teleport, cold start.
    pub const fn new() -> PageRankConfig {
        PageRankConfig {
            damping: 0.85,
            tolerance: 1e-12,
            max_iterations: 10_000,
            personalization: None,
            warm_start: None,
        }
    }

    /// The damping factor `α` (default 0.85, in `0..1`).
    #[must_use]
    pub fn damping(mut self, alpha: f64) -> PageRankConfig {
        self.damping = alpha;
        self
    }

    /// Stop when the L1 change between two sweeps is below this (default
    /// 1e-12, positive).
    #[must_use]
    pub fn tolerance(mut self, l1: f64) -> PageRankConfig {
        self.tolerance = l1;
        self
    }

    /// At most this many sweeps (default 10,000, at least 1).
    #[must_use]
    pub fn max_iterations(mut self, n: usize) -> PageRankConfig {
        self.max_iterations = n;
        self
    }

    /// Teleport (and dangling mass) to these weights, one per node,
    /// non-negative with a positive sum (default: uniform).
    #[must_use]
    pub fn personalization(mut self, weights: Vec<f64>) -> PageRankConfig {
        self.personalization = Some(weights);
        self
    }

    /// Start from earlier scores, one per node (for a graph that changed a
    /// little since: a day's new mentions).
    #[must_use]
    pub fn warm_start(mut self, scores: Vec<f64>) -> PageRankConfig {
        self.warm_start = Some(scores);
        self
    }
}

/// The outcome of [`pagerank`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct PageRank {
    /// One score per node, non-negative, summing to 1.
    pub scores: Vec<f64>,
    /// Sweeps done.
    pub iterations: usize,
    /// Whether the tolerance was reached within the iteration cap.
    pub converged: bool,
    /// The L1 change of the last sweep.
    pub residual: f64,
}

/// Computes PageRank.
///
/// # Definition
///
/// A directed graph with positive edge weights; a node's out-weight is the
/// sum of its out-edges' weights, self-loops included. With damping `α`
/// (0.85 by default) and a teleport distribution `t` (uniform, or the
/// caller's personalisation), the scores `x` are the unique distribution
/// with
///
/// ```text
/// x[v] = (1 - α) t[v] + α Σ_{u→v} x[u] w(u,v) / out(u) + α t[v] Σ_{u dangling} x[u]
/// ```
///
/// so a node with no out-edge (dangling) hands its score to the teleport
/// distribution, uniformly in the standard case. The scores are non-negative
/// and sum to 1.
///
/// # Method
///
/// With dangling mass following `t`, `x` is the normalised solution `y / |y|`
/// of the linear system `y = t + α Sᵀ y`, where `S` is the graph's row-
/// normalised (sub-stochastic) matrix (Langville & Meyer, *Deeper Inside
/// PageRank*, 2004). Nodes no edge points to have `y = t` outright; the
/// others are solved by Gauss-Seidel sweeps, which converge in about half
/// the iterations of the power method. Iteration stops when the L1 change of
/// the normalised scores between two sweeps falls below the tolerance.
///
/// # Complexity
///
/// Time O(|E|) per sweep, over the edges between nodes that have in-edges;
/// memory O(|V| + |E|) (`u32` node ids, one `f64` coefficient per edge).
///
/// # Errors
///
/// [`ErrorKind::InvalidConfig`] for a damping outside `0..1`, a tolerance
/// that is not positive, no sweep allowed, or a personalisation or warm start
/// of the wrong length, with a negative or non-finite value or a sum past
/// the largest float, or (for the personalisation) summing to zero. An
/// empty graph gives empty scores.
pub fn pagerank(graph: &Graph, config: &PageRankConfig) -> Result<PageRank> {
    let n = graph.node_count();
    let teleport = teleport(config, n)?;
    if n == 0 {
        return Ok(PageRank {
            scores: Vec::new(),
            iterations: 0,
            converged: true,
            residual: 0.0,
        });
    }
    let alpha = config.damping;

    // Nodes without in-edges are solved outright: y = t.
    let fixed: Vec<bool> = (0..n).map(|v| graph.in_edges(v).is_empty()).collect();
    let fixed_sum: f64 = (0..n).filter(|&v| fixed[v]).map(|v| teleport[v]).sum();
    // For the others: y[v] = (base[v] + α Σ_{u active, u≠v} share·y[u]) / (1 - α share(v,v)).
    let active: Vec<u32> = (0..n as u32).filter(|&v| !fixed[v as usize]).collect();
    let mut base = vec![0.0f64; n];
    let mut diagonal = vec![1.0f64; n];
    let mut start = Vec::with_capacity(active.len() + 1);
    let mut sources: Vec<u32> = Vec::new();
    let mut shares: Vec<f64> = Vec::new();
    start.push(0u32);
    for &v in &active {
        let v = v as usize;
        let mut b = teleport[v];
        for e in graph.in_edges(v) {
            let u = graph.in_source[e] as usize;
            let share = graph.in_share[e];
            if u == v {
                diagonal[v] = 1.0 - alpha * share;
            } else if fixed[u] {
                b += alpha * share * teleport[u];
            } else {
                sources.push(u as u32);
                shares.push(alpha * share);
            }
        }
        base[v] = b;
        start.push(sources.len() as u32);
    }

    let mut y = teleport.clone();
    if let Some(w) = &config.warm_start {
        // Earlier scores x are y / |y|. Summing the system over all nodes
        // gives |y| = 1 + α Σ_{u not dangling} y[u], so the scale is
        // 1 / (1 - α · (share of x on nodes that are not dangling)).
        let total: f64 = w.iter().sum();
        if total > 0.0 {
            let linked: f64 = (0..n)
                .filter(|&v| !graph.dangling[v])
                .map(|v| w[v])
                .sum::<f64>()
                / total;
            let scale = 1.0 / (1.0 - alpha * linked) / total;
            for &v in &active {
                y[v as usize] = w[v as usize] * scale;
            }
        }
    }
    let mut norm = fixed_sum + active.iter().map(|&v| y[v as usize]).sum::<f64>();
    let mut previous: Vec<f64> = active.iter().map(|&v| y[v as usize]).collect();
    let mut iterations = 0;
    let mut residual = f64::INFINITY;
    while iterations < config.max_iterations {
        iterations += 1;
        let mut new_norm = fixed_sum;
        for (k, &v) in active.iter().enumerate() {
            let v = v as usize;
            let mut s = base[v];
            for e in start[k] as usize..start[k + 1] as usize {
                s += shares[e] * y[sources[e] as usize];
            }
            let value = s / diagonal[v];
            y[v] = value;
            new_norm += value;
        }
        // The L1 change of the normalised scores: the solved nodes' moves,
        // plus the outright nodes' share of the change of scale.
        let mut change = fixed_sum * (1.0 / new_norm - 1.0 / norm).abs();
        for (k, &v) in active.iter().enumerate() {
            let value = y[v as usize];
            change += (value / new_norm - previous[k] / norm).abs();
            previous[k] = value;
        }
        residual = change;
        norm = new_norm;
        if residual < config.tolerance {
            break;
        }
    }
    let converged = residual < config.tolerance;
    for value in &mut y {
        *value /= norm;
    }
    Ok(PageRank {
        scores: y,
        iterations,
        converged,
        residual,
    })
}

/// Checks the settings against a graph of `n` nodes, and gives the teleport
/// distribution.
fn teleport(config: &PageRankConfig, n: usize) -> Result<Vec<f64>> {
    let bad = |what: &'static str, value: String| -> crate::Error {
        ErrorKind::InvalidConfig { what, value }.into()
    };
    let alpha = config.damping;
    if !(0.0..1.0).contains(&alpha) {
        return Err(bad("damping", alpha.to_string()));
    }
    // Written so that NaN is refused too.
    if !config.tolerance.is_finite() || config.tolerance <= 0.0 {
        return Err(bad("tolerance", config.tolerance.to_string()));
    }
    if config.max_iterations == 0 {
        return Err(bad("maximum iterations", "0".to_owned()));
    }
    if n == 0 {
        // An empty graph has empty scores, whatever the vectors say.
        return Ok(Vec::new());
    }
    let teleport: Vec<f64> = match &config.personalization {
        None => vec![1.0 / n as f64; n],
        Some(p) => {
            let sum: f64 = p.iter().sum();
            // A sum past the largest float would turn every weight to zero.
            if p.len() != n
                || p.iter().any(|w| !(w.is_finite() && *w >= 0.0))
                || !(sum.is_finite() && sum > 0.0)
            {
                return Err(bad(
                    "personalization",
                    format!("{} weights summing to {sum}", p.len()),
                ));
            }
            p.iter().map(|w| w / sum).collect()
        }
    };
    if let Some(w) = &config.warm_start {
        if w.len() != n
            || w.iter().any(|x| !(x.is_finite() && *x >= 0.0))
            || !w.iter().sum::<f64>().is_finite()
        {
            return Err(bad("warm start", format!("{} scores", w.len())));
        }
    }
    Ok(teleport)
}
