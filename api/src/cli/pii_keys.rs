//! `arogya keys rotate-pii`, `retire-pii` and `rekey-national-ids`.

use super::KeysCommand;
use crate::config::Config;
use crate::state::AppState;
use anyhow::Context;
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::pii::PiiKeys;
use arogya_infra::repos::tenants;

pub(super) fn change(config: &Config, command: KeysCommand) -> anyhow::Result<()> {
    let current = match &config.pii_key {
        Some(text) => PiiKeys::from_hex(text)?,
        None => PiiKeys::load_or_create(&config.pii_key_file)?,
    };
    let next = match command {
        KeysCommand::RotatePii => current.rotated(),
        KeysCommand::RetirePii { version } => current.retiring(version)?,
        _ => anyhow::bail!("not a PII key change"),
    };
    match &config.pii_key {
        Some(_) => {
            println!("Store this as AROGYA_PII_KEY (all versions, newest last), then restart:");
            print!("{}", next.to_text());
        }
        None => {
            next.save(&config.pii_key_file)?;
            println!(
                "{}: PII key version {} is now the newest; restart the server, then run `arogya keys rekey-national-ids` for each tenant",
                config.pii_key_file.display(),
                next.current_version()
            );
        }
    }
    Ok(())
}

pub(super) async fn rekey(state: &AppState, tenant: &str) -> anyhow::Result<()> {
    let code = TenantCode::parse(tenant)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let done = crate::app::patients::rekey::rekey_national_ids(state, TenantId(t.id), &|n| {
        eprint!("\r{n} national-ID hashes re-keyed");
    })
    .await?;
    eprintln!();
    println!(
        "{code}: {done} national-ID hashes re-keyed under PII key version {}",
        state.pii.current_version()
    );
    Ok(())
}
