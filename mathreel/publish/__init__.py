"""Publishing targets built on the stitched lessons.

Each target reads only what ``mathreel stitch`` wrote under
``media/<quality>/lessons/`` (the video, its .srt/.vtt captions and its
chapters) plus the curriculum, the exercises and the course style::

    youtube.py    a per-lesson upload bundle (video, captions, description,
                  metadata.json for videos.insert, thumbnail.png)
    upload.py     optional upload of a bundle with the YouTube Data API v3
    blog.py       a static site: index + one page per lesson
    thumbnail.py  key frame + title in the course style
    lessons.py    what every target shares: finding a stitched lesson,
                  chapters, captions, notebooks, atomic folder writes
"""

from .lessons import PublishError, StitchedLesson, find_stitched

__all__ = ["PublishError", "StitchedLesson", "find_stitched"]
