# Both targets install what is missing first (scripts/setup.sh is idempotent).
.PHONY: setup preview test

setup:
	@bash scripts/setup.sh

# Render every curriculum scene at low quality (480p15) and stitch the lesson
# videos (captions, chapters) and the course video under media/low/.
preview: setup
	.venv/bin/mathreel build -q low

# The test suite (heavy renders are marked slow and excluded).
test: setup
	.venv/bin/python -m pytest
