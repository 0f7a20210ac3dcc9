//! Schema migrations. They run at start-up and by `arogya migrate`, on SQLite and
//! PostgreSQL alike; PostgreSQL additionally gets row-level security.

mod m20261122_000001_foundation;
mod rls;

use sea_orm_migration::prelude::*;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![Box::new(m20261122_000001_foundation::Migration)]
    }
}
