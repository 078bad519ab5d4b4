#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The SPEC section 9 benchmark: whole processes timed side by side in one run.

    python3 tests/bench/run.py [--binary build/smartgoals] [--runs 30]

Generates a ten-year and a one-year history, loads them with `smartgoals import`, then reports
median wall times of smartgoals against the sqlite3 CLI on the same file (and Taskwarrior 2.6,
when `task` is installed), their ratios, and peak memory. Prints figures; asserts nothing.
"""
import argparse, json, os, pathlib, platform, re, shutil, statistics, subprocess, sys, tempfile, time

here = pathlib.Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument("--binary", default=str(here.parent.parent / "build" / "smartgoals"))
p.add_argument("--runs", type=int, default=30)
a = p.parse_args()
binary = os.path.abspath(a.binary)
work = pathlib.Path(tempfile.mkdtemp(prefix="smartgoals-bench-"))
today = "2026-11-19"
env = dict(os.environ, SMARTGOALS_TODAY=today)

def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)

def median_ms(cmd, env=env, setup=None):
    times = []
    for _ in range(a.runs):
        if setup:
            setup()
        t0 = time.perf_counter()
        run(cmd, env=env)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)

def peak_kb(cmd, env=env):
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, env=env, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out).group(1))

def load(weeks):
    doc = work / f"history-{weeks}.json"
    db = work / f"history-{weeks}.db"
    with open(doc, "w") as f:
        subprocess.run([sys.executable, str(here / "generate.py"), "--weeks", str(weeks),
                        "--today", today], stdout=f, check=True)
    t0 = time.perf_counter()
    subprocess.run([binary, "--db", str(db), "-q", "import", str(doc)], env=env, check=True)
    return db, time.perf_counter() - t0

print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.platform()}")
print(f"smartgoals: {subprocess.run([binary, '--version'], capture_output=True, text=True).stdout.strip()}, "
      f"sqlite3: {subprocess.run(['sqlite3', '--version'], capture_output=True, text=True).stdout.split()[0]}")
ten, ten_import = load(520)
one, one_import = load(52)
print(f"import: ten years {ten_import:.1f} s, one year {one_import:.1f} s; median of {a.runs} runs below\n")

sg = lambda db, *args: [binary, "--db", str(db), *args]
sqlite_trivial = median_ms(["sqlite3", str(ten), "SELECT 1"])
rows = [
    ("review", median_ms(sg(ten, "review")), sqlite_trivial, "sqlite3 SELECT 1"),
    ("goal list", median_ms(sg(ten, "goal", "list")), sqlite_trivial, "sqlite3 SELECT 1"),
    ("goal add", median_ms(sg(ten, "-q", "goal", "add", "bench")),
     median_ms(["sqlite3", str(ten), "INSERT INTO settings VALUES ('bench', 'x') "
                "ON CONFLICT (key) DO UPDATE SET value = 'y'"]), "sqlite3 one INSERT"),
    ("export urges --format csv", median_ms(sg(ten, "export", "urges", "--format", "csv")),
     median_ms(["sqlite3", "-csv", "-header", str(ten),
                "SELECT id, uuid, at, substr(at, 1, 10), intensity, duration_min, trigger, place, "
                "strategies, outcome, note, next_time FROM urges ORDER BY id"]), "sqlite3 -csv"),
]
print(f"{'command (ten years)':28} {'smartgoals':>11} {'compared with':>14}  ratio")
for name, ours, theirs, what in rows:
    print(f"{name:28} {ours:9.2f} ms {theirs:9.2f} ms  {ours / theirs:5.2f}x  ({what})")

r10, r1 = median_ms(sg(ten, "review")), median_ms(sg(one, "review"))
print(f"\nreview, ten years against one year: {r10:.2f} ms / {r1:.2f} ms = {r10 / r1:.2f}x")
for name, cmd in [("review", sg(ten, "review")), ("goal list", sg(ten, "goal", "list")),
                  ("export urges", sg(ten, "export", "urges")), ("import (one year)", None)]:
    if cmd:
        print(f"peak memory, {name}: {peak_kb(cmd) / 1024:.1f} MB")

if shutil.which("task"):
    home = work / "task"
    home.mkdir()
    (home / ".taskrc").write_text(f"data.location={home}/data\nverbose=nothing\nconfirmation=no\n")
    tenv = dict(env, HOME=str(home), TASKRC=str(home / ".taskrc"))
    tasks = "\n".join(json.dumps({"description": f"task {i}", "status": "pending",
                                  "uuid": f"00000000-0000-4000-8000-{i:012d}",
                                  "entry": "20261101T000000Z"}) for i in range(5000))
    subprocess.run(["task", "import"], input=tasks, text=True, env=tenv,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ours, theirs = median_ms(sg(ten, "goal", "list")), median_ms(["task", "list"], env=tenv)
    print(f"\ngoal list {ours:.2f} ms against Taskwarrior's task list over 5,000 pending tasks "
          f"{theirs:.2f} ms: {theirs / ours:.1f}x faster")
else:
    print("\n(Taskwarrior is not installed: apt-get install taskwarrior to compare goal list)")
shutil.rmtree(work)
