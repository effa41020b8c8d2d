//! The spec's tagged enums (`target.type`, `table.billing.mode`) read as serde's derive read
//! them: the same values, defaults and messages (their Deserialize is written out, see
//! src/spec/tagged.rs). serde_json adds the position to messages of a text it reads.

use hoseline_pipeline::spec::{AutoScaling, Billing, Target};
use serde::de::DeserializeOwned;
use serde_json::json;

fn read<T: DeserializeOwned + std::fmt::Debug>(value: serde_json::Value) -> Result<T, String> {
    let from_text = serde_json::from_str::<T>(&value.to_string()).map_err(|e| e.to_string());
    let from_value = serde_json::from_value::<T>(value).map_err(|e| e.to_string());
    match (&from_text, &from_value) {
        (Err(t), Err(v)) => assert!(t.starts_with(v.as_str()), "{t} / {v}"),
        (t, v) => assert_eq!(t.is_ok(), v.is_ok(), "{t:?} / {v:?}"),
    }
    from_value
}

#[test]
fn targets_read_as_the_derive_read_them() {
    assert_eq!(
        read::<Target>(json!({"type": "local", "endpoint": "e", "bridgeUrl": "b"})),
        Ok(Target::Local {
            endpoint: "e".into(),
            bridge_url: "b".into(),
            region: "us-east-1".into()
        })
    );
    assert_eq!(
        read::<Target>(json!({"region": "r", "type": "aws"})),
        Ok(Target::Aws { region: "r".into() })
    );
    for (value, message) in [
        (
            json!({"type": "local", "endpoint": "e"}),
            "missing field `bridgeUrl`",
        ),
        (json!({"type": "aws"}), "missing field `region`"),
        (json!({"region": "r"}), "missing field `type`"),
        (
            json!({"type": "aws", "region": "r", "endpoint": "e"}),
            "unknown field `endpoint`, expected `region`",
        ),
        (
            json!({"type": "local", "endpoint": "e", "bridgeUrl": "b", "bridge_url": "c"}),
            "unknown field `bridge_url`, expected one of `endpoint`, `bridgeUrl`, `region`",
        ),
        (
            json!({"type": "gcp", "region": "r"}),
            "unknown variant `gcp`, expected `local` or `aws`",
        ),
        (
            json!({"type": 5, "region": "r"}),
            "invalid type: integer `5`, expected variant identifier",
        ),
        (
            json!({"type": "aws", "region": 5}),
            "invalid type: integer `5`, expected a string",
        ),
        (
            json!("aws"),
            "invalid type: string \"aws\", expected internally tagged enum Target",
        ),
    ] {
        assert_eq!(
            read::<Target>(value.clone()),
            Err(message.to_owned()),
            "{value}"
        );
    }
    let twice = r#"{"type":"aws","region":"r","region":"s"}"#;
    let e = serde_json::from_str::<Target>(twice).expect_err("duplicate");
    assert!(e.to_string().starts_with("duplicate field `region`"), "{e}");
}

#[test]
fn billing_reads_as_the_derive_read_it() {
    assert_eq!(
        read::<Billing>(json!({"mode": "onDemand"})),
        Ok(Billing::OnDemand)
    );
    // A unit variant's other fields were ignored, and still are.
    assert_eq!(
        read::<Billing>(json!({"mode": "onDemand", "readCapacityUnits": 5})),
        Ok(Billing::OnDemand)
    );
    assert_eq!(
        read::<Billing>(json!({
            "readCapacityUnits": 5, "mode": "provisioned", "writeCapacityUnits": 6,
            "autoScaling": {"minCapacity": 1, "maxCapacity": 9, "targetUtilization": 70}
        })),
        Ok(Billing::Provisioned {
            read_capacity_units: 5,
            write_capacity_units: 6,
            auto_scaling: Some(AutoScaling {
                min_capacity: 1,
                max_capacity: 9,
                target_utilization: 70
            })
        })
    );
    assert_eq!(
        read::<Billing>(json!({
            "mode": "provisioned", "readCapacityUnits": 5, "writeCapacityUnits": 6,
            "autoScaling": null
        })),
        Ok(Billing::Provisioned {
            read_capacity_units: 5,
            write_capacity_units: 6,
            auto_scaling: None
        })
    );
    for (value, message) in [
        (
            json!({"mode": "provisioned", "readCapacityUnits": 5}),
            "missing field `writeCapacityUnits`",
        ),
        (
            json!({"mode": "provisioned", "readCapacityUnits": -1, "writeCapacityUnits": 6}),
            "invalid value: integer `-1`, expected u32",
        ),
        (
            json!({"mode": "provisioned", "readCapacityUnits": 5, "writeCapacityUnits": 6, "extra": 1}),
            "unknown field `extra`, expected one of `readCapacityUnits`, `writeCapacityUnits`, `autoScaling`",
        ),
        (
            json!({"mode": "provisioned", "readCapacityUnits": 5, "writeCapacityUnits": 6,
                   "autoScaling": {"minCapacity": 1}}),
            "missing field `maxCapacity`",
        ),
        (
            json!({"mode": "x"}),
            "unknown variant `x`, expected `onDemand` or `provisioned`",
        ),
        (json!({"mode": null}), "invalid type: null, expected variant identifier"),
        (json!({}), "missing field `mode`"),
    ] {
        assert_eq!(read::<Billing>(value.clone()), Err(message.to_owned()), "{value}");
    }
}

#[test]
fn every_example_spec_still_reads_and_writes_the_same_json() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut read_any = false;
    for entry in std::fs::read_dir(dir).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read");
        let Ok(spec) = hoseline_pipeline::spec::PipelineSpec::from_json(&text) else {
            continue;
        };
        let again: serde_json::Value =
            serde_json::from_str(&spec.to_json(true)).expect("writes JSON");
        let back: hoseline_pipeline::spec::PipelineSpec =
            serde_json::from_value(again).expect("reads its own JSON");
        assert_eq!(back, spec, "{}", path.display());
        read_any = true;
    }
    assert!(read_any, "no example spec was read");
}
