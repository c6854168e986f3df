"""Tools for developers, not part of the site: a throwaway project that builds any docs tree as
the site is built, the built site in headless Chromium, and the benchmark's story generator.
Used by `tests/`, `scripts/bench.py` and `scripts/first_view.py`.
"""
