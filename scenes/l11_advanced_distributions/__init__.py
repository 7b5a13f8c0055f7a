"""Lesson 11 — Advanced distributions: its scenes (scenes.py) and its practice (exercises.py)."""
