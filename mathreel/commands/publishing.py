"""The publish commands: a YouTube bundle per lesson (optionally uploaded),
or a static blog."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..curriculum import Curriculum
from ..project import media_dir
from . import InputError


def youtube_bundles(curriculum: Curriculum, keys: Iterable[str], quality: str, *,
                    out: Path | None = None, privacy: str = "private",
                    thumbnail_at: float | None = None, upload: bool = False,
                    credentials: Path | None = None,
                    on_bundle: Callable = lambda bundle: None,
                    on_upload: Callable = lambda lesson, result: None,
                    log: Callable[[str], None] = print) -> list:
    """Write the YouTube bundle of each lesson ``keys`` names, stitched at
    ``quality``, under ``out`` (default ``media/<quality>/youtube``); with
    ``upload`` send it too. ``on_bundle`` gets each bundle as soon as it is
    written, ``on_upload`` each upload's result, ``log`` the upload's
    progress lines.

    Returns
    -------
    list of Bundle
        The bundles written.
    """
    from ..publish import youtube_auth
    from ..publish.lessons import find_stitched
    from ..publish.youtube import build_bundle

    stitched = [find_stitched(curriculum, key, quality) for key in keys]
    creds = youtube_auth.credentials(credentials) if upload else None  # fail before any work
    out = out or media_dir(curriculum.root) / quality / "youtube"
    bundles = []
    for lesson in stitched:
        bundles.append(build_bundle(lesson, out, privacy=privacy, thumbnail_at=thumbnail_at))
        on_bundle(bundles[-1])
        if upload:
            from ..publish.upload import upload_bundle

            on_upload(lesson, upload_bundle(bundles[-1], creds, privacy=privacy, log=log))
    return bundles


def blog_site(curriculum: Curriculum, keys: Iterable[str], quality: str, *,
              out: Path | None = None):
    """Write the static site of the lessons ``keys`` names (none: every
    lesson stitched at ``quality``) to ``out`` (default
    ``media/<quality>/blog``).

    Returns
    -------
    Site
        The site's folder and any warnings.
    """
    from ..publish.blog import build_site
    from ..publish.lessons import find_stitched, stitched_lessons

    keys = list(keys)
    if keys:
        stitched = [find_stitched(curriculum, key, quality) for key in keys]
    else:
        stitched = stitched_lessons(curriculum, quality)
        if not stitched:
            raise InputError(f"no lesson is stitched at {quality} quality; "
                             f"run `mathreel stitch LESSON -q {quality}` first")
    return build_site(stitched, out or media_dir(curriculum.root) / quality / "blog")
