//! Deserialize for the spec's two tagged enums, [`Target`] (`"type"`) and [`Billing`]
//! (`"mode"`), written out. serde's derive for an internally tagged enum buffers the whole object
//! into its `Content` tree and deserializes the variant again from it: 13 KB of the page's wasm
//! for two small objects. These read the object once, with the derive's messages (missing,
//! unknown and duplicate fields, unknown variants, each variant's own field list); the JSON is
//! the same (Serialize stays derived). tests/spec_tagged.rs holds the cases.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Deserialize;

use super::{defaults, AutoScaling, Billing, Target};

/// The tags, derived: their messages are serde's (`unknown variant`, `variant identifier`).
#[derive(Deserialize)]
#[serde(variant_identifier, rename_all = "camelCase")]
enum TargetType {
    Local,
    Aws,
}

#[derive(Deserialize)]
#[serde(variant_identifier, rename_all = "camelCase")]
enum BillingMode {
    OnDemand,
    Provisioned,
}

const LOCAL_FIELDS: &[&str] = &["endpoint", "bridgeUrl", "region"];
const AWS_FIELDS: &[&str] = &["region"];
const PROVISIONED_FIELDS: &[&str] = &["readCapacityUnits", "writeCapacityUnits", "autoScaling"];

/// Sets a field once; a second time is serde's `duplicate field`.
fn set_once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    name: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(TargetVisitor)
    }
}

struct TargetVisitor;

impl<'de> Visitor<'de> for TargetVisitor {
    type Value = Target;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internally tagged enum Target")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Target, A::Error> {
        let mut kind: Option<TargetType> = None;
        let (mut endpoint, mut bridge_url, mut region): (Option<String>, Option<String>, _) =
            (None, None, None);
        // The first field that no variant has, refused once the variant is known (as the
        // derive does, which names that variant's fields).
        let mut unknown: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => set_once(&mut kind, "type", &mut map)?,
                "endpoint" => set_once(&mut endpoint, "endpoint", &mut map)?,
                "bridgeUrl" => set_once(&mut bridge_url, "bridgeUrl", &mut map)?,
                "region" => set_once(&mut region, "region", &mut map)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    unknown.get_or_insert(key);
                }
            }
        }
        match kind.ok_or_else(|| de::Error::missing_field("type"))? {
            TargetType::Local => {
                if let Some(key) = unknown {
                    return Err(de::Error::unknown_field(&key, LOCAL_FIELDS));
                }
                Ok(Target::Local {
                    endpoint: endpoint.ok_or_else(|| de::Error::missing_field("endpoint"))?,
                    bridge_url: bridge_url.ok_or_else(|| de::Error::missing_field("bridgeUrl"))?,
                    region: region.unwrap_or_else(defaults::region),
                })
            }
            TargetType::Aws => {
                let extra = unknown.or_else(|| {
                    endpoint
                        .map(|_| "endpoint".to_owned())
                        .or_else(|| bridge_url.map(|_| "bridgeUrl".to_owned()))
                });
                if let Some(key) = extra {
                    return Err(de::Error::unknown_field(&key, AWS_FIELDS));
                }
                Ok(Target::Aws {
                    region: region.ok_or_else(|| de::Error::missing_field("region"))?,
                })
            }
        }
    }
}

impl<'de> Deserialize<'de> for Billing {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BillingVisitor)
    }
}

struct BillingVisitor;

impl<'de> Visitor<'de> for BillingVisitor {
    type Value = Billing;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("internally tagged enum Billing")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Billing, A::Error> {
        let mut mode: Option<BillingMode> = None;
        let (mut read, mut write): (Option<u32>, Option<u32>) = (None, None);
        let mut auto_scaling: Option<Option<AutoScaling>> = None;
        let mut unknown: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "mode" => set_once(&mut mode, "mode", &mut map)?,
                "readCapacityUnits" => set_once(&mut read, "readCapacityUnits", &mut map)?,
                "writeCapacityUnits" => set_once(&mut write, "writeCapacityUnits", &mut map)?,
                "autoScaling" => set_once(&mut auto_scaling, "autoScaling", &mut map)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    unknown.get_or_insert(key);
                }
            }
        }
        match mode.ok_or_else(|| de::Error::missing_field("mode"))? {
            // The derive ignores whatever else a unit variant's object holds; so does this.
            BillingMode::OnDemand => Ok(Billing::OnDemand),
            BillingMode::Provisioned => {
                if let Some(key) = unknown {
                    return Err(de::Error::unknown_field(&key, PROVISIONED_FIELDS));
                }
                Ok(Billing::Provisioned {
                    read_capacity_units: read
                        .ok_or_else(|| de::Error::missing_field("readCapacityUnits"))?,
                    write_capacity_units: write
                        .ok_or_else(|| de::Error::missing_field("writeCapacityUnits"))?,
                    auto_scaling: auto_scaling.flatten(),
                })
            }
        }
    }
}
