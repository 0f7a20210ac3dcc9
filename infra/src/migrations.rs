//! Schema migrations. They run at start-up and by `arogya migrate`, on SQLite and
//! PostgreSQL alike; PostgreSQL additionally gets row-level security.

mod m20261122_000001_foundation;
mod m20261122_000002_admin_units;
mod m20261122_000003_facilities;
mod m20261122_000004_professionals;
mod m20261122_000005_patients;
mod m20261122_000006_health_records;
mod m20261201_000007_documents_onboarding;
mod m20261201_000008_helpline;
mod m20261201_000009_appointments;
mod m20261201_000010_agent_presence;
mod m20261201_000011_helpline_care;
mod m20261202_000012_lookup_indexes;
mod m20261202_000013_timeline_index_order;
mod m20261206_000014_idempotency_keys;
mod m20261206_000015_token_revocations;
mod m20261206_000016_grant_scope_keys;
mod m20261206_000017_audit_chain;
mod m20261206_000018_login_failures;
mod m20261206_000019_email_verifications;
mod m20261206_000020_national_id_key_versions;
mod m20261206_000021_inpatient;
mod m20261206_000022_inpatient_census;
mod m20261206_000023_referrals;
mod m20261206_000024_nursing_registers;
mod m20261206_000025_inpatient_settings;
mod m20261206_000026_district_bed_snapshots;
mod m20261206_000027_oxygen;
mod m20261206_000028_oxygen_watch;
mod m20261206_000029_oxygen_days;
mod m20261206_000030_supply;
mod m20261206_000031_dispensing;
mod m20261206_000032_stock_counts;
mod m20261206_000033_procurement;
mod m20261206_000034_supply_alerts;
mod m20261206_000035_indent_waste;
mod m20261206_000036_buffer_kits;
mod m20261207_000037_usable_until;
mod m20261207_000038_usage_marks;
mod m20261207_000039_api_clients;
mod m20261207_000040_surveillance;
mod m20261207_000041_surveillance_alerts;
mod m20261207_000042_dhis2_mappings;
mod m20261207_000043_outbreak_investigations;
mod m20261207_000044_surveillance_weekly_reports;
mod m20261207_000045_surveillance_rules;
mod m20261207_000046_case_sources;
mod m20261207_000047_training;
mod m20261207_000048_place_counts;
mod m20261207_000049_emr_rollout;
mod m20261207_000050_indicator_counts;
mod m20261207_000051_scorecards_awards;
mod m20261207_000052_lab_prescription_counts;
mod m20261207_000053_report_recipients;
mod m20261207_000054_rows_behind_indexes;
mod m20261207_000055_indicator_recounts;
mod m20261207_000056_facility_months;
mod rls;

use sea_orm_migration::prelude::*;

/// IDSP's conditions for a new tenant (see the surveillance migration).
pub(crate) use m20261207_000040_surveillance::seed_conditions;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_foundation::Migration),
            Box::new(m20261122_000002_admin_units::Migration),
            Box::new(m20261122_000003_facilities::Migration),
            Box::new(m20261122_000004_professionals::Migration),
            Box::new(m20261122_000005_patients::Migration),
            Box::new(m20261122_000006_health_records::Migration),
            Box::new(m20261201_000007_documents_onboarding::Migration),
            Box::new(m20261201_000008_helpline::Migration),
            Box::new(m20261201_000009_appointments::Migration),
            Box::new(m20261201_000010_agent_presence::Migration),
            Box::new(m20261201_000011_helpline_care::Migration),
            Box::new(m20261202_000012_lookup_indexes::Migration),
            Box::new(m20261202_000013_timeline_index_order::Migration),
            Box::new(m20261206_000014_idempotency_keys::Migration),
            Box::new(m20261206_000015_token_revocations::Migration),
            Box::new(m20261206_000016_grant_scope_keys::Migration),
            Box::new(m20261206_000017_audit_chain::Migration),
            Box::new(m20261206_000018_login_failures::Migration),
            Box::new(m20261206_000019_email_verifications::Migration),
            Box::new(m20261206_000020_national_id_key_versions::Migration),
            Box::new(m20261206_000021_inpatient::Migration),
            Box::new(m20261206_000022_inpatient_census::Migration),
            Box::new(m20261206_000023_referrals::Migration),
            Box::new(m20261206_000024_nursing_registers::Migration),
            Box::new(m20261206_000025_inpatient_settings::Migration),
            Box::new(m20261206_000026_district_bed_snapshots::Migration),
            Box::new(m20261206_000027_oxygen::Migration),
            Box::new(m20261206_000028_oxygen_watch::Migration),
            Box::new(m20261206_000029_oxygen_days::Migration),
            Box::new(m20261206_000030_supply::Migration),
            Box::new(m20261206_000031_dispensing::Migration),
            Box::new(m20261206_000032_stock_counts::Migration),
            Box::new(m20261206_000033_procurement::Migration),
            Box::new(m20261206_000034_supply_alerts::Migration),
            Box::new(m20261206_000035_indent_waste::Migration),
            Box::new(m20261206_000036_buffer_kits::Migration),
            Box::new(m20261207_000037_usable_until::Migration),
            Box::new(m20261207_000038_usage_marks::Migration),
            Box::new(m20261207_000039_api_clients::Migration),
            Box::new(m20261207_000040_surveillance::Migration),
            Box::new(m20261207_000041_surveillance_alerts::Migration),
            Box::new(m20261207_000042_dhis2_mappings::Migration),
            Box::new(m20261207_000043_outbreak_investigations::Migration),
            Box::new(m20261207_000044_surveillance_weekly_reports::Migration),
            Box::new(m20261207_000045_surveillance_rules::Migration),
            Box::new(m20261207_000046_case_sources::Migration),
            Box::new(m20261207_000047_training::Migration),
            Box::new(m20261207_000048_place_counts::Migration),
            Box::new(m20261207_000049_emr_rollout::Migration),
            Box::new(m20261207_000050_indicator_counts::Migration),
            Box::new(m20261207_000051_scorecards_awards::Migration),
            Box::new(m20261207_000052_lab_prescription_counts::Migration),
            Box::new(m20261207_000053_report_recipients::Migration),
            Box::new(m20261207_000054_rows_behind_indexes::Migration),
            Box::new(m20261207_000055_indicator_recounts::Migration),
            Box::new(m20261207_000056_facility_months::Migration),
        ]
    }
}

/// Create an index named `name` on `cols` of `table`.
pub(crate) async fn create_index<T: IntoIden + Copy + 'static>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: T,
    cols: &[T],
    unique: bool,
) -> Result<(), DbErr> {
    let mut idx = Index::create();
    idx.name(name).table(table);
    if unique {
        idx.unique();
    }
    for c in cols {
        idx.col(*c);
    }
    manager.create_index(idx.to_owned()).await
}
