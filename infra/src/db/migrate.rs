//! Running migrations, granting the application role, and checking readiness.

use crate::migrations::Migrator;
use anyhow::Context;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};
use sea_orm_migration::MigratorTrait;

/// Apply every pending migration. On PostgreSQL this must run as the role that owns
/// the tables, never as the application role.
pub async fn migrate(conn: &DatabaseConnection) -> anyhow::Result<()> {
    Migrator::up(conn, None).await.context("running migrations")
}

/// Tables the application role may only read and append to. It may read and write
/// every other table of the schema, so a new module's table cannot be forgotten.
const APPEND_ONLY_TABLES: &[&str] = &[
    "audit_events",
    "audit_chain",
    "application_events",
    "ticket_events",
];

/// Grant the application role what it needs and nothing more (PostgreSQL only):
/// no ownership, no UPDATE or DELETE on the audit trail. Idempotent.
pub async fn grant_app_role(conn: &DatabaseConnection, role: &str) -> anyhow::Result<()> {
    if conn.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    anyhow::ensure!(
        !role.is_empty()
            && role
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
        "the application role name must be lowercase letters, digits and underscores"
    );
    let exists = conn
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 AS one FROM pg_roles WHERE rolname = $1",
            [role.into()],
        ))
        .await?
        .is_some();
    anyhow::ensure!(
        exists,
        "the application role {role} does not exist: see the README's PostgreSQL section"
    );
    let mut sql = format!(
        "GRANT USAGE ON SCHEMA public TO {role};
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
         REVOKE INSERT, UPDATE, DELETE ON seaql_migrations FROM {role};\n"
    );
    for t in APPEND_ONLY_TABLES {
        sql.push_str(&format!("REVOKE UPDATE, DELETE ON {t} FROM {role};\n"));
    }
    conn.execute_unprepared(&sql)
        .await
        .context("granting the application role")?;
    Ok(())
}

/// Give platform work its own role (PostgreSQL): it gets the application role's rights
/// (platform transactions also write the tenant rows a new tenant starts with), and the
/// application role loses the platform administrators' table and writing to tenants,
/// so no tenant request can reach them. Idempotent.
pub async fn grant_platform_role(
    conn: &DatabaseConnection,
    platform_role: &str,
    app_role: &str,
) -> anyhow::Result<()> {
    if conn.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    grant_app_role(conn, platform_role).await?;
    conn.execute_unprepared(&format!(
        "REVOKE ALL ON platform_admins FROM {app_role};
         REVOKE INSERT, UPDATE, DELETE ON tenants FROM {app_role};"
    ))
    .await
    .context("narrowing the application role")?;
    Ok(())
}

/// True when every migration this build knows has been applied, and no unknown one.
pub async fn applied_migrations_match(conn: &DatabaseConnection) -> anyhow::Result<bool> {
    let rows = conn
        .query_all_raw(Statement::from_string(
            conn.get_database_backend(),
            "SELECT version FROM seaql_migrations",
        ))
        .await
        .context("reading applied migrations")?;
    let mut applied: Vec<String> = rows
        .iter()
        .filter_map(|r| r.try_get::<String>("", "version").ok())
        .collect();
    let mut known: Vec<String> = Migrator::migrations()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    applied.sort();
    known.sort();
    Ok(applied == known)
}
