"""The scene kit every lesson builds on: the narrated scene (``narration``), the
"Try it" practice card (``practice``), the lesson title card (``title_card``),
the palette and sizes (``style``) and the drawing helpers (``widgets``).

Importing this package imports nothing else (no Manim); its modules do.
"""
