//! Machine clients (OAuth 2.0 `client_credentials`, token at `POST /oauth/token`):
//! tenant administrators create them with scopes, rotate their secrets and revoke them.

use super::context::ContextExt;
use super::types::{parse_id, RoleGrant, RoleGrantInput};
use super::users::admin_tenant;
use crate::app::api_clients::{self as app, Change, ClientView, Issued};
use crate::error::ApiResult;
use crate::http::oauth::scope_word;
use arogya_domain::user::DisplayName;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

/// A machine client: a lab analyser's interface, another state system, a partner's app.
pub struct ApiClient(ClientView);

#[Object]
impl ApiClient {
    async fn id(&self) -> ID {
        ID(self.0.record.id.to_string())
    }
    /// What the client sends as `client_id`: its tenant's code and its id.
    async fn client_id(&self) -> &str {
        &self.0.client_id
    }
    async fn name(&self) -> &str {
        &self.0.record.name
    }
    /// What it may do: roles with their unit or facility, as for staff.
    async fn scopes(&self) -> Vec<RoleGrant> {
        self.0.scopes.iter().map(RoleGrant::from).collect()
    }
    /// The same as words, as the token endpoint says them (`lab_technician@facility:…`).
    async fn scope(&self) -> String {
        self.0
            .scopes
            .iter()
            .map(scope_word)
            .collect::<Vec<_>>()
            .join(" ")
    }
    async fn active(&self) -> bool {
        self.0.active
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.record.created_at
    }
    async fn rotated_at(&self) -> Option<DateTime<Utc>> {
        self.0.record.rotated_at
    }
    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.record.revoked_at
    }
    async fn version(&self) -> i32 {
        self.0.record.version
    }
}

/// A client with its secret: shown once, never again (only its hash is kept).
#[derive(SimpleObject)]
pub struct IssuedApiClient {
    pub client: ApiClient,
    /// Empty after a revocation.
    pub client_secret: String,
}

impl From<Issued> for IssuedApiClient {
    fn from(i: Issued) -> Self {
        Self {
            client: ApiClient(i.client),
            client_secret: i.secret,
        }
    }
}

#[derive(InputObject)]
pub struct CreateApiClientInput {
    /// Platform administrators name the tenant; staff leave it out.
    pub tenant_id: Option<ID>,
    /// Shown in the audit trail beside everything it does.
    pub name: String,
    /// 1 to 10 grants of machine roles (lab technician, doctor, nurse, surveyor, oxygen
    /// officer, store keeper, pharmacist), each within what you may grant.
    pub scopes: Vec<RoleGrantInput>,
}

#[derive(Default)]
pub struct ApiClientQuery;

#[Object]
impl ApiClientQuery {
    /// The tenant's machine clients whose scopes you could grant, newest first.
    async fn api_clients(
        &self,
        ctx: &Context<'_>,
        tenant_id: Option<ID>,
    ) -> ApiResult<Vec<ApiClient>> {
        let principal = ctx.principal()?;
        let tenant = admin_tenant(principal, tenant_id.as_ref())?;
        Ok(app::list(ctx.app()?, principal, tenant)
            .await?
            .into_iter()
            .map(ApiClient)
            .collect())
    }
}

#[derive(Default)]
pub struct ApiClientMutation;

#[Object]
impl ApiClientMutation {
    /// Create a machine client; its secret is in the answer, and nowhere else.
    async fn create_api_client(
        &self,
        ctx: &Context<'_>,
        input: CreateApiClientInput,
    ) -> ApiResult<IssuedApiClient> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let tenant = admin_tenant(principal, input.tenant_id.as_ref())?;
        let name = DisplayName::parse(&input.name)?;
        let scopes = input
            .scopes
            .iter()
            .map(RoleGrantInput::parse)
            .collect::<ApiResult<Vec<_>>>()?;
        Ok(
            app::create(app, principal, &req.meta(), tenant, name, scopes)
                .await?
                .into(),
        )
    }

    /// A new secret; the old one and every token it got stop working now.
    async fn rotate_api_client_secret(
        &self,
        ctx: &Context<'_>,
        id: ID,
        tenant_id: Option<ID>,
    ) -> ApiResult<IssuedApiClient> {
        change(ctx, &id, tenant_id.as_ref(), Change::Rotate).await
    }

    /// End a client: its tokens stop working now and no new one is issued.
    async fn revoke_api_client(
        &self,
        ctx: &Context<'_>,
        id: ID,
        tenant_id: Option<ID>,
    ) -> ApiResult<ApiClient> {
        Ok(change(ctx, &id, tenant_id.as_ref(), Change::Revoke)
            .await?
            .client)
    }
}

async fn change(
    ctx: &Context<'_>,
    id: &ID,
    tenant_id: Option<&ID>,
    c: Change,
) -> ApiResult<IssuedApiClient> {
    let (app, req) = (ctx.app()?, ctx.request()?);
    let principal = req.principal()?;
    let tenant = admin_tenant(principal, tenant_id)?;
    let id = parse_id("id", id)?;
    Ok(app::change(app, principal, &req.meta(), tenant, id, c)
        .await?
        .into())
}
