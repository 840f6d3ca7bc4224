//! The desk as a service embeds it: every kind of event, at-least-once
//! delivery, outcomes per event, erasure, and stored desks that read back
//! and go on exactly as if they had never stopped.
#![cfg(all(feature = "serde", feature = "tzdb-bundled"))]

use proptest::prelude::*;
use social_crm::desk::{Desk, DeskConfig, Event, Outcome, ERASED};
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sample::{self, SampleWeek};
use social_crm::sla::{ClockStatus, Metric, Priority};
use social_crm::{
    AgentId, AudienceStats, Channel, ConversationId, ConversationStatus, Customer, Decision,
    Direction, ErrorKind, Handle, Interaction, Purpose, Resolution,
};

fn desk(week: &SampleWeek) -> Desk {
    Desk::new(DeskConfig::sample(week).unwrap(), week.directory().unwrap())
}

fn week_desk(week: &SampleWeek) -> Desk {
    let mut d = desk(week);
    let applied = d.apply_all(week.events(), week.now);
    assert_eq!(applied.counts().rejected, 0, "{:?}", applied.outcomes);
    d
}

fn id(s: &str) -> ConversationId {
    s.parse().unwrap()
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// Whether a conversation has a response clock running (not stopped, not
/// paused) at `now`: what the SLA view calls waiting.
fn response_running(d: &Desk, c: &ConversationId, now: Timestamp) -> bool {
    d.sla(c, now).unwrap().clocks.iter().any(|k| {
        matches!(k.metric, Metric::FirstResponse | Metric::NextResponse)
            && k.stopped.is_none()
            && k.status != ClockStatus::Paused
    })
}

#[test]
fn the_week_with_its_status_events_gives_a_queue_that_agrees_with_the_sla() {
    let week = sample::week();
    let d = week_desk(&week);
    let queue = d.queue(week.now).unwrap();
    let waiting: Vec<&ConversationId> = queue.iter().map(|t| &t.conversation).collect();
    assert!(!waiting.is_empty());
    for c in d.conversations() {
        let status = c.status();
        let in_queue = waiting.contains(&c.id());
        assert_eq!(
            in_queue,
            response_running(&d, c.id(), week.now),
            "{} ({status:?})",
            c.id()
        );
        if in_queue {
            assert!(!status.is_some_and(|s| s.is_resolved()), "{}", c.id());
        }
    }
    // em-001 was solved on Monday and closed on Wednesday: nobody answers it.
    assert!(!waiting.contains(&&id("em-001")));
}

#[test]
fn every_event_kind_is_applied_and_a_second_delivery_is_a_duplicate() {
    let week = sample::week();
    let mut d = week_desk(&week);
    let now = week.now;
    // At "now": the crisis monitor is filling that hour.
    let at = now;
    let c = id("tw-062");
    let lea = Handle::new(Channel::Twitter, "@lea_nouvelle").unwrap();
    let events = vec![
        Event::Interaction(Interaction::inbound(
            "x1".parse().unwrap(),
            id("tw-new"),
            lea.clone(),
            at,
            "Bonjour, ma commande n'est pas arrivée",
        )),
        Event::Interaction(Interaction::note(
            "x2".parse().unwrap(),
            c.clone(),
            Channel::Twitter,
            AgentId::new("a1").unwrap(),
            at,
            "client connu",
        )),
        Event::Assignment {
            conversation: c.clone(),
            agent: Some("a6".parse().unwrap()),
            at,
        },
        Event::Priority {
            conversation: c.clone(),
            priority: Priority::Urgent,
            at,
        },
        Event::Consent {
            handle: lea.clone(),
            purpose: Purpose::Marketing,
            decision: Decision::Refused,
            source: None,
            at,
        },
        Event::Customer {
            customer: Customer::new("c900", "Léa Nouvelle")
                .unwrap()
                .with_handle(lea.clone(), AudienceStats::default()),
            at,
        },
        Event::Handle {
            customer: "c900".parse().unwrap(),
            handle: Handle::new(Channel::Email, "lea@example.org").unwrap(),
            stats: AudienceStats::default(),
            at,
        },
        Event::Status {
            conversation: c.clone(),
            status: ConversationStatus::Solved,
            at: now,
            by: Some("a6".parse().unwrap()),
        },
        Event::Merge {
            keep: "c001".parse().unwrap(),
            absorb: "c900".parse().unwrap(),
            at: now,
        },
    ];
    let first = d.apply_all(events.clone(), now);
    assert!(
        first.outcomes.iter().all(|o| *o == Outcome::Applied),
        "{:?}",
        first.outcomes
    );
    // The newcomer became a customer, then the record that owns the handle
    // absorbed it, then that record was merged into c001.
    let Resolution::Customer(who) = d.directory().resolve(&lea) else {
        panic!()
    };
    assert_eq!(who.id.as_str(), "c001");
    assert!(who.consent.is_refused(Purpose::Marketing));
    assert_eq!(d.priority_of(&c), Priority::Urgent);
    let solved = d.conversation(&c).unwrap().events().last().unwrap().clone();
    assert_eq!(
        (solved.status, solved.by.as_ref().map(|a| a.as_str())),
        (ConversationStatus::Solved, Some("a6"))
    );
    // Solved: the agent let go of it, and it is no longer waiting.
    assert_eq!(d.holder(&c), None);
    assert!(d.queue(now).unwrap().iter().all(|t| t.conversation != c));

    let stored = serde_json::to_string(&d).unwrap();
    let again = d.apply_all(events, now);
    assert!(
        again.outcomes.iter().all(|o| *o == Outcome::Duplicate),
        "{:?}",
        again.outcomes
    );
    assert_eq!(serde_json::to_string(&d).unwrap(), stored);
}

#[test]
fn one_batch_reports_each_event_and_a_refused_one_changes_nothing() {
    let week = sample::week();
    let mut d = desk(&week);
    let events = week.events();
    let (head, tail) = events.split_at(events.len() / 2);
    d.apply_all(head.to_vec(), head.last().unwrap().at());
    let now = tail.last().unwrap().at();
    let future = Interaction::inbound(
        "f1".parse().unwrap(),
        id("tw-future"),
        Handle::new(Channel::Twitter, "@demain").unwrap(),
        now.checked_add(SignedDuration::from_mins(6)).unwrap(),
        "hello from tomorrow",
    );
    let within = Interaction::inbound(
        "f2".parse().unwrap(),
        id("tw-skew"),
        Handle::new(Channel::Twitter, "@skew").unwrap(),
        now.checked_add(SignedDuration::from_mins(4)).unwrap(),
        "a clock a little fast",
    );
    let late = match head
        .iter()
        .find(|e| matches!(e, Event::Interaction(i) if i.direction == Direction::Inbound))
    {
        Some(Event::Interaction(i)) => {
            let mut i = i.clone();
            i.id = "late-1".parse().unwrap();
            i.conversation = id("tw-late");
            i.in_reply_to = None;
            i
        }
        _ => unreachable!(),
    };
    let mut batch: Vec<Event> = Vec::new();
    batch.push(head[0].clone()); // duplicate
    batch.push(future.into());
    batch.push(Event::Status {
        conversation: id("nope"),
        status: ConversationStatus::Solved,
        at: now,
        by: None,
    });
    batch.extend(tail.iter().cloned());
    batch.push(within.into());
    batch.push(late.into());
    let monitor_before = d.monitor().clone();
    let applied = d.apply_all(batch.clone(), now);
    assert_eq!(applied.outcomes.len(), batch.len(), "one outcome per event");
    assert_eq!(applied.outcomes[0], Outcome::Duplicate);
    assert!(
        matches!(&applied.outcomes[1], Outcome::Rejected(e) if matches!(e.kind(), ErrorKind::FromTheFuture { .. }))
    );
    assert!(
        matches!(&applied.outcomes[2], Outcome::Rejected(e) if matches!(e.kind(), ErrorKind::UnknownConversation { .. }))
    );
    assert!(applied.outcomes[3..3 + tail.len()]
        .iter()
        .all(|o| matches!(o, Outcome::Applied | Outcome::Late)));
    assert_eq!(applied.outcomes[batch.len() - 2], Outcome::Applied);
    assert_eq!(applied.outcomes[batch.len() - 1], Outcome::Late);
    assert!(d.conversation(&id("tw-future")).is_none());
    assert!(
        d.conversation(&id("tw-late")).is_some(),
        "a late message is kept"
    );
    assert_ne!(d.monitor(), &monitor_before);
    let counts = applied.counts();
    assert_eq!(counts.rejected, 2);
    assert_eq!(counts.duplicate, 1);

    // A refused event leaves the whole desk as it was, monitor included.
    let stored = serde_json::to_string(&d).unwrap();
    for refused in [batch[1].clone(), batch[2].clone()] {
        let out = d.apply(refused, now);
        assert!(matches!(out.outcomes.as_slice(), [Outcome::Rejected(_)]));
        assert_eq!(serde_json::to_string(&d).unwrap(), stored);
    }
}

#[test]
fn an_erased_customer_is_gone_from_every_view_and_from_the_stored_desk() {
    let week = sample::week();
    let mut d = desk(&week);
    // The messages alone, so that the customer's conversation waits.
    d.apply_all(
        week.interactions().into_iter().cloned().map(Event::from),
        week.now,
    );
    d.refresh_profiles(week.now).unwrap();
    let queue = d.queue(week.now).unwrap();
    // A waiting customer the directory knows, with a name their replies use.
    let (conversation, customer) = queue
        .iter()
        .find_map(|t| {
            let c = d.conversation(&t.conversation)?;
            let h = c.customer_handles().first().copied()?.clone();
            match d.directory().resolve(&h) {
                Resolution::Customer(x) => Some((t.conversation.clone(), x.clone())),
                _ => None,
            }
        })
        .unwrap();
    let before = d.suggest(&conversation, week.now).unwrap();
    let first_name = customer
        .display_name
        .split_whitespace()
        .next()
        .unwrap()
        .to_owned();
    assert!(before.text.contains(&first_name));
    // Their texts (those nobody else also wrote: a copied post stays the
    // other author's).
    let (theirs, others): (Vec<&Interaction>, Vec<&Interaction>) = d
        .conversations()
        .flat_map(|c| c.interactions())
        .partition(|i| {
            i.customer_handle()
                .is_some_and(|h| customer.handles.contains(h))
        });
    let texts: Vec<String> = theirs
        .iter()
        .map(|i| i.text.clone())
        .filter(|t| t.chars().count() > 20 && !others.iter().any(|o| o.text.contains(t.as_str())))
        .collect();
    assert!(!texts.is_empty());
    let handle = customer.handles.keys().next().unwrap().clone();

    let erase = Event::Erasure {
        handle: handle.clone(),
        at: week.now,
    };
    let out = d.apply(erase.clone(), week.now);
    assert_eq!(out.outcomes, [Outcome::Applied]);
    assert_eq!(d.erasures().len(), 1);
    assert!(d.erasures()[0].record && d.erasures()[0].messages > 0);
    // Delivered again: nothing left to erase.
    assert_eq!(d.apply(erase, week.now).outcomes, [Outcome::Duplicate]);

    // Nothing of them in the stored desk...
    let stored = serde_json::to_string(&d).unwrap();
    let mut views = vec![stored];
    // ...nor in any view.
    views.push(serde_json::to_string(&d.queue(week.now).unwrap()).unwrap());
    views.push(serde_json::to_string(&d.route(week.now).unwrap()).unwrap());
    views.push(serde_json::to_string(&d.sla(&conversation, week.now).unwrap()).unwrap());
    let after = d.suggest(&conversation, week.now).unwrap();
    views.push(serde_json::to_string(&after).unwrap());
    views.push(format!(
        "{:?}",
        d.persona_map(social_crm::desk::Period::Week)
    ));
    views.push(format!("{:?}", d.monitor()));
    for view in &views {
        for h in customer.handles.keys() {
            assert!(
                !view.contains(h.value()),
                "{h} in {}",
                &view[..view.len().min(200)]
            );
        }
        assert!(!view.contains(customer.display_name.as_str()));
        assert!(!view.contains(customer.id.as_str()) || customer.id.as_str().len() < 4);
        for t in &texts {
            assert!(!view.contains(t.as_str()), "{t}");
        }
    }
    assert!(
        after.text.contains(ERASED) || !after.text.contains(&first_name),
        "{}",
        after.text
    );
    // The skeleton stays: the conversation and its messages' places.
    assert!(!d
        .conversation(&conversation)
        .unwrap()
        .interactions()
        .is_empty());
    assert_eq!(d.directory().resolve(&handle), Resolution::Unknown);
}

#[test]
fn replies_are_in_the_customers_language_due_in_words_and_signed_by_an_agent_of_the_channel() {
    let week = sample::week();
    let mut d = week_desk(&week);
    d.refresh_profiles(week.now).unwrap();
    for t in d.queue(week.now).unwrap() {
        let s = d.suggest(&t.conversation, week.now).unwrap();
        let c = d.conversation(&t.conversation).unwrap();
        let channel = &c.first().unwrap().channel;
        let agent = d.config().roster.agent(s.agent.as_str()).unwrap();
        assert!(
            agent.works_on(channel),
            "{} signs {} on {channel}",
            agent.name,
            t.conversation
        );
        assert!(s.text.ends_with(agent.name.as_str()));
        let detected = social_crm::sentiment::detect_language(&s.text).unwrap();
        assert_eq!(detected.language, s.advice.language, "{}", s.text);
    }
    // A promise for another day names it: at 23:30 on Sunday in Paris, an
    // hour's promise falls after midnight.
    let late_night = ts("2026-11-22T22:30:00Z");
    let lea = Handle::new(Channel::Twitter, "@nuit_blanche").unwrap();
    let msg = Interaction::inbound(
        "n1".parse().unwrap(),
        id("tw-night"),
        lea,
        late_night,
        "Toujours pas de remboursement, je suis furieuse",
    )
    .with_language(social_crm::Language::FRENCH);
    d.apply(msg.into(), late_night);
    let s = d.suggest(&id("tw-night"), late_night).unwrap();
    assert!(s.text.contains("avant demain 00:30"), "{}", s.text);
    assert!(s.text.starts_with("Bonjour @nuit_blanche,"), "{}", s.text);
}

#[test]
fn a_priority_change_moves_the_sla_targets() {
    let week = sample::week();
    let mut d = week_desk(&week);
    let c = d.queue(week.now).unwrap()[0].conversation.clone();
    let normal = d.sla(&c, week.now).unwrap();
    d.apply(
        Event::Priority {
            conversation: c.clone(),
            priority: Priority::Urgent,
            at: week.now,
        },
        week.now,
    );
    let urgent = d.sla(&c, week.now).unwrap();
    assert_eq!(urgent.context.priority, Priority::Urgent);
    let target = |s: &social_crm::sla::ConversationSla| s.clocks[0].target.within();
    assert!(target(&urgent) < target(&normal));
}

/// The events of a few conversations of the week, in an order that keeps
/// each conversation's own order, chosen by `seed`.
fn interleaved(week: &SampleWeek, seed: &[u8]) -> Vec<Event> {
    let events = week.events();
    let mut by_conversation: std::collections::BTreeMap<String, std::collections::VecDeque<Event>> =
        Default::default();
    for e in events {
        let key = match &e {
            Event::Interaction(i) => i.conversation.to_string(),
            Event::Status { conversation, .. } => conversation.to_string(),
            _ => continue,
        };
        by_conversation.entry(key).or_default().push_back(e);
    }
    let mut queues: Vec<_> = by_conversation.into_values().take(25).collect();
    let mut out = Vec::new();
    let mut k = 0usize;
    while queues.iter().any(|q| !q.is_empty()) {
        let pick = usize::from(seed[k % seed.len()]) % queues.len();
        k += 1;
        let q = (0..queues.len())
            .map(|j| (pick + j) % queues.len())
            .find(|&j| !queues[j].is_empty())
            .unwrap();
        out.push(queues[q].pop_front().unwrap());
    }
    out
}

/// What a service would show after each batch.
fn views(d: &Desk, now: Timestamp) -> String {
    let queue: Vec<String> = d
        .queue(now)
        .unwrap()
        .iter()
        .map(|t| format!("{} {:.9}", t.conversation, t.score))
        .collect();
    let sla: Vec<String> = d
        .conversations()
        .map(|c| {
            format!(
                "{:?}",
                d.sla(c.id(), now)
                    .unwrap()
                    .clocks
                    .iter()
                    .map(|k| k.status)
                    .collect::<Vec<_>>()
            )
        })
        .collect();
    format!("{queue:?} {sla:?}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Stored and restored at any point of any order of delivery, the desk
    /// gives exactly what it would have given without stopping.
    #[test]
    fn snapshot_and_restore_mid_stream_change_nothing(
        seed in proptest::collection::vec(any::<u8>(), 1..40),
        cut in 0.0f64..1.0,
        batch in 1usize..40,
    ) {
        let week = sample::week();
        let events = interleaved(&week, &seed);
        let split = ((events.len() as f64) * cut) as usize;
        let mut plain = desk(&week);
        let mut stopped = desk(&week);
        let mut outputs = (Vec::new(), Vec::new());
        for (n, chunk) in events.chunks(batch).enumerate() {
            let now = chunk.iter().map(Event::at).max().unwrap();
            if n * batch >= split && n * batch < split + batch {
                let stored = serde_json::to_string(&stopped).unwrap();
                stopped = serde_json::from_str(&stored).unwrap();
            }
            let a = plain.apply_all(chunk.to_vec(), now);
            let b = stopped.apply_all(chunk.to_vec(), now);
            outputs.0.push((format!("{:?}", a.outcomes), a.alerts.len(), views(&plain, now)));
            outputs.1.push((format!("{:?}", b.outcomes), b.alerts.len(), views(&stopped, now)));
        }
        prop_assert_eq!(outputs.0, outputs.1);
    }
}

#[test]
fn restored_desks_are_checked() {
    let week = sample::week();
    let mut d = week_desk(&week);
    d.refresh_profiles(week.now).unwrap();
    let good: serde_json::Value = serde_json::to_value(&d).unwrap();
    let read = |v: &serde_json::Value| serde_json::from_value::<Desk>(v.clone());

    // Agents in any order are put back in order.
    let mut shuffled = good.clone();
    shuffled["config"]["roster"]["agents"]
        .as_array_mut()
        .unwrap()
        .reverse();
    let restored = read(&shuffled).unwrap();
    assert_eq!(
        restored.config().roster.agent("a3").unwrap().id.as_str(),
        "a3"
    );
    assert_eq!(serde_json::to_value(&restored).unwrap(), good);

    // A conversation stored twice is refused, not overwritten.
    let (id, first) = good["conversations"]
        .as_object()
        .unwrap()
        .iter()
        .next()
        .unwrap();
    let text = serde_json::to_string(&good).unwrap();
    let again = format!(
        "\"conversations\":{{{}:{first},",
        serde_json::to_string(id).unwrap()
    );
    let twice = text.replacen("\"conversations\":{", &again, 1);
    assert_ne!(twice, text);
    let err = serde_json::from_str::<Desk>(&twice)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("conversation `{id}` is stored twice")),
        "{err}"
    );

    // Conversations stored in any order read back as the desk.
    let stored = serde_json::to_string(&good["conversations"]).unwrap();
    let reversed: Vec<String> = good["conversations"]
        .as_object()
        .unwrap()
        .iter()
        .rev()
        .map(|(id, c)| format!("{}:{c}", serde_json::to_string(id).unwrap()))
        .collect();
    let shuffled = text.replacen(&stored, &format!("{{{}}}", reversed.join(",")), 1);
    assert_ne!(shuffled, text);
    let restored: Desk = serde_json::from_str(&shuffled).unwrap();
    assert_eq!(serde_json::to_value(&restored).unwrap(), good);
    // And one stored twice, apart, is refused all the same.
    let apart = format!("{{{},{}}}", reversed.last().unwrap(), reversed.join(","));
    let err = serde_json::from_str::<Desk>(&text.replacen(&stored, &apart, 1))
        .unwrap_err()
        .to_string();
    assert!(err.contains("is stored twice"), "{err}");

    // A monitor listing a stream kind twice is refused.
    let mut twice = good.clone();
    let kinds = twice["monitor"]["kinds"].as_array_mut().unwrap();
    let first = kinds[0].clone();
    kinds.push(first);
    let err = read(&twice).unwrap_err().to_string();
    assert!(err.contains("stream kind"), "{err}");

    // A profile out of range is refused.
    let mut profile = good.clone();
    let profiles = profile["profiles"].as_object_mut().unwrap();
    let key = profiles
        .iter()
        .find(|(_, v)| v.get("Scored").is_some())
        .map(|(k, _)| k.clone())
        .unwrap();
    profiles[&key]["Scored"]["influence"] = serde_json::json!(250.0);
    assert!(read(&profile)
        .unwrap_err()
        .to_string()
        .contains("influence"));

    // So are a profile's messages with a mood out of range or out of time
    // order, and a negative reach.
    let scored = &good["profiles"][&key]["Scored"];
    let posts = scored["posts"].as_array().unwrap();
    assert!(!posts.is_empty(), "a refreshed profile keeps its messages");
    for (path, value, says) in [
        ("mood", serde_json::json!(1.5), "mood outside -1 to 1"),
        (
            "at",
            serde_json::json!("2000-01-01T00:00:00Z"),
            "time order",
        ),
        ("reach", serde_json::json!(-1.0), "reach of `-1`"),
    ] {
        let mut bad = good.clone();
        let scored = &mut bad["profiles"][&key]["Scored"];
        match path {
            "reach" => scored["reach"] = value,
            field => {
                let posts = scored["posts"].as_array_mut().unwrap();
                let last = posts.len() - 1;
                posts[last][field] = value;
            }
        }
        let error = read(&bad).unwrap_err().to_string();
        assert!(error.contains(says), "{path}: {error}");
    }

    // A holder who is not on the roster is refused.
    let mut holder = good.clone();
    holder["holders"] = serde_json::json!({ "tw-062": "ghost" });
    assert!(read(&holder).unwrap_err().to_string().contains("ghost"));

    // A blank customer name cannot be stored, so it cannot fail to load.
    assert!(Customer::new("c1", " ").is_err());
    let mut blank = good;
    blank["directory"]["customers"][0]["display_name"] = serde_json::json!("  ");
    assert!(read(&blank).is_err());
}

#[test]
fn every_answer_a_service_returns_serializes() {
    use social_crm::influence::{rank_customers, RankOptions};
    use social_crm::sentiment::Analyzer;
    use social_crm::sla::SlaReport;

    let week = sample::week();
    let mut d = desk(&week);
    let applied = d.apply_all(week.events(), week.now);
    d.refresh_profiles(week.now).unwrap();
    let queue = d.queue(week.now).unwrap();
    let decisions = d.route(week.now).unwrap();
    let suggestion = d.suggest(&queue[0].conversation, week.now).unwrap();
    let clocks: Vec<_> = d
        .conversations()
        .map(|c| d.sla(c.id(), week.now).unwrap())
        .collect();
    let report = SlaReport::new(&clocks);
    let (sentiment, explanation) = Analyzer::default().explain("Merci de me rembourser 😡", None);
    let interactions = week.interactions();
    let influence = rank_customers(
        d.directory(),
        &interactions,
        &week.brand_handles,
        week.start,
        week.now,
        &Analyzer::default(),
        &RankOptions::default(),
    )
    .unwrap();
    let mut directory = week.directory().unwrap();
    let shared = directory.shared_handles();
    let merge = directory
        .merge(shared[0].owners[0].as_str(), shared[0].owners[1].as_str())
        .unwrap();
    let gaps = d.config().gaps();
    let views = [
        serde_json::to_value(&queue).unwrap(),
        serde_json::to_value(&decisions).unwrap(),
        serde_json::to_value(&suggestion).unwrap(),
        serde_json::to_value(&clocks).unwrap(),
        serde_json::to_value(&report).unwrap(),
        serde_json::to_value(sentiment).unwrap(),
        serde_json::to_value(&explanation).unwrap(),
        serde_json::to_value(&influence).unwrap(),
        serde_json::to_value(&merge).unwrap(),
        serde_json::to_value(&applied).unwrap(),
        serde_json::to_value(&gaps).unwrap(),
    ];
    for view in &views {
        assert!(!view.is_null());
    }
    assert_eq!(views[2]["conversation"], queue[0].conversation.as_str());
    assert_eq!(views[9]["outcomes"][0], "applied");
    let rejected = serde_json::to_value(Outcome::Rejected(
        ErrorKind::UnknownConversation { id: "x".into() }.into(),
    ))
    .unwrap();
    assert_eq!(
        rejected,
        serde_json::json!({ "rejected": "no conversation `x` at the desk" })
    );
}

/// Found by the `desk` fuzz target: a handle or a consent decision
/// delivered again after a customer record replaced the one it was applied
/// to came back as new (the handle re-added, the refusal taken away by the
/// record and then recorded again).
#[test]
fn a_second_delivery_after_a_record_update_is_still_a_duplicate() {
    let week = sample::week();
    let mut d = week_desk(&week);
    let now = week.now;
    let record = week.customer("c001").unwrap().clone();
    let extra = Handle::new(Channel::Twitter, "@c001_alt").unwrap();
    let handle = Event::Handle {
        customer: record.id.clone(),
        handle: extra.clone(),
        stats: AudienceStats::default(),
        at: now,
    };
    let refusal = Event::Consent {
        handle: record.handles.keys().next().unwrap().clone(),
        purpose: Purpose::Marketing,
        decision: Decision::Refused,
        source: None,
        at: now,
    };
    let update = Event::Customer {
        customer: record.clone(),
        at: now,
    };
    let batch = vec![handle, refusal, update];
    let first = d.apply_all(batch.clone(), now);
    assert_eq!(
        first.outcomes,
        [Outcome::Applied, Outcome::Applied, Outcome::Applied]
    );
    // The record from the CRM does not know the refusal: it is kept.
    assert!(d
        .directory()
        .get("c001")
        .unwrap()
        .consent
        .is_refused(Purpose::Marketing));
    // It does not have the new handle: the record is the CRM's.
    assert_eq!(d.directory().resolve(&extra), Resolution::Unknown);
    let again = d.apply_all(batch, now);
    assert_eq!(
        again.outcomes,
        [Outcome::Duplicate, Outcome::Duplicate, Outcome::Duplicate]
    );
    assert_eq!(d.directory().resolve(&extra), Resolution::Unknown);
}

/// Found by the `desk` fuzz target: a consent decision for a handle nobody
/// knew made a newcomer, a customer record claimed the handle (the
/// newcomer and its decision merged in), a later record no longer listed
/// it; delivered again, the decision made a second newcomer. The customer
/// the record took the handle from still has the decision: it is a
/// duplicate.
#[test]
fn a_consent_delivered_again_after_a_record_took_its_handle_is_a_duplicate() {
    let week = sample::week();
    let mut d = week_desk(&week);
    let now = week.now;
    let at = |m: i64| now.checked_add(SignedDuration::from_mins(m)).unwrap();
    let stray = Handle::new(Channel::Twitter, "@stray_handle").unwrap();
    let record = week.customer("c001").unwrap().clone();
    let refusal = Event::Consent {
        handle: stray.clone(),
        purpose: Purpose::Contact,
        decision: Decision::Refused,
        source: None,
        at: at(-20),
    };
    let claimed = Event::Customer {
        customer: record
            .clone()
            .with_handle(stray.clone(), AudienceStats::default()),
        at: at(-30),
    };
    let released = Event::Customer {
        customer: record,
        at: at(-10),
    };
    let batch = vec![refusal, claimed, released];
    let first = d.apply_all(batch.clone(), now);
    assert_eq!(
        first.outcomes,
        [Outcome::Applied, Outcome::Applied, Outcome::Applied]
    );
    assert_eq!(d.directory().resolve(&stray), Resolution::Unknown);
    assert!(d
        .directory()
        .get("c001")
        .unwrap()
        .consent
        .is_refused(Purpose::Contact));
    let customers = d.directory().len();
    let again = d.apply_all(batch, now);
    assert_eq!(
        again.outcomes,
        [Outcome::Duplicate, Outcome::Duplicate, Outcome::Duplicate]
    );
    assert_eq!(d.directory().resolve(&stray), Resolution::Unknown);
    assert_eq!(d.directory().len(), customers);
    // Erased, the handle is forgotten where the record took it too.
    let erased = d.apply_all(
        vec![Event::Erasure {
            handle: stray.clone(),
            at: now,
        }],
        now,
    );
    assert_eq!(erased.outcomes, [Outcome::Applied]);
    #[cfg(feature = "serde")]
    assert!(!serde_json::to_string(&d).unwrap().contains("@stray_handle"));
}

#[test]
fn a_customer_who_answers_a_pending_conversation_puts_it_back_in_the_queue() {
    let week = sample::week();
    let mut d = desk(&week);
    let jean = Handle::new(Channel::Twitter, "@jean_dm").unwrap();
    let c = id("tw-pending");
    let at = |m: i64| week.now.checked_add(SignedDuration::from_mins(m)).unwrap();
    let ask = Interaction::inbound(
        "p1".parse().unwrap(),
        c.clone(),
        jean.clone(),
        at(0),
        "Où est mon colis ?",
    );
    let reply = Interaction::outbound(
        "p2".parse().unwrap(),
        c.clone(),
        Channel::Twitter,
        AgentId::new("a1").unwrap(),
        at(5),
        "Bonjour, votre numéro de commande ? Eric",
    )
    .in_reply_to("p1".parse().unwrap());
    let events = vec![
        Event::Interaction(ask),
        Event::Interaction(reply),
        Event::Status {
            conversation: c.clone(),
            status: ConversationStatus::Pending,
            at: at(5),
            by: Some("a1".parse().unwrap()),
        },
    ];
    d.apply_all(events, at(6));
    assert!(
        d.queue(at(6)).unwrap().iter().all(|t| t.conversation != c),
        "pending: not waiting"
    );
    let resolution = |d: &Desk, t| {
        d.sla(&c, t)
            .unwrap()
            .clocks
            .iter()
            .find(|k| k.metric == Metric::Resolution)
            .unwrap()
            .status
    };
    assert_eq!(resolution(&d, at(30)), ClockStatus::Paused);
    let answer = Interaction::inbound(
        "p3".parse().unwrap(),
        c.clone(),
        jean,
        at(40),
        "C'est la 4521",
    );
    assert_eq!(d.apply(answer.into(), at(40)).outcomes, [Outcome::Applied]);
    assert_eq!(
        d.conversation(&c).unwrap().status(),
        Some(ConversationStatus::Open)
    );
    assert!(d.queue(at(41)).unwrap().iter().any(|t| t.conversation == c));
    assert_ne!(resolution(&d, at(41)), ClockStatus::Paused);
}
