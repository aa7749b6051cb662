#!/usr/bin/env python3
"""The viewer in a real browser: headless Chromium driven by Selenium.

Starts a real heapd (gRPC and HTTP on free ports), opens the page it serves
and checks, through the DOM: the aliasing example (list1 = [1, 2, 3];
list2 = list1; list1.append(4)) on 3.11 stepped to the line after
`list2 = list1` shows two names with arrows to one list of getsizeof 88 and
refcount 2, and after the append both reach 4 items; Exercise 2 shows the
reused blocks in the pool panel; Compare of 3.10 and 3.11 marks
sys.getsizeof(0), 24 against 28; Live follows a session that heapctl
changes; Export writes an SVG; the permalink carries the program. Then a
Connect call and a streaming call by curl, and /metrics parsed. Finally it
measures and prints (asserting nothing about speed) the time to show a step
of a 10,000-step trace whose last steps reach about 5,000 objects.
Screenshots go to OUT_DIR as PNGs.

Installs nothing: without Chromium, chromedriver or python3-selenium
(deploy/install-deps.sh installs them) it exits 77, which ctest reports as
skipped.

Usage: browser_test.py HEAPD HEAPCTL OUT_DIR
"""

import base64
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import xml.dom.minidom

SKIP = 77

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError:
    # Debian's python3-selenium lives in the system interpreter, which a
    # python3 earlier on PATH (pyenv, a venv) does not see.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath(
            "/usr/bin/python3") and "HEAPSIM_BROWSER_REEXEC" not in os.environ:
        os.environ["HEAPSIM_BROWSER_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("SKIP: python3-selenium is not installed (deploy/install-deps.sh installs it)")
    sys.exit(SKIP)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import check, failures, free_port  # noqa: E402
from http_e2e_test import SERVICE, Http, envelope, parse_metrics, start, unwrap  # noqa: E402

ALIASING = "list1 = [1, 2, 3]\nlist2 = list1\nlist1.append(4)\n"
SIZES = "import sys\nzero = 0\nprint(sys.getsizeof(0))\n"
EXERCISE2 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "grading", "exercise2",
                         "correct.py")
# About 10,000 steps (one per `i += 1`), the last ones reaching about
# 5,000 objects: 2,500 one-item lists, their 2,500 ints and the outer list.
PERF_LOOP = 9960
PERF = (f"i = 0\nwhile i < {PERF_LOOP}:\n    i += 1\n"
        "big = [[j] for j in range(2500)]\nfor k in range(12):\n    pass\n")


def find_browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not chromium or not driver:
        print("SKIP: Chromium or chromedriver is missing "
              "(apt-get install chromium chromium-driver; deploy/install-deps.sh)")
        sys.exit(SKIP)
    return chromium, driver


def open_browser(chromium, driver, downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={tempfile.mkdtemp()}",
                     "--window-size=1700,1000"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(driver), options=options)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior",
                            {"behavior": "allow", "downloadPath": downloads})
    return browser


def link(base, source, profile, compare=""):
    fragment = {"profile": profile}
    if compare:
        fragment["compare"] = compare
    fragment["py"] = base64.urlsafe_b64encode(source.encode()).decode().rstrip("=")
    return base + "/#" + urllib.parse.urlencode(fragment)


def wait_for(browser, condition, what, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = browser.execute_script(condition)
        if value:
            return value
        time.sleep(0.05)
    check(False, f"timed out waiting for {what}")
    return None


def load(browser, url):
    """Opens `url` (a permalink: the page runs its program) and waits for the trace."""
    browser.get("about:blank")
    browser.get(url)
    state = wait_for(browser, "return ['ready','error'].includes(document.body.dataset.state) && "
                              "document.body.dataset.state", "the run", seconds=120)
    check(state == "ready", f"the run of {url[:80]}... ended {state}: "
                            f"{browser.find_element(By.ID, 'status').text}")


def show(browser, step):
    browser.execute_script(f"window.heapsimViewer.show({step})")


def step_label(browser):
    return browser.find_element(By.ID, "step-label").text


def binding_target(browser, name):
    found = browser.find_elements(By.CSS_SELECTOR, f"#diagram g.binding[data-name='{name}']")
    return found[0].get_attribute("data-target") if found else None


def object_box(browser, address, diagram="diagram"):
    found = browser.find_elements(By.CSS_SELECTOR, f"#{diagram} g.obj[data-address='{address}']")
    return found[0] if found else None


def arrows_to(browser, address):
    return len(browser.find_elements(By.CSS_SELECTOR, f"#diagram path.arrow[data-to='{address}']"))


def test_aliasing(browser, base, out):
    load(browser, link(base, ALIASING, "3.11"))
    browser.find_element(By.ID, "forward").click()
    browser.find_element(By.ID, "forward").click()
    label = step_label(browser)
    check(label.startswith("Step 2 of 3: line 3."), f"stepped to line 3: {label}")
    marked = browser.find_element(By.CSS_SELECTOR, ".editor .gutter .current").text
    check(marked == "3", f"the editor marks line 3: {marked}")
    first, second = binding_target(browser, "list1"), binding_target(browser, "list2")
    check(first and first == second, f"list1 and list2 name one object: {first} {second}")
    box = object_box(browser, first)
    check(box is not None, "the list is drawn")
    if box is not None:
        check(box.get_attribute("data-type") == "list", "it is a list")
        check(box.get_attribute("data-size") == "88", f"getsizeof 88: {box.get_attribute('data-size')}")
        check(box.get_attribute("data-refcount") == "2",
              f"refcount 2: {box.get_attribute('data-refcount')}")
        text = box.text
        check("88 B" in text and "refcount 2" in text and f"id {first}" in text,
              f"the box says its size, refcount and id: {text!r}")
        check(len(box.find_elements(By.CSS_SELECTOR, "rect.cell")) == 3, "three cells")
    check(arrows_to(browser, first) == 2, f"two arrows to the list: {arrows_to(browser, first)}")
    browser.save_screenshot(os.path.join(out, "aliasing.png"))
    # The README's picture (tests/http/viewer.png is a copy): a smaller window.
    browser.set_window_size(1400, 760)
    browser.save_screenshot(os.path.join(out, "viewer.png"))
    browser.set_window_size(1700, 1000)

    browser.find_element(By.ID, "forward").click()
    label = step_label(browser)
    check(label.startswith("Step 3 of 3: after the last line."), f"after the append: {label}")
    first, second = binding_target(browser, "list1"), binding_target(browser, "list2")
    check(first and first == second, "still one list")
    box = object_box(browser, first)
    if box is not None:
        cells = box.find_elements(By.CSS_SELECTOR, "rect.cell")
        check(box.get_attribute("data-items") == "4" and len(cells) == 4,
              f"both names reach 4 items: {box.get_attribute('data-items')} {len(cells)}")
        check(box.get_attribute("data-size") == "88", "append within the capacity: still 88 bytes")
        check("changed" in box.get_attribute("class"), "the list is marked changed")
    check(arrows_to(browser, first) == 2, "two arrows to the list after the append")
    # Small ints as CPython stores them: one shared object each.
    browser.find_element(By.ID, "inline").click()
    shared = browser.find_elements(By.CSS_SELECTOR, "#diagram g.obj.shared[data-type='int']")
    check(len(shared) == 4, f"four shared int objects drawn: {len(shared)}")
    browser.save_screenshot(os.path.join(out, "aliasing-shared.png"))
    browser.find_element(By.ID, "inline").click()

    # Export and permalink.
    permalink = browser.find_element(By.ID, "permalink").get_attribute("href")
    fragment = urllib.parse.parse_qs(urllib.parse.urlparse(permalink).fragment)
    source = base64.urlsafe_b64decode(fragment["py"][0] + "=" * (-len(fragment["py"][0]) % 4))
    check(source.decode() == ALIASING and fragment["profile"] == ["3.11"],
          f"the permalink carries the program and profile: {permalink}")


def test_export(browser, downloads):
    browser.find_element(By.ID, "export").click()
    path = os.path.join(downloads, "heapsim-step-3.svg")
    for _ in range(100):
        if os.path.exists(path):
            break
        time.sleep(0.05)
    check(os.path.exists(path), f"Export SVG wrote {path}: {os.listdir(downloads)}")
    if os.path.exists(path):
        document = xml.dom.minidom.parse(path)
        texts = " ".join(node.firstChild.data for node in document.getElementsByTagName("tspan")
                         if node.firstChild)
        check(document.documentElement.tagName == "svg" and "88 B" in texts,
              "the exported SVG is the picture")


def test_exercise2(browser, base, out):
    with open(EXERCISE2) as f:
        source = f.read()
    load(browser, link(base, source, "3.11"))
    browser.find_element(By.ID, "last").click()
    stdout = browser.find_element(By.ID, "stdout").text
    check("Reused addresses: 1000 out of 1,000" in stdout, f"Exercise 2's output: {stdout!r}")
    reused = int(browser.find_element(By.CSS_SELECTOR, "[data-testid=reused]").text)
    panel = browser.find_element(By.ID, "memory").text
    found = re.search(r"list (\d+)", panel)
    check(reused >= 1000 and found and int(found.group(1)) >= 1000,
          f"the pool panel shows the reused blocks: {reused}, {found and found.group(0)}")
    rows = browser.find_elements(By.CSS_SELECTOR, "#memory .pools svg.blocks")
    check(len(rows) >= 5, f"the size classes' block grid: {len(rows)} rows")
    browser.save_screenshot(os.path.join(out, "exercise2.png"))


def test_compare(browser, base, out):
    load(browser, link(base, SIZES, "3.10", compare="3.11"))
    browser.find_element(By.ID, "last").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#differences tr.diff")
    facts = [[td.text for td in row.find_elements(By.TAG_NAME, "td")] for row in rows]
    check(["zero", "sys.getsizeof", "24", "28"] in facts, f"zero's size differs: {facts}")
    check(["output line 1", "printed", "24", "28"] in facts, f"the printed size differs: {facts}")
    marked_a = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#stdout .diff")]
    marked_b = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#stdout-b .diff")]
    check(marked_a == ["24"] and marked_b == ["28"], f"output lines marked: {marked_a} {marked_b}")
    # Drawn as CPython stores them, zero's box shows the differing size marked.
    browser.find_element(By.ID, "inline").click()
    for diagram, size in (("diagram", "24"), ("diagram-b", "28")):
        marked = browser.find_elements(By.CSS_SELECTOR, f"#{diagram} tspan.diff[data-field=size]")
        check([e.text for e in marked] == [f"{size} B"], f"{diagram} marks {size} B: "
                                                        f"{[e.text for e in marked]}")
    browser.save_screenshot(os.path.join(out, "compare.png"))
    browser.find_element(By.ID, "inline").click()


def test_live(browser, base, http, heapctl, grpc_port, out):
    status, created = http.unary("CreateSession", {"profile": "3.12"})
    check(status == 200, f"CreateSession: {status} {created}")
    name, token = created["session"]["name"], created["token"]
    browser.get("about:blank")
    browser.get(base + "/")
    wait_for(browser, "return document.body.dataset.ready", "the page")
    browser.find_element(By.CSS_SELECTOR, ".modes button[data-mode=live]").click()
    browser.find_element(By.ID, "live-name").send_keys(name)
    browser.find_element(By.ID, "live-token").send_keys(token)
    browser.find_element(By.ID, "attach").click()
    env = dict(os.environ, HEAPSIM_SESSION=name, HEAPSIM_TOKEN=token,
               HEAPSIM_SERVER=f"127.0.0.1:{grpc_port}")
    for command in (["alloc", "['a', 'b']", "--as=x"], ["bind", "y", "x"]):
        done = subprocess.run([heapctl] + command, env=env, capture_output=True, text=True)
        check(done.returncode == 0, f"heapctl {command}: {done.returncode} {done.stderr}")
    wait_for(browser, "return document.querySelector(\"#diagram g.binding[data-name='y']\")",
             "y in the live picture", seconds=20)
    target = binding_target(browser, "x")
    check(target and target == binding_target(browser, "y"), "x and y name one list, live")
    box = object_box(browser, target) if target else None
    check(box is not None and box.get_attribute("data-refcount") == "2",
          "the live list's refcount is 2")
    browser.save_screenshot(os.path.join(out, "live.png"))
    browser.find_element(By.ID, "detach").click()
    http.unary("DeleteSession", {"name": name}, (name, token))


def test_curl(http, port):
    curl = shutil.which("curl")
    base = f"http://127.0.0.1:{port}"
    if not curl:
        print("note: no curl here; the Connect calls were checked with urllib by http.e2e")
        return
    done = subprocess.run([curl, "-s", "-H", "Content-Type: application/json",
                           "-d", '{"profile": "3.11"}', base + SERVICE + "CreateSession"],
                          capture_output=True, text=True)
    created = json.loads(done.stdout or "{}")
    check(created.get("session", {}).get("profile") == "3.11" and created.get("token"),
          f"curl CreateSession: {done.stdout}")
    request = envelope(0, json.dumps({"source": "x = [1, 2, 3]\nprint(len(x))\n",
                                      "profile": "3.11"}).encode())
    done = subprocess.run([curl, "-s", "-H", "Content-Type: application/connect+json",
                           "--data-binary", "@-", base + SERVICE + "Exec"],
                          input=request, capture_output=True)
    messages = unwrap(done.stdout)
    stdout = "".join(m.get("stdout", "") for _, m in messages)
    check(stdout == "3\n" and messages[-1] == (2, {}), f"curl Exec stream: {messages}")
    _, _, body = http.request("/metrics")
    samples = parse_metrics(body.decode())
    check(samples.get('heapsim_calls_total{code="ok",method="heapsim.v1.HeapService/Exec"}', 0) >= 4,
          "/metrics counts the Execs")


def test_render_time(browser, base, out):
    load(browser, link(base, PERF, "3.11"))
    browser.find_element(By.ID, "max-steps").clear()
    browser.find_element(By.ID, "max-steps").send_keys("10000")
    started = time.time()
    browser.execute_script("document.body.dataset.state = 'running'; window.heapsimViewer.run()")
    wait_for(browser, "return document.body.dataset.state === 'ready'", "the 10,000-step run", 300)
    loaded = time.time() - started
    counts = browser.execute_script(
        "const t = window.heapsimViewer.state.traces[0];"
        "return [t.steps.length, Math.max(...t.steps.map((s) => s.objects.size)),"
        "        t.steps.filter((s) => s.objects.size >= 4000).length];")
    steps, most, big = counts
    status = browser.find_element(By.ID, "status").text
    check(status.startswith("CPython 3.11: exit 0;") or status.startswith("CPython 3.11: exit 0 ("),
          f"the long run ends well: {status}")
    check(steps >= 9900, f"a trace of about 10,000 steps: {steps}")
    check(most >= 5000, f"its last steps reach about 5,000 objects: {most}")
    # Every tenth step, and every step of the large heap, one after another
    # as the slider moves (each step's marks compare it with the step before).
    browser.set_script_timeout(300)
    times = browser.execute_script(
        "const v = window.heapsimViewer; const steps = v.state.traces[0].steps;"
        "const small = [], large = [];"
        "for (let i = 0; i < steps.length; i++) {"
        "  const isLarge = steps[i].objects.size >= 4000;"
        "  if (!isLarge && i % 10) continue;"
        "  (isLarge ? large : small).push(v.show(i));"
        "}"
        "return [small, large];")
    small, large = times
    drawn = browser.execute_script("return window.heapsimViewer.state.boxes")

    def summary(values):
        values = sorted(values)
        return (f"median {statistics.median(values):.2f} ms, p99 {values[int(len(values) * 0.99)]:.2f} ms, "
                f"max {values[-1]:.2f} ms over {len(values)} steps")
    print(f"render: trace of {steps} steps loaded in {loaded:.1f} s (run, stream and parse)")
    if not small or not large:
        return
    print(f"render: steps reaching < 4,000 objects: {summary(small)}")
    print(f"render: steps reaching {most} objects ({big} of them; {drawn} boxes drawn, "
          f"the rest collapsed): {summary(large)}")
    browser.save_screenshot(os.path.join(out, "render.png"))
    # The same large steps with every item of every container drawn.
    browser.execute_script("const s = document.getElementById('max-items');"
                           "s.value = s.options[s.options.length - 1].value;")
    every = browser.execute_script(
        "const v = window.heapsimViewer; const steps = v.state.traces[0].steps; const times = [];"
        "for (let i = 0; i < steps.length; i++) {"
        "  if (steps[i].objects.size >= 4000) times.push(v.show(i));"
        "}"
        "return times;")
    drawn = browser.execute_script("return window.heapsimViewer.state.boxes")
    print(f"render: the same steps with every item drawn ({drawn} boxes laid out, those near "
          f"the scrolled-to part drawn): {summary(every)}")
    browser.save_screenshot(os.path.join(out, "render-all.png"))
    # Scrolled far down, the part now in view is drawn.
    browser.execute_script("document.getElementById('diagram').scrollTop = 40000")
    time.sleep(0.3)
    shown = browser.execute_script(
        "const view = document.getElementById('diagram');"
        "return [...view.querySelectorAll('g.obj > rect.body')].filter((r) => {"
        "  const y = Number(r.getAttribute('y'));"
        "  return y + Number(r.getAttribute('height')) >= view.scrollTop &&"
        "         y <= view.scrollTop + view.clientHeight; }).length;")
    check(shown > 0, f"scrolling draws the objects scrolled into view: {shown}")


def console_errors(browser):
    return [entry for entry in browser.get_log("browser") if entry.get("level") == "SEVERE"]


def main():
    heapd, heapctl, out = sys.argv[1:4]
    chromium, driver = find_browser()
    os.makedirs(out, exist_ok=True)
    downloads = tempfile.mkdtemp()
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        process, port = start(heapd, log)
        log.seek(0)
        grpc_port = int(re.search(r"listening on 127\.0\.0\.1:(\d+)", log.read()).group(1))
        browser = None
        try:
            http = Http(port)
            browser = open_browser(chromium, driver, downloads)
            base = f"http://127.0.0.1:{port}"
            test_aliasing(browser, base, out)
            test_export(browser, downloads)
            test_exercise2(browser, base, out)
            test_compare(browser, base, out)
            test_live(browser, base, http, heapctl, grpc_port, out)
            test_curl(http, port)
            test_render_time(browser, base, out)
            errors = console_errors(browser)
            check(not errors, f"no errors in the browser's console: {errors}")
        finally:
            if browser is not None:
                browser.quit()
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")
    print(f"browser: all checks passed; screenshots in {out}")


if __name__ == "__main__":
    main()
