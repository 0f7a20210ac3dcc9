//! Row-level security for PostgreSQL. Every tenant-owned table gets RLS enabled and
//! forced (so even the table owner is filtered) and one policy comparing `tenant_id`
//! with the transaction's `app.tenant_id` setting.

use sea_orm_migration::prelude::*;

/// Functions the policies call. `app_current_tenant()` is NULL when the setting is
/// absent, empty or `platform`, and NULL matches no row.
pub const FUNCTIONS: &str = r#"
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN current_setting('app.tenant_id', true) ~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
    THEN current_setting('app.tenant_id', true)::uuid
  END
$$;
CREATE OR REPLACE FUNCTION app_in_platform_scope() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(current_setting('app.tenant_id', true), '') = 'platform'
$$;
"#;

/// Enable and force RLS on `table` with the standard tenant policy.
pub async fn protect_tenant_table(manager: &SchemaManager<'_>, table: &str) -> Result<(), DbErr> {
    protect_with_policy(manager, table, "tenant_id = app_current_tenant()").await
}

/// Enable and force RLS on `table` with a custom policy expression.
pub async fn protect_with_policy(
    manager: &SchemaManager<'_>,
    table: &str,
    expr: &str,
) -> Result<(), DbErr> {
    let sql = format!(
        "ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
         ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
         CREATE POLICY tenant_isolation ON {table} USING ({expr}) WITH CHECK ({expr});"
    );
    manager
        .get_connection()
        .execute_unprepared(&sql)
        .await
        .map(|_| ())
}
