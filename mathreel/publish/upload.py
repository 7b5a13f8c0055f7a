"""Upload a YouTube bundle with the YouTube Data API v3.

Needs the optional extra ``pip install 'mathreel[youtube]'``
(google-api-python-client, google-auth); it is imported only here, lazily.

Steps, each recorded in the bundle's ``upload.json`` as soon as it succeeds,
so a failed run reports exactly what was done and a re-run continues where
it stopped instead of uploading the video twice:

1. ``videos.insert`` (part ``snippet,status``, body = ``metadata.json``) as a
   resumable upload in chunks; 500/502/503/504 answers, rate limits (429 and
   403 ``rateLimitExceeded``/``userRateLimitExceeded``, as the client library
   itself retries them) and dropped connections are retried with exponential
   backoff (the upload resumes where the server says it stopped).
2. ``captions.insert`` with the bundle's ``.srt`` (English).
3. ``thumbnails.set`` with ``thumbnail.png``.

Credentials: an *authorized-user* token JSON (``client_id``,
``client_secret``, ``refresh_token``, optionally ``token``/``expiry``), as
written by ``google_auth_oauthlib``'s ``InstalledAppFlow`` (``creds.to_json()``),
from ``--credentials FILE``, ``$MATHREEL_YOUTUBE_TOKEN`` or the stored sign-in
(:mod:`mathreel.publish.youtube_auth`).

Every retry is said as it happens (``log``). Failures that waiting will not
cure soon give up early: a server name that does not resolve (offline, no
DNS), a refused or unreachable connection get :data:`UNREACHABLE_RETRIES`
retries instead of :data:`MAX_RETRIES`, a TLS certificate error none; only
``quotaExceeded`` (and the older ``dailyLimitExceeded``) stops at once with
the daily-quota sentence.
"""

from __future__ import annotations

import errno
import http.client
import json
import os
import random
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..atomic import write_text
from .youtube import Bundle

TOKEN_ENV = "MATHREEL_YOUTUBE_TOKEN"
SCOPES = (
    "https://www.googleapis.com/auth/youtube.upload",
    "https://www.googleapis.com/auth/youtube.force-ssl",  # captions.insert
)
RETRIABLE_STATUS = (429, 500, 502, 503, 504)
RATE_LIMIT_REASONS = {"rateLimitExceeded", "userRateLimitExceeded"}  # 403s worth a retry
MAX_RETRIES = 8
UNREACHABLE_RETRIES = 2  # no route to the API (offline): a few seconds, not minutes
CHUNK_SIZE = 8 * 1024 * 1024  # a multiple of 256 KiB, as resumable uploads require
INSTALL_HINT = "pip install 'mathreel[youtube]'"
QUOTA_REASONS = {"quotaExceeded", "dailyLimitExceeded"}


class UploadError(Exception):
    """An upload could not finish; the message is one sentence for the user."""


class CredentialsError(UploadError):
    """No usable credentials (missing, unreadable): the user can fix it (exit 2)."""


@dataclass(frozen=True)
class UploadResult:
    video_id: str
    privacy: str
    captions_id: str
    thumbnail: bool

    @property
    def url(self) -> str:
        return f"https://youtu.be/{self.video_id}"


def _require_client():
    try:
        import googleapiclient.discovery  # noqa: F401
        import google.oauth2.credentials  # noqa: F401
        import google_auth_httplib2  # noqa: F401
    except ImportError:
        raise CredentialsError(
            f"Uploading needs the Google API client; install it with {INSTALL_HINT}.") from None


def credentials_path(option: str | os.PathLike | None) -> Path:
    """The token file: the option, else ``$MATHREEL_YOUTUBE_TOKEN``."""
    value = option or os.environ.get(TOKEN_ENV)
    if not value:
        raise CredentialsError(
            "No YouTube credentials: sign in once with `mathreel publish youtube --login "
            f"CLIENT_SECRET.json`, or pass --credentials FILE or set {TOKEN_ENV} to an "
            "authorized-user token JSON (see README, Publishing).")
    path = Path(value).expanduser()
    if not path.is_file():
        raise CredentialsError(f"The YouTube credentials file {path} does not exist.")
    return path


def load_credentials(option: str | os.PathLike | None = None, *, token_uri: str | None = None):
    """``google.oauth2.credentials.Credentials`` from the token file.

    ``token_uri`` replaces Google's token endpoint (google-auth ignores the
    file's); tests point it at a local server."""
    _require_client()
    from google.oauth2.credentials import Credentials

    path = credentials_path(option)
    try:
        info = json.loads(Path(path).read_text(encoding="utf-8"))
        if not isinstance(info, dict):  # google-auth would fail with an AttributeError
            raise ValueError(f"a JSON {type(info).__name__}, not an object")
        creds = Credentials.from_authorized_user_info(info, scopes=list(SCOPES))
    except (ValueError, KeyError) as exc:
        detail = str(exc).rstrip(".")
        raise CredentialsError(
            f"{path} is not an authorized-user token JSON ({detail}).") from None
    except OSError as exc:
        raise CredentialsError(f"Cannot read the YouTube credentials file {path} "
                               f"({exc.strerror or exc}).") from None
    if token_uri:
        expiry = creds.expiry
        creds = creds.with_token_uri(token_uri)  # a copy without the expiry
        creds.expiry = expiry
    creds._mathreel_path = path  # for messages
    return creds


def _reason(exc) -> str:
    try:
        error = json.loads(exc.content.decode("utf-8"))["error"]
        errors = error.get("errors") or [{}]
        return errors[0].get("reason") or error.get("status") or ""
    except (ValueError, KeyError, AttributeError, TypeError):
        return ""


def _message(exc, step: str, creds) -> str:
    """One sentence for an API error."""
    status = int(exc.resp.status)
    reason = _reason(exc)
    if reason in QUOTA_REASONS:
        return ("The YouTube Data API quota is used up; try again after the daily reset "
                "(midnight Pacific Time) or ask Google for more quota.")
    if reason == "uploadLimitExceeded":
        return "This YouTube channel has reached its upload limit; try again in 24 hours."
    if status == 401:
        return _expired(creds)
    if step == "thumbnails.set" and status == 403:
        return ("YouTube refused the custom thumbnail: the channel must be verified "
                "(youtube.com/verify) to set one.")
    detail = exc._get_reason().strip().rstrip(".") if hasattr(exc, "_get_reason") else ""
    return f"YouTube answered {status} to {step}: {detail or reason or 'no details'}."


def _expired(creds) -> str:
    where = getattr(creds, "_mathreel_path", "the credentials file")
    return (f"The YouTube token in {where} has expired or been revoked; sign in again with "
            "`mathreel publish youtube --login CLIENT_SECRET.json`.")


def _retriable_exceptions() -> tuple[type[BaseException], ...]:
    import httplib2

    return (httplib2.HttpLib2Error, ConnectionError, TimeoutError, http.client.NotConnected,
            http.client.IncompleteRead, http.client.ImproperConnectionState,
            http.client.CannotSendRequest, http.client.CannotSendHeader,
            http.client.ResponseNotReady, http.client.BadStatusLine)


UNREACHABLE_ERRNOS = {errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH,
                      errno.ENETDOWN, errno.EHOSTDOWN}


def _causes(exc: BaseException):
    """``exc`` and the exceptions it was raised from or during."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _unreachable(exc: BaseException) -> str | None:
    """Why the API cannot be reached at all (no DNS, refused, no route), or
    None for a failure that a retry may well cure (a dropped connection)."""
    import httplib2

    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror | httplib2.ServerNotFoundError):
            return f"the server name does not resolve ({cause}); is this machine offline?"
        if isinstance(cause, OSError) and cause.errno in UNREACHABLE_ERRNOS:
            return f"no connection to the server ({cause.strerror or cause})"
    return None


def _certificate_error(exc: BaseException) -> str | None:
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return cause.verify_message or str(cause)
    return None


class _Uploader:
    def __init__(self, creds, *, http=None, api_endpoint: str | None = None,
                 sleep: Callable[[float], None] = time.sleep, max_retries: int = MAX_RETRIES,
                 log: Callable[[str], None] = lambda _: None):
        from google_auth_httplib2 import AuthorizedHttp
        from googleapiclient.discovery import build
        from googleapiclient.http import build_http

        self.creds = creds
        self.sleep = sleep
        self.max_retries = max_retries
        self.log = log
        http = http or build_http()
        # A resumable upload answers "308 Resume Incomplete", which httplib2
        # would otherwise follow as a redirect (build_http does the same).
        if hasattr(http, "redirect_codes"):
            http.redirect_codes = set(http.redirect_codes) - {308}
        authed = AuthorizedHttp(creds, http=http)
        options = {"api_endpoint": api_endpoint} if api_endpoint else None
        self.youtube = build("youtube", "v3", http=authed, static_discovery=True,
                             cache_discovery=False, client_options=options)

    def call(self, step: str, request):
        """Execute a request; every failure becomes one UploadError sentence.
        A resumable upload is driven chunk by chunk, retrying server errors
        (500/502/503/504), rate limits and lost connections with exponential
        backoff; an unreachable server gets only a few retries."""
        from google.auth.exceptions import RefreshError, TransportError
        from googleapiclient.errors import HttpError

        retriable = _retriable_exceptions() + (TransportError,)
        attempt, response = 0, None
        limit = self.max_retries
        while response is None:
            try:
                if request.resumable is not None:
                    status, response = request.next_chunk(num_retries=0)
                    if status is not None:
                        self.log(f"{step}: {int(status.progress() * 100)}%")
                else:
                    response = request.execute(num_retries=0)
                attempt = 0 if request.resumable is not None else attempt
                continue
            except RefreshError as exc:
                if _unreachable(exc) is None:
                    raise UploadError(_expired(self.creds)) from None
                problem, limit = _unreachable(exc), min(limit, UNREACHABLE_RETRIES)
            except HttpError as exc:
                status, reason = int(exc.resp.status), _reason(exc)
                if status not in RETRIABLE_STATUS and not (
                        status == 403 and reason in RATE_LIMIT_REASONS):
                    raise UploadError(_message(exc, step, self.creds)) from None
                problem = f"HTTP {status}" + (f" {reason}" if reason else "")
            except (*retriable, OSError) as exc:
                certificate = _certificate_error(exc)
                if certificate:
                    raise UploadError(f"{step} could not verify YouTube's TLS certificate "
                                      f"({certificate}); nothing was retried.") from None
                unreachable = _unreachable(exc)
                if unreachable is None and not isinstance(exc, retriable):
                    raise
                if unreachable:
                    problem, limit = unreachable, min(limit, UNREACHABLE_RETRIES)
                else:
                    problem = f"{type(exc).__name__}: {exc}"
            attempt += 1
            if attempt > limit:
                raise UploadError(f"{step} failed {attempt} times in a row, last with {problem}; "
                                  "run the command again to resume.")
            delay = random.uniform(0.5, 1.0) * min(2 ** attempt, 64)
            self.log(f"{step}: {problem}; retry {attempt} of {limit} in {delay:.1f} s")
            self.sleep(delay)
        return response


def _record(bundle: Bundle, receipt: dict) -> None:
    write_text(bundle.receipt, json.dumps(receipt, indent=2) + "\n")


def upload_bundle(bundle: Bundle, creds, *, privacy: str | None = None, http=None,
                  api_endpoint: str | None = None, sleep: Callable[[float], None] = time.sleep,
                  chunk_size: int = CHUNK_SIZE, max_retries: int = MAX_RETRIES,
                  log: Callable[[str], None] = lambda _: None) -> UploadResult:
    """Send a bundle: video, captions, thumbnail. Returns what was uploaded;
    raises UploadError (one sentence, naming what did get done) otherwise.

    ``privacy`` overrides ``metadata.json``'s privacyStatus. ``http`` and
    ``api_endpoint`` exist for tests against a local server.
    """
    from googleapiclient.http import MediaFileUpload

    from ..filestate import sha256_file

    body = json.loads(bundle.metadata.read_text(encoding="utf-8"))
    if privacy:
        body.setdefault("status", {})["privacyStatus"] = privacy
    privacy = body.get("status", {}).get("privacyStatus", "private")
    body.setdefault("status", {})["privacyStatus"] = privacy
    receipt = {}
    if bundle.receipt.is_file():
        receipt = json.loads(bundle.receipt.read_text(encoding="utf-8"))
    uploader = _Uploader(creds, http=http, api_endpoint=api_endpoint, sleep=sleep,
                         max_retries=max_retries, log=log)
    youtube = uploader.youtube

    video_id = receipt.get("videoId")
    if not video_id:
        size = bundle.video.stat().st_size / 2**20
        log(f"videos.insert: sending {bundle.video.name} ({size:.1f} MB) to YouTube")
        media = MediaFileUpload(str(bundle.video), mimetype="video/mp4", chunksize=chunk_size,
                                resumable=True)
        request = youtube.videos().insert(part="snippet,status", body=body, media_body=media)
        response = uploader.call("videos.insert", request)
        video_id = response.get("id") if isinstance(response, dict) else None
        if not video_id:
            raise UploadError("videos.insert finished without returning a video id; "
                              "check YouTube Studio before running the command again.")
        receipt = {"videoId": video_id, "privacyStatus": privacy,
                   "videoSha256": sha256_file(bundle.video)}
        _record(bundle, receipt)
    done = f"the video was uploaded as https://youtu.be/{video_id}"

    captions_id = receipt.get("captionsId")
    if not captions_id:
        media = MediaFileUpload(str(bundle.srt), mimetype="application/octet-stream",
                                resumable=False)
        caption = {"snippet": {"videoId": video_id, "language": "en", "name": "English",
                               "isDraft": False}}
        request = youtube.captions().insert(part="snippet", body=caption, media_body=media)
        try:
            response = uploader.call("captions.insert", request)
        except UploadError as exc:
            raise UploadError(f"{str(exc).rstrip('.')} ({done}, but without captions or "
                              "thumbnail; run again to finish).") from None
        captions_id = response.get("id", "") or "uploaded"
        receipt["captionsId"] = captions_id
        _record(bundle, receipt)

    if not receipt.get("thumbnail"):
        media = MediaFileUpload(str(bundle.thumbnail), mimetype="image/png", resumable=False)
        request = youtube.thumbnails().set(videoId=video_id, media_body=media)
        try:
            uploader.call("thumbnails.set", request)
        except UploadError as exc:
            raise UploadError(f"{str(exc).rstrip('.')} ({done} with captions, but without "
                              "its thumbnail; run again to finish).") from None
        receipt["thumbnail"] = True
        _record(bundle, receipt)
    return UploadResult(video_id, privacy, captions_id, True)
