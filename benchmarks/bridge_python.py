"""The bridge's CPU work done the usual Python way, for comparison with the Rust benchmark
(crates/bridge/benches/delivery.rs): one Firehose delivery of 500 demo stock-ticker records is
decoded (body JSON, then base64), mapped to DynamoDB items with boto3's TypeSerializer (numbers as
Decimal, so their text is kept), and serialised as BatchWriteItem bodies of 25 items.

Run with the emulator's venv, which has boto3:  .tools/venv/bin/python benchmarks/bridge_python.py
Prints `python records/s: N` from the median of several timed rounds (the Rust side reports
criterion's median too).
"""

import base64
import json
import statistics
import sys
import time
from decimal import Decimal

from boto3.dynamodb.types import TypeSerializer

RECORDS = 500
TABLE = "demo-stock-ticker"
TICKERS = [
    ("QXZ", "HEALTHCARE"),
    ("NGC", "ENERGY"),
    ("WAS", "RETAIL"),
    ("TGT", "RETAIL"),
    ("KIN", "TECHNOLOGY"),
    ("JYB", "FINANCIAL"),
]
KEY = "id"
BATCH = 25


def demo_record(i):
    """The same records as the Rust benchmark's demo_record."""
    ticker, sector = TICKERS[i % len(TICKERS)]
    change = (i % 21) / 100.0 - 0.1
    price = 10.0 + (i * 7919 % 10_000) / 100.0
    return (
        f'{{"TICKER_SYMBOL":"{ticker}","SECTOR":"{sector}",'
        f'"CHANGE":{change:.2f},"PRICE":{price:.2f},"id":"rec-{i:06d}"}}'
    )


def delivery_body():
    records = [
        {"data": base64.b64encode(demo_record(i).encode()).decode()}
        for i in range(RECORDS)
    ]
    body = {
        "requestId": "ed4acda5-034f-9f42-bba1-f29aea6d7d8f",
        "timestamp": 1_795_701_816_123,
        "records": records,
    }
    return json.dumps(body, separators=(",", ":")).encode()


SERIALIZER = TypeSerializer()


def process(body):
    """Decode + map + serialise one delivery; returns the bytes of BatchWriteItem bodies."""
    request = json.loads(body)
    items = []
    for record in request["records"]:
        data = base64.b64decode(record["data"], validate=True)
        # Decimal keeps a number's text exactly, as DynamoDB's N needs (floats are refused).
        obj = json.loads(data.decode("utf-8"), parse_float=Decimal, parse_int=Decimal)
        if not isinstance(obj, dict) or not isinstance(obj.get(KEY), str):
            raise ValueError("record without its key")
        items.append({name: SERIALIZER.serialize(value) for name, value in obj.items()})
    size = 0
    for start in range(0, len(items), BATCH):
        chunk = items[start : start + BATCH]
        call = {"RequestItems": {TABLE: [{"PutRequest": {"Item": item}} for item in chunk]}}
        size += len(json.dumps(call, separators=(",", ":")).encode())
    return size


def main():
    body = delivery_body()
    process(body)  # warm up
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    per_delivery = []
    for _ in range(rounds):
        iterations = 0
        start = time.perf_counter()
        while True:
            process(body)
            iterations += 1
            elapsed = time.perf_counter() - start
            if elapsed >= 0.5:
                break
        per_delivery.append(elapsed / iterations)
    median = statistics.median(per_delivery)
    print(f"python records/s: {RECORDS / median:.0f}")


if __name__ == "__main__":
    main()
