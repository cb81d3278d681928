#!/usr/bin/env python3
"""Check rules/gazetteer.toml and rules/successors.toml against the agreed schema.

Run from anywhere:  python3 rules/tools/check_knowledge.py
Exits 1 and lists every problem found; prints counts by tier, kind and confidence.
"""

import collections
import datetime
import pathlib
import re
import sys
import tomllib

RULES = pathlib.Path(__file__).resolve().parents[1]
CONFIDENCE = {"verified", "secondary", "unverified"}
TIERS = {"county", "district", "unitary", "metropolitan-district", "london-borough", "city-of-london", "isles-of-scilly"}
ROLES = {"police-authority", "pcc", "pfcc", "mayor"}
STATUS = {"decided", "announced", "proposed"}
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

problems = []


def bad(where, msg):
    problems.append(f"{where}: {msg}")


def sourced(where, e):
    if not isinstance(e.get("source"), str) or not e["source"].strip():
        bad(where, "no source")
    if e.get("confidence") not in CONFIDENCE:
        bad(where, f"confidence {e.get('confidence')!r} is not one of {sorted(CONFIDENCE)}")


def dates(where, e, start="from", end="until"):
    for k in (start, end):
        if k in e and not isinstance(e[k], datetime.date):
            bad(where, f"{k} is not a date")
    if isinstance(e.get(start), datetime.date) and isinstance(e.get(end), datetime.date) and e[start] > e[end]:
        bad(where, f"{start} {e[start]} is after {end} {e[end]}")


def unique_ids(table, rows):
    seen = set()
    for i, r in enumerate(rows):
        rid = r.get("id")
        where = f"{table}[{i}] {rid!r}"
        if not isinstance(rid, str) or not ID.match(rid):
            bad(where, "id is not lowercase kebab-case")
        if rid in seen:
            bad(where, "duplicate id")
        seen.add(rid)
    return {r.get("id"): r for r in rows}


def check_gazetteer():
    g = tomllib.loads((RULES / "gazetteer.toml").read_text(encoding="utf-8"))
    if g.get("schema") != "csa-gazetteer/1":
        bad("gazetteer", f"schema is {g.get('schema')!r}")
    police = unique_ids("police_area", g.get("police_area", []))
    auth = unique_ids("authority", g.get("authority", []))
    for pid, p in police.items():
        where = f"police_area {pid}"
        for k in ("name", "force"):
            if not p.get(k):
                bad(where, f"no {k}")
        # The display form is the name with its article, never another name.
        if "display" in p and not p["display"].endswith(" " + p["name"]):
            bad(where, f"display {p['display']!r} is not {p['name']!r} with an article")
        sourced(where, p)
        govs = p.get("governance", [])
        if not govs:
            bad(where, "no governance")
        prev_until = None
        for j, gv in enumerate(govs):
            w = f"{where} governance[{j}]"
            if gv.get("role") not in ROLES:
                bad(w, f"role {gv.get('role')!r}")
            if not gv.get("holder"):
                bad(w, "no holder")
            sourced(w, gv)
            dates(w, gv)
            if prev_until is not None and gv.get("from") and gv["from"] != prev_until + datetime.timedelta(days=1):
                bad(w, f"from {gv['from']} does not follow the previous until {prev_until}")
            prev_until = gv.get("until")
        if govs and "until" in govs[-1]:
            bad(where, "the last governance entry has an end date")
    for aid, a in auth.items():
        where = f"authority {aid}"
        for k in ("name", "area"):
            if not a.get(k):
                bad(where, f"no {k}")
        sourced(where, a)
        dates(where, a)
        tier = a.get("tier")
        if tier not in TIERS:
            bad(where, f"tier {tier!r}")
        if tier == "district":
            c = auth.get(a.get("county"))
            if c is None:
                bad(where, f"county {a.get('county')!r} does not exist")
            elif c.get("tier") != "county":
                bad(where, f"county {a.get('county')!r} is a {c.get('tier')}")
            elif c.get("police_area") != a.get("police_area"):
                bad(where, f"police area {a.get('police_area')} differs from its county's {c.get('police_area')}")
            elif "until" in c and ("until" not in a or a["until"] > c["until"]):
                bad(where, "outlives its county")
        elif "county" in a:
            bad(where, f"a {tier} has a county")
        if a.get("police_area") not in police:
            bad(where, f"police_area {a.get('police_area')!r} does not exist")
        succ = a.get("successors", [])
        if succ and "until" not in a:
            bad(where, "successors without until")
        if "until" in a and not succ:
            bad(where, "until without successors")
        for s in succ:
            t = auth.get(s)
            if t is None:
                bad(where, f"successor {s!r} does not exist")
            elif t.get("from") and a.get("until") and t["from"] != a["until"] + datetime.timedelta(days=1):
                if not (t.get("until") is None and t.get("from") <= a["until"]):
                    bad(where, f"successor {s} starts {t['from']}, not the day after {a['until']}")
    areas = collections.defaultdict(list)
    for a in auth.values():
        areas[a["area"].lower()].append(a)
    for name, rows in areas.items():
        current = [r["id"] for r in rows if "until" not in r and "from" not in r or
                   r.get("from", datetime.date.min) <= datetime.date.today() <= r.get("until", datetime.date.max)]
        if len(current) > 1:
            bad("authority", f"area {name!r} names several current authorities: {current}")
    far = datetime.date(9999, 12, 31)
    names = collections.defaultdict(list)
    for a in auth.values():
        for n in {a["name"], a["area"]} | set(a.get("aliases", [])):
            names[n.lower()].append(a)
    for n, rows in names.items():
        for i, x in enumerate(rows):
            for y in rows[i + 1:]:
                if x.get("from", datetime.date.min) <= y.get("until", far) and y.get("from", datetime.date.min) <= x.get("until", far):
                    bad(f"authority {x['id']}", f"name {n!r} also names {y['id']} at the same time")
    parts = unique_ids("partnership", g.get("partnership", []))
    for pid, p in parts.items():
        where = f"partnership {pid}"
        sourced(where, p)
        dates(where, p)
        if len(p.get("covers", [])) < 2:
            bad(where, "covers fewer than two authorities")
        for c in p.get("covers", []):
            if c not in auth:
                bad(where, f"covers {c!r}, which does not exist")
    reorgs = unique_ids("reorganisation", g.get("reorganisation", []))
    for rid, r in reorgs.items():
        where = f"reorganisation {rid}"
        sourced(where, r)
        if r.get("area") not in auth:
            bad(where, f"area {r.get('area')!r} does not exist")
        if r.get("status") not in STATUS:
            bad(where, f"status {r.get('status')!r}")
        if not isinstance(r.get("effective"), datetime.date):
            bad(where, "effective is not a date")
    return g, police, auth


def law_kinds():
    """The kinds a body may have: law.toml's kinds of responsible authority, and `national` for a
    national body partnerships name that is not one (Public Health England, HM Prison and
    Probation Service)."""
    law = tomllib.loads((RULES / "law.toml").read_text(encoding="utf-8"))
    return {k["id"] for k in law.get("authority_kind", [])} | {"national"}


def check_successors(police, auth):
    path = RULES / "successors.toml"
    if not path.exists():
        return None
    s = tomllib.loads(path.read_text(encoding="utf-8"))
    if s.get("schema") != "csa-successors/1":
        bad("successors", f"schema is {s.get('schema')!r}")
    kinds = law_kinds()
    bodies = unique_ids("body", s.get("body", []))
    for bid, b in bodies.items():
        where = f"body {bid}"
        if not b.get("name"):
            bad(where, "no name")
        sourced(where, b)
        dates(where, b)
        if b.get("kind") not in kinds:
            bad(where, f"kind {b.get('kind')!r} is not an authority_kind in law.toml, nor 'national'")
        for c in b.get("covers", []):
            if c not in police and c not in auth:
                bad(where, f"covers {c!r}, neither a police area nor an authority")
        if "successor" in b:
            t = bodies.get(b["successor"])
            if t is None:
                bad(where, f"successor {b['successor']!r} does not exist")
            elif "until" not in b:
                bad(where, "successor without until")
            elif t.get("from") and t["from"] > b["until"] + datetime.timedelta(days=1):
                bad(where, f"gap: successor {t['id']} starts {t['from']}, after {b['until']}")
        parts = b.get("successor_by_area", [])
        if parts and ("successor" in b or "until" not in b):
            bad(where, "successor_by_area needs an until and no successor")
        for part in parts:
            if set(part) != {"covers", "successor"}:
                bad(where, f"successor_by_area entry has keys {sorted(part)}, not covers and successor")
                continue
            if part["successor"] not in bodies:
                bad(where, f"successor_by_area: {part['successor']!r} does not exist")
            for c in part["covers"]:
                if c not in police and c not in auth:
                    bad(where, f"successor_by_area covers {c!r}, neither a police area nor an authority")
    # a name or alias must not point at two bodies alive at once in the same place
    far = datetime.date(9999, 12, 31)
    by_name = collections.defaultdict(list)
    for b in bodies.values():
        for n in {b.get("name", "")} | set(b.get("aliases", [])):
            by_name[n.lower()].append(b)
    for n, bs in by_name.items():
        for i, x in enumerate(bs):
            for y in bs[i + 1:]:
                overlap = x.get("from", datetime.date.min) <= y.get("until", far) and y.get("from", datetime.date.min) <= x.get("until", far)
                shared = set(x.get("covers", [])) & set(y.get("covers", []))
                if overlap and (shared or not x.get("covers") or not y.get("covers")):
                    bad(f"body {x['id']}", f"name {n!r} also names {y['id']} at the same time and place")
    # no cycles
    for bid in bodies:
        seen, cur = set(), bid
        while cur in bodies and "successor" in bodies[cur]:
            if cur in seen:
                bad(f"body {bid}", "successor chain loops")
                break
            seen.add(cur)
            cur = bodies[cur]["successor"]
    return bodies


def main():
    g, police, auth = check_gazetteer()
    bodies = check_successors(police, auth)
    conf = collections.Counter()
    print(f"police areas: {len(police)}")
    gov = collections.Counter(gv["role"] for p in police.values() for gv in p.get("governance", []))
    print("  governance entries by role: " + ", ".join(f"{k} {v}" for k, v in sorted(gov.items())))
    today = datetime.date.today()
    cur = collections.Counter(a["tier"] for a in auth.values()
                              if a.get("from", datetime.date.min) <= today <= a.get("until", datetime.date.max))
    old = collections.Counter(a["tier"] for a in auth.values() if a.get("until", datetime.date.max) < today)
    new = collections.Counter(a["tier"] for a in auth.values() if a.get("from", datetime.date.min) > today)
    print(f"authorities: {len(auth)} ({sum(cur.values())} current on {today}, {sum(old.values())} abolished since 2009, "
          f"{sum(new.values())} decided for the future)")
    for t in sorted(TIERS):
        print(f"  {t:22} current {cur.get(t, 0):4}   abolished {old.get(t, 0):4}   future {new.get(t, 0):4}")
    print(f"partnerships: {len(g.get('partnership', []))}; reorganisations: {len(g.get('reorganisation', []))}")
    for e in list(police.values()) + list(auth.values()) + g.get("partnership", []) + g.get("reorganisation", []):
        conf["gazetteer", e.get("confidence")] += 1
    for p in police.values():
        for gv in p.get("governance", []):
            conf["gazetteer", gv.get("confidence")] += 1
    if bodies is not None:
        kinds = collections.Counter(b.get("kind") for b in bodies.values())
        print(f"bodies: {len(bodies)} (" + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")
        for b in bodies.values():
            conf["successors", b.get("confidence")] += 1
    for (f, c), n in sorted(conf.items()):
        print(f"  {f:11} {c:11} {n}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
