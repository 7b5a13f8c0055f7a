"""Lesson 12 — Sampling and Monte Carlo: its scenes (scenes.py) and its practice (exercises.py)."""
