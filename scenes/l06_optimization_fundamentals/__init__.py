"""Lesson 06 — Optimization fundamentals: its scenes (scenes.py) and its practice (exercises.py)."""
