"""`python -m rights_guide new-language CODE`: add a language end to end.

The code must have a row in data/languages.yml (its name, direction, script,
search and font). Adds:
- an entry in mkdocs.yml (its name from the table; the site name to translate),
- data/strings/CODE.yml with every English key, empty, the English text above it,
- the deploy rules for its folder (deploy/_headers, deploy/nginx.conf),
- its translators' team as reviewers of its files (.github/CODEOWNERS),
- docs/CODE/ for the pages.
Material's button texts need nothing: overrides/partials/language.html uses
Material's file for the language where there is one, English where not.
"""

from __future__ import annotations

import re

from rights_guide.model.languages import CODE
from rights_guide.model import strings, yamlfile
from rights_guide.model.project import Project

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


def strings_template(project: Project, code: str) -> str:
    source = strings.strings_path(project, project.default_language())
    values, _ = strings.flatten(yamlfile.load(source))
    wanted = set(strings.wanted_keys(values, project.language_table().get(code)))
    values = {key: value for key, value in values.items() if key in wanted}
    out = ["# UI strings. Translate each empty \"\" from the English text in the comment above it.\n",
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


def add_deploy_rules(project: Project, code: str) -> list[str]:
    """The language folder's no-cache rule in deploy/_headers and its 404 page in deploy/nginx.conf."""
    added = []
    headers = project.root / "deploy" / "_headers"
    if headers.exists() and f"\n/{code}/*\n" not in headers.read_text(encoding="utf-8"):
        text = headers.read_text(encoding="utf-8").rstrip("\n")
        headers.write_text(f"{text}\n\n/{code}/*\n  Cache-Control: no-cache\n", encoding="utf-8")
        added.append(f"deploy/_headers: no-cache rule for /{code}/*")
    nginx = project.root / "deploy" / "nginx.conf"
    if nginx.exists() and f"location /{code}/ {{" not in nginx.read_text(encoding="utf-8"):
        text = nginx.read_text(encoding="utf-8").rstrip("\n")
        nginx.write_text(f"{text}\nlocation /{code}/ {{\n    error_page 404 /{code}/404.html;\n}}\n",
                         encoding="utf-8")
        added.append(f"deploy/nginx.conf: 404 page for /{code}/")
    return added


def codeowners_lines(code: str, organisation: str = "ORG") -> str:
    """The language's pages and strings file, owned by its translators' team (a GitHub team slug)."""
    team = f"@{organisation}/translators-{code.lower()}"
    return f"/docs/{code}/ {team}\n/data/strings/{code}.yml {team}\n"


def add_codeowners(project: Project, code: str) -> list[str]:
    """The new language's two lines in .github/CODEOWNERS, with the organisation the file already names."""
    path = project.root / ".github" / "CODEOWNERS"
    if not path.exists() or f"\n/docs/{code}/ " in path.read_text(encoding="utf-8"):
        return []
    text = path.read_text(encoding="utf-8")
    known = re.search(r"@([^/\s]+)/translators-", text)
    lines = codeowners_lines(code, known.group(1) if known else "ORG")
    path.write_text(f"{text.rstrip(chr(10))}\n\n{lines}", encoding="utf-8")
    return [f".github/CODEOWNERS: {lines.split()[1]} reviews docs/{code}/ and data/strings/{code}.yml"]


def run(project: Project, code: str) -> int:
    table = project.language_table()
    if not CODE.match(code):
        print(f"'{code}' is not a BCP 47 language code. Fix: use an ISO 639 code, optionally with a "
              "script or region, as in 'so', 'ckb', 'zh-Hant', 'pt-BR'.")
        return 1
    facts = table.get(code)
    if facts is None:
        print(f"data/languages.yml has no row for '{code}'. Fix: add one (its name in its own language, "
              f"direction, script, search, font: see the comment at the top), then run this again.")
        return 1
    if code in {language.code for language in project.languages()}:
        print(f"{project.config_path.name}: '{code}' is already a language of this site.")
        return 1
    created = [f"mkdocs.yml: added '{code}' ({facts.name}, "
               f"{'right to left' if facts.right_to_left else 'left to right'})"]
    add_to_config(project, code, facts.name)
    strings_file = strings.strings_path(project, code)
    if not strings_file.exists():
        strings_file.write_text(strings_template(project, code), encoding="utf-8")
        created.append(f"{strings_file.relative_to(project.root)}: every English key, to translate")
    created += add_deploy_rules(project, code)
    created += add_codeowners(project, code)
    folder = project.docs / code
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".gitkeep").touch()
    created.append(f"docs/{code}/: for the translated pages")
    print("\n".join(created))
    print(f"""
Next steps:
  1. Translate site_name in mkdocs.yml and the texts in {strings_file.relative_to(project.root)}.
  2. Copy pages from docs/{project.default_language()}/ to docs/{code}/ and translate them (TRANSLATING.md);
     then run: python -m rights_guide mark-translated {code} PAGE
  3. Check and preview: make check && make serve PREVIEW={code}""")
    return 0
