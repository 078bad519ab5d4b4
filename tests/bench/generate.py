#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a smartgoals JSON export of a long, plausible history, to be loaded with `import`.

Default: SPEC section 9's ten years ending on --today (520 weeks, 5,000 goals with 20,000
completions, 3,650 check-ins, 100,000 urges, 50 comparisons). --weeks scales all of it.
--stress keeps every once goal open for years, short of its target (SPEC section 9's stress
history: many members never let go). Seeded, so the same arguments give the same file.
"""
import argparse, datetime, json, random, sys, uuid

p = argparse.ArgumentParser()
p.add_argument("--today", default="2026-11-19")
p.add_argument("--weeks", type=int, default=520)
p.add_argument("--seed", type=int, default=9)
p.add_argument("--stress", action="store_true",
               help="a member who never lets go: every goal a once goal, open, short of its target")
a = p.parse_args()
rnd = random.Random(a.seed)
today = datetime.date.fromisoformat(a.today)
days = a.weeks * 7
start = today - datetime.timedelta(days=days - 1)
scale = a.weeks / 520
uid = lambda: str(uuid.UUID(int=rnd.getrandbits(128), version=4))
day = lambda lo=0, hi=None: start + datetime.timedelta(days=rnd.randrange(lo, hi if hi is not None else days))
words = ["walk", "call my sister", "art group", "cook dinner", "read", "sleep by eleven",
         "look for work", "swim", "meeting", "tidy the kitchen", "write a letter", "garden"]
areas = [None, "motivation", "urges", "thoughts", "balance"]

goals, n_goals, n_completions = [], int(5000 * scale), int(20000 * scale)
per_goal = [0] * n_goals
for _ in range(n_completions):
    per_goal[rnd.randrange(n_goals)] += 1
# A history is written as it is lived: goals and urges get their ids in the order of their dates.
planned_days = sorted(day(0, max(1, days - 14)) for _ in range(n_goals))
for i in range(n_goals):
    weekly = rnd.random() < 0.1 and not a.stress
    planned = planned_days[i]
    target = rnd.choice([1, 1, 1, 2, 3]) if not weekly else rnd.choice([1, 2, 3])
    comps = sorted(planned + datetime.timedelta(days=rnd.randrange(0, 60 if not weekly else 365))
                   for _ in range(per_goal[i]))
    comps = [c for c in comps if c <= today]
    # As in life, most goals that were not finished were let go after a while, and weekly
    # goals are kept for a season: only the last half year's stay open.
    old = (today - planned).days > 182
    dropped = (weekly and old) or (not weekly and len(comps) < target and old) or rnd.random() < 0.03
    if a.stress and not weekly:
        dropped, target = False, max(target, len(comps) + 1)
    closed = None
    if dropped:
        closed = min(today, planned + datetime.timedelta(days=rnd.randrange(7, 180 if weekly else 90)))
        comps = [c for c in comps if c <= closed]
        if not weekly and len(comps) >= target:
            comps = comps[:target - 1]
    goals.append({"id": i + 1, "uuid": uid(), "text": f"{rnd.choice(words)} #{i + 1}",
                  "area": rnd.choice(areas), "kind": "weekly" if weekly else "once",
                  "target": target, "planned": planned.isoformat(), "week": planned.isoformat(),
                  "status": "dropped" if dropped else "open",
                  "created": planned.isoformat(), "closed": closed.isoformat() if closed else None,
                  "completions": [{"uuid": uid(), "date": c.isoformat(),
                                   "note": rnd.choice([None, "felt good", "with a friend"])}
                                  for c in comps]})
checkins = [{"uuid": uid(), "date": (start + datetime.timedelta(days=int(i * days / max(1, int(3650 * scale))))).isoformat(),
             "rating": rnd.randint(3, 9), "note": rnd.choice([None, "steady", "hard week", "good"])}
            for i in range(int(3650 * scale))]
deads = ["deny", "delay", "escape", "avoid", "accept", "attack", "distract", "substitute"]
urges = []
for at in sorted(f"{day().isoformat()}T{rnd.randrange(24):02}:{rnd.randrange(60):02}"
                 for _ in range(int(100000 * scale))):
    urges.append({"uuid": uid(), "at": at,
                  "intensity": rnd.randint(1, 10), "duration_min": rnd.choice([None, 5, 10, 20, 45]),
                  "trigger": rnd.choice(["after work", "payday", "a friend called", "bored", ""]),
                  "where": rnd.choice(["home", "pub", ""]),
                  "strategy": rnd.sample(deads, rnd.randint(0, 2)),
                  "outcome": rnd.choice(["rode-out", "rode-out", "acted", None]),
                  "note": None, "next_time": None})
cbc = [{"cbc_uuid": uid(), "title": f"Comparison {i + 1}", "kind": rnd.choice(["substance", "activity"]),
        "created": day().isoformat(),
        "items": [{"item_uuid": uid(), "quadrant": rnd.choice(["bu", "cu", "bn", "cn"]).replace("bu", "benefits-of-using").replace("cu", "costs-of-using").replace("bn", "benefits-of-not-using").replace("cn", "costs-of-not-using"),
                   "term": rnd.choice([None, "short", "long"]), "weight": rnd.choice([None, 1, 3, 5]),
                   "text": rnd.choice(words)} for _ in range(rnd.randint(0, 12))]}
       for i in range(max(1, int(50 * scale)))]
json.dump({"format": "smartgoals", "version": 1, "settings": {}, "goals": goals,
           "checkins": checkins, "urges": urges, "cbc": cbc}, sys.stdout)
