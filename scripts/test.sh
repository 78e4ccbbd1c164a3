#!/usr/bin/env bash
# One command for the tests: set everything up (test services included), then run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-services
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
# pytest exits 5 when it collected nothing: that is a failure here, not a pass.
if [[ $status -eq 5 ]]; then echo "test: no test ran" >&2; exit 1; fi
exit $status
