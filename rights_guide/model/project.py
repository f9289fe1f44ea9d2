"""Where things live in a site checkout, and the languages mkdocs.yml builds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rights_guide.model import languages as language_table
from rights_guide.model import yamlfile
from rights_guide.model.languages import Language, LanguageTable


@dataclass(frozen=True)
class Project:
    """Paths of one site checkout; tests point it at a fixture copy."""

    root: Path

    @property
    def config_path(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def strings_dir(self) -> Path:
        return self.data / "strings"

    @property
    def contacts_path(self) -> Path:
        return self.data / "contacts.yml"

    @property
    def languages_path(self) -> Path:
        return self.data / "languages.yml"

    def config(self) -> yamlfile.YamlFile:
        return yamlfile.load(self.config_path)

    def language_table(self) -> LanguageTable:
        return language_table.table(self.languages_path)

    def languages(self) -> list[Language]:
        """The languages mkdocs.yml builds, in its order, with their facts from the table."""
        config = self.config()
        table = self.language_table()
        plugins = config.data.get("plugins") if isinstance(config.data, dict) else None
        for index, plugin in enumerate(plugins if isinstance(plugins, list) else []):
            if isinstance(plugin, dict) and "i18n" in plugin:
                settings = plugin["i18n"] if isinstance(plugin["i18n"], dict) else {}
                entries = settings.get("languages") if isinstance(settings.get("languages"), list) else []
                found = []
                for position, entry in enumerate(entries):
                    entry = entry if isinstance(entry, dict) else {}
                    code = str(entry.get("locale", ""))
                    facts = table.get(code)
                    found.append(Language(
                        code=code, name=facts.name if facts else "",
                        default=bool(entry.get("default", False)),
                        line=config.line("plugins", index, "i18n", "languages", position, "locale"),
                        facts=facts))
                return found
        return []

    def default_language(self) -> str:
        for language in self.languages():
            if language.default:
                return language.code
        return "en"


def page_url(path: str, code: str, default: str) -> str:
    """A page's address in a language, relative to the site root: the default
    language at the root, every other under /<code>/. `path` is the page's
    address in the default language ("help/", "" for home, "404.html")."""
    return path if code == default else f"{code}/{path}"


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding mkdocs.yml (a fork's checkout)."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    raise FileNotFoundError(f"no mkdocs.yml in {start} or any folder above it; "
                            "run the command inside a site checkout or pass --root")


def default_project() -> Project:
    return Project(find_root(Path.cwd().resolve()))
