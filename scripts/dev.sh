#!/usr/bin/env bash
# Set-up and everyday commands on a fresh machine (Debian, Python 3.11):
#   bash scripts/dev.sh serve   install the site's packages and pre-commit, serve the site on http://127.0.0.1:8000
#   bash scripts/dev.sh test    install the test packages, lint, and run every test (needs Chromium; CJK fonts for Chinese in screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
venv=.venv
python=${PYTHON:-python3}
chromium=${CHROMIUM:-/usr/bin/chromium}
# what to type for a system package: root needs no sudo (and a fresh Debian may have none)
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo "; fi

apt_advice() {
  echo "  ${sudo}apt-get update && ${sudo}apt-get install -y $*" >&2
  echo "  then run this command again（先更新软件源再安装，装好后重新运行本命令）" >&2
}

make_venv() {
  "$venv/bin/python" -m pip --version >/dev/null 2>&1 && return
  if ! command -v "$python" >/dev/null 2>&1; then
    echo "$python is not installed; Python 3.11 or newer is needed:（需要 Python 3.11 或更新版本）" >&2
    apt_advice python3 python3-venv
    exit 1
  fi
  # --clear: a venv left half-made by an earlier failure has no pip
  if ! failure=$("$python" -m venv --clear "$venv" 2>&1); then
    echo "$failure" | tail -n 3 >&2
    echo "cannot create $venv: Python's venv module is missing. Install it:（无法创建 $venv：缺少 python3-venv）" >&2
    apt_advice python3-venv
    exit 1
  fi
}

install() {
  make_venv
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$1"
  # the project itself, editable: MkDocs finds the newsroom plugin by its entry point (pyproject.toml);
  # once installed from this folder's scripts/, there is nothing to do
  if ! "$venv/bin/python" - <<'CHECK' 2>/dev/null; then
import pathlib, sys
import newsroom
sys.exit(pathlib.Path(newsroom.__file__).resolve().parents[1] != pathlib.Path("scripts").resolve())
CHECK
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  fi
}

has_cjk_fonts() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family)" ]
}

case "${1:-}" in
  serve)
    install requirements-serve.txt
    hook=$(git rev-parse --git-path hooks/pre-commit 2>/dev/null || true)
    if [ -n "$hook" ] && [ ! -f "$hook" ]; then
      echo "once: run \`source $venv/bin/activate && pre-commit install\`, so that every commit checks the stories it touches"
      echo "（只需一次：运行 source $venv/bin/activate && pre-commit install，之后每次提交都会检查改动的稿件）"
    fi
    # not strict: a story being written has findings, which the terminal lists while the site
    # keeps serving; `mkdocs build` and CI stay strict (mkdocs.yml)
    exec "$venv/bin/mkdocs" serve --no-strict --dev-addr "127.0.0.1:${PORT:-8000}"
    ;;
  test)
    missing=()
    command -v "$chromium" >/dev/null 2>&1 || missing+=(chromium)
    has_cjk_fonts || missing+=(fonts-noto-cjk)
    if [ ${#missing[@]} -gt 0 ]; then
      echo "the browser tests and screenshots need ${missing[*]} (Chromium, and fonts with Chinese characters):" >&2
      echo "（浏览器测试和截图需要 Chromium 和中文字体）" >&2
      apt_advice "${missing[@]}"
      command -v "$chromium" >/dev/null 2>&1 || exit 1
      echo "continuing without the fonts: Chinese text shows as empty boxes in the browser tests' pages（缺少中文字体，继续运行）" >&2
    fi
    install requirements-dev.txt
    "$venv/bin/ruff" check scripts tests
    exec "$venv/bin/python" -m pytest "${@:2}"
    ;;
  *)
    sed -n '2,4p' "$0" >&2
    exit 2
    ;;
esac
