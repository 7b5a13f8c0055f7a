"""Lesson 05 — Multivariate calculus: its scenes (scenes.py) and its practice (exercises.py)."""
