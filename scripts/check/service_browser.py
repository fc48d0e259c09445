#!/usr/bin/env python3
"""Drives headless Chromium (Debian) through the service's pages as each user would, and saves what it
sees: used by scripts/check/service-browser.sh, which starts the service and writes the plan.

    service_browser.py PLAN.json

PLAN.json: {"base": "http://127.0.0.1:PORT", "out": "FOLDER", "visits": [{"role": "coordinator-namur",
"token": "...", "steps": [STEP…]}]}; a STEP opens "path" and saves it as "name", expecting "status"
(default 200); it may first choose "file" in the file input "file_field", "fill" fields ({"#id": "value"}),
tick the checkboxes "check" (["#id"]), turn the form's own checks off ("novalidate": true) and click the "submit" button or link (a CSS selector), then reload
the page it led to until the script "until" is true (a job that ends; "timeout" seconds, default 180).

For each visit, a fresh browser profile signs in through the sign-in page (types the token, presses the
button) and saves that page as ROLE-home, then follows its steps; each page is saved as FOLDER/ROLE-NAME.png
(the whole page) and FOLDER/html/ROLE-NAME.html (the DOM as rendered), and its text contrasts are checked. Every same-site link of every page is then followed with the session cookie and must not
answer an error. Chromium is spoken to over --remote-debugging-pipe (the DevTools protocol as
NUL-separated JSON on file descriptors 3 and 4): no network, no extra package.

Prints one line per page and link problem; exits 1 when a page did not answer its expected status or a
link is broken.
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request


class Browser:
    """A headless Chromium with a fresh profile, driven over the DevTools pipe."""

    def __init__(self, width=1280):
        self.profile = tempfile.TemporaryDirectory(prefix="parcours-chromium-")
        to_child_read, self.to_child = os.pipe()
        self.from_child, from_child_write = os.pipe()

        def wire_pipes():
            os.dup2(to_child_read, 3)
            os.dup2(from_child_write, 4)

        self.process = subprocess.Popen(
            [
                "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--remote-debugging-pipe", f"--user-data-dir={self.profile.name}", "--no-first-run",
                "--disable-extensions", "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--lang=fr-BE", f"--window-size={width},900",
                "about:blank",
            ],
            pass_fds=(3, 4), preexec_fn=wire_pipes, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_child_read)
        os.close(from_child_write)
        self.width = width
        self.next_id = 0
        self.buffer = b""
        self.events = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Network.enable", session=True)
        # As a French-speaking user's browser asks: the pages answer in French unless ?lang=en.
        self.call("Network.setUserAgentOverride", session=True, userAgent=self.call("Browser.getVersion")["userAgent"],
                  acceptLanguage="fr-BE,fr;q=0.9")

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_child)
        os.close(self.from_child)
        self.profile.cleanup()

    def _read_message(self, timeout=60):
        deadline = time.monotonic() + timeout
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium stopped")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, session=False, timeout=180, **params):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read_message(timeout)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})
            self.events.append(answer)

    def navigate(self, url):
        """Opens url and waits until it has loaded; returns the HTTP status of the document."""
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        return self._loaded()

    def _loaded(self):
        status = None
        deadline = time.monotonic() + 60
        while True:
            if self.events:
                message = self.events.pop(0)
            else:
                message = self._read_message(max(0.1, deadline - time.monotonic()))
            method = message.get("method")
            params = message.get("params", {})
            if method == "Network.responseReceived" and params.get("type") == "Document":
                status = params["response"]["status"]
            if method == "Page.loadEventFired":
                return status

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def submit(self, expression):
        """Runs expression (which submits a form) and waits for the page it leads to; returns its status."""
        self.events.clear()
        self.evaluate(expression)
        return self._loaded()

    def screenshot(self, path):
        # Chromium draws at most 16 384 pixels high: a longer page is cut there.
        height = min(16384, self.evaluate("Math.ceil(document.documentElement.scrollHeight)"))
        self.call(
            "Emulation.setDeviceMetricsOverride", session=True, width=self.width, height=max(600, height),
            deviceScaleFactor=1, mobile=False,
        )
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        self.call("Emulation.clearDeviceMetricsOverride", session=True)

    def cookie_header(self, url):
        cookies = self.call("Network.getCookies", session=True, urls=[url])["cookies"]
        return "; ".join(f"{c['name']}={c['value']}" for c in cookies)

    def set_file(self, selector, path):
        document = self.call("DOM.getDocument", session=True)["root"]["nodeId"]
        node = self.call("DOM.querySelector", session=True, nodeId=document, selector=selector)["nodeId"]
        self.call("DOM.setFileInputFiles", session=True, nodeId=node, files=[path])


# Text whose contrast with its background is below WCAG 2.1 AA (4.5:1, or 3:1 for large text): every
# element with its own text, its colour against the first opaque background of it or its ancestors
# (elements over a background image are skipped, SVG drawings too).
CONTRAST_SCRIPT = r"""
(() => {
  const rgba = (text) => (text.match(/[\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let e = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.backgroundImage !== 'none') return null;
      const colour = rgba(style.backgroundColor);
      if (colour.length === 3 || colour[3] === 1) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found = [];
  for (const element of document.querySelectorAll('body *')) {
    if (element.closest('svg')) continue;
    const text = [...element.childNodes].filter(n => n.nodeType === 3).map(n => n.data).join('').trim();
    if (!text || element.getClientRects().length === 0) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || parseFloat(style.opacity) === 0) continue;
    const back = background(element);
    if (!back) continue;
    const fore = rgba(style.color).slice(0, 3);
    const [light, dark] = [luminance(fore), luminance(back)].sort((a, b) => b - a);
    const ratio = (light + 0.05) / (dark + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && parseInt(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      found.push(`${element.tagName.toLowerCase()} "${text.slice(0, 40)}": ${ratio.toFixed(2)}:1 (${style.color} on rgb(${back}))`);
    }
  }
  return [...new Set(found)];
})()
"""


def links_of(browser):
    return browser.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")


def check_link(url, cookie):
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def main():
    plan = json.load(open(sys.argv[1]))
    base, out = plan["base"], plan["out"]
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    problems = []
    shots = 0
    for visit in plan["visits"]:
        role = visit["role"]
        browser = Browser()
        try:
            links = {}

            def save(name, status, expected):
                nonlocal shots
                stem = f"{role}-{name}"
                browser.screenshot(os.path.join(out, f"{stem}.png"))
                with open(os.path.join(out, "html", f"{stem}.html"), "w") as file:
                    file.write(browser.evaluate("document.documentElement.outerHTML"))
                shots += 1
                for low in browser.evaluate(CONTRAST_SCRIPT):
                    problems.append(f"{stem}: contrast {low}")
                verdict = "ok" if status == expected else f"expected {expected}"
                print(f"  {stem}.png  {status}  {browser.evaluate('location.pathname + location.search')}  {verdict}")
                if status != expected:
                    problems.append(f"{stem}: status {status}, expected {expected}")
                here = browser.evaluate("location.pathname")
                for link in links_of(browser):
                    # The page's own path (its language switch) answers as the page did.
                    if link.startswith(base) and urllib.parse.urlparse(link).path != here:
                        links.setdefault(link.split("#")[0], stem)

            if visit.get("token"):
                browser.navigate(base + "/sign-in")
                status = browser.submit(
                    "document.getElementById('token').value = " + json.dumps(visit["token"]) + ";"
                    "document.querySelector('main form button[type=submit]').click()"
                )
                save("home", status, 200)
            for step in visit.get("steps", []):
                status = browser.navigate(base + step["path"])
                if "file" in step:
                    browser.set_file(step["file_field"], os.path.abspath(step["file"]))
                for selector, value in step.get("fill", {}).items():
                    browser.evaluate(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}")
                for selector in step.get("check", []):
                    browser.evaluate(f"document.querySelector({json.dumps(selector)}).checked = true")
                if step.get("novalidate"):  # what the server answers a browser that does not check the form
                    browser.evaluate("document.querySelector('main form').noValidate = true")
                if "submit" in step:
                    status = browser.submit(f"document.querySelector({json.dumps(step['submit'])}).click()")
                deadline = time.monotonic() + step.get("timeout", 180)
                while "until" in step and not browser.evaluate(step["until"]):
                    if time.monotonic() > deadline:
                        problems.append(f"{role}-{step['name']}: still not {step['until']!r} after {step.get('timeout', 180)} s")
                        break
                    time.sleep(2)
                    status = browser.navigate(browser.evaluate("location.href"))
                save(step["name"], status, step.get("status", 200))
            cookie = browser.cookie_header(base)
            for link, page in sorted(links.items()):
                # Actions, not pages: signing out, and starting a sign-in at the identity provider (its
                # state lives in the browser that started it; the visit "oidc-…" follows it whole).
                if urllib.parse.urlparse(link).path in ("/sign-out", "/sign-in/oidc"):
                    continue
                status = check_link(link, cookie)
                if status >= 400:
                    problems.append(f"{page}: link {link[len(base):]} answers {status}")
        finally:
            browser.close()
    for problem in problems:
        print(f"  problem: {problem}")
    print(f"{shots} screenshots in {out}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
