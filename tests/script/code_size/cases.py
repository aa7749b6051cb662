# Functions whose code objects heapsim sizes (code units and opcache sites)
# for CPython 3.8 to 3.10's opcache. Not run: compiled only.
def ret_param(x):
    return x
def ret_add(x):
    return x + 1
def ret_none():
    return
def no_return(x):
    y = x
def call_global(x):
    return len(x)
def call_many(x):
    y = abs(x)
    return max(y, min(x, 3)) + len(str(x))
def attr_sum(x):
    return x.real + x.imag
def method_call(x):
    return x.bit_length()
def method_kw(items):
    items.sort(reverse=True)
    return items
def call_kw(x):
    return sorted(x, key=len, reverse=True)
def store_attr(self, v):
    self.value = v
    self.count = 0
def subscripts(d, k):
    d[k] = d[k] + 1
    del d[k]
    return d[0:2]
def aug(x):
    x += 1
    x *= 2
    return x
def aug_attr(o):
    o.n += 1
def aug_sub(d, k):
    d[k] += 1
def if_only(x):
    if x:
        x = 1
    return x
def if_else(x):
    if x > 0:
        y = 1
    else:
        y = 2
    return y
def if_else_returns(x):
    if x > 0:
        return 1
    else:
        return 2
def if_return_fall(x):
    if x > 0:
        return 1
    return 2
def elif_chain(x):
    if x < 0:
        s = 'neg'
    elif x == 0:
        s = 'zero'
    else:
        s = 'pos'
    return s
def if_not(x):
    if not x:
        return 0
    return 1
def if_and(a, b):
    if a and b:
        return 1
    return 0
def if_or(a, b):
    if a or b:
        return 1
    return 0
def bool_value(a, b):
    return a and b
def bool_value_or(a, b, c):
    return a or b or c
def ternary(x):
    return 1 if x else 2
def for_sum(n):
    total = 0
    for i in range(n):
        total += i
    return total
def for_append(items):
    out = []
    for item in items:
        out.append(item * 2)
    return out
def for_if(items):
    n = 0
    for item in items:
        if item % 2 == 0:
            n += 1
    return n
def for_break(items):
    for item in items:
        if item:
            break
    return item
def for_continue(items):
    n = 0
    for item in items:
        if not item:
            continue
        n += item
    return n
def while_loop(n):
    i = 0
    while i < n:
        i += 1
    return i
def while_pop(stack):
    while stack:
        stack.pop()
def gen_range(n):
    for i in range(n):
        yield i * i
def gen_items(items):
    for item in items:
        yield item
def gen_yield_none():
    yield
def gen_two(a):
    yield a
    yield a + 1
def tuple_unpack(p):
    a, b = p
    return b, a
def swap(a, b):
    a, b = b, a
    return a
def triple_swap(a, b, c):
    a, b, c = c, b, a
    return a
def build_displays(a, b):
    return [a, b], (a, b), {a: b}, {a, b}
def const_list():
    return [1, 2, 3]
def const_tuple():
    return (1, 2, 3)
def const_set(x):
    return x in {1, 2, 3}
def dict_const_keys(a, b):
    return {'a': a, 'b': b}
def fstring(x):
    return f'{x}!'
def fstring_spec(x):
    return f'{x:.2f} and {x!r}'
def compare_chain(x):
    return 0 < x < 10
def compare_in(x, xs):
    return x in xs and x not in ()
def is_none(x):
    return x is None
def unary(x):
    return -x, not x, ~x
def listcomp(n):
    return [i * i for i in range(n)]
def listcomp_if(xs):
    return [x for x in xs if x]
def dictcomp(xs):
    return {x: len(x) for x in xs}
def setcomp(xs):
    return {x % 3 for x in xs}
def genexpr_sum(xs):
    return sum(x * x for x in xs)
def nested_listcomp(n):
    return [[j for j in range(i)] for i in range(n)]
def lambda_sort(xs):
    return sorted(xs, key=lambda x: -x)
def nested_def(x):
    def inner(y):
        return y + 1
    return inner(x)
def closure(x):
    def inner():
        return x
    return inner
def global_store(v):
    global counter
    counter = v
def multi_assign(x):
    a = b = x
    return a, b
def raise_it(x):
    raise ValueError(x)
def raise_bare():
    raise
def star_call(args):
    return max(*args)
def kwargs_call(kw):
    return dict(**kw)
def default_args(a, b=2, *, c=3):
    return a + b + c
def docstring(x):
    "A docstring."
    return x
def pass_only():
    pass
def del_local(x):
    del x
def assert_it(x):
    assert x, 'no'
def slice_ops(s):
    return s[1:], s[:-1], s[::2], s[1:2:3]
def string_method(s):
    return s.upper().strip().split(',')
def init_like(self, x, y):
    self.x = x
    self.y = y
def str_join(items):
    return ', '.join(str(i) for i in items)
def walrus(xs):
    if (n := len(xs)) > 3:
        return n
    return 0
def try_except(x):
    try:
        return int(x)
    except ValueError:
        return None
def with_stmt(m):
    with m:
        pass
def big_consts(x):
    return x + 1000000 + 2.5 + 'abc'
def neg_const():
    return -5
def power(x):
    return x ** 2, 2 ** 10
def not_compare(a, b):
    if not a < b:
        return a
    return b
def while_true(n):
    while True:
        n -= 1
        if n < 0:
            break
    return n
def for_else(items):
    for x in items:
        if x:
            break
    else:
        return None
    return x
def return_tuple_const():
    return 1, 2
def call_attr_chain(obj):
    return obj.a.b.c(1)
def yield_from(items):
    yield from items
def many_globals():
    return (abs, all, any, ascii, bin, bool, bytes, callable, chr, dict, dir, divmod)
def if_at_end(x):
    if x:
        y = 1
def if_else_at_end(x):
    if x:
        y = 1
    else:
        y = 2
def elif_at_end(x):
    if x < 0:
        print('neg')
    elif x == 0:
        print('zero')
def for_at_end(xs):
    for x in xs:
        print(x)
def while_at_end(n):
    while n > 0:
        n -= 1
def while_break(n):
    while n > 0:
        n -= 1
        if n == 5:
            break
    return n
def while_break_one_line(n):
    while n > 0:
        n -= 1
        if n == 5: break
    return n
def while_break_at_end(n):
    while n > 0:
        if n == 5:
            break
        n -= 1
def return_in_for(xs):
    for x in xs:
        if x > 2:
            return x
    return None
def return_const_in_for(xs):
    for x in xs:
        if x:
            return True
    return False
def return_in_nested_for(rows):
    for row in rows:
        for x in row:
            if x:
                return x
def nested_loops(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += i * j
    return total
def continue_while(n):
    i = 0
    while i < n:
        i += 1
        if i % 2:
            continue
        print(i)
def chained_if(x):
    if 0 <= x < 10:
        return 'digit'
    return 'other'
def chained_if_else(x):
    if 0 < x < 5 < 10:
        y = 1
    else:
        y = 2
    return y
def chained_not(x):
    if not 0 < x < 10:
        return 0
    return x
def mixed_bool(a, b, c):
    if a and not b or c:
        return 1
    return 2
def bool_in_while(a, b):
    while a and b:
        a -= 1
    return a
def nested_if(a, b):
    if a:
        if b:
            return 1
        else:
            return 2
    return 3
def nested_if_end(a, b):
    if a:
        if b:
            x = 1
        else:
            x = 2
    else:
        x = 3
    return x
def raise_in_if(x):
    if x < 0:
        raise ValueError('negative')
    return x
def assert_bare(x):
    assert x
    return x
def return_in_while(n):
    while n:
        if n == 3:
            return n
        n -= 1
    return -1
def gen_while(n):
    i = 0
    while i < n:
        yield i
        i += 1
def gen_if(xs):
    for x in xs:
        if x % 2:
            yield x
def gen_return(xs):
    for x in xs:
        if x is None:
            return
        yield x
def gen_send():
    total = 0
    while True:
        x = yield total
        total += x
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result
def dict_build(keys):
    d = {}
    for k in keys:
        d[k] = d.get(k, 0) + 1
    return d
def item_loop(d):
    for k, v in d.items():
        print(k, v)
def enumerate_loop(xs):
    for i, x in enumerate(xs):
        xs[i] = x * 2
def comprehension_closure(xs, k):
    return [x * k for x in xs]
def genexpr_closure(xs, k):
    return sum(x + k for x in xs if x > k)
def multi_clause(rows):
    return [x for row in rows for x in row if x]
def dict_items_comp(d):
    return {k: v for k, v in d.items() if v}
def lambda_default(n):
    return lambda x, n=n: x + n
def lambda_closure(n):
    return lambda x: x + n
def long_body(a):
    a = a + 1
    a = a + 2
    a = a + 3
    a = a + 4
    a = a + 5
    a = a + 6
    a = a + 7
    a = a + 8
    a = a + 9
    a = a + 10
    a = a + 11
    a = a + 12
    a = a + 13
    a = a + 14
    a = a + 15
    a = a + 16
    a = a + 17
    a = a + 18
    a = a + 19
    a = a + 20
    a = a + 21
    a = a + 22
    a = a + 23
    a = a + 24
    a = a + 25
    a = a + 26
    a = a + 27
    a = a + 28
    a = a + 29
    a = a + 30
    a = a + 31
    a = a + 32
    return a
def big_loop(xs):
    for x in xs:
        a = x + 1
        b = a + 2
        c = b + 3
        d = c + 4
        e = d + 5
        f = e + 6
        g = f + 7
        h = g + 8
        i = h + 9
        j = i + 10
        k = j + 11
        l = k + 12
        m = l + 13
        n = m + 14
        o = n + 15
        p = o + 16
        q = p + 17
        r = q + 18
        s = r + 19
        t = s + 20
        u = t + 21
        v = u + 22
        w = v + 23
        y = w + 24
        z = y + 25
        aa = z + 26
        bb = aa + 27
        cc = bb + 28
        dd = cc + 29
        ee = dd + 30
        ff = ee + 31
        gg = ff + 32
    return xs
def string_building(n):
    s = ''
    for i in range(n):
        s += str(i)
    return s
def method_on_self(self):
    return self.items.append(self.value)
def attr_chain_store(self, v):
    self.a.b = v
def getitem_slice_store(xs):
    xs[1:3] = [0]
    del xs[::2]
def unpack_star(xs):
    a, *rest = xs
    return rest
def ifexp_in_call(x):
    return abs(x if x else -x)
def not_value(x):
    y = not x
    return y
def tuple_targets_for(pairs):
    total = 0
    for a, b in pairs:
        total += a * b
    return total
def swap_attrs(o):
    o.a, o.b = o.b, o.a
def four_tuple(a, b, c, d):
    a, b, c, d = d, c, b, a
    return a
def walrus_while(xs):
    while (n := len(xs)) > 2:
        xs.pop()
    return n
