//! Helpline tickets, their timeline, the knowledge base and SLA targets.

use crate::db::{InfraError, InfraResult, TenantTx};
use crate::entities::helpline_sla;
use crate::entities::helpline_ticket::{self, Column, Entity};
use crate::entities::kb_article;
use crate::entities::ticket_event;
use arogya_domain::helpline::{
    default_sla, Category, Channel, Priority, SlaTarget, TicketState, TicketStatus,
};
use arogya_domain::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

pub type TicketRecord = helpline_ticket::Model;
pub type TicketEventRecord = ticket_event::Model;
pub type ArticleRecord = kb_article::Model;

pub struct NewTicket<'a> {
    pub channel: Channel,
    pub caller_phone: &'a str,
    pub caller_name: Option<String>,
    pub language: &'a str,
    pub patient: Option<Uuid>,
    pub category: Category,
    pub notes: String,
    pub priority: Priority,
    pub created_by: Uuid,
}

pub async fn insert(tx: &TenantTx, t: NewTicket<'_>) -> InfraResult<TicketRecord> {
    insert_at(tx, t, Utc::now(), None).await
}

/// A call logged at `at` and, when `answered` (when, by whom), answered then and closed
/// twelve minutes later: a call as it went (the demo's history of calls).
pub async fn insert_at(
    tx: &TenantTx,
    t: NewTicket<'_>,
    at: DateTime<Utc>,
    answered: Option<(DateTime<Utc>, Uuid)>,
) -> InfraResult<TicketRecord> {
    let now = answered.map_or(at, |(a, _)| a);
    let state = TicketState::initial(t.category);
    let status = match answered {
        Some(_) => TicketStatus::Closed,
        None => state.status,
    };
    Ok(helpline_ticket::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        channel: Set(t.channel.as_str().to_owned()),
        caller_phone: Set(t.caller_phone.to_owned()),
        caller_name: Set(t.caller_name),
        language: Set(t.language.to_owned()),
        patient_id: Set(t.patient),
        category: Set(t.category.as_str().to_owned()),
        notes: Set(t.notes),
        priority: Set(t.priority.as_str().to_owned()),
        priority_rank: Set(t.priority.rank()),
        tier: Set(state.tier),
        status: Set(status.as_str().to_owned()),
        assignee_user_id: Set(answered.map(|(_, who)| who)),
        kb_article_id: Set(None),
        encounter_id: Set(None),
        created_by: Set(t.created_by),
        created_at: Set(at),
        updated_at: Set(now),
        first_response_at: Set(answered.map(|(a, _)| a)),
        resolved_at: Set(answered.map(|(a, _)| a + chrono::Duration::minutes(12))),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn find(tx: &TenantTx, id: Uuid) -> InfraResult<Option<TicketRecord>> {
    Ok(Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// What a transition or assignment changes.
pub struct TicketChange {
    pub state: TicketState,
    pub assignee: Option<Option<Uuid>>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<Option<DateTime<Utc>>>,
    pub kb_article: Option<Uuid>,
    /// The patient, once identified during the call.
    pub patient: Option<Uuid>,
    /// The teleconsultation encounter recorded from the ticket.
    pub encounter: Option<Uuid>,
}

impl TicketChange {
    /// A change to `state` that leaves everything else as it is.
    pub fn to(state: TicketState) -> Self {
        Self {
            state,
            assignee: None,
            first_response_at: None,
            resolved_at: None,
            kb_article: None,
            patient: None,
            encounter: None,
        }
    }
}

pub async fn update(
    tx: &TenantTx,
    current: &TicketRecord,
    expected_version: i32,
    c: TicketChange,
) -> InfraResult<TicketRecord> {
    if current.version != expected_version {
        return Err(DomainError::conflict(format!(
            "the ticket is at version {}, not {expected_version}; reload and try again",
            current.version
        ))
        .into());
    }
    let mut update = Entity::update_many()
        .col_expr(Column::Status, Expr::value(c.state.status.as_str()))
        .col_expr(Column::Tier, Expr::value(c.state.tier))
        .col_expr(Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(Column::Version, Expr::value(expected_version + 1))
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Id.eq(current.id));
    if let Some(a) = c.assignee {
        update = update.col_expr(Column::AssigneeUserId, Expr::value(a));
    }
    if let Some(at) = c.first_response_at {
        update = update.col_expr(Column::FirstResponseAt, Expr::value(at));
    }
    if let Some(r) = c.resolved_at {
        update = update.col_expr(Column::ResolvedAt, Expr::value(r));
    }
    if let Some(k) = c.kb_article {
        update = update.col_expr(Column::KbArticleId, Expr::value(k));
    }
    if let Some(p) = c.patient {
        update = update.col_expr(Column::PatientId, Expr::value(p));
    }
    if let Some(e) = c.encounter {
        update = update.col_expr(Column::EncounterId, Expr::value(e));
    }
    super::versioned_update(tx, update, Column::Version, expected_version, "ticket").await?;
    find(tx, current.id)
        .await?
        .ok_or_else(|| DomainError::NotFound { entity: "ticket" }.into())
}

pub async fn add_event(
    tx: &TenantTx,
    ticket: &TicketRecord,
    actor: Uuid,
    action: &str,
    from: Option<TicketStatus>,
    note: Option<String>,
) -> InfraResult<TicketEventRecord> {
    Ok(ticket_event::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        ticket_id: Set(ticket.id),
        at: Set(Utc::now()),
        actor_user_id: Set(actor),
        action: Set(action.to_owned()),
        from_status: Set(from.map(|s| s.as_str().to_owned())),
        to_status: Set(ticket.status.clone()),
        tier: Set(ticket.tier),
        note: Set(note),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn events_of(tx: &TenantTx, tickets: &[Uuid]) -> InfraResult<Vec<TicketEventRecord>> {
    Ok(ticket_event::Entity::find()
        .filter(ticket_event::Column::TenantId.eq(tx.tenant().0))
        .filter(ticket_event::Column::TicketId.is_in(tickets.iter().copied()))
        .order_by_asc(ticket_event::Column::Id)
        .all(tx.conn())
        .await?)
}

/// A tier's queue: open tickets waiting or being worked, most urgent first, then oldest.
pub async fn queue(
    tx: &TenantTx,
    tier: i16,
    statuses: &[TicketStatus],
    limit: u64,
) -> InfraResult<Vec<TicketRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Tier.eq(tier))
        .filter(Column::Status.is_in(statuses.iter().map(|s| s.as_str())))
        .order_by_asc(Column::PriorityRank)
        .order_by_asc(Column::CreatedAt)
        .order_by_asc(Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Every ticket not yet resolved (for SLA breaches).
pub async fn open(tx: &TenantTx, limit: u64) -> InfraResult<Vec<TicketRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Status.is_in([
            TicketStatus::New.as_str(),
            TicketStatus::InProgress.as_str(),
            TicketStatus::Escalated.as_str(),
        ]))
        .order_by_asc(Column::CreatedAt)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

/// Tickets logged in `[from, to)`.
pub async fn created_between(
    tx: &TenantTx,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> InfraResult<Vec<TicketRecord>> {
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::CreatedAt.gte(from))
        .filter(Column::CreatedAt.lt(to))
        .all(tx.conn())
        .await?)
}

/// Every category's target.
pub async fn sla_targets(tx: &TenantTx) -> InfraResult<Vec<(Category, SlaTarget)>> {
    let own = helpline_sla::Entity::find()
        .filter(helpline_sla::Column::TenantId.eq(tx.tenant().0))
        .all(tx.conn())
        .await?;
    Ok(Category::ALL
        .iter()
        .map(|c| {
            let t = own
                .iter()
                .find(|r| r.category == c.as_str())
                .map(|r| SlaTarget {
                    first_response_minutes: r.first_response_minutes as i64,
                    resolution_minutes: r.resolution_minutes as i64,
                })
                .unwrap_or_else(|| default_sla(*c));
            (*c, t)
        })
        .collect())
}

pub async fn set_sla_target(tx: &TenantTx, category: Category, t: SlaTarget) -> InfraResult<()> {
    helpline_sla::Entity::delete_many()
        .filter(helpline_sla::Column::TenantId.eq(tx.tenant().0))
        .filter(helpline_sla::Column::Category.eq(category.as_str()))
        .exec(tx.conn())
        .await?;
    helpline_sla::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        category: Set(category.as_str().to_owned()),
        first_response_minutes: Set(t.first_response_minutes as i32),
        resolution_minutes: Set(t.resolution_minutes as i32),
        updated_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?;
    Ok(())
}

pub struct NewArticle<'a> {
    pub language: &'a str,
    pub title: String,
    pub body: String,
    pub tags: Vec<String>,
    pub created_by: Uuid,
}

pub async fn insert_article(tx: &TenantTx, a: NewArticle<'_>) -> InfraResult<ArticleRecord> {
    let now = Utc::now();
    let tags = a.tags.join(",");
    let search = format!("{} {} {}", a.title, tags, a.body).to_lowercase();
    Ok(kb_article::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        id: Set(Uuid::now_v7()),
        language: Set(a.language.to_owned()),
        title: Set(a.title),
        body: Set(a.body),
        tags: Set(tags),
        search_text: Set(search),
        created_by: Set(a.created_by),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(tx.conn())
    .await?)
}

/// A corrected article: the next version, if `expected_version` is still current.
pub async fn update_article(
    tx: &TenantTx,
    current: &ArticleRecord,
    expected_version: i32,
    a: NewArticle<'_>,
) -> InfraResult<ArticleRecord> {
    let tags = a.tags.join(",");
    let search = format!("{} {} {}", a.title, tags, a.body).to_lowercase();
    let r = kb_article::Entity::update_many()
        .col_expr(kb_article::Column::Language, a.language.into())
        .col_expr(kb_article::Column::Title, a.title.into())
        .col_expr(kb_article::Column::Body, a.body.into())
        .col_expr(kb_article::Column::Tags, tags.into())
        .col_expr(kb_article::Column::SearchText, search.into())
        .col_expr(kb_article::Column::UpdatedAt, Utc::now().into())
        .col_expr(kb_article::Column::Version, (current.version + 1).into())
        .filter(kb_article::Column::TenantId.eq(tx.tenant().0))
        .filter(kb_article::Column::Id.eq(current.id))
        .filter(kb_article::Column::Version.eq(expected_version))
        .exec(tx.conn())
        .await?;
    if r.rows_affected == 0 {
        return Err(DomainError::Conflict {
            message: format!(
                "the article was changed meanwhile: it is at version {}",
                current.version
            ),
        }
        .into());
    }
    find_article(tx, current.id)
        .await?
        .ok_or_else(|| InfraError::Internal(anyhow::anyhow!("updated article vanished")))
}

pub async fn find_article(tx: &TenantTx, id: Uuid) -> InfraResult<Option<ArticleRecord>> {
    Ok(kb_article::Entity::find_by_id((tx.tenant().0, id))
        .one(tx.conn())
        .await?)
}

/// Articles containing every word (case-folded), optionally in one language, newest first.
pub async fn search_articles(
    tx: &TenantTx,
    words: &[String],
    language: Option<&str>,
    limit: u64,
) -> InfraResult<Vec<ArticleRecord>> {
    let mut cond = Condition::all().add(kb_article::Column::TenantId.eq(tx.tenant().0));
    for w in words {
        cond = cond.add(super::contains_literally(
            kb_article::Column::SearchText,
            &w.to_lowercase(),
        ));
    }
    if let Some(l) = language {
        cond = cond.add(kb_article::Column::Language.eq(l));
    }
    Ok(kb_article::Entity::find()
        .filter(cond)
        .order_by_desc(kb_article::Column::Id)
        .limit(limit)
        .all(tx.conn())
        .await?)
}

pub type PresenceRecord = crate::entities::agent_presence::Model;

/// Set an agent's presence (made on first use).
pub async fn set_presence(
    tx: &TenantTx,
    user: Uuid,
    status: &str,
    tier: i16,
    languages: &[String],
) -> InfraResult<PresenceRecord> {
    use crate::entities::agent_presence as p;
    p::Entity::delete_many()
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::UserId.eq(user))
        .exec(tx.conn())
        .await?;
    Ok(p::ActiveModel {
        tenant_id: Set(tx.tenant().0),
        user_id: Set(user),
        status: Set(status.to_owned()),
        tier: Set(tier),
        languages: Set(languages.join(",")),
        updated_at: Set(Utc::now()),
    }
    .insert(tx.conn())
    .await?)
}

pub async fn presence_of(tx: &TenantTx, user: Uuid) -> InfraResult<Option<PresenceRecord>> {
    use crate::entities::agent_presence as p;
    Ok(p::Entity::find_by_id((tx.tenant().0, user))
        .one(tx.conn())
        .await?)
}

pub async fn presences(tx: &TenantTx) -> InfraResult<Vec<PresenceRecord>> {
    use crate::entities::agent_presence as p;
    Ok(p::Entity::find()
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .order_by_asc(p::Column::Tier)
        .order_by_asc(p::Column::UpdatedAt)
        .all(tx.conn())
        .await?)
}

/// Claim the longest-idle available agent of `tier` who speaks `language`: marked busy
/// by a conditional update, so two servers never claim the same agent.
pub async fn claim_agent(tx: &TenantTx, tier: i16, language: &str) -> InfraResult<Option<Uuid>> {
    use crate::entities::agent_presence as p;
    let free = p::Entity::find()
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::Status.eq("available"))
        .filter(p::Column::Tier.eq(tier))
        .order_by_asc(p::Column::UpdatedAt)
        .all(tx.conn())
        .await?;
    for agent in free
        .iter()
        .filter(|a| a.languages.split(',').any(|l| l == language))
    {
        if mark_busy(tx, agent.user_id).await? {
            return Ok(Some(agent.user_id));
        }
    }
    Ok(None)
}

/// Available → busy, only if still available.
pub async fn mark_busy(tx: &TenantTx, user: Uuid) -> InfraResult<bool> {
    use crate::entities::agent_presence as p;
    Ok(p::Entity::update_many()
        .col_expr(p::Column::Status, Expr::value("busy"))
        .col_expr(p::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(p::Column::TenantId.eq(tx.tenant().0))
        .filter(p::Column::UserId.eq(user))
        .filter(p::Column::Status.eq("available"))
        .exec(tx.conn())
        .await?
        .rows_affected
        == 1)
}

/// The most urgent, oldest waiting ticket of `tier` in one of `languages`, unassigned.
pub async fn next_waiting(
    tx: &TenantTx,
    tier: i16,
    languages: &[String],
) -> InfraResult<Option<TicketRecord>> {
    let waiting = if tier == 1 {
        TicketStatus::New
    } else {
        TicketStatus::Escalated
    };
    Ok(Entity::find()
        .filter(Column::TenantId.eq(tx.tenant().0))
        .filter(Column::Tier.eq(tier))
        .filter(Column::Status.eq(waiting.as_str()))
        .filter(Column::AssigneeUserId.is_null())
        .filter(Column::Language.is_in(languages.iter().cloned()))
        .order_by_asc(Column::PriorityRank)
        .order_by_asc(Column::CreatedAt)
        .order_by_asc(Column::Id)
        .one(tx.conn())
        .await?)
}
