#!/usr/bin/env python3
"""Smoke check of a running emulator (scripts/emulator/front.py), with boto3 from the venv.

    .tools/venv/bin/python scripts/emulator/smoke.py http://127.0.0.1:4577 [--unchecked]

Checks: health, the demo key's identity, DynamoDB ListTables, Lambda ListFunctions, a wrong secret's 403
SignatureDoesNotMatch on sts, dynamodb, firehose, s3 and lambda (unless --unchecked), and browser-style
preflights (a JSON service and an existing S3 object) plus the CORS headers of a plain response, and
that a page of any other origin (a preflight, a signed-looking call, POST /moto-api/reset) and a request
naming a non-loopback Host (DNS rebinding) are refused with 403 and change nothing.
Exits non-zero on the first failure.
"""

from __future__ import annotations

import http.client
import sys
import urllib.parse
import urllib.request
import uuid

import boto3
import botocore.exceptions
from botocore.config import Config

DEMO_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
DEMO_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
WRONG_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY"
ORIGIN = "http://127.0.0.1:8080"
# A web page the user visits while the emulator runs.
FOREIGN_ORIGIN = "https://attacker.example"

checks = 0


def ok(what: str) -> None:
    global checks
    checks += 1
    print(f"  ok   {what}")


def fail(what: str) -> None:
    print(f"  FAIL {what}", file=sys.stderr)
    sys.exit(1)


def client(endpoint: str, service: str, secret: str = DEMO_SECRET):  # type: ignore[no-untyped-def]
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=DEMO_ACCESS_KEY_ID,
        aws_secret_access_key=secret,
        config=Config(retries={"max_attempts": 1}),
    )


def rejected_code(endpoint: str, service: str, call) -> str:  # type: ignore[no-untyped-def]
    """The error code of a call made with the wrong secret (read from the XML body moto sends)."""
    c = client(endpoint, service, WRONG_SECRET)
    seen: dict[str, object] = {}

    def keep(**kwargs: object) -> None:
        seen.update(kwargs["response_dict"])  # type: ignore[arg-type]

    c.meta.events.register("before-parse", keep)
    try:
        call(c)
    except botocore.exceptions.ClientError as e:
        body = seen.get("body", b"")
        status = e.response["ResponseMetadata"]["HTTPStatusCode"]
        code = e.response["Error"]["Code"]
        if isinstance(body, bytes) and b"SignatureDoesNotMatch" in body:
            code = "SignatureDoesNotMatch"
        return f"{status} {code}"
    return "accepted"


def request(endpoint: str, method: str, path: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    url = urllib.parse.urlsplit(endpoint)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    conn.request(method, path, headers=headers)
    resp = conn.getresponse()
    resp.read()
    conn.close()
    return resp


def check_preflight(endpoint: str, path: str) -> None:
    wanted = "authorization,content-type,x-amz-date,x-amz-target,x-amz-content-sha256"
    resp = request(
        endpoint,
        "OPTIONS",
        path,
        {"Origin": ORIGIN, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": wanted},
    )
    if resp.status != 200:
        fail(f"preflight {path}: status {resp.status}")
    if resp.getheader("Access-Control-Allow-Origin") != ORIGIN:
        fail(f"preflight {path}: Allow-Origin {resp.getheader('Access-Control-Allow-Origin')!r}")
    if resp.getheader("Access-Control-Allow-Headers") != wanted:
        fail(f"preflight {path}: Allow-Headers {resp.getheader('Access-Control-Allow-Headers')!r}")
    methods = resp.getheader("Access-Control-Allow-Methods") or ""
    if not {"GET", "PUT", "POST", "DELETE", "HEAD"} <= set(methods.split(",")):
        fail(f"preflight {path}: Allow-Methods {methods!r}")
    ok(f"preflight OPTIONS {path}: 200 with origin, methods and headers")


def check_foreign_pages(endpoint: str, bucket: str) -> None:
    """Only the console's origins and loopback Host names reach moto."""
    preflight = request(
        endpoint,
        "OPTIONS",
        "/",
        {"Origin": FOREIGN_ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    if preflight.status != 403 or preflight.getheader("Access-Control-Allow-Origin"):
        fail(f"preflight from {FOREIGN_ORIGIN}: {preflight.status} {preflight.getheaders()}")
    ok(f"preflight from {FOREIGN_ORIGIN}: 403 without Allow-Origin")

    # A 'simple' POST needs no preflight: the front itself must refuse it, or moto wipes its state.
    reset = request(endpoint, "POST", "/moto-api/reset", {"Origin": FOREIGN_ORIGIN})
    if reset.status != 403:
        fail(f"POST /moto-api/reset from {FOREIGN_ORIGIN}: {reset.status}")
    port = urllib.parse.urlsplit(endpoint).port
    rebound = request(endpoint, "POST", "/moto-api/reset", {"Host": f"attacker.example:{port}"})
    if rebound.status != 403:
        fail(f"POST /moto-api/reset with Host attacker.example: {rebound.status}")
    get = request(endpoint, "GET", f"/{bucket}/probe.txt", {"Origin": FOREIGN_ORIGIN})
    if get.status != 403:
        fail(f"GET from {FOREIGN_ORIGIN}: {get.status}")
    # The state survived: the probe object is still there.
    client(endpoint, "s3").head_object(Bucket=bucket, Key="probe.txt")
    ok(f"{FOREIGN_ORIGIN} and Host attacker.example: reset and reads refused (403), state kept")


def main() -> None:
    endpoint = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:4566"
    checked = "--unchecked" not in sys.argv[2:]
    print(f"emulator smoke check: {endpoint} ({'signatures checked' if checked else 'unchecked'})")

    with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=5) as r:
        if r.status != 200:
            fail(f"GET /moto-api/: {r.status}")
    ok("GET /moto-api/ 200")

    identity = client(endpoint, "sts").get_caller_identity()
    if identity["Account"] != "123456789012":
        fail(f"GetCallerIdentity account {identity['Account']}")
    ok(f"GetCallerIdentity: {identity['Arn']}")

    client(endpoint, "dynamodb").list_tables()
    ok("DynamoDB ListTables")

    client(endpoint, "lambda").list_functions(MaxItems=1)
    ok("Lambda ListFunctions (a signed GET)")

    bucket = f"hoseline-smoke-{uuid.uuid4().hex[:12]}"
    s3 = client(endpoint, "s3")
    s3.create_bucket(Bucket=bucket)
    s3.put_object(Bucket=bucket, Key="probe.txt", Body=b"probe")
    ok(f"S3 CreateBucket + PutObject {bucket}/probe.txt")

    if checked:
        calls = {
            "sts": lambda c: c.get_caller_identity(),
            "dynamodb": lambda c: c.list_tables(),
            "firehose": lambda c: c.list_delivery_streams(),
            "s3": lambda c: c.list_buckets(),
            "lambda": lambda c: c.list_functions(MaxItems=1),
        }
        for service, call in calls.items():
            got = rejected_code(endpoint, service, call)
            if got != "403 SignatureDoesNotMatch":
                fail(f"{service} with a wrong secret: {got}, wanted 403 SignatureDoesNotMatch")
            ok(f"{service} with a wrong secret: 403 SignatureDoesNotMatch")

    check_preflight(endpoint, "/")
    check_preflight(endpoint, f"/{bucket}/probe.txt")

    resp = request(endpoint, "GET", f"/{bucket}/probe.txt", {"Origin": ORIGIN})
    expose = (resp.getheader("Access-Control-Expose-Headers") or "").lower()
    if resp.getheader("Access-Control-Allow-Origin") != ORIGIN or "x-amzn-requestid" not in expose:
        fail(f"plain response lacks CORS headers: {resp.getheaders()}")
    ok(f"plain response ({resp.status}) carries Allow-Origin and Expose-Headers")

    check_foreign_pages(endpoint, bucket)

    s3.delete_object(Bucket=bucket, Key="probe.txt")
    s3.delete_bucket(Bucket=bucket)
    print(f"emulator smoke check: ok ({checks} checks)")


if __name__ == "__main__":
    main()
