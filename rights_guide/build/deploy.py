"""What a static host needs beside the pages: precompressed copies, _headers and _redirects.

Precompressed copies: next to each text file go <file>.gz (gzip level 9) and
<file>.br (brotli), for servers that send a ready copy instead of compressing
each response (nginx gzip_static and brotli_static; deploy/nginx.conf). A copy
is kept only when it is smaller than the file; one that would not be smaller
is deleted, so a server never sends an old copy of a changed file.

_headers (Netlify, Cloudflare Pages): deploy/_headers, plus one rule per
fingerprinted file of the build giving it a year of caching. Exact paths,
because those hosts' patterns cannot say "a hex hash", and a broader pattern
would overlap the no-cache rules: both hosts then join the two values into one
header ("no-cache, public, max-age=31536000, immutable"), which means no-cache.

_redirects (Netlify; Cloudflare Pages reads it too): each built language's own
404 page for a missing address under its folder, the default language's last.

hooks/post_build.py runs all three after the build; `python -m rights_guide leaflets`
compresses again the pages it changes.
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

TEXT_SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".webmanifest"})
# Site paths whose file name holds a hash of the content, e.g.
# /assets/site.3f2a9c1b7e.css (rights_guide/build/bundle.py) or
# /assets/javascripts/workers/search.a7633da7.min.js (Material). A new version
# always has a new name, so browsers may keep these for a year.
# deploy/nginx.conf has the same expression (a test compares them).
FINGERPRINTED = re.compile(r"^/assets/(?:[^/]+/)*[^/]+\.[0-9a-f]{8,}(?:\.min)?\.[a-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
# Brotli quality, measured on this site (58 text files, 1.25 MB; CPU time for
# the .gz and .br copies together, which 2 threads share):
#   all at 11: 1.66 s, .br copies 271 KB in all
#   all at 10: 0.70 s, 278 KB
#   fingerprinted at 10, the rest at 5: 0.14 s, 307 KB
#   all at 5: 0.09 s, 309 KB
# The pages' copies would be 11% smaller at 10 or 11 (about 0.6 KB a page),
# not worth a second of every build. Fingerprinted files (one stylesheet, one
# script, the search worker) are few, and every reader downloads and keeps
# them; 11 instead of 10 would take another 0.09 s for 0.5 KB.
FINGERPRINTED_QUALITY = 10
QUALITY = 5


@dataclass
class Compressed:
    files: int = 0
    gzip_bytes: int = 0
    brotli_bytes: int = 0

    def add(self, other: Compressed) -> None:
        self.files += other.files
        self.gzip_bytes += other.gzip_bytes
        self.brotli_bytes += other.brotli_bytes


def site_path(site: Path, file: Path) -> str:
    return "/" + file.relative_to(site).as_posix()


def is_fingerprinted(path: str) -> bool:
    return FINGERPRINTED.match(path) is not None


def is_text(file: Path) -> bool:
    return file.suffix in TEXT_SUFFIXES


def brotli_quality(path: str) -> int:
    return FINGERPRINTED_QUALITY if is_fingerprinted(path) else QUALITY


def gzip_bytes(data: bytes) -> bytes:
    # mtime=0: no build time in the header, so the same file gives the same bytes.
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes, quality: int) -> bytes:
    return brotli.compress(data, quality=quality)


def compress_file(file: Path, quality: int = QUALITY) -> Compressed:
    """Write, or delete, the .gz and .br copies of one text file."""
    if not is_text(file):
        kinds = ", ".join(sorted(TEXT_SUFFIXES))
        raise ValueError(f"{file}: not a text file; only {kinds} get compressed copies")
    data = file.read_bytes()
    result = Compressed(files=1)
    for suffix, packed in ((".gz", gzip_bytes(data)), (".br", brotli_bytes(data, quality))):
        copy = file.with_name(file.name + suffix)
        if len(packed) < len(data):
            copy.write_bytes(packed)
            if suffix == ".gz":
                result.gzip_bytes += len(packed)
            else:
                result.brotli_bytes += len(packed)
        else:
            copy.unlink(missing_ok=True)
    return result


def compress_files(site: Path, files: Iterable[Path], workers: int | None = None) -> Compressed:
    """Compress files of the site in threads: zlib and brotli release the GIL while they work."""
    # Largest first, so a big file does not start last and run alone.
    ordered = sorted(files, key=lambda file: file.stat().st_size, reverse=True)
    qualities = [brotli_quality(site_path(site, file)) for file in ordered]
    total = Compressed()
    with ThreadPoolExecutor(max_workers=workers or min(4, os.cpu_count() or 1)) as pool:
        for result in pool.map(compress_file, ordered, qualities):
            total.add(result)
    return total


def text_files(site: Path) -> list[Path]:
    return sorted(file for file in site.rglob("*") if file.is_file() and is_text(file))


def compress_site(site: Path, workers: int | None = None) -> Compressed:
    return compress_files(site, text_files(site), workers)


def headers_file(template: str, site: Path) -> str:
    """deploy/_headers with a rule for each fingerprinted file in the site appended."""
    paths = sorted(site_path(site, file) for file in site.rglob("*") if file.is_file())
    rules = [f"{path}\n  Cache-Control: {IMMUTABLE}\n" for path in paths if is_fingerprinted(path)]
    return (template.rstrip("\n") + "\n\n# Fingerprinted files of this build, a year each "
            "(written by hooks/post_build.py).\n" + "\n".join(rules))


REDIRECTS_HEADER = """\
# Not-found pages per language, written by the build (rights_guide/build/deploy.py) from
# the languages it built: a missing address under /<code>/ gets that language's 404 page,
# with status 404; anything else the default language's. The first matching rule wins, so
# the catch-all comes last.
#
# Netlify applies a rule only when no file exists at the address (rules without "!"), so
# pages are never replaced. Cloudflare Pages accepts only redirect and 200 codes here and
# skips these lines (its build log lists them as invalid); it finds the nearest 404.html
# up the folder tree by itself, which gives the same pages. nginx: deploy/nginx.conf.
"""


def redirects_file(languages: Iterable[str], default: str) -> str:
    """site/_redirects: one 404 rule per built language, the default language's last. A code
    that extends another (zh-Hant, zh) comes first: Netlify's pattern /zh/* also matches
    /zh-Hant/missing (the slash after zh is optional in its matcher), and the first rule wins."""
    built = [code for code in languages if code != default]
    others = sorted(built, key=lambda code: not any(code.startswith(other + "-") for other in built))
    rules = [f"/{code}/* /{code}/404.html 404" for code in others] + ["/* /404.html 404"]
    return REDIRECTS_HEADER + "\n" + "\n".join(rules) + "\n"
