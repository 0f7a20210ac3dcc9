//! National-ID hashes carry the PII key version they were made under (`v2:` + hex for
//! version 2 and later; version 1 stays bare hex), so the master key can be rotated
//! and stored hashes re-keyed in place: the column grows to hold the prefix.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite does not enforce VARCHAR lengths: nothing to change there.
        if manager.get_database_backend() == sea_orm::DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "ALTER TABLE patients ALTER COLUMN national_id_hash TYPE varchar(80)",
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Err(DbErr::Migration(
            "key versions are never removed by a migration".into(),
        ))
    }
}
