"""Lesson 09 — Maximum likelihood and MAP: its scenes (scenes.py) and its practice (exercises.py)."""
