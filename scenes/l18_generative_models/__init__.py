"""Lesson 18: the mathematics of generative models: its scenes (scenes.py) and its practice (exercises.py)."""
