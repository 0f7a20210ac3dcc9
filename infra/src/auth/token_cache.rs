//! A cache of verified access tokens. Clients send the same token with every request
//! for its whole (short) life; checking its Ed25519 signature once instead of every
//! time saves about a tenth of the CPU a simple authenticated read costs. Entries are
//! keyed by the token's SHA-256, end with the token's expiry, and the cache is bounded.

use super::access_token::{verify, TokenError, VerifiedToken, LEEWAY_SECS};
use super::keys::KeyRing;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::Mutex;

pub struct TokenCache {
    entries: Mutex<HashMap<[u8; 32], VerifiedToken>>,
    capacity: usize,
}

impl TokenCache {
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// Verify `token` (or recall having verified it), as of `now` (Unix seconds).
    pub fn verify(
        &self,
        keys: &KeyRing,
        token: &str,
        now: i64,
    ) -> Result<VerifiedToken, TokenError> {
        let key: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        let expired = |v: &VerifiedToken| now > v.expires_at + LEEWAY_SECS;
        if let Ok(entries) = self.entries.lock() {
            if let Some(v) = entries.get(&key) {
                return if expired(v) {
                    Err(TokenError::Expired)
                } else {
                    Ok(v.clone())
                };
            }
        }
        let verified = verify(keys, token)?;
        if let Ok(mut entries) = self.entries.lock() {
            if entries.len() >= self.capacity {
                entries.retain(|_, v| !expired(v));
                if entries.len() >= self.capacity {
                    entries.clear();
                }
            }
            entries.insert(key, verified.clone());
        }
        Ok(verified)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::access_token::issue;
    use arogya_domain::access::Principal;
    use arogya_domain::ids::UserId;

    #[test]
    fn remembers_valid_tokens_until_they_expire_and_never_invalid_ones() {
        let keys = KeyRing::from_pems(&[crate::auth::keys::generate_pem().unwrap()]).unwrap();
        let p = Principal::PlatformAdmin { id: UserId::new() };
        let (token, exp) = issue(&keys, &p, None, "Admin", 60).unwrap();
        let cache = TokenCache::new(2);
        assert_eq!(cache.verify(&keys, &token, exp - 10).unwrap().principal, p);
        assert_eq!(cache.verify(&keys, &token, exp - 5).unwrap().principal, p);
        assert!(matches!(
            cache.verify(&keys, &token, exp + LEEWAY_SECS + 1),
            Err(TokenError::Expired)
        ));
        let mut forged = token.clone();
        forged.pop();
        assert!(cache.verify(&keys, &forged, exp - 10).is_err());
        assert!(cache.verify(&keys, &forged, exp - 10).is_err());
        // Bounded: more tokens than room still verify.
        for name in ["a", "b", "c"] {
            let (t, e) = issue(&keys, &p, None, name, 60).unwrap();
            assert!(cache.verify(&keys, &t, e - 10).is_ok());
        }
    }
}
