"""Never a traceback: every input that can be read at all is a `path:line: code:`
problem with a fix and a non-zero exit, in time linear in the input."""

from __future__ import annotations

import codecs
import time

import pytest

from tests.checks.badcase import apply, assert_reported, line_of
from tests.checks.checkrun import find, run_check

# code -> (file named, text on the line named, words in the message)
CASES = {
    "file-encoding": ("docs/fi/help.md", "Haluatko puhua ensin?", "byte 0xe4 at byte offset"),
    "front-matter-yaml": ("docs/en/index.md", "last_reviewed:", "February 2026 has 28 days"),
    "page-line-too-long": ("docs/fi/help.md", "Tämä rivi liitettiin", "characters long (at most 5,000)"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_bad_input_kept_as_files_is_reported(fixture_site, code):
    relative, needle, words = CASES[code]
    apply(code, fixture_site)
    assert_reported(fixture_site, code, relative, line_of(fixture_site / relative, needle), words)


LINE_FORMAT = r"^\S[^:]*:\d+: [a-z0-9-]+: (warning: )?.+ Fix: .+$"
PAGE = "docs/fi/help.md"
ENGLISH_PAGE = "docs/en/help.md"
FRONT = "---\ntitle: Apu\nstatus: draft\ntranslated_from: ab2cda335a0351b61e67b763d9eda9e735df470d\n---\n\n"
BOM = codecs.BOM_UTF8.decode("utf-8")

# (file, new content as text or bytes, exit status or None for either)
MALFORMED = {
    "config empty": ("mkdocs.yml", "", 1),
    "config a list": ("mkdocs.yml", "- a\n- b\n", 1),
    "config not UTF-8": ("mkdocs.yml", b"site_name: R\xe4\n", 1),
    "config bad YAML": ("mkdocs.yml", "site_name: [\n", 1),
    "config plugins a number": ("mkdocs.yml", "site_name: x\nplugins: 5\n", 1),
    "config i18n a number": ("mkdocs.yml", "site_name: x\nplugins:\n  - i18n: 5\n", 1),
    "config odd languages": ("mkdocs.yml", "plugins:\n  - i18n:\n      languages: [5, {locale: 7}, [x]]\n", 1),
    "language table empty": ("data/languages.yml", "", 1),
    "language table a list": ("data/languages.yml", "- en\n", 1),
    "language table rows text": ("data/languages.yml", "languages:\n  en: English\n  fi: [1, 2]\n", 1),
    "language table not UTF-8": ("data/languages.yml", b"languages:\n  fi: {name: Suomi\xff}\n", 1),
    "strings with a byte-order mark": ("data/strings/fi.yml", BOM + "exit_label: Poistu sivulta\n", 0),
    "strings not UTF-8": ("data/strings/fi.yml", b"exit_label: Poistu sivulta\nexit_hint: P\xe4\xe4se pois\n", 1),
    "strings a list": ("data/strings/fi.yml", "- a\n- b\n", 1),
    "strings with lists": ("data/strings/fi.yml", "exit_label: [a, b]\ncontacts: [1, 2]\n", 1),
    "strings complex key": ("data/strings/fi.yml", "? [a, b]\n: x\nexit_label: Poistu\n", None),
    "strings impossible date": ("data/strings/fi.yml", "exit_label: 2026-02-30\n", 1),
    "strings nested deep": ("data/strings/fi.yml", "a: " + "[" * 3000 + "]" * 3000 + "\n", 1),
    "strings aliases": ("data/strings/fi.yml", "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                        + "".join(f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi")), 1),
    "strings English broken": ("data/strings/en.yml", "exit_label: [\n", 1),
    "strings English not UTF-8": ("data/strings/en.yml", b"exit_label: \xff\n", 1),
    "contacts empty": ("data/contacts.yml", "", 1),
    "contacts a mapping": ("data/contacts.yml", "contacts: {a: 1}\n", 1),
    "contacts odd entries": ("data/contacts.yml", "contacts:\n  - 5\n  - id: [x]\n    phones: 5\n  - id: 7\n"
                             "    phones: {number: 1}\n    languages: 5\n    checked: [1]\n", 1),
    "contacts impossible date": ("data/contacts.yml", "contacts:\n  - id: x\n    web: https://x.fi/\n"
                                 "    source: https://x.fi/\n    checked: 2026-02-30\n    confidence: high\n", 1),
    "contacts not UTF-8": ("data/contacts.yml", b"contacts:\n  - id: x\xc3\n", 1),
    "page with a byte-order mark": (PAGE, BOM + FRONT + "# Apu\n", None),
    "page empty": (PAGE, "", 1),
    "page only a rule": (PAGE, "---\n", 1),
    "page front matter a list": (PAGE, "---\n- a\n---\n# Apu\n", 1),
    "page front matter odd values": (PAGE, "---\ntitle: [a]\nstatus: {a: 1}\ntranslated_from: [1]\n---\n# Apu\n", 1),
    "page impossible date": (PAGE, FRONT.replace("title: Apu", "title: Apu\nlast_reviewed: 2026-02-30") + "# Apu\n", 1),
    "page binary": (PAGE, bytes(range(256)) * 4, 1),
    "page line endings CRLF": (PAGE, (FRONT + "# Apu\n").replace("\n", "\r\n"), None),
    "English page not UTF-8": (ENGLISH_PAGE, b"---\ntitle: Help\n---\n\n# Help \xe9\n", 1),
    "English page front matter open": (ENGLISH_PAGE, "---\ntitle: Help\n\n# Help\n", None),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_input_is_a_problem_line_never_a_traceback(fixture_site, case):
    relative, content, expected_status = MALFORMED[case]
    path = fixture_site / relative
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    status, problems, text = run_check(fixture_site)
    lines = text.rstrip("\n").splitlines()
    assert lines[-1].endswith("warning(s)"), text
    for line in lines[:-1]:
        assert __import__("re").match(LINE_FORMAT, line), f"not a problem line: {line!r}"
    if expected_status is not None:
        assert status == expected_status, text
    assert (status == 1) == any("warning:" not in p["rest"] for p in problems), text


def test_a_byte_order_mark_is_not_a_missing_title(fixture_site):
    for page in ("docs/fi/help.md", "docs/en/help.md"):
        path = fixture_site / page
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    strings = fixture_site / "data/strings/fi.yml"
    strings.write_bytes(codecs.BOM_UTF8 + strings.read_bytes())
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    assert not find(problems, "tr-front-matter"), text


ADVERSARIAL_LINES = [
    "#" + " " * 50_000 + "x", "# " + " " * 50_000 + "{", "## " + "{" * 50_000, "# " + "{#" * 25_000,
    "[" * 100_000, "]" * 100_000, "[a](" * 25_000, "![" * 50_000, "![a" * 30_000, "[a" * 50_000,
    "`" * 100_000, "``" + " " * 100_000, "<" * 100_000, "<a " * 30_000, "<img " * 20_000, "<" + "a" * 100_000,
    "a" * 100_000, "a@" * 50_000, "a." * 50_000 + "@", "http://" * 15_000, "<http://" * 12_000,
    "1 " * 50_000 + ".", "1." * 50_000, "+1 " * 30_000 + ",", "[[contact:" + " " * 100_000 + "x",
    "[[contact:" * 10_000, "[[" * 50_000, "{" * 100_000, "{#" * 50_000, " " * 100_000 + "x",
    "\t" * 100_000, "!!!" + " " * 100_000, "- " * 50_000, "<a" + " on" * 30_000, "url(" * 25_000,
    "javascript" * 10_000, "x" + " " * 100_000 + "\\", "[" * 50_000 + "]" * 50_000,
    "(" * 50_000 + ")" * 50_000, "**" * 50_000, "é" * 100_000,
]


def test_adversarial_lines_take_linear_time(fixture_site):
    body = "\n\n".join(ADVERSARIAL_LINES) + "\n"
    for page in ("docs/en/untranslated.md", "docs/fi/help.md"):
        path = fixture_site / page
        path.write_text(path.read_text(encoding="utf-8") + "\n" + body, encoding="utf-8")
    strings = fixture_site / "data/strings/fi.yml"
    strings.write_text("".join(f"exit_label: {line!r}\n".replace("exit_label", f"k{index}")
                               for index, line in enumerate(ADVERSARIAL_LINES)), encoding="utf-8")
    # Processor time, not wall time: other work on the machine must not fail this test.
    # A pattern that backtracks takes minutes on these lines, not seconds.
    started = time.process_time()
    status, problems, text = run_check(fixture_site)
    elapsed = time.process_time() - started
    assert status == 1 and "Traceback" not in text
    assert elapsed < 2.0, f"the check took {elapsed:.1f} s of processor time on adversarial lines"
