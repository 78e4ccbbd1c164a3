#!/usr/bin/env bash
# One command for a newcomer: set everything up, then run the main job over sample_docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export DAGSTER_HOME="$PWD/var/dagster"
mkdir -p "$DAGSTER_HOME"
.venv/bin/award-intake run sample_docs --out var/out
