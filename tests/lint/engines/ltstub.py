"""A stand-in LanguageTool server: ``/v2/languages`` and ``/v2/check`` answered as LanguageTool does.

language-tool-python's client asks ``GET /v2/languages`` when it is built and
``POST /v2/check`` (form fields ``language``, ``text`` …) for each text; the
answers here have the same shape as LanguageTool 6's, with offsets in UTF-16
code units as Java counts them. Known phrases stand for real errors.

``behaviour`` makes it misbehave on ``/v2/check`` as a broken server would:
``"500"`` (an internal error, as text), ``"garbage"`` (a 200 that is not
JSON), ``"no-matches"`` (JSON without ``matches``), ``"slow"`` (no answer for
two seconds).

Run as a script (``ltstub.py … -p PORT``) it plays a local installation's
``java … HTTPServer -p PORT`` for the tests, and exits by itself.
"""

from __future__ import annotations

import json
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

LIFETIME = 60.0  # seconds; the server stops by itself even if a test forgets it

LANGUAGES = [
    {"name": "Polish", "code": "pl", "longCode": "pl-PL"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English", "code": "en", "longCode": "en"},
]

# phrase -> (rule id, category, message, replacement)
PHRASES: dict[str, tuple[str, str, str, str]] = {
    "poszłem": ("POSZLEM", "GRAMMAR", "Poprawna forma to „poszedłem”.", "poszedłem"),
    "w każdym bądź razie": (
        "KAZDY_BADZ_RAZIE",
        "GRAMMAR",
        "Niepoprawne połączenie wyrażeń.",
        "w każdym razie",
    ),
    "a error": (
        "EN_A_VS_AN",
        "MISC",
        "Use “an” instead of ‘a’ if the following word starts with a vowel sound.",
        "an error",
    ),
    "xyzzy": ("MORFOLOGIK_RULE_PL_PL", "TYPOS", "Znaleziono potencjalny błąd pisowni.", "xyz"),
    "api.example.com": ("URL_CHECK", "MISC", "Adres wygląda na błędny.", "api.example.org"),
}


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def matches(text: str) -> list[dict[str, Any]]:
    found = []
    lowered = text.lower()
    for phrase, (rule, category, message, replacement) in PHRASES.items():
        start = lowered.find(phrase)
        while start >= 0:
            offset, length = utf16_length(text[:start]), utf16_length(phrase)
            context_start = max(0, start - 20)
            found.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": replacement}],
                    "offset": offset,
                    "length": length,
                    "context": {
                        "text": text[context_start : start + len(phrase) + 20],
                        "offset": start - context_start,
                        "length": length,
                    },
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule,
                        "description": message,
                        "issueType": "grammar",
                        "category": {"id": category, "name": category.title()},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
            start = lowered.find(phrase, start + 1)
    return sorted(found, key=lambda m: m["offset"])


class Handler(BaseHTTPRequestHandler):
    server: StubServer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _answer(self, payload: object, status: int = 200) -> None:
        body = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if urllib.parse.urlparse(self.path).path == "/v2/languages":
            self._answer(LANGUAGES)
        else:
            self._answer({"error": "not found"}, 404)

    def do_POST(self) -> None:
        if urllib.parse.urlparse(self.path).path != "/v2/check":
            self._answer({"error": "not found"}, 404)
            return
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode("utf-8"))
        text = form.get("text", [""])[0]
        language = form.get("language", [""])[0]
        self.server.requests.append({"language": language, "text": text})
        if self._misbehave(self.server.behaviour):
            return
        self._answer(
            {
                "software": {"name": "LanguageTool", "version": "6.6-stub", "apiVersion": 1},
                "language": {"name": language, "code": language},
                "matches": matches(text),
            }
        )

    def _misbehave(self, behaviour: str) -> bool:
        if behaviour == "slow":
            time.sleep(2)
        elif behaviour == "500":
            self._raw(500, b"Error: internal trouble\n\tat org.languagetool.Stub")
        elif behaviour == "garbage":
            self._raw(200, b"{not json")
        elif behaviour == "no-matches":
            self._answer({"software": {"name": "LanguageTool"}})
        else:
            return False
        return True

    def _raw(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class StubServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.requests: list[dict[str, str]] = []
        self.behaviour = ""  # "", "500", "garbage", "no-matches" or "slow"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@contextmanager
def running(lifetime: float = LIFETIME) -> Iterator[StubServer]:
    """A stub server on a free port, in a thread; shut down on exit or after ``lifetime``."""
    server = StubServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    timer = threading.Timer(lifetime, server.shutdown)
    timer.daemon = True
    timer.start()
    try:
        yield server
    finally:
        timer.cancel()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str]) -> int:
    port = int(argv[argv.index("-p") + 1])
    server = StubServer(port)
    timer = threading.Timer(LIFETIME, server.shutdown)
    timer.daemon = True
    timer.start()
    server.serve_forever()
    server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
