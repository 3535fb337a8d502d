"""Page weight of the signed-in app in a real browser: `python -m benchmarks.page_weight`.

Chromium (through Playwright) loads the dashboard of the benchmark's "large" person from
the production-like server in ``benchmarks.webserver`` and counts the bytes on the wire
(``Network.loadingFinished`` encodedDataLength: response headers plus the body as sent,
compressed or not) for every request. The goals of issue #8:

- first load of the dashboard, empty cache: at most 100 KB transferred;
- a repeat view in the same browser (cache kept, as when the person comes back): at most
  10 KB, so static files must come from the cache without even a revalidation;
- each htmx fragment at most 20% of its full page's document: the task done toggle on the
  goal page, the check-in autosave and the assessment autosave, each triggered as a person
  would (a click, a changed answer) and compared with the page it updates. Judged on the
  bodies as sent (compressed); the share with the HTTP/1.1 headers is printed beside it.
  Those headers (CSP and the other security headers, the CSRF cookie Django renews on each
  response that renders a token) are the same ~700 bytes on a fragment and a page; behind
  an HTTP/2 or HTTP/3 proxy header compression sends repeated ones as a few bytes, so with
  them counted the share says more about this HTTP/1.1 set-up than about the fragment.

The check-in and the assessment are opened through the app's own buttons ("Check in now",
"Start"/"Continue"), which reuse the open draft when there is one; the toggled task is
toggled back afterwards, so repeated runs leave the person's data as it was.
The exit code is non-zero when a goal is missed.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

KB = 1000
FIRST_LOAD_BUDGET = 100 * KB
REPEAT_VIEW_BUDGET = 10 * KB
FRAGMENT_SHARE = 0.20
CHROMIUM = "/usr/bin/chromium"
# Playwright adds its own --headless; the rest keep Chromium off the (absent) internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 20_000
# Long enough for an autosave's delay (800 ms on the check-in) and the request after it.
FRAGMENT_TIMEOUT_MS = 10_000


@dataclass
class Transfer:
    """One finished request as the network saw it."""

    url: str
    method: str
    kind: str  # CDP resource type: Document, Stylesheet, Script, Image, Font, XHR, ...
    status: int = 0
    wire: int = 0  # bytes received: headers and the body as sent
    header_bytes: int = 0  # the status line and headers among them
    body: int = 0  # body bytes after decompression
    from_cache: bool = False

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    @property
    def sent_body(self) -> int:
        """The body as sent (compressed when it was), without the HTTP headers."""
        return max(self.wire - self.header_bytes, 0)


class Wire:
    """Records the network traffic of one page through the DevTools protocol."""

    def __init__(self, page):
        self._pending: dict[str, Transfer] = {}
        self._finished: list[Transfer] = []
        self.cdp = page.context.new_cdp_session(page)
        self.cdp.on("Network.requestWillBeSent", self._sent)
        self.cdp.on("Network.responseReceived", self._received)
        self.cdp.on("Network.dataReceived", self._data)
        self.cdp.on("Network.loadingFinished", self._finished_loading)
        self.cdp.on("Network.requestServedFromCache", self._from_cache)
        self.cdp.send("Network.enable")

    def _sent(self, event):
        request = event["request"]
        self._pending[event["requestId"]] = Transfer(
            url=request["url"], method=request["method"], kind=event.get("type", "Other")
        )

    def _received(self, event):
        transfer = self._pending.get(event["requestId"])
        if transfer is not None:
            response = event["response"]
            transfer.status = response["status"]
            # Bytes received by the time the headers were parsed: the headers themselves.
            transfer.header_bytes = int(response.get("encodedDataLength") or 0)
            transfer.from_cache |= bool(response.get("fromDiskCache"))

    def _data(self, event):
        transfer = self._pending.get(event["requestId"])
        if transfer is not None:
            transfer.body += event["dataLength"]

    def _from_cache(self, event):
        transfer = self._pending.get(event["requestId"])
        if transfer is not None:
            transfer.from_cache = True

    def _finished_loading(self, event):
        transfer = self._pending.pop(event["requestId"], None)
        if transfer is not None and not transfer.url.startswith("data:"):
            transfer.wire = int(event["encodedDataLength"])
            self._finished.append(transfer)

    def take(self, page) -> list[Transfer]:
        """Everything that finished since the last call, once the network has gone quiet."""
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(200)  # lets the last CDP events arrive
        taken, self._finished = self._finished, []
        return taken


def _cookies(server, who: str) -> list[dict]:
    host = urlsplit(server.base_url).hostname
    cookies = []
    for pair in server.cookie_header(who).split(";"):
        name, _, value = pair.strip().partition("=")
        if name:
            # Secure like the real ones: Chromium counts http://127.0.0.1 as a secure context.
            cookies.append(
                {"name": name, "value": value, "domain": host, "path": "/", "secure": True}
            )
    return cookies


def _document(transfers: list[Transfer], page) -> Transfer:
    path = urlsplit(page.url).path
    for transfer in transfers:
        if transfer.kind == "Document" and transfer.path == path:
            return transfer
    raise RuntimeError(f"No document response for {page.url} was recorded.")


def _signed_in(page) -> None:
    if "/accounts/login" in page.url:
        raise SystemExit(
            "The browser was sent to the sign-in page: the session cookie was refused."
        )


@dataclass
class Fragment:
    name: str
    page: Transfer
    fragment: Transfer | None
    problem: str = ""

    @property
    def share(self) -> float | None:
        if self.fragment is None:
            return None
        return self.fragment.sent_body / self.page.sent_body


def _htmx_response(page, wire: Wire, form, act) -> tuple[Transfer | None, str]:
    """Do ``act`` and return the htmx POST that ``form`` sent, as the network saw it.

    Returns None and the reason when no fragment came back: htmx did not send (it checks
    the form's HTML validation first and quietly stops on an invalid field), or the plain
    form fallback ran instead.
    """
    path = urlsplit(form.get_attribute("data-hx-post") or form.get_attribute("action")).path
    try:
        with page.expect_response(
            lambda r: r.request.method == "POST" and urlsplit(r.url).path == path,
            timeout=FRAGMENT_TIMEOUT_MS,
        ) as answer:
            act()
        response = answer.value
    except PlaywrightTimeoutError:
        invalid = form.evaluate(
            "form => [...form.elements].filter(e => e.willValidate && !e.checkValidity())"
            ".map(e => `${e.name}: ${e.validationMessage}`)"
        )
        if invalid:
            fields = "; ".join(invalid)
            return None, f"htmx did not send: the form fails HTML validation ({fields})"
        return None, "htmx sent nothing"
    if response.request.header_value("hx-request") != "true":
        return None, "the plain form fallback ran (no HX-Request)"
    if response.status != 200:
        return None, f"the fragment answered {response.status}"
    for transfer in wire.take(page):
        if transfer.method == "POST" and transfer.path == path:
            return transfer, ""
    return None, "the fragment's transfer was not recorded"


def _open(page, wire: Wire, url: str) -> Transfer:
    wire.take(page)  # drop whatever is still in flight from before
    page.goto(url, wait_until="load")
    _signed_in(page)
    return _document(wire.take(page), page)


def task_toggle(page, wire: Wire, base: str) -> Fragment:
    page.goto(f"{base}/goals/")
    goal_links = page.eval_on_selector_all(
        "main a[href]", "links => links.map(link => link.getAttribute('href'))"
    )
    for href in dict.fromkeys(h for h in goal_links if re.fullmatch(r"/goals/\d+/", h)):
        document = _open(page, wire, base + href)
        button = page.locator(".task-row .task-check").first
        if button.count():
            break
    else:
        raise SystemExit("No goal with steps was found for this person.")
    row_id = button.locator("xpath=ancestor::li[1]").get_attribute("id")
    form = page.locator(f"#{row_id} form").first
    fragment, problem = _htmx_response(page, wire, form, button.click)
    if fragment is not None:
        # Put the step back as it was, through the row the swap left behind.
        page.locator(f"#{row_id} .task-check").click()
        wire.take(page)
    return Fragment("task done toggle", document, fragment, problem)


def checkin_autosave(page, wire: Wire, base: str) -> Fragment:
    page.goto(f"{base}/reviews/")
    page.locator("form[action$='/reviews/now/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/reviews/checkins/\d+/$"))
    document = _open(page, wire, page.url)
    form = page.locator("main form[data-hx-post]").first
    choice = form.locator("input[type=radio]:not(:checked)").first
    if not choice.count():
        return Fragment("check-in autosave", document, None, "the check-in cannot be edited")
    fragment, problem = _htmx_response(page, wire, form, choice.check)
    return Fragment("check-in autosave", document, fragment, problem)


def take_autosave(page, wire: Wire, base: str) -> Fragment:
    page.goto(f"{base}/assessments/")
    draft = page.locator("main a[href*='/assessments/takes/']").first
    if draft.count():
        draft.click()
    else:
        page.locator("main form[action$='/start/'] button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/assessments/takes/\d+/"))
    document = _open(page, wire, page.url)
    form = page.locator("#take-form")
    choice = form.locator("input[type=radio]:not(:checked)").first
    if choice.count():
        act = choice.check
    else:
        answer = form.locator("textarea").first

        def act():
            answer.fill(answer.input_value() + " More.")
            answer.blur()

    fragment, problem = _htmx_response(page, wire, form, act)
    return Fragment("assessment autosave", document, fragment, problem)


def _by_kind(transfers: list[Transfer]) -> dict[str, list[Transfer]]:
    kinds = defaultdict(list)
    for transfer in transfers:
        kinds[transfer.kind].append(transfer)
    return dict(sorted(kinds.items(), key=lambda item: -sum(t.wire for t in item[1])))


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def _print_load(title: str, transfers: list[Transfer], budget: int) -> bool:
    total = sum(t.wire for t in transfers)
    print(title)
    print(f"  {'type':<12} {'requests':>8} {'on the wire':>12} {'body':>9}")
    for kind, group in _by_kind(transfers).items():
        wire = sum(t.wire for t in group)
        body = sum(t.body for t in group)
        cached = sum(t.from_cache for t in group)
        note = f"  ({cached} from cache)" if cached else ""
        print(f"  {kind:<12} {len(group):>8} {wire:>12,} {body:>9,}{note}")
    ok = total <= budget
    print(f"  {'total':<12} {len(transfers):>8} {total:>12,}   {_verdict(ok)} <= {budget:,}")
    return ok


def _print_fragments(fragments: list[Fragment]) -> bool:
    print("htmx fragments against the document of the page they update")
    columns = f"{'page':>8} {'fragment':>9} {'share':>8}"
    print(f"  {'':<22} {'body as sent (judged)':>27}   {'with HTTP/1.1 headers':>27}")
    print(f"  {'fragment':<22} {columns}   {columns}")
    ok = True
    for item in fragments:
        page = item.page
        if item.fragment is None:
            ok = False
            print(f"  {item.name:<22} {page.sent_body:>8,} {'-':>9} {'':>8}   {page.wire:>8,}")
            print(f"      MISS {item.problem}")
            continue
        fragment = item.fragment
        met = item.share <= FRAGMENT_SHARE
        ok &= met
        print(
            f"  {item.name:<22} {page.sent_body:>8,} {fragment.sent_body:>9,} {item.share:>8.1%}"
            f"   {page.wire:>8,} {fragment.wire:>9,} {fragment.wire / page.wire:>8.1%}"
            f"   {_verdict(met)} <= {FRAGMENT_SHARE:.0%}  {page.path}"
        )
    return ok


def measure(server, *, who: str = "large") -> bool:
    """Measure the three goals against ``server``; prints a table, True when all are met."""
    base = server.base_url
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            context.add_cookies(_cookies(server, who))

            page = context.new_page()
            wire = Wire(page)
            page.goto(base + "/", wait_until="load")
            _signed_in(page)
            first = wire.take(page)
            page.close()
            # A new tab in the same browser: the person comes back to the app later.
            page = context.new_page()
            wire = Wire(page)
            page.goto(base + "/", wait_until="load")
            repeat = wire.take(page)

            fragments = [
                task_toggle(page, wire, base),
                checkin_autosave(page, wire, base),
                take_autosave(page, wire, base),
            ]
        finally:
            browser.close()

    print(f"Page weight of {base}/ signed in as the {who!r} person (1 KB = 1,000 bytes)\n")
    ok = _print_load("First load, empty cache", first, FIRST_LOAD_BUDGET)
    print()
    ok &= _print_load("Repeat view, same browser (cache kept)", repeat, REPEAT_VIEW_BUDGET)
    print()
    ok &= _print_fragments(fragments)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--who", default="large", choices=("small", "large"))
    args = parser.parse_args(argv)

    from benchmarks.webserver import running_server

    with running_server() as server:
        return 0 if measure(server, who=args.who) else 1


if __name__ == "__main__":
    sys.exit(main())
