//! `hoseline bridge serve`: the bridge as a local HTTP server, configured like the Lambda (the
//! `HOSELINE_*` variables) plus the usual AWS variables and flags.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hoseline_aws::transport::native::NativeClient;
use hoseline_aws::{ClientConfig, Endpoint, Error, NetworkErrorKind};
use hoseline_bridge::config::BridgeConfig;
use hoseline_bridge::server::{self, NativeBridge, ServerOptions};
use hoseline_bridge::{Bridge, Error as BridgeError};

#[derive(Debug, clap::Args)]
pub(crate) struct BridgeArgs {
    #[command(subcommand)]
    command: BridgeCommand,
}

#[derive(Debug, clap::Subcommand)]
enum BridgeCommand {
    /// Serve Firehose HTTP endpoint deliveries on ADDR:PORT: POST /tables/<name>?rejects=<bucket>
    /// writes to that table and its rejects to that bucket, POST / to $HOSELINE_TABLE; GET
    /// /health. A URL may also name the reject prefix and the mapping options (rejectPrefix,
    /// generateKey, ttlAttribute + ttlDays, arrivalAttribute, copyCommonAttributes), as a local
    /// pipeline's stream does. Settings: HOSELINE_ACCESS_KEY (required unless
    /// --allow-no-access-key), HOSELINE_TABLE, HOSELINE_REJECT_BUCKET (the bucket for deliveries
    /// whose URL names none), HOSELINE_REJECT_PREFIX, and the mapping options' defaults.
    Serve(ServeArgs),
}

#[derive(Debug, clap::Args)]
struct ServeArgs {
    /// Address and port to listen on, e.g. 127.0.0.1:4599 (port 0 picks a free one).
    #[arg(long, value_name = "ADDR:PORT")]
    listen: String,
    /// Run without HOSELINE_ACCESS_KEY, accepting deliveries from anyone who can reach the port:
    /// for the local emulator only, whose Firehose sends no access key; refused unless --listen
    /// is a loopback address (127.0.0.1, [::1]).
    #[arg(long)]
    allow_no_access_key: bool,
    /// Connections served at once; more wait in the listen queue.
    #[arg(long, value_name = "N", default_value_t = server::DEFAULT_MAX_CONNECTIONS)]
    max_connections: usize,
    /// Seconds a request body may take to arrive after its headers (then 400).
    #[arg(long, value_name = "S", default_value_t = server::DEFAULT_BODY_TIMEOUT.as_secs())]
    body_timeout_seconds: u64,
}

pub(crate) async fn run(config: ClientConfig, args: &BridgeArgs) -> Result<(), Error> {
    match &args.command {
        BridgeCommand::Serve(serve) => run_serve(config, serve).await,
    }
}

async fn run_serve(aws: ClientConfig, args: &ServeArgs) -> Result<(), Error> {
    let listen: SocketAddr = args.listen.trim().parse().map_err(|_| {
        Error::invalid(
            "--listen",
            format!("{:?} is not ADDR:PORT (like 127.0.0.1:4599)", args.listen),
        )
    })?;
    if args.allow_no_access_key && !listen.ip().to_canonical().is_loopback() {
        return Err(Error::invalid(
            "--allow-no-access-key",
            format!(
                "is for a loopback --listen address only (127.0.0.1, [::1]): on {listen} anyone \
                 who reaches the port could write to your tables; set HOSELINE_ACCESS_KEY instead"
            ),
        ));
    }
    let options = server_options(args)?;
    let config = BridgeConfig::from_env(|name| std::env::var(name).ok(), args.allow_no_access_key)
        .map_err(|e| match e {
            BridgeError::Config { variable, rule } => Error::invalid(variable, rule),
            other => Error::invalid("bridge configuration", other.to_string()),
        })?;
    let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
        Error::network(
            NetworkErrorKind::Other,
            format!("cannot listen on {listen}: {e}"),
        )
    })?;
    let bound = listener.local_addr().unwrap_or(listen);
    eprintln!("{}", start_up_line(bound, &config, &aws));
    let bridge: Arc<NativeBridge> = Arc::new(Bridge::new(NativeClient::native(aws)?, config));
    server::serve_with(listener, bridge, options, stop_signal()).await;
    eprintln!("hoseline bridge: stopped");
    Ok(())
}

fn server_options(args: &ServeArgs) -> Result<ServerOptions, Error> {
    if !(1..=10_000).contains(&args.max_connections) {
        return Err(Error::invalid(
            "--max-connections",
            format!("must be 1 to 10000 (it is {})", args.max_connections),
        ));
    }
    if !(1..=3600).contains(&args.body_timeout_seconds) {
        return Err(Error::invalid(
            "--body-timeout-seconds",
            format!("must be 1 to 3600 (it is {})", args.body_timeout_seconds),
        ));
    }
    Ok(ServerOptions {
        max_connections: args.max_connections,
        body_timeout: Duration::from_secs(args.body_timeout_seconds),
    })
}

/// Where it listens, which tables it serves, whether it checks an access key, and where it writes
/// (items and rejects).
fn start_up_line(bound: SocketAddr, config: &BridgeConfig, aws: &ClientConfig) -> String {
    let tables = match &config.table {
        Some(table) => format!("tables from the path /tables/<name>; POST / writes to {table}"),
        None => "tables from the path /tables/<name>".to_owned(),
    };
    let key = if config.access_key.is_some() {
        "access key required".to_owned()
    } else {
        "WITHOUT an access key: local use only".to_owned()
    };
    let endpoint = match &aws.endpoint {
        Endpoint::Custom(url) => format!("{url} ({})", aws.region),
        _ => format!("AWS {}", aws.region),
    };
    let rejects = match &config.reject_bucket {
        Some(bucket) => format!(
            "rejects to s3://{bucket}/{} unless a stream's URL names its bucket (?rejects=<bucket>)",
            config.reject_prefix
        ),
        None => format!(
            "rejects to the bucket each stream's URL names (?rejects=<bucket>, under {}), no default",
            shown_prefix(&config.reject_prefix)
        ),
    };
    format!(
        "hoseline bridge: listening on http://{bound} ({tables}), {key}; writing through {endpoint}, {rejects}"
    )
}

/// The reject prefix as the line shows it: an empty one is the bucket's root.
fn shown_prefix(prefix: &str) -> String {
    if prefix.is_empty() {
        "the bucket's root".to_owned()
    } else {
        prefix.to_owned()
    }
}

/// Ctrl-C, or SIGTERM (what scripts/run.sh sends when it stops).
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    eprintln!("hoseline bridge: stopping");
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use hoseline_aws::{Credentials, Region};

    use super::*;

    fn bridge_config(vars: &[(&str, &str)], allow_no_access_key: bool) -> BridgeConfig {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        BridgeConfig::from_env(|k| map.get(k).cloned(), allow_no_access_key).expect("config")
    }

    fn aws() -> ClientConfig {
        ClientConfig {
            credentials: Credentials::new(
                "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                None,
            )
            .expect("credentials"),
            region: Region::new("us-east-1").expect("region"),
            endpoint: Endpoint::Custom("http://127.0.0.1:4566".into()),
        }
    }

    #[test]
    fn the_start_up_line_says_when_there_is_no_access_key() {
        let config = bridge_config(&[("HOSELINE_REJECT_BUCKET", "rejects")], true);
        let line = start_up_line("127.0.0.1:4599".parse().expect("addr"), &config, &aws());
        assert!(
            line.starts_with(
                "hoseline bridge: listening on http://127.0.0.1:4599 (tables from the path /tables/<name>), \
                 WITHOUT an access key: local use only"
            ),
            "{line}"
        );
        assert!(line.contains("http://127.0.0.1:4566"), "{line}");
    }

    #[test]
    fn the_start_up_line_says_where_rejects_go() {
        let addr = "127.0.0.1:4599".parse().expect("addr");
        let config = bridge_config(&[], true);
        let line = start_up_line(addr, &config, &aws());
        assert!(
            line.ends_with(
                "rejects to the bucket each stream's URL names (?rejects=<bucket>, under \
                 bridge-rejected/), no default"
            ),
            "{line}"
        );
        let config = bridge_config(&[("HOSELINE_REJECT_BUCKET", "rejects")], true);
        let line = start_up_line(addr, &config, &aws());
        assert!(
            line.ends_with(
                "rejects to s3://rejects/bridge-rejected/ unless a stream's URL names its bucket \
                 (?rejects=<bucket>)"
            ),
            "{line}"
        );
        let config = bridge_config(&[("HOSELINE_REJECT_PREFIX", "")], true);
        let line = start_up_line(addr, &config, &aws());
        assert!(line.contains("under the bucket's root"), "{line}");
    }

    #[test]
    fn the_start_up_line_never_shows_the_access_key() {
        let config = bridge_config(
            &[
                ("HOSELINE_REJECT_BUCKET", "rejects"),
                ("HOSELINE_ACCESS_KEY", "s3cr3t-key-value"),
                ("HOSELINE_TABLE", "events"),
            ],
            false,
        );
        let line = start_up_line("127.0.0.1:4599".parse().expect("addr"), &config, &aws());
        assert!(line.contains("access key required"), "{line}");
        assert!(line.contains("POST / writes to events"), "{line}");
        assert!(!line.contains("s3cr3t"), "{line}");
    }
}
