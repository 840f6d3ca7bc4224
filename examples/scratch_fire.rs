use social_crm::explain::Factor;
use social_crm::sentiment::Analyzer;
use std::collections::HashMap;
fn main() {
    let lang = std::env::args().nth(1).unwrap();
    let input = std::fs::read_to_string(format!("/work/shared/data/sentiment/umsab/{lang}-train.tsv")).unwrap();
    let a = Analyzer::default();
    let mut fires: HashMap<(String, String, String), usize> = HashMap::new();
    for line in input.lines().skip(1) {
        let mut f = line.split('\t'); let gold = f.next().unwrap(); let text = f.next().unwrap_or("");
        let (s, why) = a.explain(text, Some(lang.parse().unwrap()));
        let pred = s.label.to_string();
        if pred == gold { continue; }
        for c in &why.contributions { if let Factor::Lexicon { text } = &c.factor { *fires.entry((gold.to_owned(), pred.clone(), text.to_lowercase())).or_default() += 1; } }
    }
    let mut v: Vec<_> = fires.into_iter().collect(); v.sort_by(|a, b| b.1.cmp(&a.1));
    for ((g, p, w), n) in v.iter().take(60) { println!("{n:3} {g:>8}->{p:<8} {w}"); }
}
