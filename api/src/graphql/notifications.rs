//! Notifications the outbox gave up on, so that a state administrator can see who was
//! never told (a wrong number, a gateway down for hours) and act.

use super::context::ContextExt;
use crate::error::ApiResult;
use arogya_infra::db::Access;
use arogya_infra::repos::outbox;
use async_graphql::{Context, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

/// A message not delivered after every attempt. Its text is not shown: it may hold a
/// one-time code.
#[derive(SimpleObject)]
pub struct FailedNotification {
    pub id: ID,
    /// `sms` or `email`.
    pub channel: String,
    pub destination: String,
    pub subject: String,
    pub attempts: i32,
    /// The gateway's last answer.
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Default)]
pub struct NotificationQuery;

#[Object]
impl NotificationQuery {
    /// Notifications not delivered after every attempt, newest first (state
    /// administrators).
    async fn failed_notifications(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 50)] limit: i32,
    ) -> ApiResult<Vec<FailedNotification>> {
        let tenant = ctx
            .principal()?
            .require_state_admin("read undelivered notifications")?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = outbox::failed(&tx, limit.clamp(1, 200) as u64).await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .map(|m| FailedNotification {
                id: ID(m.id.to_string()),
                channel: m.channel,
                destination: m.destination,
                subject: m.subject,
                attempts: m.attempts,
                last_error: m.last_error,
                created_at: m.created_at,
            })
            .collect())
    }
}
