//! Webhook signatures, checked without I/O (feature `signatures`): the
//! caller passes the raw body, the header and the app secret.
//!
//! - Meta (Facebook, Instagram, Messenger) and WhatsApp sign each `POST`
//!   with `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw
//!   body under the app secret: [`verify_meta`].
//! - X answers its challenge-response check (CRC) with
//!   `{"response_token": "sha256=<base64>"}`, the HMAC-SHA256 of the
//!   `crc_token` under the consumer secret: [`x_crc_response`]; and signs
//!   each `POST` with `x-twitter-webhooks-signature: sha256=<base64>`:
//!   [`verify_x`].
//!
//! Comparisons take the same time whatever the bytes (through `hmac`'s
//! `verify_slice`), so a forger learns nothing from timing.
//!
//! ```
//! use social_crm::channels::signature::{meta_signature, verify_meta};
//!
//! let secret = b"app-secret";
//! let body = br#"{"object":"page","entry":[]}"#;
//! let header = meta_signature(secret, body);
//! assert!(header.starts_with("sha256="));
//! verify_meta(secret, body, &header)?;
//! assert!(verify_meta(secret, b"{}", &header).is_err());
//! # Ok::<(), social_crm::Error>(())
//! ```

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::{ErrorKind, Result};

type HmacSha256 = Hmac<Sha256>;

fn mac(secret: &[u8], message: &[u8]) -> HmacSha256 {
    // HMAC takes keys of any length.
    let mut mac = HmacSha256::new_from_slice(secret)
        .unwrap_or_else(|_| unreachable!("HMAC-SHA256 accepts a key of any length"));
    mac.update(message);
    mac
}

fn bad(reason: impl Into<String>) -> crate::Error {
    ErrorKind::BadSignature {
        reason: reason.into(),
    }
    .into()
}

/// The digest a `sha256=<digest>` header carries.
fn digest_of(header: &str) -> Result<&str> {
    let header = header.trim();
    header
        .strip_prefix("sha256=")
        .ok_or_else(|| bad(format!("expected `sha256=...`, got `{}`", shown(header))))
}

/// At most 80 characters of a header, for an error message.
fn shown(header: &str) -> String {
    header.chars().take(80).collect()
}

/// The `X-Hub-Signature-256` header Meta would send for `body`.
pub fn meta_signature(app_secret: &[u8], body: &[u8]) -> String {
    let tag = mac(app_secret, body).finalize().into_bytes();
    format!("sha256={}", hex::encode(tag))
}

/// Checks a Meta or WhatsApp `X-Hub-Signature-256` header against the raw
/// body and the app secret.
///
/// # Errors
///
/// [`ErrorKind::BadSignature`] if the header is not `sha256=` and 64 hex
/// digits, or the signature does not match.
pub fn verify_meta(app_secret: &[u8], body: &[u8], header: &str) -> Result<()> {
    let digest = digest_of(header)?;
    let tag = hex::decode(digest).map_err(|e| bad(format!("the digest is not hex: {e}")))?;
    mac(app_secret, body)
        .verify_slice(&tag)
        .map_err(|_| bad("the signature does not match the body"))
}

/// The `response_token` X expects for a CRC check of `crc_token`.
///
/// ```
/// use social_crm::channels::signature::x_crc_response;
///
/// let token = x_crc_response(b"consumer-secret", "challenge");
/// assert!(token.starts_with("sha256=") && token.ends_with('='));
/// ```
pub fn x_crc_response(consumer_secret: &[u8], crc_token: &str) -> String {
    let tag = mac(consumer_secret, crc_token.as_bytes())
        .finalize()
        .into_bytes();
    format!(
        "sha256={}",
        base64::engine::general_purpose::STANDARD.encode(tag)
    )
}

/// Checks X's `x-twitter-webhooks-signature` header against the raw body
/// and the consumer secret.
///
/// # Errors
///
/// [`ErrorKind::BadSignature`] if the header is not `sha256=` and base64,
/// or the signature does not match.
pub fn verify_x(consumer_secret: &[u8], body: &[u8], header: &str) -> Result<()> {
    let digest = digest_of(header)?;
    let tag = base64::engine::general_purpose::STANDARD
        .decode(digest)
        .map_err(|e| bad(format!("the digest is not base64: {e}")))?;
    mac(consumer_secret, body)
        .verify_slice(&tag)
        .map_err(|_| bad("the signature does not match the body"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4231, test case 2: key "Jefe", data "what do ya want for
    /// nothing?".
    #[test]
    fn hmac_sha256_is_the_standard_one() {
        let header = meta_signature(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(
            header,
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        verify_meta(b"Jefe", b"what do ya want for nothing?", &header).unwrap();
        let upper = header.to_uppercase().replace("SHA256=", "sha256=");
        verify_meta(b"Jefe", b"what do ya want for nothing?", &upper).unwrap();
    }

    #[test]
    fn x_signatures_are_base64_of_the_same_mac() {
        let token = x_crc_response(b"Jefe", "what do ya want for nothing?");
        assert_eq!(token, "sha256=W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=");
        verify_x(b"Jefe", b"what do ya want for nothing?", &token).unwrap();
        assert!(verify_x(b"jefe", b"what do ya want for nothing?", &token).is_err());
    }

    #[test]
    fn malformed_headers_are_typed_errors() {
        for header in ["", "sha1=abc", "sha256=zz", "sha256=", "sha256=abcd"] {
            let err = verify_meta(b"k", b"body", header).unwrap_err();
            assert!(
                matches!(err.kind(), ErrorKind::BadSignature { .. }),
                "{header}"
            );
        }
        for header in ["", "sha256=***", "sha256=AAAA"] {
            assert!(verify_x(b"k", b"body", header).is_err(), "{header}");
        }
    }
}
