//! The console's screens as hash routes (`#/setup/table`), so every screen survives a reload and
//! works from any path of a static host, the bucket's REST URL
//! (`https://BUCKET.s3.REGION.amazonaws.com/PREFIX/index.html`) included: the part after `#`
//! never reaches the server, so no server rule is needed. Pure: [`crate::router`] binds it to
//! the page's location.

use crate::wizard::step::Step;

/// One screen of the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// A step of the guided setup: `#/connection` (also the empty hash) or `#/setup/<step>`.
    Step(Step),
    /// `#/pipelines`: the streams and tables on the connection.
    Pipelines,
    /// `#/pipelines/<stream-name>`: one pipeline, named after its delivery stream.
    Pipeline(String),
    /// Anything else; keeps what was asked for, to say so.
    NotFound(String),
}

impl Route {
    /// The screen a location hash names: `#/pipelines`, `/pipelines`, `pipelines/` all do.
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        // A query (`#/pipelines?x=1`) is not part of the route.
        let path = path.split('?').next().unwrap_or_default();
        let trimmed = path.trim_matches('/');
        let segments: Vec<&str> = trimmed.split('/').collect();
        match segments.as_slice() {
            [""] | ["connection"] => Route::Step(Step::Connection),
            ["setup", slug] => match Step::from_slug(slug) {
                Some(Step::Connection) | None => Route::NotFound(path.to_owned()),
                Some(step) => Route::Step(step),
            },
            ["pipelines"] => Route::Pipelines,
            ["pipelines", name] => match percent_decode(name) {
                Some(name) if !name.is_empty() => Route::Pipeline(name),
                _ => Route::NotFound(path.to_owned()),
            },
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The link to this screen (`#/setup/table`), relative to the page: it works under any
    /// path and any host.
    pub fn href(&self) -> String {
        match self {
            Route::Step(Step::Connection) => "#/connection".to_owned(),
            Route::Step(step) => format!("#/setup/{}", step.slug()),
            Route::Pipelines => "#/pipelines".to_owned(),
            Route::Pipeline(name) => format!("#/pipelines/{}", percent_encode(name)),
            Route::NotFound(path) => format!("#{path}"),
        }
    }

    /// The setup step this screen shows, if it is one.
    pub fn step(&self) -> Option<Step> {
        match self {
            Route::Step(step) => Some(*step),
            _ => None,
        }
    }
}

/// Stream names are `[a-zA-Z0-9_.-]`; anything else is escaped so a name never breaks the route.
fn percent_encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"_.-".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `None` when an escape is malformed or the bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_round_trips_through_its_link() {
        let mut routes: Vec<Route> = Step::ALL.into_iter().map(Route::Step).collect();
        routes.push(Route::Pipelines);
        routes.push(Route::Pipeline("demo-stream".into()));
        routes.push(Route::Pipeline("odd name/ü".into()));
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route, "{}", route.href());
        }
    }

    #[test]
    fn the_links_are_the_documented_ones() {
        assert_eq!(Route::Step(Step::Connection).href(), "#/connection");
        assert_eq!(Route::Step(Step::Delivery).href(), "#/setup/delivery");
        assert_eq!(
            Route::Pipeline("a.b_c-1".into()).href(),
            "#/pipelines/a.b_c-1"
        );
        assert_eq!(Route::Pipeline("a b".into()).href(), "#/pipelines/a%20b");
    }

    #[test]
    fn no_hash_opens_the_connection_screen() {
        for hash in ["", "#", "#/", "/", "#/connection", "#/connection/"] {
            assert_eq!(
                Route::parse(hash),
                Route::Step(Step::Connection),
                "{hash:?}"
            );
        }
    }

    #[test]
    fn slashes_and_a_query_do_not_change_the_screen() {
        assert_eq!(Route::parse("#/pipelines/"), Route::Pipelines);
        assert_eq!(Route::parse("pipelines"), Route::Pipelines);
        assert_eq!(Route::parse("#/pipelines?page=2"), Route::Pipelines);
        assert_eq!(Route::parse("#/setup/review/"), Route::Step(Step::Review));
    }

    #[test]
    fn unknown_paths_are_not_found_and_keep_what_was_asked() {
        for (hash, path) in [
            ("#/nowhere", "/nowhere"),
            ("#/setup", "/setup"),
            ("#/setup/connection", "/setup/connection"),
            ("#/setup/Table", "/setup/Table"),
            ("#/pipelines/a/b", "/pipelines/a/b"),
            ("#/pipelines/%zz", "/pipelines/%zz"),
            ("#/pipelines/%FF", "/pipelines/%FF"),
        ] {
            assert_eq!(Route::parse(hash), Route::NotFound(path.into()), "{hash}");
        }
        assert_eq!(Route::parse("#/nowhere").href(), "#/nowhere");
    }

    #[test]
    fn only_step_routes_name_a_step() {
        assert_eq!(Route::parse("#/setup/bucket").step(), Some(Step::Bucket));
        assert_eq!(Route::Pipelines.step(), None);
    }
}
