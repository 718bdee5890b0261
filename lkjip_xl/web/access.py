"""An optional shared office password for the staff page (for `lkjip serve --host 0.0.0.0`).

The coordinator sets it (a file or an environment variable; there is never a default). A staff
member types it once on the login page and gets a session cookie (HttpOnly, SameSite=Strict,
an unguessable token kept in memory for a working day). Wrong attempts are limited per address,
so the password cannot be guessed by trying.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import defaultdict, deque

from flask import Flask, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

COOKIE = "lkjip_sesi"
SESSION_SECONDS = 10 * 60 * 60
MAX_FAILURES = 5  # wrong passwords per address per window
FAILURE_WINDOW = 5 * 60
_OPEN = frozenset({"login", "static"})  # reachable without the password


class Access:
    """The password check of one app: sessions and recent failures, in memory."""

    def __init__(self, password: str) -> None:
        self.password = password.encode("utf-8")
        self.sessions: dict[str, float] = {}
        self.failures: defaultdict[str, deque[float]] = defaultdict(deque)
        self.lock = threading.Lock()

    def signed_in(self, token: str | None) -> bool:
        now = time.monotonic()
        with self.lock:
            for old in [t for t, expires in self.sessions.items() if expires < now]:
                del self.sessions[old]
            return token is not None and token in self.sessions

    def attempt(self, address: str, given: str) -> str | None:
        """A new session token for the right password; None for a wrong one; "" (no attempt
        made) when the address has failed too often lately."""
        now = time.monotonic()
        with self.lock:
            recent = self.failures[address]
            while recent and recent[0] < now - FAILURE_WINDOW:
                recent.popleft()
            if len(recent) >= MAX_FAILURES:
                return ""
            if hmac.compare_digest(given.encode("utf-8"), self.password):
                token = secrets.token_urlsafe(32)
                self.sessions[token] = now + SESSION_SECONDS
                return token
            recent.append(now)
            return None


def install(app: Flask, password: str | None) -> None:
    """Require `password` for every page but the login page (nothing when it is None)."""
    if not password:
        return
    access = Access(password)

    @app.before_request
    def require_password() -> ResponseReturnValue | None:
        if request.endpoint in _OPEN or access.signed_in(request.cookies.get(COOKIE)):
            return None
        if request.method == "GET":
            return redirect(url_for("login"))
        return render_template("masuk.html", text=_SIGN_IN_FIRST), 401

    @app.route("/masuk", methods=["GET", "POST"])
    def login() -> ResponseReturnValue:
        if request.method == "GET":
            return render_template("masuk.html", text=None)
        token = access.attempt(request.remote_addr or "?", request.form.get("sandi", ""))
        if token == "":
            return render_template("masuk.html", text=_TOO_MANY), 429
        if token is None:
            return render_template("masuk.html", text=_WRONG), 401
        response = redirect(url_for("index"))
        response.set_cookie(
            COOKIE, token, max_age=SESSION_SECONDS, httponly=True, samesite="Strict"
        )
        return response


_SIGN_IN_FIRST = "Masukkan kata sandi kantor terlebih dulu."
_WRONG = "Kata sandi salah. Tanyakan kata sandi kantor kepada koordinator kabupaten."
_TOO_MANY = (
    f"Terlalu banyak percobaan kata sandi yang salah. Tunggu {FAILURE_WINDOW // 60} menit lalu "
    "coba lagi."
)
