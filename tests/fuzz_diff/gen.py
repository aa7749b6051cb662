#!/usr/bin/env python3
"""Random heap scripts for differential testing against real CPython.

    gen.py --seed N              # print program N
    gen.py --seed N --out F.py   # write it to F.py

The same seed always gives the same program (the generator uses only its own
random.Random(seed)). Programs stay inside the heap-script subset heapsim
accepts, and print only facts that are deterministic in CPython: no raw ids,
no refcounts of shared constants, singletons or strings, no sets of strings,
no reprs of instances, and gc.get_count() only between a gc.collect() and the
next print. Every printed line starts with its kind, one of KINDS, so a
disagreement can be attributed. Valid Python 3.8.
"""
import argparse
import random
import sys

# The kinds of printed facts: the first word of every line a program prints.
KINDS = ("size", "refcount", "gc", "id", "trace", "repr", "error")

PRELUDE = """import gc
import sys
import tracemalloc


class C:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def make_list(n):
    return [i * 3 for i in range(n)]


def counter():
    cell = [0]

    def bump(step=1):
        cell[0] += step
        return cell[0]
    return bump


gc.collect()
"""

SMALL_STRS = ["'abc'", "'hello world'", "'x'", "'é'", "'naïve'", "'€uro'", "'spam'", "'a-b-c'", "''"]
FLOAT_LITS = ["1.5", "2.25", "0.1", "-3.75", "1e20", "1234.5678"]


class Var(object):
    """What the generator knows of one variable: its type, whether its
    refcount is a fact (a fresh object no constant table or cache shares) and
    whether its repr is deterministic."""

    def __init__(self, kind, fresh, printable):
        self.kind = kind
        self.fresh = fresh
        self.printable = printable


class Generator(object):
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.vars = {}
        self.counter = 0
        self.lines = []

    # -- helpers -------------------------------------------------------------
    def new_name(self, prefix="v"):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def pick(self, *kinds):
        names = sorted(n for n, v in self.vars.items() if not kinds or v.kind in kinds)
        return self.rng.choice(names) if names else None

    def small(self, lo=0, hi=12):
        return self.rng.randint(lo, hi)

    def emit(self, line, indent=0):
        self.lines.append("    " * indent + line)

    # -- expressions: (source, Var) ------------------------------------------
    def int_expr(self):
        r = self.rng.random()
        n = self.pick("int")
        if r < 0.25:
            return str(self.rng.randint(-10, 300)), Var("int", False, True)
        if r < 0.45:
            return "2 ** %d + %d" % (self.rng.randint(20, 130), self.small()), Var("int", False, True)
        if r < 0.6 and n:
            op = self.rng.choice(["+", "*", "-", "//", "%"])
            rhs = str(self.rng.randint(1, 9)) if op in ("//", "%") else str(self.rng.randint(-5, 1000))
            return "%s %s %s" % (n, op, rhs), Var("int", False, True)
        c = self.pick("list", "tuple", "str", "bytes", "bytearray", "dict", "set", "frozenset")
        if c and r < 0.8:
            return "len(%s)" % c, Var("int", False, True)
        return "int('%d')" % self.rng.randint(0, 100000), Var("int", False, True)

    def float_expr(self):
        r = self.rng.random()
        n = self.pick("int")
        if r < 0.4:
            return self.rng.choice(FLOAT_LITS), Var("float", False, True)
        if r < 0.7 and n:
            return "%s / %d" % (n, self.rng.randint(1, 7)), Var("float", False, True)
        return "float(%d) * %s" % (self.small(), self.rng.choice(FLOAT_LITS)), Var("float", False, True)

    def str_expr(self):
        r = self.rng.random()
        s = self.pick("str")
        n = self.pick("int")
        if r < 0.2:
            return self.rng.choice(SMALL_STRS), Var("str", False, True)
        if r < 0.35:
            return "%s * %d" % (self.rng.choice(SMALL_STRS[:-1]), self.small(0, 40)), Var("str", False, True)
        if r < 0.5 and n:
            return "str(%s)" % n, Var("str", False, True)
        if r < 0.6 and s:
            m = self.rng.choice(["upper()", "lower()", "strip()", "replace('a', 'ZZ')", "replace('x', 'é')"])
            return "%s.%s" % (s, m), Var("str", False, True)
        if r < 0.7:
            return "'-'.join(str(i) for i in range(%d))" % self.small(0, 30), Var("str", False, True)
        if r < 0.8 and n:
            # quotes inside the braces differ from the f-string's own (PEP 701 is 3.12+)
            return "f\"{%s}:{%s!r}\"" % (n, s or "'q'"), Var("str", False, True)
        if r < 0.9 and s:
            return "%s + %s" % (s, self.rng.choice(SMALL_STRS)), Var("str", False, True)
        return "'%s' * %d" % (self.rng.choice("ab"), self.small(1, 100)), Var("str", False, True)

    def bytes_expr(self):
        r = self.rng.random()
        if r < 0.3:
            return "b'ab' * %d" % self.small(0, 30), Var("bytes", False, True)
        if r < 0.6:
            return "bytes(%d)" % self.small(0, 40), Var("bytes", False, True)
        if r < 0.8:
            return "bytes(range(%d))" % self.small(0, 40), Var("bytes", False, True)
        s = self.pick("bytes")
        if s:
            return "%s + b'xyz'" % s, Var("bytes", False, True)
        return "b'literal bytes'", Var("bytes", False, True)

    def bytearray_expr(self):
        r = self.rng.random()
        if r < 0.3:
            return "bytearray(%d)" % self.small(0, 40), Var("bytearray", True, True)
        if r < 0.55:
            return "bytearray(b'abc' * %d)" % self.small(0, 12), Var("bytearray", True, True)
        if r < 0.8:
            return "bytearray(range(%d))" % self.small(0, 60), Var("bytearray", True, True)
        b = self.pick("bytes")
        if b:
            return "bytearray(%s)" % b, Var("bytearray", True, True)
        return "bytearray()", Var("bytearray", True, True)

    def element(self):
        """A short expression for a container item, and whether it prints deterministically."""
        r = self.rng.random()
        if r < 0.4:
            return str(self.rng.randint(-5, 500)), True
        if r < 0.55:
            return self.rng.choice(SMALL_STRS), True
        if r < 0.65:
            return self.rng.choice(FLOAT_LITS), True
        name = self.pick()
        if name:
            # a mutable container may later hold an instance: its repr is not a fact
            return name, self.vars[name].kind in ("int", "float", "str", "bytes")
        return "None", True

    def list_expr(self):
        r = self.rng.random()
        if r < 0.25:
            items = [self.element() for _ in range(self.small(0, 8))]
            return "[%s]" % ", ".join(i for i, _ in items), Var("list", True, all(p for _, p in items))
        if r < 0.4:
            return "list(range(%d))" % self.small(0, 40), Var("list", True, True)
        if r < 0.55:
            return "[i * %d for i in range(%d)]" % (self.small(1, 5), self.small(0, 40)), Var("list", True, True)
        if r < 0.62:
            return "make_list(%d)" % self.small(0, 30), Var("list", True, True)
        if r < 0.7:
            return "[0] * %d" % self.small(0, 30), Var("list", True, True)
        l = self.pick("list")
        if l and r < 0.8:
            a, b = sorted([self.small(-5, 20), self.small(-5, 20)])
            return "%s[%d:%d]" % (l, a, b), Var("list", True, self.vars[l].printable)
        if l and r < 0.87:
            return "%s + [%d]" % (l, self.small()), Var("list", True, self.vars[l].printable)
        c = self.pick("tuple", "str", "bytes", "set", "frozenset", "dict", "bytearray")
        if c:
            v = self.vars[c]
            if v.kind in ("set", "frozenset"):
                return "sorted(%s)" % c, Var("list", True, True)
            return "list(%s)" % c, Var("list", True, v.printable)
        return "[]", Var("list", True, True)

    def tuple_expr(self):
        r = self.rng.random()
        if r < 0.3:
            names = [self.pick() for _ in range(self.small(1, 4))]
            names = [n for n in names if n]
            if names:
                printable = all(self.vars[n].kind in ("int", "float", "str", "bytes") for n in names)
                return "(%s,)" % ", ".join(names), Var("tuple", True, printable)
        if r < 0.6:
            k = self.small(1, 25)
            return "tuple(range(%d))" % k, Var("tuple", True, True)
        if r < 0.8:
            l = self.pick("list")
            if l:
                # a tuple of an empty list is the shared empty tuple: no refcount fact
                return "tuple(%s)" % l, Var("tuple", False, self.vars[l].printable)
        return "tuple(i * i for i in range(%d))" % self.small(1, 20), Var("tuple", True, True)

    def dict_expr(self):
        r = self.rng.random()
        if r < 0.3:
            items = []
            printable = True
            for j in range(self.small(0, 7)):
                e, p = self.element()
                printable = printable and p
                items.append("'k%d': %s" % (j, e))
            return "{%s}" % ", ".join(items), Var("dict", True, printable)
        if r < 0.55:
            return "{i: i * i for i in range(%d)}" % self.small(0, 30), Var("dict", True, True)
        if r < 0.7:
            return "dict(zip(range(%d), 'abcdefghijkl'))" % self.small(0, 12), Var("dict", True, True)
        if r < 0.8:
            return "{str(i): [i] for i in range(%d)}" % self.small(0, 20), Var("dict", True, True)
        d = self.pick("dict")
        if d:
            return "%s.copy()" % d, Var("dict", True, self.vars[d].printable)
        return "dict()", Var("dict", True, True)

    def set_expr(self, kind="set"):
        r = self.rng.random()
        ctor = "set" if kind == "set" else "frozenset"
        if r < 0.3:
            n = self.small(1 if kind == "frozenset" else 0, 40)
            return "%s(range(%d))" % (ctor, n), Var(kind, n > 0 or kind == "set", True)
        if r < 0.5:
            return "%s(i %% %d for i in range(%d))" % (ctor, self.small(1, 9), self.small(1, 40)), Var(kind, True, True)
        if r < 0.65 and kind == "set":
            items = ", ".join(str(self.rng.randint(-3, 200)) for _ in range(self.small(1, 8)))
            return "{%s}" % items, Var(kind, True, True)
        if r < 0.8 and kind == "set":
            return "{i * 7 for i in range(%d)}" % self.small(0, 30), Var(kind, True, True)
        s = self.pick("set", "frozenset")
        if s:
            op = self.rng.choice(["|", "&", "-"])
            return "%s(%s %s set(range(%d)))" % (ctor, s, op, self.small(0, 20)), Var(kind, True, True)
        return "%s(range(%d))" % (ctor, self.small(1, 10)), Var(kind, True, True)

    def inst_expr(self):
        a, _ = self.element()
        b, _ = self.element()
        return "C(%s, %s)" % (a, b), Var("inst", True, False)

    def expr(self, kind=None):
        kind = kind or self.rng.choice(
            ["int", "float", "str", "bytes", "bytearray", "list", "list", "tuple", "dict", "dict", "set",
             "frozenset", "inst", "inst"])
        if kind in ("set", "frozenset"):
            return self.set_expr(kind)
        return getattr(self, kind + "_expr")()

    # -- statements ------------------------------------------------------------
    def stmt_assign(self):
        src, var = self.expr()
        name = self.new_name()
        self.emit("%s = %s" % (name, src))
        self.vars[name] = var

    def stmt_alias(self):
        n = self.pick()
        if not n:
            return self.stmt_assign()
        name = self.new_name("a")
        self.emit("%s = %s" % (name, n))
        self.vars[name] = self.vars[n]

    def stmt_del(self):
        n = self.pick()
        if n:
            self.emit("del %s" % n)
            del self.vars[n]

    def mutation(self, n):
        """A statement mutating variable N, or None. It raises nothing."""
        v = self.vars[n]
        k = v.kind
        e, p = self.element()
        i = self.small(0, 30)
        if k == "list":
            ops = [
                "%s.append(%s)" % (n, e), "%s.extend(range(%d))" % (n, i), "%s.insert(%d, %s)" % (n, i, e),
                "%s.clear()" % n, "%s.reverse()" % n, "%s += [%s] * %d" % (n, e, self.small(0, 9)),
                "%s[%d:%d] = [%s]" % (n, i // 3, i, e), "del %s[%d:%d]" % (n, i // 4, i),
                "%s *= %d" % (n, self.small(0, 2)), "%s = %s.copy()" % (n, n),
            ]
            v.printable = v.printable and p
            return self.rng.choice(ops)
        if k == "dict":
            ops = ["%s['k%d'] = %s" % (n, i, e), "%s.pop('k%d', None)" % (n, i), "%s.setdefault('z%d', %s)" % (n, i, e),
                   "%s.update({'u%d': %s})" % (n, i, e), "%s.clear()" % n, "%s[%d] = %s" % (n, i, e)]
            op = self.rng.choice(ops)
            if "clear" not in op and "pop" not in op:
                v.printable = v.printable and p
            return op
        if k == "set":
            return self.rng.choice([
                "%s.add(%d)" % (n, i * 5), "%s.discard(%d)" % (n, i), "%s.update(range(%d))" % (n, i),
                "%s |= {%d, %d}" % (n, i, i + 100), "%s -= set(range(%d))" % (n, i), "%s.clear()" % n,
                "%s = %s.difference(range(%d))" % (n, n, i),
                "%s = %s.intersection(range(%d))" % (n, n, i),
            ])
        if k == "bytearray":
            return self.rng.choice([
                "%s.append(%d)" % (n, i), "%s.extend(b'xy' * %d)" % (n, i), "%s += b'abc'" % n,
                "del %s[0:%d]" % (n, self.small(0, 5)), "%s[0:%d] = b'%s'" % (n, self.small(0, 4), "q" * self.small(0, 6)),
                "%s *= %d" % (n, self.small(0, 2)),
            ])
        if k == "inst":
            attr = self.rng.choice(["a", "b", "c", "d"])
            other = self.pick()
            if other and self.rng.random() < 0.5:
                return "%s.%s = %s" % (n, attr, other)
            return "%s.%s = %s" % (n, attr, e)
        if k == "str":
            return self.rng.choice(["%s += %s" % (n, self.rng.choice(SMALL_STRS)), "%s = %s[:20] * 2" % (n, n)])
        if k == "int":
            return self.rng.choice(["%s += %d" % (n, i), "%s *= %d" % (n, self.small(1, 1000)), "%s -= 1" % n])
        if k == "float":
            return "%s *= %s" % (n, self.rng.choice(FLOAT_LITS))
        if k == "tuple":
            return "%s += (%s,)" % (n, e)
        return None

    def stmt_mutate(self):
        n = self.pick("list", "dict", "set", "bytearray", "inst", "str", "int", "float", "tuple")
        if not n:
            return self.stmt_assign()
        op = self.mutation(n)
        if op:
            self.emit(op)
            if self.vars[n].kind == "tuple" or " = %s." % n in op or "%s = " % n in op:
                # a rebinding: the new object may be a constant or shared
                if self.vars[n].kind == "tuple":
                    self.vars[n].fresh = False

    def stmt_cycle(self):
        kind = self.rng.choice(["list", "dict", "inst", "pair"])
        name = self.new_name("cyc")
        if kind == "list":
            self.emit("%s = [%d]" % (name, self.small()))
            self.emit("%s.append(%s)" % (name, name))
            self.vars[name] = Var("list", True, True)
        elif kind == "dict":
            self.emit("%s = {'n': %d}" % (name, self.small()))
            self.emit("%s['self'] = %s" % (name, name))
            self.vars[name] = Var("dict", True, True)
        elif kind == "inst":
            self.emit("%s = C(%d, None)" % (name, self.small()))
            self.emit("%s.b = %s" % (name, name))
            self.vars[name] = Var("inst", True, False)
        else:
            other = self.new_name("cyc")
            self.emit("%s = C(1, None)" % name)
            self.emit("%s = C(2, [%s])" % (other, name))
            self.emit("%s.b = %s" % (name, other))
            self.vars[name] = Var("inst", True, False)
            self.vars[other] = Var("inst", True, False)
        if self.rng.random() < 0.5:
            self.emit("del %s" % name)
            del self.vars[name]

    def stmt_size(self):
        n = self.pick()
        if not n:
            return self.stmt_assign()
        self.emit("print('size', sys.getsizeof(%s))" % n)

    def stmt_refcount(self):
        n = self.pick("list", "dict", "set", "frozenset", "bytearray", "inst", "tuple")
        if n and self.vars[n].fresh:
            self.emit("print('refcount', sys.getrefcount(%s))" % n)
        elif self.rng.random() < 0.5:
            src, _ = self.expr(self.rng.choice(["list", "dict", "inst", "bytearray"]))
            self.emit("print('refcount', sys.getrefcount(%s))" % src)

    def stmt_gc(self):
        r = self.rng.random()
        if r < 0.4:
            self.emit("print('gc', gc.collect())")
        elif r < 0.7:
            self.emit("gc.collect()")
            for _ in range(self.small(1, 3)):
                self.quiet_stmt()
            self.emit("gc_count = gc.get_count()")
            self.emit("print('gc', gc_count)")
        elif r < 0.85:
            n = self.pick()
            if n:
                self.emit("print('gc', gc.is_tracked(%s))" % n)
        else:
            n = self.pick("list", "dict", "tuple", "inst", "set")
            if n:
                self.emit("print('gc', len(gc.get_referents(%s)))" % n)

    def stmt_id(self):
        r = self.rng.random()
        if r < 0.5:
            n = self.pick()
            if not n:
                return self.stmt_assign()
            kind = self.vars[n].kind
            self.emit("old_id = id(%s)" % n)
            self.emit("del %s" % n)
            del self.vars[n]
            src, var = self.expr(kind if self.rng.random() < 0.7 else None)
            name = self.new_name()
            self.emit("%s = %s" % (name, src))
            self.vars[name] = var
            self.emit("print('id', id(%s) == old_id)" % name)
        else:
            src, _ = self.expr()
            loop = self.new_name("i")
            self.emit("seen = set()")
            self.emit("for %s in range(%d):" % (loop, self.small(2, 40)))
            if self.rng.random() < 0.5:
                self.emit("seen.add(id(%s))" % src, 1)
            else:
                self.emit("tmp = %s" % src, 1)
                self.emit("seen.add(id(tmp))", 1)
            self.emit("print('id', len(seen))")
            self.emit("del seen")

    def quiet_stmt(self):
        """A statement that prints nothing and raises nothing."""
        r = self.rng.random()
        if r < 0.4:
            self.stmt_assign()
        elif r < 0.8:
            self.stmt_mutate()
        elif r < 0.9:
            self.stmt_del()
        else:
            self.stmt_alias()

    def stmt_trace(self):
        self.emit("tracemalloc.start()")
        self.emit("before = tracemalloc.get_traced_memory()[0]")
        for _ in range(self.small(1, 3)):
            self.quiet_stmt()
        self.emit("after = tracemalloc.get_traced_memory()")
        self.emit("tracemalloc.stop()")
        self.emit("print('trace', after[0] - before, after[1] - before)")

    def stmt_repr(self):
        n = self.pick()
        if not n:
            return self.stmt_assign()
        v = self.vars[n]
        if v.printable:
            self.emit("print('repr', %s)" % n)
        else:
            self.emit("print('repr', type(%s).__name__)" % n)

    def stmt_error(self):
        n = self.pick()
        k = self.small(0, 40)
        candidates = ["[1, 2, 3][%d]" % (k + 3), "{'a': 1}['b%d']" % k, "int('x%d')" % k, "'a' + %d" % k,
                      "{}.popitem()", "[].pop()", "{2.5: 1}[%d.5]" % k, "{}[(%d, 'x')]" % k,
                      "set().pop()", "float('no%d')" % k, "[1, 2].index(%d)" % (k + 5)]
        if n:
            kind = self.vars[n].kind
            if kind == "list":
                candidates += ["%s.remove(%d)" % (n, 10 ** 6 + k), "%s[%d]" % (n, 10 ** 6 + k), "%s.pop(%d)" % (n, 10 ** 5)]
            elif kind == "dict":
                candidates += ["%s['missing%d']" % (n, k), "%s[%d.25]" % (n, k), "del %s['nope']" % n]
            elif kind == "set":
                candidates += ["%s.remove(%d)" % (n, 10 ** 6 + k)]
            elif kind == "inst":
                candidates += ["%s.zz" % n, "del %s.zz" % n]
            elif kind in ("tuple", "str", "bytes"):
                candidates += ["%s[%d] = 1" % (n, k), "%s[%d]" % (n, 10 ** 6 + k)]
            elif kind == "bytearray":
                candidates += ["%s.append(%d)" % (n, 256 + k), "%s[%d]" % (n, 10 ** 6 + k)]
        op = self.rng.choice(candidates)
        self.emit("try:")
        self.emit(op if op.startswith("del ") or "] = " in op else "_ = " + op, 1)
        self.emit("except Exception as e:")
        self.emit("print('error', type(e).__name__, e)", 1)

    def stmt_function(self):
        """A function whose locals are made, measured and freed inside its frame."""
        fname = self.new_name("f")
        self.emit("def %s(x):" % fname)
        self.emit("local = [x, x]", 1)
        self.emit("print('refcount', sys.getrefcount(local))", 1)
        self.emit("return len(local) + sys.getrefcount(x)", 1)
        n = self.pick("list", "dict", "inst", "bytearray", "set")
        if n and self.vars[n].fresh:
            self.emit("print('refcount', %s(%s))" % (fname, n))
        else:
            self.emit("print('refcount', %s([]))" % fname)
        self.emit("bump = counter()")
        self.emit("print('repr', [bump(%d) for _ in range(%d)])" % (self.small(1, 4), self.small(0, 5)))
        self.emit("del bump")

    def program(self, statements):
        self.lines = PRELUDE.rstrip("\n").split("\n")
        table = [
            (self.stmt_assign, 18), (self.stmt_mutate, 16), (self.stmt_del, 5), (self.stmt_alias, 3),
            (self.stmt_cycle, 4), (self.stmt_size, 12), (self.stmt_refcount, 6), (self.stmt_gc, 6),
            (self.stmt_id, 6), (self.stmt_trace, 4), (self.stmt_repr, 8), (self.stmt_error, 5),
            (self.stmt_function, 2),
        ]
        funcs = [f for f, _ in table]
        weights = [w for _, w in table]
        for _ in range(statements):
            self.rng.choices(funcs, weights)[0]()
        self.emit("print('gc', gc.collect())")
        return "\n".join(self.lines) + "\n"


def generate(seed, statements=None):
    """The program of SEED: a str holding a whole heap script."""
    g = Generator(seed)
    n = statements if statements is not None else g.rng.randint(8, 30)
    return g.program(n)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--statements", type=int, default=None, help="statement count (default: 8..30 by seed)")
    ap.add_argument("--out", default=None, help="write here instead of stdout")
    args = ap.parse_args(argv)
    text = generate(args.seed, args.statements)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
