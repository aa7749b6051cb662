"""What the HTTP end-to-end tests share: recorded checks and a free port."""
import socket
import sys

# Every failed check's description, in order; a test exits 1 when any.
failures = []


def check(condition, what):
    """Records `what` as a failure (and prints it) unless `condition`."""
    if not condition:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def free_port():
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
