"""site/_redirects: one not-found rule per built language, the default language's last.

Read as Netlify reads it (first matching rule, only where no file exists) and
as Cloudflare Pages reads it (which skips 404 rules and looks for the nearest
404.html up the folder tree): both give a missing address its language's page.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rights_guide.build import deploy
from tests.build.deployrules import netlify_pattern
from tests.conftest import CHECKOUT

LANGUAGES = [language.code for language in CHECKOUT.languages()]
DEFAULT = CHECKOUT.default_language()
# Cloudflare's parser (workers-sdk, workers-shared/utils/configuration/constants.ts).
CLOUDFLARE_STATUSES = {200, 301, 302, 303, 307, 308}


def parse_redirects(text: str) -> list[tuple[str, str, int]]:
    rules = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split()
        assert len(parts) == 3, f"line {number}: not 'from to status': {line!r}"
        source, target, status = parts
        assert source.startswith("/") and target.startswith("/"), f"line {number}: {line!r}"
        assert len(line) < 1000, f"line {number}: longer than Cloudflare accepts"
        rules.append((source, target, int(status)))
    return rules


def netlify_not_found_page(rules, site: Path, path: str) -> str | None:
    """The page Netlify sends for a path: None when a file is there (rules without "!"
    never shadow a file), else the target of the first rule that matches."""
    file = site / path.lstrip("/")
    if file.is_file() or (file / "index.html").is_file():
        return None
    return next((target for source, target, _ in rules if netlify_pattern(source).match(path)), None)


def cloudflare_not_found_page(site: Path, path: str) -> str:
    """Cloudflare Pages' own rule: the nearest 404.html up the folder tree."""
    folder = Path(path).parent if not path.endswith("/") else Path(path)
    for candidate in (folder, *folder.parents):
        if (site / candidate.relative_to("/") / "404.html").is_file():
            return (candidate / "404.html").as_posix()
    raise AssertionError(f"no 404.html above {path}")


@pytest.fixture(scope="module")
def rules(built_site):
    return parse_redirects((built_site / "_redirects").read_text(encoding="utf-8"))


def test_one_rule_per_built_language_and_the_default_last(rules, built_site):
    # In mkdocs.yml's order, but a code that extends another (zh-Hant, zh) before all others.
    others = sorted((code for code in LANGUAGES if code != DEFAULT),
                    key=lambda code: not any(code.startswith(other + "-") for other in LANGUAGES))
    assert rules == [(f"/{code}/*", f"/{code}/404.html", 404) for code in others] + [("/*", "/404.html", 404)]
    for _, target, _ in rules:
        assert (built_site / target.lstrip("/")).is_file(), target


def test_rules_follow_the_languages_given_in_any_order():
    text = deploy.redirects_file(["fi", "en", "zh-Hant", "ckb"], "en")
    assert parse_redirects(text) == [("/fi/*", "/fi/404.html", 404), ("/zh-Hant/*", "/zh-Hant/404.html", 404),
                                     ("/ckb/*", "/ckb/404.html", 404), ("/*", "/404.html", 404)]
    assert parse_redirects(deploy.redirects_file(["en"], "en")) == [("/*", "/404.html", 404)]


def test_a_code_that_extends_another_gets_its_own_404_page_on_netlify(tmp_path):
    text = deploy.redirects_file(["en", "zh", "pt", "zh-Hant", "pt-BR"], "en")
    rules = parse_redirects(text)
    assert [source for source, _, _ in rules] == ["/zh-Hant/*", "/pt-BR/*", "/zh/*", "/pt/*", "/*"]
    for code in ("zh", "zh-Hant", "pt", "pt-BR"):
        (tmp_path / code).mkdir()
        (tmp_path / code / "404.html").write_text("x", encoding="utf-8")
        assert netlify_not_found_page(rules, tmp_path, f"/{code}/missing") == f"/{code}/404.html"


def test_both_hosts_give_a_missing_page_its_languages_404_page(rules, built_site):
    for code in LANGUAGES:
        prefix = "" if code == DEFAULT else f"/{code}"
        expected = f"{prefix}/404.html"
        for path in (f"{prefix}/missing", f"{prefix}/help/missing/", f"{prefix}/a/b/c.html"):
            assert netlify_not_found_page(rules, built_site, path) == expected, path
            assert cloudflare_not_found_page(built_site, path) == expected, path


def test_no_rule_replaces_a_page(rules, built_site):
    for page in built_site.rglob("index.html"):
        path = "/" + page.parent.relative_to(built_site).as_posix() + "/"
        assert netlify_not_found_page(rules, built_site, path.replace("//", "/")) is None, path
    # Cloudflare follows a rule even where a file exists; it takes none of these.
    assert all(status not in CLOUDFLARE_STATUSES for _, _, status in rules)


def test_bad_redirects_lines_are_rejected():
    with pytest.raises(AssertionError, match="line 1: not 'from to status'"):
        parse_redirects("/fi/* /fi/404.html\n")
    with pytest.raises(AssertionError, match="line 2"):
        parse_redirects("# comment\nfi/* /fi/404.html 404\n")
