#!/usr/bin/env bash
# Set-up and everyday commands on a fresh machine (Debian, Python 3.11):
#   bash scripts/dev.sh serve   install the site's packages, build it strictly, serve it on http://127.0.0.1:8000
#   bash scripts/dev.sh test    install the test packages, lint, and run every test (browser tests need Chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
venv=.venv
python=${PYTHON:-python3}

install() {
  [ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$1"
}

case "${1:-}" in
  serve)
    install requirements.txt
    "$venv/bin/mkdocs" build --strict
    exec "$venv/bin/mkdocs" serve --dev-addr 127.0.0.1:8000
    ;;
  test)
    install requirements-dev.txt
    if ! command -v "${CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1; then
      echo "Chromium is needed for the browser tests: sudo apt-get install -y chromium" >&2
      exit 1
    fi
    "$venv/bin/ruff" check scripts tests
    exec "$venv/bin/python" -m pytest "${@:2}"
    ;;
  *)
    sed -n '2,4p' "$0" >&2
    exit 2
    ;;
esac
