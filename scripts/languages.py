"""One language code, spelled the same in mkdocs.yml, docs/<code>/ and data/strings/<code>.yml."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from scripts.problems import WARNING, Problem
from scripts.project import Project

# static-i18n accepts two-letter codes, optionally with a region (pt-BR).
CODE = re.compile(r"^[a-z]{2}(?:-[A-Z]{2})?$")


def material_has_language(project: Project, code: str) -> bool:
    override = project.root / "overrides" / "partials" / "languages" / f"{code}.html"
    if override.exists():
        return True
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return True  # cannot tell without Material installed; the build will say
    theme = Path(list(spec.submodule_search_locations)[0]) / "templates" / "partials" / "languages"
    return (theme / f"{code}.html").exists()


def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    config = project.config_path
    languages = project.languages()
    codes = {language.code for language in languages}
    if not languages:
        return [Problem(config, 1, "language-config", "no languages are configured for the i18n plugin.",
                        "list the languages under plugins: i18n: languages: in mkdocs.yml.")]
    defaults = [language for language in languages if language.default]
    if len(defaults) != 1:
        problems.append(Problem(config, languages[0].line, "language-config",
                                f"{len(defaults)} languages are marked 'default: true'; exactly one must be.",
                                "mark only the source language (English) as default."))
    for language in languages:
        if not CODE.match(language.code):
            problems.append(Problem(config, language.line, "language-bad-code",
                                    f"language code '{language.code}' is not a two-letter ISO 639-1 code.",
                                    "use the two-letter code in lower case, e.g. 'fi', 'ar', 'pt-BR'."))
            continue
        if not language.name.strip():
            problems.append(Problem(config, language.line, "language-config",
                                    f"language '{language.code}' has no name.",
                                    "add 'name:' with the language's name in its own script, e.g. 'Suomi'."))
        if not (project.docs / language.code).is_dir():
            problems.append(Problem(config, language.line, "language-missing-folder",
                                    f"language '{language.code}' is configured but docs/{language.code}/ does not exist.",
                                    f"create docs/{language.code}/ (python -m scripts new-language {language.code} does it all)."))
        strings = project.strings_dir / f"{language.code}.yml"
        if not strings.exists():
            severity = "error" if language.default else WARNING
            problems.append(Problem(config, language.line, "language-missing-strings",
                                    f"language '{language.code}' has no data/strings/{language.code}.yml; readers see English buttons.",
                                    f"copy data/strings/{project.default_language()}.yml to data/strings/{language.code}.yml and translate it.",
                                    severity=severity))
        if not material_has_language(project, language.code):
            problems.append(Problem(config, language.line, "language-no-theme",
                                    f"Material for MkDocs has no translation file for '{language.code}'; the build would crash.",
                                    f"add overrides/partials/languages/{language.code}.html (copy Material's en.html and translate it)."))
    if project.docs.is_dir():
        for entry in sorted(project.docs.iterdir()):
            if entry.is_dir() and entry.name not in codes:
                problems.append(Problem(entry, 1, "language-unknown-folder",
                                        f"docs/{entry.name}/ is not a configured language.",
                                        f"add '{entry.name}' to the languages in mkdocs.yml, or rename the folder to a configured code ({', '.join(sorted(codes))})."))
            elif entry.is_file():
                problems.append(Problem(entry, 1, "language-stray-file",
                                        f"docs/{entry.name} is outside every language folder.",
                                        f"move it into docs/{project.default_language()}/ (or the language it is written in)."))
    if project.strings_dir.is_dir():
        for strings in sorted(project.strings_dir.glob("*.yml")):
            if strings.stem not in codes:
                problems.append(Problem(strings, 1, "language-unknown-strings",
                                        f"strings file for '{strings.stem}', which is not a configured language.",
                                        f"rename it to one of {', '.join(sorted(codes))}.yml, or add the language to mkdocs.yml."))
    return problems
