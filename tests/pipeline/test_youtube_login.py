"""`mathreel publish youtube --login/--logout` and the stored token, against a
fake OAuth token endpoint on 127.0.0.1. The test plays the browser: it reads
the address mathreel prints, and sends the redirect Google would send to the
loopback server. Nothing here touches the network."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from mathreel.cli import cli
from publish_fixtures import lesson_media, published_project  # noqa: F401  (fixtures)
from mathreel.publish import youtube_auth
from mathreel.publish.upload import SCOPES

ROOT = Path(__file__).resolve().parents[2]


class FakeGoogle:
    """Google's OAuth token endpoint: an authorization code or a refresh
    token in, an access token out (or 400 invalid_grant when told)."""

    def __init__(self):
        self.requests: list[dict] = []
        self.refresh_ok = True
        server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"])).decode()
                form = dict(urllib.parse.parse_qsl(body))
                fake.requests.append({"path": self.path, **form})
                if form.get("grant_type") == "authorization_code" and form.get("code") == "the-code":
                    answer = {"access_token": "access-1", "refresh_token": "refresh-1",
                              "expires_in": 3600, "token_type": "Bearer", "scope": " ".join(SCOPES)}
                elif form.get("grant_type") == "refresh_token" and fake.refresh_ok:
                    answer = {"access_token": "access-2", "expires_in": 3600,
                              "token_type": "Bearer", "scope": " ".join(SCOPES)}
                else:
                    self._send(400, {"error": "invalid_grant",
                                     "error_description": "Token has been expired or revoked."})
                    return
                self._send(200, answer)

            def _send(self, code, body):
                data = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def google():
    fake = FakeGoogle()
    yield fake
    fake.close()


@pytest.fixture()
def config_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.delenv("MATHREEL_YOUTUBE_TOKEN", raising=False)
    return home


def client_secret(path: Path, google: FakeGoogle) -> Path:
    path.write_text(json.dumps({"installed": {
        "client_id": "client-1.apps.example", "client_secret": "secret-1",
        "auth_uri": f"{google.base}/auth", "token_uri": f"{google.base}/token",
        "redirect_uris": ["http://localhost"]}}))
    return path


def test_login_signs_in_through_the_loopback_redirect_and_stores_a_private_token(
        google, config_home, tmp_path):
    secret = client_secret(tmp_path / "client_secret.json", google)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PYTHONPATH=str(ROOT), PYTHONUNBUFFERED="1", XDG_CONFIG_HOME=str(config_home),
               OAUTHLIB_INSECURE_TRANSPORT="1")  # the fake token endpoint is plain HTTP
    process = subprocess.Popen(
        [sys.executable, "-c", "from mathreel.cli import main; main()",
         "publish", "youtube", "--login", str(secret)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        lines = []
        while not lines or not lines[-1].startswith(f"{google.base}/auth?"):
            line = process.stdout.readline()
            assert line, f"no address printed; stderr: {process.stderr.read()}"
            lines.append(line.strip())
        assert lines[-2] == "Open this address in a browser to let mathreel upload to your channel:"
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(lines[-1]).query))
        assert query["client_id"] == "client-1.apps.example"
        assert set(query["scope"].split()) == set(SCOPES)
        redirect = urllib.parse.urlsplit(query["redirect_uri"])
        assert redirect.hostname == "127.0.0.1" and redirect.port

        # what the browser does once the user allows access
        back = f"{query['redirect_uri']}?" + urllib.parse.urlencode(
            {"state": query["state"], "code": "the-code", "scope": " ".join(SCOPES)})
        with urllib.request.urlopen(back, timeout=10) as answer:
            assert answer.status == 200
            assert "you can close this tab" in answer.read().decode()
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    token = config_home / "mathreel" / "youtube-token.json"
    assert (process.returncode, out.strip()) == (0, f"signed in; token stored in {token}"), err
    assert stat.S_IMODE(token.stat().st_mode) == 0o600
    assert stat.S_IMODE(token.parent.stat().st_mode) == 0o700
    stored = json.loads(token.read_text())
    assert (stored["token"], stored["refresh_token"]) == ("access-1", "refresh-1")
    [exchange] = google.requests
    assert (exchange["grant_type"], exchange["code"]) == ("authorization_code", "the-code")
    assert exchange["redirect_uri"] == query["redirect_uri"]


def stored_token(config_home: Path, google: FakeGoogle, *, expired: bool) -> Path:
    expiry = datetime.now(timezone.utc) + timedelta(hours=-1 if expired else 1)
    youtube_auth.save_token(json.dumps({
        "token": "access-0", "refresh_token": "refresh-1", "token_uri": f"{google.base}/token",
        "client_id": "client-1.apps.example", "client_secret": "secret-1",
        "scopes": list(SCOPES), "expiry": expiry.strftime("%Y-%m-%dT%H:%M:%SZ")}))
    return config_home / "mathreel" / "youtube-token.json"


def test_an_expired_stored_token_is_refreshed_and_saved_again(google, config_home):
    token = stored_token(config_home, google, expired=True)
    creds = youtube_auth.credentials(None, token_uri=f"{google.base}/token")
    assert creds.token == "access-2" and not creds.expired
    assert [r["grant_type"] for r in google.requests] == ["refresh_token"]
    assert json.loads(token.read_text())["token"] == "access-2"
    assert stat.S_IMODE(token.stat().st_mode) == 0o600


def test_a_fresh_stored_token_is_used_as_it_is(google, config_home):
    stored_token(config_home, google, expired=False)
    assert youtube_auth.credentials(None, token_uri=f"{google.base}/token").token == "access-0"
    assert google.requests == []


def test_credentials_option_wins_over_the_stored_token(google, config_home, tmp_path):
    stored_token(config_home, google, expired=False)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"token": "other", "refresh_token": "r", "client_id": "c",
                                 "client_secret": "s"}))
    assert youtube_auth.credentials(other).token == "other"


def test_upload_without_credentials_uses_the_stored_sign_in(google, config_home, monkeypatch,
                                                            published_project):
    """--upload with neither --credentials nor $MATHREEL_YOUTUBE_TOKEN reaches
    the stored token: a revoked one is one line before any work (Google's
    endpoint is the fake here)."""
    import google.oauth2.credentials as google_credentials

    monkeypatch.setattr(google_credentials, "_GOOGLE_OAUTH2_TOKEN_ENDPOINT", f"{google.base}/token")
    stored_token(config_home, google, expired=True)
    google.refresh_ok = False
    result = CliRunner().invoke(cli, ["publish", "youtube", "02", "-q", "low", "--upload"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: The stored YouTube sign-in could not be refreshed (")
    assert result.stderr.endswith("; sign in again with mathreel publish youtube --login "
                                  "CLIENT_SECRET.json.\n")
    assert result.stderr.count("\n") == 1
    assert [r["grant_type"] for r in google.requests] == ["refresh_token"]
    assert not (published_project / "media" / "low" / "youtube").exists()


def test_logout_removes_the_stored_token(google, config_home):
    token = stored_token(config_home, google, expired=False)
    result = CliRunner().invoke(cli, ["publish", "youtube", "--logout"])
    assert (result.exit_code, result.output) == (0, f"removed {token}\n")
    assert not token.exists()
    again = CliRunner().invoke(cli, ["publish", "youtube", "--logout"])
    assert (again.exit_code, again.output) == (0, f"not signed in ({token} does not exist)\n")


@pytest.mark.parametrize("args, message", [
    (["--login", "x.json", "02"], "--login and --logout stand alone (no lessons, no --upload)"),
    (["--logout", "--upload"], "--login and --logout stand alone (no lessons, no --upload)"),
    ([], "name a lesson to publish (e.g. 02), or --login/--logout"),
])
def test_login_and_logout_stand_alone(config_home, args, message):
    result = CliRunner().invoke(cli, ["publish", "youtube", *args])
    assert result.exit_code == 2
    assert result.stderr == (f"Error: {message}\n"
                             "Try 'mathreel publish youtube --help' for help.\n")


def test_login_with_a_file_that_is_not_a_client_secret(config_home, tmp_path):
    bad = tmp_path / "token.json"
    bad.write_text(json.dumps({"token": "x"}))
    result = CliRunner().invoke(cli, ["publish", "youtube", "--login", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {bad} is not an OAuth client JSON of type Desktop app (")
    assert result.stderr.count("\n") == 1


def test_no_display_means_no_browser_is_tried(monkeypatch):
    monkeypatch.setattr(youtube_auth, "has_display", lambda: False)
    assert youtube_auth._browser_available() is False
