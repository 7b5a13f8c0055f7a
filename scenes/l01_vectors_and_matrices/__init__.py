"""Lesson 01 — Vectors and matrices: its scenes (scenes.py) and its practice (exercises.py)."""
