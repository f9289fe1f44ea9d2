"""Where things live, and the language list as mkdocs.yml defines it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts import yamlfile

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool
    line: int


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

    def config(self) -> yamlfile.YamlFile:
        return yamlfile.load(self.config_path)

    def languages(self) -> list[Language]:
        config = self.config()
        plugins = config.data.get("plugins") or []
        for index, plugin in enumerate(plugins):
            if isinstance(plugin, dict) and "i18n" in plugin:
                entries = (plugin["i18n"] or {}).get("languages") or []
                return [
                    Language(
                        code=str(entry.get("locale", "")),
                        name=str(entry.get("name", "")),
                        default=bool(entry.get("default", False)),
                        line=config.line("plugins", index, "i18n", "languages", position, "locale"),
                    )
                    for position, entry in enumerate(entries)
                ]
        return []

    def default_language(self) -> str:
        for language in self.languages():
            if language.default:
                return language.code
        return "en"


def default_project() -> Project:
    return Project(ROOT)
