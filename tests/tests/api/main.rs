//! Black-box tests of the running server. Every scenario runs on SQLite and on
//! PostgreSQL (through the RLS-bound application role), each against a fresh database.

/// Run `$name(backend)` once per backend, as `$name::sqlite` and `$name::postgres`.
macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name(arogya_tests::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                super::$name(arogya_tests::Backend::Postgres).await
            }
        }
    )+};
}

/// Run `$name(backend, store)` on both databases and both document stores.
macro_rules! on_all_stores {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            use arogya_tests::{Backend, Store};
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite_fs() {
                super::$name(Backend::Sqlite, Store::Fs).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres_fs() {
                super::$name(Backend::Postgres, Store::Fs).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite_s3() {
                super::$name(Backend::Sqlite, Store::S3).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres_s3() {
                super::$name(Backend::Postgres, Store::S3).await
            }
        }
    )+};
}

mod api_clients;
mod appointments;
mod archive;
mod audit;
mod audit_chain;
mod bad_input;
mod binary;
mod cards;
mod confirmations;
mod control_chars;
mod crash;
mod documents;
mod documents_cleanup;
mod emr_rollout;
mod facilities;
mod fhir;
mod fhir_complete;
mod helpline;
mod helpline_agents;
mod helpline_care;
mod helpline_live;
mod idempotency;
mod import;
mod indicator_days;
mod indicator_registry;
mod indicator_report;
mod indicator_rows;
mod indicators;
mod indicators_rollups;
mod inpatient;
mod inpatient_census;
mod inpatient_chart;
mod inpatient_family;
mod inpatient_fhir;
mod inpatient_referrals;
mod inpatient_registers;
mod inpatient_reservations;
mod inpatient_support;
mod isolation;
mod kb;
mod offline_ids;
mod onboarding;
mod onboarding_email;
mod onboarding_outcomes;
mod onboarding_support;
mod ops;
mod outage;
mod oxygen;
mod oxygen_alerts;
mod oxygen_equipment;
mod oxygen_import;
mod patient_isolation;
mod patients;
mod persisted_queries;
mod pii_keys;
mod prints;
mod professionals;
mod records;
mod revocation;
mod rls;
mod schema;
mod scorecards;
mod search;
mod session;
mod subscriptions;
mod supply;
mod supply_counts;
mod supply_dispensing;
mod supply_import;
mod supply_indents;
mod supply_preparedness;
mod supply_procurement;
mod supply_reports;
mod supply_returns;
mod supply_support;
mod supply_usage;
mod surveillance;
mod surveillance_alerts;
mod surveillance_baselines;
mod surveillance_cases;
mod surveillance_corrections;
mod surveillance_dhis2;
mod surveillance_exports;
mod surveillance_investigations;
mod surveillance_reporting;
mod surveillance_rollups;
mod surveillance_rules;
mod surveys;
mod tenants;
mod tokens;
mod training;
mod units;
mod users;
mod validation;
mod visits;
mod vitals;
