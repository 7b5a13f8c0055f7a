"""Lesson 07 — Gradient descent theory (flagship): its scenes (scenes.py) and its practice (exercises.py)."""
