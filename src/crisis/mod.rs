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
//!   during the first week, each hour of the day) the detector expects the
//!   median volume of that hour over the last six weeks (seven days), on the
//!   Anscombe scale `sqrt(count + 3/8)`, where counts of any size have about
//!   the same spread, with the median of those hours' spreads around it as
//!   the scale; and the usual share of negatives, shrunk towards the hour of
//!   the day and the whole stream when an hour has seen few messages, with
//!   the stream's own over-dispersion. The hours are civil hours in the
//!   settings' time zone, so a Friday evening is compared with Friday
//!   evenings, and summer time moves nothing. A crisis is one hour among
//!   six and barely moves a median, and an incident's negatives are learnt
//!   only up to a few standard deviations: one crisis does not hide the
//!   next, nor teach an hour to expect bursts. The baseline is a fixed set
//!   of 168 + 24 slots of at most seven hours each: its size does not grow
//!   with the stream.
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
//! | NAB `realTweets`, 6 series | 74.2 (per series 61.3 to 86.4) | 20 of 21 | 1.51 |
//! | the same 6 series started 1 to 6 days later (`--later 1,2,3,4,5,6`) | 74.4 | 95 of 98 | 1.39 |
//! | synthetic French care desks, seeds 1 to 10 of `simulate.py`, 30 series | 95.0 | 89 of 90 | 0.08 |
//!
//! The one NAB incident the folds miss that the shipped settings find is
//! on PFE, a quiet series (about one tweet in five minutes) where the
//! watch threshold decides: the other series pull its fold to a watch of 6,
//! which scores PFE 62.9 (3 of 4), against 82.3 (4 of 4) at the shipped 4.5.
//! On the busier series the recent peaks and the record of the week set the
//! bar at most thresholds (AAPL and FB score the same from 3 to 6).
//!
//! **The same series, started later.** A series that starts on another
//! day meets the same incidents with another history behind it: other
//! young hours of the week, another record of the week, other recent peaks.
//! `crisis_cv --later 1,2,3,4,5,6` replays every series started one to six
//! days later and scores the windows that still start after the scorer's
//! probation; a series is never scored with a setting chosen on another
//! start of itself. It measured an earlier detector at 64.8 (87 of 98)
//! where the series from their first bucket said 78.7, much nearer than
//! that to what an independent check measured on four NAB series never
//! shown here, with that detector: 62.5 (10 of 12, 1.34 false alarms a
//! week). The figure to expect on unseen series is the started-later one.
//! With the shipped settings:
//!
//! | set (`crisis_cv` with the defaults) | NAB standard score | incidents found | false alarms per week |
//! |---|---|---|---|
//! | NAB `realTweets` from their first bucket | 78.8 | 21 of 21 | 1.56 |
//! | started 1 to 6 days later | 75.6 | 97 of 98 | 1.44 |
//! | every message kept with probability 1/2 (`--thin 0.5,0.5,0.5,0.5,0.5,0.5`: a smaller brand with the same incidents) | 75.4 | 120 of 126 | 1.40 |
//! | synthetic care desks, seeds 1 to 10 | 94.5 | 89 of 90 | 0.09 |
//! | the same started later / thinned | 94.7 / 88.0 | 534 / 507 of 540 | 0.07 / 0.09 |
//! | synthetic care desks, seeds 11 to 20, first run after the last change to the detector | 91.1 | 86 of 90 | 0.14 |
//! | synthetic care desks, seeds 21 to 100, first run later still, used to choose nothing | 93.6 | 705 of 720 | 0.11 |
//!
//! Before each hour expected the median of its last weeks, it learnt a
//! robust, exponentially weighted location and scale, clipped to three
//! scales, and a weekly slot learnt its first hour at full weight: a burst
//! in that hour (UPS, a Sunday morning, when the series started three to
//! six days later) left the slot expecting bursts for weeks, and the next
//! incident there passed unseen. That baseline scored 78.7 (21 of 21, 1.41
//! a week) from the first bucket, 73.3 (94 of 98, 1.28) started later and
//! 61.9 (101 of 126, 1.29) thinned, and 73.8 (20 of 21) and 67.2 (88 of 98)
//! by cross-validation: the medians find 3 and 5 more incidents on the
//! probes and 6 more across both cross-validated sets, for about 0.1 more
//! false alarm a week.
//!
//! **Quiet streams.** The three-bucket test divides its z-scores by the
//! stream's inflation of them ([`Evidence::recent_volume_z`]). It was once
//! the ratio to single buckets' z-scores however small those were, and on
//! a stream of a message or two in five minutes they are small for a
//! reason that has nothing to do with dependence: such counts vary less
//! on the Anscombe scale than the scale's floor says. The sums' z-scores
//! came out about twice too small there, and an incident that lasts hours
//! at five or six messages a bucket, where one is usual, stayed under the
//! bar. Taking the single buckets as at least calibrated, thinned NAB went
//! from 65.8 (106 of 126, 1.35 a week) to 75.4 (120 of 126, 1.40), and
//! with each message kept with probability 0.1, from 48.9 (40 of 63, 1.03)
//! to 56.8 (44 of 63, 0.93); the series as they are gave 78.8 either way
//! (1.54 and 1.56 false alarms a week), started later 76.0 and 75.6 (97
//! of 98 both). Cross-validated with the thinned series among those the
//! folds learn from (the README's grid and `--thin 0.5,0.5,0.5,0.5,0.5,0.5`),
//! thinned NAB went from 63.7 (106 of 126) to 73.7 (120 of 126), and the
//! folds now choose the shipped watch of 4.5 where they chose 4.
//!
//! When each fold must choose among the settings that
//! keep the series it learns from under the issue's false-alarm caps (1.5
//! a week on NAB, 0.3 on the synthetic desks: `crisis_cv
//! ../shared/data/crisis/nab-realtweets:1.5 /tmp/care-1:0.3 ...
//! /tmp/care-10:0.3` with the same grid, and the thinned series), NAB
//! scores 74.4 (20 of 21, 1.49 a week), 74.6 started later (95 of 98) and
//! 55.2 thinned (92 of 126).
//! The spread between series is large, and these figures are
//! expectations, not promises.
//!
//! `crisis_cv` also prints each incident window's margin under the shipped
//! settings (the highest [`Evidence::margin`] in the window): on the six
//! NAB series the smallest is 1.03, the quartiles 1.17 / 1.31 / 1.55, and
//! 9 of the 21 windows are found at a margin under 1.25: a score a fifth
//! lower in those windows would have raised nothing. Started later, the
//! smallest is 0.83 (it was 0.35, the UPS Sunday). The synthetic care desks
//! have more room (the 9 shipped windows from 1.18; of the 90 windows of
//! ten seeds, 1 under 1.1: a two-hour outage on the smallest desk, about 6
//! messages a quarter of an hour, 0.76).
//!
//! **Where it meets its limit: a small desk's short outage.** Of the 15
//! incidents missed on the eighty desks of seeds 21 to 100 (`simulate.py
//! /tmp/care-N --seed N` for each, then `crisis_cv /tmp/care-{21..100}`),
//! 14 are the
//! two-hour outage on the smallest desk (600 messages a day: about two
//! negatives a quarter of an hour, tripled), found 66 times in 80; its
//! slow build was missed once, everything else never. Over seeds 1 to
//! 100, a desk's three incidents were all found at 0.3 false alarms a
//! week or fewer on 79 desks of 100. Nothing measured did better there:
//! the accumulated evidence's bar and drift trade these misses for false
//! alarms about one for one (a bar of 6 instead of 8 missed 12 incidents
//! instead of 20, with 29 desks over 0.3 a week instead of 2), and
//! accumulating the count of negatives as well as their share (an outage
//! leaves the other messages as they were) found 2 more of the 20. On NAB
//! thinned to a quarter, a Poisson tail test of the volume, in place of
//! the Anscombe scale's floor, found 81 to 83 incidents of 84 instead of
//! 74, but lost 3 to 8 of the 98 on the series as they are, started later
//! (PFE, UPS): a quiet stream of real tweets is burstier than a thinned
//! one. Neither was kept.
//!
//! On the series the settings were chosen on, the default settings, the
//! same for every series
//! (`cargo run --release --example crisis_eval -- DIR > alerts.csv`, then
//! `score.py DIR alerts.csv` from the evaluation tools):
//!
//! | set | NAB standard score | incidents found | false alarms per week |
//! |---|---|---|---|
//! | NAB `realTweets`, 6 series, 5-minute buckets of tweet volume | 78.8 | 21 of 21 | 1.56 |
//! | synthetic French care desk, 3 series, 15-minute buckets with negatives | 97.6 | 9 of 9 | 0 |
//!
//! For comparison on the same NAB series: a seasonal robust z-score 66.9
//! (20 of 21, 2.3 a week; started later 60.9, 92 of 98; thinned 56.3, 101
//! of 126), Numenta HTM 69.0 (17 of 21, 0.74), ARTime 82.0 (21 of 21,
//! 1.19). The z-score is causal like this detector; HTM and ARTime, as NAB
//! runs them, are not: NAB gives every detector the series' minimum and
//! maximum before its first bucket, HTM sizes its encoder from them and
//! ARTime scales every value by them. Given only the values seen so far,
//! the same ARTime algorithm scores 56.4 (14 of 21) on these series
//! (measured with a re-statement of the published algorithm, which gives
//! back 82.0 when handed the whole series' range).
//! On the care desk the detector raises nothing on the benign surges (a
//! campaign, a TV mention) and finds the slow build. On NAB the labelled
//! incidents are the largest of many bursts, and this detector still raises
//! about 1.5 false alarms a week on those series (the record of the week
//! brought that down from 2.6, and the score up from 67.9).
//!
//! Speed (`cargo bench --bench crisis`, on a 2-core machine where the
//! detector before the median baseline measured 12.4, 13.1 and 21.5 the
//! same day): about 10.5 million buckets a second on one core for one
//! stream fed a year of 5-minute buckets, with negatives or volume only,
//! and 18.5 million across 10,000 streams fed a day each. A detector holds
//! about 25 KiB whatever the stream's length (24 KiB on the heap, its
//! hourly slots and shares, and 1 KiB inline, counted by an allocator
//! after eight weeks; 11 KiB before the median baseline).

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
