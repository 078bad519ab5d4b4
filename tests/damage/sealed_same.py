#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every command works the same with encryption on (SPEC §3.1).

    python3 tests/damage/sealed_same.py BINARY

Builds the damage fuzzer's base database, encrypts a copy, and runs each of the fuzzer's
commands (reads, writes, imports, undo) on a fresh copy of each: the exit status, standard
output and error and the data afterwards (the whole export) must be the same, but for the
path, the clock's time of day and new records' UUIDs. Nothing the member wrote may be readable
in any file beside the encrypted copy. Exits 1 with the differences, else 0.
"""
import os, re, shlex, shutil, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import damage_fuzz as df  # noqa: E402

PASSPHRASE = b"the same passphrase\n"
UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIME = re.compile(rb"\d\d:\d\d(:\d\d)?")


def main():
    runner = df.Runner(os.path.abspath(sys.argv[1]))
    work = tempfile.mkdtemp(prefix="smartgoals-sealed-")
    try:
        bases, paths = df.build_base(runner, work)
        sealed_base = os.path.join(work, "sealed-base")
        shutil.copytree(bases[0], sealed_base)
        run(runner, os.path.join(sealed_base, df.DB), ["encrypt"])
        problems = []
        # One command in N when SMARTGOALS_TEST_SAMPLE=N (the sanitizer stage of scripts/test.sh).
        every = max(1, int(os.environ.get("SMARTGOALS_TEST_SAMPLE", "1") or "1"))
        commands = df.COMMANDS[::every]
        for template in commands:
            results = {}
            for kind, base in (("plain", bases[0]), ("sealed", sealed_base)):
                run_dir = os.path.join(work, "run-" + kind)
                shutil.rmtree(run_dir, ignore_errors=True)
                shutil.copytree(base, run_dir)
                out = os.path.join(work, "out-" + kind + ".json")
                if os.path.exists(out):
                    os.remove(out)
                db = os.path.join(run_dir, df.DB)
                args = shlex.split(template.format(out=out, **paths))
                status, stdout, stderr = run(runner, db, args)
                _, data, _ = run(runner, db, ["export"])
                written = open(out, "rb").read() if os.path.exists(out) else b""
                results[kind] = [status] + [normal(x, run_dir, out) for x in
                                            (stdout, stderr, data, written)]
                if kind == "sealed":
                    for word in df.WORDS:
                        for name in os.listdir(run_dir):
                            if word.encode() in open(os.path.join(run_dir, name), "rb").read():
                                problems.append(f"{template}: '{word}' readable in {name}")
            for part, a, b in zip(("exit status", "stdout", "stderr", "data", "-o file"),
                                  results["plain"], results["sealed"]):
                if a != b:
                    problems.append(f"{template}: {part} differs:\n  plain:  {a!r:.300}\n"
                                    f"  sealed: {b!r:.300}")
        run(runner, os.path.join(work, "run-sealed", df.DB), ["lock"])
        print(f"{len(commands)} commands, plain and encrypted: "
              f"{'the same' if not problems else f'{len(problems)} differences'}")
        for p in problems:
            print(p)
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


def run(runner, db, args):
    # The passphrase is given every time; the key kept from the first makes the rest fast.
    p = subprocess.run(runner.argv(db, ["--passphrase-fd", "0", *args]), input=PASSPHRASE,
                       env=runner.env, capture_output=True, timeout=60, cwd=os.path.dirname(db))
    return p.returncode, p.stdout, p.stderr


def normal(text, run_dir, out):
    text = text.replace(run_dir.encode(), b"DIR").replace(out.encode(), b"OUT")
    text = re.sub(rb"run-(plain|sealed)|out-(plain|sealed)", b"X", text)
    return TIME.sub(b"TIME", UUID.sub(b"UUID", text))


if __name__ == "__main__":
    sys.exit(main())
