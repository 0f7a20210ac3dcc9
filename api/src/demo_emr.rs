//! Demo EMR roll-out in West Bengal: Murshidabad district beside Nadia, facilities in
//! both at every stage (adopted over the past months, under way, not started, ready),
//! the state's deadline three months ahead, and a readiness sheet loaded by the state
//! administrator (`wb.admin`), so a facility's history shows who changed what.
//! Returns the facilities it made (the indicators demo counts visits there too).

use crate::app::dashboards::Dashboards;
use crate::app::facilities::create_facility;
use crate::app::import::import_emr_readiness;
use crate::app::professionals::today;
use crate::app::units::{create_unit, NewUnit};
use crate::demo_oxygen::{err, meta};
use crate::state::AppState;
use arogya_domain::access::{Principal, UnitReach};
use arogya_domain::audit::Actor;
use arogya_domain::facility::{EmrItem, EmrReadiness, FacilityForm, ReadinessStatus};
use arogya_domain::ids::{TenantId, UnitId, UserId};
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::unit::{LgdCode, UnitKind, UnitName};
use arogya_domain::user::LoginName;
use arogya_infra::db::Access;
use arogya_infra::repos::users;
use chrono::{Duration, Months};
use uuid::Uuid;

use EmrItem::{InformationSecurity as Sec, Lan, ServerBackup as Server, Workstations as Ws};
use ReadinessStatus::{Done, InProgress as Doing, NotStarted as No};

/// (name, type, in Murshidabad?, adopted this many months ago, checklist).
type Row = (
    &'static str,
    &'static str,
    bool,
    Option<u32>,
    [ReadinessStatus; 4],
);

const FACILITIES: [Row; 11] = [
    (
        "Ranaghat Sub-Divisional Hospital",
        "sub_divisional_hospital",
        false,
        Some(7),
        [Done, Done, Done, Done],
    ),
    (
        "Kalyani JNM Hospital",
        "medical_college_hospital",
        false,
        Some(5),
        [Done, Done, Done, Done],
    ),
    (
        "Chakdaha State General Hospital",
        "state_general_hospital",
        false,
        None,
        [Done, Done, Doing, Doing],
    ),
    (
        "Krishnanagar-I Block PHC",
        "block_phc",
        false,
        None,
        [Doing, No, No, No],
    ),
    ("Bhimpur PHC", "phc", false, None, [No, No, No, No]),
    (
        "Murshidabad Medical College & Hospital",
        "medical_college_hospital",
        true,
        Some(9),
        [Done, Done, Done, Done],
    ),
    (
        "Jangipur Sub-Divisional Hospital",
        "sub_divisional_hospital",
        true,
        Some(3),
        [Done, Done, Done, Done],
    ),
    (
        "Kandi Sub-Divisional Hospital",
        "sub_divisional_hospital",
        true,
        Some(1),
        [Done, Done, Done, Done],
    ),
    (
        "Lalbagh Sub-Divisional Hospital",
        "sub_divisional_hospital",
        true,
        None,
        [Done, Done, Done, Doing],
    ),
    (
        "Jiaganj Rural Hospital",
        "rural_hospital_chc",
        true,
        None,
        [Doing, No, No, No],
    ),
    (
        "Beldanga Rural Hospital",
        "rural_hospital_chc",
        true,
        None,
        [Done, Done, Done, Doing],
    ),
];

pub async fn seed(
    state: &AppState,
    tenant: TenantId,
    root: UnitId,
    nadia: UnitId,
) -> anyhow::Result<Vec<Uuid>> {
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let admin = users::find_by_login(&tx, &LoginName::parse("wb.admin")?).await?;
    tx.commit().await?;
    let Some(admin) = admin else {
        return Ok(Vec::new());
    };
    let murshidabad = create_unit(
        state,
        Actor::System,
        &meta(),
        tenant,
        &UnitReach::Whole,
        NewUnit {
            parent: Some(root),
            kind: UnitKind::District,
            name: UnitName::parse("Murshidabad")?,
            lgd: Some(LgdCode::parse("320")?),
        },
    )
    .await
    .map_err(err)?;
    let today = today();
    let mut ids = Vec::new();
    for (name, kind, in_murshidabad, months_ago, statuses) in FACILITIES {
        let adopted_on = months_ago.and_then(|m| {
            today
                .checked_sub_months(Months::new(m))
                .map(|d| d - Duration::days(3))
        });
        let emr = EmrReadiness::new(
            adopted_on.is_some(),
            adopted_on,
            [Ws, Lan, Server, Sec].into_iter().zip(statuses).collect(),
        )?;
        let unit = if in_murshidabad {
            UnitId(murshidabad.id)
        } else {
            nadia
        };
        let f = create_facility(
            state,
            Actor::System,
            &meta(),
            tenant,
            &UnitReach::Whole,
            unit,
            FacilityForm {
                name: name.into(),
                facility_type: kind.into(),
                ownership: "public".into(),
                ownership_subtype: Some("State Government".into()),
                emr,
                ..Default::default()
            }
            .validate()?,
        )
        .await
        .map_err(err)?;
        ids.push((name, f.id));
    }
    let principal = Principal::Staff {
        id: UserId(admin.id),
        tenant,
        grants: vec![RoleGrant::new(Role::StateAdmin, None, None)?],
    };
    let dashboards = Dashboards {
        state,
        principal: &principal,
        meta: meta(),
    };
    dashboards
        .set_emr_deadline(today + Duration::days(90), 0)
        .await
        .map_err(err)?;
    // The state's sheet: Chakdaha's server is done, Jiaganj's network under way.
    let id_of = |name: &str| {
        ids.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, id)| id.to_string())
            .unwrap_or_default()
    };
    let sheet = format!(
        "facility_id,server_backup,lan\n{},done,\n{},,in_progress\n",
        id_of("Chakdaha State General Hospital"),
        id_of("Jiaganj Rural Hospital"),
    );
    import_emr_readiness(
        state,
        Actor::User(admin.id),
        &meta(),
        tenant,
        &UnitReach::Whole,
        &sheet,
        false,
    )
    .await
    .map_err(err)?;
    Ok(ids.into_iter().map(|(_, id)| id).collect())
}
