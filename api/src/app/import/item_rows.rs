//! The item catalogue from CSV, one item per row: code, generic name, kind,
//! strength, dosage form, pack size, unit of issue, whether on the essential list,
//! schedule and whether sold over the counter. Codes already in the catalogue (or
//! twice in the file) are refused.

#[allow(unused_imports)]
use super::*;
use arogya_domain::clinical::prescription::DosageForm;
use arogya_domain::supply::item::{Item, ItemForm, ItemKind, Schedule};
use arogya_infra::repos::supply::items as item_repo;

const ITEM_COLUMNS: [(&str, &str); 7] = [
    ("code", "code"),
    ("name", "name"),
    ("strength", "strength"),
    ("packSize", "pack_size"),
    ("unitOfIssue", "unit_of_issue"),
    ("schedule", "schedule"),
    ("overTheCounter", "over_the_counter"),
];

fn yes(row: &Row<'_>, column: &str) -> Result<bool, RowError> {
    match row.text(column).to_lowercase().as_str() {
        "" | "no" | "n" | "false" | "0" => Ok(false),
        "yes" | "y" | "true" | "1" => Ok(true),
        _ => Err(row.error(column, "is not yes or no")),
    }
}

fn item_row(row: &Row<'_>) -> Result<Item, RowError> {
    let kind = match row.get("kind") {
        Some(k) => Some(
            ItemKind::parse(&k.to_lowercase())
                .map_err(|_| row.error("kind", "is not medicine, consumable or reagent"))?,
        ),
        None => None,
    };
    let form = match row.get("form") {
        Some(f) => Some(DosageForm::parse(&f.to_lowercase()).map_err(|_| {
            row.error(
                "form",
                "is not a dosage form (tablet, capsule, syrup, injection, …)",
            )
        })?),
        None => None,
    };
    let schedule = match row.get("schedule") {
        Some(s) => Some(
            Schedule::parse(&s.to_lowercase())
                .map_err(|_| row.error("schedule", "is not none, g, h, h1 or x"))?,
        ),
        None => None,
    };
    let form = ItemForm {
        code: row.text("code"),
        name: row.text("name"),
        kind,
        strength: row.get("strength"),
        form,
        pack_size: row
            .parse::<i32>("pack_size", "a whole number")?
            .unwrap_or(1),
        unit_of_issue: row.text("unit_of_issue"),
        essential: yes(row, "essential")?,
        schedule,
        over_the_counter: yes(row, "over_the_counter")?,
    };
    Item::parse(&form).map_err(|e| row.domain(e, &ITEM_COLUMNS))
}

#[allow(clippy::too_many_arguments)]
pub async fn import_items(
    state: &AppState,
    actor: Actor,
    meta: &RequestMeta,
    tenant: TenantId,
    _reach: &UnitReach,
    csv_text: &str,
    skip_invalid: bool,
    progress: Progress<'_>,
) -> ApiResult<ImportReport> {
    let (headers, records) = match read_csv(csv_text, &["code", "name", "unit_of_issue"]) {
        Ok(r) => r,
        Err(errors) => {
            return Ok(ImportReport {
                imported: 0,
                skipped: 0,
                errors,
            })
        }
    };
    let mut tx = state.db.tenant_tx(tenant, Access::Write).await?;
    let (parsed, mut errors) = parse_rows(&headers, records, item_row);
    let codes: Vec<String> = parsed.iter().map(|(_, i)| i.code.clone()).collect();
    let mut seen: HashSet<String> = item_repo::by_codes(&tx, &codes)
        .await?
        .into_iter()
        .map(|i| i.code)
        .collect();
    let mut valid = Vec::new();
    for (number, item) in parsed {
        if !seen.insert(item.code.clone()) {
            errors.push(RowError {
                row: number,
                column: "code".into(),
                message: format!(
                    "{} is already in the catalogue (or earlier in the file)",
                    item.code
                ),
            });
            continue;
        }
        valid.push(item);
    }
    let report = match finish(errors, valid.len(), skip_invalid) {
        Ok(r) => r,
        Err(rejected) => return Ok(rejected),
    };
    let total = valid.len();
    for (done, item) in valid.into_iter().enumerate() {
        let saved = item_repo::insert(&tx, &item).await?;
        let event = NewAuditEvent::new(
            actor,
            AuditAction::SupplySetup,
            "supply_item",
            Some(saved.id),
        )
        .with_detail(serde_json::json!({ "code": saved.code, "name": saved.name, "import": true }));
        audit::record(&mut tx, meta, event).await?;
        if (done + 1) % 100 == 0 || done + 1 == total {
            progress(done + 1, total);
        }
    }
    tx.commit().await?;
    Ok(report)
}
