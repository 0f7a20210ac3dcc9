//! Keys derived per tenant from one master secret: the key that hashes national ID
//! numbers (so the same number can be matched for duplicates without ever being
//! stored) and the Ed25519 key that signs e-health card QR codes (so any verifier can
//! check a card offline with the tenant's published public key).
//!
//! Deriving both from the master secret with HMAC-SHA256 and a purpose label keeps the
//! tenants' keys apart and leaves only one secret to keep (in a secrets manager in
//! production). It is never stored next to the data it protects.

use anyhow::{Context, Result};
use arogya_domain::ids::TenantId;
use arogya_domain::patient::card::CardClaims;
use arogya_domain::patient::identifiers::AadhaarNumber;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::path::Path;

type HmacSha256 = Hmac<Sha256>;

pub struct PiiKeys {
    master: [u8; 32],
}

impl std::fmt::Debug for PiiKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PiiKeys([REDACTED])")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

/// Why a card payload does not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardTokenError {
    Malformed,
    BadSignature,
}

impl PiiKeys {
    /// From 64 hex characters (32 bytes).
    pub fn from_hex(text: &str) -> Result<Self> {
        let bytes = unhex(text).context("the PII master key must be hex")?;
        let master: [u8; 32] = bytes
            .try_into()
            .map_err(|_| anyhow::anyhow!("the PII master key must be 32 bytes (64 hex digits)"))?;
        Ok(Self { master })
    }

    /// Read the key file, creating it (readable by the owner only) with a random key
    /// when it does not exist: the embedded default needs no set-up.
    pub fn load_or_create(path: &Path) -> Result<Self> {
        if path.exists() {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading {}", path.display()))?;
            return Self::from_hex(&text);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        let mut master = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut master);
        crate::auth::keys::write_private(path, &hex(&master))?;
        tracing::info!(path = %path.display(), "created a new PII master key");
        Ok(Self { master })
    }

    fn derive(&self, purpose: &str, tenant: TenantId) -> [u8; 32] {
        let mut mac = HmacSha256::new_from_slice(&self.master).expect("HMAC takes any key length");
        mac.update(purpose.as_bytes());
        mac.update(b":");
        mac.update(tenant.0.as_bytes());
        mac.finalize().into_bytes().into()
    }

    /// The key a tenant's archive is sealed with (the same on any installation that
    /// holds this master key).
    pub fn archive_key(&self, tenant: TenantId) -> [u8; 32] {
        self.derive("tenant-archive-v1", tenant)
    }

    /// The key a tenant's audit chain is sealed with (see `repos::audit_chain`).
    pub fn audit_chain_key(&self, tenant: TenantId) -> [u8; 32] {
        self.derive("audit-chain-v1", tenant)
    }

    /// The keyed hash a one-time code is stored as, bound to the sign-up it was sent
    /// for: six digits are too few for a plain hash to hide.
    pub fn otp_hash(&self, tenant: TenantId, signup: uuid::Uuid, code: &str) -> String {
        let key = self.derive("otp-v1", tenant);
        let mut mac = HmacSha256::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(signup.as_bytes());
        mac.update(code.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// Compare a typed code with a stored hash in constant time.
    pub fn otp_matches(
        &self,
        tenant: TenantId,
        signup: uuid::Uuid,
        code: &str,
        stored: &str,
    ) -> bool {
        let key = self.derive("otp-v1", tenant);
        let mut mac = HmacSha256::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(signup.as_bytes());
        mac.update(code.as_bytes());
        match unhex(stored) {
            Some(bytes) => mac.verify_slice(&bytes).is_ok(),
            None => false,
        }
    }

    /// The key that signs this server's own storage URLs (the folder object store).
    pub fn storage_url_key(&self) -> [u8; 32] {
        let mut mac = HmacSha256::new_from_slice(&self.master).expect("HMAC takes any key length");
        mac.update(b"storage-urls-v1");
        mac.finalize().into_bytes().into()
    }

    /// The keyed hash a national ID number is stored (and matched) as.
    pub fn national_id_hash(&self, tenant: TenantId, number: &AadhaarNumber) -> String {
        let key = self.derive("national-id-v1", tenant);
        let mut mac = HmacSha256::new_from_slice(&key).expect("HMAC takes any key length");
        mac.update(number.digits().as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    fn card_key(&self, tenant: TenantId) -> SigningKey {
        SigningKey::from_bytes(&self.derive("card-signing-v1", tenant))
    }

    /// The key id of the tenant's card-signing key.
    pub fn card_kid(&self, tenant: TenantId) -> String {
        let public = self.card_key(tenant).verifying_key();
        URL_SAFE_NO_PAD.encode(&Sha256::digest(public.as_bytes())[..12])
    }

    /// The tenant's public card key as a JWK set, for offline verifiers.
    pub fn card_jwks(&self, tenant: TenantId) -> serde_json::Value {
        let public = self.card_key(tenant).verifying_key();
        serde_json::json!({ "keys": [{
            "kty": "OKP", "crv": "Ed25519", "alg": "EdDSA", "use": "sig",
            "kid": self.card_kid(tenant), "x": URL_SAFE_NO_PAD.encode(public.as_bytes()),
        }]})
    }

    /// A compact JWS (EdDSA) of the claims: what the card's QR code holds.
    pub fn sign_card(&self, tenant: TenantId, claims: &CardClaims) -> String {
        let header = serde_json::json!({ "alg": "EdDSA", "typ": "arogya-card+jwt", "kid": self.card_kid(tenant) });
        let payload = serde_json::to_vec(claims).unwrap_or_default();
        let signing_input = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(payload)
        );
        let signature = self.card_key(tenant).sign(signing_input.as_bytes());
        format!(
            "{signing_input}.{}",
            URL_SAFE_NO_PAD.encode(signature.to_bytes())
        )
    }

    /// Verify a card payload against `tenant`'s key.
    pub fn verify_card(&self, tenant: TenantId, token: &str) -> Result<CardClaims, CardTokenError> {
        verify_with(&self.card_key(tenant).verifying_key(), token)
    }
}

/// The claims of a card payload, without checking who signed it (to find the tenant).
pub fn unverified_card_claims(token: &str) -> Result<CardClaims, CardTokenError> {
    let mut parts = token.trim().split('.');
    let (Some(_), Some(payload), Some(_), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(CardTokenError::Malformed);
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| CardTokenError::Malformed)?;
    serde_json::from_slice(&bytes).map_err(|_| CardTokenError::Malformed)
}

fn verify_with(key: &VerifyingKey, token: &str) -> Result<CardClaims, CardTokenError> {
    let token = token.trim();
    let (signing_input, signature) = token.rsplit_once('.').ok_or(CardTokenError::Malformed)?;
    let sig = URL_SAFE_NO_PAD
        .decode(signature)
        .map_err(|_| CardTokenError::Malformed)?;
    let sig = Signature::from_slice(&sig).map_err(|_| CardTokenError::Malformed)?;
    let claims = unverified_card_claims(token)?;
    key.verify(signing_input.as_bytes(), &sig)
        .map_err(|_| CardTokenError::BadSignature)?;
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> PiiKeys {
        PiiKeys::from_hex(&"ab".repeat(32)).unwrap()
    }
    fn claims() -> CardClaims {
        CardClaims {
            hid: "WB-1234-5678-9012".into(),
            tnt: "WB".into(),
            name: "Lakshmi Devi".into(),
            yob: 1992,
            cid: "c1".into(),
            iat: 1,
        }
    }

    #[test]
    fn card_payloads_verify_only_untampered_and_for_their_tenant() {
        let (k, t) = (keys(), TenantId::new());
        let token = k.sign_card(t, &claims());
        assert_eq!(k.verify_card(t, &token).unwrap(), claims());
        assert_eq!(
            k.verify_card(TenantId::new(), &token),
            Err(CardTokenError::BadSignature)
        );
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let forged = CardClaims {
            yob: 1950,
            ..claims()
        };
        parts[1] = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&forged).unwrap());
        assert_eq!(
            k.verify_card(t, &parts.join(".")),
            Err(CardTokenError::BadSignature)
        );
        assert_eq!(k.verify_card(t, "nonsense"), Err(CardTokenError::Malformed));
    }

    #[test]
    fn national_id_hashes_are_per_tenant_and_stable() {
        let k = keys();
        let n = AadhaarNumber::parse(&format!(
            "23456789012{}",
            arogya_domain::patient::check_digit::verhoeff_digit("23456789012").unwrap()
        ))
        .unwrap();
        let (a, b) = (TenantId::new(), TenantId::new());
        assert_eq!(k.national_id_hash(a, &n), k.national_id_hash(a, &n));
        assert_ne!(k.national_id_hash(a, &n), k.national_id_hash(b, &n));
        assert!(!k.national_id_hash(a, &n).contains(n.digits()));
        assert!(!format!("{k:?}").contains("abab"));
    }
}
