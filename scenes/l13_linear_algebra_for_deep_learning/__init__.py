"""Lesson 13 — Linear algebra for deep learning: its scenes (scenes.py) and its practice (exercises.py)."""
