//! Password hashing with argon2id (OWASP parameters: 19 MiB, 2 passes, 1 lane).
//! Hashing is deliberately slow, so it runs on the blocking pool, never on the
//! threads that serve requests.

use anyhow::Context;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use arogya_domain::user::NewPassword;
use std::sync::OnceLock;
use tokio::sync::Semaphore;

/// At most one hash per core at a time: more would only queue on the CPU while each
/// holds 19 MiB, so a burst of logins cannot exhaust memory.
fn permits() -> &'static Semaphore {
    static PERMITS: OnceLock<Semaphore> = OnceLock::new();
    PERMITS.get_or_init(|| {
        Semaphore::new(
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
        )
    })
}

fn hasher() -> Argon2<'static> {
    // argon2id, version 0x13, m=19456 KiB, t=2, p=1.
    Argon2::default()
}

pub async fn hash_password(password: &NewPassword) -> anyhow::Result<String> {
    let plain = password.expose().to_owned();
    let _permit = permits().acquire().await.context("hashing permits")?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(plain.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await
    .context("password hashing task")?
}

/// A fresh random password (120 bits from the OS generator, 20 URL-safe characters),
/// for accounts created from the command line without one.
pub fn random_password() -> NewPassword {
    use base64::Engine;
    use rand::RngCore;
    let mut raw = [0u8; 15];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    let text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
    // 20 characters of a 64-letter alphabet are never one repeated character in practice;
    // should it ever happen, draw again.
    NewPassword::parse(&text, "password", None).unwrap_or_else(|_| random_password())
}

/// A hash of nothing anyone knows, checked when the account does not exist so that a
/// failed login takes as long either way and timing tells nothing.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(b"arogya-no-such-account", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

/// Check `candidate` against `stored` (or against a dummy hash when there is no
/// account). Never errors: a malformed stored hash simply does not match.
pub async fn verify_password(stored: Option<String>, candidate: String) -> bool {
    let exists = stored.is_some();
    let Ok(_permit) = permits().acquire().await else {
        return false;
    };
    let result = tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| dummy_hash().to_owned());
        match PasswordHash::new(&stored) {
            Ok(parsed) => hasher()
                .verify_password(candidate.as_bytes(), &parsed)
                .is_ok(),
            Err(_) => false,
        }
    })
    .await
    .unwrap_or(false);
    exists && result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_are_argon2id() {
        let pw = NewPassword::parse("correct horse battery", "password", None).unwrap();
        let h = hash_password(&pw).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_password(Some(h.clone()), "correct horse battery".into()).await);
        assert!(!verify_password(Some(h), "wrong horse battery".into()).await);
        assert!(!verify_password(None, "correct horse battery".into()).await);
        assert!(!verify_password(Some("not a hash".into()), "x".into()).await);
    }
}
