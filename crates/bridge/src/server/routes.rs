//! Where a request to the local server goes: a delivery into the table named in the path
//! (`/tables/<name>`), the configured table at `/`, the health check, or a 4xx with the rule.
//!
//! A delivery's query string may name its reject bucket, reject prefix and mapping options
//! ([`super::query`]): one local bridge serves every local pipeline, and each stream's URL
//! carries its pipeline's settings. A bad or unknown parameter is refused with 400.

use hyper::Method;

use super::query::{delivery_query, DeliveryQuery};
use crate::protocol;

/// Where a request goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// A delivery into `table`, with what its URL says of its rejects and mapping (what it does
    /// not say comes from the bridge's configuration).
    Deliver {
        table: String,
        query: DeliveryQuery,
    },
    Health,
    /// 4xx with this message (and an `Allow` header for 405).
    Reject {
        status: u16,
        message: String,
        allow: Option<&'static str>,
    },
}

impl Route {
    fn reject(status: u16, message: impl Into<String>) -> Self {
        Self::Reject {
            status,
            message: message.into(),
            allow: None,
        }
    }

    fn method_not_allowed(allow: &'static str, path: &str) -> Self {
        Self::Reject {
            status: 405,
            message: format!("{path} takes {allow} only"),
            allow: Some(allow),
        }
    }
}

/// Routes a request by method, path and (for a delivery) query string. `default_table` is
/// `HOSELINE_TABLE`, served at `/`.
pub fn route(method: &Method, path_and_query: &str, default_table: Option<&str>) -> Route {
    let without_fragment = path_and_query.split('#').next().unwrap_or_default();
    let (path, query) = without_fragment
        .split_once('?')
        .unwrap_or((without_fragment, ""));
    let deliver = |table: String| match delivery_query(query) {
        Ok(query) => Route::Deliver { table, query },
        Err(message) => Route::reject(400, message),
    };
    if path == "/health" {
        return if method == Method::GET || method == Method::HEAD {
            Route::Health
        } else {
            Route::method_not_allowed("GET", path)
        };
    }
    if path.is_empty() || path == "/" {
        if method != Method::POST {
            return Route::method_not_allowed("POST", "/");
        }
        return match default_table {
            Some(table) => deliver(table.to_owned()),
            None => Route::reject(
                404,
                "no table is configured (HOSELINE_TABLE): POST to /tables/<name> to name the table",
            ),
        };
    }
    let Some(raw) = path.strip_prefix("/tables/") else {
        return Route::reject(
            404,
            format!("nothing at {path}: POST deliveries to /tables/<name>; GET /health"),
        );
    };
    let raw = raw.strip_suffix('/').unwrap_or(raw);
    if raw.contains('/') {
        return Route::reject(
            404,
            format!("nothing at {path}: POST deliveries to /tables/<name>"),
        );
    }
    if method != Method::POST {
        return Route::method_not_allowed("POST", path);
    }
    match table_name(raw) {
        Ok(name) => deliver(name),
        Err(message) => Route::reject(404, message),
    }
}

/// The percent-decoded table name of a path segment, checked as DynamoDB names tables.
pub fn table_name(segment: &str) -> Result<String, String> {
    let decoded = percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .map_err(|_| "the table name in the path is not UTF-8".to_owned())?;
    let ok_chars = decoded
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if !(3..=255).contains(&decoded.len()) || !ok_chars {
        let shown = protocol::truncate_chars(&decoded, 80);
        return Err(format!(
            "{shown:?} is not a table name: 3-255 characters of A-Z a-z 0-9 _ . -"
        ));
    }
    Ok(decoded.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deliver(table: &str, rejects: Option<&str>) -> Route {
        Route::Deliver {
            table: table.into(),
            query: DeliveryQuery {
                rejects: rejects.map(str::to_owned),
                ..DeliveryQuery::default()
            },
        }
    }

    /// The message of a 400, or a panic naming what came instead.
    fn bad_request(path: &str) -> String {
        match route(&Method::POST, path, Some("default-table")) {
            Route::Reject {
                status: 400,
                message,
                allow: None,
            } => message,
            other => panic!("{path}: {other:?}"),
        }
    }

    #[test]
    fn tables_come_from_the_path_percent_decoded() {
        assert_eq!(
            route(&Method::POST, "/tables/orders", None),
            deliver("orders", None)
        );
        assert_eq!(
            route(&Method::POST, "/tables/my.table-1_x/", Some("other")),
            deliver("my.table-1_x", None)
        );
        assert_eq!(
            route(&Method::POST, "/tables/ord%65rs", None),
            deliver("orders", None)
        );
    }

    // The URL the pipeline plan gives a local stream: `<bridge>/tables/<table>?rejects=<bucket>`.
    #[test]
    fn the_query_names_the_reject_bucket_percent_decoded() {
        assert_eq!(
            route(
                &Method::POST,
                "/tables/demo-tickers?rejects=demo-data",
                None
            ),
            deliver("demo-tickers", Some("demo-data"))
        );
        assert_eq!(
            route(&Method::POST, "/tables/t1x/?rejects=b%2D1.x&", None),
            deliver("t1x", Some("b-1.x"))
        );
        assert_eq!(
            route(&Method::POST, "/?rejects=my-rejects", Some("events")),
            deliver("events", Some("my-rejects"))
        );
        // An empty query, or empty pairs, name nothing.
        for path in ["/tables/t1x?", "/tables/t1x?&&", "/tables/t1x#rejects=x"] {
            assert_eq!(
                route(&Method::POST, path, None),
                deliver("t1x", None),
                "{path}"
            );
        }
    }

    #[test]
    fn a_bad_reject_bucket_is_400_naming_the_parameter_and_the_rule() {
        for (path, rule) in [
            ("/tables/t1x?rejects=My_Bucket", "lowercase letters"),
            ("/tables/t1x?rejects=ab", "3 to 63"),
            ("/tables/t1x?rejects=bucket-", "start and end with"),
            ("/tables/t1x?rejects=a..b", "two adjacent periods"),
            ("/tables/t1x?rejects=a%20b%20c", "lowercase letters"),
            ("/tables/t1x?rejects=a%2Fbc", "lowercase letters"),
            ("/?rejects=192.168.1.1", "IP address"),
        ] {
            let message = bad_request(path);
            assert!(
                message.contains("query parameter rejects"),
                "{path}: {message}"
            );
            assert!(
                message.contains("not an S3 bucket name"),
                "{path}: {message}"
            );
            assert!(message.contains(rule), "{path}: {message}");
        }
        for path in ["/tables/t1x?rejects=", "/tables/t1x?rejects"] {
            let message = bad_request(path);
            assert!(message.contains("rejects is empty"), "{path}: {message}");
        }
        let message = bad_request("/tables/t1x?rejects=%FF%FE");
        assert!(message.contains("not UTF-8"), "{message}");
        let message = bad_request("/tables/t1x?rejects=one-bucket&rejects=another");
        assert!(message.contains("more than once"), "{message}");
    }

    // Firehose sends the URL as the stream has it: a misspelt parameter is refused rather than
    // sending the stream's rejects to the default bucket (or nowhere) unnoticed.
    #[test]
    fn unknown_query_parameters_are_400_naming_them() {
        for (path, name) in [
            ("/tables/t1x?reject=my-bucket", "\"reject\""),
            ("/tables/t1x?rejects=my-bucket&x=1", "\"x\""),
            ("/tables/t1x?Rejects=my-bucket", "\"Rejects\""),
            ("/?reject_prefix=bad/", "\"reject_prefix\""),
            ("/?generate_key=true", "\"generate_key\""),
            ("/tables/t1x?%72ejectz=my-bucket", "\"rejectz\""),
        ] {
            let message = bad_request(path);
            assert!(
                message.contains(&format!("unknown query parameter {name}")),
                "{path}: {message}"
            );
            assert!(
                message.contains("takes only rejects, rejectPrefix, generateKey, ttlAttribute"),
                "{path}: {message}"
            );
        }
    }

    #[test]
    fn bad_table_names_are_404_with_the_rule() {
        for path in [
            "/tables/ab",
            "/tables/a%20b%20c",
            "/tables/%FF%FE%FD",
            "/tables/../etc",
            "/tables/a/b",
            "/tables/",
            "/tables/ab?rejects=fine-bucket",
        ] {
            match route(&Method::POST, path, None) {
                Route::Reject { status: 404, .. } => {}
                other => panic!("{path}: {other:?}"),
            }
        }
        let long = format!("/tables/{}", "a".repeat(256));
        assert!(matches!(
            route(&Method::POST, &long, None),
            Route::Reject { status: 404, .. }
        ));
        assert_eq!(
            table_name(&"a".repeat(255)),
            Ok("a".repeat(255)),
            "255 characters is the limit"
        );
    }

    #[test]
    fn the_root_serves_the_configured_table_or_says_where_to_post() {
        assert_eq!(
            route(&Method::POST, "/", Some("events")),
            deliver("events", None)
        );
        match route(&Method::POST, "/", None) {
            Route::Reject {
                status: 404,
                message,
                ..
            } => assert!(message.contains("/tables/<name>"), "{message}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn health_and_everything_else() {
        assert_eq!(route(&Method::GET, "/health", None), Route::Health);
        // A health check's query (a cache buster) is no delivery's: not checked.
        assert_eq!(route(&Method::GET, "/health?t=1", None), Route::Health);
        assert!(matches!(
            route(&Method::POST, "/health", None),
            Route::Reject {
                status: 405,
                allow: Some("GET"),
                ..
            }
        ));
        assert!(matches!(
            route(&Method::GET, "/tables/orders?x=1", None),
            Route::Reject {
                status: 405,
                allow: Some("POST"),
                ..
            }
        ));
        assert!(matches!(
            route(&Method::GET, "/", Some("t1x")),
            Route::Reject { status: 405, .. }
        ));
        assert!(matches!(
            route(&Method::POST, "/elsewhere", None),
            Route::Reject { status: 404, .. }
        ));
    }
}
