//! What each fuzz target checks, as plain functions of the fuzzer's bytes.
//!
//! Each function is the whole body of one target in `fuzz_targets/`, and the
//! crate's stable test `tests/fuzz_regressions.rs` includes this file and
//! replays every input kept under `fuzz/regressions/<target>/` through the
//! same function, so CI guards the crashes found without nightly.
//!
//! A check panics when a law is broken: a parse that does not read back what
//! was shown, a stored state that does not read back, an explanation that
//! does not add up, a redaction that leaks, a calendar that breaks its laws,
//! a refused operation that changed something. Errors the API returns are
//! fine: untrusted input may be refused, never panic or be misread.

use std::fmt::{Debug, Display};
use std::str::FromStr;
use std::sync::LazyLock;

use arbitrary::{Result as ArbResult, Unstructured};
use serde_json::Value;
use social_crm::crisis::{
    Bucket, Detector, Monitor, Settings, StreamKey, StreamKind, StreamWatcher,
};
use social_crm::desk::{Desk, DeskChanges, DeskConfig, Event, Outcome, Period};
use social_crm::influence::{pagerank, score, Graph, PageRankConfig, Signals, Weights};
use social_crm::jiff::civil::Date;
use social_crm::jiff::tz::{Offset, TimeZone};
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::privacy::{redact, PiiKind};
use social_crm::reply::{
    advise, check_reply, DraftContext, Guidance, ReplyContext, ReplyRule, Situation, Template, Vars,
};
use social_crm::routing::{route, Need, Roster};
use social_crm::sample::{self, SampleWeek};
use social_crm::sentiment::{Analyzer, Label};
use social_crm::sla::{
    BusinessCalendar, ClockStatus, HolidayMode, Hours, Metric, Priority, Shift, WallTime,
    WeeklySchedule,
};
use social_crm::{
    AgentId, AudienceStats, Channel, Conversation, ConversationId, ConversationStatus, Country,
    Customer, CustomerId, Decision, Decision as ConsentDecision, Direction, Directory, Engagement,
    Handle, Interaction, InteractionId, Language, PersonaId, Purpose, Role, Tag, Visibility,
};

static WEEK: LazyLock<SampleWeek> = LazyLock::new(sample::week);
static ANALYZER: LazyLock<Analyzer> = LazyLock::new(Analyzer::default);

// ---------------------------------------------------------------------------
// Text forms

/// `parse(display(x)) == x` for every type with a text form, on any text.
pub fn text_forms(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    round_trip::<Channel>(text);
    round_trip::<Handle>(text);
    round_trip::<Language>(text);
    round_trip::<Country>(text);
    round_trip::<Tag>(text);
    round_trip::<CustomerId>(text);
    round_trip::<AgentId>(text);
    round_trip::<ConversationId>(text);
    round_trip::<InteractionId>(text);
    round_trip::<PersonaId>(text);
    round_trip::<StreamKey>(text);
    round_trip::<StreamKind>(text);
    round_trip::<PiiKind>(text);
    round_trip::<ConversationStatus>(text);
    round_trip::<Role>(text);
    round_trip::<Purpose>(text);
    round_trip::<Decision>(text);
    round_trip::<Direction>(text);
    round_trip::<Visibility>(text);
    round_trip::<Period>(text);
    round_trip::<Label>(text);
    round_trip::<Situation>(text);
    round_trip::<Guidance>(text);
    round_trip::<ReplyRule>(text);
    round_trip::<Metric>(text);
    round_trip::<Priority>(text);
    round_trip::<Hours>(text);
    round_trip::<ClockStatus>(text);
    round_trip::<WallTime>(text);
    round_trip::<Shift>(text);
    // Every channel's normal form is a fixed point, and shows and reads
    // back as the same handle.
    for channel in channels() {
        if let Ok(handle) = Handle::new(channel.clone(), text) {
            let again = Handle::new(channel, handle.value())
                .unwrap_or_else(|e| panic!("normal form {handle:?} refused: {e}"));
            assert_eq!(again, handle, "normalising {text:?} twice");
            assert_eq!(again.value(), handle.value());
            check_text_form(&handle);
        }
    }
}

fn channels() -> Vec<Channel> {
    let mut all: Vec<Channel> = [
        "twitter",
        "facebook",
        "instagram",
        "tiktok",
        "youtube",
        "linkedin",
        "email",
        "phone",
        "sms",
        "whatsapp",
        "forum",
        "community",
        "review-site",
        "blog",
        "live-chat",
        "web-form",
        "store",
    ]
    .iter()
    .filter_map(|c| c.parse().ok())
    .collect();
    all.extend("mastodon".parse::<Channel>().ok());
    all
}

fn round_trip<T>(text: &str)
where
    T: FromStr + Display + Debug + PartialEq,
    T::Err: Display,
{
    if let Ok(value) = text.parse::<T>() {
        check_text_form(&value);
    }
}

fn check_text_form<T>(value: &T)
where
    T: FromStr + Display + Debug + PartialEq,
    T::Err: Display,
{
    let shown = value.to_string();
    let back: T = shown
        .parse()
        .unwrap_or_else(|e| panic!("{value:?} shows as {shown:?}, which is refused: {e}"));
    assert_eq!(&back, value, "{shown:?} reads back as another value");
    assert_eq!(back.to_string(), shown);
}

// ---------------------------------------------------------------------------
// Stored states

/// The stored types, each with its state from the sample week.
const STATES: [&str; 12] = [
    "customer",
    "directory",
    "conversation",
    "roster",
    "desk-config",
    "calendar",
    "template",
    "detector",
    "watcher",
    "monitor",
    "desk",
    "desk-changes",
];

/// The sample week's desk before its first message. Built once and cloned:
/// its calendars take longer to build than a whole run of a check.
static EMPTY_DESK: LazyLock<Desk> = LazyLock::new(|| {
    Desk::new(
        DeskConfig::sample(&WEEK).expect("sample config"),
        WEEK.directory().expect("sample directory"),
    )
});

/// The sample week's desk after the whole week, as every state is seeded
/// from it.
static SAMPLE_DESK: LazyLock<Desk> = LazyLock::new(|| {
    let week = &*WEEK;
    let mut desk = EMPTY_DESK.clone();
    let applied = desk.apply_all(week.events(), week.now);
    assert_eq!(applied.rejected().count(), 0, "the sample week applies");
    desk
});

/// What changed in the sample desk when a conversation was solved and the
/// queue routed.
fn changes_after_the_week() -> DeskChanges {
    let week = &*WEEK;
    let mut desk = SAMPLE_DESK.clone();
    let solved = Event::Status {
        conversation: "tw-062".parse().expect("id"),
        status: ConversationStatus::Solved,
        at: week.now,
        by: None,
    };
    desk.apply(solved, week.now);
    let _ = desk.route(week.now);
    desk.changes_since(SAMPLE_DESK.revision())
        .expect("changes since the sample desk")
}

/// Each stored type's sample state as JSON, and every path into it.
static SEEDS: LazyLock<Vec<(Value, Vec<String>)>> = LazyLock::new(|| {
    let week = &*WEEK;
    let desk = &*SAMPLE_DESK;
    let config = desk.config();
    let watcher = desk.monitor().streams().next().expect("a stream").1;
    let template = Template::new(
        Situation::Angry,
        Language::FRENCH,
        "Bonjour {customer}, {{désolé}} : {agent.first_name}",
    )
    .expect("template");
    let states = [
        serde_json::to_value(&week.customers[0]),
        serde_json::to_value(desk.directory()),
        serde_json::to_value(desk.conversations().next().expect("a conversation")),
        serde_json::to_value(&config.roster),
        serde_json::to_value(config),
        serde_json::to_value(config.calendar.clone()),
        serde_json::to_value(&template),
        serde_json::to_value(watcher.detector()),
        serde_json::to_value(watcher),
        serde_json::to_value(desk.monitor()),
        serde_json::to_value(desk),
        serde_json::to_value(&changes_after_the_week()),
    ];
    states
        .into_iter()
        .map(|state| {
            let state = state.expect("sample states serialize");
            let mut paths = Vec::new();
            collect_paths(&state, String::new(), &mut paths);
            (state, paths)
        })
        .collect()
});

/// Every JSON pointer into `value`, the root included.
fn collect_paths(value: &Value, at: String, paths: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                collect_paths(v, format!("{at}/{key}"), paths);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_paths(v, format!("{at}/{i}"), paths);
            }
        }
        _ => {}
    }
    paths.push(at);
}

/// A JSON value of the kinds that break stored states.
fn any_value(u: &mut Unstructured<'_>, seed: &Value, paths: &[String]) -> ArbResult<Value> {
    Ok(match u.int_in_range(0..=11)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.arbitrary::<i64>()?),
        3 => Value::from(u.arbitrary::<u64>()?),
        4 => {
            let f = f64::from_bits(u.arbitrary()?);
            serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)
        }
        5 => Value::from(*u.choose(&[
            1e300,
            -1e300,
            1e200,
            f64::MAX,
            f64::MIN,
            0.0,
            -0.0,
            1e-300,
            100.5,
            -1.0,
        ])?),
        6 => Value::String(u.arbitrary::<String>()?),
        7 => Value::String(
            u.choose(&[
                "all",
                "all",
                "twitter:@www",
                "facebook:www.www.x",
                "9999-12-31T23:59:59Z",
                "-009999-01-01T00:00:00Z",
                "2026-11-20T10:00:00Z",
                "Europe/Paris",
                "24:00-00:00",
                "",
            ])?
            .to_string(),
        ),
        8 => Value::Array(Vec::new()),
        9 => Value::Object(serde_json::Map::new()),
        // A value from elsewhere in the same state: the right shape in the
        // wrong place.
        _ => u
            .choose(paths)
            .ok()
            .and_then(|p| seed.pointer(p))
            .cloned()
            .unwrap_or(Value::Null),
    })
}

/// A few edits of a sample state: values replaced, keys and items removed,
/// items repeated.
fn mutate(u: &mut Unstructured<'_>, seed: &Value, paths: &[String]) -> ArbResult<Value> {
    let mut state = seed.clone();
    for _ in 0..u.int_in_range(1..=4)? {
        let path = u.choose(paths)?;
        match u.int_in_range(0..=3)? {
            0 | 1 => {
                let value = any_value(u, seed, paths)?;
                if let Some(slot) = state.pointer_mut(path) {
                    *slot = value;
                }
            }
            2 => {
                // Remove it from its parent.
                if let Some((parent, last)) = path.rsplit_once('/') {
                    match state.pointer_mut(parent) {
                        Some(Value::Object(map)) => {
                            map.remove(&last.replace("~1", "/").replace("~0", "~"));
                        }
                        Some(Value::Array(items)) => {
                            if let Ok(i) = last.parse::<usize>() {
                                if i < items.len() {
                                    items.remove(i);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {
                // Repeat it in its parent array.
                if let Some((parent, last)) = path.rsplit_once('/') {
                    if let Some(Value::Array(items)) = state.pointer_mut(parent) {
                        if let Ok(i) = last.parse::<usize>() {
                            if let Some(item) = items.get(i).cloned() {
                                items.push(item);
                            }
                        }
                    }
                }
            }
        }
    }
    Ok(state)
}

/// A stored state, edited, either is refused when read or reads back as
/// itself after storing, and can be used: fed, evaluated, stored again.
pub fn serde_states(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(kind) = u.choose_index(STATES.len()) else {
        return;
    };
    let (seed, paths) = &SEEDS[kind];
    let Ok(state) = mutate(&mut u, seed, paths) else {
        return;
    };
    let week = &*WEEK;
    let now = week.now;
    match STATES[kind] {
        "customer" => {
            if let Some(c) = stored::<Customer>(state) {
                let mut directory = Directory::new();
                let _ = directory.insert(c.clone());
                for h in c.handles.keys() {
                    let _ = directory.resolve(h);
                }
            }
        }
        "directory" => {
            if let Some(mut d) = stored::<Directory>(state) {
                let ids: Vec<String> = d.iter().map(|c| c.id.to_string()).take(2).collect();
                let _ = d.shared_handles();
                if let [a, b] = &ids[..] {
                    let _ = d.merge(a, b);
                    assert_reads_back(&d);
                }
            }
        }
        "conversation" => {
            if let Some(mut c) = stored::<Conversation>(state) {
                let _ = c.awaiting_reply();
                let _ = c.is_waiting_on_brand();
                let _ = c.push_status(now, ConversationStatus::Solved);
                assert_reads_back(&c);
            }
        }
        "roster" => {
            if let Some(mut r) = stored::<Roster>(state) {
                let need = Need::new("tw-fuzz".parse().expect("id"), Channel::Twitter);
                let _ = route(&[need], &mut r, now);
                assert_reads_back(&r);
            }
        }
        "desk-config" => {
            if let Some(config) = stored::<DeskConfig>(state) {
                let mut desk = Desk::new(config, week.directory().expect("sample directory"));
                let first: Vec<Interaction> =
                    week.interactions().into_iter().take(20).cloned().collect();
                let at = first.last().map_or(now, |i| i.at);
                let _ = desk.apply_all(first.into_iter().map(Event::from), at);
                use_desk(&mut desk, at);
            }
        }
        "calendar" => {
            if let Some(cal) = stored::<BusinessCalendar>(state) {
                let _ = cal.is_open(now);
                let _ = cal.next_open(now);
                let _ = cal.next_close(now);
                if let Ok(due) = cal.add(now, SignedDuration::from_hours(5)) {
                    assert_eq!(
                        cal.between(now, due).ok(),
                        Some(SignedDuration::from_hours(5))
                    );
                }
            }
        }
        "template" => {
            if let Some(t) = stored::<Template>(state) {
                let mut vars = Vars::new();
                for name in t.placeholders() {
                    vars = vars.set(name, "x");
                }
                t.render(&vars).expect("every placeholder given");
            }
        }
        "detector" => {
            if let Some(mut d) = stored::<Detector>(state) {
                let next = d
                    .last_bucket()
                    .and_then(|t| t.checked_add(d.settings().bucket_width()).ok())
                    .unwrap_or(now);
                let _ = d.push(Bucket::new(next, 40));
                assert_reads_back(&d);
            }
        }
        "watcher" => {
            if let Some(mut w) = stored::<StreamWatcher>(state) {
                let i = week.interactions()[0];
                let _ = w.observe(i, &ANALYZER.score(&i.text, None), Some(50.0));
                let _ = w.advance(now);
                assert_reads_back(&w);
            }
        }
        "monitor" => {
            if let Some(mut m) = stored::<Monitor>(state) {
                let i = week.interactions()[0];
                let _ = m.observe(i, &ANALYZER.score(&i.text, None), Some(50.0));
                let _ = m.advance(now);
                assert_reads_back(&m);
            }
        }
        "desk-changes" => {
            if let Some(changes) = stored::<DeskChanges>(state) {
                // Applied to the desk they start from: taken whole, or
                // refused with the desk as it was.
                let mut desk = SAMPLE_DESK.clone();
                let before = serde_json::to_value(&desk).expect("serializes");
                match desk.apply_changes(changes) {
                    Ok(()) => use_desk(&mut desk, now),
                    Err(e) => assert_eq!(
                        serde_json::to_value(&desk).expect("serializes"),
                        before,
                        "refused changes changed the desk: {e}"
                    ),
                }
            }
        }
        _ => {
            if let Some(mut desk) = stored::<Desk>(state) {
                use_desk(&mut desk, now);
            }
        }
    }
}

/// Reads a state: refused, or read back as itself once stored.
fn stored<T>(state: Value) -> Option<T>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let value: T = serde_json::from_value(state).ok()?;
    assert_reads_back(&value);
    Some(value)
}

/// Stores a value and reads it back: it must be accepted and store the same.
/// Returns what was read back.
fn assert_reads_back<T>(value: &T) -> T
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    // Compared as JSON values: maps (an author board is a hash map) may
    // store their keys in any order.
    let json = serde_json::to_string(value).expect("a state serializes");
    let back: T = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("a stored state does not read back: {e}\n{json}"));
    let again = serde_json::to_value(&back).expect("a state serializes");
    let first: Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(again, first, "a stored state reads back as another");
    // The same in a binary format, which reads a struct's fields by position
    // and the instants of messages as integers.
    let binary = postcard::to_stdvec(value).expect("a state serializes in postcard");
    let from_binary: T = postcard::from_bytes(&binary)
        .unwrap_or_else(|e| panic!("a stored state does not read back from postcard: {e}\n{json}"));
    let again = serde_json::to_value(&from_binary).expect("a state serializes");
    assert_eq!(
        again, first,
        "a stored state reads back from postcard as another"
    );
    back
}

/// Every view of a desk, then the desk stored and read back.
fn use_desk(desk: &mut Desk, now: Timestamp) {
    let _ = desk.refresh_profiles(now);
    let queue = desk.queue(now);
    let _ = desk.route(now);
    if let Ok(queue) = &queue {
        if let Some(first) = queue.first() {
            let _ = desk.suggest(&first.conversation, now);
        }
    }
    for period in [Period::Day, Period::Week] {
        let _ = desk.persona_map(period);
    }
    assert_reads_back(desk);
}

// ---------------------------------------------------------------------------
// Sentiment

/// The explanation adds up to the raw score, its spans are on char
/// boundaries, and scores stay in their ranges, for any text and language.
pub fn sentiment(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    for language in [
        None,
        Some(Language::FRENCH),
        Some(Language::ENGLISH),
        Some(Language::SPANISH),
    ] {
        let (s, why) = ANALYZER.explain(&text, language);
        let plain = ANALYZER.score(&text, language);
        assert_eq!(plain, s, "score and explain disagree");
        assert!(
            s.raw.is_finite() && (-1.0..=1.0).contains(&s.compound),
            "{s:?}"
        );
        for share in [s.positive, s.negative, s.neutral] {
            assert!((0.0..=1.0).contains(&share), "{s:?}");
        }
        let total = why.total();
        assert!(
            (total - s.raw).abs() <= 1e-9 * s.raw.abs().max(1.0),
            "parts add up to {total}, raw is {}",
            s.raw
        );
        for c in &why.contributions {
            assert!(c.value.is_finite() && c.base.is_finite(), "{c:?}");
            if let Some(span) = &c.span {
                assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
                assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Redaction

/// The redacted text never holds what was reported, redacting again changes
/// nothing, and the spans are sorted, disjoint and on char boundaries.
pub fn redaction(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // `redact` reports what `find_pii` finds (it is built on it), so the
    // laws below check both.
    let out = redact(&text);
    let mut rebuilt = String::new();
    let mut at = 0;
    for r in &out.redactions {
        assert!(
            at <= r.span.start && r.span.start < r.span.end,
            "{:?}",
            out.redactions
        );
        assert!(text.is_char_boundary(r.span.start) && text.is_char_boundary(r.span.end));
        rebuilt.push_str(&text[at..r.span.start]);
        rebuilt.push_str(r.kind.marker());
        at = r.span.end;
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, out.text);
    for r in &out.redactions {
        let value = &text[r.span.clone()];
        assert!(
            !out.text.contains(value),
            "{value:?} reported and left in {:?}",
            out.text
        );
    }
    let again = redact(&out.text);
    assert!(
        again.is_clean(),
        "not idempotent: {:?} -> {:?}",
        out.text,
        again.text
    );
}

// ---------------------------------------------------------------------------
// Replies

/// Templates render when every placeholder is given and name what is
/// missing otherwise; advice and the draft checker take anything.
pub fn replies(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(text) = u.arbitrary::<String>() else {
        return;
    };
    let situation = *u.choose(Situation::ALL).unwrap_or(&Situation::Angry);
    if let Ok(t) = Template::new(situation, Language::FRENCH, &text) {
        let names: Vec<String> = t.placeholders().iter().map(|s| s.to_string()).collect();
        let mut vars = Vars::new();
        // A blank value counts as missing (a reply must not say "Bonjour ,"),
        // so every value given here has a letter.
        for name in &names {
            vars = vars.set(
                name,
                format!("v{}", u.arbitrary::<String>().unwrap_or_default()),
            );
        }
        let rendered = t.render(&vars).expect("every placeholder given");
        if names.is_empty() {
            assert_eq!(rendered, text.replace("{{", "{").replace("}}", "}"));
        }
        if let Some(missing) = names.first() {
            let mut partial = Vars::new();
            for name in names.iter().filter(|n| *n != missing) {
                partial = partial.set(name, "x");
            }
            assert!(t.render(&partial).is_err(), "{missing} missing");
        }
        assert_reads_back(&t);
    }
    let agent = &WEEK.agents[0];
    let visibility = if u.arbitrary().unwrap_or(false) {
        Visibility::Public
    } else {
        Visibility::Private
    };
    let language = *u
        .choose(&[
            None,
            Some(Language::FRENCH),
            Some(Language::ENGLISH),
            Some(Language::SPANISH),
        ])
        .unwrap_or(&None);
    for issue in check_reply(&text, &DraftContext::new(agent, visibility, language)) {
        if let Some(span) = &issue.span {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{issue:?}"
            );
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    let sentiment = ANALYZER.score(&text, language);
    let mut context = ReplyContext::new(visibility, sentiment)
        .asking(u.arbitrary().unwrap_or(false))
        .in_crisis(u.arbitrary().unwrap_or(false));
    if let Some(l) = language {
        context = context.with_language(l);
    }
    let _ = advise(&context);
}

// ---------------------------------------------------------------------------
// SLA calendars

const ZONES: [&str; 12] = [
    "UTC",
    "Europe/Paris",
    "Europe/London",
    "America/New_York",
    "America/Sao_Paulo",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kolkata",
    "Africa/Casablanca",
    "America/Santiago",
    "Pacific/Apia",
    "Antarctica/Troll",
];

fn any_zone(u: &mut Unstructured<'_>) -> ArbResult<TimeZone> {
    Ok(match u.int_in_range(0..=2)? {
        0 => social_crm::time::time_zone(u.choose(&ZONES)?).unwrap_or(TimeZone::UTC),
        1 => {
            let posix = u.choose(&[
                "CET-1CEST,M3.5.0,M10.5.0/3",
                "EST5EDT,M3.2.0,M11.1.0",
                "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
                "AAA-25BBB,J1/-167,J365/167",
            ])?;
            let custom = u.arbitrary::<String>()?;
            TimeZone::posix(posix)
                .or_else(|_| TimeZone::posix(&custom))
                .unwrap_or(TimeZone::UTC)
        }
        _ => {
            let seconds = u.int_in_range(-93_599..=93_599)?;
            Offset::from_seconds(seconds).map_or(TimeZone::UTC, TimeZone::fixed)
        }
    })
}

fn any_wall(u: &mut Unstructured<'_>) -> ArbResult<Option<WallTime>> {
    let (h, m, s) = (
        u.int_in_range(0..=25)?,
        *u.choose(&[0, 0, 30, 59, 60])?,
        *u.choose(&[0, 0, 0, 1, 59])?,
    );
    Ok(WallTime::new(h, m, s).ok())
}

/// A calendar from any shifts, zone, holidays and overrides keeps the laws:
/// `between` undoes `add`, `add` is monotonic, the due time closes open time.
pub fn sla_calendar(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = calendar_laws(&mut u);
}

fn calendar_laws(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let zone = any_zone(u)?;
    let mut week = WeeklySchedule::new();
    for _ in 0..u.int_in_range(0..=10)? {
        let day = social_crm::jiff::civil::Weekday::from_monday_zero_offset(u.int_in_range(0..=6)?)
            .expect("0..=6");
        if let (Some(a), Some(b)) = (any_wall(u)?, any_wall(u)?) {
            if let Ok(shift) = Shift::new(a, b) {
                week.add(day, shift);
            }
        }
    }
    let first: i16 = u.int_in_range(2020..=2030)?;
    let last = first + u.int_in_range(0..=3)?;
    let date = |u: &mut Unstructured<'_>| -> ArbResult<Option<Date>> {
        Ok(Date::new(
            u.int_in_range(first - 1..=last + 1)?,
            u.int_in_range(1..=12)?,
            u.int_in_range(1..=31)?,
        )
        .ok())
    };
    let mut holidays = Vec::new();
    for _ in 0..u.int_in_range(0..=6)? {
        holidays.extend(date(u)?);
    }
    let mut builder = BusinessCalendar::builder(zone, week)
        .holidays(holidays)
        .holiday_mode(if u.arbitrary()? {
            HolidayMode::ShiftStart
        } else {
            HolidayMode::CalendarDay
        })
        .years(first, last);
    for _ in 0..u.int_in_range(0..=3)? {
        if let Some(d) = date(u)? {
            let mut shifts = Vec::new();
            if let (Some(a), Some(b)) = (any_wall(u)?, any_wall(u)?) {
                shifts.extend(Shift::new(a, b).ok());
            }
            builder = builder.override_date(d, shifts);
        }
    }
    let Ok(cal) = builder.build() else {
        return Ok(());
    };
    assert_reads_back(&cal);
    let span = (i64::from(last - first) + 1) * 366 * 86_400;
    let base = Date::new(first, 1, 1)
        .expect("year in range")
        .to_datetime(social_crm::jiff::civil::Time::midnight())
        .to_zoned_datetime(TimeZone::UTC)
        .expect("in range")
        .timestamp()
        .as_second();
    let instant = |u: &mut Unstructured<'_>| -> ArbResult<Timestamp> {
        let s = base + u.int_in_range(-86_400..=span)?;
        Ok(Timestamp::from_second(s).expect("in range"))
    };
    let amount = |u: &mut Unstructured<'_>| -> ArbResult<SignedDuration> {
        Ok(SignedDuration::from_secs(u.int_in_range(0..=40 * 86_400)?))
    };
    for _ in 0..u.int_in_range(1..=8)? {
        let (a, b) = (instant(u)?, instant(u)?);
        let (a, b) = (a.min(b), a.max(b));
        let (d, e) = (amount(u)?, amount(u)?);
        let (d, e) = (d.min(e), d.max(e));
        if let Ok(due) = cal.add(a, d) {
            assert!(due >= a, "add went back: {a} + {d:?} = {due}");
            assert_eq!(cal.between(a, due).ok(), Some(d), "between({a}, {due})");
            if d.is_positive() {
                assert_eq!(
                    cal.is_open(due - SignedDuration::from_nanos(1)).ok(),
                    Some(true)
                );
            } else {
                assert_eq!(cal.is_open(due).ok(), Some(true));
            }
            if let (Ok(ae), Ok(bd)) = (cal.add(a, e), cal.add(b, d)) {
                assert!(due <= ae && due <= bd, "add is not monotonic");
            }
        }
        if let (Ok(ab), Ok(ba)) = (cal.between(a, b), cal.between(b, a)) {
            assert!(!ab.is_negative(), "between({a}, {b}) = {ab:?}");
            assert_eq!(ba, -ab, "between is not antisymmetric");
            assert!(ab <= b.duration_since(a), "more business time than time");
        }
        if let (Ok(true), Ok(next)) = (cal.is_open(a), cal.next_open(a)) {
            assert_eq!(next, a, "open at {a} but next opens at {next}");
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Crisis streams

/// Buckets of any counts (NaN, infinities, huge), in any order, and
/// messages with any influence: refused with a typed error or counted; a
/// detector stored at any point and read back goes on exactly as the one
/// that was never stored.
pub fn crisis(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = crisis_stream(&mut u);
}

fn crisis_stream(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let width = SignedDuration::from_mins(*u.choose(&[5i64, 60, 1440])?);
    let Ok(settings) = Settings::new(width) else {
        return Ok(());
    };
    let settings = settings.with_time_zone(any_zone(u)?);
    // A zone that would be stored as another is taken, but nothing holding
    // it can be stored: the error says so, and there is nothing to check.
    if let Err(e) = serde_json::to_string(&settings) {
        assert!(e.to_string().contains("cannot be stored"), "{e}");
        return Ok(());
    }
    let start: Timestamp = "2026-11-16T00:00:00Z".parse().expect("instant");
    let mut live = Detector::new("fuzz", settings.clone());
    let mut restored: Option<Detector> = None;
    let mut at = start;
    for _ in 0..u.int_in_range(0..=300)? {
        at = match u.int_in_range(0..=9)? {
            0 => start
                .checked_add(SignedDuration::from_secs(
                    u.int_in_range(-86_400..=864_000)?,
                ))
                .unwrap_or(at),
            1 => *u.choose(&[Timestamp::MIN, Timestamp::MAX, at])?,
            _ => at.checked_add(width * u.int_in_range(1..=3)?).unwrap_or(at),
        };
        let count = |u: &mut Unstructured<'_>| -> ArbResult<f64> {
            Ok(match u.int_in_range(0..=5)? {
                0 => f64::from_bits(u.arbitrary()?),
                1 => *u.choose(&[f64::NAN, f64::INFINITY, -1.0, 1e300, 0.5, u64::MAX as f64])?,
                _ => f64::from(u.int_in_range(0..=2000u32)?),
            })
        };
        let total = count(u)?;
        let negative = if u.arbitrary()? {
            Some(count(u)?)
        } else {
            None
        };
        let Ok(bucket) = Bucket::from_f64(at, total, negative) else {
            continue;
        };
        // A clone to compare with, not a stored form: storing the detector
        // at every step cost nine tenths of the run.
        let before = live.clone();
        let step = live.push(bucket.clone());
        if step.is_err() {
            assert!(live == before, "a refused bucket changed the detector");
        }
        if let Some(r) = restored.as_mut() {
            let other = r.push(bucket);
            assert_eq!(
                format!("{other:?}"),
                format!("{step:?}"),
                "the restored detector differs"
            );
        } else if u.int_in_range(0..=20)? == 0 {
            let stored = serde_json::to_string(&before).expect("serializes");
            restored = Some(serde_json::from_str(&stored).map_or_else(
                |e| panic!("a detector does not read back: {e}\n{stored}"),
                |mut d: Detector| {
                    let again = d.push(Bucket::from_f64(at, total, negative).expect("checked"));
                    assert_eq!(format!("{again:?}"), format!("{step:?}"));
                    d
                },
            ));
        }
    }
    assert_reads_back(&live);

    // The same through a watcher and a monitor, fed messages.
    let week = &*WEEK;
    let mut watcher = StreamWatcher::new("fuzz", settings.clone(), week.start);
    let mut monitor = Monitor::new(
        settings,
        week.start,
        [
            StreamKind::All,
            StreamKind::Channel,
            StreamKind::Tag,
            StreamKind::Language,
        ],
    );
    let messages = week.interactions();
    for _ in 0..u.int_in_range(0..=40)? {
        let mut i = (*u.choose(&messages)?).clone();
        if u.ratio(1, 4)? {
            i.at = *u.choose(&[Timestamp::MAX, Timestamp::MIN, week.now, week.start])?;
        }
        let influence = match u.int_in_range(0..=3)? {
            0 => None,
            1 => Some(f64::from_bits(u.arbitrary()?)),
            2 => Some(*u.choose(&[f64::MAX, 100.0, 100.5, -0.0, f64::NAN])?),
            _ => Some(f64::from(u.int_in_range(0..=100u8)?)),
        };
        let sentiment = ANALYZER.score(&i.text, i.language);
        let before = monitor.clone();
        if monitor.observe(&i, &sentiment, influence).is_err() {
            assert!(monitor == before, "a refused message changed the monitor");
        }
        let _ = watcher.observe(&i, &sentiment, influence);
    }
    let _ = watcher.advance(week.now);
    let _ = monitor.advance(week.now);
    assert_reads_back(&watcher);
    assert_reads_back(&monitor);
    Ok(())
}

// ---------------------------------------------------------------------------
// Conversations

fn any_message(u: &mut Unstructured<'_>, base: Timestamp) -> ArbResult<Interaction> {
    let id: InteractionId = format!("m{}", u.int_in_range(0..=7)?).parse().expect("id");
    let conversation: ConversationId = (*u.choose(&["c1", "c1", "c1", "c2"])?).parse().expect("id");
    let at = base
        .checked_add(SignedDuration::from_mins(u.int_in_range(-60..=600)?))
        .expect("in range");
    let text = u.arbitrary::<String>()?;
    let mut i = match u.int_in_range(0..=3)? {
        0 | 1 => {
            let handle = Handle::new(
                Channel::Twitter,
                u.choose(&["@lea", "@jean", "@nath_conso"])?,
            )
            .expect("handle");
            Interaction::inbound(id, conversation, handle, at, &text)
        }
        2 => Interaction::outbound(
            id,
            conversation,
            Channel::Twitter,
            "a1".parse().expect("id"),
            at,
            &text,
        ),
        _ => Interaction::note(
            id,
            conversation,
            Channel::Email,
            "a2".parse().expect("id"),
            at,
            &text,
        ),
    };
    if u.ratio(1, 3)? {
        i = i.in_reply_to(format!("m{}", u.int_in_range(0..=7)?).parse().expect("id"));
    }
    if u.ratio(1, 4)? {
        i = i.with_engagement(Engagement {
            likes: u.arbitrary()?,
            shares: u.arbitrary()?,
            replies: u.arbitrary()?,
        });
    }
    Ok(i)
}

const STATUSES: [ConversationStatus; 5] = [
    ConversationStatus::Open,
    ConversationStatus::Pending,
    ConversationStatus::OnHold,
    ConversationStatus::Solved,
    ConversationStatus::Closed,
];

/// Interactions and status events in any order: each is taken or refused,
/// and a refused one changes nothing; the conversation stays in time order
/// and reads back, and rebuilt from its parts it is the same.
pub fn conversation(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = conversation_events(&mut u);
}

fn conversation_events(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let base = WEEK.start;
    let mut c = Conversation::new("c1".parse().expect("id"));
    for _ in 0..u.int_in_range(0..=40)? {
        let before = c.clone();
        let result = if u.ratio(2, 3)? {
            let i = any_message(u, base)?;
            c.push(i)
        } else {
            let at = base
                .checked_add(SignedDuration::from_mins(u.int_in_range(-60..=600)?))
                .expect("in range");
            c.push_status(at, *u.choose(&STATUSES)?)
        };
        if result.is_err() {
            assert_eq!(c, before, "a refused event changed the conversation");
        }
        assert!(c.interactions().windows(2).all(|w| w[0].at <= w[1].at));
        assert!(c.events().windows(2).all(|w| w[0].at <= w[1].at));
        let _ = c.awaiting_reply();
        let _ = c.is_waiting_on_brand();
    }
    assert_reads_back(&c);
    let rebuilt = Conversation::from_parts(
        c.id().clone(),
        c.interactions().to_vec(),
        c.events().to_vec(),
    )
    .expect("a conversation's own parts rebuild it");
    assert_eq!(rebuilt, c);
    Ok(())
}

// ---------------------------------------------------------------------------
// Directory

fn any_customer(u: &mut Unstructured<'_>) -> ArbResult<Option<Customer>> {
    let id = *u.choose(&["c1", "c2", "c3", "c4"])?;
    let Ok(mut c) = Customer::new(id, u.choose(&["Léa", "Jean", "Nath"])?) else {
        return Ok(None);
    };
    for _ in 0..u.int_in_range(0..=3)? {
        if let Some(h) = any_handle(u)? {
            c = c.with_handle(h, Default::default());
        }
    }
    Ok(Some(c))
}

fn any_handle(u: &mut Unstructured<'_>) -> ArbResult<Option<Handle>> {
    let (channel, raw) = u.choose(&[
        (Channel::Twitter, "@lea"),
        (Channel::Twitter, "@Lea"),
        (Channel::Twitter, "@jean"),
        (Channel::Email, "lea@exemple.fr"),
        (Channel::Email, "Lea@EXEMPLE.fr"),
        (Channel::Phone, "+33612345678"),
        (Channel::Facebook, "www.jean"),
        (Channel::Forum, "Café  Addict"),
    ])?;
    Ok(Handle::new(channel.clone(), raw).ok())
}

/// Any sequence of inserts, new handles and merges: a refused operation
/// changes nothing, every handle of every customer resolves, and the
/// directory reads back.
pub fn directory(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = directory_operations(&mut u);
}

fn directory_operations(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let mut d = Directory::new();
    for _ in 0..u.int_in_range(0..=30)? {
        let before = serde_json::to_string(&d).expect("serializes");
        let result = match u.int_in_range(0..=2)? {
            0 => match any_customer(u)? {
                Some(c) => d.insert(c).map(|_| ()),
                None => Ok(()),
            },
            1 => match any_handle(u)? {
                Some(h) => {
                    d.add_handle(u.choose(&["c1", "c2", "c3", "c4"])?, h, Default::default())
                }
                None => Ok(()),
            },
            _ => {
                let keep = u.choose(&["c1", "c2", "c3", "c4"])?;
                let absorb = u.choose(&["c1", "c2", "c3", "c4"])?;
                d.merge(keep, absorb).map(|_| ())
            }
        };
        if result.is_err() {
            assert_eq!(
                serde_json::to_string(&d).expect("serializes"),
                before,
                "a refused operation changed the directory"
            );
        }
        for c in d.iter() {
            for h in c.handles.keys() {
                let owners: Vec<&CustomerId> = match d.resolve(h) {
                    social_crm::Resolution::Customer(found) => vec![&found.id],
                    social_crm::Resolution::Ambiguous(all) => all.iter().map(|c| &c.id).collect(),
                    _ => Vec::new(),
                };
                assert!(owners.contains(&&c.id), "{h} does not resolve to {}", c.id);
            }
        }
        let _ = d.shared_handles();
    }
    assert_reads_back(&d);
    Ok(())
}

// ---------------------------------------------------------------------------
// Influence

/// PageRank on any small graph sums to one with finite, non-negative
/// scores; influence scores are within 0 to 100 and add up.
pub fn influence(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = influence_laws(&mut u);
}

fn any_float(u: &mut Unstructured<'_>) -> ArbResult<f64> {
    Ok(match u.int_in_range(0..=3)? {
        0 => f64::from_bits(u.arbitrary()?),
        1 => *u.choose(&[
            0.0,
            -0.0,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ])?,
        _ => f64::from(u.arbitrary::<u16>()?) / 7.0,
    })
}

fn influence_laws(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let n = match u.int_in_range(0..=9)? {
        0 => *u.choose(&[Graph::MAX_NODES + 1, usize::MAX, 3_000_000_000])?,
        _ => u.int_in_range(0..=64)?,
    };
    let mut edges = Vec::new();
    for _ in 0..u.int_in_range(0..=200)? {
        edges.push((
            u.int_in_range(0..=70)?,
            u.int_in_range(0..=70)?,
            any_float(u)?,
        ));
    }
    if let Ok(graph) = Graph::from_edges(n, &edges) {
        let mut config = PageRankConfig::new().damping(any_float(u)?.fract().abs());
        if u.ratio(1, 3)? {
            let weights: Vec<f64> = (0..u.int_in_range(0..=n + 1)?)
                .map(|_| any_float(u))
                .collect::<ArbResult<_>>()?;
            config = config.personalization(weights);
        }
        if let Ok(rank) = pagerank(&graph, &config) {
            assert_eq!(rank.scores.len(), n);
            assert!(
                rank.scores.iter().all(|s| s.is_finite() && *s >= 0.0),
                "{rank:?}"
            );
            if n > 0 {
                let sum: f64 = rank.scores.iter().sum();
                assert!((sum - 1.0).abs() < 1e-6, "scores add up to {sum}");
            }
        }
    }
    let signals = Signals {
        followers: any_float(u)?,
        following: any_float(u)?,
        listed: any_float(u)?,
        posts_per_day: any_float(u)?,
        mentions_received: any_float(u)?,
        shares_received: any_float(u)?,
        engagement_per_post: any_float(u)?,
        reach: any_float(u)?,
        account_age_days: any_float(u)?,
    };
    let mut weights = Weights::default();
    if u.arbitrary()? {
        weights.followers = any_float(u)?;
        weights.follow_back = -any_float(u)?;
        weights.reach = any_float(u)?;
    }
    if let Ok(influence) = score(&signals, &weights) {
        assert!((0.0..=100.0).contains(&influence.score), "{influence:?}");
        assert!(influence.raw.is_finite());
        let total = influence.explanation.total();
        assert!((total - influence.raw).abs() <= 1e-9 * influence.raw.abs().max(1.0));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// The desk

/// The sample desk fed any events (messages from new authors, unknown
/// conversations, out of order, late, from the future; status changes,
/// assignments, priorities, customer records, handles, merges, consent,
/// erasures) with "now" moving on: each batch gives one outcome per event, a
/// refused event changes nothing, a second delivery of a batch is all
/// duplicates or refusals, every view answers, and the desk stored and read
/// back gives the same queue.
pub fn desk(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let _ = desk_events(&mut u);
}

/// Any desk event near `now`.
fn any_event(u: &mut Unstructured<'_>, known: &[Interaction], now: Timestamp) -> ArbResult<Event> {
    let week = &*WEEK;
    let at = now
        .checked_add(SignedDuration::from_mins(u.int_in_range(-3000..=30)?))
        .expect("in range");
    let conversation: ConversationId = (*u.choose(&["c1", "c2", "tw-001", "tw-062", "em-001"])?)
        .parse()
        .expect("id");
    let handle = |u: &mut Unstructured<'_>| -> ArbResult<Handle> {
        Ok(Handle::new(
            Channel::Twitter,
            u.choose(&["@lea", "@jean", "@nath_conso"])?,
        )
        .expect("handle"))
    };
    let customer_id = |u: &mut Unstructured<'_>| -> ArbResult<CustomerId> {
        Ok(
            (*u.choose(&["c001", "c002", "c012", "new-1", "new-2", "zz"])?)
                .parse()
                .expect("id"),
        )
    };
    Ok(match u.int_in_range(0..=11)? {
        0..=3 => {
            let mut i = if u.ratio(1, 2)? {
                u.choose(known)?.clone()
            } else {
                any_message(u, now)?
            };
            if u.ratio(1, 5)? {
                i.at = at;
            }
            if u.ratio(1, 3)? {
                i = i.with_language(*u.choose(&[
                    Language::FRENCH,
                    Language::ENGLISH,
                    Language::SPANISH,
                ])?);
            }
            Event::Interaction(i)
        }
        4 => Event::Status {
            conversation,
            status: *u.choose(&STATUSES)?,
            at,
            by: None,
        },
        5 => Event::Assignment {
            conversation,
            agent: match u.int_in_range(0..=2)? {
                0 => None,
                1 => Some("a1".parse().expect("id")),
                _ => Some("ghost".parse().expect("id")),
            },
            at,
        },
        6 => Event::Priority {
            conversation,
            priority: *u.choose(Priority::ALL)?,
            at,
        },
        7 => {
            let mut customer = u.choose(&week.customers)?.clone();
            if u.arbitrary()? {
                customer = customer.with_handle(handle(u)?, AudienceStats::default());
            }
            Event::Customer { customer, at }
        }
        8 => Event::Merge {
            keep: customer_id(u)?,
            absorb: customer_id(u)?,
            at,
        },
        9 => Event::Handle {
            customer: customer_id(u)?,
            handle: handle(u)?,
            stats: AudienceStats::default(),
            at,
        },
        10 => Event::Consent {
            handle: handle(u)?,
            purpose: *u.choose(&[Purpose::Profiling, Purpose::Contact])?,
            decision: *u.choose(&[ConsentDecision::Granted, ConsentDecision::Refused])?,
            source: None,
            at,
        },
        _ => Event::Erasure {
            handle: match u.choose(known)?.customer_handle() {
                Some(h) if u.arbitrary()? => h.clone(),
                _ => handle(u)?,
            },
            at,
        },
    })
}

fn desk_events(u: &mut Unstructured<'_>) -> ArbResult<()> {
    let week = &*WEEK;
    let mut desk = EMPTY_DESK.clone();
    // A copy kept up to date by the desk's changes, now and then.
    let mut copy = desk.clone();
    let known: Vec<Interaction> = week.interactions().into_iter().take(40).cloned().collect();
    let mut now = week.start;
    for _ in 0..u.int_in_range(0..=25)? {
        now = now
            .checked_add(SignedDuration::from_mins(u.int_in_range(0..=600)?))
            .expect("in range");
        let mut batch = Vec::new();
        for _ in 0..u.int_in_range(0..=3)? {
            batch.push(any_event(u, &known, now)?);
        }
        let before = desk.clone();
        let applied = desk.apply_all(batch.clone(), now);
        assert_eq!(applied.outcomes.len(), batch.len(), "one outcome per event");
        if let [Outcome::Rejected(e)] = applied.outcomes.as_slice() {
            let mut unchanged = before.clone();
            // "now" moves the crisis monitor on whatever the events.
            let _ = unchanged.apply_all(Vec::new(), now);
            assert_eq!(
                serde_json::to_value(&desk).expect("serializes"),
                serde_json::to_value(&unchanged).expect("serializes"),
                "a refused event changed the desk: {e}"
            );
        }
        // An erasure removes what the desk holds of a customer, whatever
        // its date, and an event dated after the request is new data: a
        // batch holding one is left out of the redelivery check.
        let erasing = batch.iter().any(|e| matches!(e, Event::Erasure { .. }));
        if !erasing && u.ratio(1, 4)? {
            // Delivered again: what was taken is not taken twice (a refused
            // event may be taken now, if what it needed came since).
            let again = desk.apply_all(batch.clone(), now);
            let taken = |o: &Outcome| matches!(o, Outcome::Applied | Outcome::Late);
            for ((event, first), second) in batch.iter().zip(&applied.outcomes).zip(&again.outcomes)
            {
                assert!(
                    !taken(first) || !taken(second),
                    "a second delivery was applied: {event:?} {:?} then {:?}",
                    applied.outcomes,
                    again.outcomes
                );
            }
        }
        match u.int_in_range(0..=4)? {
            0 => {
                let _ = desk.refresh_profiles(now);
            }
            1 => {
                let _ = desk.route(now);
            }
            2 => {
                if let Ok(queue) = desk.queue(now) {
                    if let Some(first) = queue.first() {
                        let _ = desk.suggest(&first.conversation, now);
                    }
                }
            }
            3 => {
                let _ = desk.persona_map(Period::Week);
            }
            _ => {}
        }
        if u.ratio(1, 3)? {
            let changes = desk
                .changes_since(copy.revision())
                .expect("changes since the copy's revision");
            copy.apply_changes(changes)
                .expect("the changes apply to the copy");
        }
    }
    // The copy, brought up to date by stored changes, is the desk.
    let changes = desk
        .changes_since(copy.revision())
        .expect("changes since the copy's revision");
    copy.apply_changes(assert_reads_back(&changes))
        .expect("the changes apply to the copy");
    assert_eq!(
        serde_json::to_value(&copy).expect("serializes"),
        serde_json::to_value(&desk).expect("serializes"),
        "the copy brought up to date is not the desk"
    );
    let restored = assert_reads_back(&desk);
    assert_eq!(
        format!("{:?}", restored.queue(now)),
        format!("{:?}", desk.queue(now)),
        "the restored desk queues differently"
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Channels

/// Any bytes as a WhatsApp webhook body: a typed error naming a path, or
/// messages whose handles and ids read back, in conversations of their
/// sender, and a serializable result.
pub fn whatsapp(data: &[u8]) {
    let received = payload(social_crm::channels::whatsapp::parse(data));
    for m in received.iter().flat_map(|r| &r.messages) {
        assert!(
            m.interaction.customer_handle().is_some(),
            "a customer wrote it"
        );
        assert!(m.interaction.conversation.as_str().starts_with("wa-"));
    }
}

/// Any bytes as a Meta webhook body (page or Instagram): as for
/// [`whatsapp`].
pub fn meta(data: &[u8]) {
    payload(social_crm::channels::meta::parse(data));
}

/// Any bytes as an X API v2 response, with one brand account: as for
/// [`whatsapp`].
pub fn x(data: &[u8]) {
    payload(social_crm::channels::x::parse(
        data,
        &["998877665544332211"],
    ));
}

/// Any bytes as an e-mail message, with one brand address: as for
/// [`whatsapp`], and the text scored holds no quoted line.
pub fn email(data: &[u8]) {
    let received = payload(social_crm::channels::email::parse(
        data,
        &["service@cafelia.example"],
    ));
    for m in received.iter().flat_map(|r| &r.messages) {
        assert!(!m
            .interaction
            .text
            .lines()
            .any(|l| l.trim_start().starts_with('>')));
    }
}

/// What every adapter promises: a payload error that names a path, or
/// messages that a conversation takes, whose handles read back, and a
/// result that serializes.
fn payload(
    result: social_crm::Result<social_crm::channels::Received>,
) -> Option<social_crm::channels::Received> {
    match result {
        Ok(received) => {
            for m in &received.messages {
                let i = &m.interaction;
                assert!(i.is_consistent(), "{i:?}");
                if let Some(handle) = i.customer_handle() {
                    assert_eq!(
                        handle.to_string().parse::<Handle>().expect("reads back"),
                        *handle
                    );
                }
                Conversation::new(i.conversation.clone())
                    .push(i.clone())
                    .expect("a conversation takes it");
            }
            serde_json::to_string(&received).expect("serializes");
            Some(received)
        }
        Err(e) => match e.kind() {
            social_crm::ErrorKind::InvalidPayload { path, .. } => {
                assert!(!path.is_empty());
                None
            }
            other => panic!("not a payload error: {other:?}"),
        },
    }
}

/// Any secret, body and header: checking never panics; a header made for
/// the body checks, and the same header for another body does not.
pub fn signatures(data: &[u8]) {
    use social_crm::channels::signature::{meta_signature, verify_meta, verify_x, x_crc_response};
    let split = data.first().map_or(0, |&b| usize::from(b)).min(data.len());
    let (secret, rest) = data.split_at(split);
    let header = String::from_utf8_lossy(rest);
    let _ = verify_meta(secret, rest, &header);
    let _ = verify_x(secret, rest, &header);
    let made = meta_signature(secret, rest);
    verify_meta(secret, rest, &made).expect("its own signature checks");
    let mut other = rest.to_vec();
    other.push(0);
    assert!(verify_meta(secret, &other, &made).is_err());
    let token = x_crc_response(secret, &header);
    verify_x(secret, header.as_bytes(), &token).expect("its own signature checks");
}
