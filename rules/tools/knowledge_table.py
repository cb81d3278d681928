#!/usr/bin/env python3
"""Print the per-police-area table of docs/knowledge.md ("What csa knows, area by area") and
the totals of facts by confidence, from rules/gazetteer.toml, rules/successors.toml and
rules/pcc-plans.toml.

Run from anywhere:  python3 rules/tools/knowledge_table.py
Paste the output into docs/knowledge.md when the data changes.
"""

import collections
import datetime
import pathlib
import tomllib

RULES = pathlib.Path(__file__).resolve().parents[1]
GAZ = tomllib.loads((RULES / "gazetteer.toml").read_text(encoding="utf-8"))
SUC = tomllib.loads((RULES / "successors.toml").read_text(encoding="utf-8"))
PLANS = tomllib.loads((RULES / "pcc-plans.toml").read_text(encoding="utf-8"))
LAW = tomllib.loads((RULES / "law.toml").read_text(encoding="utf-8"))

ELECTIONS = sorted(e["date"] for e in LAW["event"] if e["kind"] == "pcc-election")
SHORT = {"verified": "V", "secondary": "S", "unverified": "U"}


def latest(p):
    return p.get("from_latest", p["from"])


def elections_of(area):
    """Ordinary elections, and the days a mayor took the functions over."""
    days = set(ELECTIONS)
    govs = area.get("governance", [])
    for a, b in zip(govs, govs[1:]):
        if a["role"] != b["role"] and b["role"] == "mayor" and b.get("from"):
            days.add(b["from"])
    return sorted(days)


def missing_plans(area, plans):
    """Elections after the first known plan with no plan known issued after them."""
    days = elections_of(area)
    out = []
    if not plans:
        return out
    first = min(latest(p) for p in plans)
    for e in days:
        # the next election of a later financial year (a mayor taking over days after an
        # election issues the one plan due)
        year_end = datetime.date(e.year + (1 if e.month >= 4 else 0), 3, 31)
        nxt = next((d for d in days if d > year_end), None)
        if e <= first:
            continue
        if not any(latest(p) >= e and (nxt is None or p["from"] < nxt) for p in plans):
            out.append(e)
    return out


def row(area, plans):
    plans = sorted(plans, key=lambda p: p["from"])
    read = [p for p in plans if "from_latest" not in p]
    window = [p for p in plans if "from_latest" in p]
    conf = collections.Counter(p["confidence"] for p in plans)
    objectives = sum(1 for p in plans if p.get("objective"))
    plain = [p["id"] for p in plans if p["title"].strip() in ("Police and Crime Plan",)]
    unknown = []
    for e in missing_plans(area, plans):
        unknown.append(f"the plan after the election of {e}")
    if plain:
        unknown.append("the title of " + ", ".join(plain))
    no_obj = [p["id"].rsplit("-", 1)[1] for p in plans if not p.get("objective")]
    if no_obj:
        unknown.append("objectives of the " + ", ".join(no_obj) + " plan" + ("s" if len(no_obj) > 1 else ""))
    years = ", ".join(p["id"].rsplit("-", 1)[1] for p in plans)
    return (
        f"| {area['name']} | {years} | {len(read)} | {len(window)} | {objectives} of {len(plans)} | "
        + " ".join(f"{conf[c]}{SHORT[c]}" for c in ("verified", "secondary", "unverified") if conf[c])
        + f" | {'; '.join(unknown) or '—'} |"
    )


def counts():
    c = collections.Counter()
    for p in GAZ["police_area"]:
        c[p["confidence"]] += 1
        for g in p.get("governance", []):
            c[g["confidence"]] += 1
    for table in ("authority", "partnership", "reorganisation"):
        for e in GAZ.get(table, []):
            c[e["confidence"]] += 1
    for b in SUC["body"]:
        c[b["confidence"]] += 1
    for p in PLANS["plan"]:
        c[p["confidence"]] += 1
    return c


def main():
    by_area = collections.defaultdict(list)
    for p in PLANS["plan"]:
        by_area[p["police_area"]].append(p)
    print("| police area | plans (first year) | start read | start a window | with objectives | "
          "plans' confidence | what csa does not know |")
    print("|---|---|---|---|---|---|---|")
    for area in sorted(GAZ["police_area"], key=lambda a: a["name"]):
        print(row(area, by_area[area["id"]]))
    plans = PLANS["plan"]
    print()
    print(f"{len(plans)} plans: start read for {sum('from_latest' not in p for p in plans)}, "
          f"a window for {sum('from_latest' in p for p in plans)}; "
          f"{sum(1 for p in plans if p.get('objective'))} with objectives "
          f"({sum(len(p.get('objective', [])) for p in plans)} objectives).")
    c = counts()
    print(f"Facts: {c['verified']} verified, {c['secondary']} secondary, {c['unverified']} unverified "
          f"(counted on {datetime.date.today()}).")


if __name__ == "__main__":
    main()
