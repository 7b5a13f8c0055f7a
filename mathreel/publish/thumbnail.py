"""A YouTube thumbnail: a key frame of the lesson with its title drawn over it
in the course style (``mathreel/palette.toml``: background, text and accent
colours), 1280x720 PNG under 2 MB.

The frame comes from the stitched video (ffmpeg); the title is drawn with
Pillow in DejaVu Sans Bold (Debian's fonts-dejavu-core).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..palette import course_palette as palette_data
from ..encode import grab_frame
from .lessons import PublishFailure, StitchedLesson

WIDTH, HEIGHT = 1280, 720
MAX_BYTES = 2 * 1024 * 1024  # YouTube's limit for a custom thumbnail
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TITLE_FONT = FONT_DIR / "DejaVuSans-Bold.ttf"
LABEL_FONT = FONT_DIR / "DejaVuSans.ttf"


@dataclass(frozen=True)
class Palette:
    background: str
    text: str
    accent: str
    muted: str


def course_palette() -> Palette:
    """The course's background, text, accent and muted colours (hex), read
    as data from ``mathreel/palette.toml``, as the scene kit's style reads them."""
    colours = palette_data().colours
    return Palette(colours["BACKGROUND"], colours["TEXT"], colours["ACCENT"], colours["MUTED"])


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")[:6]
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def _font(path: Path, size: int):
    from PIL import ImageFont

    if not path.is_file():
        raise PublishFailure(f"{path} not found; install it: sudo apt-get install fonts-dejavu-core")
    return ImageFont.truetype(str(path), size)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def _fit_title(draw, title: str, width: int, max_lines: int = 3):
    """The largest font size (down to 40 px) at which the title fits."""
    for size in range(96, 39, -4):
        font = _font(TITLE_FONT, size)
        lines = _wrap(draw, title, font, width)
        if len(lines) <= max_lines and all(draw.textlength(l, font=font) <= width for l in lines):
            return font, lines
    font = _font(TITLE_FONT, 40)
    return font, _wrap(draw, title, font, width)[:max_lines]


def compose(frame_path: Path, title: str, label: str, palette: Palette):
    """The thumbnail image: the frame filling 1280x720, a band of the course
    background fading up from the bottom, the label in the accent colour and
    the title in the text colour."""
    from PIL import Image, ImageDraw, ImageOps

    frame = Image.open(frame_path).convert("RGB")
    image = ImageOps.fit(frame, (WIDTH, HEIGHT), method=Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(image)
    margin = 64
    title_font, lines = _fit_title(draw, title, WIDTH - 2 * margin)
    label_font = _font(LABEL_FONT, 34)
    line_height = int(title_font.size * 1.15)
    block = 34 + 18 + line_height * len(lines)
    top = HEIGHT - margin - block

    # The course background, opaque behind the text, fading out above it.
    shade = Image.new("L", (1, HEIGHT), 0)
    fade = 160
    for y in range(HEIGHT):
        if y >= top - 24:
            alpha = 235
        elif y >= top - 24 - fade:
            alpha = int(235 * (y - (top - 24 - fade)) / fade)
        else:
            alpha = 0
        shade.putpixel((0, y), alpha)
    band = Image.new("RGB", (WIDTH, HEIGHT), _rgb(palette.background))
    image = Image.composite(band, image, shade.resize((WIDTH, HEIGHT)))
    draw = ImageDraw.Draw(image)

    draw.rectangle([margin - 28, top + 4, margin - 18, HEIGHT - margin], fill=_rgb(palette.accent))
    draw.text((margin, top), label.upper(), font=label_font, fill=_rgb(palette.accent))
    y = top + 34 + 18
    for line in lines:
        draw.text((margin, y), line, font=title_font, fill=_rgb(palette.text))
        y += line_height
    return image


def save_png_under(image, dst: Path, max_bytes: int = MAX_BYTES) -> Path:
    """Save as PNG; if it is too big, with fewer colours until it fits."""
    image.save(dst, "PNG", optimize=True)
    for colours in (256, 128, 64):
        if dst.stat().st_size < max_bytes:
            break
        image.quantize(colors=colours, method=2).save(dst, "PNG", optimize=True)
    if dst.stat().st_size >= max_bytes:
        raise PublishFailure(f"{dst.name} is still {dst.stat().st_size} bytes, over YouTube's 2 MB")
    return dst


def make_thumbnail(stitched: StitchedLesson, dst: Path, at: float | None = None) -> Path:
    """Write ``dst``: the frame at ``at`` seconds (default: the lesson's key
    frame) with the lesson's title, 1280x720 PNG < 2 MB."""
    palette = course_palette()
    when = stitched.key_frame_time() if at is None else at
    with tempfile.TemporaryDirectory(prefix="mathreel-thumb-") as tmp:
        frame = grab_frame(stitched.video, when, Path(tmp) / "frame.png")
        image = compose(frame, stitched.lesson.title, f"Lesson {stitched.lesson.code}", palette)
    return save_png_under(image, dst)
