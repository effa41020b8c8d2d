//! Which setup step owns a field of the spec, by its JSON path: where Review's Edit links, a
//! loaded spec file's problems and the step list's error marks point.

use super::step::Step;

/// The step whose form holds the field at `path` (`table.partitionKey.name` -> Table).
pub fn step_of_path(path: &str) -> Step {
    let mut parts = path.split(['.', '[']);
    match (parts.next().unwrap_or_default(), parts.next()) {
        ("table", _) => Step::Table,
        ("bucket", _) => Step::Bucket,
        ("iam", _) => Step::Access,
        ("stream", _) => Step::Delivery,
        (
            "bridge",
            Some("functionName" | "memorySizeMb" | "timeoutSeconds" | "accessKey") | None,
        ) => Step::Access,
        ("bridge", _) => Step::Delivery,
        ("target", Some("bridgeUrl")) => Step::Access,
        _ => Step::Connection,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_belongs_to_the_step_whose_form_holds_it() {
        assert_eq!(step_of_path("table.partitionKey.name"), Step::Table);
        assert_eq!(step_of_path("bucket.corsAllowedOrigins[1]"), Step::Bucket);
        assert_eq!(step_of_path("iam.firehoseRoleName"), Step::Access);
        assert_eq!(step_of_path("bridge.accessKey"), Step::Access);
        assert_eq!(step_of_path("bridge.ttlDays"), Step::Delivery);
        assert_eq!(step_of_path("stream.bufferingSizeMb"), Step::Delivery);
        assert_eq!(step_of_path("target.bridgeUrl"), Step::Access);
        assert_eq!(step_of_path("name"), Step::Connection);
        assert_eq!(step_of_path(""), Step::Connection);
    }
}
