#!/usr/bin/env python3
"""Check rules/pcc-plans.toml against the csa-pcc-plans/1 schema.

Usage: python3 rules/tools/check_plans.py [--partial] [PATH]
(--partial: do not require a plan for every police area)
Exits 1 and lists every problem found; prints a summary otherwise.
"""
import datetime
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

AREAS = {
    "avon-and-somerset", "bedfordshire", "cambridgeshire", "cheshire", "city-of-london",
    "cleveland", "cumbria", "derbyshire", "devon-and-cornwall", "dorset", "durham", "essex",
    "gloucestershire", "greater-manchester", "hampshire", "hertfordshire", "humberside", "kent",
    "lancashire", "leicestershire", "lincolnshire", "merseyside", "metropolitan", "norfolk",
    "north-yorkshire", "northamptonshire", "northumbria", "nottinghamshire", "south-yorkshire",
    "staffordshire", "suffolk", "surrey", "sussex", "thames-valley", "warwickshire",
    "west-mercia", "west-midlands", "west-yorkshire", "wiltshire",
}
CONFIDENCE = {"verified", "secondary", "unverified"}
SCOPES = {"crime-and-disorder", "policing"}
PLAN_KEYS = {"id", "police_area", "title", "aliases", "issued_by", "from", "from_latest",
             "from_source", "to", "source", "confidence", "objective"}
# `from_source` says where the first day (or the window's ends) was read: a start is never
# taken from a title's years without saying so.
REQUIRED = {"id", "police_area", "title", "issued_by", "from", "from_source", "source", "confidence"}
OBJ_KEYS = {"id", "title", "scope"}
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--partial"]
    partial = "--partial" in sys.argv[1:]
    path = Path(args[0] if args else Path(__file__).resolve().parent.parent / "pcc-plans.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    errors = []
    if data.get("schema") != "csa-pcc-plans/1":
        errors.append(f"schema is {data.get('schema')!r}, expected 'csa-pcc-plans/1'")
    extra = set(data) - {"schema", "plan"}
    if extra:
        errors.append(f"unknown top-level keys: {sorted(extra)}")
    plans = data.get("plan", [])
    ids = Counter(p.get("id") for p in plans)
    for pid, n in ids.items():
        if n > 1:
            errors.append(f"plan id {pid!r} used {n} times")
    by_area = defaultdict(list)
    n_obj = 0
    for p in plans:
        pid = p.get("id", "?")
        for k in REQUIRED - set(p):
            errors.append(f"{pid}: missing {k}")
        for k in set(p) - PLAN_KEYS:
            errors.append(f"{pid}: unknown key {k}")
        if not KEBAB.match(str(pid)):
            errors.append(f"{pid}: id is not lowercase kebab-case")
        if p.get("police_area") not in AREAS:
            errors.append(f"{pid}: unknown police_area {p.get('police_area')!r}")
        if p.get("confidence") not in CONFIDENCE:
            errors.append(f"{pid}: confidence {p.get('confidence')!r}")
        if not str(p.get("source", "")).strip():
            errors.append(f"{pid}: empty source")
        for k in ("from", "from_latest", "to"):
            if k in p and type(p[k]) is not datetime.date:
                errors.append(f"{pid}: {k} is not a TOML local date")
        if "to" in p and "from" in p and p["to"] < p["from"]:
            errors.append(f"{pid}: to before from")
        if "from_latest" in p and "from" in p and p["from_latest"] <= p["from"]:
            errors.append(f"{pid}: from_latest is not after from")
        if "from_source" in p and not str(p["from_source"]).strip():
            errors.append(f"{pid}: empty from_source")
        aliases = p.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            errors.append(f"{pid}: aliases must be a list of non-empty strings")
        elif len(set(aliases)) != len(aliases):
            errors.append(f"{pid}: duplicate aliases")
        oids = Counter()
        for o in p.get("objective", []):
            n_obj += 1
            oids[o.get("id")] += 1
            for k in OBJ_KEYS - set(o):
                errors.append(f"{pid}/{o.get('id')}: objective missing {k}")
            for k in set(o) - OBJ_KEYS:
                errors.append(f"{pid}/{o.get('id')}: objective unknown key {k}")
            if o.get("scope") not in SCOPES:
                errors.append(f"{pid}/{o.get('id')}: scope {o.get('scope')!r}")
        for oid, n in oids.items():
            if n > 1:
                errors.append(f"{pid}: objective id {oid!r} used {n} times")
        if "from" in p:
            by_area[p.get("police_area")].append(p)
    for area in [] if partial else sorted(AREAS - set(by_area)):
        errors.append(f"police area {area!r} has no plan")
    for area, ps in by_area.items():
        ps.sort(key=lambda p: p["from"])
        starts = Counter(p["from"] for p in ps)
        for d, n in starts.items():
            if n > 1:
                errors.append(f"{area}: {n} plans start on {d}")
        for a, b in zip(ps, ps[1:]):
            if "to" in a and a["to"] >= b["from"]:
                errors.append(f"{area}: {a['id']} (to {a['to']}) overlaps {b['id']} (from {b['from']})")
    names = defaultdict(set)
    for p in plans:
        for n in [p.get("title", "")] + list(p.get("aliases", [])):
            key = " ".join(str(n).replace("\u2013", "-").lower().split())
            names[(p.get("police_area"), key)].add(p.get("id"))
    for (area, name), pids in sorted(names.items()):
        if len(pids) > 1:
            print(f"note: {area}: {name!r} names {len(pids)} plans ({', '.join(sorted(pids))}); "
                  "resolved by date")
    if errors:
        print("\n".join(errors))
        return 1
    conf = Counter(p["confidence"] for p in plans)
    print(f"{len(by_area)} areas, {len(plans)} plans, {n_obj} objectives; "
          + ", ".join(f"{k} {conf[k]}" for k in sorted(conf)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
