//! The `arogya` command line.

use crate::app::import;
use crate::app::tenants::{create_tenant, set_status, CreateTenant};
use crate::app::users::create_user;
use crate::app::NewAccount;
use crate::config::{Config, CONFIG_HELP};
use crate::{demo, server, telemetry};
use anyhow::Context;
use arogya_domain::audit::Actor;
use arogya_domain::ids::TenantId;
use arogya_domain::role::{Role, RoleGrant};
use arogya_domain::tenant::{TenantCode, TenantKind, TenantName, TenantStatus};
use arogya_domain::user::{DisplayName, Email, NewPassword, Username};
use arogya_infra::auth::keys;
use arogya_infra::auth::password::{hash_password, random_password};
use arogya_infra::db::Access;
use arogya_infra::repos::audit::RequestMeta;
use arogya_infra::repos::{platform_admins, tenants};
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
    /// Import facilities or professionals from a CSV file (see docs/samples/).
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
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Exit 0 when the server on AROGYA_BIND answers /healthz (a container health check
    /// for images without curl).
    Healthcheck,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindArg {
    State,
    District,
}

#[derive(Subcommand)]
enum TenantCommand {
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
}

#[derive(Subcommand)]
enum UserCommand {
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
        /// nurse, lab_technician, helpline_operator, helpline_doctor, surveyor, hospital_applicant.
        #[arg(long = "role")]
        roles: Vec<String>,
        /// Create a platform administrator instead of a tenant user.
        #[arg(long, conflicts_with_all = ["tenant", "roles"])]
        platform_admin: bool,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Facilities: one per row, placed in units by LGD code.
    Facilities(ImportArgs),
    /// Professionals: one per row, with a registration, a qualification and a posting.
    Professionals(ImportArgs),
    /// Household survey: one person per row, grouped by the `household` column; each
    /// new person gets a health ID and a card, likely duplicates are flagged.
    Survey(ImportArgs),
}

#[derive(clap::Args)]
struct ImportArgs {
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
enum KeysCommand {
    /// Add a new signing key to AROGYA_JWT_KEYS_DIR; it signs from the next start, and
    /// older keys keep verifying until you delete them.
    Rotate,
}

fn cli_meta() -> RequestMeta {
    RequestMeta {
        request_id: Some(format!("cli-{}", uuid::Uuid::now_v7())),
        client_addr: Some("cli".into()),
    }
}

/// `anyhow` from an API error, for command-line output.
fn api_err(e: crate::error::ApiError) -> anyhow::Error {
    anyhow::anyhow!("{}: {}", e.code(), e.message())
}

fn new_password(username: &Username) -> anyhow::Result<(NewPassword, bool)> {
    match std::env::var("AROGYA_NEW_PASSWORD") {
        Ok(p) => Ok((
            NewPassword::parse(&p, "AROGYA_NEW_PASSWORD", Some(username))
                .map_err(|e| anyhow::anyhow!("{e}"))?,
            false,
        )),
        Err(_) => Ok((random_password(), true)),
    }
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
            let state = server::build_state(config).await?;
            let (what, args) = match &command {
                ImportCommand::Facilities(a) => ("facilities", a),
                ImportCommand::Professionals(a) => ("professionals", a),
                ImportCommand::Survey(a) => ("survey", a),
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
            let report = match command {
                ImportCommand::Survey(_) => unreachable!("handled above"),
                ImportCommand::Facilities(_) => {
                    import::import_facilities(
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
                }
                ImportCommand::Professionals(_) => {
                    import::import_professionals(
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
                }
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
            let caller = system_caller(&state, TenantId(t.id));
            let written = crate::app::synthetic::seed(&caller, &code, count, seed, &progress_bar)
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
            let state = server::build_state(config).await?;
            let code = TenantCode::parse(&tenant)?;
            let t = tenants::find_by_code(state.db.conn(), &code)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no tenant {tenant}"))?;
            let tx = state
                .db
                .tenant_tx(
                    arogya_domain::ids::TenantId(t.id),
                    arogya_infra::db::Access::Read,
                )
                .await?;
            for m in arogya_infra::repos::outbox::recent(&tx, limit.clamp(1, 1000)).await? {
                println!(
                    "{}  {:<5} {:<7} {}  {}: {}",
                    m.created_at.format("%Y-%m-%d %H:%M:%S"),
                    m.channel,
                    m.status,
                    m.destination,
                    m.subject,
                    m.body
                );
            }
            tx.commit().await?;
            Ok(())
        }
        Command::Tenant { command } => {
            let state = server::build_state(config).await?;
            match command {
                TenantCommand::Create {
                    kind,
                    code,
                    name,
                    parent,
                } => {
                    let request = CreateTenant {
                        kind: match kind {
                            KindArg::State => TenantKind::State,
                            KindArg::District => TenantKind::District,
                        },
                        code: TenantCode::parse(&code)?,
                        name: TenantName::parse(&name)?,
                        parent_code: parent.as_deref().map(TenantCode::parse).transpose()?,
                        first_admin: None,
                    };
                    let t = create_tenant(&state, Actor::System, &cli_meta(), request)
                        .await
                        .map_err(api_err)?;
                    println!("created tenant {} ({}) id {}", t.code, t.name, t.id);
                }
                TenantCommand::List => {
                    let page = arogya_domain::page::PageRequest::new(Some(100), None)?;
                    for t in tenants::list(state.db.conn(), page).await?.items {
                        println!(
                            "{:<8} {:<9} {:<10} {}  {}",
                            t.code, t.kind, t.status, t.id, t.name
                        );
                    }
                }
                TenantCommand::Suspend { code } => {
                    change_status(&state, &code, TenantStatus::Suspended).await?
                }
                TenantCommand::Reactivate { code } => {
                    change_status(&state, &code, TenantStatus::Active).await?
                }
            }
            Ok(())
        }
        Command::User {
            command:
                UserCommand::Create {
                    tenant,
                    username,
                    display_name,
                    email,
                    roles,
                    platform_admin,
                },
        } => {
            let state = server::build_state(config).await?;
            let username = Username::parse(&username)?;
            let display_name = DisplayName::parse(&display_name)?;
            let email = email.as_deref().map(Email::parse).transpose()?;
            let (password, generated) = new_password(&username)?;
            if platform_admin {
                let hash = hash_password(&password).await?;
                let tx = state.db.platform_tx(Access::Write).await?;
                platform_admins::insert(&tx, &username, email.as_ref(), &display_name, hash)
                    .await
                    .map_err(|e| match e {
                        arogya_infra::db::InfraError::Domain(d) => anyhow::anyhow!("{d}"),
                        arogya_infra::db::InfraError::Internal(i) => i,
                    })?;
                tx.commit().await?;
                println!("created platform administrator {}", username.as_str());
            } else {
                let code = TenantCode::parse(tenant.as_deref().unwrap_or_default())?;
                let t = tenants::find_by_code(state.db.conn(), &code)
                    .await?
                    .with_context(|| format!("no tenant {code}"))?;
                let grants = roles
                    .iter()
                    .map(|r| RoleGrant::new(Role::parse(r)?, None, None))
                    .collect::<Result<Vec<_>, _>>()?;
                let account = NewAccount {
                    username: username.clone(),
                    display_name,
                    email,
                    password: password.clone(),
                    grants,
                };
                create_user(&state, Actor::System, &cli_meta(), TenantId(t.id), account)
                    .await
                    .map_err(api_err)?;
                println!("created user {} in {}", username.as_str(), code);
            }
            if generated {
                println!("password (shown once): {}", password.expose());
            }
            Ok(())
        }
    }
}

/// A one-line progress bar on standard error.
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

/// The command line acts on patients as the system, with an administrator's reach.
fn system_caller(
    state: &crate::state::AppState,
    tenant: TenantId,
) -> crate::app::patients::Caller<'_> {
    use arogya_domain::patient::access::PatientAccess;
    crate::app::patients::Caller {
        state,
        access: PatientAccess {
            tenant,
            user: arogya_domain::ids::UserId(uuid::Uuid::nil()),
            contact: true,
            register: true,
            only_own_enrollments: false,
            admin: true,
        },
        actor: Actor::System,
        meta: cli_meta(),
    }
}

async fn import_survey(
    state: &crate::state::AppState,
    tenant: TenantId,
    text: &str,
    skip_invalid: bool,
) -> anyhow::Result<()> {
    let caller = system_caller(state, tenant);
    let report = import::import_survey(&caller, text, skip_invalid, &progress_bar)
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

fn progress_bar(done: usize, total: usize) {
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

async fn change_status(
    state: &crate::state::AppState,
    code: &str,
    status: TenantStatus,
) -> anyhow::Result<()> {
    let code = TenantCode::parse(code)?;
    let t = tenants::find_by_code(state.db.conn(), &code)
        .await?
        .with_context(|| format!("no tenant {code}"))?;
    let t = set_status(
        state,
        Actor::System,
        &cli_meta(),
        TenantId(t.id),
        status,
        None,
        Some("by an operator on the command line".into()),
    )
    .await
    .map_err(api_err)?;
    println!("tenant {} is now {}", t.code, t.status);
    Ok(())
}
