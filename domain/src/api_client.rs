//! Machine clients (a lab analyser's interface, another state system, a partner's
//! app) that sign in with OAuth 2.0 `client_credentials`. A client acts through an
//! account of its own whose roles are its scopes, so every rule that holds for staff
//! holds for it, and every call is audited under its name. Only roles a machine has
//! business holding may be granted: no administration, no helpline, no applicant.

use crate::role::{Role, RoleGrant};
use crate::tenant::TenantCode;
use crate::{DomainError, DomainResult};
use uuid::Uuid;

/// Roles a machine client may hold, each scoped as for staff (a lab technician at
/// one facility: "post lab results for facility X").
pub const MACHINE_ROLES: [Role; 7] = [
    Role::LabTechnician,
    Role::Doctor,
    Role::Nurse,
    Role::Surveyor,
    Role::OxygenOfficer,
    Role::StoreKeeper,
    Role::Pharmacist,
];

/// A client's scopes: 1 to 10 grants of machine roles.
pub fn machine_grants(grants: &[RoleGrant]) -> DomainResult<()> {
    if grants.is_empty() || grants.len() > 10 {
        return Err(DomainError::validation(
            "scopes",
            "a client needs 1 to 10 scopes",
        ));
    }
    if let Some(g) = grants.iter().find(|g| !MACHINE_ROLES.contains(&g.role)) {
        return Err(DomainError::validation(
            "scopes",
            format!(
                "{} is not a role a machine client may hold",
                g.role.as_str()
            ),
        ));
    }
    Ok(())
}

/// The `client_id` a client presents: its tenant's code and its id, `WB.0193…`, so
/// the tenant is known before any of its rows is read (no `:`, which HTTP Basic
/// would split on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientId {
    pub tenant: TenantCode,
    pub id: Uuid,
}

impl ClientId {
    pub fn parse(raw: &str) -> Option<Self> {
        let (code, id) = raw.trim().split_once('.')?;
        Some(Self {
            tenant: TenantCode::parse(code).ok()?,
            id: Uuid::parse_str(id).ok()?,
        })
    }

    pub fn format(tenant: &str, id: Uuid) -> String {
        format!("{tenant}.{id}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::FacilityId;

    #[test]
    fn a_client_id_names_its_tenant() {
        let id = Uuid::now_v7();
        let c = ClientId::parse(&ClientId::format("WB", id)).unwrap();
        assert_eq!((c.tenant.as_str(), c.id), ("WB", id));
        assert_eq!(ClientId::parse("WB"), None);
        assert_eq!(ClientId::parse("WB.not-a-uuid"), None);
        assert_eq!(ClientId::parse(&format!("w b.{id}")), None);
    }

    #[test]
    fn only_machine_roles_are_scopes() {
        let lab =
            RoleGrant::new(Role::LabTechnician, None, Some(FacilityId(Uuid::now_v7()))).unwrap();
        assert!(machine_grants(&[lab]).is_ok());
        assert!(machine_grants(&[]).is_err());
        let admin = RoleGrant::new(Role::StateAdmin, None, None).unwrap();
        assert!(machine_grants(&[lab, admin]).is_err());
    }
}
