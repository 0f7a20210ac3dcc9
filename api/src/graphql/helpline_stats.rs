//! The helpline's figures for a day or a shift: calls by category and channel, waits,
//! SLA breaches and resolutions by tier.

use super::helpline::{helpline, TicketCategory, TicketChannel};
use crate::error::ApiResult;
use arogya_domain::helpline as domain;
use async_graphql::{Context, Enum, Object, SimpleObject};
use chrono::{DateTime, Utc};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::helpline::Shift")]
pub enum Shift {
    /// 06:00–14:00 India time.
    Morning,
    /// 14:00–22:00.
    Evening,
    /// 22:00–06:00 (into the next day).
    Night,
}

#[derive(SimpleObject)]
pub struct CategoryCount {
    pub category: TicketCategory,
    pub count: i32,
}

#[derive(SimpleObject)]
pub struct ChannelCount {
    pub channel: TicketChannel,
    pub count: i32,
}

#[derive(SimpleObject)]
pub struct TierCount {
    pub tier: i32,
    pub count: i32,
}

/// A shift's or a day's figures, for calls logged in it, as they stand now.
#[derive(SimpleObject)]
pub struct HelplineStats {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub calls: i32,
    pub by_category: Vec<CategoryCount>,
    pub by_channel: Vec<ChannelCount>,
    /// Still waiting for an agent.
    pub waiting: i32,
    pub average_wait_seconds: Option<i32>,
    pub p90_wait_seconds: Option<i32>,
    pub sla_breaches: i32,
    pub resolved_by_tier: Vec<TierCount>,
}

#[derive(Default)]
pub struct HelplineStatsQuery;

#[Object]
impl HelplineStatsQuery {
    /// Figures of one day (India time), or of one shift of it.
    async fn helpline_stats(
        &self,
        ctx: &Context<'_>,
        day: chrono::NaiveDate,
        shift: Option<Shift>,
    ) -> ApiResult<HelplineStats> {
        let (from, to) = match shift {
            Some(s) => domain::Shift::from(s).window(day),
            None => {
                let start = arogya_domain::appointment::ist_midnight(day);
                (start, start + chrono::Duration::days(1))
            }
        };
        let s = helpline(ctx)?.stats(from, to).await?;
        let n = |v: u64| v.min(i32::MAX as u64) as i32;
        Ok(HelplineStats {
            from,
            to,
            calls: n(s.calls),
            by_category: s
                .by_category
                .into_iter()
                .map(|(c, k)| CategoryCount {
                    category: c.into(),
                    count: n(k),
                })
                .collect(),
            by_channel: s
                .by_channel
                .into_iter()
                .map(|(c, k)| ChannelCount {
                    channel: c.into(),
                    count: n(k),
                })
                .collect(),
            waiting: n(s.waiting),
            average_wait_seconds: s.average_wait_secs.map(|v| v as i32),
            p90_wait_seconds: s.p90_wait_secs.map(|v| v as i32),
            sla_breaches: n(s.sla_breaches),
            resolved_by_tier: s
                .resolved_by_tier
                .into_iter()
                .map(|(t, k)| TierCount {
                    tier: t as i32,
                    count: n(k),
                })
                .collect(),
        })
    }
}
