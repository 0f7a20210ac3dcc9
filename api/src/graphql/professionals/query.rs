//! Reading the registry.

use super::*;

#[derive(Default)]
pub struct ProfessionalQuery;

#[Object]
impl ProfessionalQuery {
    async fn professional(
        &self,
        ctx: &Context<'_>,
        id: ID,
        tenant_id: Option<ID>,
    ) -> ApiResult<Professional> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let id = parse_id("id", &id)?;
        let reach = read_reach(ctx)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let found = match repo::find(&tx, id).await? {
            Some(p) if repo::within_reach(&tx, id, &reach, today()).await? => Some(p),
            _ => None,
        };
        tx.commit().await?;
        found.map(Professional).ok_or_else(not_found)
    }

    /// Search the registry, newest first.
    async fn professionals(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        filter: Option<ProfessionalFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, Professional>> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let f = filter.unwrap_or_default();
        let filter = repo::ProfessionalFilter {
            search: f.search.filter(|s| !s.trim().is_empty()),
            registration_number: f.registration_number.filter(|s| !s.trim().is_empty()),
            facility: f
                .facility_id
                .as_ref()
                .map(|id| parse_id("facilityId", id))
                .transpose()?,
            kind: f.kind.map(Into::into),
            status: f.status.map(Into::into),
            reach: read_reach(ctx)?,
        };
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::list(&tx, &filter, page, today()).await?;
        tx.commit().await?;
        Ok(connection(rows, had_cursor, |p| p.id, Professional))
    }

    /// Council registrations that end within `days` days, soonest first, optionally
    /// only of professionals posted in one district.
    async fn expiring_registrations(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        days: i32,
        district_id: Option<ID>,
    ) -> ApiResult<Vec<CouncilRegistration>> {
        if !(0..=3650).contains(&days) {
            return Err(ApiError::validation("days", "must be between 0 and 3650"));
        }
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let district = match &district_id {
            Some(d) => Some(
                load_unit(ctx, tenant, UnitId(parse_id("districtId", d)?))
                    .await?
                    .ok_or_else(|| ApiError::NotFound("unit not found".into()))?
                    .id,
            ),
            None => None,
        };
        let reach = read_reach(ctx)?;
        let start = today();
        let until = start + chrono::Duration::days(days as i64);
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::expiring_registrations(&tx, start, until, district, &reach).await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(CouncilRegistration).collect())
    }

    /// The professional linked to the caller's own account.
    async fn my_professional(&self, ctx: &Context<'_>) -> ApiResult<Option<Professional>> {
        let principal = ctx.principal()?;
        let Some(tenant) = principal.tenant() else {
            return Ok(None);
        };
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let p = repo::find_by_user(&tx, principal.user_id().0).await?;
        tx.commit().await?;
        Ok(p.map(Professional))
    }
}
