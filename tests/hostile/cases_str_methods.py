"""str's methods asked for huge results or run over long text: widths and
tab sizes past the session's memory end in MemoryError before anything is
built; splitting, case mapping and searching long text (for a long needle
of one repeated character too) stay within the limits; text past Latin-1
that needs Unicode's tables is refused by name."""
from run_hostile import Case

CASES = [
    Case("str_ljust_huge_width", "x = 'a'.ljust(10**12)\n", 1, r"MemoryError"),
    Case("str_center_width_past_ssize", "x = 'a'.center(2**62, 'b')\n", 1, r"MemoryError"),
    Case("str_zfill_huge_width", "x = 'a'.zfill(2**40)\n", 1, r"MemoryError"),
    Case("str_expandtabs_huge_tabsize", "x = ('\\t' * 1000).expandtabs(2**30)\n", 1,
         r"MemoryError"),
    Case("str_expandtabs_tabsize_past_int", "x = 'a\\tb'.expandtabs(2**40)\n", 1,
         r"OverflowError: Python int too large to convert to C int"),
    Case("str_replace_result_past_memory",
         "x = ('a' * 10**6).replace('a', 'bb' * 1000)\n", 1, r"MemoryError", seconds=10),
    Case("bytes_replace_result_past_memory",
         "x = (b'a' * 10**6).replace(b'a', b'bb' * 1000)\n", 1, r"MemoryError", seconds=10),
    Case("str_split_long_text",
         "s = 'ab ' * 300000\n"
         "print(len(s.split()), len(s.rsplit(None, 5)), len(s.splitlines()), len(s.title()))\n",
         0, r"^$", stdout=r"300000 6 1 900000", seconds=30),
    Case("str_search_long_text",
         "s = ('x' * 100000 + '\\n') * 20\n"
         "print(len(s.splitlines(True)), s.count('x'), s.rfind('q'), s.rindex('x'))\n",
         0, r"^$", stdout=r"20 2000000 -1 2000018", seconds=30),
    Case("str_search_periodic_needle",
         "s = 'a' * 1000000\nn = 'a' * 20000 + 'b'\n"
         "print(s.find(n), s.rfind(n), s.count(n), len(s.split(n)), len(s.rsplit(n)))\n",
         0, r"^$", stdout=r"-1 -1 0 1 1", seconds=10),
    Case("str_title_past_latin1", "print(('a' * 1000 + '\\u01c6').title())\n", 2,
         r"unsupported: str.title\(\) of text outside Latin-1"),
]
