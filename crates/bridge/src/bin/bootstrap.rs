//! The bridge Lambda's entry point (`provided.al2023` runs the file named `bootstrap`). Built by
//! `scripts/build-bridge.sh` for x86_64-unknown-linux-musl; see `hoseline_bridge::lambda`.

use std::process::ExitCode;

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    match hoseline_bridge::lambda::run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // One line in the function's log: the setting that is missing or wrong, or why the
            // runtime stopped.
            eprintln!("hoseline bridge: error: {e}");
            ExitCode::FAILURE
        }
    }
}
