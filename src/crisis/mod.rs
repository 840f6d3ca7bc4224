//! Crisis detection: take the temperature of a stream, raise the alarm
//! early, say why, and say when it is over.
//!
//! A stream is whatever the desk watches: a brand's mentions, a topic, a
//! tag, a channel. It arrives as time buckets ([`Bucket`]: how many
//! messages, and how many negative when known), in order, and a
//! [`Detector`] judges each one against what that hour of that weekday
//! usually holds. Callers with interactions rather than counts use a
//! [`StreamWatcher`], which fills the buckets from customers' messages and
//! their sentiment and names the messages and authors driving each alert;
//! a [`Monitor`] splits one flow of interactions into many streams (the
//! brand as a whole, each channel, tag or language: [`StreamKey`]).
//!
//! ```
//! use social_crm::crisis::{AlertKind, Bucket, Detector, Escalation, Level, Settings};
//! use social_crm::jiff::{SignedDuration, Timestamp};
//!
//! let width = SignedDuration::from_mins(15);
//! let paris = social_crm::time::posix_time_zone("CET-1CEST,M3.5.0,M10.5.0/3")?;
//! let settings = Settings::new(width)?
//!     .with_time_zone(paris)
//!     .with_escalation(
//!         Escalation::new()
//!             .at(Level::Watch, ["desk-lead"])
//!             .at(Level::Crisis, ["comms-director"]),
//!     );
//! let mut detector = Detector::new("cafelia", settings);
//!
//! // Three ordinary weeks: busier by day, a fifth of messages negative.
//! let mut at: Timestamp = "2026-11-02T00:00:00+01:00".parse()?;
//! for i in 0..(21 * 96) {
//!     let hour = (i / 4) % 24;
//!     let total = if (8..22).contains(&hour) { 40 + i % 7 } else { 4 + i % 3 };
//!     let step = detector.push(Bucket::new(at, total).with_negative(total / 5)?)?;
//!     assert!(step.alerts.is_empty(), "{:?}", step.alerts);
//!     at = at.checked_add(width)?;
//! }
//!
//! // A Friday evening: a bad answer goes viral.
//! let step = detector.push(Bucket::new(at, 130).with_negative(100)?)?;
//! let alert = &step.alerts[0];
//! assert_eq!(alert.kind, AlertKind::Raised);
//! assert_eq!(alert.level, Level::Crisis);
//! assert_eq!(alert.escalate_to, ["desk-lead", "comms-director"]);
//! println!("{alert}");
//!
//! // Back to normal: the all-clear comes after two calm hours.
//! let mut cleared = false;
//! for _ in 0..12 {
//!     at = at.checked_add(width)?;
//!     let step = detector.push(Bucket::new(at, 42).with_negative(8)?)?;
//!     cleared |= step.alerts.iter().any(|a| a.kind == AlertKind::AllClear);
//! }
//! assert!(cleared);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How it judges
//!
//! - **A baseline that knows the cycle.** For each hour of the week (and,
//!   during the first week, each hour of the day) the detector learns the
//!   usual volume on the Anscombe scale `sqrt(count + 3/8)`, where counts of
//!   any size have about the same spread, as a robust, exponentially
//!   weighted location and scale; and the usual share of negatives, shrunk
//!   towards the hour of the day and the whole stream when an hour has seen
//!   few messages, with the stream's own over-dispersion. The hours are
//!   civil hours in the settings' time zone, so a Friday evening is compared
//!   with Friday evenings, and summer time moves nothing. Observations are
//!   clipped to three scales before they are learnt: one crisis moves the
//!   baseline by a bounded amount and does not hide the next one. The
//!   baseline is a fixed set of 168 + 24 slots: its size does not grow with
//!   the stream.
//! - **Statistics, not fixed thresholds.** With negatives known, a bucket is
//!   judged on a binomial z-score of its negatives given its volume (the
//!   mood), and, once that is clearly up, on its negatives against the
//!   usual count (see [`Signal::NegativeShare`]). A surge of ordinary
//!   messages, a campaign or a TV mention, does not alarm. With volume only,
//!   it is judged on the robust z-score of the volume: of the bucket, or of
//!   the last three buckets together when that is larger
//!   ([`Evidence::recent_volume_z`]: their sum's z-score over the stream's
//!   own inflation of such z-scores, learnt as it goes, since neighbouring
//!   buckets are not independent). A rise that lasts a quarter of an hour
//!   shows even on a quiet stream, where no single bucket holds enough
//!   messages for a large z-score.
//! - **Spikes and slow builds.** A bucket far above the baseline raises at
//!   once; evidence that builds over hours is accumulated (a one-sided CUSUM
//!   on the negative share) and raises when it adds up.
//! - **Its own bar.** A stream whose ordinary days already hold bursts
//!   raises its own bar: thresholds are scaled by the stream's recent peaks
//!   (half-life three days) and by its record of the week, so that a spike
//!   is news only when at most one of the last seven days (and today so
//!   far) saw a larger one. The hundredth bot burst of the month does not
//!   page anyone, one incident in the week does not mask the next, and a
//!   new record always alarms. Every bucket's [`Evidence`] carries the bars
//!   it was held to ([`Evidence::score_bar`], [`Evidence::accumulated_bar`])
//!   and how far past them it stood ([`Evidence::margin`], 1 and up
//!   alarms): why a burst was not news, and how close an incident came to
//!   passing unseen.
//! - **How sure, and how big.** The level says both: a z-score past
//!   [`Sensitivity::watch`], [`Sensitivity::warning`] or
//!   [`Sensitivity::crisis`] (or accumulated evidence past one, two or four
//!   times [`Sensitivity::build`]); and, once a bucket is alarming, at least
//!   a warning from three times the usual count (of negatives when known)
//!   and a crisis from ten times. A small desk flooded with complaints is in
//!   a crisis even when its counts are too small for a large z-score.
//! - **Episodes, not buckets.** An alert is raised once per episode, then
//!   escalated (watch, warning, crisis) when the evidence grows, and cleared
//!   explicitly after two calm hours ([`AlertKind::AllClear`]). Every alert
//!   carries its [`Evidence`] (observed against expected, the statistic and
//!   the accumulated evidence, the share of negatives), the [`Episode`] so
//!   far, whom to tell ([`Escalation`]) and, from a [`StreamWatcher`], the
//!   messages and authors driving it ([`Drivers`]).
//! - **A warm-up, said as such.** For its first day, and for any hour it
//!   has never seen, the detector says [`Status::Learning`] rather than
//!   guess.
//! - **Plain state.** A [`Detector`] (and a [`StreamWatcher`]) is a plain
//!   value: with the `serde` feature it can be stored and restored, and a
//!   restored detector raises exactly the alerts it would have raised had it
//!   never stopped. Feeding is causal: the judgement of a bucket uses only
//!   that bucket and earlier ones.
//!
//! # Measured
//!
//! **What to expect on streams the settings were not chosen on**:
//! leave-one-series-out cross-validation (`examples/crisis_cv`: for each
//! series, the setting with the best NAB score on all the others, scored on
//! the one left out). Choosing among 54 settings (watch 4 to 7, peak
//! half-life 6 to 72 hours, all-clear after 2 to 24 hours) on the six NAB
//! series and thirty synthetic ones together (the command in the README):
//!
//! | set | cross-validated NAB standard score | incidents found | false alarms per week |
//! |---|---|---|---|
//! | NAB `realTweets`, 6 series | 73.8 (per series 53.0 to 88.2) | 20 of 21 | 1.49 |
//! | the same 6 series started 1 to 6 days later (`--later 1,2,3,4,5,6`) | 67.2 | 88 of 98 | 1.35 |
//! | synthetic French care desks, seeds 1 to 10 of `simulate.py`, 30 series | 95.1 | 89 of 90 | 0.10 |
//!
//! **The same series, started later.** A series that starts on another
//! day meets the same incidents with another history behind it: other
//! young hours of the week, another record of the week, other recent peaks.
//! `crisis_cv --later 1,2,3,4,5,6` replays every series started one to six
//! days later and scores the windows that still start after the scorer's
//! probation; a series is never scored with a setting chosen on another
//! start of itself. With the shipped settings the NAB series score 73.3
//! there (94 of 98 windows, 1.28 false alarms a week), against 78.7 from
//! their first bucket. Before the test of three buckets together they
//! scored 64.8 (87 of 98, 1.39 a week), much nearer than 78.7 to what an
//! independent check measured on four NAB series never shown here, with
//! the detector of that time: 62.5 (10 of 12, 1.34 a week). The windows
//! the three-bucket test gained there are one slow rise on PFE, a quiet
//! series (about one tweet in five minutes), which the single buckets
//! passed at a margin of 1.12 from the first start and missed from every
//! later one, and one of AAPL's; the four still missed are one burst on
//! UPS, on a Sunday morning whose weekly slot first met another burst. The
//! figure to expect on unseen series is the started-later one, not the one
//! from the first bucket. A smaller brand with the same incidents is harder
//! still: with every message kept with probability one half (`crisis_cv
//! --thin 0.5,0.5,0.5,0.5,0.5,0.5`, six draws) the NAB series score 61.9
//! (101 of 126 windows, 1.29 false alarms a week; 60.9 and 100 of 126
//! before the three-bucket test) and the synthetic desks 85.8 (49 of 54).
//!
//! On the synthetic desks the shipped settings were chosen on another seed,
//! so they are unseen there as they are: 94.5, 89 of 90 incidents, 0.09
//! false alarms a week (the one miss is a two-hour outage on the smallest
//! desk, about 6 messages a quarter of an hour; started later, 534 of 540).
//! Choosing `build` and `drift` by cross-validation does not do better
//! (94.2, with a cap of 0.3 false alarms a week on the training series,
//! measured before the three-bucket test, which leaves these desks
//! unchanged: their buckets say how many messages were negative).
//!
//! On the NAB series alone the same grid gives 75.3 (20 of 21, 1.31 a
//! week). Every fold chose the shipped watch of 4.5 or a neighbour; the
//! synthetic desks pull the half-life to 24 hours, which costs NAB false
//! alarms (1.59 a week on its own series), so the shipped 72 hours stay.
//! The rule of the record of the week was checked the same way (with a
//! variant of the code, not kept, before the three-bucket test), as the
//! rank of the daily peak a spike must beat: none 64.8, the highest 59.0,
//! the second (shipped) 74.4, the third 71.5. When each fold must choose
//! among the settings that keep the series it learns from under the
//! issue's false-alarm caps (1.5 a week on NAB, 0.3 on the synthetic desks:
//! `crisis_cv ../shared/data/crisis/nab-realtweets:1.5 /tmp/care-1:0.3 ...
//! /tmp/care-10:0.3` with the same grid), the cross-validated NAB figure is
//! 74.4 (20 of 21, 1.41 a week; per series 53.0 to 90.0; 66.3 and 18 of 21
//! before the three-bucket test), and 67.9 started later (88 of 98). The
//! watch threshold matters most on the quieter series (CRM, PFE: 90.0 and
//! 84.9 at 4.5, 59.5 and 20.5 at 6); on the busier ones the peaks and the
//! record of the week set the bar at most thresholds (AAPL, FB, GOOG, UPS
//! move by at most 1.8 from 3 to 6). The spread between series is large,
//! and these figures are expectations, not promises. `crisis_cv` also
//! prints each incident window's margin under the shipped settings (the
//! highest [`Evidence::margin`] in the window): on the six NAB series the
//! smallest is 1.00 (PFE, the window that sets the watch threshold), the
//! quartiles 1.19 / 1.28 / 1.89, and 8 of the 21 windows are found at a
//! margin under 1.25: a score a fifth lower in those windows would have
//! raised nothing. The synthetic care desks have more room (the 9 shipped
//! windows from 1.18; of the 90 windows of ten seeds, 1 under 1.1: the
//! outage on the smallest desk, 0.76).
//!
//! On the series the settings were chosen on, the default settings, the
//! same for every series
//! (`cargo run --release --example crisis_eval -- DIR > alerts.csv`, then
//! `score.py DIR alerts.csv` from the evaluation tools):
//!
//! | set | NAB standard score | incidents found | false alarms per week |
//! |---|---|---|---|
//! | NAB `realTweets`, 6 series, 5-minute buckets of tweet volume | 78.7 | 21 of 21 | 1.41 |
//! | synthetic French care desk, 3 series, 15-minute buckets with negatives | 97.6 | 9 of 9 | 0 |
//!
//! For comparison on the same NAB series: a seasonal robust z-score 66.9
//! (20 of 21, 2.3 a week), Numenta HTM 69.0 (17 of 21, 0.74), ARTime 82.0
//! (21 of 21, 1.19). The z-score is causal like this detector; HTM and
//! ARTime, as NAB runs them, are not: NAB gives every detector the series'
//! minimum and maximum before its first bucket, HTM sizes its encoder from
//! them and ARTime scales every value by them. Given only the values seen
//! so far, the same ARTime algorithm scores 56.4 (14 of 21) on these series
//! (measured with a re-statement of the published algorithm, which gives
//! back 82.0 when handed the whole series' range).
//! On the care desk the detector raises nothing on the benign surges (a
//! campaign, a TV mention) and finds the slow build. On NAB the labelled
//! incidents are the largest of many bursts, and this detector still raises
//! about 1.4 false alarms a week on those series (the record of the week
//! brought that down from 2.6, and the score up from 67.9; the three-bucket
//! test from 1.44 to 1.41).
//!
//! Speed (`cargo bench --bench crisis`, on a 2-core machine where the
//! detector before the three-bucket test measured 6.4, 8.0 and 10.2 the
//! same day): about 6.5 million buckets a second on one
//! core for one stream fed a year of 5-minute buckets with negatives, 6.6
//! million with volume only (the three-bucket test costs 13 % more
//! instructions per bucket: callgrind, `crisis_eval` on the NAB series),
//! 10 million across 10,000 streams fed a day each; a detector holds
//! about 10 KiB whatever the stream's length.

mod baseline;
mod bucket;
mod detector;
mod monitor;
mod watch;

pub use bucket::Bucket;
pub use detector::{
    Alert, AlertKind, Detector, Episode, Escalation, Evidence, Level, Sensitivity, Settings,
    Signal, Status, Step, Trigger,
};
pub use monitor::{Monitor, StreamKey, StreamKind};
pub use watch::{Drivers, DrivingAuthor, DrivingMessage, StreamWatcher};
