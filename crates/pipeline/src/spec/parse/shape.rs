//! The spec's JSON shape as data, to report every unknown field and every value of the wrong type
//! in one pass (serde stops at the first); `walk` reads a document against it. It mirrors the
//! serde types in `spec/mod.rs`; a test checks that each full spec's JSON has exactly the fields
//! listed here.

pub(super) enum Shape {
    Str,
    /// A string whose value is never shown in a message.
    Secret,
    U32,
    Bool,
    /// A string, one of these.
    Choice(&'static [&'static str]),
    List(&'static Shape),
    Object(&'static [Member]),
    /// An object whose `tag` field picks its other fields (serde's internally tagged enum).
    Tagged {
        tag: &'static str,
        variants: &'static [(&'static str, &'static [Member])],
    },
}

pub(super) struct Member {
    pub(super) name: &'static str,
    pub(super) shape: Shape,
    /// Must be present (no serde default).
    pub(super) required: bool,
    /// May be `null` (an `Option`).
    pub(super) nullable: bool,
}

/// A field without a default.
const fn req(name: &'static str, shape: Shape) -> Member {
    Member {
        name,
        shape,
        required: true,
        nullable: false,
    }
}

/// An `Option` field: may be left out or `null`.
const fn opt(name: &'static str, shape: Shape) -> Member {
    Member {
        name,
        shape,
        required: false,
        nullable: true,
    }
}

/// A field with a serde default: may be left out, not `null`.
const fn dflt(name: &'static str, shape: Shape) -> Member {
    Member {
        name,
        shape,
        required: false,
        nullable: false,
    }
}

const KEY: Shape = Shape::Object(&[
    req("name", Shape::Str),
    req("type", Shape::Choice(&["S", "N", "B"])),
]);

pub(super) const SPEC: Shape = Shape::Object(&[
    req("version", Shape::U32),
    req("name", Shape::Str),
    req("kind", Shape::Choice(&["dynamodb", "s3"])),
    req(
        "target",
        Shape::Tagged {
            tag: "type",
            variants: &[
                (
                    "local",
                    &[
                        req("endpoint", Shape::Str),
                        req("bridgeUrl", Shape::Str),
                        dflt("region", Shape::Str),
                    ],
                ),
                ("aws", &[req("region", Shape::Str)]),
            ],
        },
    ),
    opt(
        "table",
        Shape::Object(&[
            req("name", Shape::Str),
            req("partitionKey", KEY),
            opt("sortKey", KEY),
            req(
                "billing",
                Shape::Tagged {
                    tag: "mode",
                    variants: &[
                        ("onDemand", &[]),
                        (
                            "provisioned",
                            &[
                                req("readCapacityUnits", Shape::U32),
                                req("writeCapacityUnits", Shape::U32),
                                opt(
                                    "autoScaling",
                                    Shape::Object(&[
                                        req("minCapacity", Shape::U32),
                                        req("maxCapacity", Shape::U32),
                                        req("targetUtilization", Shape::U32),
                                    ]),
                                ),
                            ],
                        ),
                    ],
                },
            ),
            opt("ttlAttribute", Shape::Str),
            dflt("pointInTimeRecovery", Shape::Bool),
        ]),
    ),
    req(
        "bucket",
        Shape::Object(&[
            req("name", Shape::Str),
            req("dataPrefix", Shape::Str),
            req("errorOutputPrefix", Shape::Str),
            dflt("backupMode", Shape::Choice(&["failedDataOnly", "allData"])),
            opt("expirationDays", Shape::U32),
            dflt(
                "compression",
                Shape::Choice(&["UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY"]),
            ),
            dflt("corsAllowedOrigins", Shape::List(&Shape::Str)),
        ]),
    ),
    req(
        "stream",
        Shape::Object(&[
            req("name", Shape::Str),
            req("bufferingSizeMb", Shape::U32),
            req("bufferingIntervalSeconds", Shape::U32),
            dflt("retryDurationSeconds", Shape::U32),
        ]),
    ),
    opt(
        "bridge",
        Shape::Object(&[
            req("functionName", Shape::Str),
            opt("accessKey", Shape::Secret),
            req("memorySizeMb", Shape::U32),
            req("timeoutSeconds", Shape::U32),
            dflt("generateMissingKey", Shape::Bool),
            opt("ttlDays", Shape::U32),
            opt("arrivalAttribute", Shape::Str),
            dflt("copyCommonAttributes", Shape::Bool),
            dflt("rejectPrefix", Shape::Str),
        ]),
    ),
    req(
        "iam",
        Shape::Object(&[
            req("firehoseRoleName", Shape::Str),
            opt("bridgeRoleName", Shape::Str),
        ]),
    ),
]);
