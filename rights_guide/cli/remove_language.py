"""`python -m rights_guide remove-language CODE`: the reverse of new-language.

Removes the language's entry from mkdocs.yml, its deploy rules, its translators'
lines in .github/CODEOWNERS, its strings file and its docs/CODE/ folder. Nothing is lost for good: the files stay in
git's history, and the command prints how to bring them back.
"""

from __future__ import annotations

import re
import shutil

from rights_guide.model.project import Project


def remove_from_config(project: Project, code: str) -> bool:
    path = project.config_path
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if re.match(rf"^\s*- locale:\s*{re.escape(code)}\s*$", line)),
                 None)
    if start is None:
        return False
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        if not lines[end].strip() and end + 1 < len(lines) and \
                len(lines[end + 1]) - len(lines[end + 1].lstrip()) <= indent:
            break
        end += 1
    del lines[start:end]
    path.write_text("".join(lines), encoding="utf-8")
    return True


def remove_deploy_rules(project: Project, code: str) -> list[str]:
    removed = []
    headers = project.root / "deploy" / "_headers"
    # The rule as new-language writes it, wherever it stands: after a comment, a blank line or last.
    rule = re.compile(rf"^/{re.escape(code)}/\*\n  Cache-Control: no-cache\n(?:\n|\Z)", re.MULTILINE)
    if headers.is_file() and rule.search(headers.read_text(encoding="utf-8")):
        text = rule.sub("", headers.read_text(encoding="utf-8"))
        headers.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
        removed.append(f"deploy/_headers: the rule for /{code}/*")
    nginx = project.root / "deploy" / "nginx.conf"
    block = re.compile(rf"location /{re.escape(code)}/ \{{\n    error_page 404 /{re.escape(code)}/404\.html;\n\}}\n")
    if nginx.is_file() and block.search(nginx.read_text(encoding="utf-8")):
        nginx.write_text(block.sub("", nginx.read_text(encoding="utf-8")), encoding="utf-8")
        removed.append(f"deploy/nginx.conf: the 404 page for /{code}/")
    return removed


def remove_codeowners(project: Project, code: str) -> list[str]:
    """The language's lines in .github/CODEOWNERS (new_language.add_codeowners writes them), whatever the team."""
    path = project.root / ".github" / "CODEOWNERS"
    if not path.is_file():
        return []
    owned = (f"/docs/{code}/", f"/data/strings/{code}.yml")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if line.split()[:1] not in ([owned[0]], [owned[1]])]
    if len(kept) == len(lines):
        return []
    text = re.sub(r"\n{3,}", "\n\n", "".join(kept)).rstrip("\n") + "\n"
    path.write_text(text, encoding="utf-8")
    return [f".github/CODEOWNERS: the reviewers of docs/{code}/ and data/strings/{code}.yml"]


def run(project: Project, code: str) -> int:
    languages = {language.code: language for language in project.languages()}
    if code not in languages:
        print(f"{project.config_path.name}: '{code}' is not a language of this site "
              f"(it builds {', '.join(languages)}).")
        return 1
    if languages[code].default:
        print(f"'{code}' is the default language, the source of every translation. Fix: make another "
              "language the default in mkdocs.yml first, if that is really what you want.")
        return 1
    removed = [f"mkdocs.yml: the entry for '{code}'"] if remove_from_config(project, code) else []
    removed += remove_deploy_rules(project, code)
    removed += remove_codeowners(project, code)
    for path in (project.strings_dir / f"{code}.yml", project.docs / code):
        if path.is_dir():
            shutil.rmtree(path)
        elif path.is_file():
            path.unlink()
        else:
            continue
        removed.append(f"{path.relative_to(project.root).as_posix()}")
    print("Removed:\n  " + "\n  ".join(removed))
    print(f"\nTo bring it back before you commit: git checkout -- mkdocs.yml deploy .github/CODEOWNERS "
          f"data/strings/{code}.yml docs/{code}\nAfter a commit, git keeps every removed file in its history.")
    return 0
