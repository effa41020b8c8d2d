//! AWS resource states as status indicators: an icon kind and a word. Pure.
//!
//! The states come as AWS spells them (`DeliveryStreamStatus`, `TableStatus`); one this console
//! does not know yet shows as a warning with AWS's own word.

use crate::components::indicator::Indicator;

/// A delivery stream's `DeliveryStreamStatus`.
pub fn stream_status(status: Option<&str>) -> (Indicator, String) {
    let (kind, word) = match status {
        Some("ACTIVE") => (Indicator::Success, "Active"),
        Some("CREATING") => (Indicator::InProgress, "Creating"),
        Some("DELETING") => (Indicator::InProgress, "Deleting"),
        Some("CREATING_FAILED") => (Indicator::Error, "Creation failed"),
        Some("DELETING_FAILED") => (Indicator::Error, "Deletion failed"),
        other => return unknown(other),
    };
    (kind, word.to_owned())
}

/// A table's `TableStatus`.
pub fn table_status(status: Option<&str>) -> (Indicator, String) {
    let (kind, word) = match status {
        Some("ACTIVE") => (Indicator::Success, "Active"),
        Some("CREATING") => (Indicator::InProgress, "Creating"),
        Some("UPDATING") => (Indicator::InProgress, "Updating"),
        Some("DELETING") => (Indicator::InProgress, "Deleting"),
        Some("ARCHIVING") => (Indicator::InProgress, "Archiving"),
        Some("ARCHIVED") => (Indicator::Stopped, "Archived"),
        Some("INACCESSIBLE_ENCRYPTION_CREDENTIALS") => {
            (Indicator::Error, "Encryption key inaccessible")
        }
        Some("REPLICATION_NOT_AUTHORIZED") => (Indicator::Error, "Replication not authorized"),
        other => return unknown(other),
    };
    (kind, word.to_owned())
}

fn unknown(status: Option<&str>) -> (Indicator, String) {
    (Indicator::Warning, status.unwrap_or("Unknown").to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stream_state_has_an_icon_kind_and_a_word() {
        assert_eq!(
            stream_status(Some("ACTIVE")),
            (Indicator::Success, "Active".into())
        );
        assert_eq!(stream_status(Some("CREATING")).0, Indicator::InProgress);
        assert_eq!(stream_status(Some("DELETING")).0, Indicator::InProgress);
        assert_eq!(
            stream_status(Some("CREATING_FAILED")),
            (Indicator::Error, "Creation failed".into())
        );
        assert_eq!(stream_status(Some("DELETING_FAILED")).0, Indicator::Error);
        assert_eq!(stream_status(None), (Indicator::Warning, "Unknown".into()));
        assert_eq!(
            stream_status(Some("SUSPENDED")),
            (Indicator::Warning, "SUSPENDED".into())
        );
    }

    #[test]
    fn every_table_state_has_an_icon_kind_and_a_word() {
        assert_eq!(
            table_status(Some("ACTIVE")),
            (Indicator::Success, "Active".into())
        );
        assert_eq!(table_status(Some("UPDATING")).0, Indicator::InProgress);
        assert_eq!(
            table_status(Some("ARCHIVED")),
            (Indicator::Stopped, "Archived".into())
        );
        assert_eq!(
            table_status(Some("INACCESSIBLE_ENCRYPTION_CREDENTIALS")).0,
            Indicator::Error
        );
        assert_eq!(table_status(None).1, "Unknown");
    }
}
