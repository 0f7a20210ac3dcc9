//! The append-only audit trail.

use crate::db::{InfraResult, TenantTx};
use crate::entities::audit_event::{self, Column, Entity};
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::page::{Page, PageRequest};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

pub type AuditRecord = audit_event::Model;

/// Where a request came from, recorded with every event.
#[derive(Debug, Clone, Default)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    pub client_addr: Option<String>,
}

/// One event to record.
#[derive(Debug, Clone)]
pub struct NewAuditEvent {
    pub actor: Actor,
    pub action: AuditAction,
    pub entity_type: &'static str,
    pub entity_id: Option<Uuid>,
    /// A small JSON object: never secrets, never clinical content.
    pub detail: serde_json::Value,
}

impl NewAuditEvent {
    pub fn new(
        actor: Actor,
        action: AuditAction,
        entity_type: &'static str,
        entity_id: Option<Uuid>,
    ) -> Self {
        Self {
            actor,
            action,
            entity_type,
            entity_id,
            detail: serde_json::json!({}),
        }
    }
    pub fn with_detail(mut self, detail: serde_json::Value) -> Self {
        self.detail = detail;
        self
    }
}

/// Write an event in the caller's transaction: it commits or rolls back with the change.
pub async fn record(
    tx: &mut TenantTx,
    meta: &RequestMeta,
    event: NewAuditEvent,
) -> InfraResult<()> {
    let model = audit_event::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        actor_kind: Set(event.actor.kind().to_owned()),
        actor_id: Set(event.actor.id()),
        action: Set(event.action.as_str().to_owned()),
        entity_type: Set(event.entity_type.to_owned()),
        entity_id: Set(event.entity_id),
        request_id: Set(meta.request_id.clone()),
        client_addr: Set(meta.client_addr.clone()),
        detail: Set(event.detail),
        created_at: Set(Utc::now()),
    };
    let saved = model.insert(tx.conn()).await?;
    tx.push_audit(saved);
    Ok(())
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub actor_id: Option<Uuid>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// Newest first.
pub async fn list(
    tx: &TenantTx,
    filter: &AuditFilter,
    page: PageRequest,
) -> InfraResult<Page<AuditRecord>> {
    let mut q = Entity::find().filter(Column::TenantId.eq(tx.tenant().0));
    if let Some(a) = &filter.action {
        // "auth." (ending in a dot) is a family of actions: every code it starts. Codes
        // are lower-case letters, digits, '_' and '.', so LIKE needs no escaping here.
        q = match a.strip_suffix('.') {
            Some(family)
                if a.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.'
                }) =>
            {
                q.filter(Column::Action.starts_with(format!("{family}.")))
            }
            _ => q.filter(Column::Action.eq(a.as_str())),
        };
    }
    if let Some(t) = &filter.entity_type {
        q = q.filter(Column::EntityType.eq(t.as_str()));
    }
    if let Some(id) = filter.entity_id {
        q = q.filter(Column::EntityId.eq(id));
    }
    if let Some(id) = filter.actor_id {
        q = q.filter(Column::ActorId.eq(id));
    }
    if let Some(t) = filter.since {
        q = q.filter(Column::CreatedAt.gte(t));
    }
    if let Some(t) = filter.until {
        q = q.filter(Column::CreatedAt.lt(t));
    }
    super::newest_first(tx.conn(), q, Column::Id, page).await
}
