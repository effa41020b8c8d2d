#!/usr/bin/env python3
"""Hoseline's local AWS emulator: moto's server app behind a thin CORS front.

moto answers the preflights of the JSON and query services but sends no
Access-Control-Expose-Headers, refuses the preflight of an existing private S3
object (403) and crashes on some unsigned preflights (500) when it checks
signatures. This front answers every OPTIONS itself and sets the CORS headers of
every other response, so a page can make every call the console makes.

With --check-signatures, moto checks SigV4 signatures and IAM permissions from
the first request on (with moto's check of bodyless GET/DELETE requests fixed, so
Lambda GetFunction, ListFunctions and DeleteFunction pass), and the demo user `hoseline-demo` (allow-all inline policy,
AWS's documented example key pair) is planted in moto's IAM backend in-process,
again after every POST /moto-api/reset.

Only the console's own origins are admitted (--allow-origin, default the run command's console on
http://127.0.0.1:8080 and http://localhost:8080): a request that carries any other Origin header is
refused with 403 before moto sees it, so a web page the user happens to visit cannot sign requests with
the published demo keys or POST /moto-api/reset. Requests without an Origin (the CLI, boto3, the bridge)
are not from a page and pass. The Host header must name a loopback host (127.0.0.1, localhost,
*.localhost, [::1]): a DNS-rebinding page whose own name resolves to 127.0.0.1 sends its own name.

Run it with the venv's python (scripts/emulator.sh does):
    .tools/venv/bin/python scripts/emulator/front.py --port 4566 --check-signatures \
        --allow-origin http://127.0.0.1:8080
Health: GET /moto-api/ answers 200.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from collections.abc import Callable, Iterable
from typing import Any

DEMO_USER = "hoseline-demo"
DEMO_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
DEMO_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
DEMO_POLICY_NAME = "hoseline-demo-allow-all"
ALLOW_ALL = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
}

ALLOW_METHODS = "GET,PUT,POST,DELETE,HEAD"
EXPOSE_HEADERS = ",".join(
    [
        "x-amzn-requestid",
        "x-amz-request-id",
        "x-amzn-errortype",
        "etag",
        "x-amz-crc32",
        "date",
        "content-length",
        "content-type",
        "x-amz-version-id",
    ]
)
MAX_AGE = "600"
# The run command's console (scripts/run.sh, HOSELINE_CONSOLE_PORT's default).
DEFAULT_ORIGINS = ["http://127.0.0.1:8080", "http://localhost:8080"]
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]"}
# Every CORS header moto (flask-cors, S3 bucket CORS rules) may set: the front sets its own.
CORS_HEADERS = {
    "access-control-allow-origin",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-allow-credentials",
    "access-control-expose-headers",
    "access-control-max-age",
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=4566, help="port (default 4566)")
    parser.add_argument(
        "--check-signatures",
        action="store_true",
        help="check SigV4 signatures and plant the demo user and key",
    )
    parser.add_argument(
        "--no-cors",
        action="store_true",
        help="send no CORS headers at all (an endpoint that does not admit the page's origin, for tests)",
    )
    parser.add_argument(
        "--allow-origin",
        action="append",
        metavar="ORIGIN",
        help="a page origin admitted to call the emulator, e.g. http://127.0.0.1:8080; a port of * "
        "admits every port of that host (repeatable; default: "
        + ", ".join(DEFAULT_ORIGINS)
        + ")",
    )
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    parser.add_argument("--pid-file", help="write this process's id there")
    return parser.parse_args(argv)


def plant_demo_user() -> None:
    """Create the demo user, its allow-all policy and the demo key in moto's IAM backend."""
    from moto.core import DEFAULT_ACCOUNT_ID
    from moto.iam.models import iam_backends

    backend = iam_backends[DEFAULT_ACCOUNT_ID]["aws"]
    if DEMO_USER not in backend.users:
        backend.create_user(region_name="us-east-1", user_name=DEMO_USER)
    backend.put_user_policy(DEMO_USER, DEMO_POLICY_NAME, json.dumps(ALLOW_ALL))
    user = backend.users[DEMO_USER]
    if any(key.access_key_id == DEMO_ACCESS_KEY_ID for key in user.access_keys):
        return
    key = backend.create_access_key(DEMO_USER)
    # moto generates a random id and secret: replace both, and re-index the key by its new id.
    backend.access_keys.pop(key.access_key_id, None)
    key.access_key_id = DEMO_ACCESS_KEY_ID
    key.secret_access_key = DEMO_SECRET
    backend.access_keys[key.access_key_id] = key


def patch_bodyless_signature_check() -> None:
    """Fix moto 5.2.5's signature check of requests without a body (Lambda GET and DELETE).

    moto rebuilds the signed request with `data=self._body or self._data`: for a GET or DELETE
    the body is empty, so it signs its parsed query or header dict as a form body instead, and a
    correctly signed GetFunction, ListFunctions or DeleteFunction (even boto3's) gets 403
    SignatureDoesNotMatch. A GET, HEAD or DELETE is signed over an empty payload (the query is
    in the path): sign the raw body only.
    """
    from moto.iam import access_control

    base = access_control.IAMRequestBase
    original = base._create_aws_request
    if getattr(original, "hoseline_patched", False):
        return

    def create_aws_request(self: Any) -> Any:
        if self._method in ("GET", "HEAD", "DELETE") and not self._body:
            saved = self._data
            self._data = b""
            try:
                return original(self)
            finally:
                self._data = saved
        return original(self)

    create_aws_request.hoseline_patched = True  # type: ignore[attr-defined]
    base._create_aws_request = create_aws_request  # type: ignore[method-assign]


StartResponse = Callable[..., Any]


def origin_allowed(origin: str, allowed: list[str]) -> bool:
    """`origin` is one of `allowed`, where an entry ending in `:*` admits any port of its host."""
    origin = origin.rstrip("/").lower()
    for entry in allowed:
        entry = entry.rstrip("/").lower()
        if entry.endswith(":*"):
            base = entry[:-2]
            rest = origin[len(base) :]
            if origin.startswith(base + ":") and rest[1:].isdigit():
                return True
        elif origin == entry:
            return True
    return False


def host_is_loopback(host: str) -> bool:
    """The Host header names this machine: 127.0.0.1, localhost, *.localhost or [::1], any port."""
    host = host.strip().lower()
    if host.startswith("["):
        name = host[: host.find("]") + 1] if "]" in host else host
    else:
        name = host.rsplit(":", 1)[0] if ":" in host else host
    return name in LOOPBACK_HOSTS or name.endswith(".localhost")


def refuse(start_response: StartResponse, reason: str) -> Iterable[bytes]:
    body = json.dumps({"__type": "Forbidden", "message": reason}).encode()
    start_response(
        "403 Forbidden",
        [("Content-Type", "application/json"), ("Content-Length", str(len(body)))],
    )
    return [body]


class CorsFront:
    """WSGI middleware: admits only loopback hosts and the console's origins, answers OPTIONS,
    sets CORS headers, re-plants the demo user after a reset."""

    def __init__(
        self,
        app: Callable[..., Iterable[bytes]],
        check_signatures: bool,
        no_cors: bool = False,
        allowed_origins: list[str] | None = None,
    ) -> None:
        self.app = app
        self.check_signatures = check_signatures
        # Like an AWS endpoint or an S3 bucket without a CORS rule for the page: the server
        # answers, preflights included, but with no Access-Control-* header the browser accepts.
        self.no_cors = no_cors
        self.allowed_origins = allowed_origins if allowed_origins is not None else DEFAULT_ORIGINS

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        host = environ.get("HTTP_HOST", "")
        if not host_is_loopback(host):
            return refuse(start_response, f"Host {host!r} is not this machine's loopback name")
        origin = environ.get("HTTP_ORIGIN")
        if origin is not None and not origin_allowed(origin, self.allowed_origins):
            return refuse(
                start_response,
                f"origin {origin!r} is not one of the console's origins "
                f"({', '.join(self.allowed_origins)}); start the emulator with --allow-origin",
            )
        allow_origin = origin or "*"
        if self.no_cors:
            return self.app(environ, _strip_cors(start_response))
        if environ.get("REQUEST_METHOD") == "OPTIONS":
            requested = environ.get("HTTP_ACCESS_CONTROL_REQUEST_HEADERS", "")
            headers = [
                ("Access-Control-Allow-Origin", allow_origin),
                ("Access-Control-Allow-Methods", ALLOW_METHODS),
                ("Access-Control-Allow-Headers", requested or "*"),
                ("Access-Control-Expose-Headers", EXPOSE_HEADERS),
                ("Access-Control-Max-Age", MAX_AGE),
                ("Vary", "Origin, Access-Control-Request-Headers"),
                ("Content-Length", "0"),
            ]
            start_response("200 OK", headers)
            return [b""]

        def cors_start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            kept = [(k, v) for (k, v) in headers if k.lower() not in CORS_HEADERS]
            kept.append(("Access-Control-Allow-Origin", allow_origin))
            kept.append(("Access-Control-Expose-Headers", EXPOSE_HEADERS))
            if origin and not any(k.lower() == "vary" for (k, _) in kept):
                kept.append(("Vary", "Origin"))
            return start_response(status, kept, exc_info)

        is_reset = (
            environ.get("REQUEST_METHOD") == "POST"
            and environ.get("PATH_INFO", "").rstrip("/") == "/moto-api/reset"
        )
        result = self.app(environ, cors_start_response)
        if is_reset and self.check_signatures:
            # moto's reset ran inside the call above and wiped IAM: put the demo user back.
            plant_demo_user()
        return result


def _strip_cors(start_response: StartResponse) -> StartResponse:
    """Drops every Access-Control-* header moto sets (it answers some preflights by itself)."""

    def strip(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        kept = [(k, v) for (k, v) in headers if k.lower() not in CORS_HEADERS]
        return start_response(status, kept, exc_info)

    return strip


def main(argv: list[str] | None = None) -> None:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.check_signatures:
        # Read by moto.settings at import time: check every request, from the first one.
        os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = "0"
    else:
        os.environ.pop("INITIAL_NO_AUTH_ACTION_COUNT", None)

    import logging

    from moto.moto_server.werkzeug_app import (
        DomainDispatcherApplication,
        MotoRequestHandler,
        create_backend_app,
    )
    from werkzeug.serving import run_simple

    if args.quiet:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)

    if args.check_signatures:
        patch_bodyless_signature_check()
        plant_demo_user()
    if args.pid_file:
        with open(args.pid_file, "w", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")

    def stop(_signum: int, _frame: Any) -> None:
        sys.exit(0)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    origins = args.allow_origin or DEFAULT_ORIGINS
    app = CorsFront(
        DomainDispatcherApplication(create_backend_app),
        args.check_signatures,
        args.no_cors,
        origins,
    )
    mode = "checking signatures" if args.check_signatures else "not checking signatures"
    if args.no_cors:
        mode += ", no CORS headers"
    print(
        f"hoseline emulator: http://{args.host}:{args.port} ({mode}; pages admitted from "
        f"{', '.join(origins)})",
        flush=True,
    )
    run_simple(
        args.host,
        args.port,
        app,
        threaded=True,
        use_reloader=False,
        request_handler=MotoRequestHandler,
    )


if __name__ == "__main__":
    main()
