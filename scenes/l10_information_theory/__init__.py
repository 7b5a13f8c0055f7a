"""Lesson 10: information theory: its scenes (scenes.py) and its practice (exercises.py)."""
