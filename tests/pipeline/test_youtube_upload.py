"""Upload a bundle with the real google-api-python-client against a local
HTTPS server on 127.0.0.1 that answers like the YouTube Data API v3:
a resumable videos.insert session (503 on the first chunk, then 308s and a
200), captions.insert, thumbnails.set, the OAuth token endpoint, and the
quota and expired-token errors. Nothing here touches the network.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from publish_fixtures import lesson_media, make_project  # noqa: F401  (fixture)

httplib2 = pytest.importorskip("httplib2", reason="the youtube extra is not installed")
pytest.importorskip("googleapiclient", reason="the youtube extra is not installed")

from mathreel.curriculum import load_curriculum  # noqa: E402
from mathreel.publish.lessons import find_stitched  # noqa: E402
from mathreel.publish.upload import (  # noqa: E402
    CredentialsError, UploadError, load_credentials, upload_bundle,
)
from mathreel.publish.youtube import Bundle, build_bundle  # noqa: E402

CHUNK = 1024 * 1024  # a multiple of the resumable protocol's 256 KiB unit
VIDEO_ID = "vid123"


class FakeYouTube:
    """The server's state and the switches a test flips."""

    def __init__(self):
        self.requests: list[tuple[str, str]] = []  # (method, path)
        self.session_body: dict | None = None
        self.received = bytearray()
        self.chunk_puts = 0
        self.fail_first_chunk = True
        self.insert_error: tuple[int, dict] | None = None
        self.insert_errors_once: list[tuple[int, dict]] = []  # answered once each, in order
        self.thumbnail_error: tuple[int, dict] | None = None
        self.token_ok = True
        self.captions_body = b""
        self.thumbnail_body = b""
        self.auth_headers: set[str] = set()


def _error(code: int, reason: str, message: str) -> dict:
    return {"error": {"code": code, "message": message,
                      "errors": [{"message": message, "domain": "youtube.quota", "reason": reason}]}}


def make_handler(api: FakeYouTube):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("content-length") or 0))

        def _send(self, code: int, body: dict | None = None, headers: dict | None = None):
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(code)
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            if body is not None:
                self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            url = urlparse(self.path)
            query = parse_qs(url.query)
            api.requests.append(("POST", url.path))
            body = self._body()
            if url.path == "/token":
                if api.token_ok:
                    return self._send(200, {"access_token": "fresh-token", "expires_in": 3600,
                                            "token_type": "Bearer"})
                return self._send(400, {"error": "invalid_grant",
                                        "error_description": "Token has been expired or revoked."})
            api.auth_headers.add(self.headers.get("authorization", ""))
            if url.path == "/upload/youtube/v3/videos":
                assert query["uploadType"] == ["resumable"] and query["part"] == ["snippet,status"]
                if api.insert_error:
                    return self._send(*api.insert_error)
                if api.insert_errors_once:
                    return self._send(*api.insert_errors_once.pop(0))
                api.session_body = json.loads(body)
                port = self.server.server_address[1]
                return self._send(200, headers={
                    "Location": f"https://127.0.0.1:{port}/upload/youtube/v3/videos"
                                f"?uploadType=resumable&upload_id=session1"})
            if url.path == "/upload/youtube/v3/captions":
                api.captions_body = body
                return self._send(200, {"kind": "youtube#caption", "id": "cap1",
                                        "snippet": {"videoId": VIDEO_ID, "language": "en"}})
            if url.path == "/upload/youtube/v3/thumbnails/set":
                assert query["videoId"] == [VIDEO_ID]
                if api.thumbnail_error:
                    return self._send(*api.thumbnail_error)
                api.thumbnail_body = body
                return self._send(200, {"kind": "youtube#thumbnailSetResponse", "items": [{}]})
            return self._send(404, _error(404, "notFound", f"no route {url.path}"))

        def do_PUT(self):
            url = urlparse(self.path)
            api.requests.append(("PUT", url.path))
            assert parse_qs(url.query)["upload_id"] == ["session1"]
            content_range = self.headers.get("content-range", "")
            data = self._body()
            total = content_range.rsplit("/", 1)[-1]
            if content_range.startswith("bytes */"):  # where did the upload stop?
                headers = {"Range": f"bytes=0-{len(api.received) - 1}"} if api.received else {}
                return self._send(308, headers=headers)
            api.chunk_puts += 1
            if api.fail_first_chunk and api.chunk_puts == 1:
                return self._send(503, _error(503, "backendError", "Backend Error"))
            start = int(content_range.split()[1].split("-")[0])
            assert start == len(api.received), (start, len(api.received))
            api.received += data
            if total != "*" and len(api.received) == int(total):
                return self._send(200, {"kind": "youtube#video", "id": VIDEO_ID,
                                        "snippet": api.session_body["snippet"],
                                        "status": api.session_body["status"]})
            return self._send(308, headers={"Range": f"bytes=0-{len(api.received) - 1}"})

    return Handler


@pytest.fixture(scope="module")
def tls_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return folder / "cert.pem", folder / "key.pem"


@pytest.fixture
def api(tls_files):
    state = FakeYouTube()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(state))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*tls_files)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.endpoint = f"https://127.0.0.1:{server.server_address[1]}/"
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def built_bundle(tmp_path_factory, lesson_media) -> Path:
    root = make_project(tmp_path_factory.mktemp("project"), lesson_media)
    stitched = find_stitched(load_curriculum(root), "02", "low")
    return build_bundle(stitched, root / "media" / "low" / "youtube").folder


@pytest.fixture
def bundle(built_bundle, tmp_path) -> Bundle:
    folder = tmp_path / built_bundle.name
    shutil.copytree(built_bundle, folder)
    return Bundle.open(folder)


def write_token(path: Path, api: FakeYouTube, *, expired: bool) -> Path:
    expiry = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None) + dt.timedelta(
        hours=-1 if expired else 1)
    path.write_text(json.dumps({
        "token": "old-token" if expired else "valid-token", "refresh_token": "refresh",
        "client_id": "client.apps.googleusercontent.com", "client_secret": "secret",
        "expiry": expiry.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
    }))
    return path


def upload(bundle, api, token, sleeps, **kwargs):
    creds = load_credentials(token, token_uri=api.endpoint + "token")
    return upload_bundle(bundle, creds, http=httplib2.Http(disable_ssl_certificate_validation=True),
                         api_endpoint=api.endpoint, sleep=sleeps.append, chunk_size=CHUNK, **kwargs)


def test_upload_survives_503_on_first_chunk_then_sets_captions_and_thumbnail(bundle, api, tmp_path):
    token = write_token(tmp_path / "token.json", api, expired=False)
    sleeps: list[float] = []
    result = upload(bundle, api, token, sleeps)

    assert result.video_id == VIDEO_ID and result.url == "https://youtu.be/vid123"
    assert result.privacy == "private"
    # The session carried metadata.json as the videos.insert body.
    assert api.session_body == json.loads(bundle.metadata.read_text())
    assert api.session_body["status"]["privacyStatus"] == "private"
    # One 503, one backoff (attempt 1: between 1 and 2 s), then the whole file arrived intact.
    chunks = -(-bundle.video.stat().st_size // CHUNK)
    assert chunks >= 2 and api.chunk_puts == 1 + chunks  # the failed first chunk, then all
    assert len(sleeps) == 1 and 1.0 <= sleeps[0] <= 2.0
    assert bytes(api.received) == bundle.video.read_bytes()
    assert ("PUT", "/upload/youtube/v3/videos") in api.requests
    # Captions: the .srt text and the video id went to captions.insert.
    assert bundle.srt.read_bytes() in api.captions_body
    assert b'"videoId": "vid123"' in api.captions_body and b'"language": "en"' in api.captions_body
    # The thumbnail PNG went to thumbnails.set.
    assert api.thumbnail_body == bundle.thumbnail.read_bytes()
    assert api.auth_headers == {"Bearer valid-token"}
    receipt = json.loads(bundle.receipt.read_text())
    assert receipt["videoId"] == VIDEO_ID and receipt["captionsId"] == "cap1" and receipt["thumbnail"]


def test_a_failed_step_says_what_was_done_and_a_rerun_finishes_without_reuploading(bundle, api, tmp_path):
    token = write_token(tmp_path / "token.json", api, expired=False)
    api.fail_first_chunk = False
    api.thumbnail_error = (403, _error(403, "forbidden", "The authenticated user doesn't have "
                                       "permissions to upload and set custom video thumbnails."))
    with pytest.raises(UploadError) as info:
        upload(bundle, api, token, [])
    assert str(info.value) == (
        "YouTube refused the custom thumbnail: the channel must be verified (youtube.com/verify) "
        "to set one (the video was uploaded as https://youtu.be/vid123 with captions, but without "
        "its thumbnail; run again to finish).")
    receipt = json.loads(bundle.receipt.read_text())
    assert receipt["videoId"] == VIDEO_ID and "thumbnail" not in receipt

    api.thumbnail_error = None
    api.requests.clear()
    result = upload(bundle, api, token, [])
    assert result.video_id == VIDEO_ID
    assert api.requests == [("POST", "/upload/youtube/v3/thumbnails/set")]


def test_privacy_option_overrides_metadata(bundle, api, tmp_path):
    token = write_token(tmp_path / "token.json", api, expired=False)
    result = upload(bundle, api, token, [], privacy="unlisted")
    assert result.privacy == "unlisted"
    assert api.session_body["status"]["privacyStatus"] == "unlisted"


def test_quota_error_is_one_sentence_and_nothing_is_recorded(bundle, api, tmp_path):
    token = write_token(tmp_path / "token.json", api, expired=False)
    api.insert_error = (403, _error(403, "quotaExceeded", "The request cannot be completed because "
                                    "you have exceeded your quota."))
    with pytest.raises(UploadError) as info:
        upload(bundle, api, token, [])
    assert str(info.value) == ("The YouTube Data API quota is used up; try again after the daily "
                               "reset (midnight Pacific Time) or ask Google for more quota.")
    assert not bundle.receipt.exists()


def test_expired_token_is_one_sentence(bundle, api, tmp_path):
    token = write_token(tmp_path / "token.json", api, expired=True)
    api.token_ok = False
    with pytest.raises(UploadError) as info:
        upload(bundle, api, token, [])
    assert str(info.value) == (
        f"The YouTube token in {token} has expired or been revoked; sign in again with "
        "`mathreel publish youtube --login CLIENT_SECRET.json`.")
    assert ("POST", "/token") in api.requests
    assert ("POST", "/upload/youtube/v3/videos") not in api.requests
    assert not bundle.receipt.exists()


def test_expired_access_token_is_refreshed(bundle, api, tmp_path):
    token = write_token(tmp_path / "token.json", api, expired=True)
    result = upload(bundle, api, token, [])
    assert result.video_id == VIDEO_ID
    assert api.auth_headers == {"Bearer fresh-token"}


def test_missing_credentials(monkeypatch, tmp_path):
    monkeypatch.delenv("MATHREEL_YOUTUBE_TOKEN", raising=False)
    with pytest.raises(CredentialsError) as info:
        load_credentials(None)
    assert str(info.value) == (
        "No YouTube credentials: sign in once with `mathreel publish youtube --login "
        "CLIENT_SECRET.json`, or pass --credentials FILE or set MATHREEL_YOUTUBE_TOKEN to an "
        "authorized-user token JSON (see README, Publishing).")
    missing = tmp_path / "nope.json"
    monkeypatch.setenv("MATHREEL_YOUTUBE_TOKEN", str(missing))
    with pytest.raises(CredentialsError) as info:
        load_credentials(None)
    assert str(info.value) == f"The YouTube credentials file {missing} does not exist."


def test_credentials_file_of_the_wrong_kind(tmp_path):
    bad = tmp_path / "client_secret.json"
    bad.write_text(json.dumps({"installed": {"client_id": "x"}}))
    with pytest.raises(CredentialsError) as info:
        load_credentials(bad)
    assert str(info.value).startswith(f"{bad} is not an authorized-user token JSON (")


@pytest.mark.parametrize("status, reason", [(429, "rateLimitExceeded"), (403, "rateLimitExceeded"),
                                            (403, "userRateLimitExceeded")])
def test_rate_limits_are_retried_with_backoff(bundle, api, tmp_path, status, reason):
    """As the client library does: 429, and 403 with a rate-limit reason,
    are retried; only quotaExceeded stops (the test above)."""
    token = write_token(tmp_path / "token.json", api, expired=False)
    api.fail_first_chunk = False
    api.insert_errors_once = [(status, _error(status, reason, "Slow down.")),
                              (status, _error(status, reason, "Slow down."))]
    sleeps, lines = [], []
    result = upload(bundle, api, token, sleeps, log=lines.append)
    assert result.video_id == VIDEO_ID
    assert len(sleeps) == 2 and 1.0 <= sleeps[0] <= 2.0 and 2.0 <= sleeps[1] <= 4.0
    assert sum(f"HTTP {status} {reason}; retry" in line for line in lines) == 2


def offline(monkeypatch) -> str:
    """Names under .invalid do not resolve (as every name does not, offline);
    127.0.0.1 still works. Returns an endpoint on such a name."""
    import socket

    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if str(host).endswith(".invalid"):
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return "https://youtube.invalid/"


@pytest.mark.parametrize("expired", [False, True], ids=["valid-token", "expired-token"])
def test_offline_it_says_so_and_gives_up_within_seconds(bundle, api, tmp_path, monkeypatch,
                                                        expired):
    """A DNS failure is not cured by minutes of retries: a couple of short
    retries, each said, then one sentence (the token is not called expired)."""
    import time

    endpoint = offline(monkeypatch)
    token = write_token(tmp_path / "token.json", api, expired=expired)
    creds = load_credentials(token, token_uri=endpoint + "token")
    sleeps, lines = [], []
    started = time.monotonic()
    with pytest.raises(UploadError) as info:
        upload_bundle(bundle, creds, http=httplib2.Http(disable_ssl_certificate_validation=True),
                      api_endpoint=endpoint, sleep=sleeps.append, chunk_size=CHUNK,
                      log=lines.append)
    assert time.monotonic() - started < 20
    message = str(info.value)
    assert message.startswith("videos.insert failed 3 times in a row, last with the server name "
                              "does not resolve (")
    assert message.endswith("is this machine offline?; run the command again to resume.")
    assert len(sleeps) == 2 and sum(sleeps) <= 6
    assert lines[0].startswith("videos.insert: sending ")
    assert [line.split("; retry ")[1][:6] for line in lines[1:]] == ["1 of 2", "2 of 2"]
    assert not bundle.receipt.exists()
