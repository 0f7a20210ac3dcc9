//! Sample data for trying Arogya out (`serve --demo`, `seed-demo`): in West Bengal, a
//! small unit tree, a surveyor, a nurse, a doctor and a lab technician at a district hospital, a surveyed household, and patients with
//! names in Bengali and Hindi, each with a card. Created once: when West Bengal already
//! has patients, nothing is added. The black-box tests seed only the tenants and
//! administrators, so they never see these rows.

use crate::app::patients::{self, Caller};
use crate::app::professionals::today;
use crate::app::units::{create_unit, NewUnit};
use crate::app::users::create_user;
use crate::app::NewAccount;
use crate::demo::DemoLogin;
use crate::state::AppState;
use arogya_domain::access::UnitReach;
use arogya_domain::audit::Actor;
use arogya_domain::ids::{TenantId, UnitId, UserId};
use arogya_domain::patient::access::PatientAccess;
use arogya_domain::patient::details::PatientForm;
use arogya_domain::patient::household::HouseholdDetails;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::tenant::TenantCode;
use arogya_domain::unit::{LgdCode, UnitKind, UnitName};
use arogya_domain::user::{DisplayName, LoginName, NewPassword, Username};
use arogya_infra::db::Access;
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::repos::{tenants, users};
use uuid::Uuid;

pub const SURVEYOR: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "wb.surveyor",
    password: "wb-demo-surveyor-2026",
};
pub const NURSE: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "wb.nurse",
    password: "wb-demo-nurse-2026",
};

/// A lab technician at the demo hospital, to report the demo visit's lab order.
pub const LAB: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "wb.lab",
    password: "wb-demo-lab-2026",
};

/// Tier 1 of the helpline.
pub const OPERATOR: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "wb.helpline",
    password: "wb-demo-helpline-2026",
};
/// Tier 2: a doctor of the registry, posted at the demo hospital, so teleconsultations
/// go into the patient's record.
pub const TELEDOCTOR: DemoLogin = DemoLogin {
    tenant_code: Some("WB"),
    username: "wb.teledoc",
    password: "wb-demo-teledoc-2026",
};

fn err(e: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{e:?}")
}

/// given, family, local script, sex, age, phone
type SamplePerson = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i32,
    Option<&'static str>,
);

const PEOPLE: [SamplePerson; 4] = [
    (
        "Lakshmi",
        "Devi",
        "লক্ষ্মী দেবী",
        "female",
        34,
        Some("9830012345"),
    ),
    (
        "Mohammed",
        "Rafiq",
        "মোহাম্মদ রফিক",
        "male",
        46,
        Some("9433012345"),
    ),
    ("Sanjay", "Prasad", "संजय प्रसाद", "male", 40, None),
    ("Anjali", "Mondal", "অঞ্জলি মণ্ডল", "female", 8, None),
];

async fn account(
    state: &AppState,
    tenant: TenantId,
    login: &DemoLogin,
    name: &str,
    role: Role,
) -> anyhow::Result<UserId> {
    let username = Username::parse(login.username)?;
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let existing = users::find_by_login(&tx, &LoginName::parse(login.username)?).await?;
    tx.commit().await?;
    if let Some(u) = existing {
        return Ok(UserId(u.id));
    }
    let account = NewAccount {
        password: NewPassword::parse(login.password, "password", Some(&username))?,
        username,
        display_name: DisplayName::parse(name)?,
        email: None,
        grants: vec![RoleGrant::new(role, None, None)?],
    };
    let meta = RequestMeta::default();
    Ok(UserId(
        create_user(state, Actor::System, &meta, tenant, account, true)
            .await
            .map_err(err)?
            .id,
    ))
}

/// Add the samples unless West Bengal has patients already; return the extra logins.
pub async fn seed(state: &AppState) -> anyhow::Result<Vec<DemoLogin>> {
    let code = TenantCode::parse("WB")?;
    let Some(wb) = tenants::find_by_code(state.db.conn(), &code).await? else {
        return Ok(Vec::new());
    };
    let tenant = TenantId(wb.id);
    let surveyor = account(state, tenant, &SURVEYOR, "Demo Surveyor", Role::Surveyor).await?;
    let nurse = account(state, tenant, &NURSE, "Demo Nurse", Role::Nurse).await?;
    let doctor = account(
        state,
        tenant,
        &crate::demo_records::DOCTOR,
        "Dr. Sunita Ghosh",
        Role::Doctor,
    )
    .await?;
    let operator = account(
        state,
        tenant,
        &OPERATOR,
        "Demo Helpline Operator",
        Role::HelplineOperator,
    )
    .await?;
    let teledoctor = account(
        state,
        tenant,
        &TELEDOCTOR,
        "Dr. Arjun Basu",
        Role::HelplineDoctor,
    )
    .await?;
    let lab = account(
        state,
        tenant,
        &LAB,
        "Demo Lab Technician",
        Role::LabTechnician,
    )
    .await?;
    crate::demo_kb::seed(state, tenant, teledoctor).await?;
    let logins = vec![
        SURVEYOR,
        NURSE,
        LAB,
        crate::demo_records::DOCTOR,
        OPERATOR,
        TELEDOCTOR,
        crate::demo_oxygen::OFFICER,
        crate::demo_oxygen::COMMITTEE,
        crate::demo_supply::KEEPER,
        crate::demo_supply::DRUG_OFFICER,
        crate::demo_supply::PHARMACIST,
        crate::demo_surveillance::OFFICER,
    ];
    let tx = state.db.tenant_tx(tenant, Access::Read).await?;
    let has_patients = !arogya_infra::repos::patients::by_name(&tx, "lxm", None, None, None, 1)
        .await?
        .is_empty();
    tx.commit().await?;
    if has_patients {
        return Ok(logins);
    }
    let meta = RequestMeta {
        request_id: Some("seed-demo".into()),
        client_addr: None,
    };
    let mut parent: Option<UnitId> = None;
    let mut district: Option<UnitId> = None;
    let mut state_unit: Option<UnitId> = None;
    for (kind, name, lgd) in [
        (UnitKind::State, "West Bengal", Some("19")),
        (UnitKind::District, "Nadia", Some("333")),
        (UnitKind::SubDivision, "Krishnanagar Sadar", None),
        (UnitKind::Block, "Krishnanagar-I", None),
    ] {
        let unit = NewUnit {
            parent,
            kind,
            name: UnitName::parse(name)?,
            lgd: lgd.map(LgdCode::parse).transpose()?,
        };
        let created = create_unit(state, Actor::System, &meta, tenant, &UnitReach::Whole, unit)
            .await
            .map_err(err)?;
        parent = Some(UnitId(created.id));
        if kind == UnitKind::District {
            district = parent;
        }
        if kind == UnitKind::State {
            state_unit = parent;
        }
    }
    let block = parent.ok_or_else(|| anyhow::anyhow!("no block created"))?;
    let caller = Caller {
        state,
        access: PatientAccess {
            tenant,
            user: surveyor,
            contact: true,
            register: true,
            only_own_enrollments: false,
            admin: false,
        },
        actor: Actor::User(surveyor.0),
        meta,
    };
    let household = patients::create_household(
        &caller,
        &HouseholdDetails::new(block, "12 Station Road, Krishnanagar", Some((23.40, 88.50)))?,
        None,
    )
    .await
    .map_err(err)?;
    let mut registered: Vec<(Uuid, String)> = Vec::new();
    let mut hospital = None;
    for (i, (given, family, local, sex, age, phone)) in PEOPLE.into_iter().enumerate() {
        let form = PatientForm {
            given_name: given.into(),
            family_name: Some(family.into()),
            local_name: Some(local.into()),
            sex: sex.into(),
            age_years: Some(age),
            phone: phone.map(Into::into),
            preferred_language: Some(
                if local
                    .chars()
                    .any(|c| ('\u{0900}'..='\u{097F}').contains(&c))
                {
                    "hi"
                } else {
                    "bn"
                }
                .into(),
            ),
            address_unit: Some(block),
            ..Default::default()
        };
        let details = form.validate(today())?;
        if i >= 2 {
            // The last two are members of the surveyed household (cards issued at enrolment).
            patients::enroll_member(&caller, household.id, &details, i == 2, true)
                .await
                .map_err(err)?;
        } else {
            let r = patients::register(&caller, &details, true)
                .await
                .map_err(err)?;
            if let Some(p) = r.patient {
                patients::issue_card(&caller, p.id).await.map_err(err)?;
                registered.push((p.id, p.health_id.clone()));
                if i == 0 {
                    let district =
                        district.ok_or_else(|| anyhow::anyhow!("no district created"))?;
                    hospital = Some(
                        crate::demo_records::seed(
                            state,
                            tenant,
                            district,
                            crate::demo_records::Staff {
                                doctor,
                                nurse,
                                teledoctor,
                                lab,
                            },
                            p.id,
                        )
                        .await?,
                    );
                }
            }
        }
    }
    if let Some(h) = hospital {
        let facility = h.facility;
        crate::demo_inpatient::seed(state, tenant, h, nurse, &registered).await?;
        let district = district.ok_or_else(|| anyhow::anyhow!("no district created"))?;
        crate::demo_oxygen::seed(state, tenant, district, facility).await?;
        let root = state_unit.ok_or_else(|| anyhow::anyhow!("no state created"))?;
        crate::demo_supply::seed(state, tenant, root, district, facility).await?;
        crate::demo_surveillance::seed(state, tenant, district, block).await?;
        crate::demo_training::seed(state, tenant, facility).await?;
        let others = crate::demo_emr::seed(state, tenant, root, district).await?;
        let people: Vec<Uuid> = registered.iter().map(|(id, _)| *id).collect();
        crate::demo_indicators::seed(state, tenant, facility, &others, doctor, &people).await?;
        crate::demo_awards::seed(state, tenant, &others, doctor).await?;
        crate::demo_programmes::seed(state, tenant, root, district, operator.0).await?;
    }
    Ok(logins)
}
