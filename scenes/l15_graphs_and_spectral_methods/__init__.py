"""Lesson 15 — Graph theory and spectral methods: its scenes (scenes.py) and its practice (exercises.py)."""
