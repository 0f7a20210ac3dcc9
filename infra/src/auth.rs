//! Credentials and tokens: argon2id password hashes, Ed25519 signing keys with key
//! rotation, access-token claims, and login throttling.

pub mod access_token;
pub mod keys;
pub mod login_lock;
pub mod password;
pub mod revocations;
pub mod throttle;
pub mod token_cache;
