//! The delivery URL's parameters: each read percent-decoded, checked by its variable's rule, and
//! a bad one refused naming it.

use std::collections::HashMap;

use hoseline_pipeline::mapping::TtlSetting;
use hyper::Method;

use super::*;
use crate::config::{BridgeConfig, ENV_ACCESS_KEY};
use crate::server::{route, Route};

fn parsed(query: &str) -> DeliveryQuery {
    delivery_query(query).unwrap_or_else(|e| panic!("{query}: {e}"))
}

/// The message of the 400 the server answers for this query.
fn refused(query: &str) -> String {
    let path = format!("/tables/t1x?{query}");
    match route(&Method::POST, &path, None) {
        Route::Reject {
            status: 400,
            message,
            allow: None,
        } => message,
        other => panic!("{path}: {other:?}"),
    }
}

// The URL the pipeline plan gives examples/local-dynamodb.json's stream.
#[test]
fn every_parameter_of_a_planned_url() {
    let q = parsed(
        "rejects=demo-data&rejectPrefix=bridge-rejected/&generateKey=true&ttlAttribute=EXPIRES_AT\
         &ttlDays=30&arrivalAttribute=ARRIVED_AT&copyCommonAttributes=false",
    );
    assert_eq!(
        q,
        DeliveryQuery {
            rejects: Some("demo-data".into()),
            reject_prefix: Some("bridge-rejected/".into()),
            mapping: Some(MappingOptions {
                generate_missing_key: true,
                ttl: Some(TtlSetting {
                    attribute: "EXPIRES_AT".into(),
                    days: 30
                }),
                arrival_attribute: Some("ARRIVED_AT".into()),
                copy_common_attributes: false,
            }),
        }
    );
}

#[test]
fn values_are_percent_decoded_and_read_as_the_variables_are() {
    let q = parsed(
        "generateKey=TRUE&ttlAttribute=expires%20at&ttlDays=%207&arrivalAttribute=arrived%26at%3D%C3%A9\
         &copyCommonAttributes=True&rejectPrefix=rejected%2Fby%20bridge",
    );
    assert_eq!(q.reject_prefix.as_deref(), Some("rejected/by bridge/"));
    assert_eq!(
        q.mapping,
        Some(MappingOptions {
            generate_missing_key: true,
            ttl: Some(TtlSetting {
                attribute: "expires at".into(),
                days: 7
            }),
            arrival_attribute: Some("arrived&at=é".into()),
            copy_common_attributes: true,
        })
    );
    // An empty prefix writes at the bucket's root, as HOSELINE_REJECT_PREFIX= does.
    assert_eq!(parsed("rejectPrefix=").reject_prefix.as_deref(), Some(""));
    assert_eq!(parsed("rejectPrefix").reject_prefix.as_deref(), Some(""));
}

// The URL's mapping options replace the configured ones as a whole: the options it leaves out
// are off. Naming none keeps the configured ones, and the prefix is a setting of its own.
#[test]
fn naming_any_mapping_option_names_them_all() {
    let none = MappingOptions::default();
    for (query, want) in [
        (
            "ttlAttribute=E&ttlDays=3",
            MappingOptions {
                ttl: Some(TtlSetting {
                    attribute: "E".into(),
                    days: 3,
                }),
                ..none.clone()
            },
        ),
        (
            "generateKey=false",
            MappingOptions {
                generate_missing_key: false,
                ..none.clone()
            },
        ),
        (
            "rejects=b-1&arrivalAttribute=A",
            MappingOptions {
                arrival_attribute: Some("A".into()),
                ..none.clone()
            },
        ),
        (
            "copyCommonAttributes=true",
            MappingOptions {
                copy_common_attributes: true,
                ..none.clone()
            },
        ),
    ] {
        assert_eq!(parsed(query).mapping, Some(want), "{query}");
    }
    for query in [
        "",
        "rejects=b-1",
        "rejectPrefix=p/",
        "rejects=b-1&rejectPrefix=",
    ] {
        assert_eq!(parsed(query).mapping, None, "{query}");
    }
    assert_eq!(parsed("generateKey=true").reject_prefix, None);
}

/// A query, the parameter its 400 names, and a piece of the rule.
type Case<'a> = (&'a str, &'a str, &'a str);

#[test]
fn bad_values_are_400_naming_the_parameter_and_the_rule() {
    let long_name = format!("arrivalAttribute={}", "a".repeat(256));
    let long_prefix = format!("rejectPrefix={}", "p".repeat(513));
    let cases: &[Case<'_>] = &[
        ("generateKey=yes", "generateKey", "must be true or false"),
        (
            "copyCommonAttributes=1",
            "copyCommonAttributes",
            "must be true or false",
        ),
        (
            "ttlAttribute=E",
            "ttlDays",
            "is required when ttlAttribute is set",
        ),
        (
            "ttlDays=3",
            "ttlAttribute",
            "is required when ttlDays is set",
        ),
        (
            "ttlAttribute=E&ttlDays=0",
            "ttlDays",
            "a whole number from 1 to 36500",
        ),
        (
            "ttlAttribute=E&ttlDays=36501",
            "ttlDays",
            "a whole number from 1 to 36500",
        ),
        (
            "ttlAttribute=E&ttlDays=3.5",
            "ttlDays",
            "a whole number from 1 to 36500",
        ),
        (&long_name, "arrivalAttribute", "at most 255 bytes"),
        (
            "rejectPrefix=/abs",
            "rejectPrefix",
            "must not start with '/'",
        ),
        (&long_prefix, "rejectPrefix", "at most 512 characters"),
        ("generateKey=", "generateKey", "is empty"),
        ("arrivalAttribute=%20", "arrivalAttribute", "is empty"),
        ("ttlDays", "ttlDays", "is empty"),
        (
            "generateKey=true&generateKey=false",
            "generateKey",
            "more than once",
        ),
        (
            "rejectPrefix=a&rejectPrefix=b",
            "rejectPrefix",
            "more than once",
        ),
        ("arrivalAttribute=%FF", "arrivalAttribute", "not UTF-8"),
    ];
    for (query, parameter, rule) in cases {
        let message = refused(query);
        assert!(
            message.starts_with(&format!("the query parameter {parameter}")),
            "{query}: {message}"
        );
        assert!(message.contains(rule), "{query}: {message}");
    }
}

// The same value is refused by the same rule as a variable and as a parameter.
#[test]
fn the_url_and_the_environment_share_each_rule() {
    for (variable, parameter, value) in [
        (crate::config::ENV_GENERATE_KEY, "generateKey", "yes"),
        (
            crate::config::ENV_ARRIVAL_ATTRIBUTE,
            "arrivalAttribute",
            &"a".repeat(256)[..],
        ),
        (crate::config::ENV_REJECT_PREFIX, "rejectPrefix", "/abs"),
        (
            crate::config::ENV_COPY_COMMON_ATTRIBUTES,
            "copyCommonAttributes",
            "no",
        ),
    ] {
        let vars: HashMap<&str, String> = HashMap::from([
            (ENV_ACCESS_KEY, "k".to_owned()),
            (variable, value.to_owned()),
        ]);
        let Err(Error::Config { rule, .. }) =
            BridgeConfig::from_env(|k| vars.get(k).cloned(), false)
        else {
            panic!("{variable}={value} is refused");
        };
        assert_eq!(
            refused(&format!("{parameter}={value}")),
            format!("the query parameter {parameter} {rule}")
        );
    }
}
