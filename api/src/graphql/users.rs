//! Staff account administration inside a tenant: state and district administrators
//! for their own tenant, platform administrators for any (naming `tenantId`).

use super::context::ContextExt;
use super::pagination::{connection, page_request};
use super::types::{parse_id, RoleGrantInput, User};
use crate::app::users::RoleChange;
use crate::app::{users, NewAccount};
use crate::error::{ApiError, ApiResult};
use arogya_domain::access::Principal;
use arogya_domain::audit::Actor;
use arogya_domain::ids::{TenantId, UserId};
use arogya_domain::role::RoleGrant;
use arogya_domain::user::{DisplayName, Email, NewPassword, Username};
use arogya_domain::DomainError;
use arogya_infra::db::Access;
use arogya_infra::repos::users::{self as repo, ProfileChange};
use async_graphql::connection::Connection;
use async_graphql::{Context, InputObject, Object, ID};

#[derive(InputObject)]
pub struct NewAccountInput {
    pub username: String,
    pub display_name: String,
    pub email: Option<String>,
    /// 10 to 128 characters.
    pub password: String,
}

impl NewAccountInput {
    pub fn parse(&self, grants: Vec<RoleGrant>) -> ApiResult<NewAccount> {
        let username = Username::parse(&self.username)?;
        Ok(NewAccount {
            display_name: DisplayName::parse(&self.display_name)?,
            email: self
                .email
                .as_deref()
                .filter(|e| !e.trim().is_empty())
                .map(Email::parse)
                .transpose()?,
            password: NewPassword::parse(&self.password, "password", Some(&username))?,
            username,
            grants,
        })
    }
}

#[derive(InputObject)]
pub struct CreateUserInput {
    /// Platform administrators name the tenant; staff leave it out.
    pub tenant_id: Option<ID>,
    pub account: NewAccountInput,
    #[graphql(default)]
    pub roles: Vec<RoleGrantInput>,
    /// Create it even though its display name looks like another account's (the first
    /// try answers CONFLICT with reason SIMILAR_NAME).
    #[graphql(default)]
    pub allow_similar_name: bool,
}

#[derive(InputObject)]
pub struct UpdateUserInput {
    pub id: ID,
    pub tenant_id: Option<ID>,
    /// The `version` you last read; a newer one means someone else changed the account.
    pub expected_version: i32,
    pub display_name: Option<String>,
    /// An empty string removes the address.
    pub email: Option<String>,
    pub active: Option<bool>,
    /// Keep a display name that looks like another account's (see `CreateUserInput`).
    #[graphql(default)]
    pub allow_similar_name: bool,
}

/// The tenant an account action applies to, after checking the caller administers it.
pub(crate) fn admin_tenant(principal: &Principal, tenant_id: Option<&ID>) -> ApiResult<TenantId> {
    let requested = tenant_id
        .map(|t| parse_id("tenantId", t).map(TenantId))
        .transpose()?;
    let tenant = principal.target_tenant(requested)?;
    principal.require_user_admin(tenant)?;
    Ok(tenant)
}

async fn ensure_tenant_exists(ctx: &Context<'_>, tenant: TenantId) -> ApiResult<()> {
    match ctx.app()?.tenants.get(tenant).await? {
        Some(_) => Ok(()),
        None => Err(DomainError::NotFound { entity: "tenant" }.into()),
    }
}

#[derive(Default)]
pub struct UserQuery;

#[Object]
impl UserQuery {
    /// Accounts of a tenant, newest first.
    async fn users(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
        first: Option<i32>,
        after: Option<String>,
    ) -> ApiResult<Connection<String, User>> {
        let tenant = admin_tenant(ctx.principal()?, tenant_id.as_ref())?;
        let had_cursor = after.is_some();
        let page = page_request(first, after)?;
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let rows = repo::list(&tx, page).await?;
        tx.commit().await?;
        Ok(connection(rows, had_cursor, |u| u.id, User))
    }

    async fn user(&self, ctx: &Context<'_>, id: ID, tenant_id: Option<ID>) -> ApiResult<User> {
        let principal = ctx.principal()?;
        let id = UserId(parse_id("id", &id)?);
        // Anyone may read their own account; administrators read their tenant's.
        let tenant = if principal.user_id() == id && tenant_id.is_none() {
            principal
                .tenant()
                .ok_or(DomainError::NotFound { entity: "user" })?
        } else {
            admin_tenant(principal, tenant_id.as_ref())?
        };
        let tx = ctx.app()?.db.tenant_tx(tenant, Access::Read).await?;
        let user = repo::find(&tx, id).await?;
        tx.commit().await?;
        user.map(User)
            .ok_or_else(|| DomainError::NotFound { entity: "user" }.into())
    }
}

#[derive(Default)]
pub struct UserMutation;

#[Object]
impl UserMutation {
    async fn create_user(&self, ctx: &Context<'_>, input: CreateUserInput) -> ApiResult<User> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = admin_tenant(principal, input.tenant_id.as_ref())?;
        ensure_tenant_exists(ctx, tenant).await?;
        let grants = input
            .roles
            .iter()
            .map(RoleGrantInput::parse)
            .collect::<ApiResult<Vec<_>>>()?;
        for g in &grants {
            principal.require_can_grant(tenant, g)?;
        }
        let account = input.account.parse(grants)?;
        let user = users::create_user(
            app,
            Actor::from(principal),
            &req.meta(),
            tenant,
            account,
            input.allow_similar_name,
        )
        .await?;
        Ok(User(user))
    }

    /// Change an account's name, e-mail or active state. Disabling ends its sessions.
    async fn update_user(&self, ctx: &Context<'_>, input: UpdateUserInput) -> ApiResult<User> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = admin_tenant(principal, input.tenant_id.as_ref())?;
        let id = UserId(parse_id("id", &input.id)?);
        if input.active == Some(false) && id == principal.user_id() {
            return Err(ApiError::validation(
                "active",
                "you cannot disable your own account",
            ));
        }
        let change = ProfileChange {
            display_name: input
                .display_name
                .as_deref()
                .map(DisplayName::parse)
                .transpose()?,
            email: match input.email.as_deref().map(str::trim) {
                None => None,
                Some("") => Some(None),
                Some(e) => Some(Some(Email::parse(e)?)),
            },
            status: input.active.map(|a| {
                if a {
                    repo::STATUS_ACTIVE
                } else {
                    repo::STATUS_DISABLED
                }
            }),
        };
        let user = users::update_user(
            app,
            Actor::from(principal),
            &req.meta(),
            tenant,
            id,
            users::AccountEdit {
                expected_version: input.expected_version,
                change,
                allow_similar_name: input.allow_similar_name,
            },
        )
        .await?;
        Ok(User(user))
    }

    /// Set a new password for a user of your tenant. Their sessions end.
    async fn reset_user_password(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        tenant_id: Option<ID>,
        new_password: String,
    ) -> ApiResult<bool> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = admin_tenant(principal, tenant_id.as_ref())?;
        let id = UserId(parse_id("userId", &user_id)?);
        let password = NewPassword::parse(&new_password, "newPassword", None)?;
        users::reset_password(
            app,
            Actor::from(principal),
            &req.meta(),
            tenant,
            id,
            password,
        )
        .await?;
        Ok(true)
    }

    async fn grant_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        tenant_id: Option<ID>,
        grant: RoleGrantInput,
    ) -> ApiResult<User> {
        change_role(ctx, user_id, tenant_id, grant, RoleChange::Grant).await
    }

    async fn revoke_role(
        &self,
        ctx: &Context<'_>,
        user_id: ID,
        tenant_id: Option<ID>,
        grant: RoleGrantInput,
    ) -> ApiResult<User> {
        change_role(ctx, user_id, tenant_id, grant, RoleChange::Revoke).await
    }
}

async fn change_role(
    ctx: &Context<'_>,
    user_id: ID,
    tenant_id: Option<ID>,
    grant: RoleGrantInput,
    change: RoleChange,
) -> ApiResult<User> {
    let (app, req) = (ctx.app()?, ctx.request()?);
    let principal = req.principal()?;
    let tenant = admin_tenant(principal, tenant_id.as_ref())?;
    let id = UserId(parse_id("userId", &user_id)?);
    let grant = grant.parse()?;
    principal.require_can_grant(tenant, &grant)?;
    let actor = Actor::from(principal);
    let user = users::change_role(app, actor, &req.meta(), tenant, id, grant, change).await?;
    Ok(User(user))
}
