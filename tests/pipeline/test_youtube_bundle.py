"""The YouTube bundle as an uploader reads it: files, metadata in the shape
of videos.insert's body, description with chapters and notebook, thumbnail."""

from __future__ import annotations

import hashlib
import json

import pytest
from PIL import Image

from pathlib import Path

from publish_fixtures import (  # noqa: F401  (fixtures)
    CHAPTERS, lesson_media, make_project, published_project, write_stitch_record,
)

from conftest import ffprobe
from mathreel.chapters import plan_chapters, write_chapters
from mathreel.encode import moov_before_mdat
from mathreel.curriculum import load_curriculum
from mathreel.publish.lessons import PublishError, find_stitched
from mathreel.publish.youtube import Bundle, build_bundle, chapter_warnings, description_text

# videos.insert: the fields of a Video resource's snippet and status that a
# client may set (https://developers.google.com/youtube/v3/docs/videos).
SNIPPET_FIELDS = {"title", "description", "tags", "categoryId", "defaultLanguage",
                  "defaultAudioLanguage"}
STATUS_FIELDS = {"privacyStatus", "embeddable", "license", "publicStatsViewable", "publishAt",
                 "selfDeclaredMadeForKids", "containsSyntheticMedia"}


@pytest.fixture(scope="module")
def project(tmp_path_factory, lesson_media) -> Path:
    return make_project(tmp_path_factory.mktemp("bundle-project"), lesson_media)


@pytest.fixture(scope="module")
def bundle(project) -> Bundle:
    """One bundle for the read-only tests (the release encode runs once)."""
    stitched = find_stitched(load_curriculum(project), "02", "low")
    return build_bundle(stitched, project / "media" / "low" / "youtube")


def test_bundle_files(bundle, project):
    folder = project / "media" / "low" / "youtube" / "02_matrix-decompositions"
    assert bundle.folder == folder
    assert sorted(p.name for p in folder.iterdir()) == [
        ".mathreel-bundle", "02_matrix-decompositions.en.srt", "02_matrix-decompositions.en.vtt",
        "02_matrix-decompositions.mp4", "description.txt", "metadata.json", "thumbnail.png"]
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]  # no temp left


def test_video_is_a_release_encode_without_the_subtitle_stream(bundle):
    from mathreel.encode import youtube_bitrate
    from mathreel.stitch import RELEASE_COMMENT

    info = ffprobe(bundle.video)
    assert [s["codec_type"] for s in info["streams"]] == ["video", "audio"]
    video, audio = info["streams"]
    assert (video["codec_name"], video["profile"], video["pix_fmt"]) == ("h264", "High", "yuv420p")
    assert (audio["codec_name"], audio["profile"], audio["sample_rate"]) == ("aac", "LC", "48000")
    assert info["format"]["tags"]["comment"] == RELEASE_COMMENT
    assert int(video["bit_rate"]) > 0.8 * int(youtube_bitrate(480, 15).rstrip("k")) * 1000
    assert abs(float(info["format"]["duration"]) - 12.0) < 0.2
    assert moov_before_mdat(bundle.video)


def test_a_lesson_stitched_for_release_is_copied_not_encoded_again(published_project, tmp_path):
    import subprocess

    from mathreel.stitch import RELEASE_COMMENT

    video = published_project / "media" / "low" / "lessons" / "02_matrix-decompositions.mp4"
    tagged = tmp_path / "tagged.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-i", str(video), "-map", "0", "-c", "copy",
                    "-metadata", f"comment={RELEASE_COMMENT}", str(tagged)], check=True)
    video.unlink()
    tagged.replace(video)
    write_stitch_record(published_project, video)  # as a release stitch records it
    stitched = find_stitched(load_curriculum(published_project), "02", "low")
    bundle = build_bundle(stitched, tmp_path / "out")
    source, copied = ffprobe(video), ffprobe(bundle.video)
    assert [s["codec_type"] for s in copied["streams"]] == ["video", "audio"]
    assert copied["streams"][0]["bit_rate"] == source["streams"][0]["bit_rate"]
    assert copied["streams"][0]["nb_frames"] == source["streams"][0]["nb_frames"]


def test_metadata_has_the_shape_videos_insert_expects(bundle):
    body = json.loads(bundle.metadata.read_text())
    assert set(body) == {"snippet", "status"}
    assert set(body["snippet"]) <= SNIPPET_FIELDS and set(body["status"]) <= STATUS_FIELDS
    snippet = body["snippet"]
    assert snippet["title"] == "Matrix decompositions"
    assert snippet["categoryId"] == "27"
    assert snippet["tags"] == ["linear algebra", "eigenvalues", "power iteration"]
    assert snippet["description"] == bundle.description.read_text()
    assert body["status"]["privacyStatus"] == "private"
    assert body["status"]["selfDeclaredMadeForKids"] is False


def test_description_has_the_notebook_and_no_chapters_youtube_would_refuse(bundle):
    text = bundle.description.read_text()
    assert text.startswith("Eigenvectors are the directions a matrix only stretches")
    assert "Chapters" not in text  # the fixture's three chapters last 4 s each
    assert "notebooks/01_linear_algebra.ipynb" in text
    assert "<" not in text and ">" not in text and len(text.encode()) <= 5000


def test_chapters_too_short_for_youtube_are_a_warning(bundle):
    assert bundle.warnings == ("lesson 02: YouTube will not show chapters ("
                               + "; ".join(f"'{t}' is shorter than 10 s" for _, _, t in CHAPTERS)
                               + ")",)


# A lesson's parts as stitch sees them: (start, end, title), a title card first.
# "B" lasts 9.9 s: stitch merges it into "A" and keeps a list YouTube shows.
KEPT_LIST = [(0, 3, "Title"), (3, 20, "A"), (20, 29.9, "B"), (29.9, 50, "C"), (50, 70, "D")]
# Merging "B" leaves one chapter: stitch writes no list, so YouTube shows none.
REFUSED_LIST = [(0, 3, "Title"), (3, 20, "A"), (20, 29.9, "B")]


@pytest.mark.parametrize("segments, expected", [
    (KEPT_LIST, "0:00 A\n0:29 C\n0:50 D\n"),
    (REFUSED_LIST, ""),
])
def test_the_description_lists_the_chapters_stitch_wrote(published_project, segments, expected):
    """A chapter of 9.9 s: the description's list is stitch's .chapters.txt,
    and the bundle warns exactly when that list is empty."""
    stitched = find_stitched(load_curriculum(published_project), "02", "low")
    plan = plan_chapters(segments, leading_untitled=True)  # as stitch.join does
    write_chapters(plan.chapters, stitched.chapters_json, stitched.chapters_txt)
    assert stitched.chapters_txt.read_text(encoding="utf-8") == expected
    text = description_text(find_stitched(load_curriculum(published_project), "02", "low"))
    warnings = chapter_warnings(find_stitched(load_curriculum(published_project), "02", "low"))
    if expected:
        assert f"\n\nChapters\n{expected}\n" in text and warnings == []
    else:
        assert "Chapters" not in text
        assert warnings == ["lesson 02: YouTube will not show chapters (fewer than 3 chapters)"]


def test_captions_are_the_stitched_ones(bundle, project):
    lessons = project / "media" / "low" / "lessons"
    assert bundle.srt.read_bytes() == (lessons / "02_matrix-decompositions.srt").read_bytes()
    assert bundle.vtt.read_text().startswith("WEBVTT")


def test_thumbnail_is_1280x720_png_under_2mb_with_the_title_drawn(bundle, lesson_media, tmp_path):
    assert bundle.thumbnail.stat().st_size < 2 * 1024 * 1024
    image = Image.open(bundle.thumbnail)
    assert image.format == "PNG" and image.size == (1280, 720)
    # The lower band is the course background with the title drawn in white over it.
    band = image.convert("RGB").crop((0, 420, 1280, 720))
    colours = band.getcolors(maxcolors=1 << 20)
    white = sum(n for n, (r, g, b) in colours if min(r, g, b) > 240)
    assert white > 5000
    # The upper part is the key frame (testsrc's colour bars), not a blank card.
    top = image.convert("RGB").crop((0, 0, 1280, 150))
    assert len(top.getcolors(maxcolors=1 << 20)) > 6


def test_privacy_and_bad_privacy(project):
    from mathreel.publish.youtube import metadata

    stitched = find_stitched(load_curriculum(project), "02", "low")
    assert metadata(stitched, "text", "unlisted")["status"]["privacyStatus"] == "unlisted"
    with pytest.raises(PublishError, match="privacy must be one of private, unlisted, public"):
        build_bundle(stitched, project / "elsewhere", privacy="secret")
    assert not (project / "elsewhere").exists()


def test_rebuild_keeps_the_upload_receipt_of_the_same_video(bundle, project):
    digest = hashlib.sha256(bundle.video.read_bytes()).hexdigest()
    bundle.receipt.write_text(json.dumps({"videoId": "abc", "videoSha256": digest}))
    stitched = find_stitched(load_curriculum(project), "02", "low")
    again = build_bundle(stitched, bundle.folder.parent)
    assert json.loads(again.receipt.read_text())["videoId"] == "abc"


def test_unstitched_lesson_names_the_file_and_the_command(published_project):
    with pytest.raises(PublishError) as info:
        find_stitched(load_curriculum(published_project), "04", "low")
    assert str(info.value) == (
        "lesson 04 is not stitched at low quality: media/low/lessons/04_norms-and-distances.mp4 "
        "is missing; run `mathreel stitch 04 -q low`")
