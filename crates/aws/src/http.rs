//! Plain HTTP values passed between operations, the signer and a transport.

/// A request ready to sign and send. Header names are kept as given; lookups ignore case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: &'static str,
    /// Absolute URL: scheme, host, optional port, path and query, already percent-encoded.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpRequest {
    pub fn new(method: &'static str, url: impl Into<String>) -> Self {
        Self {
            method,
            url: url.into(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    #[must_use]
    pub fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.set_header(name, value);
        self
    }

    #[must_use]
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    /// Sets a header, replacing any earlier value of the same name.
    pub fn set_header(&mut self, name: &str, value: impl Into<String>) {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.into()));
    }

    pub fn get_header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    /// The `host[:port]` part of the URL.
    pub fn authority(&self) -> &str {
        let rest = self
            .url
            .split_once("://")
            .map_or(self.url.as_str(), |(_, r)| r);
        rest.split(['/', '?']).next().unwrap_or(rest)
    }

    /// The `Host` a client sends for this URL, and so the one signed: the authority without the
    /// scheme's default port (`:80` for http, `:443` for https), which browsers and reqwest drop
    /// and botocore's signer leaves out.
    pub fn host_header(&self) -> &str {
        let authority = self.authority();
        let default_port = match self.url.split_once("://").map(|(s, _)| s) {
            Some(s) if s.eq_ignore_ascii_case("http") => ":80",
            Some(s) if s.eq_ignore_ascii_case("https") => ":443",
            _ => return authority,
        };
        match authority.strip_suffix(default_port) {
            // `[::1]:80` or `host:80`, not the end of an IPv6 address (`[::80]` has no port).
            Some(host) if !host.is_empty() && (host.ends_with(']') || !host.contains('[')) => host,
            _ => authority,
        }
    }
}

/// A response as a transport received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    #[must_use]
    pub fn with_header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The request id AWS sent, under whichever header the service uses.
    pub fn request_id(&self) -> Option<String> {
        ["x-amzn-requestid", "x-amz-request-id", "x-amzn-request-id"]
            .iter()
            .find_map(|h| self.header(h))
            .map(str::to_owned)
    }

    pub fn body_text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn find_header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_keeps_the_port_and_drops_the_path() {
        let r = HttpRequest::new("GET", "http://127.0.0.1:4566/bucket/key?x=1");
        assert_eq!(r.authority(), "127.0.0.1:4566");
        let r = HttpRequest::new("GET", "https://sts.us-east-1.amazonaws.com");
        assert_eq!(r.authority(), "sts.us-east-1.amazonaws.com");
    }

    #[test]
    fn the_host_header_has_no_default_port() {
        for (url, host) in [
            ("http://127.0.0.1:80/bucket", "127.0.0.1"),
            ("https://s3.example.com:443/?list-type=2", "s3.example.com"),
            ("https://[::1]:443", "[::1]"),
            ("http://127.0.0.1:4566/", "127.0.0.1:4566"),
            ("http://example.com:443", "example.com:443"),
            (
                "https://sts.us-east-1.amazonaws.com",
                "sts.us-east-1.amazonaws.com",
            ),
        ] {
            assert_eq!(HttpRequest::new("GET", url).host_header(), host, "{url}");
        }
    }

    #[test]
    fn headers_are_found_whatever_their_case() {
        let r = HttpResponse::new(200, "").with_header("X-Amzn-RequestId", "abc");
        assert_eq!(r.request_id().as_deref(), Some("abc"));
        let q = HttpRequest::new("GET", "http://x")
            .header("Content-Type", "a")
            .header("content-type", "b");
        assert_eq!(q.headers.len(), 1);
        assert_eq!(q.get_header("CONTENT-TYPE"), Some("b"));
    }
}
