//! The helpline over GraphQL: log calls, work the two tiers' queues, notes and
//! transfers, SLA status and breaches (at a given time, so it can be checked against
//! any clock), and the knowledge base.

use super::context::ContextExt;
use super::types::parse_id;
use crate::app::helpline::{self as usecase, CallInput, Helpline};
use crate::error::{ApiError, ApiResult};
use arogya_domain::helpline::{self as domain, ticket_text, SlaStatus, SlaTarget, TicketAction};
use arogya_domain::ids::UserId;
use arogya_domain::patient::health_id::HealthId;
use arogya_domain::patient::identifiers::MobileNumber;
use arogya_infra::repos::helpline::TicketRecord;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

pub use super::helpline_enums::*;

fn internal(what: &str) -> ApiError {
    ApiError::internal(&anyhow::anyhow!("a stored ticket has an unknown {what}"))
}

/// Where a ticket stands against its targets.
#[derive(SimpleObject)]
pub struct TicketSla {
    pub first_response_due: DateTime<Utc>,
    pub resolution_due: DateTime<Utc>,
    /// Seconds left (negative: overdue); null once met.
    pub first_response_seconds_left: Option<i64>,
    pub resolution_seconds_left: Option<i64>,
    pub first_response_breached: bool,
    pub resolution_breached: bool,
}

impl From<SlaStatus> for TicketSla {
    fn from(s: SlaStatus) -> Self {
        Self {
            first_response_due: s.first_response_due,
            resolution_due: s.resolution_due,
            first_response_seconds_left: s.first_response_left_secs,
            resolution_seconds_left: s.resolution_left_secs,
            first_response_breached: s.first_response_breached,
            resolution_breached: s.resolution_breached,
        }
    }
}

#[derive(SimpleObject)]
pub struct TicketEvent {
    pub at: DateTime<Utc>,
    pub actor_user_id: ID,
    /// `create`, `assign`, `take`, `escalate`, `resolve`, `close`, `reopen`, `note`,
    /// `transfer`, `link_article`, `teleconsultation`, `dispatch`, `dispatch_arrived`,
    /// `dispatch_closed`.
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub tier: i32,
    pub note: Option<String>,
}

/// A call or message to the helpline.
pub struct Ticket(pub TicketRecord);

#[Object]
impl Ticket {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn channel(&self) -> ApiResult<TicketChannel> {
        domain::Channel::parse(&self.0.channel)
            .map(Into::into)
            .map_err(|_| internal("channel"))
    }
    async fn caller_phone(&self) -> &str {
        &self.0.caller_phone
    }
    async fn caller_name(&self) -> Option<&str> {
        self.0.caller_name.as_deref()
    }
    async fn language(&self) -> &str {
        &self.0.language
    }
    async fn patient_id(&self) -> Option<ID> {
        self.0.patient_id.map(|p| ID(p.to_string()))
    }
    async fn category(&self) -> ApiResult<TicketCategory> {
        domain::Category::parse(&self.0.category)
            .map(Into::into)
            .map_err(|_| internal("category"))
    }
    async fn notes(&self) -> &str {
        &self.0.notes
    }
    async fn priority(&self) -> ApiResult<TicketPriority> {
        domain::Priority::parse(&self.0.priority)
            .map(Into::into)
            .map_err(|_| internal("priority"))
    }
    /// 1 (operators) or 2 (doctors).
    async fn tier(&self) -> i32 {
        self.0.tier as i32
    }
    async fn status(&self) -> ApiResult<TicketStatus> {
        Ok(usecase::state_of(&self.0)?.status.into())
    }
    async fn assignee_user_id(&self) -> Option<ID> {
        self.0.assignee_user_id.map(|p| ID(p.to_string()))
    }
    /// The teleconsultation encounter recorded from this ticket, if any.
    async fn encounter_id(&self) -> Option<ID> {
        self.0.encounter_id.map(|e| ID(e.to_string()))
    }
    /// Help sent for this ticket, oldest first.
    async fn dispatches(
        &self,
        ctx: &Context<'_>,
    ) -> ApiResult<Vec<super::helpline_care::EmergencyDispatch>> {
        Ok(ctx
            .loaders()?
            .ticket_dispatches
            .load_one((arogya_domain::ids::TenantId(self.0.tenant_id), self.0.id))
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(super::helpline_care::EmergencyDispatch)
            .collect())
    }
    async fn kb_article_id(&self) -> Option<ID> {
        self.0.kb_article_id.map(|p| ID(p.to_string()))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn first_response_at(&self) -> Option<DateTime<Utc>> {
        self.0.first_response_at
    }
    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }
    /// Pass back as `expectedVersion`.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// What may be done now: `take`, `escalate`, `resolve`, `close`, `reopen`.
    async fn allowed_actions(&self, at: Option<DateTime<Utc>>) -> ApiResult<Vec<String>> {
        let now = at.unwrap_or_else(Utc::now);
        Ok(usecase::state_of(&self.0)?
            .allowed(self.0.resolved_at, now)
            .iter()
            .map(|a| a.as_str().to_owned())
            .collect())
    }
    /// Time left and breaches against the category's targets, at `at` (default: now).
    async fn sla(&self, ctx: &Context<'_>, at: Option<DateTime<Utc>>) -> ApiResult<TicketSla> {
        let category =
            domain::Category::parse(&self.0.category).map_err(|_| internal("category"))?;
        let tenant = arogya_domain::ids::TenantId(self.0.tenant_id);
        let targets = ctx
            .loaders()?
            .sla_targets
            .load_one((tenant, tenant.0))
            .await?
            .unwrap_or_default();
        let target = targets
            .iter()
            .find(|(c, _)| *c == category)
            .map(|(_, t)| *t)
            .unwrap_or_else(|| domain::default_sla(category));
        Ok(usecase::sla_of(&self.0, target, at.unwrap_or_else(Utc::now)).into())
    }
    /// Every step, oldest first.
    async fn timeline(&self, ctx: &Context<'_>) -> ApiResult<Vec<TicketEvent>> {
        let rows = ctx
            .loaders()?
            .ticket_events
            .load_one((arogya_domain::ids::TenantId(self.0.tenant_id), self.0.id))
            .await?
            .unwrap_or_default();
        Ok(rows
            .into_iter()
            .map(|e| TicketEvent {
                at: e.at,
                actor_user_id: ID(e.actor_user_id.to_string()),
                action: e.action,
                from_status: e.from_status,
                to_status: e.to_status,
                tier: e.tier as i32,
                note: e.note,
            })
            .collect())
    }
}

#[derive(SimpleObject)]
pub struct SlaBreach {
    pub ticket: Ticket,
    pub sla: TicketSla,
}

#[derive(InputObject)]
pub struct LogCallInput {
    pub channel: TicketChannel,
    pub caller_phone: String,
    pub caller_name: Option<String>,
    /// `en`, `hi`, `bn`, …
    pub language: String,
    /// The caller's card number, when they have one.
    pub patient_health_id: Option<String>,
    pub category: TicketCategory,
    pub notes: String,
    /// Ignored for emergencies, which are always critical.
    pub priority: Option<TicketPriority>,
}

pub(super) fn helpline<'a>(ctx: &'a Context<'_>) -> ApiResult<Helpline<'a>> {
    let req = ctx.request()?;
    Ok(Helpline {
        state: ctx.app()?,
        principal: req.principal()?,
        meta: req.meta(),
        pending: Default::default(),
    })
}

pub(super) fn optional_note(note: Option<String>) -> ApiResult<Option<String>> {
    match note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Ok(Some(ticket_text(n, "note", 2000)?)),
        None => Ok(None),
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::helpline::PresenceStatus")]
pub enum PresenceStatus {
    Available,
    Busy,
    Away,
}

#[derive(SimpleObject)]
pub struct AgentPresence {
    pub user_id: ID,
    pub status: PresenceStatus,
    pub tier: i32,
    pub languages: Vec<String>,
    pub updated_at: DateTime<Utc>,
}

impl TryFrom<arogya_infra::repos::helpline::PresenceRecord> for AgentPresence {
    type Error = ApiError;
    fn try_from(p: arogya_infra::repos::helpline::PresenceRecord) -> ApiResult<Self> {
        Ok(Self {
            user_id: ID(p.user_id.to_string()),
            status: domain::PresenceStatus::parse(&p.status)
                .map_err(|_| internal("presence"))?
                .into(),
            tier: p.tier as i32,
            languages: p
                .languages
                .split(',')
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            updated_at: p.updated_at,
        })
    }
}

/// Presence set, and the ticket that came with becoming available, if any.
#[derive(SimpleObject)]
pub struct PresenceChange {
    pub presence: AgentPresence,
    pub assigned: Option<Ticket>,
}

#[derive(Default)]
pub struct HelplineQuery;

#[Object]
impl HelplineQuery {
    async fn ticket(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Ticket> {
        Ok(Ticket(helpline(ctx)?.get(parse_id("id", &id)?).await?))
    }

    /// A tier's queue: waiting and in-progress tickets, emergencies and the most urgent
    /// first, then the oldest.
    async fn ticket_queue(
        &self,
        ctx: &Context<'_>,
        tier: i32,
        #[graphql(default = 50)] limit: i32,
    ) -> ApiResult<Vec<Ticket>> {
        if !(1..=2).contains(&tier) {
            return Err(ApiError::validation("tier", "tier is 1 or 2"));
        }
        let limit = limit.clamp(1, 200) as u64;
        Ok(helpline(ctx)?
            .queue(tier as i16, limit)
            .await?
            .into_iter()
            .map(Ticket)
            .collect())
    }

    /// Open tickets past their first-response or resolution target at `at` (default: now).
    async fn sla_breaches(
        &self,
        ctx: &Context<'_>,
        at: Option<DateTime<Utc>>,
    ) -> ApiResult<Vec<SlaBreach>> {
        let now = at.unwrap_or_else(Utc::now);
        Ok(helpline(ctx)?
            .breaches(now)
            .await?
            .into_iter()
            .map(|(t, s)| SlaBreach {
                ticket: Ticket(t),
                sla: s.into(),
            })
            .collect())
    }

    /// Every agent's presence, tier 1 first, longest idle first.
    async fn helpline_agents(&self, ctx: &Context<'_>) -> ApiResult<Vec<AgentPresence>> {
        helpline(ctx)?
            .presences()
            .await?
            .into_iter()
            .map(AgentPresence::try_from)
            .collect()
    }
}

#[derive(Default)]
pub struct HelplineMutation;

async fn act(
    ctx: &Context<'_>,
    id: ID,
    v: i32,
    action: TicketAction,
    note: Option<String>,
) -> ApiResult<Ticket> {
    let id = parse_id("id", &id)?;
    let note = optional_note(note)?;
    Ok(Ticket(
        helpline(ctx)?.act(id, v, action, note, Utc::now()).await?,
    ))
}

#[Object]
impl HelplineMutation {
    /// Log a call or message (operators and helpline doctors).
    async fn log_call(&self, ctx: &Context<'_>, input: LogCallInput) -> ApiResult<Ticket> {
        let call = CallInput {
            channel: input.channel.into(),
            caller_phone: MobileNumber::parse(&input.caller_phone, "callerPhone")?,
            caller_name: input
                .caller_name
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(|n| ticket_text(n, "callerName", 120))
                .transpose()?,
            language: super::helpline_kb::language(&input.language)?,
            patient_health_id: input
                .patient_health_id
                .as_deref()
                .map(HealthId::parse)
                .transpose()?,
            category: input.category.into(),
            notes: ticket_text(&input.notes, "notes", 4000)?,
            priority: input.priority.map(Into::into),
        };
        Ok(Ticket(helpline(ctx)?.create(call).await?))
    }

    /// Start working a ticket of your tier (it becomes yours).
    async fn take_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
    ) -> ApiResult<Ticket> {
        act(ctx, id, expected_version, TicketAction::Take, None).await
    }

    /// Hand a ticket to tier 2 (the doctors).
    async fn escalate_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        note: Option<String>,
    ) -> ApiResult<Ticket> {
        act(ctx, id, expected_version, TicketAction::Escalate, note).await
    }

    async fn resolve_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        note: Option<String>,
    ) -> ApiResult<Ticket> {
        act(ctx, id, expected_version, TicketAction::Resolve, note).await
    }

    async fn close_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
    ) -> ApiResult<Ticket> {
        act(ctx, id, expected_version, TicketAction::Close, None).await
    }

    /// Reopen a resolved or closed ticket within 72 hours of its resolution.
    async fn reopen_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        note: Option<String>,
    ) -> ApiResult<Ticket> {
        act(ctx, id, expected_version, TicketAction::Reopen, note).await
    }

    async fn add_ticket_note(&self, ctx: &Context<'_>, id: ID, text: String) -> ApiResult<Ticket> {
        let id = parse_id("id", &id)?;
        let text = ticket_text(&text, "text", 4000)?;
        Ok(Ticket(helpline(ctx)?.add_note(id, text).await?))
    }

    /// Give a ticket being worked to another agent of its tier.
    async fn transfer_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        to_user_id: ID,
    ) -> ApiResult<Ticket> {
        let id = parse_id("id", &id)?;
        let to = UserId(parse_id("toUserId", &to_user_id)?);
        Ok(Ticket(
            helpline(ctx)?.transfer(id, expected_version, to).await?,
        ))
    }

    /// Record the knowledge-base article used to answer.
    async fn link_kb_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: i32,
        article_id: ID,
    ) -> ApiResult<Ticket> {
        let id = parse_id("id", &id)?;
        let article = parse_id("articleId", &article_id)?;
        Ok(Ticket(
            helpline(ctx)?
                .link_article(id, expected_version, article)
                .await?,
        ))
    }

    /// Available, busy or away, and the languages you take calls in. Waiting tickets go
    /// to free agents of their tier and language automatically, most urgent and oldest
    /// first; becoming available brings the next one at once.
    async fn set_agent_presence(
        &self,
        ctx: &Context<'_>,
        status: PresenceStatus,
        languages: Vec<String>,
    ) -> ApiResult<PresenceChange> {
        let languages = domain::languages(&languages)?;
        let (p, assigned) = helpline(ctx)?
            .set_presence(status.into(), languages)
            .await?;
        Ok(PresenceChange {
            presence: p.try_into()?,
            assigned: assigned.map(Ticket),
        })
    }

    /// Set a category's SLA targets (state administrators).
    async fn set_helpline_sla(
        &self,
        ctx: &Context<'_>,
        category: TicketCategory,
        first_response_minutes: i32,
        resolution_minutes: i32,
    ) -> ApiResult<bool> {
        let target = SlaTarget {
            first_response_minutes: first_response_minutes as i64,
            resolution_minutes: resolution_minutes as i64,
        };
        helpline(ctx)?.set_sla(category.into(), target).await?;
        Ok(true)
    }
}

/// A change in a queue, as it happens.
#[derive(SimpleObject, Clone)]
pub struct QueueChange {
    pub ticket_id: ID,
    /// `create`, `take`, `escalate`, `resolve`, `close`, `reopen`, `transfer`.
    pub action: String,
    pub status: String,
    pub tier: i32,
    pub priority: String,
    pub assignee_user_id: Option<ID>,
    pub at: DateTime<Utc>,
}

#[derive(Default)]
pub struct HelplineSubscription;

#[async_graphql::Subscription]
impl HelplineSubscription {
    /// Changes to a tier's queue (new tickets, assignments, escalations, resolutions),
    /// from every server instance. Tier 1 also hears of its tickets leaving for tier 2.
    /// The stream ends when the access token used to subscribe expires.
    async fn ticket_queue_changed(
        &self,
        ctx: &Context<'_>,
        tier: i32,
    ) -> async_graphql::Result<impl futures_util::Stream<Item = QueueChange>> {
        let agent = ctx.principal()?.helpline_agent().map_err(ApiError::from)?;
        if !(1..=2).contains(&tier) {
            return Err(ApiError::validation("tier", "tier is 1 or 2").into());
        }
        agent.require_tier(tier as i16).map_err(ApiError::from)?;
        let state = ctx.shared_app()?;
        let seconds_left = ctx.request()?.expires_at().unwrap_or(0) - Utc::now().timestamp();
        let deadline = tokio::time::Instant::now()
            + std::time::Duration::from_secs(seconds_left.max(0) as u64);
        let feed = state.queue.subscribe();
        let tenant = agent.tenant.0;
        Ok(futures_util::stream::unfold(
            feed,
            move |mut feed| async move {
                use tokio::sync::broadcast::error::RecvError;
                loop {
                    let next = tokio::time::timeout_at(deadline, feed.recv()).await.ok()?;
                    match next {
                        Ok(e)
                            if e.tenant == tenant
                                && (e.tier as i32 == tier
                                    || (tier == 1 && e.action == "escalate")) =>
                        {
                            let change = QueueChange {
                                ticket_id: ID(e.ticket.to_string()),
                                action: e.action,
                                status: e.status,
                                tier: e.tier as i32,
                                priority: e.priority,
                                assignee_user_id: e.assignee.map(|a| ID(a.to_string())),
                                at: e.at,
                            };
                            return Some((change, feed));
                        }
                        Ok(_) | Err(RecvError::Lagged(_)) => continue,
                        Err(RecvError::Closed) => return None,
                    }
                }
            },
        ))
    }
}
