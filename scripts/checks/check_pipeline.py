#!/usr/bin/env python3
"""Checks with boto3 (an independent client) what `hoseline apply`, the exported CLI script or the
console made on the local emulator, against the spec file that asked for it.

    check_pipeline.py present SPEC --endpoint URL   every resource exists with exactly the spec's settings
    check_pipeline.py absent  SPEC --endpoint URL   none of the spec's resources exists any more
    check_pipeline.py deliver SPEC --endpoint URL   PutRecordBatch reaches the table (DynamoDB kind)
                                                    or the bucket (S3 kind); a bad record lands in
                                                    the pipeline's bucket under the bridge's prefix
    check_pipeline.py snapshot SPEC --endpoint URL  prints the resources' settings as JSON (to
                                                    compare what two ways of making them made)

Run with the emulator venv's python (boto3 comes with moto). Prints one line per check and exits
non-zero at the first failure. The demo credentials are used unless AWS_ACCESS_KEY_ID is set.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import time
import urllib.parse
import uuid
from typing import Any

import boto3
import botocore.exceptions
from botocore.config import Config

DEMO_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
DEMO_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TAG = "hoseline:pipeline"
# Actions a Firehose role or the bridge's role may need; anything else is more than least privilege.
FIREHOSE_ACTIONS = {
    "s3:AbortMultipartUpload",
    "s3:GetBucketLocation",
    "s3:GetObject",
    "s3:ListBucket",
    "s3:ListBucketMultipartUploads",
    "s3:PutObject",
    "logs:PutLogEvents",
}

checks = 0


def ok(what: str) -> None:
    global checks
    checks += 1
    print(f"  ok   {what}")


def fail(what: str) -> None:
    print(f"  FAIL {what}", file=sys.stderr)
    sys.exit(1)


def expect(what: str, got: Any, wanted: Any) -> None:
    if got != wanted:
        fail(f"{what}: got {got!r}, wanted {wanted!r}")
    ok(f"{what}: {wanted!r}")


class Aws:
    def __init__(self, endpoint: str, region: str) -> None:
        self.endpoint = endpoint
        self.region = region

    def client(self, service: str) -> Any:
        return boto3.client(
            service,
            endpoint_url=self.endpoint,
            region_name=self.region,
            aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", DEMO_ACCESS_KEY_ID),
            aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", DEMO_SECRET),
            config=Config(retries={"max_attempts": 2}, s3={"addressing_style": "path"}),
        )


def error_code(e: botocore.exceptions.ClientError) -> str:
    return str(e.response.get("Error", {}).get("Code", ""))


# --- what exists -----------------------------------------------------------------------------------


def table_settings(aws: Aws, spec: dict[str, Any]) -> dict[str, Any] | None:
    ddb = aws.client("dynamodb")
    name = spec["table"]["name"]
    try:
        table = ddb.describe_table(TableName=name)["Table"]
    except botocore.exceptions.ClientError as e:
        if error_code(e) == "ResourceNotFoundException":
            return None
        raise
    types = {a["AttributeName"]: a["AttributeType"] for a in table["AttributeDefinitions"]}
    keys = {k["KeyType"]: {"name": k["AttributeName"], "type": types[k["AttributeName"]]} for k in table["KeySchema"]}
    billing = table.get("BillingModeSummary", {}).get("BillingMode", "PROVISIONED")
    settings: dict[str, Any] = {
        "name": table["TableName"],
        "partitionKey": keys.get("HASH"),
        "sortKey": keys.get("RANGE"),
        "billing": billing,
    }
    if billing == "PROVISIONED":
        throughput = table["ProvisionedThroughput"]
        settings["capacity"] = [throughput["ReadCapacityUnits"], throughput["WriteCapacityUnits"]]
    ttl = ddb.describe_time_to_live(TableName=name)["TimeToLiveDescription"]
    settings["ttlAttribute"] = ttl.get("AttributeName") if ttl.get("TimeToLiveStatus") in ("ENABLED", "ENABLING") else None
    backups = ddb.describe_continuous_backups(TableName=name)["ContinuousBackupsDescription"]
    pitr = backups.get("PointInTimeRecoveryDescription", {}).get("PointInTimeRecoveryStatus")
    settings["pointInTimeRecovery"] = pitr == "ENABLED"
    tags = ddb.list_tags_of_resource(ResourceArn=table["TableArn"]).get("Tags", [])
    settings["tag"] = next((t["Value"] for t in tags if t["Key"] == TAG), None)
    return settings


def stream_settings(aws: Aws, spec: dict[str, Any]) -> dict[str, Any] | None:
    firehose = aws.client("firehose")
    try:
        stream = firehose.describe_delivery_stream(DeliveryStreamName=spec["stream"]["name"])[
            "DeliveryStreamDescription"
        ]
    except botocore.exceptions.ClientError as e:
        if error_code(e) == "ResourceNotFoundException":
            return None
        raise
    destination = stream["Destinations"][0]
    settings: dict[str, Any] = {
        "name": stream["DeliveryStreamName"],
        "type": stream["DeliveryStreamType"],
        "status": stream["DeliveryStreamStatus"],
    }
    if "HttpEndpointDestinationDescription" in destination:
        http = destination["HttpEndpointDestinationDescription"]
        s3 = http.get("S3DestinationDescription", {})
        settings.update(
            {
                "url": http["EndpointConfiguration"]["Url"],
                "buffering": [http["BufferingHints"]["SizeInMBs"], http["BufferingHints"]["IntervalInSeconds"]],
                "retrySeconds": http.get("RetryOptions", {}).get("DurationInSeconds"),
                "backupMode": http.get("S3BackupMode"),
                "backupBucketArn": s3.get("BucketARN"),
                "backupPrefix": s3.get("Prefix"),
                "errorOutputPrefix": s3.get("ErrorOutputPrefix"),
                "roleArn": http.get("RoleARN") or s3.get("RoleARN"),
            }
        )
    else:
        s3 = destination.get("ExtendedS3DestinationDescription") or destination["S3DestinationDescription"]
        settings.update(
            {
                "bucketArn": s3["BucketARN"],
                "prefix": s3.get("Prefix"),
                "errorOutputPrefix": s3.get("ErrorOutputPrefix"),
                "buffering": [s3["BufferingHints"]["SizeInMBs"], s3["BufferingHints"]["IntervalInSeconds"]],
                "compression": s3.get("CompressionFormat"),
                "roleArn": s3["RoleARN"],
            }
        )
    return settings


def bucket_settings(aws: Aws, spec: dict[str, Any]) -> dict[str, Any] | None:
    s3 = aws.client("s3")
    name = spec["bucket"]["name"]
    try:
        s3.head_bucket(Bucket=name)
    except botocore.exceptions.ClientError as e:
        if error_code(e) in ("404", "NoSuchBucket", "NotFound"):
            return None
        raise
    settings: dict[str, Any] = {"name": name}
    try:
        rules = s3.get_bucket_cors(Bucket=name)["CORSRules"]
        settings["corsOrigins"] = sorted({o for r in rules for o in r.get("AllowedOrigins", [])})
        settings["corsExposes"] = sorted({h.lower() for r in rules for h in r.get("ExposeHeaders", [])})
    except botocore.exceptions.ClientError as e:
        if error_code(e) != "NoSuchCORSConfiguration":
            raise
        settings["corsOrigins"] = []
    try:
        rules = s3.get_bucket_lifecycle_configuration(Bucket=name)["Rules"]
        days = [r["Expiration"]["Days"] for r in rules if r.get("Status") == "Enabled" and "Days" in r.get("Expiration", {})]
        settings["expirationDays"] = days[0] if days else None
    except botocore.exceptions.ClientError as e:
        if error_code(e) != "NoSuchLifecycleConfiguration":
            raise
        settings["expirationDays"] = None
    try:
        tags = s3.get_bucket_tagging(Bucket=name)["TagSet"]
        settings["tag"] = next((t["Value"] for t in tags if t["Key"] == TAG), None)
    except botocore.exceptions.ClientError as e:
        if error_code(e) != "NoSuchTagSet":
            raise
        settings["tag"] = None
    return settings


def role_settings(aws: Aws, name: str) -> dict[str, Any] | None:
    iam = aws.client("iam")
    try:
        role = iam.get_role(RoleName=name)["Role"]
    except botocore.exceptions.ClientError as e:
        if error_code(e) == "NoSuchEntity":
            return None
        raise
    trust = role["AssumeRolePolicyDocument"]
    if isinstance(trust, str):
        trust = json.loads(trust)
    principals = sorted(
        {p for s in trust["Statement"] for p in as_list(s.get("Principal", {}).get("Service", []))}
    )
    statements = []
    for policy_name in iam.list_role_policies(RoleName=name)["PolicyNames"]:
        document = iam.get_role_policy(RoleName=name, PolicyName=policy_name)["PolicyDocument"]
        if isinstance(document, str):
            document = json.loads(document)
        statements.extend(document["Statement"])
    actions = sorted({a for s in statements for a in as_list(s.get("Action", []))})
    resources = sorted({r for s in statements for r in as_list(s.get("Resource", []))})
    tags = {t["Key"]: t["Value"] for t in role.get("Tags", [])}
    return {
        "name": name,
        "trustedServices": principals,
        "actions": actions,
        "resources": resources,
        "tag": tags.get(TAG),
    }


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def snapshot(aws: Aws, spec: dict[str, Any]) -> dict[str, Any]:
    roles = [spec["iam"]["firehoseRoleName"]]
    if spec["target"]["type"] == "aws" and spec.get("iam", {}).get("bridgeRoleName"):
        roles.append(spec["iam"]["bridgeRoleName"])
    return {
        "bucket": bucket_settings(aws, spec),
        "table": table_settings(aws, spec) if spec.get("table") else None,
        "stream": stream_settings(aws, spec),
        "roles": {name: role_settings(aws, name) for name in roles},
    }


# --- the checks --------------------------------------------------------------------------------------


def check_present(aws: Aws, spec: dict[str, Any]) -> None:
    state = snapshot(aws, spec)
    bucket, want_bucket = state["bucket"], spec["bucket"]
    if bucket is None:
        fail(f"bucket {want_bucket['name']} does not exist")
    expect("bucket CORS origins", bucket["corsOrigins"], sorted(want_bucket.get("corsAllowedOrigins", [])))
    if want_bucket.get("corsAllowedOrigins") and "etag" not in bucket.get("corsExposes", []):
        fail(f"bucket CORS rule does not expose ETag: {bucket.get('corsExposes')}")
    expect("bucket lifecycle expiration days", bucket["expirationDays"], want_bucket.get("expirationDays"))
    expect("bucket tag", bucket["tag"], spec["name"])

    role = state["roles"][spec["iam"]["firehoseRoleName"]]
    if role is None:
        fail(f"role {spec['iam']['firehoseRoleName']} does not exist")
    expect("Firehose role trusts", role["trustedServices"], ["firehose.amazonaws.com"])
    extra = set(role["actions"]) - FIREHOSE_ACTIONS
    if extra or any("*" == a or a.endswith(":*") for a in role["actions"]):
        fail(f"Firehose role allows more than it needs: {sorted(extra)}")
    if "*" in role["resources"]:
        fail("Firehose role policy has the resource '*'")
    bucket_arn = f"arn:aws:s3:::{want_bucket['name']}"
    if bucket_arn not in role["resources"] or f"{bucket_arn}/*" not in role["resources"]:
        fail(f"Firehose role policy does not name the bucket and its objects: {role['resources']}")
    ok(f"Firehose role policy: {len(role['actions'])} actions on the bucket only")
    expect("role tag", role["tag"], spec["name"])

    stream, want_stream = state["stream"], spec["stream"]
    if stream is None:
        fail(f"stream {want_stream['name']} does not exist")
    expect("stream type", stream["type"], "DirectPut")
    expect("stream status", stream["status"], "ACTIVE")
    expect("stream buffering", stream["buffering"], [want_stream["bufferingSizeMb"], want_stream["bufferingIntervalSeconds"]])
    if not stream["roleArn"].endswith(f":role/{spec['iam']['firehoseRoleName']}"):
        fail(f"stream role {stream['roleArn']}")
    ok("stream role is the pipeline's Firehose role")

    if spec["kind"] == "dynamodb":
        check_table(state["table"], spec)
        expect("stream HTTP endpoint URL", stream["url"], local_stream_url(spec))
        expect("stream retry duration", stream["retrySeconds"], want_stream.get("retryDurationSeconds", 300))
        wanted_mode = "AllData" if want_bucket.get("backupMode") == "allData" else "FailedDataOnly"
        expect("stream S3 backup mode", stream["backupMode"], wanted_mode)
        expect("stream backup bucket", stream["backupBucketArn"], bucket_arn)
        expect("stream backup prefix", stream["backupPrefix"], want_bucket["dataPrefix"])
        expect("stream error output prefix", stream["errorOutputPrefix"], want_bucket["errorOutputPrefix"])
    else:
        expect("stream bucket", stream["bucketArn"], bucket_arn)
        expect("stream prefix", stream["prefix"], want_bucket["dataPrefix"])
        expect("stream error output prefix", stream["errorOutputPrefix"], want_bucket["errorOutputPrefix"])
        expect("stream compression", stream["compression"], want_bucket.get("compression", "UNCOMPRESSED"))


def local_stream_url(spec: dict[str, Any]) -> str:
    """The URL the plan gives a local stream (hoseline_pipeline::bridge_env::query): the table in
    the path; in the query the reject bucket, then every setting a bridge Lambda would read from
    its environment, false ones included, in this order, values percent-encoded but for '/'."""
    table, bridge = spec["table"], spec.get("bridge")
    params = [("rejects", spec["bucket"]["name"])]
    if bridge is not None:
        params.append(("rejectPrefix", bridge.get("rejectPrefix", "bridge-rejected/")))
        params.append(("generateKey", json.dumps(bridge.get("generateMissingKey", False))))
        if table.get("ttlAttribute") is not None and bridge.get("ttlDays") is not None:
            params.append(("ttlAttribute", table["ttlAttribute"]))
            params.append(("ttlDays", str(bridge["ttlDays"])))
        if bridge.get("arrivalAttribute") is not None:
            params.append(("arrivalAttribute", bridge["arrivalAttribute"]))
        params.append(("copyCommonAttributes", json.dumps(bridge.get("copyCommonAttributes", False))))
    query = "&".join(f"{name}={urllib.parse.quote(value, safe='/')}" for name, value in params)
    return f"{spec['target']['bridgeUrl'].rstrip('/')}/tables/{table['name']}?{query}"


def check_table(table: dict[str, Any] | None, spec: dict[str, Any]) -> None:
    want = spec["table"]
    if table is None:
        fail(f"table {want['name']} does not exist")
    expect("table partition key", table["partitionKey"], want["partitionKey"])
    expect("table sort key", table["sortKey"], want.get("sortKey"))
    billing = want["billing"]
    if billing["mode"] == "onDemand":
        expect("table billing", table["billing"], "PAY_PER_REQUEST")
    else:
        expect("table billing", table["billing"], "PROVISIONED")
        expect("table capacity", table["capacity"], [billing["readCapacityUnits"], billing["writeCapacityUnits"]])
    expect("table TTL attribute", table["ttlAttribute"], want.get("ttlAttribute"))
    expect("table point-in-time recovery", table["pointInTimeRecovery"], want.get("pointInTimeRecovery", False))
    expect("table tag", table["tag"], spec["name"])


def check_absent(aws: Aws, spec: dict[str, Any]) -> None:
    state = snapshot(aws, spec)
    for what in ("bucket", "table", "stream"):
        if state[what] is not None:
            fail(f"{what} still exists: {state[what]}")
        ok(f"{what}: gone")
    for name, role in state["roles"].items():
        if role is not None:
            fail(f"role {name} still exists")
        ok(f"role {name}: gone")


def check_deliver(aws: Aws, spec: dict[str, Any]) -> None:
    firehose = aws.client("firehose")
    marker = uuid.uuid4().hex[:12]
    good = [
        {"TICKER_SYMBOL": f"T{marker}{i}", "SECTOR": "TECHNOLOGY", "CHANGE": -0.05, "PRICE": 84.51 + i}
        for i in range(5)
    ]
    records = [{"Data": (json.dumps(r) + "\n").encode()} for r in good]
    if spec["kind"] == "dynamodb":
        records.append({"Data": b"this is not json " + marker.encode()})
    answer = firehose.put_record_batch(DeliveryStreamName=spec["stream"]["name"], Records=records)
    expect("PutRecordBatch FailedPutCount", answer["FailedPutCount"], 0)
    bucket = spec["bucket"]["name"]
    s3 = aws.client("s3")
    if spec["kind"] == "dynamodb":
        ddb = aws.client("dynamodb")
        key = spec["table"]["partitionKey"]["name"]
        found = set()
        for _ in range(50):
            items = scan_all(ddb, spec["table"]["name"])
            found = {i[key]["S"] for i in items if key in i and "S" in i[key] and marker in i[key]["S"]}
            if len(found) == len(good):
                break
            time.sleep(0.2)
        expect("items of this batch in the table", len(found), len(good))
        check_mapped_items([i for i in items if marker in i.get(key, {}).get("S", "")], spec)
        prefix = spec.get("bridge", {}).get("rejectPrefix", "bridge-rejected/")
        rejected = wait_for_object(s3, bucket, prefix, marker)
        line = json.loads(rejected.splitlines()[0])
        if marker.encode() not in base64.b64decode(line["rawData"]):
            fail(f"the reject does not carry the bad record: {line}")
        ok(f"the bad record is in s3://{bucket}/{prefix}… with errorCode {line.get('errorCode')}")
    else:
        body = wait_for_object(s3, bucket, spec["bucket"]["dataPrefix"], marker)
        ok(f"the batch is in s3://{bucket}/{spec['bucket']['dataPrefix']}… ({len(body)} bytes)")


def check_mapped_items(items: list[dict[str, Any]], spec: dict[str, Any]) -> None:
    """The bridge's mapping options reached it: the records carry no sort key, so with a generated
    key each item has one; a TTL and an arrival attribute when the spec asks for them."""
    table, bridge = spec["table"], spec.get("bridge") or {}
    sort_key = (table.get("sortKey") or {}).get("name")
    added = []
    if sort_key and bridge.get("generateMissingKey"):
        added.append((sort_key, table["sortKey"]["type"], "generated sort key"))
    if table.get("ttlAttribute") and bridge.get("ttlDays") is not None:
        added.append((table["ttlAttribute"], "N", f"TTL ({bridge['ttlDays']} days after arrival)"))
    if bridge.get("arrivalAttribute"):
        added.append((bridge["arrivalAttribute"], "S", "arrival time"))
    for name, kind, what in added:
        missing = [i for i in items if kind not in i.get(name, {})]
        if missing:
            fail(f"items without their {what} {name} ({kind}): {missing[0]}")
        ok(f"every item has its {what} {name}")
    ttl = table.get("ttlAttribute")
    if ttl and bridge.get("ttlDays") is not None:
        now, days = time.time(), bridge["ttlDays"] * 86400
        for item in items:
            expires = float(item[ttl]["N"])
            if not now + days - 600 <= expires <= now + days + 60:
                fail(f"{ttl} {expires} is not {bridge['ttlDays']} days from now ({now:.0f})")


def scan_all(ddb: Any, table: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    kwargs: dict[str, Any] = {"TableName": table}
    while True:
        page = ddb.scan(**kwargs)
        items.extend(page["Items"])
        if "LastEvaluatedKey" not in page:
            return items
        kwargs["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def wait_for_object(s3: Any, bucket: str, prefix: str, marker: str) -> str:
    for _ in range(50):
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
            for obj in page.get("Contents", []):
                body = s3.get_object(Bucket=bucket, Key=obj["Key"])["Body"].read()
                if marker.encode() in body or marker.encode() in base64_decoded_lines(body):
                    return body.decode()
        time.sleep(0.2)
    fail(f"no object under s3://{bucket}/{prefix} carries the batch's marker {marker}")
    return ""


def base64_decoded_lines(body: bytes) -> bytes:
    out = b""
    for line in body.splitlines():
        try:
            out += base64.b64decode(json.loads(line).get("rawData", ""))
        except (ValueError, AttributeError):
            continue
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("check", choices=["present", "absent", "deliver", "snapshot"])
    parser.add_argument("spec")
    parser.add_argument("--endpoint", required=True, help="the emulator, e.g. http://127.0.0.1:4577")
    parser.add_argument("--bridge-url", help="the local bridge the stream should deliver to (overrides the spec's)")
    args = parser.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = json.load(f)
    if args.bridge_url and spec["target"]["type"] == "local":
        spec["target"]["bridgeUrl"] = args.bridge_url
    aws = Aws(args.endpoint, spec["target"].get("region", "us-east-1"))
    if args.check == "snapshot":
        print(json.dumps(snapshot(aws, spec), indent=2, sort_keys=True, default=str))
        return
    print(f"pipeline check {args.check}: {spec['name']} on {args.endpoint}")
    {"present": check_present, "absent": check_absent, "deliver": check_deliver}[args.check](aws, spec)
    print(f"pipeline check {args.check}: ok ({checks} checks)")


if __name__ == "__main__":
    main()
