#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The SPEC section 9 benchmark: whole processes timed side by side in one run.

    python3 tests/bench/run.py [--binary build/smartgoals] [--runs 60] [--instructions]

Generates a ten-year and a one-year history, loads them with `smartgoals import`, then reports
median wall times of smartgoals against the sqlite3 CLI on the same file (and Taskwarrior 2.6,
when `task` is installed), their ratios, and peak memory. Times come from hyperfine when it is
installed (apt-get install hyperfine; three rounds in alternating order), else from runs of the
two commands taken in turn.
--instructions adds instruction counts from valgrind, which do not move with the machine's
load. Prints figures; asserts nothing.
"""
import argparse, json, os, pathlib, platform, re, shlex, shutil, statistics, subprocess, sys, tempfile, time

here = pathlib.Path(__file__).resolve().parent
p = argparse.ArgumentParser()
p.add_argument("--binary", default=str(here.parent.parent / "build" / "smartgoals"))
p.add_argument("--runs", type=int, default=60)
p.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
a = p.parse_args()
if a.instructions and not shutil.which("valgrind"):
    sys.exit("run.py: --instructions needs valgrind (apt-get install valgrind)")
binary = os.path.abspath(a.binary)
work = pathlib.Path(tempfile.mkdtemp(prefix="smartgoals-bench-"))
today = "2026-11-19"
env = dict(os.environ, SMARTGOALS_TODAY=today)
hyperfine = shutil.which("hyperfine")


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def medians_ms(*cmds, env=env):
    """Median wall time of each command, in ms, measured in the same stretch of time.

    hyperfine times all runs of one command, then the next; three rounds in alternating order,
    and the median of the three, keep a drift in the machine's load from favouring either."""
    if hyperfine:
        out = work / "hyperfine.json"
        rounds = [[] for _ in cmds]
        for r in range(3):
            order = list(range(len(cmds)))[:: -1 if r % 2 else 1]
            subprocess.run([hyperfine, "-N", "--warmup", "5", "--runs", str(a.runs),
                            "--export-json", str(out)] + [shlex.join(cmds[i]) for i in order],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           check=True)
            for i, result in zip(order, json.loads(out.read_text())["results"]):
                rounds[i].append(result["median"] * 1000)
        return [statistics.median(r) for r in rounds]
    times = [[] for _ in cmds]
    for _ in range(a.runs):
        for i, cmd in enumerate(cmds):  # in turn, so that drift in load hits both alike
            t0 = time.perf_counter()
            run(cmd, env=env)
            times[i].append((time.perf_counter() - t0) * 1000)
    return [statistics.median(t) for t in times]


def instructions(cmd, env=env):
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                         env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    return int(re.search(r"refs:\s+([\d,]+)", out).group(1).replace(",", ""))


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
      f"sqlite3: {subprocess.run(['sqlite3', '--version'], capture_output=True, text=True).stdout.split()[0]}, "
      f"timing: {f'hyperfine, median of 3 rounds of {a.runs} runs' if hyperfine else f'median of {a.runs} runs in turn'}")
ten, ten_import = load(520)
one, one_import = load(52)
ten_add = work / "history-520-adds.db"
shutil.copyfile(ten, ten_add)
# The same histories encrypted (SPEC §3.1), the key kept in the keyring as a member's would be.
sealed, sealed_add = work / "history-520-sealed.db", work / "history-520-sealed-adds.db"
t0 = time.perf_counter()
for plain, copy in ((ten, sealed), (ten_add, sealed_add)):
    shutil.copyfile(plain, copy)
    subprocess.run([binary, "--db", str(copy), "--passphrase-fd", "0", "-q", "encrypt"],
                   input="bench passphrase\n", text=True, env=env, check=True,
                   stderr=subprocess.DEVNULL)
print(f"import: ten years {ten_import:.1f} s, one year {one_import:.1f} s; "
      f"encrypting ten years: {(time.perf_counter() - t0) / 2:.1f} s\n")

sg = lambda db, *args: [binary, "--db", str(db), *args]
sqlite = lambda *args: ["sqlite3", *args]
# Two trivial queries: SELECT 1 never reads the file; the other reads its schema and one page,
# as any query on a table must.
select_1 = sqlite(str(ten), "SELECT 1")
read_1 = sqlite(str(ten), "SELECT 1 FROM settings LIMIT 1")
urge_columns = ("SELECT id, uuid, at, substr(at, 1, 10), intensity, duration_min, trigger, place, "
                "strategies, outcome, note, next_time FROM urges ORDER BY id")
rows = [
    ("review", sg(ten, "review"), [("sqlite3 SELECT 1", select_1), ("sqlite3 one row of a table", read_1)]),
    ("goal list", sg(ten, "goal", "list"), [("sqlite3 SELECT 1", select_1), ("sqlite3 one row of a table", read_1)]),
    # Adds go to a copy, so that the goals they add leave the other figures alone.
    ("goal add", sg(ten_add, "-q", "goal", "add", "bench"),
     [("sqlite3 one INSERT", sqlite(str(ten_add), "INSERT INTO settings VALUES ('bench', 'x') "
                                    "ON CONFLICT (key) DO UPDATE SET value = 'y'"))]),
    ("export urges --format csv", sg(ten, "export", "urges", "--format", "csv"),
     [("sqlite3 -csv, same columns", sqlite("-csv", "-header", str(ten), urge_columns))]),
]
print(f"{'command (ten years)':27} {'smartgoals':>10}   {'compared with':29} {'':>9}  ratio")
for name, ours_cmd, others in rows:
    for what, their_cmd in others:
        ours, theirs = medians_ms(ours_cmd, their_cmd)
        line = f"{name:27} {ours:7.2f} ms   {what:29} {theirs:6.2f} ms  {ours / theirs:5.2f}x"
        if a.instructions:
            i_ours, i_theirs = instructions(ours_cmd), instructions(their_cmd)
            line += f"   instructions {i_ours / 1e6:.1f} M / {i_theirs / 1e6:.1f} M = {i_ours / i_theirs:.2f}x"
        print(line)
        name = ""

r10, r1 = medians_ms(sg(ten, "review"), sg(one, "review"))
line = f"\nreview, ten years against one year: {r10:.2f} ms / {r1:.2f} ms = {r10 / r1:.2f}x"
if a.instructions:
    i10, i1 = instructions(sg(ten, "review")), instructions(sg(one, "review"))
    line += f"; instructions {i10 / 1e6:.1f} M / {i1 / 1e6:.1f} M = {i10 / i1:.2f}x"
print(line)
for name, cmd in [("review", sg(ten, "review")), ("goal list", sg(ten, "goal", "list")),
                  ("goal add", sg(ten_add, "-q", "goal", "add", "bench")),
                  ("export urges", sg(ten, "export", "urges"))]:
    print(f"peak memory, {name}: {peak_kb(cmd) / 1024:.1f} MB")

print(f"\n{'encrypted (ten years)':27} {'encrypted':>10}   {'the same, not encrypted':>23}  ratio")
for name, plain_cmd, sealed_cmd in [
        ("review", sg(ten, "review"), sg(sealed, "review")),
        ("goal list", sg(ten, "goal", "list"), sg(sealed, "goal", "list")),
        ("goal add", sg(ten_add, "-q", "goal", "add", "bench"),
         sg(sealed_add, "-q", "goal", "add", "bench")),
        ("export urges --format csv", sg(ten, "export", "urges", "--format", "csv"),
         sg(sealed, "export", "urges", "--format", "csv"))]:
    ours, plain_ms = medians_ms(sealed_cmd, plain_cmd)
    line = f"{name:27} {ours:7.2f} ms   {plain_ms:20.2f} ms  {ours / plain_ms:5.2f}x"
    if a.instructions:
        i_ours, i_plain = instructions(sealed_cmd), instructions(plain_cmd)
        line += f"   instructions {i_ours / 1e6:.1f} M / {i_plain / 1e6:.1f} M = {i_ours / i_plain:.2f}x"
    print(line)
print(f"peak memory, encrypted review: {peak_kb(sg(sealed, 'review')) / 1024:.1f} MB")
for db in (sealed, sealed_add):
    run(sg(db, "lock"), env=env)

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
    ours, theirs = medians_ms(sg(ten, "goal", "list"), ["task", "list"], env=tenv)
    print(f"\ngoal list {ours:.2f} ms against Taskwarrior's task list over 5,000 pending tasks "
          f"{theirs:.2f} ms: {theirs / ours:.1f}x faster")
else:
    print("\n(Taskwarrior is not installed: apt-get install taskwarrior to compare goal list)")
shutil.rmtree(work)
