//! Who is calling, and what they may do. Every module asks these policies instead of
//! checking roles itself, so the rules live in one place.

use crate::error::{DomainError, DomainResult};
use crate::ids::UnitId;
use crate::ids::{TenantId, UserId};
use crate::role::{Role, RoleGrant, RoleScope};
use crate::unit::UnitPath;

/// The part of a tenant's unit tree a caller may reach: all of it, or the subtrees
/// under some units (a district administrator's district).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitReach {
    Whole,
    Subtrees(Vec<UnitId>),
}

impl UnitReach {
    /// Does a unit (or anything placed in it) with this path lie within reach?
    pub fn allows(&self, path: &UnitPath) -> bool {
        match self {
            UnitReach::Whole => true,
            UnitReach::Subtrees(roots) => roots.iter().any(|r| path.contains(*r)),
        }
    }
}

/// The authenticated caller, as established from a verified access token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// Operates the platform: creates and suspends tenants. Belongs to no tenant.
    PlatformAdmin { id: UserId },
    /// A member of one tenant's staff with the roles granted there.
    Staff {
        id: UserId,
        tenant: TenantId,
        grants: Vec<RoleGrant>,
    },
}

impl Principal {
    pub fn user_id(&self) -> UserId {
        match self {
            Principal::PlatformAdmin { id } | Principal::Staff { id, .. } => *id,
        }
    }

    pub fn tenant(&self) -> Option<TenantId> {
        match self {
            Principal::PlatformAdmin { .. } => None,
            Principal::Staff { tenant, .. } => Some(*tenant),
        }
    }

    pub fn is_platform_admin(&self) -> bool {
        matches!(self, Principal::PlatformAdmin { .. })
    }

    pub fn has_role(&self, role: Role) -> bool {
        match self {
            Principal::PlatformAdmin { .. } => role == Role::PlatformAdmin,
            Principal::Staff { grants, .. } => grants.iter().any(|g| g.role == role),
        }
    }

    pub fn require_platform_admin(&self) -> DomainResult<()> {
        if self.is_platform_admin() {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "only platform administrators may do this",
            ))
        }
    }

    /// The tenant an administrative action applies to. Platform administrators name
    /// it; staff act in their own tenant, and naming another one looks like naming a
    /// tenant that does not exist.
    pub fn target_tenant(&self, requested: Option<TenantId>) -> DomainResult<TenantId> {
        match (self, requested) {
            (Principal::PlatformAdmin { .. }, Some(t)) => Ok(t),
            (Principal::PlatformAdmin { .. }, None) => Err(DomainError::validation(
                "tenantId",
                "platform administrators must name the tenant",
            )),
            (Principal::Staff { tenant, .. }, None) => Ok(*tenant),
            (Principal::Staff { tenant, .. }, Some(t)) if t == *tenant => Ok(t),
            (Principal::Staff { .. }, Some(_)) => Err(DomainError::NotFound { entity: "tenant" }),
        }
    }

    /// May this caller create accounts, reset passwords and read accounts in `tenant`?
    pub fn require_user_admin(&self, tenant: TenantId) -> DomainResult<()> {
        let ok = match self {
            Principal::PlatformAdmin { .. } => true,
            Principal::Staff {
                tenant: own,
                grants,
                ..
            } => {
                *own == tenant
                    && grants
                        .iter()
                        .any(|g| matches!(g.role, Role::StateAdmin | Role::DistrictAdmin))
            }
        };
        if ok {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "only state or district administrators may manage accounts",
            ))
        }
    }

    /// A state (tenant-wide) administrator, for tenant-wide rules such as document
    /// settings and SLA targets; `doing` completes the refusal ("set the document rules").
    pub fn require_state_admin(&self, doing: &str) -> DomainResult<TenantId> {
        match self {
            Principal::Staff { tenant, grants, .. }
                if grants
                    .iter()
                    .any(|g| g.role == Role::StateAdmin && g.scope == RoleScope::Tenant) =>
            {
                Ok(*tenant)
            }
            _ => Err(DomainError::forbidden(format!(
                "only state administrators {doing}"
            ))),
        }
    }

    /// May this caller read the audit trail of `tenant`?
    pub fn require_audit_reader(&self, tenant: TenantId) -> DomainResult<()> {
        self.require_user_admin(tenant)
            .map_err(|_| DomainError::forbidden("only administrators may read the audit trail"))
    }

    /// May this caller grant `grant`? Platform and state administrators grant any
    /// tenant role. A district administrator grants only non-administrative roles,
    /// and, when their own role is narrowed to a unit, only within that unit.
    /// (Facility-scoped grants are checked against the facility's unit once the
    /// facility registry exists.)
    pub fn require_can_grant(&self, tenant: TenantId, grant: &RoleGrant) -> DomainResult<()> {
        self.require_user_admin(tenant)?;
        let Principal::Staff { grants, .. } = self else {
            return Ok(());
        };
        if grants
            .iter()
            .any(|g| g.role == Role::StateAdmin && g.scope == RoleScope::Tenant)
        {
            return Ok(());
        }
        if matches!(grant.role, Role::StateAdmin | Role::DistrictAdmin) {
            return Err(DomainError::forbidden(
                "a district administrator cannot grant administrator roles",
            ));
        }
        let allowed = grants
            .iter()
            .filter(|g| g.role == Role::DistrictAdmin)
            .any(|g| match g.scope {
                RoleScope::Tenant => true,
                RoleScope::Unit(u) => grant.scope == RoleScope::Unit(u),
                RoleScope::Facility(_) => false,
            });
        if allowed {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "a district administrator grants roles only within their district",
            ))
        }
    }
}

impl Principal {
    /// How much of the registries (units, facilities, professionals) the caller may
    /// read. Staff whose every role is narrowed to units see only those subtrees;
    /// everyone else in the tenant sees the whole tenant.
    pub fn registry_read_reach(&self) -> UnitReach {
        match self {
            Principal::PlatformAdmin { .. } => UnitReach::Whole,
            Principal::Staff { grants, .. } => {
                let units: Vec<UnitId> = grants.iter().filter_map(|g| g.unit()).collect();
                if grants.is_empty() || units.len() < grants.len() {
                    UnitReach::Whole
                } else {
                    UnitReach::Subtrees(units)
                }
            }
        }
    }

    /// How much of the registries the caller may edit: state administrators and
    /// tenant-wide district administrators everything, a district administrator of X
    /// only what lies under X, anyone else nothing.
    pub fn registry_write_reach(&self) -> DomainResult<UnitReach> {
        let Principal::Staff { grants, .. } = self else {
            return Ok(UnitReach::Whole);
        };
        let admin = |g: &&RoleGrant| matches!(g.role, Role::StateAdmin | Role::DistrictAdmin);
        if grants
            .iter()
            .filter(admin)
            .any(|g| g.scope == RoleScope::Tenant)
        {
            return Ok(UnitReach::Whole);
        }
        let units: Vec<UnitId> = grants
            .iter()
            .filter(|g| g.role == Role::DistrictAdmin)
            .filter_map(|g| g.unit())
            .collect();
        if units.is_empty() {
            Err(DomainError::forbidden(
                "only state or district administrators may edit the registries",
            ))
        } else {
            Ok(UnitReach::Subtrees(units))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(tenant: TenantId, grants: Vec<RoleGrant>) -> Principal {
        Principal::Staff {
            id: UserId::new(),
            tenant,
            grants,
        }
    }
    fn grant(role: Role, unit: Option<UnitId>) -> RoleGrant {
        RoleGrant::new(role, unit, None).unwrap()
    }

    #[test]
    fn target_tenant_hides_other_tenants() {
        let (a, b) = (TenantId::new(), TenantId::new());
        let p = staff(a, vec![grant(Role::StateAdmin, None)]);
        assert_eq!(p.target_tenant(None).unwrap(), a);
        assert_eq!(p.target_tenant(Some(a)).unwrap(), a);
        assert!(matches!(
            p.target_tenant(Some(b)),
            Err(DomainError::NotFound { .. })
        ));
        let admin = Principal::PlatformAdmin { id: UserId::new() };
        assert_eq!(admin.target_tenant(Some(b)).unwrap(), b);
        assert!(admin.target_tenant(None).is_err());
    }

    #[test]
    fn only_admins_of_the_tenant_manage_users() {
        let (a, b) = (TenantId::new(), TenantId::new());
        assert!(staff(a, vec![grant(Role::StateAdmin, None)])
            .require_user_admin(a)
            .is_ok());
        assert!(staff(a, vec![grant(Role::StateAdmin, None)])
            .require_user_admin(b)
            .is_err());
        assert!(staff(a, vec![grant(Role::Doctor, None)])
            .require_user_admin(a)
            .is_err());
        assert!(Principal::PlatformAdmin { id: UserId::new() }
            .require_user_admin(b)
            .is_ok());
    }

    #[test]
    fn district_admins_grant_within_their_district_only() {
        let t = TenantId::new();
        let (mine, other) = (UnitId::new(), UnitId::new());
        let da = staff(t, vec![grant(Role::DistrictAdmin, Some(mine))]);
        assert!(da
            .require_can_grant(t, &grant(Role::Doctor, Some(mine)))
            .is_ok());
        assert!(da
            .require_can_grant(t, &grant(Role::Doctor, Some(other)))
            .is_err());
        assert!(da.require_can_grant(t, &grant(Role::Doctor, None)).is_err());
        assert!(da
            .require_can_grant(t, &grant(Role::DistrictAdmin, Some(mine)))
            .is_err());
        let sa = staff(t, vec![grant(Role::StateAdmin, None)]);
        assert!(sa
            .require_can_grant(t, &grant(Role::DistrictAdmin, Some(other)))
            .is_ok());
        let nurse = staff(t, vec![grant(Role::Nurse, None)]);
        assert!(nurse
            .require_can_grant(t, &grant(Role::Nurse, None))
            .is_err());
    }

    #[test]
    fn registry_reach_follows_district_scopes() {
        let t = TenantId::new();
        let (x, y) = (UnitId::new(), UnitId::new());
        let in_x = UnitPath::root(UnitId::new()).child(x).child(UnitId::new());
        let in_y = UnitPath::root(UnitId::new()).child(y);
        let da = staff(t, vec![grant(Role::DistrictAdmin, Some(x))]);
        assert!(da.registry_read_reach().allows(&in_x));
        assert!(!da.registry_read_reach().allows(&in_y));
        let write = da.registry_write_reach().unwrap();
        assert!(write.allows(&in_x) && !write.allows(&in_y));
        let sa = staff(t, vec![grant(Role::StateAdmin, None)]);
        assert_eq!(sa.registry_write_reach().unwrap(), UnitReach::Whole);
        let doctor = staff(t, vec![grant(Role::Doctor, None)]);
        assert_eq!(doctor.registry_read_reach(), UnitReach::Whole);
        assert!(doctor.registry_write_reach().is_err());
        let unit_nurse = staff(t, vec![grant(Role::Nurse, Some(y))]);
        assert!(unit_nurse.registry_write_reach().is_err());
        assert!(!unit_nurse.registry_read_reach().allows(&in_x));
    }
}
