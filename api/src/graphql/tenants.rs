//! Tenant administration, for platform administrators.

use super::context::ContextExt;
use super::pagination::{connection, page_request};
use super::types::{parse_id, Tenant, TenantKind};
use super::users::NewAccountInput;
use crate::app::tenants::{self, CreateTenant};
use crate::error::ApiResult;
use arogya_domain::audit::Actor;
use arogya_domain::ids::TenantId;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::tenant::{TenantCode, TenantName, TenantStatus};
use arogya_domain::DomainError;
use arogya_infra::repos::tenants as repo;
use async_graphql::connection::Connection;
use async_graphql::{Context, InputObject, Object, ID};

#[derive(InputObject)]
pub struct CreateTenantInput {
    pub kind: TenantKind,
    /// `WB` for a state; `BR-MZP` for a district.
    pub code: String,
    pub name: String,
    /// A district's state, by code.
    pub parent_code: Option<String>,
    /// The first administrator, made state or district admin according to the kind.
    pub admin: Option<NewAccountInput>,
}

#[derive(Default)]
pub struct TenantQuery;

#[Object]
impl TenantQuery {
    /// All tenants, newest first (platform administrators).
    async fn tenants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, Tenant>> {
        ctx.principal()?.require_platform_admin()?;
        let had_cursor = after.is_some();
        let page = repo::list(ctx.app()?.db.ready_conn()?, page_request(first, after)?).await?;
        Ok(connection(page, had_cursor, |t| t.id, Tenant))
    }

    /// One tenant: any for platform administrators, only their own for staff.
    async fn tenant(&self, ctx: &Context<'_>, id: ID) -> ApiResult<Tenant> {
        let principal = ctx.principal()?;
        let id = TenantId(parse_id("id", &id)?);
        if !principal.is_platform_admin() && principal.tenant() != Some(id) {
            return Err(DomainError::NotFound { entity: "tenant" }.into());
        }
        let record = ctx
            .app()?
            .tenants
            .get(id)
            .await?
            .ok_or(DomainError::NotFound { entity: "tenant" })?;
        Ok(Tenant(record))
    }
}

#[derive(Default)]
pub struct TenantMutation;

#[Object]
impl TenantMutation {
    /// Create a state or district tenant, optionally with its first administrator.
    async fn create_tenant(
        &self,
        ctx: &Context<'_>,
        input: CreateTenantInput,
    ) -> ApiResult<Tenant> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        principal.require_platform_admin()?;
        let kind: arogya_domain::tenant::TenantKind = input.kind.into();
        let admin_role = match kind {
            arogya_domain::tenant::TenantKind::State => Role::StateAdmin,
            arogya_domain::tenant::TenantKind::District => Role::DistrictAdmin,
        };
        let first_admin = match &input.admin {
            Some(a) => Some(a.parse(vec![RoleGrant::new(admin_role, None, None)?])?),
            None => None,
        };
        let request = CreateTenant {
            kind,
            code: TenantCode::parse(&input.code)?,
            name: TenantName::parse(&input.name)?,
            parent_code: input
                .parent_code
                .as_deref()
                .map(TenantCode::parse)
                .transpose()
                .map_err(|_| {
                    DomainError::validation("parentCode", "must be a tenant code like BR")
                })?,
            first_admin,
        };
        let record =
            tenants::create_tenant(app, Actor::from(principal), &req.meta(), request).await?;
        Ok(Tenant(record))
    }

    /// Suspend a tenant: its users can no longer log in or use their tokens.
    /// Suspend a tenant: its users can no longer sign in or call the API. The reason
    /// (5 to 500 characters) is kept in the tenant's audit trail.
    async fn suspend_tenant(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: Option<i32>,
        reason: Option<String>,
    ) -> ApiResult<Tenant> {
        set_status(ctx, id, TenantStatus::Suspended, expected_version, reason).await
    }

    async fn reactivate_tenant(
        &self,
        ctx: &Context<'_>,
        id: ID,
        expected_version: Option<i32>,
        reason: Option<String>,
    ) -> ApiResult<Tenant> {
        set_status(ctx, id, TenantStatus::Active, expected_version, reason).await
    }
}

async fn set_status(
    ctx: &Context<'_>,
    id: ID,
    status: TenantStatus,
    expected_version: Option<i32>,
    reason: Option<String>,
) -> ApiResult<Tenant> {
    let (app, req) = (ctx.app()?, ctx.request()?);
    let reason = reason
        .map(|r| arogya_domain::audit::reason(&r))
        .transpose()?;
    let principal = req.principal()?;
    principal.require_platform_admin()?;
    let id = TenantId(parse_id("id", &id)?);
    let record = tenants::set_status(
        app,
        Actor::from(principal),
        &req.meta(),
        id,
        status,
        expected_version,
        reason,
    )
    .await?;
    Ok(Tenant(record))
}
