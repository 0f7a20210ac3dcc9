//! The GraphQL schema, merged from one part per module.

pub mod api_clients;
pub mod appointments;
pub mod audit;
pub mod context;
pub mod dashboards;
pub mod documents;
pub mod facilities;
pub mod helpline;
pub mod helpline_care;
pub mod helpline_enums;
pub mod helpline_kb;
pub mod helpline_stats;
pub mod import;
pub mod inpatient;
pub mod loaders;
pub mod notifications;
pub mod onboarding;
pub mod oxygen;
pub mod pagination;
pub mod patients;
pub mod professionals;
pub mod records;
pub mod session;
pub mod supply;
pub mod surveillance;
pub mod tenants;
pub mod training;
pub mod types;
pub mod units;
pub mod users;

use crate::state::SharedState;
use async_graphql::{MergedObject, MergedSubscription, Schema};

#[derive(MergedObject, Default)]
pub struct QueryRoot(
    session::SessionQuery,
    tenants::TenantQuery,
    users::UserQuery,
    api_clients::ApiClientQuery,
    audit::AuditQuery,
    units::UnitQuery,
    facilities::FacilityQuery,
    professionals::ProfessionalQuery,
    patients::PatientQuery,
    records::RecordQuery,
    documents::DocumentQuery,
    onboarding::OnboardingQuery,
    helpline::HelplineQuery,
    helpline_kb::HelplineKbQuery,
    helpline_stats::HelplineStatsQuery,
    helpline_care::HelplineCareQuery,
    appointments::AppointmentQuery,
    inpatient::InpatientQuery,
    inpatient::NursingQuery,
    oxygen::OxygenQuery,
    oxygen::OxygenWatchQuery,
    oxygen::EquipmentQuery,
    supply::SupplyQueries,
    surveillance::SurveillanceQuery,
    training::TrainingQuery,
    dashboards::DashboardQuery,
    notifications::NotificationQuery,
);

#[derive(MergedObject, Default)]
pub struct MutationRoot(
    session::SessionMutation,
    tenants::TenantMutation,
    users::UserMutation,
    api_clients::ApiClientMutation,
    units::UnitMutation,
    facilities::FacilityMutation,
    professionals::ProfessionalMutation,
    import::ImportMutation,
    patients::PatientMutation,
    import::SurveyImportMutation,
    records::RecordMutation,
    documents::DocumentMutation,
    onboarding::OnboardingMutation,
    helpline::HelplineMutation,
    helpline_kb::HelplineKbMutation,
    helpline_care::HelplineCareMutation,
    appointments::AppointmentMutation,
    inpatient::InpatientMutation,
    inpatient::NursingMutation,
    oxygen::OxygenMutation,
    oxygen::OxygenWatchMutation,
    oxygen::EquipmentMutation,
    supply::SupplyMutations,
    surveillance::SurveillanceMutation,
    training::TrainingMutation,
    dashboards::DashboardMutation,
);

#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(
    audit::AuditSubscription,
    helpline::HelplineSubscription,
    inpatient::InpatientSubscription,
    oxygen::OxygenSubscription,
    surveillance::SurveillanceSubscription,
);

pub type AppSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// Limits are enforced: an over-deep or over-complex query is rejected before it runs.
pub fn build_schema(
    state: Option<SharedState>,
    max_depth: usize,
    max_complexity: usize,
) -> AppSchema {
    let mut builder = Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .limit_depth(max_depth)
    .limit_complexity(max_complexity)
    .limit_recursive_depth(32)
    .limit_directives(16);
    if let Some(state) = state {
        builder = builder.data(state);
    }
    builder.finish()
}

/// The schema in SDL, as committed in `api/schema.graphql`.
pub fn sdl() -> String {
    build_schema(None, usize::MAX, usize::MAX).sdl()
}
