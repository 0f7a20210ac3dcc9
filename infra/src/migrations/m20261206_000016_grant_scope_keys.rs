//! A role grant's unit and facility belong to the grant's own tenant. The application
//! checks it and answers by name; these keys stand behind the check, as every other
//! tenant table's composite `(tenant_id, …)` keys do.
//!
//! Before this, a grant could name a unit or facility of another tenant, or none. Such
//! a grant gave nothing (scope checks compare with the tenant's own units and
//! facilities), so removing it changes no one's access; it is removed, and counted in
//! the migration's notice, so the keys can hold for every row.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const STRAY: &str = "
  (unit_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM admin_units u WHERE u.tenant_id = role_assignments.tenant_id AND u.id = role_assignments.unit_id))
  OR (facility_id IS NOT NULL AND NOT EXISTS (
     SELECT 1 FROM facilities f WHERE f.tenant_id = role_assignments.tenant_id AND f.id = role_assignments.facility_id))";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let sql = match manager.get_database_backend() {
            sea_orm::DbBackend::Postgres => format!(
                "-- Row-level security is forced even for the owner: lift it for this one
                 -- statement, or every unit would look missing and every grant stray.
                 ALTER TABLE role_assignments NO FORCE ROW LEVEL SECURITY;
                 ALTER TABLE admin_units NO FORCE ROW LEVEL SECURITY;
                 ALTER TABLE facilities NO FORCE ROW LEVEL SECURITY;
                 DO $$ DECLARE n integer; BEGIN
                   DELETE FROM role_assignments WHERE {STRAY};
                   GET DIAGNOSTICS n = ROW_COUNT;
                   IF n > 0 THEN RAISE NOTICE 'removed % role grants naming another tenant''s unit or facility', n; END IF;
                 END $$;
                 ALTER TABLE role_assignments FORCE ROW LEVEL SECURITY;
                 ALTER TABLE admin_units FORCE ROW LEVEL SECURITY;
                 ALTER TABLE facilities FORCE ROW LEVEL SECURITY;
                 ALTER TABLE role_assignments
                   ADD CONSTRAINT fk_role_assignments_unit FOREIGN KEY (tenant_id, unit_id)
                     REFERENCES admin_units (tenant_id, id),
                   ADD CONSTRAINT fk_role_assignments_facility FOREIGN KEY (tenant_id, facility_id)
                     REFERENCES facilities (tenant_id, id);"
            ),
            // SQLite cannot add a key to an existing table; triggers hold the same rule.
            _ => format!(
                "DELETE FROM role_assignments WHERE {STRAY};
                 CREATE TRIGGER tr_role_assignments_scope_insert
                 BEFORE INSERT ON role_assignments
                 WHEN (NEW.unit_id IS NOT NULL AND NOT EXISTS (
                         SELECT 1 FROM admin_units u WHERE u.tenant_id = NEW.tenant_id AND u.id = NEW.unit_id))
                   OR (NEW.facility_id IS NOT NULL AND NOT EXISTS (
                         SELECT 1 FROM facilities f WHERE f.tenant_id = NEW.tenant_id AND f.id = NEW.facility_id))
                 BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: role grant scope'); END;
                 CREATE TRIGGER tr_role_assignments_scope_update
                 BEFORE UPDATE OF tenant_id, unit_id, facility_id ON role_assignments
                 WHEN (NEW.unit_id IS NOT NULL AND NOT EXISTS (
                         SELECT 1 FROM admin_units u WHERE u.tenant_id = NEW.tenant_id AND u.id = NEW.unit_id))
                   OR (NEW.facility_id IS NOT NULL AND NOT EXISTS (
                         SELECT 1 FROM facilities f WHERE f.tenant_id = NEW.tenant_id AND f.id = NEW.facility_id))
                 BEGIN SELECT RAISE(ABORT, 'FOREIGN KEY constraint failed: role grant scope'); END;"
            ),
        };
        db.execute_unprepared(&sql).await.map(|_| ())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "the keys of role grants are never dropped by a migration".into(),
        ))
    }
}
