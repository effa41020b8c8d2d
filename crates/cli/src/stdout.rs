//! Results go to stdout through here: a reader that stops early (`| head`) ends the output
//! quietly instead of a panic about a broken pipe.

use std::io::Write as _;

/// Writes `text` to stdout; a closed pipe is not an error of ours.
pub(crate) fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
