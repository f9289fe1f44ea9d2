"""How long `mkdocs serve` takes to rebuild after an edit (reported, never asserted)."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rights_guide.bench.copies import copy_project
from rights_guide.build.cache import CACHE_VARIABLE
from rights_guide.build.i18n import PREVIEW_VARIABLE
from rights_guide.model.project import Project


def serve_rebuild(project: Project, language: str | None, work: Path,
                  edits: int = 3) -> tuple[float, float] | str:
    """Medians over `edits` edits of a page while `mkdocs serve` runs on a copy of the site
    (one language if given): (MkDocs' own "built in" seconds, seconds from saving the file to
    "Reloading browsers"); or why it could not be timed."""
    # Starts a server, edits, waits and reads its log in one sequence, so the timing is one piece.
    import socket
    import threading

    copy = copy_project(project, work)
    page = copy.docs / (language or copy.default_language()) / "index.md"
    if not page.exists():
        page = copy.docs / copy.default_language() / "index.md"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=copy.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", PREVIEW_VARIABLE: language or "",
             CACHE_VARIABLE: str(work / ".cache-serve")})
    lines: list[tuple[float, str]] = []

    def read() -> None:
        for line in process.stderr:
            lines.append((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()

    def wait_for(text: str, after: int, timeout: float = 120) -> int | None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline and process.poll() is None:
            for index in range(after, len(lines)):
                if text in lines[index][1]:
                    return index
                if lines[index][1].startswith(("ERROR", "Aborted")):
                    return None
            time.sleep(0.01)
        return None

    def failure(what: str) -> str:
        errors = [line.strip() for _, line in lines if line.startswith(("ERROR", "Aborted"))]
        return f"{what}{': ' + errors[0] if errors else ''}"

    built, reloaded = [], []
    try:
        seen = wait_for("Serving on", 0)
        if seen is None:
            return failure("mkdocs serve did not start")
        for edit in range(edits):
            time.sleep(1)  # let the watcher settle
            saved = time.perf_counter()
            with page.open("a", encoding="utf-8") as file:
                file.write(f"\nEdit {edit}.\n")
            reload = wait_for("Reloading browsers", seen + 1)
            if reload is None:
                return failure("no rebuild after an edit")
            # static-i18n silences MkDocs' "built in" line once it has built other languages.
            done = [index for index in range(seen + 1, reload + 1) if "Documentation built in" in lines[index][1]]
            if done:
                built.append(float(re.search(r"built in ([\d.]+)", lines[done[-1]][1]).group(1)))
            reloaded.append(lines[reload][0] - saved)
            seen = reload
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    return (statistics.median(built) if built else None), statistics.median(reloaded)
