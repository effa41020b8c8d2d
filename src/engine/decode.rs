//! The page's reader of the worker's replies: each field taken from a `serde_json::Value` by
//! hand. Derived decoders for an internally tagged enum of nested structs cost the first load
//! about 60 KB of wasm; this costs a few. The worker writes replies with serde's derive, and the
//! tests below read every variant back, so the two cannot drift apart.

use serde_json::Value;

use super::aws_wire::read_error;

use super::protocol::{
    CallEvent, CallStatus, CostRow, CostView, Failure, FieldProblem, PlannedCall, Reply,
    ResourceEvent, ResourceKindName, ResourceStatus, ReviewData,
};

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn text_or_empty(v: &Value, key: &str) -> String {
    text(v, key).unwrap_or_default()
}

fn list<T>(v: &Value, key: &str, read: fn(&Value) -> Option<T>) -> Vec<T> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(read).collect())
        .unwrap_or_default()
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    list(v, key, |x| x.as_str().map(str::to_owned))
}

fn planned_call(v: &Value) -> Option<PlannedCall> {
    let kind = match v.get("kind")?.as_str()? {
        "bucket" => ResourceKindName::Bucket,
        "table" => ResourceKindName::Table,
        "role" => ResourceKindName::Role,
        "stack" => ResourceKindName::Stack,
        "function" => ResourceKindName::Function,
        "stream" => ResourceKindName::Stream,
        _ => return None,
    };
    Some(PlannedCall {
        id: text(v, "id")?,
        resource: text_or_empty(v, "resource"),
        kind,
        reason: text_or_empty(v, "reason"),
        service: text_or_empty(v, "service"),
        operation: text_or_empty(v, "operation"),
        method: text_or_empty(v, "method"),
        url: text_or_empty(v, "url"),
        body: text_or_empty(v, "body"),
        cli: text_or_empty(v, "cli"),
    })
}

fn failure(v: &Value) -> Option<Failure> {
    Some(Failure {
        code: text(v, "code")?,
        message: text_or_empty(v, "message"),
        request_id: text(v, "requestId"),
        hint: text(v, "hint"),
        step: text(v, "step"),
    })
}

fn cost(v: &Value) -> Option<CostView> {
    Some(CostView {
        monthly: text(v, "monthly")?,
        priced_region: text_or_empty(v, "pricedRegion"),
        prices_as_of: text_or_empty(v, "pricesAsOf"),
        price_source: text_or_empty(v, "priceSource"),
        rows: list(v, "rows", |r| {
            Some(CostRow {
                service: text(r, "service")?,
                item: text_or_empty(r, "item"),
                quantity: text_or_empty(r, "quantity"),
                unit_price: text_or_empty(r, "unitPrice"),
                monthly: text_or_empty(r, "monthly"),
                note: text_or_empty(r, "note"),
            })
        }),
        packing: text(v, "packing"),
        notes: texts(v, "notes"),
    })
}

fn call_event(v: &Value) -> Option<CallEvent> {
    let status = match v.get("status")?.as_str()? {
        "pending" => CallStatus::Pending,
        "running" => CallStatus::Running,
        "done" => CallStatus::Done,
        "adopted" => CallStatus::Adopted,
        "skipped" => CallStatus::Skipped,
        "failed" => CallStatus::Failed,
        _ => return None,
    };
    Some(CallEvent {
        step: text(v, "step")?,
        status,
        detail: text_or_empty(v, "detail"),
        failure: v.get("failure").and_then(failure),
    })
}

fn resource_event(v: &Value) -> Option<ResourceEvent> {
    let status = match v.get("status")?.as_str()? {
        "running" => ResourceStatus::Running,
        "deleted" => ResourceStatus::Deleted,
        "alreadyGone" => ResourceStatus::AlreadyGone,
        "left" => ResourceStatus::Left,
        _ => return None,
    };
    Some(ResourceEvent {
        resource: text(v, "resource")?,
        status,
        detail: text_or_empty(v, "detail"),
    })
}

fn reply(v: &Value) -> Option<Reply> {
    let kind = v.get("type")?.as_str()?;
    if kind == "ready" {
        return Some(Reply::Ready);
    }
    let id = u32::try_from(v.get("id")?.as_u64()?).ok()?;
    Some(match kind {
        "preview" => Reply::Preview {
            id,
            calls: list(v, "calls", planned_call),
        },
        "review" => {
            let r = v.get("review")?;
            Reply::Review {
                id,
                review: Box::new(ReviewData {
                    calls: list(r, "calls", planned_call),
                    cost: cost(r.get("cost")?)?,
                    cloudformation: text_or_empty(r, "cloudformation"),
                    cli_script: text_or_empty(r, "cliScript"),
                }),
            }
        }
        "call" => Reply::Call {
            id,
            event: call_event(v.get("event")?)?,
            progress: text_or_empty(v, "progress"),
        },
        "resource" => Reply::Resource {
            id,
            event: resource_event(v.get("event")?)?,
            progress: text_or_empty(v, "progress"),
        },
        "applied" => Reply::Applied {
            id,
            made: texts(v, "made"),
            adopted: texts(v, "adopted"),
            resumed: texts(v, "resumed"),
            outputs: {
                // Inserted one by one: collecting into a BTreeMap links a sort of its own.
                let mut outputs = std::collections::BTreeMap::new();
                for (k, x) in v
                    .get("outputs")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    if let Some(x) = x.as_str() {
                        outputs.insert(k.clone(), x.to_owned());
                    }
                }
                outputs
            },
        },
        "destroyed" => Reply::Destroyed {
            id,
            deleted: texts(v, "deleted"),
            gone: texts(v, "gone"),
            left: list(v, "left", |pair| {
                Some((
                    pair.get(0)?.as_str()?.to_owned(),
                    pair.get(1)?.as_str()?.to_owned(),
                ))
            }),
        },
        "parsed" => Reply::Parsed {
            id,
            spec: text(v, "spec"),
            problems: list(v, "problems", |p| {
                Some(FieldProblem {
                    path: text(p, "path")?,
                    message: text_or_empty(p, "message"),
                })
            }),
        },
        "aws" => {
            let result = v.get("result")?;
            Reply::Aws {
                id,
                result: match result.get("Ok") {
                    Some(answer) => Ok(answer.clone()),
                    None => Err(read_error(result.get("Err")?)?),
                },
            }
        }
        "failed" => Reply::Failed {
            id,
            failure: failure(v.get("failure")?)?,
        },
        _ => return None,
    })
}

/// One reply from its JSON text.
pub fn decode_reply(text: &str) -> Result<Reply, String> {
    let value: Value =
        serde_json::from_str(text).map_err(|e| format!("unreadable reply from the engine: {e}"))?;
    reply(&value).ok_or_else(|| {
        let start: String = text.chars().take(120).collect();
        format!("unreadable reply from the engine: {start}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::jobs;
    use crate::engine::protocol::{encode, WireError};
    use hoseline_pipeline::cost::Load;
    use hoseline_pipeline::spec::PipelineSpec;

    fn round_trip(reply: Reply) {
        let text = encode(&reply);
        assert_eq!(decode_reply(&text), Ok(reply), "{text}");
    }

    fn failure() -> Failure {
        Failure {
            code: "AccessDeniedException".into(),
            message: "not authorized".into(),
            request_id: Some("R-1".into()),
            hint: Some("add dynamodb:CreateTable".into()),
            step: Some("table".into()),
        }
    }

    #[test]
    fn every_reply_the_worker_writes_reads_back_the_same() {
        let spec = PipelineSpec::aws_dynamodb("demo", "us-east-1");
        round_trip(Reply::Ready);
        round_trip(Reply::Preview {
            id: 1,
            calls: jobs::planned_calls(&spec),
        });
        round_trip(Reply::Review {
            id: 2,
            review: Box::new(jobs::review(&spec, Load::new(100.0, 200))),
        });
        for status in [
            CallStatus::Pending,
            CallStatus::Running,
            CallStatus::Done,
            CallStatus::Adopted,
            CallStatus::Skipped,
            CallStatus::Failed,
        ] {
            round_trip(Reply::Call {
                id: 3,
                event: CallEvent {
                    step: "table".into(),
                    status,
                    detail: "done: made".into(),
                    failure: (status == CallStatus::Failed).then(failure),
                },
                progress: "{\"version\":1}".into(),
            });
        }
        for status in [
            ResourceStatus::Running,
            ResourceStatus::Deleted,
            ResourceStatus::AlreadyGone,
            ResourceStatus::Left,
        ] {
            round_trip(Reply::Resource {
                id: 4,
                event: ResourceEvent {
                    resource: "S3 bucket b".into(),
                    status,
                    detail: "emptying".into(),
                },
                progress: "{}".into(),
            });
        }
        round_trip(Reply::Applied {
            id: 5,
            made: vec!["DynamoDB table t".into()],
            adopted: vec![],
            resumed: vec!["bucket".into()],
            outputs: std::collections::BTreeMap::from([(
                "TableArn".into(),
                "arn:aws:dynamodb:x".into(),
            )]),
        });
        round_trip(Reply::Destroyed {
            id: 6,
            deleted: vec!["a".into()],
            gone: vec!["b".into()],
            left: vec![("IAM role r".into(), "not ours".into())],
        });
        round_trip(Reply::Parsed {
            id: 7,
            spec: Some(spec.to_json(false)),
            problems: vec![],
        });
        round_trip(Reply::Parsed {
            id: 8,
            spec: None,
            problems: vec![FieldProblem {
                path: "colour".into(),
                message: "is not a field".into(),
            }],
        });
        round_trip(Reply::Failed {
            id: 9,
            failure: failure(),
        });
        round_trip(Reply::Aws {
            id: 10,
            result: Ok(serde_json::json!({ "account": "000000000000", "arn": "arn:aws:iam::x" })),
        });
        round_trip(Reply::Aws {
            id: 11,
            result: Ok(Value::Null),
        });
        round_trip(Reply::Aws {
            id: 12,
            result: Err(WireError::Service {
                status: 400,
                code: "ResourceNotFoundException".into(),
                message: "no such table".into(),
                request_id: Some("R-2".into()),
            }),
        });
        round_trip(Reply::Aws {
            id: 13,
            result: Err(WireError::Network {
                network: "cors".into(),
                message: "blocked".into(),
            }),
        });
    }

    #[test]
    fn a_reply_it_cannot_read_says_so() {
        assert!(decode_reply("{\"type\":\"nonsense\",\"id\":1}").is_err());
        assert!(decode_reply("{\"type\":\"call\"}").is_err());
        assert!(decode_reply("not json").is_err());
    }
}
