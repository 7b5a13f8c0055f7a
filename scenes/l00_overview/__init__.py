"""Lesson 00 — Overview: the map of the course: its scenes (scenes.py) and its practice (exercises.py)."""
