//! The helpline's use cases: logging calls as tickets, moving them through the two
//! tiers, notes and transfers, the knowledge base, and SLA targets. Every change is in
//! the ticket's timeline and the audit trail, in the same transaction.

use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use arogya_domain::access::Principal;
use arogya_domain::audit::{Actor, AuditAction};
use arogya_domain::helpline::{
    effective_priority, sla_status, stats, Agent, Category, Channel, PresenceStatus, Priority,
    SlaStatus, SlaTarget, Stats, TicketAction, TicketFacts, TicketState, TicketStatus,
};
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::patient::health_id::HealthId;
use arogya_domain::patient::identifiers::MobileNumber;
use arogya_domain::role::Role;
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::queue_bus::QueueEvent;
use arogya_infra::repos::audit::{self, NewAuditEvent, RequestMeta};
use arogya_infra::repos::helpline::{self as repo, NewTicket, TicketChange, TicketRecord};
use arogya_infra::repos::{patients, roles};
use arogya_infra::TenantTx;
use chrono::{DateTime, Utc};
use uuid::Uuid;

mod dispatch;
mod kb;
mod sla;
pub use kb::ArticleText;
mod teleconsultation;

pub use dispatch::DispatchInput;
pub use teleconsultation::TeleconsultationInput;

/// Timeline actions that change a queue (notes, articles, teleconsultations and
/// dispatches do not).
const QUEUE_ACTIONS: [&str; 8] = [
    "create", "assign", "take", "escalate", "resolve", "close", "reopen", "transfer",
];

fn ticket_not_found() -> ApiError {
    DomainError::NotFound { entity: "ticket" }.into()
}

/// A call as the operator logs it, already validated.
pub struct CallInput {
    pub channel: Channel,
    pub caller_phone: MobileNumber,
    pub caller_name: Option<String>,
    pub language: String,
    pub patient_health_id: Option<HealthId>,
    pub category: Category,
    pub notes: String,
    pub priority: Option<Priority>,
}

pub fn state_of(t: &TicketRecord) -> ApiResult<TicketState> {
    let status = TicketStatus::parse(&t.status).map_err(|_| {
        ApiError::internal(&anyhow::anyhow!("ticket {} has status {}", t.id, t.status))
    })?;
    Ok(TicketState {
        status,
        tier: t.tier,
    })
}

/// Where a ticket stands against its category's target at `now`.
pub fn sla_of(t: &TicketRecord, target: SlaTarget, now: DateTime<Utc>) -> SlaStatus {
    sla_status(
        target,
        t.created_at,
        t.first_response_at,
        t.resolved_at,
        now,
    )
}

pub struct Helpline<'a> {
    pub state: &'a AppState,
    pub principal: &'a Principal,
    pub meta: RequestMeta,
    /// Queue events of the current change, told to local subscribers after its commit.
    pub pending: std::sync::Mutex<Vec<QueueEvent>>,
}

impl Helpline<'_> {
    /// Commit, then tell local subscribers (SQLite; PostgreSQL's hear through LISTEN).
    async fn commit(&self, tx: TenantTx) -> ApiResult<()> {
        tx.commit().await?;
        let events: Vec<QueueEvent> =
            std::mem::take(&mut *self.pending.lock().map_err(|_| ApiError::Internal)?);
        for e in events {
            self.state.queue.committed(e);
        }
        Ok(())
    }

    /// Whose figures and presence the caller may read: agents their tenant's, and
    /// state or district administrators theirs.
    fn reader_tenant(&self) -> ApiResult<TenantId> {
        if let Ok(a) = self.principal.helpline_agent() {
            return Ok(a.tenant);
        }
        self.principal.application_review_reach()?;
        self.principal.tenant().ok_or_else(|| {
            ApiError::Forbidden(
                "helpline agents and administrators see the helpline's figures".into(),
            )
        })
    }

    fn agent(&self) -> ApiResult<Agent> {
        Ok(self.principal.helpline_agent()?)
    }

    fn actor(&self) -> Actor {
        Actor::from(self.principal)
    }

    async fn write_tx(&self, tenant: TenantId) -> ApiResult<TenantTx> {
        Ok(self.state.db.tenant_tx(tenant, Access::Write).await?)
    }

    /// The timeline row, the audit event and the queue event, in the change's transaction.
    #[allow(clippy::too_many_arguments)]
    async fn record(
        &self,
        tx: &mut TenantTx,
        ticket: &TicketRecord,
        action: &str,
        audit_action: AuditAction,
        from: Option<TicketStatus>,
        note: Option<String>,
    ) -> ApiResult<()> {
        repo::add_event(tx, ticket, self.principal.user_id().0, action, from, note).await?;
        // Only what changes a queue is told to the live queues.
        if QUEUE_ACTIONS.contains(&action) {
            let e = QueueEvent {
                tenant: ticket.tenant_id,
                ticket: ticket.id,
                action: action.to_owned(),
                status: ticket.status.clone(),
                tier: ticket.tier,
                priority: ticket.priority.clone(),
                assignee: ticket.assignee_user_id,
                at: Utc::now(),
            };
            self.state.queue.announce(tx, &e).await?;
            self.pending.lock().map_err(|_| ApiError::Internal)?.push(e);
        }
        let event = NewAuditEvent::new(
            self.actor(),
            audit_action,
            "helpline_ticket",
            Some(ticket.id),
        )
        .with_detail(
            serde_json::json!({ "action": action, "status": ticket.status, "tier": ticket.tier }),
        );
        audit::record(tx, &self.meta, event).await?;
        Ok(())
    }

    /// The ticket a tier-2 doctor is working, at the version the caller last saw;
    /// `refusal` says what needs that when it is not.
    async fn worked_at_tier_two(
        &self,
        tx: &TenantTx,
        id: Uuid,
        expected_version: i32,
        refusal: &str,
    ) -> ApiResult<(TicketRecord, TicketState)> {
        let ticket = repo::find(tx, id).await?.ok_or_else(ticket_not_found)?;
        if ticket.version != expected_version {
            return Err(DomainError::conflict(format!(
                "the ticket is at version {}, not {expected_version}; reload and try again",
                ticket.version
            ))
            .into());
        }
        let state = state_of(&ticket)?;
        if state.status != TicketStatus::InProgress || state.tier != 2 {
            return Err(ApiError::validation("ticketId", refusal));
        }
        Ok((ticket, state))
    }

    /// Give `ticket` to agent `to` (already claimed as busy): taken on their behalf.
    async fn assign(
        &self,
        tx: &mut TenantTx,
        ticket: &TicketRecord,
        to: Uuid,
    ) -> ApiResult<TicketRecord> {
        let now = Utc::now();
        let state = state_of(ticket)?;
        let next = state.transition(TicketAction::Take, ticket.resolved_at, now)?;
        let change = TicketChange {
            assignee: Some(Some(to)),
            first_response_at: ticket.first_response_at.is_none().then_some(now),
            ..TicketChange::to(next)
        };
        let saved = repo::update(tx, ticket, ticket.version, change).await?;
        self.record(
            tx,
            &saved,
            "assign",
            AuditAction::TicketTransition,
            Some(state.status),
            Some(to.to_string()),
        )
        .await?;
        Ok(saved)
    }

    /// A waiting ticket goes at once to a free agent of its tier who speaks its language.
    async fn auto_assign(
        &self,
        tx: &mut TenantTx,
        ticket: TicketRecord,
    ) -> ApiResult<TicketRecord> {
        let waiting = matches!(
            state_of(&ticket)?.status,
            TicketStatus::New | TicketStatus::Escalated
        );
        if !waiting || ticket.assignee_user_id.is_some() {
            return Ok(ticket);
        }
        match repo::claim_agent(tx, ticket.tier, &ticket.language).await? {
            Some(agent) => self.assign(tx, &ticket, agent).await,
            None => Ok(ticket),
        }
    }

    /// A free agent gets the most urgent, oldest waiting ticket of their tier in one of
    /// their languages, if there is one.
    async fn pull(
        &self,
        tx: &mut TenantTx,
        user: Uuid,
        tier: i16,
        languages: &[String],
    ) -> ApiResult<Option<TicketRecord>> {
        let Some(next) = repo::next_waiting(tx, tier, languages).await? else {
            return Ok(None);
        };
        if !repo::mark_busy(tx, user).await? {
            return Ok(None);
        }
        Ok(Some(self.assign(tx, &next, user).await?))
    }

    /// After finishing with a ticket, a busy agent is free again and pulls the next one.
    async fn free_and_pull(&self, tx: &mut TenantTx, agent: Agent) -> ApiResult<()> {
        if let Some(p) = repo::presence_of(tx, agent.user.0).await? {
            if p.status == PresenceStatus::Busy.as_str() {
                let languages: Vec<String> = p.languages.split(',').map(str::to_owned).collect();
                repo::set_presence(
                    tx,
                    agent.user.0,
                    PresenceStatus::Available.as_str(),
                    p.tier,
                    &languages,
                )
                .await?;
                self.pull(tx, agent.user.0, p.tier, &languages).await?;
            }
        }
        Ok(())
    }

    /// Say whether you can take calls, and in which languages. Becoming available
    /// brings the next waiting ticket, if any.
    pub async fn set_presence(
        &self,
        status: PresenceStatus,
        languages: Vec<String>,
    ) -> ApiResult<(repo::PresenceRecord, Option<TicketRecord>)> {
        let agent = self.agent()?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let p =
            repo::set_presence(&tx, agent.user.0, status.as_str(), agent.tier, &languages).await?;
        let pulled = if status == PresenceStatus::Available {
            self.pull(&mut tx, agent.user.0, agent.tier, &languages)
                .await?
        } else {
            None
        };
        self.commit(tx).await?;
        let p = match pulled {
            Some(_) => {
                let tx = self.state.db.tenant_tx(agent.tenant, Access::Read).await?;
                let fresh = repo::presence_of(&tx, agent.user.0).await?.unwrap_or(p);
                tx.commit().await?;
                fresh
            }
            None => p,
        };
        Ok((p, pulled))
    }

    /// Every agent's presence (agents, and state or district administrators).
    pub async fn presences(&self) -> ApiResult<Vec<repo::PresenceRecord>> {
        let tenant = self.reader_tenant()?;
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::presences(&tx).await?;
        tx.commit().await?;
        Ok(rows)
    }

    /// Log a call. An emergency goes straight to tier 2, as critical.
    pub async fn create(&self, call: CallInput) -> ApiResult<TicketRecord> {
        let agent = self.agent()?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let patient = match &call.patient_health_id {
            Some(h) => {
                let found = patients::find_by_health_id(&tx, h).await?.ok_or_else(|| {
                    ApiError::validation("patientHealthId", "no patient has this health ID here")
                })?;
                let p = patients::resolve(&tx, found).await?;
                let event = NewAuditEvent::new(
                    self.actor(),
                    AuditAction::PatientRead,
                    "patient",
                    Some(p.id),
                )
                .with_detail(serde_json::json!({ "via": "helpline_ticket" }));
                audit::record(&mut tx, &self.meta, event).await?;
                Some(p.id)
            }
            None => None,
        };
        let ticket = repo::insert(
            &tx,
            NewTicket {
                channel: call.channel,
                caller_phone: call.caller_phone.as_str(),
                caller_name: call.caller_name,
                language: &call.language,
                patient,
                category: call.category,
                notes: call.notes,
                priority: effective_priority(call.category, call.priority),
                created_by: agent.user.0,
            },
        )
        .await?;
        self.record(
            &mut tx,
            &ticket,
            "create",
            AuditAction::TicketCreate,
            None,
            None,
        )
        .await?;
        let ticket = self.auto_assign(&mut tx, ticket).await?;
        self.commit(tx).await?;
        Ok(ticket)
    }

    /// Take, escalate, resolve, close or reopen, if the ticket's state and the
    /// agent's tier allow it.
    pub async fn act(
        &self,
        id: Uuid,
        expected_version: i32,
        action: TicketAction,
        note: Option<String>,
        now: DateTime<Utc>,
    ) -> ApiResult<TicketRecord> {
        let agent = self.agent()?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let ticket = repo::find(&tx, id).await?.ok_or_else(ticket_not_found)?;
        let state = state_of(&ticket)?;
        // Escalating and closing are open to both tiers; working a ticket needs its tier.
        if matches!(
            action,
            TicketAction::Take | TicketAction::Resolve | TicketAction::Reopen
        ) {
            agent.require_tier(state.tier)?;
        }
        let next = state.transition(action, ticket.resolved_at, now)?;
        let change = TicketChange {
            assignee: match action {
                TicketAction::Take => Some(Some(agent.user.0)),
                // An escalated ticket waits, unassigned, in the tier-2 queue.
                TicketAction::Escalate => Some(None),
                TicketAction::Reopen => Some(Some(agent.user.0)),
                _ => None,
            },
            first_response_at: ticket.first_response_at.is_none().then_some(now),
            resolved_at: match action {
                TicketAction::Resolve => Some(Some(now)),
                TicketAction::Reopen => Some(None),
                _ => None,
            },
            ..TicketChange::to(next)
        };
        let saved = repo::update(&tx, &ticket, expected_version, change).await?;
        self.record(
            &mut tx,
            &saved,
            action.as_str(),
            AuditAction::TicketTransition,
            Some(state.status),
            note,
        )
        .await?;
        let saved = if action == TicketAction::Escalate {
            self.auto_assign(&mut tx, saved).await?
        } else {
            saved
        };
        if matches!(action, TicketAction::Escalate | TicketAction::Resolve) {
            self.free_and_pull(&mut tx, agent).await?;
        }
        self.commit(tx).await?;
        Ok(saved)
    }

    pub async fn add_note(&self, id: Uuid, text: String) -> ApiResult<TicketRecord> {
        let agent = self.agent()?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let ticket = repo::find(&tx, id).await?.ok_or_else(ticket_not_found)?;
        self.record(
            &mut tx,
            &ticket,
            "note",
            AuditAction::TicketNote,
            Some(state_of(&ticket)?.status),
            Some(text),
        )
        .await?;
        tx.commit().await?;
        Ok(ticket)
    }

    /// Hand a ticket being worked to another agent of its tier.
    pub async fn transfer(
        &self,
        id: Uuid,
        expected_version: i32,
        to: UserId,
    ) -> ApiResult<TicketRecord> {
        let agent = self.agent()?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let ticket = repo::find(&tx, id).await?.ok_or_else(ticket_not_found)?;
        let state = state_of(&ticket)?;
        agent.require_tier(state.tier)?;
        if state.status != TicketStatus::InProgress {
            return Err(ApiError::validation(
                "id",
                "only a ticket being worked on can be transferred",
            ));
        }
        let grants = roles::grants_for(&tx, to).await?;
        let their_tier = if grants.iter().any(|g| g.role == Role::HelplineDoctor) {
            2
        } else if grants.iter().any(|g| g.role == Role::HelplineOperator) {
            1
        } else {
            0
        };
        if their_tier < state.tier {
            return Err(ApiError::validation(
                "toUserId",
                format!("transfer to a helpline agent who works tier {}", state.tier),
            ));
        }
        let change = TicketChange {
            assignee: Some(Some(to.0)),
            ..TicketChange::to(state)
        };
        let saved = repo::update(&tx, &ticket, expected_version, change).await?;
        self.record(
            &mut tx,
            &saved,
            "transfer",
            AuditAction::TicketTransfer,
            Some(state.status),
            Some(to.0.to_string()),
        )
        .await?;
        self.commit(tx).await?;
        Ok(saved)
    }

    /// Note which knowledge-base article answered the call.
    pub async fn link_article(
        &self,
        id: Uuid,
        expected_version: i32,
        article: Uuid,
    ) -> ApiResult<TicketRecord> {
        let agent = self.agent()?;
        let mut tx = self.write_tx(agent.tenant).await?;
        let ticket = repo::find(&tx, id).await?.ok_or_else(ticket_not_found)?;
        repo::find_article(&tx, article)
            .await?
            .ok_or_else(|| ApiError::validation("articleId", "no such article"))?;
        let state = state_of(&ticket)?;
        let change = TicketChange {
            kb_article: Some(article),
            ..TicketChange::to(state)
        };
        let saved = repo::update(&tx, &ticket, expected_version, change).await?;
        self.record(
            &mut tx,
            &saved,
            "link_article",
            AuditAction::TicketNote,
            Some(state.status),
            Some(article.to_string()),
        )
        .await?;
        tx.commit().await?;
        Ok(saved)
    }

    pub async fn get(&self, id: Uuid) -> ApiResult<TicketRecord> {
        let agent = self.agent()?;
        let tx = self.state.db.tenant_tx(agent.tenant, Access::Read).await?;
        let t = repo::find(&tx, id).await?.ok_or_else(ticket_not_found)?;
        tx.commit().await?;
        Ok(t)
    }

    /// The queue of a tier: waiting and in-progress tickets, most urgent and oldest first.
    pub async fn queue(&self, tier: i16, limit: u64) -> ApiResult<Vec<TicketRecord>> {
        let agent = self.agent()?;
        agent.require_tier(tier)?;
        let waiting = if tier == 1 {
            TicketStatus::New
        } else {
            TicketStatus::Escalated
        };
        let tx = self.state.db.tenant_tx(agent.tenant, Access::Read).await?;
        let rows = repo::queue(&tx, tier, &[waiting, TicketStatus::InProgress], limit).await?;
        tx.commit().await?;
        Ok(rows)
    }
}
