"""Lesson 04 — Norms and distances: its scenes (scenes.py) and its practice (exercises.py)."""
