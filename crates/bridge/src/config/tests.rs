//! Reading the settings from the environment: defaults, every setting, and each rule's error.

use std::collections::HashMap;

use hoseline_pipeline::mapping::TtlSetting;

use super::*;

fn from(vars: &[(&str, &str)], allow: bool) -> Result<BridgeConfig, Error> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    BridgeConfig::from_env(|k| vars.get(k).cloned(), allow)
}

const BASE: [(&str, &str); 2] = [
    (ENV_ACCESS_KEY, "secret-key"),
    (ENV_REJECT_BUCKET, "my-rejects"),
];

#[test]
fn defaults() {
    let c = from(&BASE, false).expect("valid");
    assert_eq!(c.table, None);
    assert_eq!(
        c.access_key.as_ref().map(Secret::expose),
        Some("secret-key")
    );
    assert_eq!(c.reject_bucket.as_deref(), Some("my-rejects"));
    assert_eq!(c.reject_prefix, "bridge-rejected/");
    assert_eq!(c.write_budget, Duration::from_secs(90));
    assert_eq!(c.max_in_flight, 4);
    assert_eq!(c.mapping, MappingOptions::default());
    assert!(
        !format!("{c:?}").contains("secret-key"),
        "Debug hides the key"
    );
}

#[test]
fn every_setting() {
    let c = from(
        &[
            (ENV_TABLE, "orders"),
            (ENV_ACCESS_KEY, "k"),
            (ENV_REJECT_BUCKET, "my-rejects"),
            (ENV_REJECT_PREFIX, "bad"),
            (ENV_GENERATE_KEY, "TRUE"),
            (ENV_TTL_ATTRIBUTE, "expires"),
            (ENV_TTL_DAYS, "30"),
            (ENV_ARRIVAL_ATTRIBUTE, "arrived"),
            (ENV_COPY_COMMON_ATTRIBUTES, "true"),
            (ENV_WRITE_BUDGET_SECONDS, "60"),
            (ENV_MAX_IN_FLIGHT, "8"),
        ],
        false,
    )
    .expect("valid");
    assert_eq!(c.table.as_deref(), Some("orders"));
    assert_eq!(c.reject_prefix, "bad/");
    assert!(c.mapping.generate_missing_key);
    assert!(c.mapping.copy_common_attributes);
    assert_eq!(
        c.mapping.ttl,
        Some(TtlSetting {
            attribute: "expires".into(),
            days: 30
        })
    );
    assert_eq!(c.mapping.arrival_attribute.as_deref(), Some("arrived"));
    assert_eq!(c.write_budget, Duration::from_secs(60));
    assert_eq!(c.max_in_flight, 8);
}

// The environment the plan and the CloudFormation export give the Lambda starts the bridge
// with the spec's settings.
#[test]
fn the_specs_environment_starts_the_bridge() {
    let spec = hoseline_pipeline::spec::PipelineSpec::aws_dynamodb("demo", "us-east-1");
    let (bridge, table) = (
        spec.bridge.as_ref().expect("bridge"),
        spec.table.as_ref().expect("table"),
    );
    let mut vars: HashMap<String, String> = bridge_env::variables(bridge, table, &spec.bucket)
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    vars.insert(ENV_ACCESS_KEY.to_owned(), "k".to_owned());
    let c = BridgeConfig::from_env(|k| vars.get(k).cloned(), false).expect("valid");
    assert_eq!(c.table.as_deref(), Some("demo-tickers"));
    assert_eq!(c.reject_bucket.as_deref(), Some("demo-data"));
    assert_eq!(c.reject_prefix, bridge.reject_prefix);
    assert_eq!(
        c.mapping,
        MappingOptions {
            generate_missing_key: true,
            ttl: Some(TtlSetting {
                attribute: "EXPIRES_AT".into(),
                days: 30
            }),
            arrival_attribute: Some("ARRIVED_AT".into()),
            copy_common_attributes: false,
        }
    );
}

// One local bridge serves every local pipeline, each stream naming its bucket in its URL:
// the variable is a default, not a requirement (unset, empty or blank alike).
#[test]
fn the_reject_bucket_is_an_optional_default() {
    for vars in [
        &[(ENV_ACCESS_KEY, "k")][..],
        &[(ENV_ACCESS_KEY, "k"), (ENV_REJECT_BUCKET, "")],
        &[(ENV_ACCESS_KEY, "k"), (ENV_REJECT_BUCKET, " \n")],
    ] {
        let c = from(vars, false).expect("valid without a reject bucket");
        assert_eq!(c.reject_bucket, None, "{vars:?}");
    }
    let c = from(&[(ENV_REJECT_BUCKET, " my-rejects\n")], true).expect("valid");
    assert_eq!(c.reject_bucket.as_deref(), Some("my-rejects"));
}

#[test]
fn no_access_key_is_refused_unless_allowed() {
    let e = from(&[(ENV_REJECT_BUCKET, "my-rejects")], false).unwrap_err();
    assert_eq!(e.variable(), Some(ENV_ACCESS_KEY));
    assert!(e.to_string().contains("--allow-no-access-key"), "{e}");
    let c = from(
        &[(ENV_REJECT_BUCKET, "my-rejects"), (ENV_ACCESS_KEY, "")],
        true,
    )
    .expect("allowed");
    assert!(c.access_key.is_none());
}

#[test]
fn the_access_key_is_trimmed_and_a_blank_one_is_refused() {
    // A key pasted with a trailing newline (`echo key > file`, a secret store) is still the key.
    for raw in ["secret-key\n", "  secret-key\t", "\r\nsecret-key \r\n"] {
        let c = from(
            &[(ENV_ACCESS_KEY, raw), (ENV_REJECT_BUCKET, "my-rejects")],
            false,
        )
        .expect("valid");
        assert_eq!(
            c.access_key.as_ref().map(Secret::expose),
            Some("secret-key"),
            "{raw:?}"
        );
    }
    // Set, but nothing left after trimming: a mistake to name, even with --allow-no-access-key.
    for allow in [false, true] {
        let e = from(
            &[(ENV_ACCESS_KEY, " \n"), (ENV_REJECT_BUCKET, "my-rejects")],
            allow,
        )
        .unwrap_err();
        assert_eq!(e.variable(), Some(ENV_ACCESS_KEY), "{e}");
        assert!(e.to_string().contains("only whitespace"), "{e}");
    }
}

/// Settings over the base ones, the variable the error names, and a piece of its rule.
type Case<'a> = (&'a [(&'a str, &'a str)], &'a str, &'a str);

#[test]
fn bad_settings_name_the_variable_and_the_rule() {
    let cases: &[Case<'_>] = &[
        (
            &[(ENV_REJECT_BUCKET, "My_Bucket")],
            ENV_REJECT_BUCKET,
            "lowercase",
        ),
        (&[(ENV_REJECT_BUCKET, "ab")], ENV_REJECT_BUCKET, "3 to 63"),
        (&[(ENV_TABLE, "ab")], ENV_TABLE, "3 to 255"),
        (
            &[(ENV_GENERATE_KEY, "yes")],
            ENV_GENERATE_KEY,
            "true or false",
        ),
        (&[(ENV_TTL_ATTRIBUTE, "ttl")], ENV_TTL_DAYS, "required when"),
        (&[(ENV_TTL_DAYS, "3")], ENV_TTL_ATTRIBUTE, "required when"),
        (
            &[(ENV_TTL_ATTRIBUTE, "ttl"), (ENV_TTL_DAYS, "0")],
            ENV_TTL_DAYS,
            "1 to 36500",
        ),
        (
            &[(ENV_WRITE_BUDGET_SECONDS, "600")],
            ENV_WRITE_BUDGET_SECONDS,
            "1 to 170",
        ),
        (&[(ENV_MAX_IN_FLIGHT, "0")], ENV_MAX_IN_FLIGHT, "1 to 64"),
        (&[(ENV_REJECT_PREFIX, "/abs")], ENV_REJECT_PREFIX, "'/'"),
    ];
    for (vars, variable, rule) in cases {
        let mut all: Vec<(&str, &str)> = BASE.to_vec();
        all.retain(|(k, _)| !vars.iter().any(|(v, _)| v == k));
        all.extend_from_slice(vars);
        let e = from(&all, false).expect_err(variable);
        assert_eq!(e.variable(), Some(*variable), "{e}");
        assert!(e.to_string().contains(rule), "{variable}: {e}");
    }
}
