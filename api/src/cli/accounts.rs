//! `arogya tenant` and `arogya user`: tenants and accounts, as an operator.

use super::{api_err, cli_meta, KindArg, TenantCommand, UserCommand};
use crate::app::tenants::{create_tenant, set_status, CreateTenant};
use crate::app::users::create_user;
use crate::app::NewAccount;
use crate::state::AppState;
use anyhow::Context;
use arogya_domain::audit::Actor;
use arogya_domain::ids::TenantId;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::tenant::{TenantCode, TenantKind, TenantName, TenantStatus};
use arogya_domain::user::{DisplayName, Email, NewPassword, Username};
use arogya_infra::auth::password::{hash_password, random_password};
use arogya_infra::db::Access;
use arogya_infra::repos::{platform_admins, tenants};

pub(super) async fn tenant(state: &AppState, command: TenantCommand) -> anyhow::Result<()> {
    match command {
        TenantCommand::Create {
            kind,
            code,
            name,
            parent,
        } => {
            let request = CreateTenant {
                kind: match kind {
                    KindArg::State => TenantKind::State,
                    KindArg::District => TenantKind::District,
                },
                code: TenantCode::parse(&code)?,
                name: TenantName::parse(&name)?,
                parent_code: parent.as_deref().map(TenantCode::parse).transpose()?,
                first_admin: None,
            };
            let t = create_tenant(state, Actor::System, &cli_meta(), request)
                .await
                .map_err(api_err)?;
            println!("created tenant {} ({}) id {}", t.code, t.name, t.id);
        }
        TenantCommand::List => {
            let page = arogya_domain::page::PageRequest::new(Some(100), None)?;
            for t in tenants::list(state.db.conn(), page).await?.items {
                println!(
                    "{:<8} {:<9} {:<10} {}  {}",
                    t.code, t.kind, t.status, t.id, t.name
                );
            }
        }
        TenantCommand::Suspend { code } => {
            change_status(state, &code, TenantStatus::Suspended).await?
        }
        TenantCommand::Export { .. } | TenantCommand::Import { .. } => {
            unreachable!("archives are handled in cli::archive")
        }
        TenantCommand::Reactivate { code } => {
            change_status(state, &code, TenantStatus::Active).await?
        }
    }
    Ok(())
}

pub(super) async fn user(state: &AppState, command: UserCommand) -> anyhow::Result<()> {
    let UserCommand::Create {
        tenant,
        username,
        display_name,
        email,
        roles,
        platform_admin,
    } = command;
    let username = Username::parse(&username)?;
    let display_name = DisplayName::parse(&display_name)?;
    let email = email.as_deref().map(Email::parse).transpose()?;
    let (password, generated) = new_password(&username)?;
    if platform_admin {
        let hash = hash_password(&password).await?;
        let tx = state.db.platform_tx(Access::Write).await?;
        platform_admins::insert(&tx, &username, email.as_ref(), &display_name, hash)
            .await
            .map_err(|e| match e {
                arogya_infra::db::InfraError::Domain(d) => anyhow::anyhow!("{d}"),
                arogya_infra::db::InfraError::Internal(i) => i,
            })?;
        tx.commit().await?;
        println!("created platform administrator {}", username.as_str());
    } else {
        let code = TenantCode::parse(tenant.as_deref().unwrap_or_default())?;
        let t = tenants::find_by_code(state.db.conn(), &code)
            .await?
            .with_context(|| format!("no tenant {code}"))?;
        let grants = roles
            .iter()
            .map(|r| RoleGrant::new(Role::parse(r)?, None, None))
            .collect::<Result<Vec<_>, _>>()?;
        let account = NewAccount {
            username: username.clone(),
            display_name,
            email,
            password: password.clone(),
            grants,
        };
        create_user(
            state,
            Actor::System,
            &cli_meta(),
            TenantId(t.id),
            account,
            false,
        )
        .await
        .map_err(api_err)?;
        println!("created user {} in {}", username.as_str(), code);
    }
    if generated {
        println!("password (shown once): {}", password.expose());
    }
    Ok(())
}

fn new_password(username: &Username) -> anyhow::Result<(NewPassword, bool)> {
    match std::env::var("AROGYA_NEW_PASSWORD") {
        Ok(p) => Ok((
            NewPassword::parse(&p, "AROGYA_NEW_PASSWORD", Some(username))
                .map_err(|e| anyhow::anyhow!("{e}"))?,
            false,
        )),
        Err(_) => Ok((random_password(), true)),
    }
}

async fn change_status(
    state: &crate::state::AppState,
    code: &str,
    status: TenantStatus,
) -> anyhow::Result<()> {
    let code = TenantCode::parse(code)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let t = set_status(
        state,
        Actor::System,
        &cli_meta(),
        TenantId(t.id),
        status,
        None,
        Some("by an operator on the command line".into()),
    )
    .await
    .map_err(api_err)?;
    println!("tenant {} is now {}", t.code, t.status);
    Ok(())
}
