//! PostgreSQL LISTEN, kept alive: every instance hears what any instance announces
//! with `pg_notify`, reconnecting after a lost connection (and catching up through
//! `on_connect`, since notifications sent while deaf are lost).

use sea_orm::sqlx::postgres::{PgListener, PgPool};
use std::future::Future;
use std::time::Duration;

/// Listen on `channel` for as long as the process runs: `on_connect` after each
/// (re)connection, `on_message` with each payload.
pub fn spawn_listener<C, Fut, M>(pool: PgPool, channel: &'static str, on_connect: C, on_message: M)
where
    C: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = anyhow::Result<()>> + Send,
    M: Fn(&str) + Send + 'static,
{
    tokio::spawn(async move {
        loop {
            let connected = async {
                let mut l = PgListener::connect_with(&pool).await?;
                l.listen(channel).await?;
                Ok::<_, sea_orm::sqlx::Error>(l)
            };
            let mut l = match connected.await {
                Ok(l) => l,
                Err(e) => {
                    tracing::warn!(error = %e, channel, "listener cannot connect; retrying");
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    continue;
                }
            };
            if let Err(e) = on_connect().await {
                tracing::warn!(
                    error = format!("{e:#}"),
                    channel,
                    "catching up after connecting failed; retrying"
                );
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            loop {
                match l.recv().await {
                    Ok(n) => on_message(n.payload()),
                    Err(e) => {
                        tracing::warn!(error = %e, channel, "listener lost its connection");
                        break;
                    }
                }
            }
        }
    });
}
