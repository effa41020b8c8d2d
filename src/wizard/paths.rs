//! Which setup step owns a field of the spec, by its JSON path: where Review's Edit links, a
//! loaded spec file's problems and the step list's error marks point.

use super::fields::fields;
use super::step::Step;

/// The step whose form holds the field at `path` (`table.partitionKey.name` -> Table,
/// `bucket.corsAllowedOrigins[1]` -> Bucket): read from the forms' own field lists, so a field
/// moved to another step moves its links too. A path no form holds (`version`, a whole
/// section such as `table`) goes to the step of its section, or Connection.
pub fn step_of_path(path: &str) -> Step {
    let holds = |field: &str| {
        path == field
            || path
                .strip_prefix(field)
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    };
    if let Some(step) = Step::ALL
        .into_iter()
        .find(|step| fields(*step).iter().any(|f| holds(f.path)))
    {
        return step;
    }
    match path.split(['.', '[']).next().unwrap_or_default() {
        "table" => Step::Table,
        "bucket" => Step::Bucket,
        "iam" | "bridge" => Step::Access,
        "stream" => Step::Delivery,
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
