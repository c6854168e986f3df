"""A Content-Security-Policy that trusts only the theme: the site's own origin, and the inline
scripts that the templates themselves contain, allowed by their SHA-256 hashes.

The hashes are computed from the templates that hold inline scripts (THEME_SCRIPTS), rendered
once per build, never from what a page happens to contain: a script that reached a page some
other way is refused by the reader's browser, and `unlisted_scripts` fails the build on it.
Hosts that send headers get the same policy from `_headers`, with what only a header can say.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Every template with an inline script. The pages have none now (Material's bundle and its
# inline helpers are not loaded; the search box's script is a file): a template that adds one
# must be listed here, or the build stops at the first page that has it.
THEME_SCRIPTS: tuple[str, ...] = ()
_SCRIPT = re.compile(r"<script\b(?P<attributes>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_EXECUTABLE_TYPES = ("", "text/javascript", "application/javascript", "module")
_TYPE = re.compile(r"""\btype\s*=\s*["']?(?P<type>[^"'\s>]*)""", re.I)

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


def digest(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """The bodies of the inline scripts a browser would run (not data blocks such as JSON-LD)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = match["attributes"]
        kind = _TYPE.search(attributes)
        if re.search(r"\bsrc\s*=", attributes, re.I):
            continue
        if (kind["type"].lower() if kind else "") in _EXECUTABLE_TYPES:
            scripts.append(match["body"])
    return scripts


def theme_hashes(env, context: dict) -> frozenset[str]:
    """The hashes of the inline scripts in THEME_SCRIPTS, rendered as the pages render them."""
    return frozenset(
        digest(script) for name in THEME_SCRIPTS for script in inline_scripts(env.get_template(name).render(context))
    )


def unlisted_scripts(html: str, allowed: frozenset[str]) -> list[str]:
    """The inline scripts of a written page that the theme does not contain."""
    return [script for script in inline_scripts(html) if digest(script) not in allowed]


def policy(script_hashes: frozenset[str]) -> str:
    # Pagefind compiles its WebAssembly search engine, which needs 'wasm-unsafe-eval' (not 'unsafe-eval')
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self' 'wasm-unsafe-eval'", *sorted(script_hashes)]),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def headers_file(script_hashes: frozenset[str]) -> str:
    """`_headers` for static hosts (Netlify, Cloudflare Pages): the policy, what only a header can
    say (no framing by other sites), and cache lifetimes."""
    lines = [
        "/*",
        f"  Content-Security-Policy: {policy(script_hashes)}; frame-ancestors 'none'",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  X-Frame-Options: DENY",
        "",
    ]
    for path in IMMUTABLE_PATHS:
        lines += [path, "  Cache-Control: public, max-age=31536000, immutable", ""]
    return "\n".join(lines)
