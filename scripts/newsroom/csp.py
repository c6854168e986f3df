"""A Content-Security-Policy for every page: only the site's own origin, and the inline scripts
the theme needs allowed by their hashes, computed from each page as it is written.

So a third-party request or a script injected into a story is blocked by the reader's browser
as well as by the check. Hosts that send headers get the same policy from `_headers`.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_INLINE_STYLE = re.compile(r"<style\b[^>]*>(?P<body>.*?)</style>", re.S | re.I)
_DATA_TYPES = ("application/json", "application/ld+json")  # data blocks, never executed
_HEAD = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)

HEADERS_FILE = "_headers"
# Material's bundle and stylesheet, photo variants and Pagefind's index files carry a content
# hash in their names: a new version is a new URL, so browsers may keep them for a year.
IMMUTABLE_PATHS = (
    "/assets/javascripts/bundle.*",
    "/assets/stylesheets/main.*",
    "/assets/stylesheets/palette.*",
    "/stories/*/images/*.webp",
    "/pagefind/fragment/*",
    "/pagefind/index/*",
    "/*/pagefind/fragment/*",  # the other languages' search bundles, at their homes
    "/*/pagefind/index/*",
)


def _digest(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_hashes(html: str) -> tuple[set[str], set[str]]:
    """The CSP hashes of a page's executable inline scripts and of its <style> elements."""
    scripts = {
        _digest(match["body"])
        for match in _INLINE_SCRIPT.finditer(html)
        if "src=" not in match["attributes"] and not any(kind in match["attributes"] for kind in _DATA_TYPES)
    }
    styles = {_digest(match["body"]) for match in _INLINE_STYLE.finditer(html)}
    return scripts, styles


def policy(script_hashes: set[str], style_hashes: set[str]) -> str:
    # Pagefind compiles its WebAssembly search engine, which needs 'wasm-unsafe-eval' (not 'unsafe-eval')
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self' 'wasm-unsafe-eval'", *sorted(script_hashes)]),
            " ".join(["style-src 'self'", *sorted(style_hashes)]),
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(html: str) -> tuple[str, set[str], set[str]]:
    """The page with its policy as the first thing after <meta charset>, and the hashes it allows."""
    scripts, styles = inline_hashes(html)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(scripts, styles)}">'
    placed, count = _HEAD.subn(lambda match: match.group(0) + "\n  " + tag, html, count=1)
    return (placed if count else html), scripts, styles


def headers_file(script_hashes: set[str], style_hashes: set[str]) -> str:
    """`_headers` for static hosts (Netlify, Cloudflare Pages): the policy of all pages, cache lifetimes."""
    lines = [
        "/*",
        f"  Content-Security-Policy: {policy(script_hashes, style_hashes)}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "",
    ]
    for path in IMMUTABLE_PATHS:
        lines += [path, "  Cache-Control: public, max-age=31536000, immutable", ""]
    return "\n".join(lines)
