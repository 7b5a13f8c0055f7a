#!/usr/bin/env bash
# Idempotent set-up: system packages (apt-get, only when missing), then .venv
# with `pip install -c constraints.txt -e '.[dev]'` (only when pyproject.toml or
# constraints.txt changed since the last install: a package added to
# [tool.setuptools] packages, such as scenekit, reaches the editable install's
# import map this way). A second run installs nothing and returns at once.
# constraints.txt pins every Python package to the version the tests were
# made with (scripts/freeze_constraints.py writes it).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages, each used by the project: Cairo/Pango headers for manim's
# pycairo/manimpango, ffmpeg for rendering, stitching and probing, a LaTeX with
# dvisvgm for MathTex, espeak-ng for the draft narration voice, DejaVu for the
# thumbnails, Chromium for the blog's browser test (Playwright drives the
# browser binary itself: no chromedriver).
SYSTEM_PACKAGES=(
  build-essential pkg-config libcairo2-dev libpango1.0-dev ffmpeg
  texlive-latex-base texlive-latex-recommended texlive-latex-extra
  texlive-fonts-recommended cm-super dvisvgm
  espeak-ng fonts-dejavu-core
  chromium
)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to apt-get install ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.mathreel-installed
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat "$stamp")" != "$want" ]]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -c constraints.txt -e '.[dev]'
  echo "$want" > "$stamp"
fi
