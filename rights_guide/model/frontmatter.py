"""Set one key of a page's front matter in place, leaving every other line as it was."""

from __future__ import annotations

import re
from pathlib import Path

from rights_guide.model import textfile


def set_key(path: Path, key: str, value: str) -> None:
    lines = textfile.read(path).splitlines(keepends=True)  # NotUtf8 if the file is not UTF-8
    entry = f"{key}: {value}\n"
    if not lines or lines[0].strip() != "---":
        path.write_text("---\n" + entry + "---\n\n" + "".join(lines), encoding="utf-8")
        return
    pattern = re.compile(rf"^{re.escape(key)}\s*:")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            lines.insert(index, entry)
            break
        if pattern.match(lines[index]):
            lines[index] = entry
            break
    else:
        raise ValueError(f"{path}:1: front matter has no closing '---' line")
    path.write_text("".join(lines), encoding="utf-8")
