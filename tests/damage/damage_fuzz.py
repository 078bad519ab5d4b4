#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Damaged-database fuzzer: runs smartgoals against broken copies of a real database.

    python3 tests/damage/damage_fuzz.py --binary build/smartgoals [--seconds 60] [--seed N]
        [--work DIR] [--per-input K]

First it builds a small but real database by driving the binary (goals, completions, let-go
goals, check-ins, urges, two cost-benefit comparisons, settings), a variant of it with a
non-empty -wal, and two JSON exports to import. Then, until --seconds have passed, it takes a
copy of one of the two, damages it (truncation, flipped bytes, zeroed pages, a stray -wal or
-journal, schema changes and bad stored values made with Python's sqlite3, or several at
once) and runs K commands, each on a fresh copy of the damaged files, checking:

  a. the exit status is 0, 1 or 2 (a signal is a crash; ten seconds is a hang);
  b. a failure's stderr, when not empty, ends with its one line starting "smartgoals: error: ",
     after only warnings starting "smartgoals: ";
  c. a failure leaves the database, its -wal and any -journal byte for byte as they were, and
     adds no file but a -shm or an empty -wal (both made by any SQLite reader);
  d. a file that fails PRAGMA integrity_check (run on a separate copy) is never written,
     whatever the exit status.

Each finding's damaged files are kept under WORK/findings/NNNN/ with a repro.sh that runs the
command on a scratch copy of them. Everything random comes from --seed, so a seed gives the
same damage and commands; only the budget decides how many runs there are, and the base
database's timestamps come from the clock, so rerun a saved finding rather than a seed.
Prints a summary; exits 1 when there is a finding, else 0.
"""
import argparse, hashlib, json, os, random, shlex, shutil, signal, sqlite3, subprocess, sys
import tempfile, time

TODAY = "2026-11-19"
PAGE = 4096
TIMEOUT = 10
DB = "smartgoals.db"
ERROR_PREFIX = "smartgoals: error: "
KEEP_FINDINGS = 300  # damaged inputs saved on disk; later findings are only counted

# ---------------------------------------------------------------------------------------------
# Running the binary


class Runner:
    def __init__(self, binary):
        self.binary = binary
        self.rebuilds = 0  # runs repeated because the binary changed under them
        self.versions = set()  # (mtime, size) of each binary that ran
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("SMARTGOALS_")}
        self.env.update(SMARTGOALS_TODAY=TODAY, NO_COLOR="1", TERM="dumb")

    def stamp(self):
        try:
            st = os.stat(self.binary)
            return (st.st_mtime_ns, st.st_size)
        except OSError:
            return None

    def wait_for_binary(self, limit=300):
        """The binary may be rebuilt under us: wait until it is there and has stopped changing."""
        first = self.stamp()
        if first and os.access(self.binary, os.X_OK):
            return first
        end = time.monotonic() + limit
        while time.monotonic() < end:
            time.sleep(1)
            first = self.stamp()
            if first and os.access(self.binary, os.X_OK):
                time.sleep(1)
                if self.stamp() == first:
                    return first
        sys.exit(f"damage_fuzz.py: {self.binary} did not come back within {limit} s")

    def argv(self, db, args):
        return [self.binary, "--db", db, "--today", TODAY, *args]

    def run(self, db, args, before_each=None):
        """Runs one command; returns (status, stdout, stderr), status "timeout" for a hang.
        Retries (calling before_each again) when the binary changed during the run."""
        while True:
            stamp = self.wait_for_binary()
            if before_each:
                before_each()
            try:
                p = subprocess.run(self.argv(db, args), env=self.env, stdin=subprocess.DEVNULL,
                                   capture_output=True, timeout=TIMEOUT, cwd=os.path.dirname(db))
                result = (p.returncode, p.stdout, p.stderr)
            except subprocess.TimeoutExpired as e:
                result = ("timeout", e.stdout or b"", e.stderr or b"")
            except OSError:  # replaced mid-exec: ETXTBSY, ENOENT, ENOEXEC
                time.sleep(1)
                continue
            if self.stamp() == stamp:
                self.versions.add(stamp)
                return result
            self.rebuilds += 1


def must(runner, db, *args):
    status, out, err = runner.run(db, list(args))
    if status != 0:
        sys.exit(f"damage_fuzz.py: building the base database: {' '.join(args)} gave {status}: "
                 f"{err.decode(errors='replace').strip()}")
    return out.decode(errors="replace")


# ---------------------------------------------------------------------------------------------
# The base database

WORDS = ["Walk", "Call my sister", "Art group", "Cook dinner", "Read a chapter", "Sleep by eleven",
         "Look for work", "Swim", "Go to a meeting", "Tidy the kitchen", "Write a letter",
         "Garden", "Ring Sam", "Bake bread", "Cycle to town"]
AREAS = ["motivation", "urges", "thoughts", "balance"]


def build_base(runner, work):
    base = os.path.join(work, "base")
    os.makedirs(base)
    db = os.path.join(base, DB)
    for i in range(1, 31):
        args = ["goal", "add", f"{WORDS[i % len(WORDS)]} #{i}"]
        if i % 4 == 0:
            args += ["--every-week", "--times", "3"]
        elif i % 7 == 0:
            args += ["--times", "2"]
        if i % 3 == 0:
            args += ["--area", AREAS[i % 4]]
        if i % 5 == 1:
            args += ["--week", "last"]
        elif i % 5 == 2:
            args += ["--week=-3"]
        elif i == 29:
            args += ["--week", "next"]
        must(runner, db, *args)
    for goal, date in [(1, "2026-11-12"), (3, "2026-11-19"), (4, "2026-11-17"), (4, "2026-11-18"),
                       (4, "2026-11-19"), (5, "2026-11-16"), (7, "2026-11-02"), (8, "2026-11-18"),
                       (9, "2026-11-19"), (11, "2026-11-13"), (12, "2026-11-17")]:
        must(runner, db, "goal", "done", str(goal), "--date", date, "--note", f"done on {date}")
    for goal in (13, 17, 21):
        must(runner, db, "goal", "drop", str(goal))
    must(runner, db, "goal", "reopen", "9")
    must(runner, db, "goal", "edit", "10", "--text", "Walk to the shop", "--area", "balance")
    must(runner, db, "goal", "edit", "16", "--times", "2")
    for date, rating in [("2026-10-29", 4), ("2026-11-05", 6), ("2026-11-12", 5), (TODAY, 7)]:
        must(runner, db, "checkin", "--rating", str(rating), "--date", date,
             "--note", f"A steady week ({date})")
    strategies = ["deny", "delay", "escape", "avoid", "accept", "attack", "distract", "substitute"]
    for i, at in enumerate(["2026-11-10 21:30", "2026-11-12 08:15", "2026-11-14 23:00",
                            "2026-11-16 18:45", "2026-11-17 12:00", "2026-11-18 21:30",
                            "2026-11-19 07:05"]):
        args = ["urge-log", "--intensity", str(3 + i), "--at", at, "--duration", str(5 * i),
                "--trigger", "after work", "--where", "at home, alone",
                "--strategy", strategies[i], "--strategy", "called a friend",
                "--rode-out" if i % 3 else "--acted", "--note", "It passed",
                "--next-time", "Go for a walk first"]
        must(runner, db, *args)
    must(runner, db, "cbc", "new", "Drinking")
    for quadrant, text, term, weight in [("bu", "Helps me relax", "short", "3"),
                                         ("cu", "Hangovers on Sunday", "short", "4"),
                                         ("bn", "More money for the kids", "long", "5"),
                                         ("cn", "Evenings feel long", "short", "2")]:
        must(runner, db, "cbc", "add", "1", quadrant, text, "--term", term, "--weight", weight)
    must(runner, db, "cbc", "new", "Gaming at night", "--activity")
    must(runner, db, "cbc", "add", "2", "bu", "Switch off")
    must(runner, db, "cbc", "add", "2", "cu", "Tired at work", "--term", "long")
    must(runner, db, "config", "set", "week-start", "wed")
    must(runner, db, "config", "set", "name", "Sam")
    # SMART's other tools (SPEC §6.2), each with a record to read, change and remove.
    must(runner, db, "values", "add", "My kids")
    must(runner, db, "values", "add", "Music", "--position", "1")
    must(runner, db, "balance", "rate", "family=6", "health=4")
    must(runner, db, "abc", "new", "--event", "Payday", "--urge", "2", "--belief", "I deserve it")
    must(runner, db, "plan", "new", "Cut down", "--importance", "8", "--step", "Swim",
         "--step", "No drinks at home")
    must(runner, db, "plan", "goal", "1", "1")

    inputs = os.path.join(work, "inputs")
    os.makedirs(inputs)
    export_self = os.path.join(inputs, "export-self.json")
    must(runner, db, "export", "-o", export_self)
    # Removed after the export: importing it meets what was removed here.
    must(runner, db, "goal", "remove", "3")
    must(runner, db, "urge-log", "remove", "1")
    other = os.path.join(inputs, "other.db")
    must(runner, other, "goal", "add", "Imported goal", "--every-week", "--times", "2")
    must(runner, other, "goal", "done", "1")
    must(runner, other, "checkin", "--rating", "8")
    must(runner, other, "urge-log", "--intensity", "5", "--at", "2026-11-18 20:00", "--rode-out")
    must(runner, other, "config", "set", "week-start", "fri")
    export_other = os.path.join(inputs, "export-other.json")
    must(runner, other, "export", "-o", export_other)

    # A variant whose last change is still in its -wal: copied while a connection holds it.
    wal_dir = os.path.join(work, "base-wal")
    os.makedirs(wal_dir)
    scratch = os.path.join(work, "wal-scratch")
    shutil.copytree(base, scratch)
    con = sqlite3.connect(os.path.join(scratch, DB), isolation_level=None)
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("UPDATE goals SET text = text || ' (edited)' WHERE id = 5")
    con.execute("UPDATE settings SET value = 'Sam W.' WHERE key = 'name'")
    for name in (DB, DB + "-wal"):
        shutil.copyfile(os.path.join(scratch, name), os.path.join(wal_dir, name))
        os.chmod(os.path.join(wal_dir, name), 0o600)
    con.close()
    shutil.rmtree(scratch)
    bases = [base]
    if os.path.getsize(os.path.join(wal_dir, DB + "-wal")) > 0:
        bases.append(wal_dir)
    return bases, {"export_self": export_self, "export_other": export_other}


def describe_schema(db):
    """Tables with their columns (name, declared type, pk) and index names, from the base."""
    con = sqlite3.connect(db)
    tables = {}
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        info = con.execute(f'PRAGMA table_info("{name}")')
        tables[name] = [(c[1], c[2].upper(), c[5]) for c in info]
    indexes = [n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'index' "
                                         "AND sql IS NOT NULL ORDER BY name")]
    con.close()
    return tables, indexes


# ---------------------------------------------------------------------------------------------
# Damage. Each function changes the files in a directory and returns what it did.

BAD_DATES = ["2026-13-45", "x", "", None, "1899-12-31", "10000-01-01", "2026-02-30", "0000-00-00",
             "2026-11-19T25:61", "2026-11-19 99:99", "-2026-11-19", "２０２６-11-19", 20261119,
             1.5, b"\x00\xff", "2026-11-19" + "x" * 5000]
BAD_INTS = [0, -5, -1, 11, 2**63 - 1, -2**63, None, "x", "", 1e308, 3.7, b"\x01"]
BAD_TEXTS = ["", None, "x" * 20000, "\x1b[31mred\x1b[0m", "line\nbreak", "\u202eevil", 42,
             b"\xff\xfe\x00", "\x00nul"]
BAD_ENUMS = ["bogus", "", None, 42, "OPEN", "done ", b"\x00"]
BAD_JSON = ["not json", '{"a":1}', "[1,2]", "", None, "[", '["a",', "[" * 50000, '"text"',
            "[null]", '["\\ud800"]', "[" + ",".join(['"s"'] * 5000) + "]", 7, b"\x00\xff"]
DATE_COLUMNS = {"date", "at", "created_at", "planned_on", "closed_on", "until_on", "week"}
ENUM_COLUMNS = {"area", "kind", "status", "outcome", "quadrant", "term"}


def files(d):
    return os.path.join(d, DB), os.path.join(d, DB + "-wal")


def truncate(rng, d, _schema):
    db, _ = files(d)
    size = os.path.getsize(db)
    pages = max(1, size // PAGE)
    n = rng.choice([0, 1, 50, 99, 100, 512, PAGE - 1, PAGE, PAGE + 1,
                    PAGE * rng.randrange(1, pages + 1), rng.randrange(size + 1), size - 1])
    with open(db, "r+b") as f:
        f.truncate(max(0, min(n, size)))
    return f"truncate to {max(0, min(n, size))} of {size} bytes"


def flip(rng, d, _schema, target="db"):
    db, wal = files(d)
    path = wal if target == "wal" else db
    size = os.path.getsize(path) if os.path.exists(path) else 0
    if size == 0:
        return f"flip: no {target} bytes"
    data = bytearray(open(path, "rb").read())
    where = rng.choice(["anywhere", "header", "page"]) if target == "db" else "anywhere"
    lo, hi = 0, size
    if where == "header":
        hi = min(size, 100)
    elif where == "page":
        lo = rng.randrange(0, size, PAGE)
        hi = min(size, lo + PAGE)
    spots = []
    for _ in range(rng.randint(1, 20)):
        at, mask = rng.randrange(lo, hi), rng.randint(1, 255)
        data[at] ^= mask
        spots.append(f"{at}^{mask:#04x}")
    open(path, "wb").write(data)
    return f"flip {len(spots)} bytes of the {target} ({where}): {' '.join(spots)}"


def flip_wal(rng, d, schema):
    return flip(rng, d, schema, "wal")


def truncate_wal(rng, d, _schema):
    _, wal = files(d)
    if not os.path.exists(wal):
        return "truncate the wal: no wal"
    size = os.path.getsize(wal)
    n = rng.choice([0, 1, 31, 32, 33, rng.randrange(size + 1)])
    with open(wal, "r+b") as f:
        f.truncate(min(n, size))
    return f"truncate the wal to {min(n, size)} of {size} bytes"


def zero_page(rng, d, _schema):
    db, _ = files(d)
    pages = os.path.getsize(db) // PAGE
    if pages == 0:
        return "zero page: no whole page"
    page = 0 if rng.random() < 0.2 else rng.randrange(pages)
    with open(db, "r+b") as f:
        f.seek(page * PAGE)
        f.write(bytes(PAGE))
    return f"zero page {page + 1} of {pages}"


def stray_file(rng, d, _schema):
    db, wal = files(d)
    suffix = "-journal" if os.path.exists(wal) or rng.random() < 0.5 else "-wal"
    data = bytes(rng.randrange(256) for _ in range(rng.choice([1, 32, 512, PAGE + 24])))
    open(db + suffix, "wb").write(data)
    return f"stray {suffix} of {len(data)} random bytes"


def with_sqlite(d, statements, params=()):
    """Runs statements on the damaged copy; returns "" or the reason it did not take."""
    try:
        con = sqlite3.connect(files(d)[0], isolation_level=None)
        try:
            con.execute("PRAGMA ignore_check_constraints = ON")
            con.execute("PRAGMA foreign_keys = OFF")
            for i, sql in enumerate(statements):
                con.execute(sql, params if i == len(statements) - 1 else ())
        finally:
            con.close()
        return ""
    except (sqlite3.Error, OverflowError) as e:
        return f" (did not take: {e})"


def schema_change(rng, d, schema):
    tables, indexes = schema
    table = rng.choice(sorted(tables))
    kind = rng.choice(["drop table", "drop index", "add column", "rename table", "rename column",
                       "user_version", "application_id", "rootpage", "schema sql"])
    if kind == "drop table":
        sql = [f'DROP TABLE "{table}"']
    elif kind == "drop index":
        sql = [f'DROP INDEX "{rng.choice(indexes)}"']
    elif kind == "add column":
        default = rng.choice(["", " DEFAULT 'x'", " NOT NULL DEFAULT 0"])
        sql = [f'ALTER TABLE "{table}" ADD COLUMN junk TEXT{default}']
    elif kind == "rename table":
        sql = [f'ALTER TABLE "{table}" RENAME TO "{table}_old"']
    elif kind == "rename column":
        column = rng.choice(tables[table])[0]
        sql = [f'ALTER TABLE "{table}" RENAME COLUMN "{column}" TO "{column}_old"']
    elif kind == "user_version":
        sql = [f"PRAGMA user_version = {rng.choice([-1, 0, 1, 3, 6, 8, 999, -2**31, 2**31 - 1])}"]
    elif kind == "application_id":
        sql = [f"PRAGMA application_id = {rng.choice([1, -1, 0x53474F4C, rng.randrange(2**31)])}"]
    elif kind == "rootpage":
        sql = ["PRAGMA writable_schema = ON",
               f"UPDATE sqlite_master SET rootpage = rootpage + {rng.choice([1, -1, 1000])} "
               f"WHERE name = '{table}'"]
    else:
        new = rng.choice(["CREATE TABLE x(", "garbage", "", f"CREATE TABLE {table} (id)"])
        sql = ["PRAGMA writable_schema = ON",
               f"UPDATE sqlite_master SET sql = '{new}' WHERE name = '{table}'"]
    return "schema: " + "; ".join(sql) + with_sqlite(d, sql)


def bad_value(rng, d, schema):
    tables, _ = schema
    if rng.random() < 0.15:
        return settings_damage(rng, d)
    if rng.random() < 0.1:
        return sequence_damage(rng, d, tables)
    table = rng.choice(sorted(tables))
    columns = tables[table]
    if table == "urges" and rng.random() < 0.4:
        column = "strategies"
    else:
        column = rng.choice(columns)[0]
    declared = dict((c[0], c[1]) for c in columns)[column]
    if column == "strategies":
        pool = BAD_JSON
    elif column in DATE_COLUMNS:
        pool = BAD_DATES
    elif column in ENUM_COLUMNS:
        pool = BAD_ENUMS
    elif declared == "INTEGER":
        pool = BAD_INTS + [9999]  # also a dangling reference
    else:
        pool = BAD_TEXTS
    value = rng.choice(pool)
    keys = [c[0] for c in columns if c[2]] or ["rowid"]
    key = ", ".join(keys) if table in ("week_totals", "goal_targets") else "rowid"
    if rng.random() < 0.25:
        where, which = "", "every row"
    else:
        offset = rng.randrange(8)
        where = (f' WHERE ({key}) IN (SELECT {key} FROM "{table}" ORDER BY {key} '
                 f"LIMIT 1 OFFSET {offset})")
        which = f"row {offset + 1} by {key}"
    sql = f'UPDATE "{table}" SET "{column}" = ?{where}'
    shown = repr(value) if len(repr(value)) < 40 else repr(value)[:36] + "...'"
    return f"value: {table}.{column} = {shown} in {which}" + with_sqlite(d, [sql], (value,))


def settings_damage(rng, d):
    sql, params = rng.choice([
        ("UPDATE settings SET value = ? WHERE key = 'week-start'", ("funday",)),
        ("UPDATE settings SET value = ? WHERE key = 'week-start'", ("",)),
        ("UPDATE settings SET value = ? WHERE key = 'week-start'", (3,)),
        ("UPDATE settings SET value = ? WHERE key = 'name'", ("x" * 100000,)),
        ("UPDATE settings SET value = ? WHERE key = 'name'", ("\x1b]0;title\x07",)),
        ("UPDATE settings SET value = ? WHERE key = 'name'", (b"\xff\xfe",)),
        ("DELETE FROM settings WHERE key = ?", ("week-start",)),
        ("INSERT OR REPLACE INTO settings VALUES (?, 'x')", ("colour",)),
        ("INSERT OR REPLACE INTO settings VALUES (?, 'monday')", ("Week-Start",)),
    ])
    return f"settings: {sql} {params!r:.60}" + with_sqlite(d, [sql], params)


def sequence_damage(rng, d, tables):
    table = rng.choice([t for t in sorted(tables) if t not in ("settings", "week_totals",
                                                               "goal_targets")])
    value = rng.choice([2**63 - 1, -1, 0, "x"])
    sql = "UPDATE sqlite_sequence SET seq = ? WHERE name = '%s'" % table
    return f"sequence: {table} seq = {value!r}" + with_sqlite(d, [sql], (value,))


def week_totals_rows(rng, d, _schema):
    rows = rng.choice([[("x", -1, "y", 2**63 - 1, 0)], [("2026-13-45", 1, 1, 1, 1)],
                       [("2026-11-17", 5, 5, 5, 9)], [("1899-12-31", -2**63, 0, 0, 0)],
                       [("", 0, 0, 0, 0), ("2026-11-18x", 1, 2, 3, 4)]])
    kind = rng.choice(["insert", "delete all"])
    if kind == "delete all":
        return "week_totals: delete every row" + with_sqlite(d, ["DELETE FROM week_totals"])
    out = []
    for row in rows:
        out.append(with_sqlite(d, ["INSERT OR REPLACE INTO week_totals VALUES (?, ?, ?, ?, ?)"],
                               row))
    return f"week_totals: insert {rows!r}" + "".join(out)


DAMAGE = {
    "truncate": truncate, "flip": flip, "zero-page": zero_page, "stray-file": stray_file,
    "schema": schema_change, "value": bad_value, "week-totals": week_totals_rows,
}
WAL_DAMAGE = {"flip-wal": flip_wal, "truncate-wal": truncate_wal}
SQL_KINDS = {"schema", "value", "week-totals"}


def damage(rng, d, schema, has_wal):
    """Applies one damage, or two or three at once; returns (kind, description)."""
    kinds = dict(DAMAGE, **(WAL_DAMAGE if has_wal else {}))
    if rng.random() < 0.2:
        chosen = rng.sample(sorted(kinds), rng.randint(2, 3))
        # Changes made through SQLite first: on a file already broken they could not be made.
        chosen.sort(key=lambda k: k not in SQL_KINDS)
        kind = "combo"
    else:
        chosen = [rng.choice(sorted(kinds))]
        kind = chosen[0]
    return kind, " + ".join(kinds[k](rng, d, schema) for k in chosen)


# ---------------------------------------------------------------------------------------------
# Commands and checks

COMMANDS = [
    "review", "review --format json", "review --week last", "review --format html",
    "review --week this --trend 12 --format markdown", "goal list", "goal list --all",
    "goal list --week last", "goal list --week=-3", "urge-log list", "urge-log list --week last",
    "cbc list", "cbc show 1", "cbc show 2 --format json", "export", "export goals",
    "export completions", "export checkins", "export urges", "export cbc", "export weeks",
    "export weeks --format json", "export urges --format json --since 2026-11-01",
    "export -o {out}", "config list", "config get week-start", "config get name",
    "__complete goals", "__complete all-goals", "__complete cbc",
    # writes
    "goal add x", "goal add Walk --every-week --times 3 --area balance", "goal add y --week next",
    "goal done 2", "goal done 4 --date 2026-11-17 --note again", "goal drop 6", "goal reopen 4",
    "goal reopen 13", "goal edit 16 --times 1", "goal edit 6 --text Swim --area none",
    "checkin --rating 5", "checkin --rating 7 --note Busy --date 2026-11-12",
    "urge-log --intensity 4 --at '2026-11-19 08:00' --strategy delay --rode-out",
    "urge-log --intensity 9 --duration 5 --acted --at '2026-11-18 21:30' --trigger work",
    "cbc new Smoking", "cbc add 1 cu 'Costs money' --term long --weight 4", "cbc remove 1 2",
    "cbc rename 1 'Drinking at weekends'", "config set week-start tue", "config set name Al",
    "import {export_self}", "import {export_other}",
    "undo", "undo --list", "undo --clear",
    "goal show 2", "checkin list --all", "urge-log list --all", "urge-log show 2",
    "goal remove 5", "goal remove-completion 2", "checkin edit 1 --rating 3 --date 2026-11-11",
    "checkin remove 2", "urge-log edit 2 --intensity 6 --strategy delay --at '2026-11-09 10:00'",
    "urge-log remove 3", "cbc edit 1 1 --quadrant cn --term none --weight 2", "cbc delete 2",
    "values list", "values add Faith --position 2", "values move 1 2", "values remove 2",
    "balance show", "balance show --format html", "balance rate work=7", "balance areas --set a,b",
    "abc list", "abc show 1 --format json", "abc new --event Row", "abc edit 1 --effective Calm",
    "abc remove 1", "plan show 1", "plan goal 1 2", "plan edit 1 --step Walk", "plan remove 1",
    "export values", "export abc", "export plans", "export balance",
]


def digest(path):
    try:
        return hashlib.sha256(open(path, "rb").read()).hexdigest()[:16]
    except FileNotFoundError:
        return None


def snapshot(d):
    """Hashes of the database and its side files, and the names in the directory."""
    db = os.path.join(d, DB)
    return {"db": digest(db), "-wal": digest(db + "-wal"), "-journal": digest(db + "-journal"),
            "names": set(os.listdir(d))}


EMPTY = hashlib.sha256(b"").hexdigest()[:16]


def changed(before, after, key):
    a, b = before[key], after[key]
    if key == "-wal":  # no -wal and an empty one are the same to SQLite
        a, b = a or EMPTY, b or EMPTY
    return a != b


def integrity_fails(src, scratch):
    """PRAGMA integrity_check on a copy; any error counts as a failure."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(src, scratch)
    try:
        con = sqlite3.connect(os.path.join(scratch, DB), isolation_level=None)
        con.text_factory = bytes
        try:
            return con.execute("PRAGMA integrity_check").fetchall() != [(b"ok",)]
        finally:
            con.close()
    except Exception:
        return True
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def content(src, scratch):
    """A hash of the logical content (SQL dump) of a copy, or why it could not be read."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(src, scratch)
    try:
        con = sqlite3.connect(os.path.join(scratch, DB))
        con.text_factory = lambda b: b.decode("utf-8", "surrogateescape")
        try:
            h = hashlib.sha256()
            for line in con.iterdump():
                h.update(line.encode("utf-8", "surrogatepass"))
            return h.hexdigest()[:16]
        finally:
            con.close()
    except Exception as e:
        return f"unreadable ({e})"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def compare_content(before_dir, after_dir, scratch):
    before, after = content(before_dir, scratch), content(after_dir, scratch)
    if before.startswith("unreadable") or after.startswith("unreadable"):
        return "unreadable by sqlite3"
    return "same as before" if before == after else "different"


def check(status, err, before, after, corrupt):
    """The invariants; returns a list of (invariant, what) for those broken."""
    broken = []
    text = err.decode("utf-8", "replace")
    if status == "timeout":
        broken.append(("a:hang", f"no exit within {TIMEOUT} s"))
    elif status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        broken.append(("a:crash", f"killed by {name}"))
    elif status not in (0, 1, 2):
        broken.append(("a:crash", f"exit status {status}"))
    for marker in ("terminate called", "Sanitizer", "runtime error:", "Assertion"):
        if marker in text:
            broken.append(("a:crash", f"stderr says {marker!r}"))
    failed = status != 0
    if failed and text:
        lines = text.rstrip("\n").split("\n")
        errors = [line for line in lines if line.startswith(ERROR_PREFIX)]
        if not errors:
            broken.append(("b:stderr", f"no {ERROR_PREFIX.strip()!r} line (exit {status})"))
        elif len(errors) > 1 or not lines[-1].startswith(ERROR_PREFIX):
            broken.append(("b:stderr", f"the error is not one last line (exit {status})"))
        elif any(not line.startswith("smartgoals: ") for line in lines):
            broken.append(("b:stderr", f"a line without 'smartgoals: ' (exit {status})"))
    touched = [k for k in ("db", "-wal", "-journal") if changed(before, after, k)]
    new = sorted(after["names"] - before["names"])
    wal = os.path.join(after["dir"], DB + "-wal")
    new = [n for n in new if not n.endswith("-shm")
           and not (n.endswith("-wal") and os.path.getsize(wal) == 0)]
    gone = sorted(before["names"] - after["names"] - {DB + "-shm", DB + "-wal"})
    if failed and (touched or new or gone):
        what = ", ".join([f"{k} changed" for k in touched] + [f"new {n}" for n in new] +
                         [f"{n} removed" for n in gone])
        broken.append(("c:failed-but-changed", what))
    if corrupt and any(k in touched for k in ("db", "-wal")):
        broken.append(("d:wrote-corrupt-file",
                       ", ".join(f"{k} changed" for k in touched) + f" (exit {status})"))
    return broken


# ---------------------------------------------------------------------------------------------
# The loop


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--binary", required=True)
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", help="where findings are kept (default: a new temporary directory)")
    p.add_argument("--per-input", type=int, default=4, help="commands run on each damaged input")
    a = p.parse_args()
    start = time.monotonic()
    deadline = start + a.seconds
    runner = Runner(os.path.abspath(a.binary))
    rng = random.Random(a.seed)
    work = os.path.abspath(a.work) if a.work else tempfile.mkdtemp(prefix="smartgoals-damage-")
    os.makedirs(work, exist_ok=True)
    if os.listdir(work):
        sys.exit(f"damage_fuzz.py: {work} is not empty")
    bases, paths = build_base(runner, work)
    schema = describe_schema(os.path.join(bases[0], DB))
    base_kb = os.path.getsize(os.path.join(bases[0], DB)) // 1024
    print(f"base database: {base_kb} KiB; {'with' if len(bases) > 1 else 'no'} -wal variant; "
          f"work directory {work}", flush=True)

    inputs_dir, run_dir = os.path.join(work, "input"), os.path.join(work, "run")
    check_dir, out_dir = os.path.join(work, "check"), os.path.join(work, "out")
    os.makedirs(out_dir)
    exits, kinds, invariants, findings = {}, {}, {}, []
    runs = inputs = corrupt_inputs = 0
    while time.monotonic() < deadline:
        inputs += 1
        base = rng.choice(bases)
        shutil.rmtree(inputs_dir, ignore_errors=True)
        shutil.copytree(base, inputs_dir)
        kind, description = damage(rng, inputs_dir, schema, base != bases[0])
        corrupt = integrity_fails(inputs_dir, check_dir)
        corrupt_inputs += corrupt
        for template in rng.sample(COMMANDS, min(a.per_input, len(COMMANDS))):
            if time.monotonic() >= deadline:
                break
            out = os.path.join(out_dir, "export.json")
            command = template.format(out=out, **paths)
            args = shlex.split(command)
            db = os.path.join(run_dir, DB)
            state = {}

            def fresh_copy():
                shutil.rmtree(run_dir, ignore_errors=True)
                shutil.copytree(inputs_dir, run_dir)
                if os.path.exists(out):
                    os.remove(out)
                state["before"] = snapshot(run_dir)

            status, _, err = runner.run(db, args, before_each=fresh_copy)
            runs += 1
            after = dict(snapshot(run_dir), dir=run_dir)
            exits[status] = exits.get(status, 0) + 1
            kinds[kind] = kinds.get(kind, 0) + 1
            for invariant, what in check(status, err, state["before"], after, corrupt):
                invariants[invariant] = invariants.get(invariant, 0) + 1
                finding = {"n": len(findings) + 1, "invariant": invariant, "what": what,
                           "seed": a.seed, "input": inputs, "damage": description,
                           "kind": kind, "command": command, "exit": status,
                           "integrity": "fails" if corrupt else "ok",
                           "stderr": err.decode("utf-8", "replace")[-300:]}
                if invariant[0] in "cd" and after["db"] != state["before"]["db"]:
                    finding["content"] = compare_content(inputs_dir, run_dir, check_dir)
                if len(findings) < KEEP_FINDINGS:
                    finding["saved"] = save(work, finding, inputs_dir, runner, args)
                findings.append(finding)

    shutil.rmtree(inputs_dir, ignore_errors=True)
    shutil.rmtree(run_dir, ignore_errors=True)
    with open(os.path.join(work, "findings.json"), "w") as f:
        json.dump(findings, f, indent=1)
    if len(runner.versions) > 1:
        print(f"note: the binary was rebuilt during the run ({len(runner.versions)} versions ran; "
              f"{runner.rebuilds} run(s) repeated); findings may come from an older build")
    summary(a, time.monotonic() - start, runs, inputs, corrupt_inputs, exits, kinds, invariants,
            findings, work)
    return 1 if findings else 0


def save(work, finding, inputs_dir, runner, args):
    where = os.path.join(work, "findings", f"{finding['n']:04d}")
    shutil.copytree(inputs_dir, where)
    with open(os.path.join(where, "finding.json"), "w") as f:
        json.dump(finding, f, indent=1)
    command = shlex.join(runner.argv('"$t/smartgoals.db"', args)).replace(
        "'\"$t/smartgoals.db\"'", '"$t/smartgoals.db"')
    with open(os.path.join(where, "repro.sh"), "w") as f:
        f.write("#!/bin/sh\n# Runs the command on a scratch copy of the damaged files here.\n"
                'here=$(cd "$(dirname "$0")" && pwd); t=$(mktemp -d)\n'
                'cp "$here"/smartgoals.db* "$t"/\n'
                f"SMARTGOALS_TODAY={TODAY} {command}\n"
                'echo "exit $?; files left in $t:"; ls -l "$t"\n')
    os.chmod(os.path.join(where, "repro.sh"), 0o755)
    return where


def summary(a, elapsed, runs, inputs, corrupt_inputs, exits, kinds, invariants, findings, work):
    print(f"\nseed {a.seed}: {runs} runs on {inputs} damaged inputs in {elapsed:.0f} s "
          f"({corrupt_inputs} inputs failed integrity_check)")
    print("exit status: " + ", ".join(f"{k}: {v}" for k, v in
                                      sorted(exits.items(), key=lambda kv: str(kv[0]))))
    print("damage:      " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))
    print(f"findings:    {len(findings)}" +
          "".join(f", {k}: {v}" for k, v in sorted(invariants.items())))
    groups = {}
    for f in findings:
        what = f["what"].split(" (exit")[0]
        if f.get("content"):
            what += f"; content {f['content']}"
        groups.setdefault((f["invariant"], what), []).append(f)
    if groups:
        print("\ndistinct findings: count, damage kinds, commands, first")
        for (invariant, what), fs in sorted(groups.items()):
            kinds = sorted({f["kind"] for f in fs})
            commands = {" ".join(f["command"].split()[:2]) for f in fs}
            print(f"  {invariant} {what}: {len(fs)}; {', '.join(kinds)}; "
                  f"{len(commands)} command(s); #{fs[0]['n']}")
        print("\nfirst findings:")
    for f in findings[:20]:
        print(f"#{f['n']} {f['invariant']}: {f['what']}\n"
              f"    damage: {f['damage'][:200]}\n"
              f"    integrity_check: {f['integrity']}; command: {f['command']}; exit {f['exit']}"
              + (f"; content {f['content']}" if "content" in f else ""))
        if f["stderr"].strip():
            print(f"    stderr: {f['stderr'].strip()[-200:]!r}")
        if "saved" in f:
            print(f"    repro: sh {f['saved']}/repro.sh")
    print(f"\nall findings: {os.path.join(work, 'findings.json')}")


if __name__ == "__main__":
    sys.exit(main())
