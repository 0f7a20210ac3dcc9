//! `arogya import`: CSV files of facilities, professionals, wards and beds, household
//! surveys, oxygen sources, critical-care equipment and the item catalogue.

use super::ops::system_caller;
use super::{api_err, cli_meta, ImportCommand};
use crate::app::import as importer;
use crate::state::SharedState;
use anyhow::Context;
use arogya_domain::audit::Actor;
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::repos::tenants;

pub(super) async fn run(state: SharedState, command: ImportCommand) -> anyhow::Result<()> {
    let (what, args) = match &command {
        ImportCommand::Facilities(a) => ("facilities", a),
        ImportCommand::Professionals(a) => ("professionals", a),
        ImportCommand::Beds(a) => ("beds", a),
        ImportCommand::Survey(a) => ("survey", a),
        ImportCommand::OxygenSources(a) => ("oxygen sources", a),
        ImportCommand::Equipment(a) => ("equipment", a),
        ImportCommand::Items(a) => ("items", a),
    };
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("reading {}", args.file.display()))?;
    let code = TenantCode::parse(&args.tenant)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let reach = arogya_domain::access::UnitReach::Whole;
    let progress = progress_bar;
    let meta = cli_meta();
    let tenant = TenantId(t.id);
    if let ImportCommand::Survey(_) = command {
        return import_survey(&state, tenant, &text, args.skip_invalid).await;
    }
    // Every importer takes the same arguments.
    macro_rules! import_with {
        ($importer:path) => {
            $importer(
                &state,
                Actor::System,
                &meta,
                tenant,
                &reach,
                &text,
                args.skip_invalid,
                &progress,
            )
            .await
        };
    }
    let report = match command {
        ImportCommand::Survey(_) => unreachable!("handled above"),
        ImportCommand::Facilities(_) => import_with!(importer::import_facilities),
        ImportCommand::Beds(_) => import_with!(importer::import_beds),
        ImportCommand::OxygenSources(_) => import_with!(importer::import_oxygen_sources),
        ImportCommand::Equipment(_) => import_with!(importer::import_equipment),
        ImportCommand::Professionals(_) => import_with!(importer::import_professionals),
        ImportCommand::Items(_) => import_with!(importer::import_items),
    }
    .map_err(api_err)?;
    eprintln!();
    for e in &report.errors {
        eprintln!(
            "row {}: {}: {}",
            e.row,
            if e.column.is_empty() { "-" } else { &e.column },
            e.message
        );
    }
    println!(
        "{what}: {} imported, {} skipped, {} errors",
        report.imported,
        report.skipped,
        report.errors.len()
    );
    if report.imported == 0 && !report.errors.is_empty() {
        anyhow::bail!("nothing imported: fix the rows above, or pass --skip-invalid");
    }
    Ok(())
}

async fn import_survey(
    state: &crate::state::AppState,
    tenant: TenantId,
    text: &str,
    skip_invalid: bool,
) -> anyhow::Result<()> {
    let caller = system_caller(state, tenant);
    let report = importer::import_survey(&caller, text, skip_invalid, &progress_bar)
        .await
        .map_err(api_err)?;
    eprintln!();
    for e in &report.errors {
        let column = if e.column.is_empty() { "-" } else { &e.column };
        eprintln!("row {}: {column}: {}", e.row, e.message);
    }
    for (row, matches) in &report.duplicates {
        eprintln!(
            "row {row}: likely already enrolled as {}: not created",
            matches.join(", ")
        );
    }
    println!(
        "survey: {} people enrolled in {} households, {} flagged as duplicates, {} errors",
        report.imported,
        report.households,
        report.duplicates.len(),
        report.errors.len()
    );
    if report.imported == 0 && !report.errors.is_empty() {
        anyhow::bail!("nothing imported: fix the rows above, or pass --skip-invalid");
    }
    Ok(())
}

/// A one-line progress bar on standard error.
pub(super) fn progress_bar(done: usize, total: usize) {
    use std::io::Write;
    let width = 30;
    let filled = (done * width).checked_div(total).unwrap_or(width);
    eprint!(
        "\r[{}{}] {done}/{total} rows",
        "#".repeat(filled),
        " ".repeat(width - filled)
    );
    let _ = std::io::stderr().flush();
}
