"""Lesson 08 — Probability for machine learning: its scenes (scenes.py) and its practice (exercises.py)."""
