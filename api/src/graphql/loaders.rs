//! DataLoaders, created fresh for every request so nothing is cached across users.
//! Keys carry the tenant, and each batch runs in a transaction scoped to that tenant,
//! so a loader can never return another tenant's rows.

use crate::app::professionals::today;
use crate::error::ApiError;
use arogya_domain::document::DocumentSettings;
use arogya_domain::helpline::{Category, SlaTarget};
use arogya_domain::ids::TenantId;
use arogya_domain::role::RoleGrant;
use arogya_infra::db::Access;
use arogya_infra::repos::applications::{self, EventRecord};
use arogya_infra::repos::cards::{self, CardRecord};
use arogya_infra::repos::clinical::{self, EntryRecord, VersionRecord};
use arogya_infra::repos::dispatches::{self, DispatchRecord};
use arogya_infra::repos::documents::{self, DocumentRecord, Owner};
use arogya_infra::repos::facilities::{self, FacilityRecord};
use arogya_infra::repos::helpline::{self, TicketEventRecord};
use arogya_infra::repos::patients::{self, PatientRecord};
use arogya_infra::repos::professionals::{
    self, group_by, AttachmentRecord, ProfessionalRecord, RegistrationRecord,
};
use arogya_infra::repos::roles;
use arogya_infra::repos::units::{self, UnitRecord};
use arogya_infra::repos::users::{self, UserRecord};
use arogya_infra::{Db, TenantTx};
use async_graphql::dataloader::{DataLoader, Loader};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// (tenant, row id)
pub type Key = (TenantId, Uuid);

/// Run `fetch` once per tenant among `keys`, in a read transaction of that tenant.
async fn per_tenant<V, F>(db: &Db, keys: &[Key], fetch: F) -> Result<HashMap<Key, V>, ApiError>
where
    F: for<'a> AsyncFn(&'a TenantTx, Vec<Uuid>) -> Result<Vec<(Uuid, V)>, ApiError>,
{
    let mut groups: HashMap<TenantId, Vec<Uuid>> = HashMap::new();
    for (t, id) in keys {
        groups.entry(*t).or_default().push(*id);
    }
    let mut out = HashMap::new();
    for (tenant, ids) in groups {
        let tx = db.tenant_tx(tenant, Access::Read).await?;
        for (id, v) in fetch(&tx, ids).await? {
            out.insert((tenant, id), v);
        }
        tx.commit().await?;
    }
    Ok(out)
}

/// Declare a loader from (tenant, id) keys to values, given the batch query.
macro_rules! tenant_loader {
    ($(#[$doc:meta])* $name:ident, $handle:ident, $value:ty, |$tx:ident, $ids:ident| $fetch:expr) => {
        $(#[$doc])*
        pub struct $name {
            db: Db,
        }

        impl Loader<Key> for $name {
            type Value = $value;
            type Error = ApiError;

            async fn load(&self, keys: &[Key]) -> Result<HashMap<Key, $value>, ApiError> {
                per_tenant(&self.db, keys, async |$tx: &TenantTx, $ids: Vec<Uuid>| -> Result<Vec<(Uuid, $value)>, ApiError> {
                    $fetch
                })
                .await
            }
        }

        pub type $handle = Arc<DataLoader<$name>>;
    };
}

/// Every id gets an entry, empty when nothing matched.
fn complete<V>(ids: Vec<Uuid>, mut found: HashMap<Uuid, Vec<V>>) -> Vec<(Uuid, Vec<V>)> {
    ids.into_iter()
        .map(|id| (id, found.remove(&id).unwrap_or_default()))
        .collect()
}

tenant_loader!(UserLoader, Users, UserRecord, |tx, ids| {
    Ok(users::find_many(tx, &ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
});

tenant_loader!(
    /// Role grants of users.
    RoleLoader, Roles, Vec<RoleGrant>, |tx, ids| {
        let mut grants = roles::grants_for_many(tx, &ids).await?;
        Ok(ids.into_iter().map(|id| (id, grants.remove(&id).unwrap_or_default())).collect())
    }
);

tenant_loader!(UnitLoader, Units, UnitRecord, |tx, ids| {
    Ok(units::find_many(tx, &ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
});

tenant_loader!(FacilityLoader, Facilities, FacilityRecord, |tx, ids| {
    Ok(facilities::find_many(tx, &ids)
        .await?
        .into_iter()
        .map(|f| (f.id, f))
        .collect())
});

tenant_loader!(
    ProfessionalLoader,
    Professionals,
    ProfessionalRecord,
    |tx, ids| {
        Ok(professionals::find_many(tx, &ids)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect())
    }
);

tenant_loader!(
    /// Council registrations of professionals.
    RegistrationLoader, Registrations, Vec<RegistrationRecord>, |tx, ids| {
        let rows = professionals::registrations_for(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |r| r.professional_id)))
    }
);

tenant_loader!(
    /// Current postings of professionals.
    PostingLoader, Postings, Vec<AttachmentRecord>, |tx, ids| {
        let rows = professionals::attachments_of_professionals(tx, &ids, Some(today())).await?;
        Ok(complete(ids, group_by(rows, |a| a.professional_id)))
    }
);

tenant_loader!(
    /// Current staff of facilities.
    StaffLoader, Staff, Vec<AttachmentRecord>, |tx, ids| {
        let rows = professionals::staff_of_facilities(tx, &ids, today()).await?;
        Ok(complete(ids, group_by(rows, |a| a.facility_id)))
    }
);

tenant_loader!(PatientLoader, Patients, PatientRecord, |tx, ids| {
    Ok(patients::find_many(tx, &ids)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
});

tenant_loader!(
    /// Records merged into each survivor.
    MergedLoader, Merged, Vec<PatientRecord>, |tx, ids| {
        let rows = patients::merged_into_many(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |p| p.merged_into.unwrap_or_default())))
    }
);

tenant_loader!(
    /// Cards of patients, newest first.
    CardLoader, Cards, Vec<CardRecord>, |tx, ids| {
        let rows = cards::for_patients(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |c| c.patient_id)))
    }
);

tenant_loader!(
    /// Members of households.
    MemberLoader, Members, Vec<PatientRecord>, |tx, ids| {
        let rows = patients::by_households(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |p| p.household_id.unwrap_or_default())))
    }
);

tenant_loader!(
    /// Every version of clinical entries, oldest first.
    EntryVersionLoader, EntryVersions, Vec<VersionRecord>, |tx, ids| {
        let rows = clinical::versions_of(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |v| v.entry_id)))
    }
);

tenant_loader!(
    /// What was recorded in encounters, by time.
    EncounterEntryLoader, EncounterEntries, Vec<EntryRecord>, |tx, ids| {
        let rows = clinical::in_encounters(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |e| e.encounter_id)))
    }
);

tenant_loader!(
    /// Results reported on lab orders.
    OrderResultLoader, OrderResults, Vec<EntryRecord>, |tx, ids| {
        let rows = clinical::results_of_orders(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |e| e.order_id.unwrap_or_default())))
    }
);

tenant_loader!(
    /// Live documents of hospital applications.
    ApplicationDocumentLoader, ApplicationDocuments, Vec<DocumentRecord>, |tx, ids| {
        let rows = documents::of_owners(tx, Owner::Application(Uuid::nil()).kind(), &ids).await?;
        Ok(complete(ids, group_by(rows, |d| d.owner_id)))
    }
);

tenant_loader!(
    /// Live documents of health-record entries (lab reports, discharge papers).
    EntryDocumentLoader, EntryDocuments, Vec<DocumentRecord>, |tx, ids| {
        let rows = documents::of_owners(tx, Owner::ClinicalEntry(Uuid::nil()).kind(), &ids).await?;
        Ok(complete(ids, group_by(rows, |d| d.owner_id)))
    }
);

tenant_loader!(
    /// Timelines of hospital applications, oldest first.
    ApplicationEventLoader, ApplicationEvents, Vec<EventRecord>, |tx, ids| {
        let rows = applications::events_of(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |e| e.application_id)))
    }
);

tenant_loader!(
    /// The tenant's document settings, keyed by the tenant's own id.
    DocumentSettingsLoader, DocumentSettingsHandle, DocumentSettings, |tx, ids| {
        let (settings, _) = documents::settings(tx).await?;
        Ok(ids.into_iter().map(|id| (id, settings.clone())).collect())
    }
);

tenant_loader!(
    /// Timelines of helpline tickets, oldest first.
    TicketEventLoader, TicketEvents, Vec<TicketEventRecord>, |tx, ids| {
        let rows = helpline::events_of(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |e| e.ticket_id)))
    }
);

tenant_loader!(
    /// Emergency dispatches of helpline tickets, oldest first.
    TicketDispatchLoader, TicketDispatches, Vec<DispatchRecord>, |tx, ids| {
        let rows = dispatches::of_tickets(tx, &ids).await?;
        Ok(complete(ids, group_by(rows, |d| d.ticket_id)))
    }
);

tenant_loader!(
    /// The tenant's SLA targets of every category, keyed by the tenant's own id: one
    /// query however many tickets of a queue show their SLA.
    SlaTargetLoader, SlaTargets, Vec<(Category, SlaTarget)>, |tx, ids| {
        let targets = helpline::sla_targets(tx).await?;
        Ok(ids.into_iter().map(|id| (id, targets.clone())).collect())
    }
);

/// Every loader of one request (or one WebSocket connection).
#[derive(Clone)]
pub struct Loaders {
    pub users: Users,
    pub roles: Roles,
    pub units: Units,
    pub facilities: Facilities,
    pub professionals: Professionals,
    pub registrations: Registrations,
    pub postings: Postings,
    pub staff: Staff,
    pub patients: Patients,
    pub merged: Merged,
    pub cards: Cards,
    pub members: Members,
    pub entry_versions: EntryVersions,
    pub encounter_entries: EncounterEntries,
    pub order_results: OrderResults,
    pub application_documents: ApplicationDocuments,
    pub entry_documents: EntryDocuments,
    pub application_events: ApplicationEvents,
    pub document_settings: DocumentSettingsHandle,
    pub ticket_events: TicketEvents,
    pub ticket_dispatches: TicketDispatches,
    pub sla_targets: SlaTargets,
}

fn loader<L: Loader<Key>>(l: L, window: Duration) -> Arc<DataLoader<L>> {
    Arc::new(DataLoader::new(l, tokio::spawn).delay(window))
}

impl Loaders {
    /// `window`: how long a loader waits for sibling fields to ask for more keys
    /// before it queries (`AROGYA_GRAPHQL_BATCH_WINDOW_MS`).
    pub fn new(db: &Db, window: Duration) -> Self {
        Self {
            users: loader(UserLoader { db: db.clone() }, window),
            roles: loader(RoleLoader { db: db.clone() }, window),
            units: loader(UnitLoader { db: db.clone() }, window),
            facilities: loader(FacilityLoader { db: db.clone() }, window),
            professionals: loader(ProfessionalLoader { db: db.clone() }, window),
            registrations: loader(RegistrationLoader { db: db.clone() }, window),
            postings: loader(PostingLoader { db: db.clone() }, window),
            staff: loader(StaffLoader { db: db.clone() }, window),
            patients: loader(PatientLoader { db: db.clone() }, window),
            merged: loader(MergedLoader { db: db.clone() }, window),
            cards: loader(CardLoader { db: db.clone() }, window),
            members: loader(MemberLoader { db: db.clone() }, window),
            entry_versions: loader(EntryVersionLoader { db: db.clone() }, window),
            encounter_entries: loader(EncounterEntryLoader { db: db.clone() }, window),
            order_results: loader(OrderResultLoader { db: db.clone() }, window),
            application_documents: loader(ApplicationDocumentLoader { db: db.clone() }, window),
            entry_documents: loader(EntryDocumentLoader { db: db.clone() }, window),
            application_events: loader(ApplicationEventLoader { db: db.clone() }, window),
            document_settings: loader(DocumentSettingsLoader { db: db.clone() }, window),
            ticket_events: loader(TicketEventLoader { db: db.clone() }, window),
            ticket_dispatches: loader(TicketDispatchLoader { db: db.clone() }, window),
            sla_targets: loader(SlaTargetLoader { db: db.clone() }, window),
        }
    }
}
