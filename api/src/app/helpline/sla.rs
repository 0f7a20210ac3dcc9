//! The helpline's service levels: breaches of the targets, the day's figures, and the
//! targets themselves.

use super::*;

impl Helpline<'_> {
    /// Open tickets past a target at `now`, with their status.
    pub async fn breaches(&self, now: DateTime<Utc>) -> ApiResult<Vec<(TicketRecord, SlaStatus)>> {
        let agent = self.agent()?;
        let tx = self.state.db.tenant_tx(agent.tenant, Access::Read).await?;
        let targets = repo::sla_targets(&tx).await?;
        let open = repo::open(&tx, 1000).await?;
        tx.commit().await?;
        Ok(open
            .into_iter()
            .filter_map(|t| {
                let category = Category::parse(&t.category).ok()?;
                let target = targets.iter().find(|(c, _)| *c == category)?.1;
                let s = sla_of(&t, target, now);
                (s.first_response_breached || s.resolution_breached).then_some((t, s))
            })
            .collect())
    }

    /// The figures of calls logged in `[from, to)`, as they stand now (agents and
    /// state or district administrators).
    pub async fn stats(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> ApiResult<Stats> {
        let tenant = self.reader_tenant()?;
        let tx = self.state.db.tenant_tx(tenant, Access::Read).await?;
        let targets = repo::sla_targets(&tx).await?;
        let rows = repo::created_between(&tx, from, to).await?;
        tx.commit().await?;
        let facts: Vec<TicketFacts> = rows
            .iter()
            .filter_map(|t| {
                let category = Category::parse(&t.category).ok()?;
                Some(TicketFacts {
                    category,
                    channel: Channel::parse(&t.channel).ok()?,
                    status: TicketStatus::parse(&t.status).ok()?,
                    tier: t.tier,
                    created_at: t.created_at,
                    first_response_at: t.first_response_at,
                    resolved_at: t.resolved_at,
                    target: targets.iter().find(|(c, _)| *c == category)?.1,
                })
            })
            .collect();
        Ok(stats(&facts, Utc::now()))
    }

    /// Set a category's targets (state administrators).
    pub async fn set_sla(&self, category: Category, target: SlaTarget) -> ApiResult<()> {
        let tenant = self
            .principal
            .require_state_admin("set the helpline's SLA targets")?;
        if target.first_response_minutes < 1
            || target.resolution_minutes < target.first_response_minutes
        {
            return Err(ApiError::validation(
                "resolutionMinutes",
                "targets are at least a minute, and resolution is no sooner than the first response",
            ));
        }
        let mut tx = self.write_tx(tenant).await?;
        repo::set_sla_target(&tx, category, target).await?;
        let event = NewAuditEvent::new(self.actor(), AuditAction::HelplineSlaUpdate, "helpline_sla", None)
            .with_detail(serde_json::json!({ "category": category.as_str(), "firstResponseMinutes": target.first_response_minutes, "resolutionMinutes": target.resolution_minutes }));
        audit::record(&mut tx, &self.meta, event).await?;
        tx.commit().await?;
        Ok(())
    }
}
