"""Sign in to YouTube once, in the browser, as every upload tool does
(``mathreel publish youtube --login CLIENT_SECRET.json``).

The OAuth *installed-app* flow of google-auth-oauthlib: a one-shot HTTP
server on 127.0.0.1 (a free port) receives Google's redirect after the user
allows the upload scopes; the address to open is always printed, and a
browser is opened only where one can be (a display and a known browser). The
token is stored for this user only (0600, in a 0700 folder) at
``$XDG_CONFIG_HOME/mathreel/youtube-token.json`` (default
``~/.config/mathreel/...``), refreshed and saved again when its access token
has expired, and removed by ``--logout``. ``--upload`` uses it when neither
``--credentials`` nor ``$MATHREEL_YOUTUBE_TOKEN`` names another token.
"""

from __future__ import annotations

import os
import tempfile
import webbrowser
from pathlib import Path

from ..viewer import has_display
from .upload import INSTALL_HINT, SCOPES, TOKEN_ENV, CredentialsError, UploadError, load_credentials

TOKEN_FILE = "youtube-token.json"
PROMPT = "Open this address in a browser to let mathreel upload to your channel:\n{url}"
SUCCESS = "mathreel may now upload to your channel; you can close this tab."
LOGIN_TIMEOUT = 300  # seconds to wait for the browser's redirect


def token_path() -> Path:
    """Where the sign-in is stored: ``$XDG_CONFIG_HOME/mathreel/`` (XDG Base
    Directory), else ``~/.config/mathreel/``."""
    base = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(base).expanduser() / "mathreel" / TOKEN_FILE


def save_token(text: str) -> Path:
    """Write the token JSON readable by this user only: a temporary file
    (mkstemp: 0600) beside it, renamed into place, so no other user ever
    sees it and a crash never leaves half a token."""
    path = token_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _browser_available() -> bool:
    if not has_display():
        return False
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def login(client_secret: Path, *, open_browser: bool | None = None,
          timeout: float | None = LOGIN_TIMEOUT) -> Path:
    """Run the installed-app flow with the OAuth client ``client_secret``
    (a "Desktop app" client's JSON from the Google Cloud console) and store
    the token; returns where. ``open_browser``: None decides by whether a
    browser can open; the address is printed either way."""
    try:
        from google_auth_oauthlib.flow import InstalledAppFlow
    except ImportError:
        raise CredentialsError(
            f"Signing in needs google-auth-oauthlib; install it with {INSTALL_HINT}.") from None
    client_secret = Path(client_secret).expanduser()
    if not client_secret.is_file():
        raise CredentialsError(f"The OAuth client file {client_secret} does not exist.")
    try:
        flow = InstalledAppFlow.from_client_secrets_file(str(client_secret), scopes=list(SCOPES))
    except (ValueError, KeyError, UnicodeDecodeError) as exc:
        detail = str(exc).rstrip(".") or type(exc).__name__
        raise CredentialsError(
            f"{client_secret} is not an OAuth client JSON of type Desktop app ({detail}).") from None
    if open_browser is None:
        open_browser = _browser_available()
    try:
        creds = flow.run_local_server(host="127.0.0.1", port=0, open_browser=open_browser,
                                      authorization_prompt_message=PROMPT,
                                      success_message=SUCCESS, timeout_seconds=timeout)
    except Exception as exc:  # noqa: BLE001 - oauthlib, requests and the WSGI server all raise
        raise UploadError(f"Signing in to YouTube failed: {_one_line(exc)}.") from None
    return save_token(creds.to_json())


def logout() -> Path | None:
    """Remove the stored sign-in; its path, or None when there was none."""
    path = token_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    return path


def credentials(option: str | os.PathLike | None = None, *, token_uri: str | None = None):
    """The credentials ``--upload`` uses: ``--credentials``, else
    ``$MATHREEL_YOUTUBE_TOKEN``, else the stored sign-in (refreshed and saved
    again when expired). ``token_uri`` replaces Google's token endpoint
    (tests)."""
    stored = token_path()
    if option or os.environ.get(TOKEN_ENV) or not stored.is_file():
        return load_credentials(option, token_uri=token_uri)
    creds = load_credentials(stored, token_uri=token_uri)
    if creds.expired and creds.refresh_token:
        from google.auth.exceptions import GoogleAuthError
        from google.auth.transport.requests import Request

        try:
            creds.refresh(Request())
        except GoogleAuthError as exc:
            raise CredentialsError(
                f"The stored YouTube sign-in could not be refreshed ({_one_line(exc)}); "
                "sign in again with mathreel publish youtube --login CLIENT_SECRET.json.") from None
        save_token(creds.to_json())
    return creds


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()).rstrip(".")
    return text or type(exc).__name__
