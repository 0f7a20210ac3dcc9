//! The midnight census of a ward, counted from bed assignments (never typed in):
//! opening + admitted + transferred in − transferred out − discharged − died = closing.
//!
//! Days are Indian Standard Time days, midnight to midnight, as the registers keep them.

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// One assignment of an admission to a bed of some ward, with what the census needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Stay {
    pub ward: Uuid,
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    /// The admission's first bed: starting here is an admission, not a transfer in.
    pub first: bool,
    /// When the admission ended, and whether in death.
    pub discharged: Option<(DateTime<Utc>, bool)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Census {
    pub opening: i64,
    pub admitted: i64,
    pub transferred_in: i64,
    pub transferred_out: i64,
    pub discharged: i64,
    pub died: i64,
    pub closing: i64,
}

impl Census {
    /// Whether the day's movements explain the change from opening to closing.
    pub fn balances(&self) -> bool {
        self.opening + self.admitted + self.transferred_in
            - self.transferred_out
            - self.discharged
            - self.died
            == self.closing
    }
}

/// In the bed at the stroke of `t`: arrived before it, left at it or later (so a
/// patient arriving at `t` counts as a movement of the day that begins at `t`).
fn in_bed_at(s: &Stay, t: DateTime<Utc>) -> bool {
    s.start < t && s.end.is_none_or(|e| e >= t)
}

/// The census of `ward` for the day `[from, to)`.
pub fn count_day(stays: &[Stay], ward: Uuid, from: DateTime<Utc>, to: DateTime<Utc>) -> Census {
    let mut c = Census::default();
    for s in stays.iter().filter(|s| s.ward == ward) {
        if in_bed_at(s, from) {
            c.opening += 1;
        }
        if in_bed_at(s, to) {
            c.closing += 1;
        }
        if s.start >= from && s.start < to {
            if s.first {
                c.admitted += 1;
            } else {
                c.transferred_in += 1;
            }
        }
        if let Some(end) = s.end.filter(|e| *e >= from && *e < to) {
            match s.discharged {
                // The stay ended with the admission: a discharge or a death.
                Some((at, died)) if at == end => {
                    if died {
                        c.died += 1
                    } else {
                        c.discharged += 1
                    }
                }
                _ => c.transferred_out += 1,
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_day_of_movements_balances() {
        let ward = Uuid::now_v7();
        let other = Uuid::now_v7();
        let day = Utc::now() - Duration::days(3);
        let next = day + Duration::days(1);
        let h = |n: i64| day + Duration::hours(n);
        let stays = vec![
            // In the ward all day.
            Stay {
                ward,
                start: day - Duration::days(2),
                end: None,
                first: true,
                discharged: None,
            },
            // Admitted at 10, moved out at 15 to the other ward.
            Stay {
                ward,
                start: h(10),
                end: Some(h(15)),
                first: true,
                discharged: None,
            },
            Stay {
                ward: other,
                start: h(15),
                end: None,
                first: false,
                discharged: None,
            },
            // Came in from the other ward yesterday, discharged at 12.
            Stay {
                ward,
                start: day - Duration::hours(5),
                end: Some(h(12)),
                first: false,
                discharged: Some((h(12), false)),
            },
            // Died at 20.
            Stay {
                ward,
                start: day - Duration::days(1),
                end: Some(h(20)),
                first: true,
                discharged: Some((h(20), true)),
            },
            // Transferred in at 18.
            Stay {
                ward,
                start: h(18),
                end: None,
                first: false,
                discharged: None,
            },
            // Tomorrow: not today.
            Stay {
                ward,
                start: next + Duration::hours(1),
                end: None,
                first: true,
                discharged: None,
            },
        ];
        let c = count_day(&stays, ward, day, next);
        assert_eq!(
            c,
            Census {
                opening: 3,
                admitted: 1,
                transferred_in: 1,
                transferred_out: 1,
                discharged: 1,
                died: 1,
                closing: 2
            }
        );
        assert!(c.balances());
        let o = count_day(&stays, other, day, next);
        assert_eq!((o.transferred_in, o.closing), (1, 1));
        assert!(o.balances());
    }

    #[test]
    fn random_days_always_balance() {
        // A small deterministic generator: stays of random lengths around one day.
        let ward = Uuid::now_v7();
        let day = Utc::now() - Duration::days(10);
        let next = day + Duration::days(1);
        let mut seed: u64 = 42;
        let mut rnd = |m: i64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) as i64) % m
        };
        for _ in 0..200 {
            let mut stays = Vec::new();
            for _ in 0..20 {
                let start = day + Duration::minutes(rnd(4 * 1440) - 2 * 1440);
                let end = (rnd(3) > 0).then(|| start + Duration::minutes(rnd(3 * 1440) + 1));
                let discharged = end.filter(|_| rnd(2) == 0).map(|e| (e, rnd(5) == 0));
                stays.push(Stay {
                    ward,
                    start,
                    end,
                    first: rnd(2) == 0,
                    discharged,
                });
            }
            assert!(count_day(&stays, ward, day, next).balances());
        }
    }
}
