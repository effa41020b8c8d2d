//! The bridge Lambda's entry point (`provided.al2023` runs the file named `bootstrap`). Built by
//! `scripts/build-bridge.sh` for x86_64-unknown-linux-musl; see `hoseline_bridge::lambda`.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    hoseline_bridge::lambda::run().await
}
