//! Small XML helpers shared by awsQuery and restXml.

use quick_xml::events::Event;
use quick_xml::Reader;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The awsQuery list shape: `<Things><member>..</member><member>..</member></Things>`.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Members<T> {
    #[serde(rename = "member", default = "Vec::new")]
    pub items: Vec<T>,
}

/// Deserializes an XML document (the root element's name is not checked).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, quick_xml::DeError> {
    quick_xml::de::from_str(text)
}

/// The first element named `name` (outer XML, start tag to end tag), found anywhere.
pub fn element(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(pos) = text[from..].find(&open) {
        let start = from + pos;
        let after = text[start + open.len()..].chars().next()?;
        if after == '>' || after == ' ' || after == '/' || after.is_whitespace() {
            let tag_end = start + text[start..].find('>')?;
            if text[..tag_end].ends_with('/') {
                return Some(text[start..=tag_end].to_owned());
            }
            let close = format!("</{name}>");
            let end = tag_end + text[tag_end..].find(&close)? + close.len();
            return Some(text[start..end].to_owned());
        }
        from = start + open.len();
    }
    None
}

/// The text of the first element with each of these local names, wherever it is.
/// Used for error bodies, whose shapes differ by service (`ErrorResponse/Error/Code`,
/// S3's `Error/Code`, moto's `Response/Errors/Error/Code`).
pub fn first_texts(body: &str, names: &[&str]) -> Vec<Option<String>> {
    let mut found: Vec<Option<String>> = vec![None; names.len()];
    let mut reader = Reader::from_str(body);
    let mut current: Option<usize> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let local = e.local_name();
                current = names
                    .iter()
                    .position(|n| n.as_bytes() == local.as_ref())
                    .filter(|&i| found[i].is_none());
            }
            Ok(Event::Text(t)) => {
                if let Some(i) = current {
                    if let Ok(s) = t.decode() {
                        let s = quick_xml::escape::unescape(&s)
                            .map(|u| u.into_owned())
                            .unwrap_or_else(|_| s.into_owned());
                        found[i] = Some(found[i].take().unwrap_or_default() + &s);
                    }
                }
            }
            Ok(Event::GeneralRef(r)) => {
                if let Some(i) = current {
                    let entity = match r.as_ref() {
                        b"amp" => "&",
                        b"lt" => "<",
                        b"gt" => ">",
                        b"quot" => "\"",
                        b"apos" => "'",
                        _ => "",
                    };
                    found[i] = Some(found[i].take().unwrap_or_default() + entity);
                }
            }
            Ok(Event::End(_)) => current = None,
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    found
}

/// Does the body look like an XML document?
pub fn looks_like_xml(body: &str) -> bool {
    let t = body.trim_start();
    t.starts_with("<?xml")
        || (t.starts_with('<')
            && !t[..t.len().min(200)].to_ascii_lowercase().contains("<html")
            && !t.to_ascii_lowercase().starts_with("<!doctype"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_elements_and_texts() {
        let body = "<A><B x=\"1\"><C>c</C></B><D/><E>a &amp; b</E></A>";
        assert_eq!(
            element(body, "B").as_deref(),
            Some("<B x=\"1\"><C>c</C></B>")
        );
        assert_eq!(element(body, "D").as_deref(), Some("<D/>"));
        assert_eq!(element(body, "Z"), None);
        assert_eq!(
            first_texts(body, &["C", "E", "Z"]),
            vec![Some("c".into()), Some("a & b".into()), None]
        );
    }

    #[test]
    fn member_lists_decode() {
        #[derive(Deserialize)]
        struct Out {
            #[serde(rename = "Names")]
            names: Members<String>,
        }
        let out: Out = from_str("<R><Names><member>a</member><member>b</member></Names></R>")
            .expect("decodes");
        assert_eq!(out.names.items, vec!["a", "b"]);
        let out: Out = from_str("<R><Names/></R>").expect("decodes");
        assert!(out.names.items.is_empty());
    }
}
