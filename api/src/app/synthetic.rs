//! Synthetic patients for benchmarks (`arogya seed-patients`): plausible names, ages and
//! mobile numbers, written in large batches. Never for real tenants' production data.

use super::patients::Caller;
use super::professionals::today;
use crate::error::ApiResult;
use arogya_domain::patient::details::PatientForm;
use arogya_domain::patient::health_id::{HealthId, SERIAL_SPACE};
use arogya_domain::tenant::TenantCode;
use arogya_infra::db::Access;
use arogya_infra::repos::patients::{self, NewPatient};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

const GIVEN: &[&str] = &[
    "Aarav", "Abhishek", "Aditi", "Amit", "Anjali", "Arjun", "Ayesha", "Bimal", "Chitra", "Deepak",
    "Farhan", "Gopal", "Imran", "Jyoti", "Kavita", "Lakshmi", "Mohammad", "Nandini", "Pooja",
    "Priya", "Rahul", "Rajesh", "Rekha", "Sanjay", "Shreya", "Sita", "Sunil", "Tanvi", "Vijay",
    "Zoya",
];
const FAMILY: &[&str] = &[
    "Banerjee",
    "Bose",
    "Chatterjee",
    "Das",
    "Devi",
    "Ghosh",
    "Gupta",
    "Khan",
    "Khatun",
    "Kumar",
    "Mandal",
    "Mishra",
    "Mondal",
    "Mukherjee",
    "Paswan",
    "Prasad",
    "Rai",
    "Roy",
    "Saha",
    "Sarkar",
    "Sen",
    "Sheikh",
    "Singh",
    "Sinha",
    "Yadav",
];

/// Rows per INSERT statement.
const BATCH: usize = 500;

/// Write `count` synthetic patients; returns how many were written.
pub async fn seed(
    caller: &Caller<'_>,
    code: &TenantCode,
    count: usize,
    seed: u64,
    progress: super::import::Progress<'_>,
) -> ApiResult<u64> {
    let mut rng = StdRng::seed_from_u64(seed);
    let now = today();
    let mut written = 0;
    let mut done = 0;
    while done < count {
        let n = BATCH.min(count - done);
        let mut details = Vec::with_capacity(n);
        for _ in 0..n {
            let form = PatientForm {
                given_name: GIVEN[rng.gen_range(0..GIVEN.len())].to_owned(),
                family_name: Some(FAMILY[rng.gen_range(0..FAMILY.len())].to_owned()),
                sex: ["male", "female"][rng.gen_range(0..2)].to_owned(),
                age_years: Some(rng.gen_range(0..90)),
                phone: Some(format!("9{:09}", rng.gen_range(0..1_000_000_000u64))),
                ..Default::default()
            };
            details.push((
                form.validate(now)?,
                HealthId::from_serial(code, rng.gen_range(0..SERIAL_SPACE)),
            ));
        }
        let batch = details
            .iter()
            .map(|(d, id)| NewPatient {
                details: d,
                health_id: id,
                unit_path: None,
                national_id_hash: None,
                household: None,
                registered_by: None,
            })
            .collect();
        let tx = caller
            .state
            .db
            .tenant_tx(caller.access.tenant, Access::Write)
            .await?;
        written += patients::insert_batch(&tx, batch).await?;
        tx.commit().await?;
        done += n;
        progress(done, count);
    }
    Ok(written)
}
