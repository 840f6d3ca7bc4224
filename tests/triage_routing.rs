//! Triage (the queue's order, explained) and routing (who answers, or why
//! nobody can yet).
#![cfg(feature = "tzdb-bundled")]

use proptest::prelude::*;
use social_crm::jiff::{tz::TimeZone, Timestamp};
use social_crm::routing::{route, Escalation, Need, Roster, Routing, Unrouted};
use social_crm::sla::{BusinessCalendar, WeeklySchedule};
use social_crm::triage::{score, triage, Profile, SlaUrgency, TriageWeights, Waiting};
use social_crm::{Agent, Channel, ErrorKind, Language, Level, Potentials, Role, Visibility};

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[test]
fn the_queue_is_ordered_and_explained() {
    let w = TriageWeights::default();
    let plain = |id: &str, since: &str| Waiting::new(id.parse().unwrap(), at(since));
    let queue = triage(
        vec![
            plain("b", "2026-11-20T10:00:00Z"),
            plain("a", "2026-11-20T10:00:00Z"),
            plain("c", "2026-11-20T09:00:00Z"),
            plain("d", "2026-11-20T11:00:00Z")
                .with_mood(0.8, 0.9)
                .with_visibility(Visibility::Public)
                .with_sla(SlaUrgency::new(1.4, true)),
        ],
        &w,
    )
    .unwrap();
    let order: Vec<&str> = queue.iter().map(|t| t.conversation.as_str()).collect();
    // The urgent one first; equal scores oldest first, then by id.
    assert_eq!(order, ["d", "c", "a", "b"]);
    let d = &queue[0];
    assert!((d.score - d.explanation.total()).abs() < 1e-9);
    assert!(
        (d.score - (16.0 + 9.0 + 10.0 + 15.0 + 10.0)).abs() < 1e-9,
        "{}",
        d.score
    );
    assert_eq!(d.reasons(2), ["negativity +16", "sla +15"]);
}

#[test]
fn a_refused_profile_contributes_nothing_and_says_so() {
    let w = TriageWeights::default();
    let base = Waiting::new("x".parse().unwrap(), at("2026-11-20T10:00:00Z")).with_mood(0.5, 0.5);
    let refused = score(&base.clone().with_profile(Profile::Refused), &w);
    let unknown = score(&base.clone(), &w);
    let profiled = score(
        &base.with_profile(Profile::Profiled {
            influence: 90.0,
            followers: 1_000_000,
            potentials: Some(Potentials::new(0.9, 0.5, 0.5).unwrap()),
        }),
        &w,
    );
    assert_eq!(refused.score, unknown.score);
    assert!(refused.explanation.notes[0].contains("profiling refused"));
    assert!(profiled.score > refused.score + 20.0);
    let ids: Vec<String> = profiled.reasons(9);
    assert!(ids.iter().any(|r| r.starts_with("influence")), "{ids:?}");
}

#[test]
fn bad_weights_are_refused() {
    let mut w = TriageWeights::default();
    w.sla = f64::NAN;
    let err = triage(Vec::new(), &w).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::InvalidConfig {
            what: "sla weight",
            ..
        }
    ));
    w.sla = -1.0;
    assert!(triage(Vec::new(), &w).is_err());
}

proptest! {
    /// Scores stay within the weights' sum, never NaN whatever the inputs,
    /// and more negativity or more SLA used never lowers them.
    #[test]
    fn scores_are_bounded_and_monotonic(
        neg in prop::num::f64::ANY, int in prop::num::f64::ANY, used in prop::num::f64::ANY,
        influence in prop::num::f64::ANY, followers in any::<u64>(), public in any::<bool>(),
        crisis in any::<bool>(), breached in any::<bool>(), bump in 0.0f64..1.0,
    ) {
        let w = TriageWeights::default();
        let waiting = Waiting::new("x".parse().unwrap(), at("2026-11-20T10:00:00Z"))
            .with_mood(neg, int)
            .with_profile(Profile::profiled(influence, followers))
            .with_visibility(if public { Visibility::Public } else { Visibility::Private })
            .with_sla(SlaUrgency::new(used, breached))
            .with_roles([Role::Client].into())
            .in_crisis(crisis);
        let s = score(&waiting, &w).score;
        prop_assert!(s.is_finite() && (0.0..=100.0 + 1e-9).contains(&s), "{}", s);
        if neg.is_finite() && (0.0..=1.0).contains(&neg) {
            let more = score(&waiting.clone().with_mood((neg + bump).min(1.0), int), &w).score;
            prop_assert!(more >= s - 1e-9);
        }
        if used.is_finite() && (0.0..=1.0).contains(&used) {
            let later = score(&waiting.clone().with_sla(SlaUrgency::new((used + bump).min(1.0), breached)), &w).score;
            prop_assert!(later >= s - 1e-9);
        }
    }
}

fn calendar(shift: &str) -> BusinessCalendar {
    BusinessCalendar::new(
        TimeZone::UTC,
        WeeklySchedule::new().every_day(shift.parse().unwrap()),
    )
    .unwrap()
}

fn desk() -> Roster {
    let agent = |id: &str, name: &str, cap: u32, langs: &[Language], skills: &[&str]| {
        let mut a = Agent::new(id, name, cap).unwrap();
        for l in langs {
            a = a.with_language(*l);
        }
        for s in skills {
            a = match *s {
                "senior" => a.with_level(Level::Senior),
                "twitter" | "facebook" | "email" => a.with_channel(s.parse().unwrap()),
                _ => a.with_skill(s.parse().unwrap()),
            };
        }
        a
    };
    Roster::new([
        agent(
            "a1",
            "Eric Dupont",
            2,
            &[Language::FRENCH, Language::ENGLISH],
            &["twitter", "facebook", "delivery"],
        ),
        agent(
            "a2",
            "Camille Roux",
            2,
            &[Language::FRENCH],
            &["email", "twitter"],
        ),
        agent(
            "a3",
            "Lucía Fernández",
            2,
            &[Language::SPANISH],
            &["twitter"],
        ),
        agent(
            "a6",
            "Hugo Lefèvre",
            1,
            &[Language::FRENCH, Language::ENGLISH],
            &["twitter", "facebook", "senior"],
        ),
    ])
    .with_shifts("a1", calendar("08:00-16:00"))
    .unwrap()
    .with_shifts("a2", calendar("08:00-16:00"))
    .unwrap()
    .with_shifts("a3", calendar("14:00-22:00"))
    .unwrap()
    .with_shifts("a6", calendar("10:00-18:00"))
    .unwrap()
}

#[test]
fn routing_explains_each_decision_and_each_refusal() {
    let mut roster = desk();
    let needs = vec![
        Need::new("c1".parse().unwrap(), Channel::Facebook)
            .with_language(Language::FRENCH)
            .escalated(Escalation::Crisis),
        Need::new("c2".parse().unwrap(), Channel::Twitter)
            .with_language(Language::FRENCH)
            .with_topics(["delivery".parse().unwrap()]),
        Need::new("c3".parse().unwrap(), Channel::Twitter).with_language(Language::SPANISH),
        Need::new("c4".parse().unwrap(), Channel::Instagram).with_language(Language::FRENCH),
        Need::new("c5".parse().unwrap(), Channel::Twitter).with_language(Language::FRENCH),
        Need::new("c6".parse().unwrap(), Channel::Twitter).with_language(Language::FRENCH),
        Need::new("c7".parse().unwrap(), Channel::Twitter).with_language(Language::FRENCH),
        Need::new("c8".parse().unwrap(), Channel::Facebook)
            .with_language(Language::ENGLISH)
            .escalated(Escalation::InfluentialDetractor),
    ];
    let decisions = route(&needs, &mut roster, at("2026-11-20T11:00:00Z")).unwrap();
    let agents: Vec<Option<&str>> = decisions
        .iter()
        .map(|d| d.agent().map(|a| a.as_str()))
        .collect();
    assert_eq!(
        agents,
        [
            Some("a6"),
            Some("a1"),
            None,
            None,
            Some("a2"),
            Some("a1"),
            Some("a2"),
            None
        ]
    );
    let why = |i: usize| match &decisions[i].routing {
        Routing::Queued { why, next } => (why.clone(), next.clone()),
        other => panic!("{other:?}"),
    };
    // Lucía starts at 14:00.
    let (reason, next) = why(2);
    assert_eq!(reason, Unrouted::NobodySpeaks(Language::SPANISH));
    let next = next.unwrap();
    assert_eq!(
        (next.agent.as_str(), next.at),
        ("a3", at("2026-11-20T14:00:00Z"))
    );
    assert_eq!(why(3).0, Unrouted::NoChannelSkill(Channel::Instagram));
    assert_eq!(why(3).1, None);
    // Hugo, the only senior, already holds the crisis.
    assert_eq!(why(7).0, Unrouted::AllAtCapacity);
    assert_eq!(
        decisions[2].to_string(),
        "c3 queued: nobody on shift speaks Spanish; next: a3 at 2026-11-20T14:00:00Z"
    );
    match &decisions[1].routing {
        Routing::Assigned { reasons, .. } => {
            assert!(reasons.iter().any(|r| r == "knows delivery"), "{reasons:?}")
        }
        other => panic!("{other:?}"),
    }
    // At night nobody is on shift; Eric and Camille start first.
    let mut roster = desk();
    let night = route(&needs[..1], &mut roster, at("2026-11-20T23:00:00Z")).unwrap();
    match &night[0].routing {
        Routing::Queued { why, next } => {
            assert_eq!(*why, Unrouted::NobodyOnShift);
            assert_eq!(
                next.as_ref().map(|n| n.at),
                Some(at("2026-11-21T08:00:00Z"))
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        desk().with_load("zz", 1).unwrap_err().kind(),
        ErrorKind::UnknownAgent { .. }
    ));
}

fn arb_roster() -> impl Strategy<Value = Roster> {
    let agent = (
        0u32..4,
        prop::collection::vec(0usize..3, 0..3),
        prop::collection::vec(0usize..3, 0..3),
        0u32..24,
        1u32..12,
        any::<bool>(),
        0u32..3,
    );
    prop::collection::vec(agent, 1..6).prop_map(|agents| {
        let langs = [Language::FRENCH, Language::ENGLISH, Language::SPANISH];
        let skills = ["twitter", "email", "facebook"];
        let mut built = Vec::new();
        let mut shifts = Vec::new();
        for (i, (cap, ls, ss, start, hours, senior, load)) in agents.into_iter().enumerate() {
            let mut a = Agent::new(&format!("a{i}"), "Agent Smith", cap).unwrap();
            for l in ls {
                a = a.with_language(langs[l]);
            }
            for s in ss {
                a = a.with_channel(skills[s].parse().unwrap());
            }
            if senior {
                a = a.with_level(Level::Senior);
            }
            let end = (start + hours).min(24);
            shifts.push((format!("a{i}"), format!("{start:02}:00-{end:02}:00"), load));
            built.push(a);
        }
        let mut roster = Roster::new(built);
        for (id, shift, load) in shifts {
            roster = roster
                .with_shifts(&id, calendar(&shift))
                .unwrap()
                .with_load(&id, load)
                .unwrap();
        }
        roster
    })
}

fn arb_needs() -> impl Strategy<Value = Vec<Need>> {
    prop::collection::vec((0usize..4, 0usize..3, any::<bool>()), 0..12).prop_map(|needs| {
        let langs = [
            Some(Language::FRENCH),
            Some(Language::ENGLISH),
            Some(Language::SPANISH),
            None,
        ];
        let channels = [Channel::Twitter, Channel::Email, Channel::Facebook];
        needs
            .into_iter()
            .enumerate()
            .map(|(i, (l, c, esc))| {
                let mut n = Need::new(format!("c{i}").parse().unwrap(), channels[c].clone());
                if let Some(l) = langs[l] {
                    n = n.with_language(l);
                }
                if esc {
                    n = n.escalated(Escalation::Crisis);
                }
                n
            })
            .collect()
    })
}

proptest! {
    /// Never over capacity, never off shift, never in another language or
    /// without the channel's skill, seniors for escalations; and the same
    /// input gives the same assignment.
    #[test]
    fn routing_keeps_the_rules(roster in arb_roster(), needs in arb_needs(), hour in 0u32..24) {
        let now = at(&format!("2026-11-20T{hour:02}:30:00Z"));
        let before = roster.clone();
        let mut r = roster.clone();
        let decisions = route(&needs, &mut r, now).unwrap();
        let mut again = roster.clone();
        prop_assert_eq!(&route(&needs, &mut again, now).unwrap(), &decisions);
        for (need, d) in needs.iter().zip(&decisions) {
            let Some(id) = d.agent() else { continue };
            let agent = before.agent(id.as_str()).unwrap();
            prop_assert!(before.on_shift(id.as_str(), now).unwrap());
            prop_assert!(agent.works_on(&need.channel));
            if let Some(l) = need.language {
                prop_assert!(agent.speaks(l));
            }
            if need.escalation.is_some() {
                prop_assert!(agent.is_senior());
            }
        }
        for agent in before.agents() {
            prop_assert!(r.load(agent.id.as_str()) <= agent.capacity.max(before.load(agent.id.as_str())));
        }
    }
}
