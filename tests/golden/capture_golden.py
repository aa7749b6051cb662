#!/usr/bin/env python3
"""Capture golden tables of CPython memory facts for heapsim's engine unit tests.

Modes
  capture_golden.py --all [--only T1,T2]
      find the six pyenv interpreters (3.8, 3.9, 3.10, 3.11, 3.12, 3.13) and
      regenerate tests/golden/data/<X.Y>/*.tsv with each of them.
  capture_golden.py [--out DIR] [--only T1,T2]
      capture every table with the interpreter running this script
      (default DIR: tests/golden/data/<X.Y of this interpreter>).
  capture_golden.py --table NAME
      print one table as TSV on stdout (used internally: every table is
      captured in a fresh child process, so tables cannot disturb each other).
  capture_golden.py --list
      list the table names.

Every child process runs with a minimal environment (PYTHONHASHSEED=0 and
nothing else), so the output does not depend on the caller's environment.
Tables whose rows are small programs (refcounts, gc_cycles, freelists,
id_reuse) run every row as its own `python -c PROGRAM` in a fresh interpreter;
the program text is written in the row.

File format (see README.md): line 1 is '#' followed by the tab-separated column
names; further lines starting with '#' are comments describing the table; every
other line is one row.  A cell '-' means "not applicable".  In program-text
cells a newline is written as the two characters '\\n' (backslash, n) and a
backslash as '\\\\'.

This file must stay valid Python 3.8.
"""
import os
import subprocess
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")

TABLES = []


def table(name):
    def register(fn):
        TABLES.append((name, fn))
        return fn

    return register


def child_env():
    env = {"PYTHONHASHSEED": "0"}
    return env


_NO_ASLR = None


def no_aslr():
    """Command prefix that turns address-space randomisation off (setarch -R), or [].

    Where pymalloc's arenas fall decides how many pools an arena holds (3.10+ aligns
    pools to 16 KiB inside an mmap'd arena), and so some id-reuse counts and even
    getrefcount(None) in 3.11 change from run to run under ASLR. With it off they are
    reproducible."""
    global _NO_ASLR
    if _NO_ASLR is None:
        _NO_ASLR = []
        machine = os.uname()[4]
        for d in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep) + ["/usr/bin", "/bin"]:
            cand = os.path.join(d, "setarch")
            if os.path.exists(cand):
                try:
                    ok = subprocess.run([cand, machine, "-R", "true"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL).returncode == 0
                except OSError:
                    ok = False
                if ok:
                    _NO_ASLR = [cand, machine, "-R"]
                break
        if not _NO_ASLR:
            sys.stderr.write("warning: setarch -R unavailable; program rows may vary between runs\n")
    return _NO_ASLR


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, str):
        return v.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
    return str(v)


class Table:
    def __init__(self, columns, comments=(), rows=None):
        self.columns = list(columns)
        self.comments = list(comments)
        self.rows = rows if rows is not None else []

    def add(self, *cells):
        if len(cells) != len(self.columns):
            raise ValueError("row %r does not match columns %r" % (cells, self.columns))
        self.rows.append(cells)

    def render(self):
        out = ["#" + "\t".join(self.columns)]
        for c in self.comments:
            out.append("# " + c if c else "#")
        for r in self.rows:
            out.append("\t".join(fmt(v) for v in r))
        return "\n".join(out) + "\n"


def run_program(code):
    """Run CODE with `python -c` in a fresh interpreter; return its stdout stripped."""
    p = subprocess.run(
        no_aslr() + [sys.executable, "-c", code],
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        universal_newlines=True,
        cwd="/",
    )
    if p.returncode != 0:
        raise RuntimeError("program failed (rc=%d): %s\n%s" % (p.returncode, p.stderr.strip(), code))
    return p.stdout.strip()


def program_rows(t, items):
    """items: (name, code).  Each row: name, value printed by code, code."""
    failed = 0
    for name, code in items:
        try:
            value = run_program(code)
        except Exception as e:  # report, keep the other rows
            sys.stderr.write("row %s failed: %s\n" % (name, e))
            failed += 1
            continue
        t.add(name, value, code)
    if failed:
        sys.stderr.write("%d row(s) dropped\n" % failed)


# ---------------------------------------------------------------- sizes


@table("int_sizes")
def int_sizes():
    t = Table(
        ["value", "getsizeof"],
        [
            "sys.getsizeof of an int with this decimal value (computed at run time, e.g. 2**k - 1);",
            "the rows True/False are the bool singletons.",
        ],
    )
    vals = [0, 1, -1, 255, 256, 257, -5, -6]
    for k in (29, 30, 31, 59, 60, 61, 89, 90, 91, 119, 120, 121):
        vals += [2 ** k - 1, 2 ** k, -(2 ** k - 1), -(2 ** k)]
    for k in range(0, 101, 7):
        vals += [10 ** k, -(10 ** k)]
    seen = set()
    for v in vals:
        if v in seen:
            continue
        seen.add(v)
        t.add(v, sys.getsizeof(v))
    t.add("True", sys.getsizeof(True))
    t.add("False", sys.getsizeof(False))
    return t


@table("float_complex_sizes")
def float_complex_sizes():
    t = Table(
        ["kind", "real", "imag", "getsizeof"],
        [
            "float(real) or complex(float(real), float(imag)); real/imag are Python float reprs",
            "(inf, nan included); imag is '-' for floats.",
        ],
    )
    for r in ("0.0", "-0.0", "1.5", "1e+300", "5e-324", "inf", "nan"):
        t.add("float", r, None, sys.getsizeof(float(r)))
    for r, i in (("0.0", "0.0"), ("0.0", "1.0"), ("3.0", "4.0"), ("1.5", "-2.0"), ("inf", "nan")):
        t.add("complex", r, i, sys.getsizeof(complex(float(r), float(i))))
    return t


def make_str(cps):
    return "".join([chr(c) for c in cps])


@table("str_sizes")
def str_sizes():
    t = Table(
        ["codepoints", "getsizeof", "note"],
        [
            "codepoints: the string's code points as space-separated lowercase hex ('-' = empty string).",
            "The string is built at run time as ''.join([chr(c) for c in codepoints]): a compact str",
            "of the narrowest kind that holds its widest code point, with no cached UTF-8 copy.",
            "note = kind (ascii, latin1, ucs2, ucs4), plus ',singleton' when building the same string",
            "twice gives the same object (the empty string and 1-char strings below U+0100 are the",
            "interpreter's cached singletons; in 3.12+ the latin-1 ones carry a UTF-8 copy that getsizeof counts).",
        ],
    )
    rows = [[]]
    alpha = list(range(0x61, 0x61 + 26))
    for n in list(range(1, 71)) + [100, 1000]:
        rows.append([alpha[i % 26] for i in range(n)])
    for c in (0xE9, 0xFF, 0x80):
        for n in range(1, 21):
            rows.append([c] * n)
    for n in range(1, 21):  # latin-1 mixed with ASCII
        rows.append([0x61] * n + [0xE9])
        rows.append([0xE9] + [0x61] * n)
    for c in (0x100, 0x101, 0x3A9, 0x20AC, 0x65E5, 0xFFFF):
        for n in range(1, 21):
            rows.append([c] * n)
    for c in (0x10000, 0x1F600, 0x10FFFF):
        for n in range(1, 21):
            rows.append([c] * n)
    # one wide character widens the whole string
    for wide in (0xE9, 0x20AC, 0x1F600):
        for n in (1, 5, 10, 30):
            rows.append([0x61] * n + [wide])
            rows.append([wide] + [0x61] * n)
    rows.append([0x61, 0xE9, 0x20AC, 0x1F600])
    rows.append([0xE9, 0x20AC])
    rows.append([0x20AC, 0x1F600])
    rows.append([0xE9] * 10 + [0x1F600])
    for cps in rows:
        s = make_str(cps)
        m = max(cps) if cps else 0
        kind = "ascii" if m < 0x80 else "latin1" if m < 0x100 else "ucs2" if m < 0x10000 else "ucs4"
        note = kind + (",singleton" if make_str(cps) is s else "")
        code = " ".join("%x" % c for c in cps) if cps else "-"
        t.add(code, sys.getsizeof(s), note)
    return t


@table("bytes_sizes")
def bytes_sizes():
    t = Table(["length", "getsizeof"], ["bytes(length) (zero bytes; b'' and 1-byte bytes are singletons)."])
    for n in list(range(0, 41)) + [100, 1000]:
        t.add(n, sys.getsizeof(bytes(n)))
    return t


@table("bytearray_growth")
def bytearray_growth():
    t = Table(
        ["appends", "getsizeof"],
        ["b = bytearray(); then b.append(120) repeated; getsizeof(b) after each append (row 0: before any)."],
    )
    b = bytearray()
    t.add(0, sys.getsizeof(b))
    for n in range(1, 201):
        b.append(120)
        t.add(n, sys.getsizeof(b))
    return t


@table("bytearray_fresh")
def bytearray_fresh():
    t = Table(
        ["length", "from_bytes", "from_int"],
        ["from_bytes: getsizeof(bytearray(b'x' * length)); from_int: getsizeof(bytearray(length))."],
    )
    for k in range(0, 41):
        t.add(k, sys.getsizeof(bytearray(b"x" * k)), sys.getsizeof(bytearray(k)))
    return t


@table("bytearray_extend")
def bytearray_extend():
    t = Table(
        ["extends", "length", "getsizeof"],
        ["b = bytearray(); then b.extend(b'x' * 10) repeated 20 times; row after each (row 0: before any)."],
    )
    b = bytearray()
    t.add(0, 0, sys.getsizeof(b))
    for n in range(1, 21):
        b.extend(b"x" * 10)
        t.add(n, len(b), sys.getsizeof(b))
    return t


@table("list_append_growth")
def list_append_growth():
    t = Table(["n", "getsizeof"], ["l = []; l.append(None) n times; getsizeof(l) after the n-th append."])
    l = []
    t.add(0, sys.getsizeof(l))
    for n in range(1, 2001):
        l.append(None)
        t.add(n, sys.getsizeof(l))
    return t


@table("list_prealloc")
def list_prealloc():
    t = Table(
        [
            "n",
            "list_range",
            "list_tuple",
            "mul_none",
            "listcomp",
            "extend_list",
            "extend_tuple",
            "display_names",
            "display_consts",
        ],
        [
            "getsizeof of a list of n items built in different ways:",
            "list_range: list(range(n)); list_tuple: list(tuple(range(n))); mul_none: [None] * n;",
            "listcomp: [None for _ in range(n)]; extend_list: l = []; l.extend(list(range(n)));",
            "extend_tuple: l = []; l.extend(tuple(range(n)));",
            "display_names: eval('[a, a, ..., a]') with n names and a bound to an object (n=0: '[]');",
            "display_consts: eval('[1, 2, ..., n]') (int constants 1..n, n=0: '[]'), compiled by eval",
            "as an expression at module level: in 3.9+ a display of 3+ constants compiles to",
            "BUILD_LIST 0 / LOAD_CONST tuple / LIST_EXTEND.",
        ],
    )
    a = object()
    for n in range(0, 41):
        e1 = []
        e1.extend(list(range(n)))
        e2 = []
        e2.extend(tuple(range(n)))
        names = eval("[" + ", ".join(["a"] * n) + "]", {"a": a})
        consts = eval("[" + ", ".join(str(i + 1) for i in range(n)) + "]")
        t.add(
            n,
            sys.getsizeof(list(range(n))),
            sys.getsizeof(list(tuple(range(n)))),
            sys.getsizeof([None] * n),
            sys.getsizeof([None for _ in range(n)]),
            sys.getsizeof(e1),
            sys.getsizeof(e2),
            sys.getsizeof(names),
            sys.getsizeof(consts),
        )
    return t


@table("list_shrink")
def list_shrink():
    t = Table(
        ["series", "start_n", "op", "arg", "len", "getsizeof"],
        [
            "Each series starts from l = list(range(start_n)) (row op=start) and applies the ops of its rows",
            "in order to the same list; len and getsizeof are measured after each op.",
            "ops: pop = l.pop(); pop0 = l.pop(0); del = del l[arg] where arg is a Python slice 'a:b' or",
            "'a:b:c' (empty parts allowed); delitem = del l[arg] with an int index;",
            "remove = l.remove(arg); clear = l.clear().",
        ],
    )
    series = []
    for n in (10, 25, 100, 1000):
        series.append((n, [("pop", None)] * n))
    series.append((30, [("pop0", None)] * 30))
    series.append((100, [("del", "10:20"), ("del", "0:30"), ("del", "5:50"), ("del", "0:5"), ("del", ":")]))
    series.append((1000, [("del", "500:"), ("del", "100:"), ("del", "10:"), ("del", "1:"), ("del", "0:1")]))
    series.append((100, [("del", "::2"), ("del", "::2"), ("del", "1::2"), ("del", "::3")]))
    series.append((50, [("remove", i) for i in range(50)]))
    series.append((100, [("pop", None)] * 10 + [("clear", None)]))
    series.append((17, [("del", "0:1")] * 17))
    series.append((30, [("delitem", 0)] * 30))
    series.append((30, [("delitem", -1)] * 30))
    for sid, (n, ops) in enumerate(series, 1):
        l = list(range(n))
        t.add(sid, n, "start", None, len(l), sys.getsizeof(l))
        for op, arg in ops:
            if op == "pop":
                l.pop()
            elif op == "pop0":
                l.pop(0)
            elif op == "remove":
                l.remove(arg)
            elif op == "delitem":
                del l[arg]
            elif op == "clear":
                l.clear()
            elif op == "del":
                parts = [int(p) if p else None for p in arg.split(":")]
                del l[slice(*parts)]
            t.add(sid, n, op, arg, len(l), sys.getsizeof(l))
    return t


@table("tuple_sizes")
def tuple_sizes():
    t = Table(["n", "getsizeof"], ["getsizeof(tuple(range(n)))."])
    for n in range(0, 41):
        t.add(n, sys.getsizeof(tuple(range(n))))
    return t


def dict_growth(key):
    d = {}
    rows = [(0, sys.getsizeof(d))]
    for i in range(700):
        d[key(i)] = None
        rows.append((i + 1, sys.getsizeof(d)))
    return rows


@table("dict_growth_int")
def dict_growth_int():
    t = Table(["n", "getsizeof"], ["d = {}; d[i] = None for i in 0..n-1 (int keys); getsizeof(d) after n insertions."])
    for r in dict_growth(lambda i: i):
        t.add(*r)
    return t


@table("dict_growth_str")
def dict_growth_str():
    t = Table(
        ["n", "getsizeof"],
        ["d = {}; d['k%d' % i] = None for i in 0..n-1 (fresh, non-interned str keys 'k0','k1',...)."],
    )
    for r in dict_growth(lambda i: "k%d" % i):
        t.add(*r)
    return t


@table("dict_delete")
def dict_delete():
    t = Table(
        ["series", "key_kind", "op", "start", "stop", "len", "getsizeof"],
        [
            "Each series starts from d = {} and applies its rows' ops in order to the same dict;",
            "len and getsizeof are measured after each op. Keys: key_kind int -> i, str -> 'k%d' % i",
            "(built at run time). Values are None.",
            "ops: insert start stop = d[key(i)] = None for i in range(start, stop);",
            "delete start stop = del d[key(i)] for i in range(start, stop);",
            "popitem start stop = d.popitem() (stop - start) times; clear = d.clear().",
            "series 1/2 (int/str): insert 100, delete all but 10, then insert 200 new keys one by one",
            "(the table is reused until usable slots run out, then resized to fit 3*used);",
            "series 3: 8 in, 8 out, 8 new one by one; series 4: 1000 in, 999 out, 10 new, clear, 6 new;",
            "series 5: 21 in, popitem 21 times one by one, 11 new one by one.",
        ],
    )
    series = []
    for kind in ("int", "str"):
        ops = [("insert", 0, 100), ("delete", 0, 90)]
        ops += [("insert", i, i + 1) for i in range(100, 300)]
        series.append((kind, ops))
    series.append(("int", [("insert", 0, 8), ("delete", 0, 8)] + [("insert", i, i + 1) for i in range(8, 16)]))
    ops = [("insert", 0, 1000), ("delete", 0, 999)] + [("insert", i, i + 1) for i in range(1000, 1010)]
    ops += [("clear", 0, 0)] + [("insert", i, i + 1) for i in range(6)]
    series.append(("int", ops))
    ops = [("insert", 0, 21)] + [("popitem", 0, 1)] * 21 + [("insert", i, i + 1) for i in range(100, 111)]
    series.append(("str", ops))
    for sid, (kind, ops) in enumerate(series, 1):
        key = (lambda i: i) if kind == "int" else (lambda i: "k%d" % i)
        d = {}
        for op, a, b in ops:
            if op == "insert":
                for i in range(a, b):
                    d[key(i)] = None
            elif op == "delete":
                for i in range(a, b):
                    del d[key(i)]
            elif op == "popitem":
                for _ in range(b - a):
                    d.popitem()
            elif op == "clear":
                d.clear()
            t.add(sid, kind, op, a, b, len(d), sys.getsizeof(d))
    return t


@table("dict_presized")
def dict_presized():
    t = Table(
        ["form", "n", "getsizeof"],
        [
            "dict_call: dict(); empty_display: {};",
            "display_str: eval(\"{'k0': 0, 'k1': 1, ...}\") with n items (n=0: '{}');",
            "display_int: eval('{0: 0, 1: 1, ...}') with n items;",
            "zip_str / zip_int: dict(zip(keys, range(n))) with keys a list of 'k%d' % i / i for i in range(n);",
            "copy_str / copy_int: d built by d[key] = None for n keys (as in dict_growth_*), then d.copy();",
            "dictcall_int: dict(d) of that int-keyed d;",
            "copy_sparse_int: insert int keys 0..n-1, delete keys 0..n//2-1 (the first half), then d.copy().",
        ],
    )
    t.add("dict_call", 0, sys.getsizeof(dict()))
    t.add("empty_display", 0, sys.getsizeof({}))
    for n in range(0, 13):
        src = "{" + ", ".join("'k%d': %d" % (i, i) for i in range(n)) + "}"
        t.add("display_str", n, sys.getsizeof(eval(src)))
    for n in range(0, 13):
        src = "{" + ", ".join("%d: %d" % (i, i) for i in range(n)) + "}"
        t.add("display_int", n, sys.getsizeof(eval(src)))
    for n in range(0, 13):
        t.add("zip_str", n, sys.getsizeof(dict(zip(["k%d" % i for i in range(n)], range(n)))))
    for n in range(0, 13):
        t.add("zip_int", n, sys.getsizeof(dict(zip([i for i in range(n)], range(n)))))
    sizes = list(range(0, 13)) + [20, 50, 100]
    for kind in ("str", "int"):
        for n in sizes:
            d = {}
            for i in range(n):
                d[("k%d" % i) if kind == "str" else i] = None
            t.add("copy_" + kind, n, sys.getsizeof(d.copy()))
    for n in sizes:
        d = {}
        for i in range(n):
            d[i] = None
        t.add("dictcall_int", n, sys.getsizeof(dict(d)))
    for n in sizes:
        d = {}
        for i in range(n):
            d[i] = None
        for i in range(n // 2):
            del d[i]
        t.add("copy_sparse_int", n, sys.getsizeof(d.copy()))
    return t


@table("set_growth")
def set_growth():
    t = Table(["n", "getsizeof"], ["s = set(); s.add(i) for i in 0..n-1; getsizeof(s) after n adds."])
    s = set()
    t.add(0, sys.getsizeof(s))
    for i in range(3000):
        s.add(i)
        t.add(i + 1, sys.getsizeof(s))
    return t


@table("set_presized")
def set_presized():
    t = Table(
        ["n", "set_range", "frozenset_range", "set_list", "set_copy", "display_consts"],
        [
            "set_range: set(range(n)); frozenset_range: frozenset(range(n)); set_list: set(list(range(n)));",
            "set_copy: s.copy() where s was grown by s.add(i) for i in range(n);",
            "display_consts: eval('{1, 2, ..., n}') (int constants 1..n; '-' for n=0, which has no",
            "set display); in 3.9+ a display of 3+ constants compiles to BUILD_SET 0 / LOAD_CONST",
            "frozenset / SET_UPDATE.",
        ],
    )
    for n in range(0, 101):
        s = set()
        for i in range(n):
            s.add(i)
        disp = None
        if n:
            disp = sys.getsizeof(eval("{" + ", ".join(str(i + 1) for i in range(n)) + "}"))
        t.add(
            n,
            sys.getsizeof(set(range(n))),
            sys.getsizeof(frozenset(range(n))),
            sys.getsizeof(set(list(range(n)))),
            sys.getsizeof(s.copy()),
            disp,
        )
    return t


@table("instance_sizes")
def instance_sizes():
    t = Table(
        [
            "k",
            "inst_1",
            "inst_2",
            "inst_40",
            "dict_1",
            "dict_2",
            "dict_40",
            "inst_1_after_dict",
            "slots_inst",
        ],
        [
            "For each k a fresh class is made (exec of 'class C:' whose __init__(self) sets self.a0 = 0,",
            "self.a1 = 1, ... self.a<k-1> = k-1; k=0: __init__ body is pass). 40 instances are created in",
            "order and kept alive in a list. Then, in this order: inst_1/inst_2/inst_40 = getsizeof of the",
            "1st, 2nd, 40th instance; dict_1/dict_2/dict_40 = getsizeof(inst.__dict__) for the same",
            "instances (first access of __dict__); inst_1_after_dict = getsizeof of the 1st instance after",
            "that. slots_inst = getsizeof of an instance of a class with __slots__ = ('a0', ..., 'a<k-1>')",
            "whose __init__ sets them all the same way.",
        ],
    )
    for k in range(0, 11):
        body = "".join("        self.a%d = %d\n" % (i, i) for i in range(k)) or "        pass\n"
        ns = {}
        exec("class C:\n    def __init__(self):\n" + body, ns)
        slots = "    __slots__ = (%s)\n" % "".join("'a%d', " % i for i in range(k))
        exec("class S:\n" + slots + "    def __init__(self):\n" + body, ns)
        C = ns["C"]
        objs = [C() for _ in range(40)]
        i1, i2, i40 = (sys.getsizeof(objs[j]) for j in (0, 1, 39))
        d1, d2, d40 = (sys.getsizeof(objs[j].__dict__) for j in (0, 1, 39))
        after = sys.getsizeof(objs[0])
        t.add(k, i1, i2, i40, d1, d2, d40, after, sys.getsizeof(ns["S"]()))
    return t


# ---------------------------------------------------------------- programs

REF = "import sys\n"


@table("refcounts")
def refcounts():
    t = Table(
        ["scenario", "value", "program"],
        [
            "value = what the program prints; each program runs alone as `python -c PROGRAM` in a fresh",
            "interpreter (so literals also hold +1 from the parser's AST while it runs).",
            "sys.getrefcount counts its own argument. For None/True/small ints/() etc. the value is",
            "version-specific: ordinary counts in 3.8-3.10 (they depend on the whole interpreter),",
            "999,999,999-based in 3.11 for some, immortal 4294967295 in 3.12+.",
        ],
    )
    items = []
    P = items.append
    P(("fresh_list", REF + "x = []\nprint(sys.getrefcount(x))"))
    P(("fresh_list_literal_arg", REF + "print(sys.getrefcount([]))"))
    for k in (2, 3, 4):
        names = ["y%d" % i for i in range(1, k)]
        P(("alias_%d_names" % k, REF + "x = []\n" + "".join("%s = x\n" % n for n in names) + "print(sys.getrefcount(x))"))
    P(("chained_assign_3", REF + "x = y = z = []\nprint(sys.getrefcount(x))"))
    P(("alias_then_del", REF + "x = []\ny = x\nz = x\ndel y\nprint(sys.getrefcount(x))"))
    P(("rebind_alias", REF + "x = []\ny = x\ny = None\nprint(sys.getrefcount(x))"))
    P(("in_list_1", REF + "x = []\nc = [x]\nprint(sys.getrefcount(x))"))
    P(("in_list_3", REF + "x = []\nc = [x, x, x]\nprint(sys.getrefcount(x))"))
    P(("in_list_appended_2", REF + "x = []\nc = []\nc.append(x)\nc.append(x)\nprint(sys.getrefcount(x))"))
    P(("in_tuple_1", REF + "x = []\nc = (x,)\nprint(sys.getrefcount(x))"))
    P(("in_tuple_2", REF + "x = []\nc = (x, x)\nprint(sys.getrefcount(x))"))
    P(("dict_value", REF + "x = []\nc = {'k': x}\nprint(sys.getrefcount(x))"))
    P(("dict_value_2", REF + "x = []\nc = {'k': x, 'j': x}\nprint(sys.getrefcount(x))"))
    P(("dict_key", REF + "x = object()\nc = {x: 1}\nprint(sys.getrefcount(x))"))
    P(("dict_key_and_value", REF + "x = object()\nc = {x: x}\nprint(sys.getrefcount(x))"))
    P(("dict_key_overwritten", REF + "x = object()\nc = {}\nc[x] = 1\nc[x] = 2\nprint(sys.getrefcount(x))"))
    P(("set_member", REF + "x = object()\nc = {x}\nprint(sys.getrefcount(x))"))
    P(("set_add_twice", REF + "x = object()\nc = set()\nc.add(x)\nc.add(x)\nprint(sys.getrefcount(x))"))
    for n in (1, 2, 5, 10):
        P(("list_mul_%d" % n, REF + "x = []\nc = [x] * %d\nprint(sys.getrefcount(x))" % n))
    P(("nested_list_mul_3", REF + "x = []\nc = [[x]] * 3\nprint(sys.getrefcount(x))"))
    P(("container_deleted", REF + "x = []\nc = [x, x]\ndel c\nprint(sys.getrefcount(x))"))
    P(("instance_attr", REF + "class K:\n    pass\nx = []\nk = K()\nk.a = x\nk.b = x\nprint(sys.getrefcount(x))"))
    for n in (1, 2, 3):
        params = ", ".join("p%d" % i for i in range(n))
        args = ", ".join(["x"] * n)
        P(
            (
                "call_%d_args" % n,
                REF + "def f(%s):\n    return sys.getrefcount(p0)\nx = []\nprint(f(%s))" % (params, args),
            )
        )
    P(("call_keyword", REF + "def f(a):\n    return sys.getrefcount(a)\nx = []\nprint(f(a=x))"))
    P(("call_default_used", REF + "x = []\ndef f(a=x):\n    return sys.getrefcount(a)\nprint(f())"))
    P(("default_held", REF + "x = []\ndef f(a=x):\n    return a\nprint(sys.getrefcount(x))"))
    P(("call_star_args", REF + "def f(*args):\n    return sys.getrefcount(args[0])\nx = []\nprint(f(x))"))
    P(("call_star_unpack", REF + "def f(a):\n    return sys.getrefcount(a)\nx = []\nprint(f(*[x]))"))
    P(("call_kwargs", REF + "def f(**kw):\n    return sys.getrefcount(kw['a'])\nx = []\nprint(f(a=x))"))
    P(("lambda_call", REF + "g = lambda a: sys.getrefcount(a)\nx = []\nprint(g(x))"))
    P(
        (
            "method_call",
            REF + "class K:\n    def m(self, a):\n        return sys.getrefcount(a)\nx = []\nk = K()\nprint(k.m(x))",
        )
    )
    P(("method_self", REF + "class K:\n    def m(self):\n        return sys.getrefcount(self)\nk = K()\nprint(k.m())"))
    for d in (0, 1, 2, 3):
        P(
            (
                "recursion_depth_%d" % d,
                REF
                + "def r(a, d):\n    if d == 0:\n        return sys.getrefcount(a)\n    return r(a, d - 1)\n"
                + "x = []\nprint(r(x, %d))" % d,
            )
        )
    P(
        (
            "closure_cell",
            REF
            + "def outer(v):\n    def inner():\n        return sys.getrefcount(v)\n    return inner\n"
            + "x = []\ng = outer(x)\nprint(g(), sys.getrefcount(x))",
        )
    )
    P(("for_loop_var", REF + "x = []\nfor v in [x]:\n    r = sys.getrefcount(v)\nprint(r)"))
    P(("listcomp_var", REF + "x = []\nprint([sys.getrefcount(v) for v in [x]][0])"))
    P(("returned_from_call", REF + "def f():\n    return []\nx = f()\nprint(sys.getrefcount(x))"))
    P(("none", REF + "print(sys.getrefcount(None))"))
    P(("true", REF + "print(sys.getrefcount(True))"))
    P(("false", REF + "print(sys.getrefcount(False))"))
    P(("int_0", REF + "print(sys.getrefcount(0))"))
    P(("int_256", REF + "print(sys.getrefcount(256))"))
    P(("int_minus_5", REF + "print(sys.getrefcount(-5))"))
    for nm, expr in (("none", "None"), ("true", "True"), ("int_0", "0"), ("empty_tuple", "()"), ("str_a", "'a'")):
        P(
            (
                nm + "_delta_10_refs",
                REF + "x = %s\nr0 = sys.getrefcount(x)\nkeep = [x] * 10\nprint(sys.getrefcount(x) - r0)" % expr,
            )
        )
    P(("int_257_constant", REF + "print(sys.getrefcount(257))"))
    P(("int_257_constant_named", REF + "x = 257\nprint(sys.getrefcount(x))"))
    P(("int_257_constant_in_function", REF + "def f():\n    return sys.getrefcount(257)\nprint(f())"))
    P(("int_runtime_1000", REF + "x = int('1000')\nprint(sys.getrefcount(x))"))
    P(("int_runtime_small_cached", REF + "x = int('7')\ny = 3 + 4\nprint(x is y)"))
    P(("float_constant", REF + "print(sys.getrefcount(1.5))"))
    P(("empty_tuple", REF + "print(sys.getrefcount(()))"))
    P(("str_a", REF + "print(sys.getrefcount('a'))"))
    P(("str_empty", REF + "print(sys.getrefcount(''))"))
    P(("str_interned_hello_world", REF + "print(sys.getrefcount('hello_world'))"))
    P(("str_interned_named", REF + "x = 'hello_world'\nprint(sys.getrefcount(x))"))
    P(("str_not_interned_hello_space_world", REF + "print(sys.getrefcount('hello world'))"))
    P(("str_runtime", REF + "x = 'hello' + str(1)\nprint(sys.getrefcount(x))"))
    P(("str_sys_intern_runtime", REF + "x = sys.intern('hello' + str(12345))\nprint(sys.getrefcount(x))"))
    P(("class_object", REF + "class K:\n    pass\nprint(sys.getrefcount(K))"))
    P(("instance_fresh", REF + "class K:\n    pass\nk = K()\nprint(sys.getrefcount(k))"))
    program_rows(t, items)
    return t


GC = "import gc\ngc.collect()\n"


@table("gc_cycles")
def gc_cycles():
    t = Table(
        ["scenario", "collected", "program"],
        [
            "collected = what the program prints (the value of gc.collect(), i.e. unreachable objects",
            "found) or, for get_count rows, gc.get_count() joined by ','. Each program runs alone as",
            "`python -c PROGRAM`; it starts with gc.collect() so the heap has no garbage.",
            "class C: pass is defined inside the program where used.",
        ],
    )
    items = []
    P = items.append
    CLS = "class C:\n    pass\n"
    P(("list_self", GC + "a = []\na.append(a)\ndel a\nprint(gc.collect())"))
    P(("list_pair", GC + "a = []\nb = [a]\na.append(b)\ndel a, b\nprint(gc.collect())"))
    for n in range(2, 9):
        P(
            (
                "list_ring_%d" % n,
                GC
                + "nodes = [[] for _ in range(%d)]\nfor i in range(%d):\n    nodes[i].append(nodes[(i + 1) %% %d])\n"
                % (n, n, n)
                + "del nodes\nprint(gc.collect())",
            )
        )
    P(("two_list_self_cycles", GC + "a = []\na.append(a)\nb = []\nb.append(b)\ndel a, b\nprint(gc.collect())"))
    P(("dict_self", GC + "d = {}\nd['self'] = d\ndel d\nprint(gc.collect())"))
    P(("dict_self_with_list_values", GC + "d = {'a': [1], 'b': [2]}\nd['self'] = d\ndel d\nprint(gc.collect())"))
    P(("list_dict", GC + "a = []\nd = {'a': a}\na.append(d)\ndel a, d\nprint(gc.collect())"))
    P(("tuple_list", GC + "a = []\nt = (a,)\na.append(t)\ndel a, t\nprint(gc.collect())"))
    P(
        (
            "list_frozenset_instance",
            GC + CLS + "a = []\nc = C()\nc.l = a\ns = frozenset([c])\na.append(s)\ndel a, c, s\nprint(gc.collect())",
        )
    )
    P(("instance_pair", GC + CLS + "a = C()\nb = C()\na.o = b\nb.o = a\ndel a, b\nprint(gc.collect())"))
    P(("instance_self", GC + CLS + "a = C()\na.me = a\ndel a\nprint(gc.collect())"))
    for n in range(2, 9):
        P(
            (
                "instance_ring_%d" % n,
                GC
                + CLS
                + "nodes = [C() for _ in range(%d)]\nfor i in range(%d):\n    nodes[i].nxt = nodes[(i + 1) %% %d]\n"
                % (n, n, n)
                + "del nodes\nprint(gc.collect())",
            )
        )
    P(
        (
            "instance_pair_dict_accessed",
            GC + CLS + "a = C()\nb = C()\na.o = b\nb.o = a\na.__dict__\nb.__dict__\ndel a, b\nprint(gc.collect())",
        )
    )
    P(("instance_self_dict_accessed", GC + CLS + "a = C()\na.me = a\na.__dict__\ndel a\nprint(gc.collect())"))
    P(("instance_list_attr", GC + CLS + "a = C()\na.items = [a]\ndel a\nprint(gc.collect())"))
    P(
        (
            "instance_init_pair",
            GC
            + "class N:\n    def __init__(self, v):\n        self.v = v\n        self.o = None\n"
            + "a = N(1)\nb = N(2)\na.o = b\nb.o = a\ndel a, b\nprint(gc.collect())",
        )
    )
    P(
        (
            "list_cycle_with_5_tuples_of_lists",
            GC + "a = []\na.append(a)\nfor i in range(5):\n    a.append(([i],))\ndel a\nprint(gc.collect())",
        )
    )
    P(
        (
            "list_cycle_with_5_runtime_int_tuples",
            GC + "a = []\na.append(a)\nfor i in range(5):\n    a.append((i, i + 1))\ndel a\nprint(gc.collect())",
        )
    )
    P(
        (
            "list_cycle_with_constant_tuple",
            GC + "a = [(1, 2), (3, 4)]\na.append(a)\ndel a\nprint(gc.collect())",
        )
    )
    P(("list_cycle_with_3_empty_dicts", GC + "a = [{}, {}, {}]\na.append(a)\ndel a\nprint(gc.collect())"))
    P(("list_cycle_with_dict_of_list", GC + "a = [{'k': []}]\na.append(a)\ndel a\nprint(gc.collect())"))
    P(("list_cycle_with_atoms", GC + "a = [1, 'two', 3.0, b'four', None]\na.append(a)\ndel a\nprint(gc.collect())"))
    P(("list_cycle_with_5_lists", GC + "a = [[i] for i in range(5)]\na.append(a)\ndel a\nprint(gc.collect())"))
    P(("cycle_reachable_from_live", GC + "a = []\na.append(a)\nkeep = [a]\ndel a\nprint(gc.collect())"))
    P(
        (
            "cycle_released_after_live_cleared",
            GC + "a = []\na.append(a)\nkeep = [a]\ndel a\ngc.collect()\nkeep.clear()\nprint(gc.collect())",
        )
    )
    P(("no_garbage", GC + "a = [1, 2]\nprint(gc.collect())"))
    P(("acyclic_garbage_freed_by_refcount", GC + "a = [[1], [2]]\ndel a\nprint(gc.collect())"))
    P(("get_count_after_collect", GC + "print(','.join(str(c) for c in gc.get_count()))"))
    for g in (0, 1, 2):
        P(
            (
                "get_count_after_collect_%d" % g,
                GC + "gc.collect(%d)\nc = gc.get_count()\nprint('%%d,%%d,%%d' %% c)" % g,
            )
        )
    P(
        (
            "get_count_after_collect0_twice",
            GC + "gc.collect(0)\ngc.collect(0)\nc = gc.get_count()\nprint('%d,%d,%d' % c)",
        )
    )
    P(
        (
            "get_count_after_100_lists_kept",
            GC + "keep = []\nfor i in range(100):\n    keep.append([i])\nc = gc.get_count()\nprint('%d,%d,%d' % c)",
        )
    )
    P(
        (
            "get_count_after_100_empty_dicts_kept",
            GC + "keep = []\nfor i in range(100):\n    keep.append({})\nc = gc.get_count()\nprint('%d,%d,%d' % c)",
        )
    )
    P(
        (
            "get_count_after_100_floats_kept",
            GC
            + "keep = [None] * 100\nc0 = gc.get_count()\nfor i in range(100):\n    keep[i] = i * 0.5\n"
            + "c = gc.get_count()\nprint(c[0] - c0[0])",
        )
    )
    P(("threshold", "import gc\nprint('%d,%d,%d' % gc.get_threshold())"))
    P(
        (
            "auto_collect_count0_peak",
            GC
            + "gc.set_threshold(50, 10, 10)\nmx = 0\nkeep = []\nfor i in range(200):\n    keep.append([i])\n"
            + "    c = gc.get_count()[0]\n    if c > mx:\n        mx = c\nprint(mx)",
        )
    )
    P(
        (
            "auto_collect_self_cycles_gen1_count",
            GC
            + "gc.set_threshold(10, 5, 5)\nfor i in range(100):\n    a = [i]\n    a.append(a)\n"
            + "del a\nc = gc.get_count()\nprint('%d,%d,%d' % c, gc.collect())",
        )
    )
    program_rows(t, items)
    return t


IDS = "import gc\ngc.collect()\n"


@table("freelists")
def freelists():
    t = Table(
        ["scenario", "value", "program"],
        [
            "value = what the program prints; each program runs alone as `python -c PROGRAM`.",
            "same_id_<type>: a = <alloc>; ia = id(a); del a; b = <alloc>; print(id(b) == ia)",
            "(names are bound to None first so no global-dict insertion happens in between);",
            "..._after_collect: the same with gc.collect() between the del and the second allocation",
            "(a full collection empties the free lists);",
            "cross_<A>_<B>: an A is freed, then a B (same pymalloc size class or not) is allocated;",
            "gen0_*: change of gc.get_count()[0]; traced_*: tracemalloc current bytes.",
        ],
    )
    items = []
    P = items.append
    pre = IDS + "a = b = ia = None\nk = int('7')\nf = float('1.5')\ns = str(k) * 3\nC = None\n"
    cls = "class C:\n    def __init__(self, v):\n        self.v = v\n"
    allocs = [
        ("list", "[k]"),
        ("list_empty", "[]"),
        ("dict", "{'key': k}"),
        ("dict_empty", "{}"),
        ("float", "f * 2.0"),
        ("complex", "complex(f, f)"),
        ("tuple1", "(s,)"),
        ("tuple2", "(s, s)"),
        ("tuple3", "(s, s, s)"),
        ("tuple20", "tuple([s] * 20)"),
        ("int", "k + 1000"),
        ("int_big", "k + 10 ** 20"),
        ("str", "s + 'x'"),
        ("bytes", "bytes(k)"),
        ("bytearray", "bytearray(k)"),
        ("set", "{k}"),
        ("frozenset", "frozenset([k])"),
        ("instance", "C(k)"),
    ]
    for name, expr in allocs:
        head = pre + (cls if name == "instance" else "")
        P(("same_id_" + name, head + "a = %s\nia = id(a)\ndel a\nb = %s\nprint(id(b) == ia)" % (expr, expr)))
    for name, expr in allocs:
        head = pre + (cls if name == "instance" else "")
        P(
            (
                "same_id_%s_after_collect" % name,
                head + "a = %s\nia = id(a)\ndel a\ngc.collect()\nb = %s\nprint(id(b) == ia)" % (expr, expr),
            )
        )
    cross = [
        ("int", "k + 1000", "complex", "complex(f, f)"),
        ("complex", "complex(f, f)", "int", "k + 1000"),
        ("float", "f * 2.0", "int", "k + 1000"),
        ("int", "k + 1000", "float", "f * 2.0"),
        ("tuple1", "(s,)", "tuple2", "(s, s)"),
        ("list", "[k]", "tuple3", "(s, s, s)"),
        ("dict", "{'key': k}", "list", "[k]"),
        ("set", "{k}", "frozenset", "frozenset([k])"),
        ("str", "s + 'x'", "bytes", "bytes(k)"),
    ]
    for an, ae, bn, be in cross:
        P(("cross_%s_%s" % (an, bn), pre + "a = %s\nia = id(a)\ndel a\nb = %s\nprint(id(b) == ia)" % (ae, be)))
        P(
            (
                "cross_%s_%s_after_collect" % (an, bn),
                pre + "a = %s\nia = id(a)\ndel a\ngc.collect()\nb = %s\nprint(id(b) == ia)" % (ae, be),
            )
        )
    P(
        (
            "lifo_list_two",
            pre + "a = [1]\nb = [2]\nia = id(a)\nib = id(b)\ndel a\ndel b\nc = [3]\nd = [4]\n"
            "print(id(c) == ib, id(d) == ia)",
        )
    )
    P(
        (
            "lifo_int_two",
            pre + "a = k + 1000\nb = k + 2000\nia = id(a)\nib = id(b)\ndel a\ndel b\nc = k + 3000\nd = k + 4000\n"
            "print(id(c) == ib, id(d) == ia)",
        )
    )
    for kind, expr in (("list", "[i]"), ("dict", "{'i': i}"), ("tuple2", "(i, i)"), ("set", "{i}")):
        P(
            (
                "gen0_delta_create_100_%s" % kind,
                IDS + "keep = [None] * 100\nc0 = gc.get_count()[0]\nfor i in range(100):\n    keep[i] = %s\n" % expr
                + "print(gc.get_count()[0] - c0)",
            )
        )
        P(
            (
                "gen0_delta_free_100_%s" % kind,
                IDS + "keep = [None] * 100\nfor i in range(100):\n    keep[i] = %s\n" % expr
                + "c0 = gc.get_count()[0]\nfor i in range(100):\n    keep[i] = None\nprint(gc.get_count()[0] - c0)",
            )
        )
    P(
        (
            "traced_150_floats_after_200_freed",
            "import gc, tracemalloc\ngc.collect()\nfl = [i * 0.5 for i in range(200)]\ndel fl\nkeep = [None] * 150\n"
            "tracemalloc.start()\nfor i in range(150):\n    keep[i] = i * 0.5\nprint(tracemalloc.get_traced_memory()[0])",
        )
    )
    P(
        (
            "traced_150_floats_after_collect",
            "import gc, tracemalloc\nfl = [i * 0.5 for i in range(200)]\ndel fl\ngc.collect()\nkeep = [None] * 150\n"
            "tracemalloc.start()\nfor i in range(150):\n    keep[i] = i * 0.5\nprint(tracemalloc.get_traced_memory()[0])",
        )
    )
    P(
        (
            "traced_100_lists_after_100_freed",
            "import gc, tracemalloc\ngc.collect()\nll = [[i] for i in range(100)]\ndel ll\nkeep = [None] * 100\n"
            "tracemalloc.start()\nfor i in range(100):\n    keep[i] = []\nprint(tracemalloc.get_traced_memory()[0])",
        )
    )
    program_rows(t, items)
    return t


@table("id_reuse")
def id_reuse():
    t = Table(
        ["scenario", "value", "program"],
        [
            "value = what the program prints; each program runs alone as `python -c PROGRAM`.",
            "distinct_<type>[_del]: number of distinct id(obj) over `for i in range(1000): obj = EXPR`",
            "(ids collected in a set; _del: `del obj` at the end of each iteration);",
            "pattern_<type>: ids of 8 iterations of that loop written as letters, A = first distinct id, ...;",
            "lifo_<type>: 10 objects kept in a list, their ids noted, the list deleted (items freed last to",
            "first), 10 new objects made: for each new one, the index of the old object whose id it got",
            "(- if none);",
            "tutorial_ex2: the tutorial's exercise 2 (1000 lists [i] freed, then 1000 made by rebinding obj:",
            "how many ids were seen before); tutorial_ex2_keep_alive: the same but the new lists are kept.",
        ],
    )
    items = []
    P = items.append
    cls = "class C:\n    def __init__(self, v):\n        self.v = v\n"
    exprs = [
        ("list", "[i]"),
        ("float", "i * 0.5"),
        ("dict", "{'i': i}"),
        ("set", "{i}"),
        ("tuple2", "(i, i)"),
        ("int", "i + 100000"),
        ("str", "str(i) + '!'"),
        ("bytes", "bytes(i % 20 + 2)"),
        ("bytearray", "bytearray(i % 20 + 2)"),
        ("complex", "complex(i, 1)"),
        ("instance", "C(i)"),
    ]
    for name, expr in exprs:
        head = IDS + (cls if name == "instance" else "")
        loop = "seen = set()\nfor i in range(1000):\n    obj = %s\n    seen.add(id(obj))\n" % expr
        P(("distinct_" + name, head + loop + "print(len(seen))"))
        P(("distinct_%s_del" % name, head + loop + "    del obj\nprint(len(seen))"))
    for name, expr in exprs:
        head = IDS + (cls if name == "instance" else "")
        P(
            (
                "pattern_" + name,
                head + "ids = [0] * 8\nfor i in range(8):\n    obj = %s\n    ids[i] = id(obj)\n" % expr
                + "m = {}\nfor v in ids:\n    m.setdefault(v, 'ABCDEFGH'[len(m)])\nprint(''.join(m[v] for v in ids))",
            )
        )
    for name, expr in exprs:
        head = IDS + (cls if name == "instance" else "")
        P(
            (
                "lifo_" + name,
                head + "keep = [%s for i in range(10)]\nold = [id(o) for o in keep]\ndel keep\n" % expr
                + "new = [%s for i in range(10)]\n" % expr
                + "print(' '.join(str(old.index(id(o))) if id(o) in old else '-' for o in new))",
            )
        )
    P(
        (
            "temporaries_same_id",
            IDS + "print(id([1]) == id([2]), id(1.5 * len('ab')) == id(2.5 * len('ab')))",
        )
    )
    P(
        (
            "freed_inside_function",
            IDS + "def f():\n    t = [1, 2]\n    return id(t)\nx = f()\ny = [3, 4]\nprint(id(y) == x)",
        )
    )
    ex2 = (
        "old_ids = set()\ntemp = []\nfor i in range(1000):\n    obj = [i]\n    old_ids.add(id(obj))\n"
        "    temp.append(obj)\ndel temp\nreused = 0\n"
    )
    P(
        (
            "tutorial_ex2",
            ex2 + "for i in range(1000):\n    obj = [i]\n    if id(obj) in old_ids:\n        reused += 1\nprint(reused)",
        )
    )
    P(
        (
            "tutorial_ex2_keep_alive",
            ex2 + "new = []\nfor i in range(1000):\n    obj = [i]\n    new.append(obj)\n"
            "    if id(obj) in old_ids:\n        reused += 1\nprint(reused)",
        )
    )
    P(
        (
            "tutorial_ex2_distinct_new_ids",
            ex2 + "seen = set()\nfor i in range(1000):\n    obj = [i]\n    seen.add(id(obj))\nprint(len(seen))",
        )
    )
    program_rows(t, items)
    return t


# ---------------------------------------------------------------- driver


def table_names():
    return [n for n, _ in TABLES]


def run_one_table(name):
    fn = dict(TABLES)[name]
    sys.stdout.write(fn().render())


def capture_all_tables(out_dir, only):
    os.makedirs(out_dir, exist_ok=True)
    failed = []
    for name in table_names():
        if only and name not in only:
            continue
        p = subprocess.run(
            no_aslr() + [sys.executable, os.path.abspath(__file__), "--table", name],
            env=child_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            universal_newlines=True,
            cwd="/",
        )
        if p.stderr.strip():
            sys.stderr.write("[%s] %s\n" % (name, p.stderr.strip().replace("\n", "\n[%s] " % name)))
        if p.returncode != 0 or not p.stdout.startswith("#"):
            failed.append(name)
            sys.stderr.write("table %s FAILED (rc=%d); not written\n" % (name, p.returncode))
            continue
        with open(os.path.join(out_dir, name + ".tsv"), "w") as f:
            f.write(p.stdout)
        rows = sum(1 for line in p.stdout.splitlines() if not line.startswith("#"))
        print("%-22s %5d rows" % (name, rows))
    return failed


def main(argv):
    import argparse

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--all", action="store_true", help="regenerate every profile with the pyenv interpreters")
    ap.add_argument("--out", help="output folder for this interpreter")
    ap.add_argument("--table", help="print one table on stdout")
    ap.add_argument("--only", help="comma-separated table names")
    ap.add_argument("--list", action="store_true")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    if only:
        unknown = only - set(table_names())
        if unknown:
            ap.error("unknown table(s): %s" % ", ".join(sorted(unknown)))
    if args.list:
        print("\n".join(table_names()))
        return 0
    if args.table:
        if args.table not in table_names():
            ap.error("unknown table %s" % args.table)
        run_one_table(args.table)
        return 0
    if args.all:
        # Imported only here: the child processes that measure CPython load
        # nothing they do not need.
        sys.path.insert(0, os.path.dirname(HERE))
        from cpython_interpreters import PROFILES, find_interpreter, pyenv_root

        bad = 0
        for profile, exact in PROFILES:
            py = find_interpreter(profile, exact)
            if not py:
                sys.stderr.write("profile %s: no interpreter found under %s\n" % (profile, pyenv_root()))
                bad += 1
                continue
            print("== profile %s: %s" % (profile, py))
            sys.stdout.flush()
            cmd = [py, os.path.abspath(__file__), "--out", os.path.join(DATA, profile)]
            if args.only:
                cmd += ["--only", args.only]
            rc = subprocess.run(cmd, env=child_env(), cwd="/").returncode
            if rc != 0:
                bad += 1
        return 1 if bad else 0
    out = args.out or os.path.join(DATA, "%d.%d" % sys.version_info[:2])
    failed = capture_all_tables(out, only)
    if failed:
        sys.stderr.write("failed tables: %s\n" % ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except SystemExit:
        raise
    except BaseException:
        traceback.print_exc()
        sys.exit(1)
