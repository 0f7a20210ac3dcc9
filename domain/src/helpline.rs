//! The 24×7 health helpline: calls and messages become tickets that tier-1 operators
//! answer and tier-2 doctors take over when a clinician is needed. Emergencies go
//! straight to tier 2 and ahead of every routine ticket. Each category has targets for
//! the first response and the resolution (the SLA).

use crate::access::Principal;
use crate::error::{DomainError, DomainResult};
use crate::ids::{TenantId, UserId};
use crate::role::Role;
use chrono::{DateTime, Duration, Utc};

text_enum!(
    /// How the caller reached the helpline.
    Channel, "channel" {
        Phone => "phone",
        Sms => "sms",
        Whatsapp => "whatsapp",
        Web => "web",
    }
);

text_enum!(
    Category, "category" {
        Information => "information",
        Appointment => "appointment",
        Complaint => "complaint",
        Emergency => "emergency",
        Teleconsultation => "teleconsultation",
        Other => "other",
    }
);

text_enum!(
    /// Urgency, highest first. An emergency is always `critical`.
    Priority, "priority" {
        Critical => "critical",
        High => "high",
        Normal => "normal",
        Low => "low",
    }
);

impl Priority {
    /// 0 for the most urgent: queues sort by this, then by age.
    pub fn rank(self) -> i32 {
        match self {
            Priority::Critical => 0,
            Priority::High => 1,
            Priority::Normal => 2,
            Priority::Low => 3,
        }
    }
}

text_enum!(
    TicketStatus, "status" {
        New => "new",
        InProgress => "in_progress",
        Escalated => "escalated",
        Resolved => "resolved",
        Closed => "closed",
    }
);

/// What can be done to a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketAction {
    /// An agent of the ticket's tier starts working on it.
    Take,
    /// Tier 1 hands it to the doctors.
    Escalate,
    Resolve,
    Close,
    Reopen,
}

impl TicketAction {
    pub const ALL: [TicketAction; 5] = [
        TicketAction::Take,
        TicketAction::Escalate,
        TicketAction::Resolve,
        TicketAction::Close,
        TicketAction::Reopen,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TicketAction::Take => "take",
            TicketAction::Escalate => "escalate",
            TicketAction::Resolve => "resolve",
            TicketAction::Close => "close",
            TicketAction::Reopen => "reopen",
        }
    }
}

/// How long after resolution a caller may still have a ticket reopened.
pub const REOPEN_WINDOW_HOURS: i64 = 72;

/// A ticket's position in its life: status and tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TicketState {
    pub status: TicketStatus,
    pub tier: i16,
}

impl TicketState {
    /// Where a new ticket starts: emergencies skip tier 1 (already escalated).
    pub fn initial(category: Category) -> Self {
        if category == Category::Emergency {
            TicketState {
                status: TicketStatus::Escalated,
                tier: 2,
            }
        } else {
            TicketState {
                status: TicketStatus::New,
                tier: 1,
            }
        }
    }

    /// The state after `action`, if allowed. `resolved_at` bounds reopening.
    fn after(
        self,
        action: TicketAction,
        resolved_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Option<TicketState> {
        use TicketAction as A;
        use TicketStatus as S;
        let within_window =
            resolved_at.is_some_and(|r| now - r <= Duration::hours(REOPEN_WINDOW_HOURS));
        match (self.status, action) {
            (S::New, A::Take) => Some(TicketState {
                status: S::InProgress,
                tier: 1,
            }),
            (S::Escalated, A::Take) => Some(TicketState {
                status: S::InProgress,
                tier: 2,
            }),
            (S::New, A::Escalate) => Some(TicketState {
                status: S::Escalated,
                tier: 2,
            }),
            (S::InProgress, A::Escalate) if self.tier == 1 => Some(TicketState {
                status: S::Escalated,
                tier: 2,
            }),
            (S::InProgress, A::Resolve) => Some(TicketState {
                status: S::Resolved,
                tier: self.tier,
            }),
            (S::Resolved, A::Close) => Some(TicketState {
                status: S::Closed,
                tier: self.tier,
            }),
            (S::Resolved | S::Closed, A::Reopen) if within_window => Some(TicketState {
                status: S::InProgress,
                tier: self.tier,
            }),
            _ => None,
        }
    }

    pub fn allowed(
        self,
        resolved_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Vec<TicketAction> {
        TicketAction::ALL
            .into_iter()
            .filter(|a| self.after(*a, resolved_at, now).is_some())
            .collect()
    }

    /// The next state, or `VALIDATION` naming the actions allowed now.
    pub fn transition(
        self,
        action: TicketAction,
        resolved_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> DomainResult<TicketState> {
        self.after(action, resolved_at, now).ok_or_else(|| {
            let allowed: Vec<&str> = self
                .allowed(resolved_at, now)
                .iter()
                .map(|a| a.as_str())
                .collect();
            DomainError::validation(
                "status",
                format!(
                    "a ticket that is {} at tier {} cannot {}; allowed now: {}",
                    self.status.as_str().replace('_', " "),
                    self.tier,
                    action.as_str(),
                    if allowed.is_empty() {
                        "nothing".to_owned()
                    } else {
                        allowed.join(", ")
                    }
                ),
            )
        })
    }
}

/// First-response and resolution targets of one category, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaTarget {
    pub first_response_minutes: i64,
    pub resolution_minutes: i64,
}

/// The default targets (a tenant may set its own).
pub fn default_sla(category: Category) -> SlaTarget {
    let (first, resolve) = match category {
        Category::Emergency => (1, 15),
        Category::Teleconsultation => (5, 60),
        Category::Appointment => (5, 240),
        Category::Complaint => (15, 72 * 60),
        Category::Information | Category::Other => (5, 24 * 60),
    };
    SlaTarget {
        first_response_minutes: first,
        resolution_minutes: resolve,
    }
}

/// Where a ticket stands against its targets at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SlaStatus {
    pub first_response_due: DateTime<Utc>,
    pub resolution_due: DateTime<Utc>,
    /// Seconds left (negative: overdue); `None` once met.
    pub first_response_left_secs: Option<i64>,
    pub resolution_left_secs: Option<i64>,
    pub first_response_breached: bool,
    pub resolution_breached: bool,
}

/// Compare a ticket's times with its targets. A target met late stays breached.
pub fn sla_status(
    target: SlaTarget,
    created_at: DateTime<Utc>,
    first_response_at: Option<DateTime<Utc>>,
    resolved_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> SlaStatus {
    let first_due = created_at + Duration::minutes(target.first_response_minutes);
    let resolve_due = created_at + Duration::minutes(target.resolution_minutes);
    let left = |due: DateTime<Utc>, met: Option<DateTime<Utc>>| match met {
        Some(_) => None,
        None => Some((due - now).num_seconds()),
    };
    let breached = |due: DateTime<Utc>, met: Option<DateTime<Utc>>| match met {
        Some(at) => at > due,
        None => now > due,
    };
    SlaStatus {
        first_response_due: first_due,
        resolution_due: resolve_due,
        first_response_left_secs: left(first_due, first_response_at),
        resolution_left_secs: left(resolve_due, resolved_at),
        first_response_breached: breached(first_due, first_response_at),
        resolution_breached: breached(resolve_due, resolved_at),
    }
}

/// The priority a ticket gets: an emergency is critical whatever was asked.
pub fn effective_priority(category: Category, requested: Option<Priority>) -> Priority {
    if category == Category::Emergency {
        Priority::Critical
    } else {
        requested.unwrap_or(Priority::Normal)
    }
}

/// Short text fields of a ticket: trimmed, within limits.
pub fn ticket_text(raw: &str, field: &str, max: usize) -> DomainResult<String> {
    let t = raw.trim();
    if t.is_empty() || t.chars().count() > max {
        return Err(DomainError::validation(
            field,
            format!("must be 1 to {max} characters"),
        ));
    }
    Ok(t.to_owned())
}

text_enum!(
    /// Whether an agent can take a call now.
    PresenceStatus, "status" {
        Available => "available",
        Busy => "busy",
        Away => "away",
    }
);

/// The languages an agent speaks: 1 to 10 codes such as `bn`, `hi`, `en`.
pub fn languages(raw: &[String]) -> DomainResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for l in raw {
        let l = l.trim().to_ascii_lowercase();
        if !(2..=8).contains(&l.len()) || !l.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
            return Err(DomainError::validation(
                "languages",
                format!("{l} is not a language code such as en, hi or bn"),
            ));
        }
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.is_empty() || out.len() > 10 {
        return Err(DomainError::validation(
            "languages",
            "give 1 to 10 languages",
        ));
    }
    Ok(out)
}

/// The helpline's agents, by tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Agent {
    pub tenant: TenantId,
    pub user: UserId,
    /// 1 for operators, 2 for doctors (a doctor may also act at tier 1).
    pub tier: i16,
}

impl Principal {
    /// The caller as a helpline agent.
    pub fn helpline_agent(&self) -> DomainResult<Agent> {
        let Principal::Staff { id, tenant, .. } = self else {
            return Err(DomainError::forbidden(
                "platform administrators do not take calls",
            ));
        };
        let tier = if self.has_role(Role::HelplineDoctor) {
            2
        } else if self.has_role(Role::HelplineOperator) {
            1
        } else {
            return Err(DomainError::forbidden(
                "only helpline operators and helpline doctors work the helpline",
            ));
        };
        Ok(Agent {
            tenant: *tenant,
            user: *id,
            tier,
        })
    }
}

impl Agent {
    /// May this agent act on a ticket now at `tier`? Doctors act at both tiers;
    /// operators only at tier 1.
    pub fn require_tier(&self, tier: i16) -> DomainResult<()> {
        if self.tier >= tier {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "tier-2 tickets are for helpline doctors",
            ))
        }
    }
}

text_enum!(
    /// The helpline's three shifts, India time: 06–14, 14–22, 22–06 (into the next day).
    Shift, "shift" {
        Morning => "morning",
        Evening => "evening",
        Night => "night",
    }
);

impl Shift {
    /// The shift's span on `day`, in UTC.
    pub fn window(self, day: chrono::NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        let start_hour = match self {
            Shift::Morning => 6,
            Shift::Evening => 14,
            Shift::Night => 22,
        };
        let start = crate::appointment::ist_midnight(day) + Duration::hours(start_hour);
        (start, start + Duration::hours(8))
    }
}

/// What statistics need of a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketFacts {
    pub category: Category,
    pub channel: Channel,
    pub status: TicketStatus,
    pub tier: i16,
    pub created_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub target: SlaTarget,
}

/// A shift's or a day's figures.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stats {
    pub calls: u64,
    pub by_category: Vec<(Category, u64)>,
    pub by_channel: Vec<(Channel, u64)>,
    /// Still waiting for an agent (new, or escalated and not yet taken).
    pub waiting: u64,
    /// Seconds from the call to its first response, of the answered ones.
    pub average_wait_secs: Option<i64>,
    pub p90_wait_secs: Option<i64>,
    pub sla_breaches: u64,
    /// Resolved (or since closed) tickets, by the tier that resolved them.
    pub resolved_by_tier: Vec<(i16, u64)>,
}

/// The figures of `tickets` (those logged in the period), as they stand at `now`.
pub fn stats(tickets: &[TicketFacts], now: DateTime<Utc>) -> Stats {
    let count = |f: &dyn Fn(&TicketFacts) -> bool| tickets.iter().filter(|t| f(t)).count() as u64;
    let by_category = Category::ALL
        .iter()
        .map(|c| (*c, count(&|t| t.category == *c)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let by_channel = Channel::ALL
        .iter()
        .map(|c| (*c, count(&|t| t.channel == *c)))
        .filter(|(_, n)| *n > 0)
        .collect();
    let mut waits: Vec<i64> = tickets
        .iter()
        .filter_map(|t| {
            t.first_response_at
                .map(|f| (f - t.created_at).num_seconds())
        })
        .collect();
    waits.sort_unstable();
    let average_wait_secs =
        (!waits.is_empty()).then(|| waits.iter().sum::<i64>() / waits.len() as i64);
    // Nearest-rank p90.
    let p90_wait_secs =
        (!waits.is_empty()).then(|| waits[((waits.len() * 9).div_ceil(10)).max(1) - 1]);
    let resolved_by_tier = [1i16, 2]
        .iter()
        .map(|tier| {
            (
                *tier,
                count(&|t| t.tier == *tier && t.resolved_at.is_some()),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    Stats {
        calls: tickets.len() as u64,
        by_category,
        by_channel,
        waiting: count(&|t| matches!(t.status, TicketStatus::New | TicketStatus::Escalated)),
        average_wait_secs,
        p90_wait_secs,
        sla_breaches: count(&|t| {
            let s = sla_status(
                t.target,
                t.created_at,
                t.first_response_at,
                t.resolved_at,
                now,
            );
            s.first_response_breached || s.resolution_breached
        }),
        resolved_by_tier,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TicketAction as A;
    use TicketStatus as S;

    fn at(status: TicketStatus, tier: i16) -> TicketState {
        TicketState { status, tier }
    }

    #[test]
    fn the_two_tier_cycle() {
        let now = Utc::now();
        let t = TicketState::initial(Category::Information);
        assert_eq!(t, at(S::New, 1));
        let t = t.transition(A::Take, None, now).unwrap();
        assert_eq!(t, at(S::InProgress, 1));
        let t = t.transition(A::Escalate, None, now).unwrap();
        assert_eq!(t, at(S::Escalated, 2));
        let t = t.transition(A::Take, None, now).unwrap();
        assert_eq!(t, at(S::InProgress, 2));
        assert!(
            t.transition(A::Escalate, None, now).is_err(),
            "tier 2 is the top"
        );
        let t = t.transition(A::Resolve, None, now).unwrap();
        assert_eq!(t, at(S::Resolved, 2));
        let closed = t.transition(A::Close, Some(now), now).unwrap();
        assert_eq!(
            closed.transition(A::Reopen, Some(now), now).unwrap(),
            at(S::InProgress, 2)
        );
        let late = now + Duration::hours(REOPEN_WINDOW_HOURS + 1);
        let e = closed
            .transition(A::Reopen, Some(now), late)
            .unwrap_err()
            .to_string();
        assert!(e.contains("allowed now: nothing"), "{e}");
    }

    #[test]
    fn emergencies_start_at_tier_two_and_critical() {
        assert_eq!(
            TicketState::initial(Category::Emergency),
            at(S::Escalated, 2)
        );
        assert_eq!(
            effective_priority(Category::Emergency, Some(Priority::Low)),
            Priority::Critical
        );
        assert_eq!(
            effective_priority(Category::Complaint, None),
            Priority::Normal
        );
    }

    #[test]
    fn every_invalid_transition_names_the_allowed_ones() {
        let now = Utc::now();
        for status in TicketStatus::ALL {
            for tier in [1, 2] {
                let s = at(*status, tier);
                let allowed = s.allowed(Some(now), now);
                for a in TicketAction::ALL {
                    if !allowed.contains(&a) {
                        let e = s.transition(a, Some(now), now).unwrap_err().to_string();
                        assert!(e.contains("allowed now"), "{e}");
                    }
                }
            }
        }
        let e = at(S::New, 1)
            .transition(A::Resolve, None, now)
            .unwrap_err()
            .to_string();
        assert!(e.contains("allowed now: take, escalate"), "{e}");
    }

    #[test]
    fn sla_counts_down_and_flags_breaches() {
        let t0 = Utc::now();
        let target = default_sla(Category::Emergency);
        let s = sla_status(target, t0, None, None, t0 + Duration::seconds(30));
        assert_eq!(s.first_response_left_secs, Some(30));
        assert!(!s.first_response_breached && !s.resolution_breached);
        let s = sla_status(target, t0, None, None, t0 + Duration::minutes(2));
        assert!(s.first_response_breached && !s.resolution_breached);
        let met_late = sla_status(
            target,
            t0,
            Some(t0 + Duration::minutes(3)),
            None,
            t0 + Duration::minutes(20),
        );
        assert_eq!(met_late.first_response_left_secs, None);
        assert!(met_late.first_response_breached && met_late.resolution_breached);
        let in_time = sla_status(
            target,
            t0,
            Some(t0 + Duration::seconds(20)),
            Some(t0 + Duration::minutes(10)),
            t0 + Duration::hours(5),
        );
        assert!(!in_time.first_response_breached && !in_time.resolution_breached);
    }

    #[test]
    fn statistics_count_waits_and_breaches() {
        let t0 = Utc::now() - Duration::hours(1);
        let facts =
            |category, channel, status, tier, wait: Option<i64>, resolved: bool| TicketFacts {
                category,
                channel,
                status,
                tier,
                created_at: t0,
                first_response_at: wait.map(|w| t0 + Duration::seconds(w)),
                resolved_at: resolved.then(|| t0 + Duration::minutes(10)),
                target: default_sla(category),
            };
        let tickets = vec![
            facts(
                Category::Information,
                Channel::Phone,
                S::Resolved,
                1,
                Some(30),
                true,
            ),
            facts(Category::Information, Channel::Sms, S::New, 1, None, false),
            facts(
                Category::Emergency,
                Channel::Phone,
                S::Closed,
                2,
                Some(90),
                true,
            ),
            facts(
                Category::Teleconsultation,
                Channel::Web,
                S::InProgress,
                2,
                Some(600),
                false,
            ),
        ];
        let s = stats(&tickets, Utc::now());
        assert_eq!(s.calls, 4);
        assert_eq!(
            s.by_category,
            vec![
                (Category::Information, 2),
                (Category::Emergency, 1),
                (Category::Teleconsultation, 1)
            ]
        );
        assert_eq!(
            s.by_channel,
            vec![(Channel::Phone, 2), (Channel::Sms, 1), (Channel::Web, 1)]
        );
        assert_eq!(s.waiting, 1);
        assert_eq!(s.average_wait_secs, Some(240));
        assert_eq!(s.p90_wait_secs, Some(600));
        // Late: the unanswered information call (5 min), the emergency (answered after 90 s
        // against 1 min), the teleconsultation (answered after 10 min against 5).
        assert_eq!(s.sla_breaches, 3);
        assert_eq!(s.resolved_by_tier, vec![(1, 1), (2, 1)]);
        assert_eq!(stats(&[], Utc::now()), Stats::default());
        let (from, to) = Shift::Night.window(chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        assert_eq!(from.to_rfc3339(), "2026-12-07T16:30:00+00:00");
        assert_eq!((to - from).num_hours(), 8);
    }
}
