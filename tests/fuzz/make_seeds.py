#!/usr/bin/env python3
"""Writes fuzz seeds from heap scripts: each script's text after the header
bytes a target reads first (profile, step budget, memory headroom, when to
cancel), chosen so that the seed runs as far as the target's limits allow.

Usage: make_seeds.py HEADER_BYTES OUT_DIR SCRIPT...
"""
import pathlib
import sys


def main() -> int:
    header_bytes = int(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for index, script in enumerate(sorted(sys.argv[3:])):
        path = pathlib.Path(script)
        # profile (cycled), most steps, most headroom, never cancelled
        header = bytes([index % 256, 255, 255, 0])[:header_bytes]
        (out / path.stem).write_bytes(header + path.read_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main())
