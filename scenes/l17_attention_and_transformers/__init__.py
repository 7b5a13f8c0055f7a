"""Lesson 17: the mathematics of attention and transformers: its scenes (scenes.py) and its practice (exercises.py)."""
