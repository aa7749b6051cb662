#!/usr/bin/env python3
"""End-to-end test of heapd's HTTP front end.

Starts a real heapd (gRPC on a free port, HTTP on a port it picks), drives a
session through the Connect protocol with JSON (unary calls and an Exec
stream of envelopes, including error cases with their HTTP statuses and
Connect codes), scrapes /metrics and checks its text format, reads /healthz
and /, then stops heapd with SIGTERM. Standard library only.

Usage: http_e2e_test.py HEAPD
"""

import json
import re
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

from checks import check, failures, free_port
import urllib.error
import urllib.request

SERVICE = "/heapsim.v1.HeapService/"
# The figures CPython 3.12.1 prints for the same program.
SCRIPT = "import sys\nx = [1, 2, 3]\nprint(sys.getsizeof(x), sys.getrefcount(x))\ny = x\nprint(sys.getrefcount(x))\n"
SCRIPT_STDOUT = "88 2\n3\n"
METRIC_LINE = re.compile(
    r'^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? '
    r'(-?[0-9.eE+-]+|NaN|\+Inf|-Inf)$')



class Http:
    def __init__(self, port):
        self.base = f"http://127.0.0.1:{port}"

    def request(self, path, body=None, headers=None, method=None):
        """(status, headers, body bytes) of one request."""
        req = urllib.request.Request(self.base + path, data=body, headers=headers or {},
                                     method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return resp.status, resp.headers, resp.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def unary(self, method, message, session=None, headers=None):
        """(status, decoded JSON body) of a Connect unary call."""
        all_headers = {"Content-Type": "application/json"}
        if session:
            all_headers["x-heapsim-session"] = session[0]
            all_headers["x-heapsim-token"] = session[1]
        all_headers.update(headers or {})
        status, resp_headers, body = self.request(SERVICE + method, json.dumps(message).encode(),
                                                  all_headers)
        check(resp_headers.get("Content-Type", "").startswith("application/json"),
              f"{method}: JSON content type, got {resp_headers.get('Content-Type')}")
        return status, json.loads(body)

    def stream(self, method, message=None, raw=None, session=None):
        """(status, [(flags, decoded JSON)]) of a Connect server-streaming call."""
        payload = raw if raw is not None else envelope(0, json.dumps(message).encode())
        headers = {"Content-Type": "application/connect+json"}
        if session:
            headers["x-heapsim-session"] = session[0]
            headers["x-heapsim-token"] = session[1]
        status, resp_headers, body = self.request(SERVICE + method, payload, headers)
        check(resp_headers.get("Content-Type") == "application/connect+json",
              f"{method}: stream content type, got {resp_headers.get('Content-Type')}")
        return status, unwrap(body)


def envelope(flags, payload):
    return struct.pack(">BI", flags, len(payload)) + payload


def unwrap(body):
    messages = []
    while body:
        check(len(body) >= 5, "a whole envelope prefix")
        flags, length = struct.unpack(">BI", body[:5])
        check(len(body) >= 5 + length, "a whole envelope")
        messages.append((flags, json.loads(body[5:5 + length])))
        body = body[5 + length:]
    return messages


def start(heapd, log):
    grpc_port = free_port()
    process = subprocess.Popen([heapd, f"--listen=127.0.0.1:{grpc_port}",
                                "--http_listen=127.0.0.1:0"], stdout=log, stderr=log)
    for _ in range(200):
        log.flush()
        with open(log.name) as f:
            found = re.search(r"http listening on port (\d+)", f.read())
        if found:
            return process, int(found.group(1))
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    with open(log.name) as f:
        sys.exit("heapd did not start HTTP:\n" + f.read())


def test_pages(http):
    status, headers, body = http.request("/healthz")
    check(status == 200 and body == b"ok\n", f"/healthz: {status} {body!r}")
    status, headers, body = http.request("/")
    check(status == 200 and b"<title>heapsim</title>" in body, f"/: {status}")
    check(headers.get("Content-Type", "").startswith("text/html"), "/ is HTML")
    status, headers, body = http.request("/static/js/main.js")
    check(status == 200 and b"import" in body, f"/static/js/main.js: {status}")
    check(headers.get("Content-Type", "").startswith("text/javascript"),
          "the viewer's modules are JavaScript")
    status, _, _ = http.request("/static/no-such-file.js")
    check(status == 404, f"missing static file: {status}")


def test_session(http):
    status, created = http.unary("CreateSession", {"profile": "3.12"})
    check(status == 200, f"CreateSession: {status} {created}")
    session = (created["session"]["name"], created["token"])
    check(created["session"]["profile"] == "3.12", "session profile")

    status, change = http.unary("Allocate", {"value": {"literal": "[1, 2, 3]"}, "as": "x"},
                                session)
    check(status == 200, f"Allocate: {status} {change}")
    x = change["result"]
    check(x["type"] == "list" and x["size"] == "88" and x["refcount"] == "1",
          f"Allocate's result: {x}")
    check(len(x["referents"]) == 3, "a list of three has three referents")

    status, bound = http.unary("Bind", {"name": "y", "target": {"name": "x"}}, session)
    check(status == 200, f"Bind: {status} {bound}")
    status, inspected = http.unary("Inspect", {"object": {"name": "x"}}, session)
    check(status == 200 and inspected["object"]["address"] == x["address"]
          and inspected["object"]["refcount"] == "2", f"Inspect x: {status} {inspected}")
    status, whole = http.unary("Inspect", {"session": True}, session)
    names = {b["name"]: b["address"] for f in whole["frames"] for b in f.get("bindings", [])}
    check(names.get("x") == x["address"] and names.get("y") == x["address"],
          f"Inspect session binds x and y: {names}")

    # Python-level error: failed_precondition, HTTP 400, CPython's message.
    status, error = http.unary("Mutate", {"target": {"name": "x"}, "method": "pop",
                                          "args": [{"intValue": "10"}]}, session)
    check(status == 400 and error == {"code": "failed_precondition",
                                      "message": "IndexError: pop index out of range"},
          f"Mutate pop(10): {status} {error}")
    # Authentication errors, as over gRPC.
    status, error = http.unary("Inspect", {"session": True},
                               headers={"x-heapsim-session": session[0]})
    check(status == 401 and error["code"] == "unauthenticated", f"no token: {status} {error}")
    status, error = http.unary("Inspect", {"session": True}, (session[0], "wrong"))
    check(status == 403 and error["code"] == "permission_denied", f"bad token: {status} {error}")
    status, error = http.unary("Inspect", {"session": True}, ("sessions/nope", session[1]))
    check(status == 404 and error["code"] == "not_found", f"unknown session: {status} {error}")
    # Malformed requests.
    status, error = http.unary("CreateSession", {"profile": "2.7"})
    check(status == 400 and error["code"] == "invalid_argument", f"bad profile: {status} {error}")
    status, error = http.unary("CreateSession", {"profil": "3.12"})
    check(status == 400 and error["code"] == "invalid_argument", f"unknown field: {status} {error}")
    status, error = http.unary("Allocate", {}, session, {"Connect-Timeout-Ms": "soon"})
    check(status == 400 and error["code"] == "invalid_argument", f"bad timeout: {status} {error}")
    status, error = http.unary("NoSuchMethod", {})
    check(status == 404 and error["code"] == "unimplemented", f"unknown method: {status} {error}")
    status, headers, body = http.request(SERVICE + "Allocate", b"{}",
                                         {"Content-Type": "text/plain"})
    check(status == 415 and headers.get("Accept-Post") == "application/json",
          f"wrong content type: {status}")

    # A script in the session, as a stream of envelopes.
    status, messages = http.stream("Exec", {"source": SCRIPT, "filename": "s.py",
                                            "streamEvents": True}, session=session)
    check(status == 200, f"Exec: {status}")
    check(messages and messages[-1] == (2, {}), f"Exec ends with an empty end-stream: {messages[-1:]}")
    check(all(flags == 0 for flags, _ in messages[:-1]), "only the last envelope is the end")
    events = [m for _, m in messages[:-1]]
    stdout = "".join(m.get("stdout", "") for m in events)
    check(stdout == SCRIPT_STDOUT, f"Exec's stdout: {stdout!r}")
    check(any(m.get("heapEvent", {}).get("kind") == "ALLOC" for m in events), "Exec streams ALLOC events")
    check(events[-1].get("result", None) == {}, f"Exec's result is exit 0: {events[-1]}")

    # A script that raises: exit code 1 in the result, the stream itself ends well.
    status, messages = http.stream("Exec", {"source": "1 / 0\n", "profile": "3.12"})
    result = messages[-2][1].get("result", {})
    check(status == 200 and messages[-1] == (2, {}) and result.get("exitCode") == 1
          and result.get("error") == "ZeroDivisionError: division by zero",
          f"Exec 1/0: {status} {messages}")
    # A stream's errors come in its end-stream envelope, with HTTP 200.
    status, messages = http.stream("Exec", raw=b"\x00\x00")
    check(status == 200 and len(messages) == 1 and messages[0][0] == 2
          and messages[0][1]["error"]["code"] == "invalid_argument", f"bad envelope: {messages}")
    status, messages = http.stream("WatchStats", {}, session=("sessions/nope", "x"))
    check(status == 200 and messages[-1][1].get("error", {}).get("code") == "not_found",
          f"WatchStats on an unknown session: {messages}")
    return session


def parse_metrics(text):
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            check(not line or line.startswith("# HELP ") or line.startswith("# TYPE "),
                  f"comment line: {line!r}")
            continue
        check(METRIC_LINE.match(line) is not None, f"metric line: {line!r}")
        name, _, value = line.rpartition(" ")
        samples[name] = float(value)
    return samples


def test_metrics(http):
    status, headers, body = http.request("/metrics")
    check(status == 200 and headers.get("Content-Type", "").startswith("text/plain; version=0.0.4"),
          f"/metrics: {status} {headers.get('Content-Type')}")
    samples = parse_metrics(body.decode())
    method = 'heapsim.v1.HeapService/'
    check(samples.get(f'heapsim_calls_total{{code="ok",method="{method}CreateSession"}}') == 1,
          "one successful CreateSession counted")
    check(samples.get(f'heapsim_calls_total{{code="failed_precondition",method="{method}Mutate"}}') == 1,
          "one failed Mutate counted")
    check(samples.get(f'heapsim_calls_total{{code="ok",method="{method}Exec"}}') == 2,
          "two Execs counted")
    check(samples.get(f'heapsim_call_duration_seconds_count{{method="{method}Allocate"}}') == 1,
          "Allocate's latency observed once")
    check(samples.get("heapsim_sessions") == 1, "one session")
    check(samples.get("heapsim_running_execs") == 0, "no Exec running")
    check(samples.get("heapsim_simulated_bytes", 0) > 0, "simulated bytes reported")
    check(samples.get("heapsim_host_resident_bytes", 0) > 0, "host bytes reported")


def running_execs(http):
    _, _, body = http.request("/metrics")
    return parse_metrics(body.decode()).get("heapsim_running_execs")


def test_hostile(http, port):
    """Inputs that must neither crash nor hang heapd."""
    deep = '{"value":' + '{"listValue":{"items":[' * 5000 + '{"none":true}' + ']}}' * 5000 + '}'
    status, _, body = http.request(SERVICE + "Allocate", deep.encode(),
                                   {"Content-Type": "application/json"})
    check(status == 400 and json.loads(body)["code"] == "invalid_argument", f"deep JSON: {status}")
    status, _, _ = http.request(SERVICE + "CreateSession", b'{"profile":"' + b"a" * (17 << 20) + b'"}',
                                {"Content-Type": "application/json"})
    check(status == 413, f"a body over --max_message_bytes: {status}")
    status, _, body = http.request(SERVICE + "CreateSession", b'{"profile":"\xff"}',
                                   {"Content-Type": "application/json"})
    check(status == 400 and json.loads(body)["code"] == "invalid_argument", f"bad UTF-8: {status}")
    # A deadline stops a script that never ends.
    endless = {"source": "while True:\n    pass\n", "profile": "3.12"}
    status, _, body = http.request(SERVICE + "Exec", envelope(0, json.dumps(endless).encode()),
                                   {"Content-Type": "application/connect+json",
                                    "Connect-Timeout-Ms": "300"})
    messages = unwrap(body)
    check(status == 200 and messages[-1][0] == 2
          and messages[-1][1].get("error", {}).get("code") == "deadline_exceeded",
          f"Connect-Timeout-Ms: {messages}")
    # A client that goes away mid-stream cancels its script. The session's
    # step limit lets the script run for minutes on its own.
    status, created = http.unary("CreateSession", {"profile": "3.12",
                                                   "limits": {"maxSteps": "2000000000"}})
    check(status == 200, f"CreateSession with a high step limit: {status} {created}")
    payload = envelope(0, json.dumps({"source": endless["source"]}).encode())
    with socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(f"POST {SERVICE}Exec HTTP/1.1\r\nHost: x\r\n"
                     f"Content-Type: application/connect+json\r\n"
                     f"x-heapsim-session: {created['session']['name']}\r\n"
                     f"x-heapsim-token: {created['token']}\r\n"
                     f"Content-Length: {len(payload)}\r\n\r\n".encode() + payload)
        for _ in range(200):
            if running_execs(http) == 1:
                break
            time.sleep(0.05)
        check(running_execs(http) == 1, "the endless script runs")
    for _ in range(200):
        if running_execs(http) == 0:
            break
        time.sleep(0.05)
    check(running_execs(http) == 0, "a disconnected client's script is cancelled")


def main():
    heapd = sys.argv[1]
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        process, port = start(heapd, log)
        try:
            http = Http(port)
            test_pages(http)
            session = test_session(http)
            test_metrics(http)
            test_hostile(http, port)
            status, deleted = http.unary("DeleteSession", {"name": session[0]}, session)
            check(status == 200 and deleted == {}, f"DeleteSession: {status} {deleted}")
        finally:
            process.send_signal(signal.SIGTERM)
            code = process.wait(timeout=20)
        log.seek(0)
        text = log.read()
        check(code == 0 and "heapd: stopped" in text, f"heapd stopped cleanly ({code}):\n{text}")
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
    print("http e2e: all checks passed")


if __name__ == "__main__":
    main()
