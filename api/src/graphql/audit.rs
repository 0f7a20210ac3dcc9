//! Reading the audit trail, and following it live.

use super::context::ContextExt;
use super::pagination::{connection, page_request};
use super::types::{parse_id, AuditEvent};
use crate::error::ApiResult;
use crate::state::AppState;
use arogya_domain::ids::TenantId;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::{self, AuditFilter};
use async_graphql::connection::Connection;
use async_graphql::{Context, InputObject, Object, Subscription, ID};
use chrono::{DateTime, Utc};
use futures_util::Stream;
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;
use tokio::time::Instant;

#[derive(InputObject, Default)]
pub struct AuditEventFilter {
    /// An action code (`auth.login_failed`), or a family ending in a dot (`auth.`).
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<ID>,
    pub actor_id: Option<ID>,
    /// From this time on (inclusive).
    pub since: Option<DateTime<Utc>>,
    /// Before this time.
    pub until: Option<DateTime<Utc>>,
}

impl AuditEventFilter {
    fn parse(self) -> ApiResult<AuditFilter> {
        Ok(AuditFilter {
            action: self.action,
            entity_type: self.entity_type,
            entity_id: self
                .entity_id
                .as_ref()
                .map(|i| parse_id("entityId", i))
                .transpose()?,
            actor_id: self
                .actor_id
                .as_ref()
                .map(|i| parse_id("actorId", i))
                .transpose()?,
            since: self.since,
            until: self.until,
        })
    }
}

fn audit_tenant(ctx: &Context<'_>, tenant_id: Option<&ID>) -> ApiResult<TenantId> {
    let principal = ctx.principal()?;
    let requested = tenant_id
        .map(|t| parse_id("tenantId", t).map(TenantId))
        .transpose()?;
    let tenant = principal.target_tenant(requested)?;
    principal.require_audit_reader(tenant)?;
    Ok(tenant)
}

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// The tenant's audit trail, newest first (administrators).
    async fn audit_events(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        filter: Option<AuditEventFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, AuditEvent>> {
        let tenant = audit_tenant(ctx, tenant_id.as_ref())?;
        let filter = filter.unwrap_or_default().parse()?;
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = audit::list(&tx, &filter, page).await?;
        tx.commit().await?;
        Ok(connection(rows, had_cursor, |e| e.id, AuditEvent))
    }
}

#[derive(Default)]
pub struct AuditSubscription;

#[Subscription]
impl AuditSubscription {
    /// Audit events of the tenant as they are committed (administrators).
    ///
    /// The stream ends (`complete`) when the access token used to subscribe expires or
    /// the subscriber's tenant is suspended: reconnect with a fresh token.
    async fn audit_event_added(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
    ) -> async_graphql::Result<impl Stream<Item = AuditEvent>> {
        let tenant = audit_tenant(ctx, tenant_id.as_ref())?;
        let state = ctx.shared_app()?;
        let request = ctx.request()?;
        let own_tenant = request.principal()?.tenant();
        let seconds_left = request.expires_at().unwrap_or(0) - chrono::Utc::now().timestamp();
        let deadline = Instant::now() + Duration::from_secs(seconds_left.max(0) as u64);
        let feed = state.db.audit_feed();
        Ok(futures_util::stream::unfold(
            (feed, state),
            move |(mut feed, state)| async move {
                loop {
                    // Token expired: end the stream.
                    let next = tokio::time::timeout_at(deadline, feed.recv()).await.ok()?;
                    match next {
                        Ok(record) if record.tenant_id == tenant.0 => {
                            if let Some(own) = own_tenant {
                                if !tenant_is_active(&state, own).await {
                                    return None;
                                }
                            }
                            return Some((AuditEvent(record), (feed, state)));
                        }
                        // Another tenant's event, or this subscriber fell behind: keep going.
                        Ok(_) | Err(RecvError::Lagged(_)) => continue,
                        Err(RecvError::Closed) => return None,
                    }
                }
            },
        ))
    }
}

async fn tenant_is_active(state: &AppState, tenant: TenantId) -> bool {
    matches!(state.tenants.get(tenant).await, Ok(Some(t)) if t.status == "active")
}
