//! Demo data: a platform administrator and three tenants (West Bengal, Bihar, and
//! Muzaffarpur district of Bihar), each with an administrator. Running it again
//! changes nothing.

use crate::app::tenants::{create_tenant, CreateTenant};
use crate::app::NewAccount;
use crate::state::AppState;
use arogya_domain::audit::Actor;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::tenant::{TenantCode, TenantKind, TenantName};
use arogya_domain::user::{DisplayName, Email, NewPassword, Username};
use arogya_infra::auth::password::hash_password;
use arogya_infra::db::Access;
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::repos::{platform_admins, tenants};

/// One demo login, printed for the person trying Arogya out.
pub struct DemoLogin {
    pub tenant_code: Option<&'static str>,
    pub username: &'static str,
    pub password: &'static str,
}

pub const PLATFORM_ADMIN: DemoLogin = DemoLogin {
    tenant_code: None,
    username: "platform",
    password: "platform-demo-2026",
};

struct DemoTenant {
    kind: TenantKind,
    code: &'static str,
    name: &'static str,
    parent: Option<&'static str>,
    admin: DemoLogin,
    admin_name: &'static str,
}

const TENANTS: [DemoTenant; 3] = [
    DemoTenant {
        kind: TenantKind::State,
        code: "WB",
        name: "West Bengal",
        parent: None,
        admin: DemoLogin {
            tenant_code: Some("WB"),
            username: "wb.admin",
            password: "wb-demo-admin-2026",
        },
        admin_name: "West Bengal State Administrator",
    },
    DemoTenant {
        kind: TenantKind::State,
        code: "BR",
        name: "Bihar",
        parent: None,
        admin: DemoLogin {
            tenant_code: Some("BR"),
            username: "br.admin",
            password: "br-demo-admin-2026",
        },
        admin_name: "Bihar State Administrator",
    },
    DemoTenant {
        kind: TenantKind::District,
        code: "BR-MZP",
        name: "Muzaffarpur",
        parent: Some("BR"),
        admin: DemoLogin {
            tenant_code: Some("BR-MZP"),
            username: "mzp.admin",
            password: "mzp-demo-admin-2026",
        },
        admin_name: "Muzaffarpur District Administrator",
    },
];

/// Create whatever of the demo data is missing; return every demo login.
pub async fn seed(state: &AppState) -> anyhow::Result<Vec<DemoLogin>> {
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        client_addr: None,
    };
    let username = Username::parse(PLATFORM_ADMIN.username)?;
    let tx = state.db.platform_tx(Access::Write).await?;
    if platform_admins::find_by_username(&tx, &username)
        .await?
        .is_none()
    {
        let hash = hash_password(&NewPassword::parse(
            PLATFORM_ADMIN.password,
            "password",
            None,
        )?)
        .await?;
        let name = DisplayName::parse("Platform Administrator")?;
        platform_admins::insert(&tx, &username, None, &name, hash).await?;
    }
    tx.commit().await?;

    let mut logins = vec![PLATFORM_ADMIN];
    for t in TENANTS {
        let code = TenantCode::parse(t.code)?;
        if tenants::find_by_code(state.db.conn(), &code)
            .await?
            .is_none()
        {
            let role = if t.kind == TenantKind::State {
                Role::StateAdmin
            } else {
                Role::DistrictAdmin
            };
            let username = Username::parse(t.admin.username)?;
            let admin = NewAccount {
                password: NewPassword::parse(t.admin.password, "password", Some(&username))?,
                username,
                display_name: DisplayName::parse(t.admin_name)?,
                email: Some(Email::parse(&format!(
                    "{}@demo.arogya.example",
                    t.admin.username
                ))?),
                grants: vec![RoleGrant::new(role, None, None)?],
            };
            let request = CreateTenant {
                kind: t.kind,
                code,
                name: TenantName::parse(t.name)?,
                parent_code: t.parent.map(TenantCode::parse).transpose()?,
                first_admin: Some(admin),
            };
            create_tenant(state, Actor::System, &meta, request)
                .await
                .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        }
        logins.push(t.admin);
    }
    Ok(logins)
}

pub fn print_logins(logins: &[DemoLogin]) {
    println!("Demo logins (for trying Arogya out only; never use these passwords in production):");
    for l in logins {
        match l.tenant_code {
            Some(code) => println!(
                "  tenant {code:<7} user {:<12} password {}",
                l.username, l.password
            ),
            None => println!(
                "  platform admin   user {:<12} password {}",
                l.username, l.password
            ),
        }
    }
}
