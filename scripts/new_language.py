"""`python -m scripts new-language CODE`: add a language end to end.

- an entry in mkdocs.yml (name in its own script; the site name to translate),
- data/strings/CODE.yml with every English key, empty, the English text above it,
- Material's button texts for CODE in overrides/ where Material has none,
- docs/CODE/ for the pages.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from scripts import strings, yamlfile
from scripts.languages import CODE, material_has_language
from scripts.project import Project

RIGHT_TO_LEFT = {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"}


def _language_entry(code: str, name: str, site_name: str) -> str:
    return (f"        - locale: {code}\n"
            f"          name: {name}\n"
            f"          build: true\n"
            f"          # Translate the site name: it is the title of every page.\n"
            f"          site_name: {site_name}\n")


def add_to_config(project: Project, code: str, name: str) -> None:
    path = project.config_path
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    last_entry = max(i for i, line in enumerate(lines) if re.match(r"^\s*- locale:", line))
    indent = len(lines[last_entry]) - len(lines[last_entry].lstrip())
    end = last_entry + 1
    while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
        end += 1
    site_name = project.config().data.get("site_name", "")
    lines.insert(end, _language_entry(code, name, site_name))
    path.write_text("".join(lines), encoding="utf-8")


def strings_template(project: Project) -> str:
    source = strings.strings_path(project, project.default_language())
    values, _ = strings.flatten(yamlfile.load(source))
    out = [f"# UI strings. Translate each empty \"\" from the English text in the comment above it.\n",
           "# Keep every {placeholder} exactly. A key left empty shows the English text.\n"]
    previous: list[str] = []
    for key, english in values.items():
        parts = key.split(".")
        shared = 0
        while shared < min(len(parts) - 1, len(previous) - 1) and parts[shared] == previous[shared]:
            shared += 1
        for depth in range(shared, len(parts) - 1):
            out.append("  " * depth + f"{parts[depth]}:\n")
        depth = len(parts) - 1
        out.append("  " * depth + f"# {english}\n")
        out.append("  " * depth + f"{parts[-1]}: \"\"\n")
        previous = parts
    return "".join(out)


def material_language_file(code: str, right_to_left: bool) -> str:
    spec = importlib.util.find_spec("material")
    english = Path(list(spec.submodule_search_locations)[0]) / "templates" / "partials" / "languages" / "en.html"
    text = english.read_text(encoding="utf-8")
    text = text.replace('"language": "en"', f'"language": "{code}"')
    if right_to_left:
        text = text.replace('"direction": "ltr"', '"direction": "rtl"')
    return ("{#- Material has no translation for this language: these are its English\n"
            "    button texts. Translate the values. -#}\n" + text)


def run(project: Project, code: str, name: str | None = None) -> int:
    if not CODE.match(code):
        print(f"'{code}' is not a two-letter ISO 639-1 code. Fix: use e.g. 'so', 'ru', 'pt-BR'.")
        return 1
    if code in {language.code for language in project.languages()}:
        print(f"{project.config_path.name}: '{code}' is already a language of this site.")
        return 1
    known = yamlfile.load(project.data / "language-names.yml").data or {}
    name = name or known.get(code)
    if not name:
        print(f"data/language-names.yml has no name for '{code}'. "
              f"Fix: give the name in its own script: python -m scripts new-language {code} --name NAME")
        return 1
    right_to_left = code in RIGHT_TO_LEFT
    created = []
    add_to_config(project, code, name)
    created.append(f"mkdocs.yml: added '{code}' ({name}, {'right to left' if right_to_left else 'left to right'})")
    strings_file = strings.strings_path(project, code)
    if not strings_file.exists():
        strings_file.write_text(strings_template(project), encoding="utf-8")
        created.append(f"{strings_file.relative_to(project.root)}: every English key, to translate")
    if not material_has_language(project, code):
        theme_file = project.root / "overrides" / "partials" / "languages" / f"{code}.html"
        theme_file.parent.mkdir(parents=True, exist_ok=True)
        theme_file.write_text(material_language_file(code, right_to_left), encoding="utf-8")
        created.append(f"{theme_file.relative_to(project.root)}: Material's button texts, to translate")
    folder = project.docs / code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitkeep").touch()
    created.append(f"docs/{code}/: for the translated pages")
    print("\n".join(created))
    print(f"""
Next steps:
  1. Translate site_name in mkdocs.yml and the texts in {strings_file.relative_to(project.root)}.
  2. Copy pages from docs/{project.default_language()}/ to docs/{code}/ and translate them (TRANSLATING.md);
     then run: python -m scripts mark-translated {code} PAGE
  3. Check and preview: make check && make serve""")
    return 0
