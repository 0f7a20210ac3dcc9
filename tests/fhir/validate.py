"""Validates FHIR R4 JSON files with the fhir.resources models (structure, types and
cardinality; R4B models, which match R4 for every resource Arogya exports), and
checks that every reference inside a `$everything` Bundle resolves to one of its
entries (a search for one resource type may point outside its results)."""

import importlib
import json
import sys


def model(resource_type):
    module = importlib.import_module(f"fhir.resources.R4B.{resource_type.lower()}")
    return getattr(module, resource_type)


def references(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                yield value
            else:
                yield from references(value)
    elif isinstance(node, list):
        for item in node:
            yield from references(item)


def check(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    problems = []
    try:
        m = model(doc["resourceType"])
        (getattr(m, "model_validate", None) or m.parse_obj)(doc)
    except Exception as e:  # the models raise pydantic errors with every failure listed
        problems.append(f"{doc['resourceType']}: {e}")
    if doc["resourceType"] == "Bundle":
        present = set()
        for entry in doc.get("entry", []):
            r = entry["resource"]
            present.add(f"{r['resourceType']}/{r['id']}")
            if not entry["fullUrl"].endswith(f"/{r['resourceType']}/{r['id']}"):
                problems.append(f"fullUrl {entry['fullUrl']} does not name its resource")
        everything = any(l.get("url", "").endswith("$everything") for l in doc.get("link", []))
        for ref in references(doc) if everything else []:
            if ref not in present:
                problems.append(f"reference {ref} does not resolve inside the bundle")
    return problems


def main():
    failed = False
    for path in sys.argv[1:]:
        for p in check(path):
            failed = True
            print(f"{path}: {p}", file=sys.stderr)
    if failed:
        sys.exit(1)
    print("fhir.resources (R4B models) and references: all valid")


if __name__ == "__main__":
    main()
