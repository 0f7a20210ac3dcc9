//! The `arogya` command line: its arguments, and each command's work in its own file.

mod accounts;
mod archive;
mod audit;
mod export;
mod import;
mod ops;
mod oxygen;
mod pii_keys;

use crate::config::{Config, CONFIG_HELP};
use crate::{demo, server, telemetry};
use anyhow::Context;
use arogya_domain::ids::TenantId;
use arogya_domain::tenant::TenantCode;
use arogya_infra::auth::keys;
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::repos::tenants;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "arogya",
    version,
    about = "Arogya: a multi-tenant health information management system.",
    long_about = "Arogya: a multi-tenant health information management system for state and district \
                  health departments. This one binary runs the GraphQL server and administers it.",
    after_help = "Run `arogya serve --help` for every configuration setting."
)]
pub struct Cli {
    /// TOML configuration file (default: ./arogya.toml when present).
    #[arg(long, global = true, env = "AROGYA_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP and GraphQL server (migrating the database first unless told not to).
    #[command(after_help = CONFIG_HELP)]
    Serve {
        /// Address to listen on, e.g. 0.0.0.0:8080 (overrides AROGYA_BIND).
        #[arg(long)]
        bind: Option<String>,
        /// Create the demo tenants and logins on start (harmless when they exist).
        #[arg(long)]
        demo: bool,
    },
    /// Apply database migrations as the table owner, then grant the application role.
    Migrate,
    /// Create, list, suspend and reactivate tenants.
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
    /// Create user accounts and platform administrators.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Manage the keys that sign access tokens.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Import facilities, professionals, beds, surveys, oxygen sources, equipment or
    /// catalogue items from a CSV file (see docs/samples/).
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Create the demo tenants and administrators and print their logins (idempotent).
    SeedDemo,
    /// Generate synthetic patients in a tenant, for benchmarks (docs/BENCHMARKS.md).
    SeedPatients {
        /// Tenant code, e.g. WB.
        #[arg(long)]
        tenant: String,
        #[arg(long, default_value_t = 1_000_000)]
        count: usize,
        /// Random seed, so runs are repeatable.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print a tenant's newest notifications in full (one-time codes included), for
    /// operators running without an SMS or e-mail gateway (AROGYA_NOTIFY_WEBHOOK_URL).
    Outbox {
        /// Tenant code, e.g. WB.
        #[arg(long)]
        tenant: String,
        #[arg(long, default_value_t = 10)]
        limit: u64,
    },
    /// Check a tenant's audit trail: every event chained to the one before by a keyed
    /// hash; reports the first broken link.
    Audit {
        #[command(subcommand)]
        command: audit::AuditCommand,
    },
    /// Oxygen management: run the alert rules.
    Oxygen {
        #[command(subcommand)]
        command: oxygen::OxygenCommand,
    },
    /// Export data for other systems: a week of surveillance counts for DHIS2.
    Export {
        #[command(subcommand)]
        command: export::ExportCommand,
    },
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Exit 0 when the server on AROGYA_BIND answers /healthz (a container health check
    /// for images without curl).
    Healthcheck,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum KindArg {
    State,
    District,
}

#[derive(Subcommand)]
pub(crate) enum TenantCommand {
    /// Create a tenant: a state (code like WB) or a district (code like BR-MZP).
    Create {
        #[arg(long, value_enum)]
        kind: KindArg,
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// The parent state's code, for a district.
        #[arg(long)]
        parent: Option<String>,
    },
    /// List tenants.
    List,
    /// Suspend a tenant: its users can no longer log in or use their tokens.
    Suspend {
        #[arg(long)]
        code: String,
    },
    /// Reactivate a suspended tenant.
    Reactivate {
        #[arg(long)]
        code: String,
    },
    /// Write one tenant's complete data (and its documents) to a single sealed archive.
    Export {
        /// Tenant code, e.g. WB.
        #[arg(long)]
        tenant: String,
        /// The archive file to write.
        #[arg(long)]
        out: PathBuf,
        /// List the documents' keys and digests only, without their bytes.
        #[arg(long)]
        without_documents: bool,
    },
    /// Restore a tenant archive: into an installation without the tenant, or over the
    /// same tenant (an undo). Other tenants are untouched; everyone signs in again.
    Import {
        /// The archive file.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub(crate) enum UserCommand {
    /// Create an account in a tenant (or a platform administrator with --platform-admin).
    /// The password is read from AROGYA_NEW_PASSWORD, or generated and printed once.
    Create {
        /// Tenant code; omit with --platform-admin.
        #[arg(long, required_unless_present = "platform_admin")]
        tenant: Option<String>,
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        #[arg(long)]
        email: Option<String>,
        /// Role to grant, repeatable: state_admin, district_admin, facility_admin, doctor,
        /// nurse, lab_technician, helpline_operator, helpline_doctor, surveyor, hospital_applicant,
        /// oxygen_officer, oxygen_committee, store_keeper, pharmacist, district_drug_officer,
        /// state_procurement_officer, surveillance_officer.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// Create a platform administrator instead of a tenant user.
        #[arg(long, conflicts_with_all = ["tenant", "roles"])]
        platform_admin: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum ImportCommand {
    /// Facilities: one per row, placed in units by LGD code.
    Facilities(ImportArgs),
    /// Professionals: one per row, with a registration, a qualification and a posting.
    Professionals(ImportArgs),
    /// Wards and beds: one bed per row, by facility (national facility ID) and ward
    /// (created when new).
    Beds(ImportArgs),
    /// Household survey: one person per row, grouped by the `household` column; each
    /// new person gets a health ID and a card, likely duplicates are flagged.
    Survey(ImportArgs),
    /// Oxygen sources: one per row, by facility (national facility ID); cylinder banks
    /// name a cylinder type by its code.
    OxygenSources(ImportArgs),
    /// Critical-care equipment: one item per row, by facility, optionally against a
    /// procurement order (by its reference).
    Equipment(ImportArgs),
    /// The item catalogue (medicines, consumables, reagents): one item per row.
    Items(ImportArgs),
}

#[derive(clap::Args)]
pub(crate) struct ImportArgs {
    /// The CSV file.
    file: PathBuf,
    /// Tenant code, e.g. WB.
    #[arg(long)]
    tenant: String,
    /// Import the valid rows even when some are invalid (by default nothing is imported
    /// unless every row is valid).
    #[arg(long)]
    skip_invalid: bool,
}

#[derive(Subcommand)]
pub(crate) enum KeysCommand {
    /// Add a new signing key to AROGYA_JWT_KEYS_DIR; it signs from the next start, and
    /// older keys keep verifying until you delete them.
    Rotate,
    /// Add a new version of the PII master key (to AROGYA_PII_KEY_FILE, or printed for
    /// your secret store when AROGYA_PII_KEY is used). From the next start it signs new
    /// cards and hashes new national IDs; older cards keep verifying.
    RotatePii,
    /// Stop accepting (and publishing) the card key of an older PII key version.
    RetirePii {
        #[arg(long)]
        version: u32,
    },
    /// Re-key a tenant's stored national-ID hashes under the newest PII key (safe to
    /// stop and run again).
    RekeyNationalIds {
        #[arg(long)]
        tenant: String,
    },
}

pub(super) fn cli_meta() -> RequestMeta {
    RequestMeta {
        request_id: Some(format!("cli-{}", uuid::Uuid::now_v7())),
        client_addr: Some("cli".into()),
    }
}

/// `anyhow` from an API error, for command-line output.
pub(super) fn api_err(e: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{}: {}", e.code(), e.message())
}

pub async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut config = Config::load(cli.config.as_deref())?;
    telemetry::init(&config);
    match cli.command {
        Command::Serve { bind, demo } => {
            if let Some(b) = bind {
                config.bind = b;
            }
            // The demo is for trying things out: its query console is on.
            config.graphiql |= demo;
            let graphiql = config.graphiql;
            let started = std::time::Instant::now();
            let listener = tokio::net::TcpListener::bind(&config.bind)
                .await
                .with_context(|| format!("binding {}", config.bind))?;
            let addr = listener.local_addr()?;
            let state = server::build_state(config).await?;
            if demo {
                let mut logins = demo::seed(&state).await?;
                logins.extend(crate::demo_samples::seed(&state).await?);
                demo::print_logins(&logins);
            }
            tracing::info!(%addr, startup_ms = started.elapsed().as_millis() as u64, backend = ?state.db.backend(), "listening");
            if graphiql {
                println!("Arogya listening on http://{addr} (GraphiQL at http://{addr}/graphql)");
            } else {
                println!("Arogya listening on http://{addr}");
            }
            server::serve(state, listener, server::shutdown_signal()).await
        }
        Command::Migrate => {
            server::run_migrations(&config).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::Healthcheck => healthcheck(&config.bind).await,
        Command::Schema => {
            print!("{}", crate::graphql::sdl());
            Ok(())
        }
        Command::Keys {
            command: command @ (KeysCommand::RotatePii | KeysCommand::RetirePii { .. }),
        } => pii_keys::change(&config, command),
        Command::Keys {
            command: KeysCommand::RekeyNationalIds { tenant },
        } => pii_keys::rekey(&*server::build_state(config).await?, &tenant).await,
        Command::Keys {
            command: KeysCommand::Rotate,
        } => {
            let path = keys::rotate(&config.jwt_keys_dir)?;
            println!(
                "new signing key {}; restart the server to sign with it",
                path.display()
            );
            Ok(())
        }
        Command::Import { command } => {
            import::run(server::build_state(config).await?, command).await
        }
        Command::SeedPatients {
            tenant,
            count,
            seed,
        } => {
            let state = server::build_state(config).await?;
            let code = TenantCode::parse(&tenant)?;
            let t = tenants::find_by_code(state.db.conn(), &code)
                .await?
                .with_context(|| format!("no tenant {code}"))?;
            let caller = ops::system_caller(&state, TenantId(t.id));
            let written =
                crate::app::synthetic::seed(&caller, &code, count, seed, &import::progress_bar)
                    .await
                    .map_err(api_err)?;
            eprintln!();
            println!("{written} synthetic patients written to {code}");
            Ok(())
        }
        Command::SeedDemo => {
            let state = server::build_state(config).await?;
            let mut logins = demo::seed(&state).await?;
            logins.extend(crate::demo_samples::seed(&state).await?);
            demo::print_logins(&logins);
            Ok(())
        }
        Command::Outbox { tenant, limit } => {
            ops::outbox(&*server::build_state(config).await?, &tenant, limit).await
        }
        Command::Tenant {
            command:
                TenantCommand::Export {
                    tenant,
                    out,
                    without_documents,
                },
        } => {
            archive::export(
                &*server::build_state(config).await?,
                &tenant,
                &out,
                !without_documents,
            )
            .await
        }
        Command::Tenant {
            command: TenantCommand::Import { file },
        } => {
            let owner_url = config.database_migration_url.clone();
            let state = server::build_state(config).await?;
            archive::import(&state, owner_url.as_deref(), &file).await
        }
        Command::Tenant { command } => {
            accounts::tenant(&*server::build_state(config).await?, command).await
        }
        Command::User { command } => {
            accounts::user(&*server::build_state(config).await?, command).await
        }
        Command::Audit { command } => {
            audit::run(&*server::build_state(config).await?, command).await
        }
        Command::Export { command } => {
            export::run(&*server::build_state(config).await?, command).await
        }
        Command::Oxygen { command } => {
            oxygen::run(&*server::build_state(config).await?, command).await
        }
    }
}

/// GET /healthz on the configured address (0.0.0.0 means this machine).
async fn healthcheck(bind: &str) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = bind.replacen("0.0.0.0", "127.0.0.1", 1);
    let check = async {
        let mut stream = tokio::net::TcpStream::connect(&addr).await?;
        stream
            .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .await?;
        let mut head = [0u8; 12];
        stream.read_exact(&mut head).await?;
        anyhow::Ok(head)
    };
    let head = tokio::time::timeout(std::time::Duration::from_secs(3), check)
        .await
        .context("no answer within 3 s")??;
    anyhow::ensure!(
        head.starts_with(b"HTTP/1.1 200"),
        "unhealthy: {}",
        String::from_utf8_lossy(&head)
    );
    println!("healthy");
    Ok(())
}
