"""A contact sheet: one PNG with a grid of frames of one or more scenes, for
review and thumbnails. A frame is taken at the end of every animation (times
from a dry run), or every N seconds."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .atomic import replacing
from .encode import grab_frame

TILE_WIDTH = 384
COLUMNS = 5
LABEL_HEIGHT = 22
GAP = 6
BACKGROUND = (12, 12, 16)
LABEL_COLOR = (200, 200, 200)
FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@dataclass(frozen=True)
class Tile:
    video: Path
    time: float  # seconds into the video
    label: str


def frame_times(animation_ends: list[float], duration: float, fps: int,
                every: float | None = None) -> list[float]:
    """Seek times for the frames to grab: the last frame of every animation,
    or every ``every`` seconds from 0. A frame shown from ``t`` on is
    reached by seeking half a frame earlier (an accurate seek returns the
    first frame at or after the time asked), never past the video's last
    frame, which starts at ``duration - 1/fps``."""
    half = 0.5 / fps
    last = max(duration - 1.0 / fps - half, 0.0)
    if every is not None:
        count = int(duration // every) + 1
        return [min(max(i * every - half, 0.0), last) for i in range(count)]
    return [min(max(end - 1.0 / fps - half, 0.0), last) for end in animation_ends]


def frame_image(video: Path, time: float, width: int = TILE_WIDTH) -> Image.Image:
    """The frame of ``video`` at ``time`` seconds, scaled to ``width``."""
    with tempfile.TemporaryDirectory() as folder:
        png = grab_frame(video, time, Path(folder) / "frame.png", width=width)
        with Image.open(png) as image:
            return image.convert("RGB")


def _font():
    if FONT_FILE.exists():
        return ImageFont.truetype(str(FONT_FILE), 14)
    return ImageFont.load_default()


def compose(tiles: list[Tile], columns: int = COLUMNS) -> Image.Image:
    """The grid image: each frame with its label underneath."""
    frames = [frame_image(t.video, t.time) for t in tiles]
    tile_h = max(f.height for f in frames) + LABEL_HEIGHT
    columns = min(columns, len(frames))
    rows = -(-len(frames) // columns)
    sheet = Image.new("RGB", (GAP + columns * (TILE_WIDTH + GAP), GAP + rows * (tile_h + GAP)),
                      BACKGROUND)
    draw, font = ImageDraw.Draw(sheet), _font()
    for index, (tile, frame) in enumerate(zip(tiles, frames)):
        x = GAP + (index % columns) * (TILE_WIDTH + GAP)
        y = GAP + (index // columns) * (tile_h + GAP)
        sheet.paste(frame, (x, y))
        draw.text((x + 2, y + frame.height + 3), tile.label, fill=LABEL_COLOR, font=font)
    return sheet


def write_sheet(tiles: list[Tile], out: Path) -> Path:
    """Compose the sheet and write it atomically to ``out``."""
    if not tiles:
        raise ValueError("no frames to put on the sheet")
    image = compose(tiles)
    with replacing(out) as tmp:
        image.save(tmp, format="PNG")
    return out
