//! Where a request to the local server goes: a delivery into the table named in the path
//! (`/tables/<name>`), the configured table at `/`, the health check, or a 4xx with the rule.

use hyper::Method;

use crate::protocol;

/// Where a request goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// A delivery into this table.
    Deliver(String),
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

/// Routes a request by method and path (the query string is ignored). `default_table` is
/// `HOSELINE_TABLE`, served at `/`.
pub fn route(method: &Method, path_and_query: &str, default_table: Option<&str>) -> Route {
    let path = path_and_query.split(['?', '#']).next().unwrap_or_default();
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
            Some(table) => Route::Deliver(table.to_owned()),
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
        Ok(name) => Route::Deliver(name),
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

    #[test]
    fn tables_come_from_the_path_percent_decoded() {
        assert_eq!(
            route(&Method::POST, "/tables/orders", None),
            Route::Deliver("orders".into())
        );
        assert_eq!(
            route(&Method::POST, "/tables/my.table-1_x/?x=1", Some("other")),
            Route::Deliver("my.table-1_x".into())
        );
        assert_eq!(
            route(&Method::POST, "/tables/ord%65rs", None),
            Route::Deliver("orders".into())
        );
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
            Route::Deliver("events".into())
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
        assert!(matches!(
            route(&Method::POST, "/health", None),
            Route::Reject {
                status: 405,
                allow: Some("GET"),
                ..
            }
        ));
        assert!(matches!(
            route(&Method::GET, "/tables/orders", None),
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
