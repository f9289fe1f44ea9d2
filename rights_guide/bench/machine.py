"""The machine and versions a benchmark ran on, for the report."""

from __future__ import annotations

import contextlib
import importlib.metadata
import os
import platform
from datetime import datetime, timezone
from pathlib import Path

from rights_guide.bench.pageload import VERSIONS


def machine() -> list[tuple[str, str]]:
    """(name, value) rows: when, on what, with which versions."""
    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware")):
                cpu = line.split(":", 1)[1].strip()
                break
    system = platform.platform()
    with contextlib.suppress(OSError, KeyError):
        lines = Path("/etc/os-release").read_text().splitlines()
        release = dict(line.split("=", 1) for line in lines if "=" in line)
        system = f"{release['PRETTY_NAME'].strip(chr(34))}, kernel {platform.release()}"
    rows = [("Date (UTC)", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")), ("CPU", cpu),
            ("Cores", str(os.cpu_count())), ("OS", system), ("Python", platform.python_version())]
    for name in VERSIONS:
        try:
            rows.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    return rows
