#!/usr/bin/env bash
# Installs everything award-intake needs on a fresh Debian/Ubuntu machine, skipping what is there:
# system packages (CJK and Tibetan fonts, Tesseract with Chinese and Tibetan data, LibreOffice
# Writer without GUI for .doc/.wps/.rtf/.odt files, PostgreSQL for the scale-out test) and a
# virtual environment .venv with the exact versions of requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(fonts-noto-cjk fonts-tibetan-machine tesseract-ocr tesseract-ocr-chi-sim
              tesseract-ocr-chi-tra tesseract-ocr-bod tesseract-ocr-script-tibt poppler-utils
              libreoffice-writer-nogui)
if [[ "${1:-}" == "--with-test-services" ]]; then
  APT_PACKAGES+=(postgresql)
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ ! -x .venv/bin/python ]]; then
  PYTHON=${PYTHON:-}
  if [[ -z "$PYTHON" ]]; then
    for candidate in python3.13 python3.12 python3.11 python3; do
      # pyenv shims exist for versions that are not active: ask quietly.
      if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        PYTHON=$candidate; break
      fi
    done
  fi
  [[ -n "$PYTHON" ]] || { echo "setup: Python >= 3.11 is required" >&2; exit 1; }
  echo "setup: creating .venv with $PYTHON"
  "$PYTHON" -m venv .venv || { echo "setup: python venv module missing (apt-get install python3-venv)" >&2; exit 1; }
fi
stamp=.venv/.requirements.sha256
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat $stamp)" != "$want" ]]; then
  echo "setup: installing Python packages (requirements.lock)"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.lock
  .venv/bin/python -m pip install -q --no-deps -e .
  echo "$want" > "$stamp"
fi
