"""Lesson 16 — Manifold and representation learning: its scenes (scenes.py) and its practice (exercises.py)."""
