//! GraphQL object types shared by the modules, and parsing of IDs at the edge.

use super::context::ContextExt;
use crate::error::{ApiError, ApiResult};
use arogya_domain::ids::{FacilityId, TenantId, UnitId, UserId};
use arogya_domain::role::RoleGrant as DomainGrant;
use arogya_infra::repos::audit::AuditRecord;
use arogya_infra::repos::tenants::TenantRecord;
use arogya_infra::repos::users::UserRecord;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, ID};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// Parse an ID argument; a malformed one is a validation error naming the field.
pub fn parse_id(field: &str, id: &ID) -> ApiResult<Uuid> {
    Uuid::try_parse(id.as_str()).map_err(|_| ApiError::validation(field, "is not a valid ID"))
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::tenant::TenantKind")]
pub enum TenantKind {
    State,
    District,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum TenantStatus {
    Active,
    Suspended,
}

pub struct Tenant(pub TenantRecord);

#[Object]
impl Tenant {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn kind(&self) -> TenantKind {
        if self.0.kind == "district" {
            TenantKind::District
        } else {
            TenantKind::State
        }
    }
    /// Short code such as `WB` or `BR-MZP`: the prefix of every health ID issued here.
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    async fn status(&self) -> TenantStatus {
        if self.0.status == "suspended" {
            TenantStatus::Suspended
        } else {
            TenantStatus::Active
        }
    }
    /// The state a district tenant belongs to.
    async fn parent(&self, ctx: &Context<'_>) -> ApiResult<Option<Tenant>> {
        match self.0.parent_id {
            Some(p) => Ok(ctx.app()?.tenants.get(TenantId(p)).await?.map(Tenant)),
            None => Ok(None),
        }
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Pass this back as `expectedVersion` when changing the tenant.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

// Mirrors the domain's roles; `remote` generates the conversions both ways.
#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
#[graphql(remote = "arogya_domain::role::Role")]
pub enum Role {
    PlatformAdmin,
    StateAdmin,
    DistrictAdmin,
    FacilityAdmin,
    Doctor,
    Nurse,
    LabTechnician,
    HelplineOperator,
    HelplineDoctor,
    Surveyor,
    HospitalApplicant,
    /// Enters a facility's daily oxygen readings (scope it to the facility).
    OxygenOfficer,
    /// A district oxygen committee (scope it to the district) or, for the whole
    /// tenant, the state's oxygen cell.
    OxygenCommittee,
    /// Keeps a store: the state warehouse (whole tenant), a district drug store
    /// (scope it to the district) or a facility's stores (scope it to the facility).
    StoreKeeper,
    /// Dispenses at a facility's pharmacy (scope it to the facility).
    Pharmacist,
    /// Answers the district's indents and watches its stock (scope it to the district).
    DistrictDrugOfficer,
    /// Runs the state warehouse and the catalogue.
    StateProcurementOfficer,
    /// Watches notifiable diseases: scope it to a district (the district surveillance
    /// officer) or give it for the whole tenant (the state surveillance cell).
    SurveillanceOfficer,
}

/// A role and where it applies: the whole tenant, or narrowed to a unit or facility.
#[derive(SimpleObject, Clone)]
pub struct RoleGrant {
    pub role: Role,
    pub unit_id: Option<ID>,
    pub facility_id: Option<ID>,
}

impl From<&DomainGrant> for RoleGrant {
    fn from(g: &DomainGrant) -> Self {
        Self {
            role: g.role.into(),
            unit_id: g.unit().map(|u| ID(u.to_string())),
            facility_id: g.facility().map(|f| ID(f.to_string())),
        }
    }
}

#[derive(InputObject)]
pub struct RoleGrantInput {
    pub role: Role,
    /// Narrow the role to an administrative unit (e.g. a district admin's district).
    pub unit_id: Option<ID>,
    /// Narrow the role to one facility.
    pub facility_id: Option<ID>,
}

impl RoleGrantInput {
    pub fn parse(&self) -> ApiResult<DomainGrant> {
        let unit = self
            .unit_id
            .as_ref()
            .map(|u| parse_id("unitId", u).map(UnitId))
            .transpose()?;
        let facility = self
            .facility_id
            .as_ref()
            .map(|f| parse_id("facilityId", f).map(FacilityId))
            .transpose()?;
        Ok(DomainGrant::new(self.role.into(), unit, facility)?)
    }
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Debug)]
pub enum UserStatus {
    Active,
    Disabled,
}

/// A staff account.
pub struct User(pub UserRecord);

#[Object]
impl User {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn username(&self) -> &str {
        &self.0.username
    }
    async fn display_name(&self) -> &str {
        &self.0.display_name
    }
    async fn email(&self) -> Option<&str> {
        self.0.email.as_deref()
    }
    async fn status(&self) -> UserStatus {
        if self.0.status == "disabled" {
            UserStatus::Disabled
        } else {
            UserStatus::Active
        }
    }
    async fn roles(&self, ctx: &Context<'_>) -> ApiResult<Vec<RoleGrant>> {
        let grants = ctx
            .loaders()?
            .roles
            .load_one((TenantId(self.0.tenant_id), self.0.id))
            .await?
            .unwrap_or_default();
        Ok(grants.iter().map(RoleGrant::from).collect())
    }
    async fn tenant(&self, ctx: &Context<'_>) -> ApiResult<Option<Tenant>> {
        Ok(ctx
            .app()?
            .tenants
            .get(TenantId(self.0.tenant_id))
            .await?
            .map(Tenant))
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
    /// Pass this back as `expectedVersion` when updating the account.
    async fn version(&self) -> i32 {
        self.0.version
    }
}

/// Load one user of a tenant through the request's DataLoader.
pub async fn load_user(
    ctx: &Context<'_>,
    tenant: TenantId,
    id: UserId,
) -> ApiResult<Option<UserRecord>> {
    ctx.loaders()?.users.load_one((tenant, id.0)).await
}

/// One entry of the audit trail.
pub struct AuditEvent(pub AuditRecord);

#[Object]
impl AuditEvent {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    /// e.g. `user.create`, `auth.login_failed`, `tenant.suspend`.
    async fn action(&self) -> &str {
        &self.0.action
    }
    async fn entity_type(&self) -> &str {
        &self.0.entity_type
    }
    async fn entity_id(&self) -> Option<ID> {
        self.0.entity_id.map(|id| ID(id.to_string()))
    }
    /// `user`, `platform_admin`, `system` or `anonymous`.
    async fn actor_kind(&self) -> &str {
        &self.0.actor_kind
    }
    async fn actor_id(&self) -> Option<ID> {
        self.0.actor_id.map(|id| ID(id.to_string()))
    }
    /// The acting staff member, when the actor is a user of this tenant.
    async fn actor(&self, ctx: &Context<'_>) -> ApiResult<Option<User>> {
        match (self.0.actor_kind.as_str(), self.0.actor_id) {
            ("user", Some(id)) => Ok(load_user(ctx, TenantId(self.0.tenant_id), UserId(id))
                .await?
                .map(User)),
            _ => Ok(None),
        }
    }
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }
    async fn client_address(&self) -> Option<&str> {
        self.0.client_addr.as_deref()
    }
    async fn detail(&self) -> async_graphql::Json<serde_json::Value> {
        async_graphql::Json(self.0.detail.clone())
    }
    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}
