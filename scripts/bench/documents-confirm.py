"""Confirmation throughput: prepare slots and upload files of one size to S3, then
confirm them 4 at a time and report confirmations/s, MB/s and latency percentiles.
Standard library only. Usage: documents-confirm.py GRAPHQL_URL TOKEN APPLICATION_ID"""
import hashlib
import json
import os
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

URL, TOKEN, APP = sys.argv[1:4]


def gql(query, variables):
    body = json.dumps({"query": query, "variables": variables}).encode()
    req = urllib.request.Request(URL, body, {"content-type": "application/json", "authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(req) as r:
        out = json.load(r)
    if out.get("errors"):
        raise SystemExit(f"request failed: {out['errors']}")
    return out["data"]


SLOT = "mutation($i: RequestUploadInput!) { requestUpload(input: $i) { document { id } upload { url headers { name value } } } }"
CONFIRM = "mutation($id: ID!, $sha: String!) { confirmUpload(documentId: $id, sha256: $sha) { status } }"


def prepare(size, n):
    data = b"%PDF-1.7\n" + os.urandom(size - 9)
    digest = hashlib.sha256(data).hexdigest()
    docs = []
    for _ in range(n):
        s = gql(SLOT, {"i": {"purpose": "OTHER_LICENCE", "fileName": "licence.pdf", "contentType": "application/pdf",
                             "sizeBytes": size, "applicationId": APP}})["requestUpload"]
        headers = {h["name"]: h["value"] for h in s["upload"]["headers"] if h["name"].lower() != "content-length"}
        req = urllib.request.Request(s["upload"]["url"], data, headers, method="PUT")
        urllib.request.urlopen(req).read()
        docs.append(s["document"]["id"])
    return docs, digest


def confirm(doc, digest):
    start = time.perf_counter()
    status = gql(CONFIRM, {"id": doc, "sha": digest})["confirmUpload"]["status"]
    if status != "AVAILABLE":
        raise SystemExit(f"confirmation gave {status}")
    return time.perf_counter() - start


for size, n in [(1 << 20, 60), (20 << 20, 12)]:
    docs, digest = prepare(size, n)
    start = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        times = sorted(pool.map(lambda d: confirm(d, digest), docs))
    wall = time.perf_counter() - start
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))] * 1000
    print(f"confirm_{size >> 20}MB files={n} confirms_per_s={n / wall:.1f} MB_per_s={n * size / wall / 1e6:.0f} "
          f"p50_ms={p(0.5):.0f} p99_ms={p(0.99):.0f}")
