//! The desk as one value: replaying the same interactions in any batch
//! sizes gives the same desk, a stored desk goes on as if it never stopped,
//! consent is honoured end to end, and bad input is a typed error.
#![cfg(feature = "tzdb-bundled")]

use social_crm::desk::{Applied, Desk, DeskConfig, Event, Outcome, Period};
use social_crm::sample::{self, SampleWeek};
use social_crm::triage::Triaged;
use social_crm::{ErrorKind, Interaction};

fn desk(week: &SampleWeek) -> Desk {
    Desk::new(DeskConfig::sample(week).unwrap(), week.directory().unwrap())
}

fn all(week: &SampleWeek) -> Vec<Interaction> {
    week.interactions().into_iter().cloned().collect()
}

/// Applies interactions, all of which the desk must take.
fn ingest(
    d: &mut Desk,
    interactions: impl IntoIterator<Item = Interaction>,
    now: social_crm::jiff::Timestamp,
) -> Applied {
    let applied = d.apply_all(interactions.into_iter().map(Event::from), now);
    assert_eq!(applied.rejected().count(), 0, "{:?}", applied.outcomes);
    applied
}

/// Applies the week's events in batches of `size`, "now" moving with each
/// batch.
fn replay(week: &SampleWeek, size: usize) -> (Desk, usize) {
    let mut d = desk(week);
    let mut alerts = 0;
    for batch in week.events().chunks(size) {
        let now = batch.last().unwrap().at();
        let applied = d.apply_all(batch.iter().cloned(), now);
        assert_eq!(applied.rejected().count(), 0, "{:?}", applied.outcomes);
        alerts += applied.alerts.len();
    }
    alerts += d.apply_all(Vec::new(), week.now).alerts.len();
    (d, alerts)
}

fn order(queue: &[Triaged]) -> Vec<(String, String)> {
    queue
        .iter()
        .map(|t| (t.conversation.to_string(), format!("{:.9}", t.score)))
        .collect()
}

#[test]
fn batch_sizes_do_not_change_the_desk() {
    let week = sample::week();
    let (mut one, alerts_one) = replay(&week, 1);
    one.refresh_profiles(week.now).unwrap();
    for size in [7, 50, 1000] {
        let (mut other, alerts) = replay(&week, size);
        other.refresh_profiles(week.now).unwrap();
        assert_eq!(alerts, alerts_one, "batches of {size}");
        assert_eq!(
            order(&other.queue(week.now).unwrap()),
            order(&one.queue(week.now).unwrap()),
            "batches of {size}"
        );
        // The same desk, but for its revision, which counts the calls.
        #[cfg(feature = "serde")]
        {
            let stored = |d: &Desk| {
                let mut value = serde_json::to_value(d).unwrap();
                value.as_object_mut().unwrap().remove("revision");
                value
            };
            assert_eq!(stored(&other), stored(&one), "batches of {size}");
        }
    }
    let routed = one.route(week.now).unwrap();
    assert!(routed.iter().filter(|d| d.agent().is_some()).count() > 5);
    // Routing twice keeps the holders: the same agents, nobody twice.
    let again = one.route(week.now).unwrap();
    let agents = |ds: &[social_crm::routing::Decision]| {
        ds.iter()
            .map(|d| d.agent().map(|a| a.to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(agents(&again), agents(&routed));
}

#[cfg(feature = "serde")]
#[test]
fn a_stored_desk_goes_on_as_if_it_never_stopped() {
    let week = sample::week();
    let interactions = all(&week);
    let half = interactions.len() / 2;
    let mut d = desk(&week);
    ingest(
        &mut d,
        interactions[..half].iter().cloned(),
        interactions[half - 1].at,
    );
    let stored = serde_json::to_string(&d).unwrap();
    let mut restored: Desk = serde_json::from_str(&stored).unwrap();
    let rest = interactions[half..].iter().cloned();
    let a = ingest(&mut restored, rest.clone(), week.now);
    let b = ingest(&mut d, rest, week.now);
    assert_eq!(a, b);
    assert_eq!(
        serde_json::to_value(&restored).unwrap(),
        serde_json::to_value(&d).unwrap()
    );
}

#[test]
fn refusals_are_honoured_everywhere() {
    let week = sample::week();
    // The messages alone: the refusing customer's conversation is solved
    // by the week's status changes, and must be in the queue here.
    let mut d = desk(&week);
    ingest(&mut d, all(&week), week.now);
    d.refresh_profiles(week.now).unwrap();
    let refused: Vec<&social_crm::Customer> = week
        .customers
        .iter()
        .filter(|c| c.refused_profiling())
        .collect();
    assert!(!refused.is_empty());
    let queue = d.queue(week.now).unwrap();
    let mut seen = 0;
    for t in &queue {
        let conversation = d.conversation(&t.conversation).unwrap();
        let by_refused = conversation
            .customer_handles()
            .iter()
            .any(|h| refused.iter().any(|c| c.handles.contains(h)));
        if by_refused {
            seen += 1;
            assert!(t
                .explanation
                .notes
                .iter()
                .any(|n| n.contains("profiling refused")));
            assert!(!t
                .reasons(9)
                .iter()
                .any(|r| r.starts_with("influence") || r.starts_with("audience")));
        }
    }
    assert!(seen > 0, "a refusing customer waits in the sample");
    let map = d.persona_map(Period::Week);
    assert!(map.left_out().refused > 0);
    for persona in map.personas() {
        let cell = map.total(persona, None);
        for id in &cell.interactions {
            let i = week
                .interactions()
                .into_iter()
                .find(|i| &i.id == id)
                .unwrap();
            let h = i.customer_handle().unwrap();
            assert!(!refused.iter().any(|c| c.handles.contains(h)), "{id}");
        }
    }
}

#[test]
fn a_late_message_is_kept_and_reported() {
    let week = sample::week();
    let interactions = all(&week);
    // An early customer message arrives at the very end.
    let late = interactions
        .iter()
        .position(|i| i.direction == social_crm::Direction::Inbound && i.at > interactions[0].at)
        .unwrap();
    let late_one = interactions[late].clone();
    let conversation = late_one.conversation.clone();
    let mut d = desk(&week);
    let rest: Vec<Interaction> = interactions
        .iter()
        .filter(|i| i.conversation != conversation)
        .cloned()
        .collect();
    ingest(&mut d, rest, week.now);
    let mine: Vec<Interaction> = interactions
        .iter()
        .filter(|i| i.conversation == conversation)
        .cloned()
        .collect();
    let out = ingest(&mut d, mine.clone(), week.now);
    let position = mine.iter().position(|i| i.id == late_one.id).unwrap();
    assert_eq!(out.outcomes[position], Outcome::Late, "{:?}", out.outcomes);
    assert_eq!(
        d.conversation(&conversation).unwrap().interactions().len(),
        mine.len()
    );
}

#[test]
fn bad_input_is_a_typed_error() {
    let week = sample::week();
    let mut d = desk(&week);
    let interactions = all(&week);
    ingest(&mut d, interactions.iter().cloned(), week.now);
    // The same message again, in its conversation, is a duplicate.
    let again = d.apply(interactions[3].clone().into(), week.now);
    assert_eq!(again.outcomes, [Outcome::Duplicate]);
    // A refused message does not leave an empty conversation behind.
    let mut odd = interactions[0].clone();
    odd.conversation = "new-conv".parse().unwrap();
    odd.id = "i-odd".parse().unwrap();
    odd.direction = social_crm::Direction::Outbound;
    let refused = d.apply(odd.into(), week.now);
    assert!(matches!(
        refused.outcomes.as_slice(),
        [Outcome::Rejected(e)] if matches!(e.kind(), ErrorKind::AuthorMismatch { .. })
    ));
    assert!(d.conversation(&"new-conv".parse().unwrap()).is_none());
    let err = d.suggest(&"nope".parse().unwrap(), week.now).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::UnknownConversation { .. }));
}

#[test]
fn suggestions_are_signed_and_in_the_customers_language() {
    let week = sample::week();
    let (mut d, _) = replay(&week, 1000);
    d.refresh_profiles(week.now).unwrap();
    for t in d.queue(week.now).unwrap().iter().take(10) {
        let s = d.suggest(&t.conversation, week.now).unwrap();
        let agent = d.config().roster.agent(s.agent.as_str()).unwrap();
        assert!(s.text.ends_with(agent.name.as_str()), "{}", s.text);
        assert!(
            agent.speaks(s.advice.language),
            "{} {}",
            agent.name,
            s.advice.language
        );
        let detected = social_crm::sentiment::detect_language(&s.text).unwrap();
        assert_eq!(detected.language, s.advice.language, "{}", s.text);
    }
}

/// A message like `like`, from the same customer, opening the conversation
/// `conversation` at `at` with `text`, its language left to the desk.
fn opened_by(
    like: &Interaction,
    conversation: &str,
    text: &str,
    at: social_crm::jiff::Timestamp,
) -> Interaction {
    let mut message = like.clone();
    message.id = format!("i-{conversation}").parse().unwrap();
    message.conversation = conversation.parse().unwrap();
    message.in_reply_to = None;
    message.at = at;
    message.text = text.to_owned();
    message.language = None;
    message
}

#[test]
fn a_refund_request_worded_as_thanks_is_not_answered_with_thanks() {
    // The case of issue #21: a polite request for money back drew the
    // "happy" template.
    let week = sample::week();
    let (mut d, _) = replay(&week, 1000);
    let customer = week.interactions()[0].clone();
    for (k, text) in [
        "J'ai été débitée deux fois… merci de me rembourser",
        "Thanks in advance for refunding me, I was charged twice",
        "Por favor devuélvanme el dinero, gracias de antemano",
    ]
    .into_iter()
    .enumerate()
    {
        let message = opened_by(&customer, &format!("refund-{k}"), text, week.now);
        ingest(&mut d, [message.clone()], week.now);
        let s = d.suggest(&message.conversation, week.now).unwrap();
        assert_eq!(
            s.advice.situation,
            social_crm::reply::Situation::Disappointed,
            "{text}: {}",
            s.advice.reason
        );
    }
}

/// What the desk suggests for a new conversation opened by `text`, from
/// one of the sample week's customers whose recorded language is set to
/// `recorded`; the message carries no language of its own.
fn suggestion_for_a_new_message(
    recorded: Option<social_crm::Language>,
    text: &str,
) -> social_crm::desk::Suggestion {
    let week = sample::week();
    let (mut d, _) = replay(&week, 1000);
    let first = week.interactions()[0].clone();
    let handle = first.customer_handle().unwrap().clone();
    let mut customer = match d.directory().resolve(&handle) {
        social_crm::Resolution::Customer(c) => c.clone(),
        _ => panic!("the sample's authors are known"),
    };
    customer.language = recorded;
    let record = Event::Customer {
        customer,
        at: week.now,
    };
    assert!(matches!(
        d.apply(record, week.now).outcomes[..],
        [Outcome::Applied]
    ));
    let mut message = first;
    message.id = "i-new-1".parse().unwrap();
    message.conversation = "new-1".parse().unwrap();
    message.in_reply_to = None;
    message.at = week.now;
    message.text = text.to_owned();
    message.language = None;
    ingest(&mut d, [message.clone()], week.now);
    d.suggest(&message.conversation, week.now).unwrap()
}

#[test]
fn a_short_message_is_read_in_its_writers_recorded_language() {
    // "Terrible" is a word of all three languages, and a trigram detector
    // reads it as French; its writer is on record as Spanish-speaking.
    let s = suggestion_for_a_new_message(Some(social_crm::Language::SPANISH), "Terrible");
    assert_eq!(
        s.advice.situation,
        social_crm::reply::Situation::Disappointed
    );
    assert_eq!(s.advice.language, social_crm::Language::SPANISH);
}

#[test]
fn a_short_message_is_answered_in_the_language_it_is_written_in() {
    // No recorded language: four words must say Spanish on their own (they
    // read as French before the function words knew "quiero"), and the
    // answer is neither in the desk's default language nor a thank-you.
    let default = DeskConfig::sample(&sample::week())
        .unwrap()
        .default_language;
    assert_ne!(default, social_crm::Language::SPANISH);
    for text in ["Quiero darme de baja", "Me cobraron dos veces"] {
        let s = suggestion_for_a_new_message(None, text);
        assert_eq!(s.advice.language, social_crm::Language::SPANISH, "{text}");
        assert_eq!(
            s.advice.situation,
            social_crm::reply::Situation::Disappointed,
            "{text}"
        );
    }
}

/// A customer who asks for a manager, or threatens to leave or to go to
/// law, is answered by a senior agent: routing asks for one, and the
/// suggested reply says so.
#[test]
fn a_manager_asked_for_goes_to_a_senior_agent() {
    let week = sample::week();
    let customer = week.interactions()[0].clone();
    for (k, text) in [
        "Troisième message sans réponse : je veux parler à un responsable",
        "If this isn't fixed today I'm taking my business elsewhere",
        "Esto lo va a ver mi abogado",
    ]
    .into_iter()
    .enumerate()
    {
        // A desk of its own for each: one senior taken by the first would
        // leave the next queued.
        let (mut d, _) = replay(&week, 1000);
        let message = opened_by(&customer, &format!("senior-{k}"), text, week.now);
        ingest(&mut d, [message.clone()], week.now);
        let suggestion = d.suggest(&message.conversation, week.now).unwrap();
        assert!(
            suggestion
                .advice
                .guidance
                .contains(&social_crm::reply::Guidance::EscalateToSenior),
            "{text}: {:?}",
            suggestion.advice.guidance
        );
        // Signed, before routing, by the senior routing will choose.
        let signer = d.config().roster.agent(suggestion.agent.as_str());
        assert!(signer.is_some_and(|a| a.is_senior()), "{text}: {signer:?}");
        let decisions = d.route(week.now).unwrap();
        let decision = decisions
            .iter()
            .find(|c| c.conversation == message.conversation)
            .expect("the new conversation is routed");
        let agent = decision.agent().unwrap_or_else(|| panic!("{decision:?}"));
        let senior = d
            .config()
            .roster
            .agent(agent.as_str())
            .is_some_and(|a| a.is_senior());
        assert!(senior, "{text}: {decision:?}");
    }
}
