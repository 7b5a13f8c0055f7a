"""Lesson 03 — Matrix calculus: its scenes (scenes.py) and its practice (exercises.py)."""
