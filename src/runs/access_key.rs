//! The bridge's access key for a Create on AWS: Firehose sends it, the bridge Lambda checks it.
//! When the spec names none, 256 bits from the browser's CSPRNG, kept in `sessionStorage` for
//! this tab only, so a Create resumed after a reload gives the stream the key the function
//! already has. Never in `localStorage`, never in the draft or the pipeline's record.

use hoseline_pipeline::spec::{AccessKey, ACCESS_KEY_RANDOM_BYTES};

fn key(pipeline: &str) -> String {
    format!("hoseline.bridgeAccessKey.{pipeline}")
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The key this tab generated for `pipeline`, or a new one (kept for the tab). `None` when the
/// browser has no CSPRNG to ask.
pub fn for_pipeline(pipeline: &str) -> Option<AccessKey> {
    let storage = session_storage();
    if let Some(kept) = storage
        .as_ref()
        .and_then(|s| s.get_item(&key(pipeline)).ok().flatten())
    {
        return Some(AccessKey::new(kept));
    }
    let mut bytes = [0u8; ACCESS_KEY_RANDOM_BYTES];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    let generated = AccessKey::from_random_bytes(&bytes);
    if let Some(storage) = storage {
        let _ = storage.set_item(&key(pipeline), generated.expose());
    }
    Some(generated)
}

/// Forgets the tab's key once the pipeline is complete (the function and stream hold it).
pub fn forget(pipeline: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(&key(pipeline));
    }
}
