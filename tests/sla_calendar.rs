//! Business calendars: the documented rules on real zones, and invariants on
//! random schedules.
#![cfg(feature = "tzdb-bundled")]

use proptest::prelude::*;
use social_crm::jiff::civil::{date, Weekday};
use social_crm::jiff::{SignedDuration, Timestamp};
use social_crm::sla::{BusinessCalendar, HolidayMode, Shift, WallTime, WeeklySchedule};
use social_crm::time::time_zone;
use social_crm::ErrorKind;

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn desk() -> BusinessCalendar {
    BusinessCalendar::new(
        time_zone("Europe/Paris").unwrap(),
        WeeklySchedule::new().every_day("08:00-02:00".parse().unwrap()),
    )
    .unwrap()
}

#[test]
fn gap_and_fold_follow_the_compatible_rule() {
    // New York, 10 March 2024: 02:00 jumps to 03:00. A shift written to start
    // at 02:30 starts at 03:30 EDT.
    let ny = time_zone("America/New_York").unwrap();
    let night = WeeklySchedule::new().with(Weekday::Sunday, "02:30-04:00".parse().unwrap());
    let cal = BusinessCalendar::new(ny.clone(), night.clone()).unwrap();
    let opens = cal.next_open(ts("2024-03-10T05:00:00Z")).unwrap();
    assert_eq!(opens, ts("2024-03-10T03:30:00-04:00"));
    assert_eq!(
        cal.between(
            ts("2024-03-10T00:00:00-05:00"),
            ts("2024-03-11T00:00:00-04:00")
        )
        .unwrap(),
        SignedDuration::from_mins(30)
    );
    // 3 November 2024: 01:00-02:00 happens twice; 02:30 is after the fold,
    // and a shift from 01:30 starts at the first 01:30 (EDT).
    let fold = WeeklySchedule::new().with(Weekday::Sunday, "01:30-02:30".parse().unwrap());
    let cal = BusinessCalendar::new(ny, fold).unwrap();
    assert_eq!(
        cal.next_open(ts("2024-11-03T00:00:00-04:00")).unwrap(),
        ts("2024-11-03T01:30:00-04:00")
    );
    assert_eq!(
        cal.next_close(ts("2024-11-03T00:00:00-04:00")).unwrap(),
        Some(ts("2024-11-03T02:30:00-05:00"))
    );
    assert_eq!(
        cal.between(
            ts("2024-11-03T00:00:00-04:00"),
            ts("2024-11-04T00:00:00-05:00")
        )
        .unwrap(),
        SignedDuration::from_mins(120)
    );
}

#[test]
fn the_desk_opens_closes_and_crosses_midnight() {
    let cal = desk();
    assert!(cal.is_open(ts("2026-11-21T01:59:59+01:00")).unwrap());
    assert!(!cal.is_open(ts("2026-11-21T02:00:00+01:00")).unwrap());
    assert_eq!(
        cal.next_open(ts("2026-11-21T03:00:00+01:00")).unwrap(),
        ts("2026-11-21T08:00:00+01:00")
    );
    assert_eq!(
        cal.next_open(ts("2026-11-21T09:00:00+01:00")).unwrap(),
        ts("2026-11-21T09:00:00+01:00")
    );
    assert_eq!(
        cal.next_close(ts("2026-11-21T09:00:00+01:00")).unwrap(),
        Some(ts("2026-11-22T02:00:00+01:00"))
    );
    // Adding zero while closed rolls to the opening; a target used up at
    // closing time returns the closing instant.
    assert_eq!(
        cal.add(ts("2026-11-21T05:00:00+01:00"), SignedDuration::ZERO)
            .unwrap(),
        ts("2026-11-21T08:00:00+01:00")
    );
    assert_eq!(
        cal.add(
            ts("2026-11-21T08:00:00+01:00"),
            SignedDuration::from_hours(18)
        )
        .unwrap(),
        ts("2026-11-22T02:00:00+01:00")
    );
    assert_eq!(cal.schedule().weekly_seconds(), 7 * 18 * 3600);
}

#[test]
fn overrides_replace_a_dates_shifts_and_win_over_holidays() {
    let paris = time_zone("Europe/Paris").unwrap();
    let office = WeeklySchedule::new().monday_to_friday("09:00-18:00".parse().unwrap());
    let cal = BusinessCalendar::builder(paris, office)
        .holidays([date(2026, 12, 25), date(2026, 12, 31)])
        // A special Sunday opening before Christmas, shorter hours on the 24th,
        // and the 31st open in the morning despite being listed as a holiday.
        .override_date(date(2026, 12, 20), vec!["10:00-16:00".parse().unwrap()])
        .override_date(date(2026, 12, 24), vec!["09:00-12:00".parse().unwrap()])
        .override_date(date(2026, 12, 31), vec!["09:00-13:00".parse().unwrap()])
        .build()
        .unwrap();
    let day = |d: &str, e: &str| cal.between(ts(d), ts(e)).unwrap();
    assert_eq!(
        day("2026-12-20T00:00:00+01:00", "2026-12-21T00:00:00+01:00"),
        SignedDuration::from_hours(6)
    );
    assert_eq!(
        day("2026-12-24T00:00:00+01:00", "2026-12-25T00:00:00+01:00"),
        SignedDuration::from_hours(3)
    );
    assert_eq!(
        day("2026-12-25T00:00:00+01:00", "2026-12-26T00:00:00+01:00"),
        SignedDuration::ZERO
    );
    assert_eq!(
        day("2026-12-31T00:00:00+01:00", "2027-01-01T00:00:00+01:00"),
        SignedDuration::from_hours(4)
    );
    assert_eq!(
        day("2027-01-04T00:00:00+01:00", "2027-01-05T00:00:00+01:00"),
        SignedDuration::from_hours(9)
    );
}

#[test]
fn holiday_modes_differ_only_on_the_overnight_tail() {
    let paris = time_zone("Europe/Paris").unwrap();
    let evenings = WeeklySchedule::new().every_day("20:00-02:00".parse().unwrap());
    let build = |mode| {
        BusinessCalendar::builder(paris.clone(), evenings.clone())
            .holidays([date(2026, 12, 25)])
            .holiday_mode(mode)
            .build()
            .unwrap()
    };
    let (a, b) = (
        ts("2026-12-24T12:00:00+01:00"),
        ts("2026-12-26T12:00:00+01:00"),
    );
    // Calendar day: 24th 20:00-24:00, the 25th closed, its own evening's
    // tail after midnight kept (00:00-02:00 on the 26th).
    assert_eq!(
        build(HolidayMode::CalendarDay).between(a, b).unwrap(),
        SignedDuration::from_hours(6)
    );
    // Shift start: 24th 20:00-02:00 kept, the 25th's shift dropped.
    assert_eq!(
        build(HolidayMode::ShiftStart).between(a, b).unwrap(),
        SignedDuration::from_hours(6)
    );
    let night = (
        ts("2026-12-25T00:00:00+01:00"),
        ts("2026-12-25T02:00:00+01:00"),
    );
    assert_eq!(
        build(HolidayMode::CalendarDay)
            .between(night.0, night.1)
            .unwrap(),
        SignedDuration::ZERO
    );
    assert_eq!(
        build(HolidayMode::ShiftStart)
            .between(night.0, night.1)
            .unwrap(),
        SignedDuration::from_hours(2)
    );
}

#[test]
fn a_year_of_business_time_is_consistent_with_the_weekly_pattern() {
    let utc = BusinessCalendar::new(
        social_crm::jiff::tz::TimeZone::UTC,
        WeeklySchedule::new().monday_to_friday("09:00-17:00".parse().unwrap()),
    )
    .unwrap();
    let monday = ts("2026-01-05T00:00:00Z");
    let year_later = ts("2027-01-04T00:00:00Z"); // 52 weeks
    assert_eq!(
        utc.between(monday, year_later).unwrap(),
        SignedDuration::from_hours(52 * 40)
    );
    assert_eq!(
        utc.add(monday, SignedDuration::from_hours(52 * 40))
            .unwrap(),
        ts("2027-01-01T17:00:00Z")
    );
}

#[test]
fn bad_calendars_and_bad_requests_are_typed_errors() {
    assert!(matches!(
        "25:00".parse::<WallTime>().unwrap_err().kind(),
        ErrorKind::InvalidWallTime { .. }
    ));
    assert_eq!(
        "24:30".parse::<WallTime>().unwrap_err().to_string(),
        "invalid wall time `24:30`: expected `HH:MM` or `HH:MM:SS` from `00:00` to `24:00`"
    );
    for bad in ["", "8", "08:", "08:60", "-1:00", "08:00:00:00", "٠٨:٠٠"] {
        assert!(bad.parse::<WallTime>().is_err(), "{bad}");
    }
    assert_eq!(
        "24:00-02:00".parse::<Shift>().unwrap_err().to_string(),
        "invalid shift `24:00-02:00`: a shift cannot start at 24:00"
    );
    assert!(time_zone("Europe/Pariss").is_err());

    let closed =
        BusinessCalendar::new(time_zone("Europe/Paris").unwrap(), WeeklySchedule::new()).unwrap();
    let t = ts("2026-11-20T10:00:00Z");
    assert!(matches!(
        closed
            .add(t, SignedDuration::from_hours(1))
            .unwrap_err()
            .kind(),
        ErrorKind::NoOpenTime
    ));
    assert!(matches!(
        closed.next_open(t).unwrap_err().kind(),
        ErrorKind::NoOpenTime
    ));
    assert_eq!(
        closed.between(t, ts("2026-12-20T10:00:00Z")).unwrap(),
        SignedDuration::ZERO
    );

    let cal = desk();
    assert!(matches!(
        cal.add(t, SignedDuration::from_secs(-1))
            .unwrap_err()
            .kind(),
        ErrorKind::NegativeDuration { .. }
    ));
    assert!(matches!(
        cal.between(t, ts("2300-01-01T00:00:00Z"))
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange { .. }
    ));
    assert!(matches!(
        cal.add(Timestamp::MAX, SignedDuration::ZERO)
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange { .. }
    ));
    assert!(matches!(
        cal.add(t, SignedDuration::from_hours(24 * 365 * 500))
            .unwrap_err()
            .kind(),
        ErrorKind::OutOfRange { .. }
    ));
    assert!(
        BusinessCalendar::builder(time_zone("UTC").unwrap(), WeeklySchedule::always_open())
            .years(2030, 2020)
            .build()
            .is_err()
    );
    assert!(
        BusinessCalendar::builder(time_zone("UTC").unwrap(), WeeklySchedule::always_open())
            .years(i16::MAX - 1, i16::MAX)
            .build()
            .is_err()
    );
}

// ---------------------------------------------------------------- properties

const ZONES: [&str; 6] = [
    "UTC",
    "Europe/Paris",
    "Australia/Lord_Howe",
    "America/Santiago",
    "Pacific/Apia",
    "Asia/Kathmandu",
];

fn shift() -> impl Strategy<Value = Shift> {
    // Quarter hours, plus the odd second, including overnight and whole days.
    (0u32..96, 0u32..=96, 0u32..60).prop_map(|(a, b, s)| {
        let t = |q: u32| WallTime::new(q / 4, q % 4 * 15, 0).unwrap();
        let start = if s == 7 {
            WallTime::new(a / 4, a % 4 * 15, 7).unwrap()
        } else {
            t(a)
        };
        Shift::new(start, t(b)).unwrap()
    })
}

fn calendar() -> impl Strategy<Value = BusinessCalendar> {
    (
        proptest::sample::select(ZONES.to_vec()),
        proptest::collection::vec((0i8..7, shift()), 1..8),
        proptest::collection::vec((0i16..2, 1i8..=12, 1i8..=28), 0..4),
        any::<bool>(),
    )
        .prop_map(|(zone, shifts, holidays, shift_start)| {
            let mut week = WeeklySchedule::new();
            for (d, s) in shifts {
                week.add(Weekday::from_monday_zero_offset(d).unwrap(), s);
            }
            BusinessCalendar::builder(time_zone(zone).unwrap(), week)
                .holidays(holidays.into_iter().map(|(y, m, d)| date(2026 + y, m, d)))
                .holiday_mode(if shift_start {
                    HolidayMode::ShiftStart
                } else {
                    HolidayMode::CalendarDay
                })
                .years(2025, 2029)
                .build()
                .unwrap()
        })
}

fn instant() -> impl Strategy<Value = Timestamp> {
    // 2026-01-01 .. 2027-12-31, to the second.
    (1_767_225_600i64..1_830_211_200).prop_map(|s| Timestamp::from_second(s).unwrap())
}

fn amount() -> impl Strategy<Value = SignedDuration> {
    prop_oneof![
        (0i64..3600).prop_map(SignedDuration::from_secs),
        (0i64..(30 * 86_400)).prop_map(SignedDuration::from_secs),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[cfg(feature = "serde")]
    #[test]
    fn a_stored_calendar_comes_back_the_same(cal in calendar(), a in instant(), b in instant()) {
        let json = serde_json::to_string(&cal).unwrap();
        let back: BusinessCalendar = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &cal, "{}", json);
        prop_assert_eq!(back.between(a, b).unwrap(), cal.between(a, b).unwrap());
    }

    #[test]
    fn between_undoes_add(cal in calendar(), a in instant(), d in amount()) {
        // A sparse schedule may need more than the calendar's years.
        let due = match cal.add(a, d) {
            Err(e) if matches!(e.kind(), ErrorKind::OutOfRange { .. }) => return Ok(()),
            due => due.unwrap(),
        };
        prop_assert!(due >= a);
        prop_assert_eq!(cal.between(a, due).unwrap(), d);
        if d.is_positive() {
            // The due instant closes a stretch of open time: just before it
            // the desk was open.
            prop_assert!(cal.is_open(due - SignedDuration::from_nanos(1)).unwrap());
        } else {
            prop_assert!(cal.is_open(due).unwrap());
        }
    }

    #[test]
    fn add_is_monotonic(cal in calendar(), a in instant(), b in instant(), d in amount(), e in amount()) {
        let (a, b) = (a.min(b), a.max(b));
        let (d, e) = (d.min(e), d.max(e));
        let add = |t, x| cal.add(t, x).ok();
        if let (Some(ad), Some(ae), Some(bd)) = (add(a, d), add(a, e), add(b, d)) {
            prop_assert!(ad <= ae);
            prop_assert!(ad <= bd);
        }
    }

    #[test]
    fn between_is_additive_and_antisymmetric(cal in calendar(), a in instant(), b in instant(), c in instant()) {
        let ab = cal.between(a, b).unwrap();
        prop_assert_eq!(ab + cal.between(b, c).unwrap(), cal.between(a, c).unwrap());
        prop_assert_eq!(cal.between(b, a).unwrap(), -ab);
        let open = cal.is_open(a).unwrap();
        prop_assert_eq!(cal.between(a, a + SignedDuration::from_nanos(1)).unwrap().is_positive(), open);
    }

    #[test]
    fn next_open_and_close_bracket_an_opening(cal in calendar(), t in instant()) {
        let open = cal.next_open(t).unwrap();
        prop_assert!(open >= t);
        prop_assert!(cal.is_open(open).unwrap());
        prop_assert_eq!(cal.between(t, open).unwrap(), SignedDuration::ZERO);
        if let Some(close) = cal.next_close(t).unwrap() {
            prop_assert!(close > open);
            prop_assert!(!cal.is_open(close).unwrap());
            prop_assert_eq!(cal.between(open, close).unwrap(), close.duration_since(open));
        }
    }

    /// Years are computed when first used, and spans of many years go
    /// through running totals: answers must not depend on which years were
    /// computed first, nor on how far apart the instants are.
    #[test]
    fn long_spans_agree_with_the_years_they_cross(
        cal in calendar(),
        a in 0i64..36_500,
        b in 0i64..36_500,
        d in 0i64..(40 * 365 * 86_400),
    ) {
        let rebuilt = |years: (i16, i16)| {
            BusinessCalendar::builder(cal.time_zone().clone(), cal.schedule().clone())
                .holidays(cal.holidays().iter().copied())
                .holiday_mode(cal.holiday_mode())
                .years(years.0, years.1)
                .build()
                .unwrap()
        };
        let century = rebuilt((2000, 2100));
        let day = |n: i64| Timestamp::from_second(946_728_000 + n * 86_400).unwrap();
        let (a, b) = (day(a.min(b)), day(a.max(b)));
        // Year by year, in a fresh calendar, from the end backwards.
        let fresh = rebuilt((2000, 2100));
        let mut walked = SignedDuration::ZERO;
        let mut t = b;
        while t > a {
            let step = (t - SignedDuration::from_hours(24 * 300)).max(a);
            walked += fresh.between(step, t).unwrap();
            t = step;
        }
        prop_assert_eq!(century.between(a, b).unwrap(), walked);
        prop_assert_eq!(century.between(b, a).unwrap(), -walked);
        let amount = SignedDuration::from_secs(d);
        match century.add(a, amount) {
            Ok(due) => prop_assert_eq!(fresh.between(a, due).unwrap(), amount),
            Err(e) => prop_assert!(matches!(e.kind(), ErrorKind::OutOfRange { .. } | ErrorKind::NoOpenTime), "{e}"),
        }
    }

    #[test]
    fn an_always_open_calendar_is_plain_time(zone in proptest::sample::select(ZONES.to_vec()), a in instant(), b in instant(), d in amount()) {
        let cal = BusinessCalendar::builder(time_zone(zone).unwrap(), WeeklySchedule::always_open())
            .years(2025, 2029)
            .build()
            .unwrap();
        prop_assert_eq!(cal.between(a, b).unwrap(), b.duration_since(a));
        prop_assert_eq!(cal.add(a, d).unwrap(), a + d);
    }
}

#[cfg(feature = "serde")]
#[test]
fn stored_calendars_keep_overrides_and_refuse_bad_input() {
    let cal = BusinessCalendar::builder(
        time_zone("America/Montreal").unwrap(),
        WeeklySchedule::new().monday_to_friday("09:00-17:00".parse().unwrap()),
    )
    .holidays([date(2026, 12, 25)])
    .override_date(date(2026, 12, 24), vec!["09:00-12:00".parse().unwrap()])
    .override_date(date(2026, 12, 26), vec![])
    .years(2026, 2027)
    .build()
    .unwrap();
    let json = serde_json::to_string(&cal).unwrap();
    assert_eq!(
        json,
        r#"{"time_zone":"America/Montreal","schedule":{"monday":["09:00-17:00"],"tuesday":["09:00-17:00"],"wednesday":["09:00-17:00"],"thursday":["09:00-17:00"],"friday":["09:00-17:00"]},"holidays":["2026-12-25"],"overrides":{"2026-12-24":["09:00-12:00"],"2026-12-26":[]},"years":[2026,2027]}"#
    );
    let back: BusinessCalendar = serde_json::from_str(&json).unwrap();
    assert_eq!(back, cal);
    assert_eq!(back.overrides().len(), 2);
    assert_eq!(back.years(), (2026, 2027));

    // A fixed offset and a POSIX TZ string are zones too.
    let fixed: BusinessCalendar =
        serde_json::from_str(r#"{"time_zone":"+05:30","schedule":{"sunday":["00:00-00:00"]}}"#)
            .unwrap();
    assert_eq!(fixed.schedule().weekly_seconds(), 86_400);

    for (bad, says) in [
        (
            r#"{"time_zone":"Mars/Olympus","schedule":{}}"#,
            "Mars/Olympus",
        ),
        (r#"{"time_zone":"UTC","schedule":{"funday":[]}}"#, "funday"),
        (
            r#"{"time_zone":"UTC","schedule":{"monday":["9-5"]}}"#,
            "wall time `9`",
        ),
        (
            r#"{"time_zone":"UTC","schedule":{},"years":[2030,2020]}"#,
            "2030",
        ),
        (
            r#"{"time_zone":"UTC","schedule":{},"holiday_mode":"sometimes"}"#,
            "sometimes",
        ),
        (
            r#"{"time_zone":"UTC","schedule":{},"colour":"blue"}"#,
            "colour",
        ),
        (r#"{"schedule":{}}"#, "time_zone"),
    ] {
        let err = serde_json::from_str::<BusinessCalendar>(bad).unwrap_err();
        assert!(err.to_string().contains(says), "{bad}: {err}");
    }
}

/// What a wall time reads as, by the letter of its documentation: one or two
/// ASCII digits for hours and minutes, optionally seconds, from `00:00` to
/// `24:00`.
fn wall_time_by_the_rule(s: &str) -> Option<u32> {
    let form = regex::Regex::new(r"^([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2}))?$").unwrap();
    let parts = form.captures(s)?;
    let field = |i: usize| {
        parts
            .get(i)
            .map_or(0, |m| m.as_str().parse::<u32>().unwrap())
    };
    let (h, m, sec) = (field(1), field(2), field(3));
    let inside = m < 60 && sec < 60 && (h < 24 || (h, m, sec) == (24, 0, 0));
    inside.then_some(h * 3600 + m * 60 + sec)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_wall_time_reads_as_its_rule_says(s in prop_oneof![
        proptest::collection::vec("[0-9]{0,3}", 1..5).prop_map(|fields| fields.join(":")),
        "[0-9:٠x]{0,9}",
    ]) {
        let read = s.parse::<WallTime>();
        prop_assert_eq!(read.as_ref().ok().map(|t| t.seconds()), wall_time_by_the_rule(&s), "{}", s);
        if let Ok(t) = read {
            prop_assert_eq!(t.to_string().parse::<WallTime>().unwrap(), t);
        }
    }
}

proptest! {
    #[test]
    fn a_schedule_keeps_each_days_shifts_as_given(
        added in proptest::collection::vec((0i8..7, shift()), 0..20),
        whole_week in proptest::option::of(shift()),
        working_days in proptest::option::of(shift()),
    ) {
        let day = |d: i8| Weekday::from_monday_zero_offset(d).unwrap();
        let mut week = WeeklySchedule::new();
        for &(d, s) in &added {
            week.add(day(d), s);
        }
        week = whole_week.into_iter().fold(week, WeeklySchedule::every_day);
        week = working_days.into_iter().fold(week, WeeklySchedule::monday_to_friday);
        for d in 0..7 {
            let mut expected: Vec<Shift> =
                added.iter().filter(|&&(e, _)| e == d).map(|&(_, s)| s).collect();
            expected.extend(whole_week);
            expected.extend(working_days.filter(|_| d < 5));
            prop_assert_eq!(week.shifts(day(d)), &expected[..], "day {}", d);
        }
    }
}
