"""The CPython interpreters heapsim's profiles are measured against.

Each profile X.Y prefers one exact version; any other installed X.Y.* is
accepted in its place (the newest). Interpreters are found through pyenv:
$PYENV_ROOT, else `pyenv root`, else ~/.pyenv. Shared by
tests/golden/capture_golden.py and tests/scenarios/capture.py. Valid
Python 3.8.
"""
import os
import subprocess

# profile -> preferred exact version
PROFILES = [
    ("3.8", "3.8.18"),
    ("3.9", "3.9.18"),
    ("3.10", "3.10.13"),
    ("3.11", "3.11.7"),
    ("3.12", "3.12.1"),
    ("3.13", "3.13.0"),
]


def pyenv_root():
    r = os.environ.get("PYENV_ROOT")
    if r and os.path.isdir(r):
        return r
    try:
        r = subprocess.run(["pyenv", "root"], stdout=subprocess.PIPE, universal_newlines=True).stdout.strip()
        if r and os.path.isdir(r):
            return r
    except OSError:
        pass
    return os.path.expanduser("~/.pyenv")


def find_interpreter(profile, exact):
    """The python binary for `profile`: version `exact` if installed, else
    the newest installed X.Y.*, else None."""
    base = os.path.join(pyenv_root(), "versions")
    cand = os.path.join(base, exact, "bin", "python")
    if os.path.exists(cand):
        return cand
    best = None
    if os.path.isdir(base):
        for v in os.listdir(base):
            parts = v.split(".")
            if len(parts) == 3 and ".".join(parts[:2]) == profile and parts[2].isdigit():
                if best is None or int(parts[2]) > int(best.split(".")[2]):
                    best = v
    return os.path.join(base, best, "bin", "python") if best else None
