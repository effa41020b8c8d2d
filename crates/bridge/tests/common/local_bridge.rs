//! The local bridge server in-process on 127.0.0.1:0, and Firehose streams on the emulator that
//! deliver to it, as `hoseline bridge serve --allow-no-access-key` runs beside moto.
//!
//! moto POSTs each PutRecordBatch to the stream's URL synchronously, one POST per call, with no
//! `X-Amz-Firehose-*` headers (no access key, no request id) and a timestamp in seconds, and it
//! ignores the answer. AWS itself only POSTs to https:// URLs; the stream validation allows
//! http:// to loopback.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use hoseline_aws::firehose::{
    CreateDeliveryStream, HttpEndpointConfiguration, HttpEndpointDestinationConfiguration,
    PutRecordBatch, Record, S3DestinationConfiguration,
};
use hoseline_aws::s3::CreateBucket;
use hoseline_aws::transport::native::NativeClient;
use hoseline_bridge::server::{self, NativeBridge};
use hoseline_bridge::{Bridge, BridgeConfig};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const ROLE: &str = "arn:aws:iam::123456789012:role/hoseline-firehose";

/// The local bridge, serving until stopped.
pub struct LocalBridge {
    pub port: u16,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl LocalBridge {
    /// Without an access key, as beside moto; rejects go to `default_rejects`
    /// (`HOSELINE_REJECT_BUCKET`) unless a stream's URL names its bucket.
    pub async fn start(default_rejects: Option<&str>) -> Self {
        let env: Vec<(&str, &str)> = default_rejects
            .map(|b| ("HOSELINE_REJECT_BUCKET", b))
            .into_iter()
            .collect();
        Self::start_with_env(&env).await
    }

    /// Without an access key, configured by these variables (the mapping options, a default
    /// reject bucket...) as `hoseline bridge serve` would be.
    pub async fn start_with_env(vars: &[(&str, &str)]) -> Self {
        let env: HashMap<&str, String> = vars.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        let config = BridgeConfig::from_env(|name| env.get(name).cloned(), true).expect("config");
        let bridge: Arc<NativeBridge> = Arc::new(Bridge::new(super::checked(), config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local address").port();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(server::serve(listener, bridge, async {
            let _ = stopped.await;
        }));
        Self {
            port,
            stop: Some(stop),
            task: Some(task),
        }
    }

    /// The bridge's base URL, as a local spec's `target.bridgeUrl`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The URL for `table`, rejects to the default bucket.
    pub fn url(&self, table: &str) -> String {
        format!("http://127.0.0.1:{}/tables/{table}", self.port)
    }

    /// The URL the pipeline plan gives a local stream: the table, and the bucket for its rejects.
    pub fn url_with_rejects(&self, table: &str, bucket: &str) -> String {
        format!("{}?rejects={bucket}", self.url(table))
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            tokio::time::timeout(Duration::from_secs(15), task)
                .await
                .expect("the server stops")
                .expect("the server task ends cleanly");
        }
    }
}

pub async fn create_bucket(client: &NativeClient) -> String {
    let bucket = super::unique("hoseline-e2e");
    client
        .send(&CreateBucket {
            bucket: bucket.clone(),
        })
        .await
        .expect("CreateBucket");
    bucket
}

/// A DirectPut stream whose HTTP endpoint is `url`, backed up to `backup_bucket`.
pub async fn create_stream(client: &NativeClient, url: &str, backup_bucket: &str) -> String {
    let stream = super::unique("e2e");
    client
        .send(&CreateDeliveryStream::to_http_endpoint(
            &stream,
            HttpEndpointDestinationConfiguration {
                endpoint_configuration: HttpEndpointConfiguration {
                    url: url.to_owned(),
                    name: Some("local bridge".into()),
                    access_key: None,
                },
                buffering_hints: None,
                cloud_watch_logging_options: None,
                request_configuration: None,
                role_arn: Some(ROLE.into()),
                retry_options: None,
                s3_backup_mode: None,
                s3_configuration: S3DestinationConfiguration {
                    role_arn: ROLE.into(),
                    bucket_arn: format!("arn:aws:s3:::{backup_bucket}"),
                    ..Default::default()
                },
            },
        ))
        .await
        .expect("CreateDeliveryStream");
    stream
}

/// PutRecordBatch: moto POSTs the records to the stream's URL inside the call.
pub async fn put(client: &NativeClient, stream: &str, records: Vec<Vec<u8>>) {
    let count = records.len();
    let out = client
        .send(&PutRecordBatch::new(
            stream,
            records.into_iter().map(Record::new).collect(),
        ))
        .await
        .expect("PutRecordBatch (moto POSTs to the bridge inside it)");
    assert_eq!(out.failed_put_count, 0, "{out:?}");
    assert_eq!(out.request_responses.len(), count);
}
