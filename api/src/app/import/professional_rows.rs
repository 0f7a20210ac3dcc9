//! Health professionals from CSV, posted at facilities by national facility ID.

use super::*;

const PROFESSIONAL_COLUMNS: &[(&str, &str)] = &[
    ("name", "name"),
    ("kind", "kind"),
    ("sex", "sex"),
    ("dateOfBirth", "date_of_birth"),
    ("phone", "phone"),
    ("email", "email"),
    ("registrations.0.council", "council"),
    ("registrations.0.number", "registration_number"),
    ("registrations.0.registeredOn", "registered_on"),
    ("registrations.0.validUntil", "valid_until"),
    ("qualifications.0.degree", "qualification"),
    ("qualifications.0.institution", "institution"),
    ("qualifications.0.year", "qualification_year"),
    ("languages", "languages"),
    ("designation", "designation"),
    ("department", "department"),
];

struct ProfessionalRow {
    details: ProfessionalDetails,
    posting: Option<(String, NewAttachment)>,
}

fn professional_row(row: &Row<'_>) -> Result<ProfessionalRow, RowError> {
    let registrations = match (row.get("council"), row.get("registration_number")) {
        (None, None) => vec![],
        (Some(council), Some(number)) => vec![CouncilRegistration {
            council,
            number,
            registered_on: row
                .date("registered_on")?
                .ok_or_else(|| row.error("registered_on", "is required with a registration"))?,
            valid_until: row.date("valid_until")?,
        }],
        (None, Some(_)) => {
            return Err(row.error("council", "is required with a registration number"))
        }
        (Some(_), None) => {
            return Err(row.error("registration_number", "is required with a council"))
        }
    };
    let qualifications = match row.get("qualification") {
        None => vec![],
        Some(degree) => vec![Qualification {
            degree,
            institution: row.text("institution"),
            year: row
                .parse("qualification_year", "a year")?
                .ok_or_else(|| row.error("qualification_year", "is required"))?,
        }],
    };
    let form = ProfessionalForm {
        name: row.text("name"),
        kind: row.text("kind").to_lowercase(),
        sex: row.get("sex").map(|s| s.to_lowercase()),
        date_of_birth: row.date("date_of_birth")?,
        phone: row.get("phone"),
        email: row.get("email"),
        registrations,
        qualifications,
        languages: row.list("languages"),
    };
    let details = form
        .validate(today())
        .map_err(|e| row.domain(e, PROFESSIONAL_COLUMNS))?;
    let posting = match row.get("facility_national_id") {
        None => None,
        Some(id) => Some((
            id.to_uppercase(),
            NewAttachment {
                designation: attachment_text(
                    &row.get("designation").unwrap_or_else(|| "Staff".into()),
                    "designation",
                )
                .map_err(|e| row.domain(e, PROFESSIONAL_COLUMNS))?,
                department: row
                    .get("department")
                    .map(|d| attachment_text(&d, "department"))
                    .transpose()
                    .map_err(|e| row.domain(e, PROFESSIONAL_COLUMNS))?,
                from: row.date("posting_from")?.unwrap_or_else(today),
                to: None,
            },
        )),
    };
    Ok(ProfessionalRow { details, posting })
}

#[allow(clippy::too_many_arguments)]
pub async fn import_professionals(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<ImportReport> {
    let (headers, records) = match read_csv(csv_text, &["name", "kind"]) {
        Ok(r) => r,
        Err(errors) => {
            return Ok(ImportReport {
                imported: 0,
                skipped: 0,
                errors,
            })
        }
    };
    let (parsed, mut errors) = parse_rows(&headers, records, professional_row);
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let national_ids: Vec<String> = parsed
        .iter()
        .filter_map(|(_, p)| p.posting.as_ref().map(|(id, _)| id.clone()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let facility_by_id: HashMap<String, FacilityRecord> =
        facilities::find_by_national_ids(&tx, &national_ids)
            .await?
            .into_iter()
            .filter_map(|f| f.national_facility_id.clone().map(|n| (n, f)))
            .collect();
    let emails: Vec<String> = parsed
        .iter()
        .filter_map(|(_, p)| p.details.email.as_ref().map(|e| e.as_str().to_owned()))
        .collect();
    let emails_taken: HashSet<String> = professionals::emails_in_use(&tx, &emails)
        .await?
        .into_iter()
        .collect();
    let reg_keys: Vec<(String, String)> = parsed
        .iter()
        .flat_map(|(_, p)| p.details.registrations.iter().map(|r| r.keys()))
        .collect();
    let regs_taken: HashSet<(String, String)> = professionals::registrations_in_use(&tx, &reg_keys)
        .await?
        .into_iter()
        .collect();
    let (mut seen_emails, mut seen_regs) = (HashSet::new(), HashSet::new());
    let mut valid = Vec::new();
    for (number, p) in parsed {
        let err = |c: &str, m: &str| RowError {
            row: number,
            column: c.to_owned(),
            message: m.to_owned(),
        };
        if let Some(e) = &p.details.email {
            if emails_taken.contains(e.as_str()) || !seen_emails.insert(e.as_str().to_owned()) {
                errors.push(err(
                    "email",
                    "another professional already uses this e-mail address",
                ));
                continue;
            }
        }
        if let Some(k) = p.details.registrations.first().map(|r| r.keys()) {
            if regs_taken.contains(&k) || !seen_regs.insert(k) {
                errors.push(err(
                    "registration_number",
                    "is already registered with this council",
                ));
                continue;
            }
        }
        let facility = match &p.posting {
            None if *reach != UnitReach::Whole => {
                errors.push(err(
                    "facility_national_id",
                    "is required: post the professional in your district",
                ));
                continue;
            }
            None => None,
            Some((id, _)) => match facility_by_id
                .get(id)
                .filter(|f| reach.allows(&UnitPath::from_stored(f.unit_path.clone())))
            {
                Some(f) => Some(f),
                None => {
                    errors.push(err(
                        "facility_national_id",
                        "no facility with this national ID within your reach",
                    ));
                    continue;
                }
            },
        };
        valid.push((p, facility));
    }
    let report = match finish(errors, valid.len(), skip_invalid) {
        Ok(r) => r,
        Err(rejected) => return Ok(rejected),
    };
    let total = valid.len();
    for (done, (p, facility)) in valid.into_iter().enumerate() {
        let record = professionals::insert_prechecked(&tx, &p.details).await?;
        if let (Some(f), Some((_, attachment))) = (facility, p.posting) {
            professionals::attach(&tx, &record, f, attachment).await?;
        }
        let event = NewAuditEvent::new(
            actor,
            AuditAction::ProfessionalCreate,
            "professional",
            Some(record.id),
        )
        .with_detail(serde_json::json!({ "name": record.name, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    tx.commit().await?;
    Ok(report)
}
