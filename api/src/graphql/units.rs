//! Administrative units: the tree, a unit's descendants and its path to the top.
//! A district administrator of X reads and edits only what lies under X.

use super::context::ContextExt;
use super::types::parse_id;
use crate::app::units::{self, NewUnit};
use crate::error::{ApiError, ApiResult};
use arogya_domain::access::UnitReach;
use arogya_domain::audit::Actor;
use arogya_domain::ids::{TenantId, UnitId};
use arogya_domain::unit::{LgdCode, UnitName, UnitPath};
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::units::{self as repo, UnitRecord};
use async_graphql::{Context, Enum, InputObject, Object, ID};
use chrono::{DateTime, Utc};

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::unit::UnitKind")]
pub enum UnitKind {
    State,
    District,
    SubDivision,
    Block,
}

/// The tenant a registry operation applies to: platform administrators name it,
/// staff use their own (naming another is NOT_FOUND).
pub fn registry_tenant(ctx: &Context<'_>, tenant_id: Option<&ID>) -> ApiResult<TenantId> {
    let requested = tenant_id
        .map(|t| parse_id("tenantId", t).map(TenantId))
        .transpose()?;
    Ok(ctx.principal()?.target_tenant(requested)?)
}

pub fn read_reach(ctx: &Context<'_>) -> ApiResult<UnitReach> {
    Ok(ctx.principal()?.registry_read_reach())
}

fn unit_not_found() -> ApiError {
    DomainError::NotFound { entity: "unit" }.into()
}

/// Load a unit the caller may read, through the request's DataLoader.
pub async fn load_unit(
    ctx: &Context<'_>,
    tenant: TenantId,
    id: UnitId,
) -> ApiResult<Option<UnitRecord>> {
    let reach = read_reach(ctx)?;
    Ok(ctx
        .loaders()?
        .units
        .load_one((tenant, id.0))
        .await?
        .filter(|u| reach.allows(&UnitPath::from(u))))
}

pub struct AdminUnit(pub UnitRecord);

impl AdminUnit {
    fn tenant(&self) -> TenantId {
        TenantId(self.0.tenant_id)
    }
}

#[Object]
impl AdminUnit {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> ApiResult<UnitKind> {
        Ok(arogya_domain::unit::UnitKind::parse(&self.0.kind)?.into())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Local Government Directory code.
    async fn lgd_code(&self) -> Option<&str> {
        self.0.lgd_code.as_deref()
    }
    /// 0 for the top unit.
    async fn depth(&self) -> i32 {
        self.0.depth
    }
    async fn parent(&self, ctx: &Context<'_>) -> ApiResult<Option<AdminUnit>> {
        match self.0.parent_id {
            Some(p) => Ok(load_unit(ctx, self.tenant(), UnitId(p))
                .await?
                .map(AdminUnit)),
            None => Ok(None),
        }
    }
    /// From the top unit down to this one (only the part the caller may read).
    async fn path(&self, ctx: &Context<'_>) -> ApiResult<Vec<AdminUnit>> {
        let reach = read_reach(ctx)?;
        let ids = UnitPath::from(&self.0).ids();
        let keys: Vec<_> = ids.iter().map(|id| (self.tenant(), id.0)).collect();
        let mut found = ctx.loaders()?.units.load_many(keys).await?;
        Ok(ids
            .iter()
            .filter_map(|id| found.remove(&(self.tenant(), id.0)))
            .filter(|u| reach.allows(&UnitPath::from(u)))
            .map(AdminUnit)
            .collect())
    }
    async fn children(&self, ctx: &Context<'_>) -> ApiResult<Vec<AdminUnit>> {
        let tx = ctx.app()?.db.tenant_tx(self.tenant(), Access::Read).await?;
        let rows = repo::children(&tx, Some(UnitId(self.0.id))).await?;
        tx.commit().await?;
        Ok(rows.into_iter().map(AdminUnit).collect())
    }
    /// Everything under this unit, in tree order.
    async fn descendants(&self, ctx: &Context<'_>) -> ApiResult<Vec<AdminUnit>> {
        let tx = ctx.app()?.db.tenant_tx(self.tenant(), Access::Read).await?;
        let rows = repo::subtree(&tx, Some(&self.0)).await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .filter(|u| u.id != self.0.id)
            .map(AdminUnit)
            .collect())
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    async fn version(&self) -> i32 {
        self.0.version
    }
}

#[derive(InputObject)]
pub struct CreateAdminUnitInput {
    pub tenant_id: Option<ID>,
    /// Leave out for the tenant's top unit (its state, or its district).
    pub parent_id: Option<ID>,
    pub kind: UnitKind,
    pub name: String,
    pub lgd_code: Option<String>,
}

#[derive(InputObject)]
pub struct UpdateAdminUnitInput {
    pub tenant_id: Option<ID>,
    pub id: ID,
    pub expected_version: i32,
    pub name: Option<String>,
    /// An empty string removes the code.
    pub lgd_code: Option<String>,
}

#[derive(Default)]
pub struct UnitQuery;

#[Object]
impl UnitQuery {
    async fn admin_unit(
        &self,
        ctx: &Context<'_>,
        id: ID,
        tenant_id: Option<ID>,
    ) -> ApiResult<AdminUnit> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let id = UnitId(parse_id("id", &id)?);
        load_unit(ctx, tenant, id)
            .await?
            .map(AdminUnit)
            .ok_or_else(unit_not_found)
    }

    /// The unit tree (or the subtree under `rootId`) in tree order: each unit once,
    /// parents before children. Build the tree from `id` and `parent { id }`.
    async fn admin_unit_tree(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        root_id: Option<ID>,
    ) -> ApiResult<Vec<AdminUnit>> {
        let tenant = registry_tenant(ctx, tenant_id.as_ref())?;
        let reach = read_reach(ctx)?;
        let root = match &root_id {
            Some(id) => {
                let id = UnitId(parse_id("rootId", id)?);
                Some(
                    load_unit(ctx, tenant, id)
                        .await?
                        .ok_or_else(unit_not_found)?,
                )
            }
            None => None,
        };
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::subtree(&tx, root.as_ref()).await?;
        tx.commit().await?;
        Ok(rows
            .into_iter()
            .filter(|u| reach.allows(&UnitPath::from(u)))
            .map(AdminUnit)
            .collect())
    }
}

#[derive(Default)]
pub struct UnitMutation;

#[Object]
impl UnitMutation {
    async fn create_admin_unit(
        &self,
        ctx: &Context<'_>,
        input: CreateAdminUnitInput,
    ) -> ApiResult<AdminUnit> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = registry_tenant(ctx, input.tenant_id.as_ref())?;
        let reach = principal.registry_write_reach()?;
        let new = NewUnit {
            parent: input
                .parent_id
                .as_ref()
                .map(|p| parse_id("parentId", p).map(UnitId))
                .transpose()?,
            kind: input.kind.into(),
            name: UnitName::parse(&input.name)?,
            lgd: input
                .lgd_code
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .map(LgdCode::parse)
                .transpose()?,
        };
        let unit = units::create_unit(
            app,
            Actor::from(principal),
            &req.meta(),
            tenant,
            &reach,
            new,
        )
        .await?;
        Ok(AdminUnit(unit))
    }

    async fn update_admin_unit(
        &self,
        ctx: &Context<'_>,
        input: UpdateAdminUnitInput,
    ) -> ApiResult<AdminUnit> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = registry_tenant(ctx, input.tenant_id.as_ref())?;
        let id = UnitId(parse_id("id", &input.id)?);
        // Outside what the caller can read, the unit does not exist for them.
        if load_unit(ctx, tenant, id).await?.is_none() {
            return Err(unit_not_found());
        }
        let reach = principal.registry_write_reach()?;
        let name = input.name.as_deref().map(UnitName::parse).transpose()?;
        let lgd = match input.lgd_code.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(c) => Some(Some(LgdCode::parse(c)?)),
        };
        let actor = Actor::from(principal);
        let unit = units::update_unit(
            app,
            actor,
            &req.meta(),
            tenant,
            &reach,
            id,
            input.expected_version,
            name,
            lgd,
        )
        .await?;
        Ok(AdminUnit(unit))
    }
}
