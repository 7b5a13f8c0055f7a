"""The course's lessons, one folder each: ``lNN_<slug>/scenes.py`` holds the
lesson's Manim scenes and ``lNN_<slug>/exercises.py`` its practice. The order
in which the scenes play, and their chapter titles, live in ``curriculum.toml``."""
