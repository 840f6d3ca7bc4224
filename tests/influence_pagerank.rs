//! PageRank: the Higgs mention graph against the shared oracle, and the
//! invariants on random graphs.

use std::collections::HashMap;

use proptest::prelude::*;
use social_crm::influence::{pagerank, Graph, PageRankConfig};

/// `INFLUENCE_DATA` names the folder of `higgs-mention.edges` and
/// `higgs-mention.pagerank.tsv` (CI sets it to `../shared/data/influence`).
#[test]
#[cfg_attr(
    not(influence_data),
    ignore = "needs the Higgs mention graph: set INFLUENCE_DATA to ../shared/data/influence"
)]
fn higgs_matches_the_oracle() {
    let Some(dir) = std::env::var_os("INFLUENCE_DATA") else {
        panic!(
            "{} is not set: run without it, this test is ignored",
            "INFLUENCE_DATA"
        );
    };
    let dir = std::path::PathBuf::from(dir);
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| {
            panic!(
                "INFLUENCE_DATA is set to {} but {name} cannot be read: {e}",
                dir.display()
            )
        })
    };
    let edges_text = read("higgs-mention.edges");
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut edges = Vec::new();
    for line in edges_text.lines() {
        let mut f = line.split_whitespace();
        let (a, b, w) = (f.next().unwrap(), f.next().unwrap(), f.next().unwrap());
        let next = ids.len() as u32;
        let u = *ids.entry(a).or_insert(next);
        let next = ids.len() as u32;
        let v = *ids.entry(b).or_insert(next);
        edges.push((u, v, w.parse::<f64>().unwrap()));
    }
    assert_eq!(ids.len(), 116_408);
    assert!(!edges.is_empty(), "INFLUENCE_DATA holds no edge");
    let graph = Graph::from_edges(ids.len(), &edges).unwrap();
    let ranks = pagerank(&graph, &PageRankConfig::new()).unwrap();
    assert!(ranks.converged);
    let oracle_text = read("higgs-mention.pagerank.tsv");
    let oracle: Vec<(&str, f64)> = oracle_text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let (node, score) = l.split_once('\t').unwrap();
            (node, score.parse().unwrap())
        })
        .collect();
    let max_diff = oracle
        .iter()
        .map(|(node, score)| (ranks.scores[ids[node] as usize] - score).abs())
        .fold(0.0f64, f64::max);
    assert!(max_diff < 1e-9, "max abs diff {max_diff:e}");
    let mut order: Vec<(&str, u32)> = ids.iter().map(|(k, v)| (*k, *v)).collect();
    order.sort_by(|a, b| {
        ranks.scores[b.1 as usize]
            .total_cmp(&ranks.scores[a.1 as usize])
            .then(a.0.cmp(b.0))
    });
    let ours: std::collections::HashSet<&str> = order.iter().take(1000).map(|(k, _)| *k).collect();
    let overlap = oracle.iter().filter(|(n, _)| ours.contains(n)).count();
    assert_eq!(overlap, 1000);
    eprintln!(
        "Higgs: max abs diff {max_diff:e}, top-1000 overlap 1.0, {} sweeps",
        ranks.iterations
    );
}

#[test]
fn small_graphs_by_hand() {
    // A cycle is uniform.
    let cycle = Graph::from_edges(3, &[(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0)]).unwrap();
    let r = pagerank(&cycle, &PageRankConfig::new()).unwrap();
    for s in &r.scores {
        assert!((s - 1.0 / 3.0).abs() < 1e-12);
    }
    // Two nodes, one pointing to the other, the target dangling:
    // x1 = 0.15/2 + 0.85 (x0 + x1/2), x0 = 0.15/2 + 0.85 x1/2.
    let pair = Graph::from_edges(2, &[(0, 1, 1.0)]).unwrap();
    let r = pagerank(&pair, &PageRankConfig::new()).unwrap();
    assert!((r.scores[0] + r.scores[1] - 1.0).abs() < 1e-12);
    assert!((r.scores[0] - (0.075 + 0.425 * r.scores[1])).abs() < 1e-12);
    // An empty graph has no scores; a graph of isolated nodes is uniform.
    assert!(
        pagerank(&Graph::from_edges(0, &[]).unwrap(), &PageRankConfig::new())
            .unwrap()
            .scores
            .is_empty()
    );
    let isolated = pagerank(&Graph::from_edges(4, &[]).unwrap(), &PageRankConfig::new()).unwrap();
    assert!(isolated.scores.iter().all(|s| (s - 0.25).abs() < 1e-12));
}

#[test]
fn bad_input_is_a_typed_error() {
    assert!(Graph::from_edges(2, &[(0, 2, 1.0)]).is_err());
    for w in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        assert!(Graph::from_edges(2, &[(0, 1, w)]).is_err(), "{w}");
    }
    // Each weight finite, their sum not.
    let huge = Graph::from_edges(3, &[(0, 1, f64::MAX), (0, 2, f64::MAX)]).unwrap_err();
    assert!(huge.to_string().contains("node 0"), "{huge}");
    let g = Graph::from_edges(2, &[(0, 1, 1.0)]).unwrap();
    assert!(pagerank(&g, &PageRankConfig::new().damping(1.0)).is_err());
    assert!(pagerank(&g, &PageRankConfig::new().tolerance(0.0)).is_err());
    assert!(pagerank(&g, &PageRankConfig::new().max_iterations(0)).is_err());
    assert!(pagerank(&g, &PageRankConfig::new().personalization(vec![0.0, 0.0])).is_err());
    assert!(pagerank(&g, &PageRankConfig::new().personalization(vec![1.0])).is_err());
    assert!(pagerank(&g, &PageRankConfig::new().warm_start(vec![f64::NAN, 1.0])).is_err());
    let huge = vec![f64::MAX, f64::MAX];
    assert!(pagerank(&g, &PageRankConfig::new().personalization(huge.clone())).is_err());
    assert!(pagerank(&g, &PageRankConfig::new().warm_start(huge)).is_err());
    assert_eq!(
        Graph::from_edges(2, &[(0, 1, -1.0)])
            .unwrap_err()
            .to_string(),
        "invalid graph: edge `0 -> 1` has weight `-1`, expected a finite positive number"
    );
}

fn graph() -> impl Strategy<Value = (usize, Vec<(u32, u32, f64)>)> {
    (1usize..30).prop_flat_map(|n| {
        let edge = (0..n as u32, 0..n as u32, 1u32..5).prop_map(|(a, b, w)| (a, b, w as f64));
        (Just(n), proptest::collection::vec(edge, 0..80))
    })
}

proptest! {
    #[test]
    fn scores_are_a_distribution((n, edges) in graph()) {
        let r = pagerank(&Graph::from_edges(n, &edges).unwrap(), &PageRankConfig::new()).unwrap();
        prop_assert!(r.converged);
        prop_assert!(r.scores.iter().all(|&s| s >= 0.0));
        prop_assert!((r.scores.iter().sum::<f64>() - 1.0).abs() < 1e-10);
    }

    #[test]
    fn relabelling_nodes_permutes_the_scores((n, edges) in graph(), seed in any::<u64>()) {
        let mut perm: Vec<u32> = (0..n as u32).collect();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..n).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            perm.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let moved: Vec<(u32, u32, f64)> = edges.iter().map(|&(a, b, w)| (perm[a as usize], perm[b as usize], w)).collect();
        let a = pagerank(&Graph::from_edges(n, &edges).unwrap(), &PageRankConfig::new()).unwrap();
        let b = pagerank(&Graph::from_edges(n, &moved).unwrap(), &PageRankConfig::new()).unwrap();
        for (v, &moved_to) in perm.iter().enumerate() {
            prop_assert!((a.scores[v] - b.scores[moved_to as usize]).abs() < 1e-10);
        }
    }

    #[test]
    fn a_new_mention_never_lowers_its_target((n, edges) in graph(), from in 0u32..30, to in 0u32..30) {
        let (from, to) = (from % n as u32, to % n as u32);
        let before = pagerank(&Graph::from_edges(n, &edges).unwrap(), &PageRankConfig::new()).unwrap();
        let mut more = edges.clone();
        more.push((from, to, 1.0));
        let after = pagerank(&Graph::from_edges(n, &more).unwrap(), &PageRankConfig::new()).unwrap();
        prop_assert!(after.scores[to as usize] >= before.scores[to as usize] - 1e-10);
    }

    #[test]
    fn a_warm_start_reaches_the_same_scores((n, edges) in graph()) {
        let g = Graph::from_edges(n, &edges).unwrap();
        let cold = pagerank(&g, &PageRankConfig::new()).unwrap();
        let warm = pagerank(&g, &PageRankConfig::new().warm_start(cold.scores.clone())).unwrap();
        prop_assert!(warm.iterations <= cold.iterations.max(3), "{} vs {} sweeps", warm.iterations, cold.iterations);
        for (a, b) in cold.scores.iter().zip(&warm.scores) {
            prop_assert!((a - b).abs() < 1e-10);
        }
    }
}
