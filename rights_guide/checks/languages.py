"""One language code, spelled the same in mkdocs.yml, data/languages.yml,
docs/<code>/ and data/strings/<code>.yml; every built language has a row in
the table of language facts."""

from __future__ import annotations

from rights_guide.model.languages import CODE
from rights_guide.model.project import Project
from rights_guide.problems import WARNING, Problem



def check(project: Project) -> list[Problem]:
    # One pass over the configured languages, rule after rule (config, table, folders, files): long, not deep.
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
    table = project.language_table()
    problems += [Problem(project.languages_path, line, "language-table", message, fix)
                 for line, message, fix in table.problems]
    names = language_names_in_config(project)
    for language in languages:
        if not CODE.match(language.code):
            problems.append(Problem(config, language.line, "language-bad-code",
                                    f"language code '{language.code}' is not a BCP 47 code.",
                                    "use an ISO 639 code, optionally with a script or region: "
                                    "'fi', 'ckb', 'zh-Hant', 'pt-BR'."))
            continue
        if language.facts is None:
            problems.append(Problem(config, language.line, "language-unknown",
                                    f"language '{language.code}' has no row in data/languages.yml.",
                                    "add its row (name in its own language, direction, script, search, font), "
                                    "or correct the code."))
            continue
        if names.get(language.code) != language.facts.name:
            problems.append(Problem(config, language.line, "language-name-mismatch",
                                    f"mkdocs.yml names '{language.code}' {names.get(language.code)!r}, "
                                    f"data/languages.yml {language.facts.name!r}.",
                                    f"write name: {language.facts.name} in mkdocs.yml (static-i18n needs a copy "
                                    "there; data/languages.yml is the source)."))
        if not (project.docs / language.code).is_dir():
            problems.append(Problem(config, language.line, "language-missing-folder",
                                    f"language '{language.code}' is configured but docs/{language.code}/ does not exist.",
                                    f"create docs/{language.code}/ (python -m rights_guide new-language {language.code} does it all)."))
        strings = project.strings_dir / f"{language.code}.yml"
        if not strings.exists():
            severity = "error" if language.default else WARNING
            problems.append(Problem(config, language.line, "language-missing-strings",
                                    f"language '{language.code}' has no data/strings/{language.code}.yml; readers see English buttons.",
                                    f"copy data/strings/{project.default_language()}.yml to data/strings/{language.code}.yml and translate it.",
                                    severity=severity))
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


def language_names_in_config(project: Project) -> dict[str, str]:
    """static-i18n requires a `name` per language in mkdocs.yml: the copy the check compares."""
    data = project.config().data
    plugins = data.get("plugins") if isinstance(data, dict) else None
    for plugin in plugins if isinstance(plugins, list) else []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = plugin["i18n"].get("languages")
            return {str(entry.get("locale")): str(entry.get("name", ""))
                    for entry in (entries if isinstance(entries, list) else []) if isinstance(entry, dict)}
    return {}
