"""Lesson 14 — Convexity and duality: its scenes (scenes.py) and its practice (exercises.py)."""
