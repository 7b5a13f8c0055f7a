"""Lesson 02 — Matrix decompositions: its scenes (scenes.py) and its practice (exercises.py)."""
