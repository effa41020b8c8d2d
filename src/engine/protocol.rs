//! What the page and the engine worker say to each other: JSON messages, one request per job
//! (identified by `id`), any number of replies per job. Plain data, tested natively.
//!
//! The worker holds the heavy code (the plan's request previews, the cost model, the
//! CloudFormation template, the CLI script, apply and teardown) so the page's first load does
//! not carry it; the page holds the spec, its rules and the screens.

use std::collections::BTreeMap;

use hoseline_pipeline::cost::Load;
use hoseline_pipeline::spec::PipelineSpec;
use serde::{Deserialize, Serialize};

pub use super::aws_wire::{AwsCall, WireConnection, WireError};

/// A job for the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Request {
    /// The plan's calls, each with its reason, request and AWS CLI command.
    Preview { id: u32, spec: PipelineSpec },
    /// Preview plus the cost estimate, the CloudFormation template and the CLI script.
    Review {
        id: u32,
        spec: PipelineSpec,
        load: Load,
    },
    /// Makes the pipeline, resuming from `progress` (the engine's record as JSON).
    Apply(Run),
    /// Deletes what the pipeline made.
    Destroy(Run),
    /// Reads a spec file (JSON), reporting every problem by its field's path.
    ParseSpec { id: u32, text: String },
    /// Stops the run `id` after its current event.
    Stop { id: u32 },
    /// One AWS read for the page (which links no AWS client).
    Aws {
        id: u32,
        connection: WireConnection,
        call: AwsCall,
    },
}

/// An apply or destroy: the spec, the connection's credentials and the saved progress.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub id: u32,
    pub spec: PipelineSpec,
    pub credentials: WireCredentials,
    #[serde(default)]
    pub progress: Option<String>,
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Run")
            .field("id", &self.id)
            .field("spec", &self.spec)
            .field("credentials", &self.credentials)
            .field("progress", &self.progress.as_ref().map(String::len))
            .finish()
    }
}

/// The connection's credentials on their way to the worker (same page, never stored).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WireCredentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    #[serde(default)]
    pub session_token: Option<String>,
}

impl std::fmt::Debug for WireCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WireCredentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"<redacted>")
            .field(
                "session_token",
                &self.session_token.as_ref().map(|_| "<redacted>"),
            )
            .finish()
    }
}

impl From<&hoseline_aws::Credentials> for WireCredentials {
    fn from(c: &hoseline_aws::Credentials) -> Self {
        Self {
            access_key_id: c.access_key_id.clone(),
            secret_access_key: c.secret_access_key.expose().to_owned(),
            session_token: c.session_token.as_ref().map(|t| t.expose().to_owned()),
        }
    }
}

/// What the worker says. Serialize only: the page reads replies with [`super::decode`], by
/// hand from a `serde_json::Value`, which costs the first load far less than derived decoders.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Reply {
    /// The worker has loaded and takes requests.
    Ready,
    Preview {
        id: u32,
        calls: Vec<PlannedCall>,
    },
    Review {
        id: u32,
        review: Box<ReviewData>,
    },
    /// A call of an apply changed state; `progress` is the record to save now.
    Call {
        id: u32,
        event: CallEvent,
        progress: String,
    },
    /// A resource of a teardown changed state; `progress` is the record to save now.
    Resource {
        id: u32,
        event: ResourceEvent,
        progress: String,
    },
    /// The apply ended with the pipeline complete.
    Applied {
        id: u32,
        made: Vec<String>,
        adopted: Vec<String>,
        resumed: Vec<String>,
        outputs: BTreeMap<String, String>,
    },
    /// The teardown ended; `left` lists what is still there, with why.
    Destroyed {
        id: u32,
        deleted: Vec<String>,
        gone: Vec<String>,
        left: Vec<(String, String)>,
    },
    /// A spec file read: the spec (in the spec file format), or every problem by path.
    Parsed {
        id: u32,
        spec: Option<String>,
        problems: Vec<FieldProblem>,
    },
    /// An AWS read's answer (JSON, as [`AwsCall`] says) or its error.
    Aws {
        id: u32,
        result: Result<serde_json::Value, WireError>,
    },
    /// The job ended without finishing.
    Failed {
        id: u32,
        failure: Failure,
    },
}

/// A problem with one field of a spec file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldProblem {
    pub path: String,
    pub message: String,
}

impl Reply {
    /// The job the reply belongs to (`None` for Ready).
    pub fn id(&self) -> Option<u32> {
        match self {
            Reply::Ready => None,
            Reply::Preview { id, .. }
            | Reply::Review { id, .. }
            | Reply::Call { id, .. }
            | Reply::Resource { id, .. }
            | Reply::Applied { id, .. }
            | Reply::Destroyed { id, .. }
            | Reply::Parsed { id, .. }
            | Reply::Aws { id, .. }
            | Reply::Failed { id, .. } => Some(*id),
        }
    }

    /// Whether no more replies follow for its job.
    pub fn ends_job(&self) -> bool {
        !matches!(
            self,
            Reply::Ready | Reply::Call { .. } | Reply::Resource { .. }
        )
    }
}

/// One call of the plan, as the steps and Review show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlannedCall {
    /// The plan's step id (`table`, `stream`...), as in the progress record.
    pub id: String,
    /// What it makes: `DynamoDB table demo-tickers`.
    pub resource: String,
    /// The resource's kind, for the setup step it belongs to.
    pub kind: ResourceKindName,
    pub reason: String,
    /// `DynamoDB`, `Amazon S3`...
    pub service: String,
    pub operation: String,
    pub method: String,
    pub url: String,
    pub body: String,
    /// The same call as an AWS CLI command.
    pub cli: String,
}

/// The plan's resource kinds, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceKindName {
    Bucket,
    Table,
    Role,
    Stack,
    Function,
    Stream,
}

impl From<hoseline_pipeline::plan::ResourceKind> for ResourceKindName {
    fn from(kind: hoseline_pipeline::plan::ResourceKind) -> Self {
        use hoseline_pipeline::plan::ResourceKind as K;
        match kind {
            K::Bucket => Self::Bucket,
            K::Table => Self::Table,
            K::Role => Self::Role,
            K::Stack => Self::Stack,
            K::Function => Self::Function,
            K::Stream => Self::Stream,
        }
    }
}

/// What Review shows beyond the calls.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewData {
    pub calls: Vec<PlannedCall>,
    pub cost: CostView,
    /// The whole pipeline as one CloudFormation template (JSON).
    pub cloudformation: String,
    /// The plan's calls as a bash script of AWS CLI commands.
    pub cli_script: String,
}

/// The cost estimate, formatted for reading.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostView {
    /// `$12.34`.
    pub monthly: String,
    pub priced_region: String,
    pub prices_as_of: String,
    pub price_source: String,
    pub rows: Vec<CostRow>,
    /// What packing several events into each record would save, in words.
    pub packing: Option<String>,
    pub notes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CostRow {
    pub service: String,
    pub item: String,
    /// `2,592,000 records`.
    pub quantity: String,
    /// `$0.029 per GB`.
    pub unit_price: String,
    pub monthly: String,
    pub note: String,
}

/// A call's state in an apply, as the Create screen lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CallEvent {
    /// The plan's step id, or `identity` for the first check.
    pub step: String,
    pub status: CallStatus,
    /// What happened, in words (`CreateTable...`, `waiting: table ACTIVE`, `done: ...`).
    pub detail: String,
    #[serde(default)]
    pub failure: Option<Failure>,
}

/// The status words of a call or resource (each shown with an icon and a word).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CallStatus {
    Pending,
    Running,
    Done,
    Adopted,
    Skipped,
    Failed,
}

/// Why a call (or a whole job) failed: AWS's code and message, kept whole.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Failure {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub request_id: Option<String>,
    /// What to do about it, where the engine can tell (the missing permission).
    #[serde(default)]
    pub hint: Option<String>,
    /// The step it stopped at.
    #[serde(default)]
    pub step: Option<String>,
}

/// A resource's state in a teardown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceEvent {
    /// `DynamoDB table demo-tickers`.
    pub resource: String,
    pub status: ResourceStatus,
    pub detail: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceStatus {
    Running,
    Deleted,
    AlreadyGone,
    Left,
}

/// Requests and replies travel as JSON text through `postMessage`.
pub fn encode<T: Serialize>(message: &T) -> String {
    // Pretty, as the draft's spec is stored: the page then carries one copy of the spec's
    // serializer, not one per JSON formatter.
    serde_json::to_string_pretty(message).unwrap_or_else(|e| {
        // Only a map with non-string keys fails, and these types have none.
        format!(r#"{{"type":"failed","id":0,"failure":{{"code":"Encode","message":"{e}"}}}}"#)
    })
}

pub fn decode_request(text: &str) -> Result<Request, String> {
    serde_json::from_str(text).map_err(|e| format!("unreadable request: {e}"))
}

pub use super::decode::decode_reply;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_round_trips_and_its_debug_hides_the_secrets() {
        let run = Request::Apply(Run {
            id: 7,
            spec: PipelineSpec::local_dynamodb("demo"),
            credentials: WireCredentials {
                access_key_id: "AKIAIOSFODNN7EXAMPLE".into(),
                secret_access_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
                session_token: Some("token-value".into()),
            },
            progress: None,
        });
        let text = encode(&run);
        assert_eq!(decode_request(&text), Ok(run.clone()));
        let debug = format!("{run:?}");
        assert!(
            !debug.contains("wJalr") && !debug.contains("token-value"),
            "{debug}"
        );
        assert!(debug.contains("AKIAIOSFODNN7EXAMPLE"));
    }

    #[test]
    fn replies_name_their_job_and_whether_more_follow() {
        let call = Reply::Call {
            id: 3,
            event: CallEvent {
                step: "table".into(),
                status: CallStatus::Running,
                detail: "CreateTable...".into(),
                failure: None,
            },
            progress: "{}".into(),
        };
        assert_eq!(call.id(), Some(3));
        assert!(!call.ends_job());
        let text = encode(&call);
        assert_eq!(decode_reply(&text), Ok(call));
        assert!(Reply::Failed {
            id: 3,
            failure: Failure {
                code: "AccessDenied".into(),
                message: "no".into(),
                request_id: None,
                hint: None,
                step: None,
            }
        }
        .ends_job());
        assert_eq!(Reply::Ready.id(), None);
        assert!(decode_reply("{\"type\":\"nonsense\"}").is_err());
    }
}
