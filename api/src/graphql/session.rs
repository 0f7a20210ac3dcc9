//! `login`, `refreshToken`, `logout`, `changePassword` and `me`.

use super::context::ContextExt;
use super::types::{load_user, RoleGrant, Tenant, User};
use crate::app::session::{self, Session};
use crate::error::ApiResult;
use arogya_domain::access::Principal;
use arogya_domain::user::NewPassword;
use async_graphql::{Context, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};

#[derive(InputObject)]
pub struct LoginInput {
    /// The tenant's code (`WB`, `BR-MZP`); leave out to log in as a platform administrator.
    pub tenant_code: Option<String>,
    /// Username or e-mail address.
    pub login: String,
    pub password: String,
}

/// Tokens for a session. Send the access token as `Authorization: Bearer …`; before it
/// expires, exchange the refresh token (once) for a new pair.
#[derive(SimpleObject)]
pub struct AuthPayload {
    pub access_token: String,
    pub access_token_expires_at: DateTime<Utc>,
    pub refresh_token: String,
    pub refresh_token_expires_at: DateTime<Utc>,
    pub token_type: String,
    pub me: Me,
}

impl From<Session> for AuthPayload {
    fn from(s: Session) -> Self {
        Self {
            access_token: s.access_token,
            access_token_expires_at: s.access_token_expires_at,
            refresh_token: s.refresh.token.expose().clone(),
            refresh_token_expires_at: s.refresh.expires_at,
            token_type: "Bearer".into(),
            me: Me {
                principal: s.principal,
                display_name: s.display_name,
            },
        }
    }
}

/// The signed-in caller. Everything but `user` comes from the verified access token
/// and the cached tenant, so the common `me` query costs no database round trip.
pub struct Me {
    principal: Principal,
    display_name: String,
}

#[Object]
impl Me {
    async fn user_id(&self) -> ID {
        ID(self.principal.user_id().to_string())
    }
    async fn is_platform_admin(&self) -> bool {
        self.principal.is_platform_admin()
    }
    async fn roles(&self) -> Vec<RoleGrant> {
        match &self.principal {
            Principal::PlatformAdmin { .. } => vec![RoleGrant {
                role: super::types::Role::PlatformAdmin,
                unit_id: None,
                facility_id: None,
            }],
            Principal::Staff { grants, .. } => grants.iter().map(RoleGrant::from).collect(),
        }
    }
    /// The caller's tenant; null for platform administrators.
    async fn tenant(&self, ctx: &Context<'_>) -> ApiResult<Option<Tenant>> {
        match self.principal.tenant() {
            Some(t) => Ok(ctx.app()?.tenants.get(t).await?.map(Tenant)),
            None => Ok(None),
        }
    }
    /// The caller's account; null for platform administrators.
    async fn user(&self, ctx: &Context<'_>) -> ApiResult<Option<User>> {
        match &self.principal {
            Principal::Staff { id, tenant, .. } => {
                Ok(load_user(ctx, *tenant, *id).await?.map(User))
            }
            Principal::PlatformAdmin { .. } => Ok(None),
        }
    }
    /// The secret the web app seals the work kept on this person's phone with (see
    /// `PiiKeys::offline_secret`), base64url; null for platform administrators. Never
    /// stored by the app: asked for again by every page that opens.
    async fn offline_secret(&self, ctx: &Context<'_>) -> ApiResult<Option<String>> {
        use base64::Engine as _;
        Ok(match &self.principal {
            Principal::Staff { id, tenant, .. } => Some(
                base64::engine::general_purpose::URL_SAFE_NO_PAD
                    .encode(ctx.app()?.pii.offline_secret(*tenant, id.0)),
            ),
            Principal::PlatformAdmin { .. } => None,
        })
    }
    /// As of when the access token was issued.
    async fn display_name(&self) -> &str {
        &self.display_name
    }
}

#[derive(Default)]
pub struct SessionQuery;

#[Object]
impl SessionQuery {
    /// Who is calling: user, tenant and roles.
    async fn me(&self, ctx: &Context<'_>) -> ApiResult<Me> {
        let req = ctx.request()?;
        Ok(Me {
            principal: req.principal()?.clone(),
            display_name: req.display_name().to_owned(),
        })
    }
}

#[derive(Default)]
pub struct SessionMutation;

#[Object]
impl SessionMutation {
    /// Log in. Repeated failures are throttled (`RATE_LIMITED`); the error never says
    /// whether the tenant or account exists.
    async fn login(&self, ctx: &Context<'_>, input: LoginInput) -> ApiResult<AuthPayload> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let session = session::login(
            app,
            &req.meta(),
            input.tenant_code.as_deref(),
            &input.login,
            input.password,
        )
        .await?;
        Ok(session.into())
    }

    /// Exchange a refresh token for new tokens. Each refresh token works once; using
    /// one twice ends the session.
    async fn refresh_token(
        &self,
        ctx: &Context<'_>,
        refresh_token: String,
    ) -> ApiResult<AuthPayload> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        Ok(session::refresh(app, &req.meta(), &refresh_token)
            .await?
            .into())
    }

    /// End the session of this refresh token. Always true, so it tells nothing.
    async fn logout(&self, ctx: &Context<'_>, refresh_token: String) -> ApiResult<bool> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        session::logout(app, &req.meta(), &refresh_token).await?;
        Ok(true)
    }

    /// Change your own password. Ends all your sessions: log in again afterwards.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        current_password: String,
        new_password: String,
    ) -> ApiResult<bool> {
        let (app, req) = (ctx.app()?, ctx.request()?);
        let principal = req.principal()?;
        let new = NewPassword::parse(&new_password, "newPassword", None)?;
        session::change_password(app, &req.meta(), principal, current_password, new).await?;
        Ok(true)
    }
}
