"""The files GitHub reads: CODEOWNERS covers every language, the issue forms ask
what they must, Dependabot watches pip and the actions, and the workflows run
.ci/run with the whole history and actions pinned to a commit."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.conftest import CHECKOUT, REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def codeowners(text: str) -> dict[str, list[str]]:
    """Pattern -> owners, as GitHub reads the file (a later line for the same pattern wins)."""
    rules = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *owners = line.split()
        assert owners and all(re.fullmatch(r"@[\w-]+/[\w-]+", owner) for owner in owners), \
            f"line {number}: owners must be teams (@org/team): {line!r}"
        rules[pattern] = owners
    return rules


def test_codeowners_covers_every_configured_language():
    rules = codeowners((GITHUB / "CODEOWNERS").read_text(encoding="utf-8"))
    codes = [language.code for language in CHECKOUT.languages()]
    assert codes
    for code in codes:
        team = [f"@ORG/translators-{code.lower()}"]
        assert rules.get(f"/docs/{code}/") == team, code
        assert rules.get(f"/data/strings/{code}.yml") == team, code
    assert len(rules) == 2 * len(codes), \
        f".github/CODEOWNERS: one pair of lines per language of mkdocs.yml ({codes}), nothing else: {sorted(rules)}"


def test_bad_codeowners_lines_are_rejected():
    with pytest.raises(AssertionError, match="line 1: owners must be teams"):
        codeowners("/docs/fi/\n")
    with pytest.raises(AssertionError, match="line 2"):
        codeowners("# x\n/docs/fi/ someone@example.org\n")


def form(name: str) -> dict:
    data = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / name).read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(data), name
    return data


def required_fields(data: dict) -> set[str]:
    return {item["id"] for item in data["body"]
            if item["type"] != "markdown" and item.get("validations", {}).get("required")}


def test_wrong_fact_form_asks_for_page_source_and_date():
    data = form("wrong-fact.yml")
    assert required_fields(data) == {"page", "wrong", "source", "seen"}
    warning = data["body"][0]["attributes"]["value"]
    assert "public" in warning and "112" in warning


def test_review_language_form_asks_for_the_language_and_fluency():
    data = form("review-language.yml")
    assert {"language"} <= required_fields(data)
    (fluency,) = [item for item in data["body"] if item.get("id") == "fluency"]
    assert fluency["attributes"]["options"][0]["required"] is True


def test_pull_request_template_has_the_translators_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for words in ("One language only", "`make check` passed", "mark-translated", "fluent speaker",
                  "- [ ] Yes", "- [ ] No", "status: reviewed"):
        assert words in text, words


def test_dependabot_watches_pip_and_actions():
    data = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert {update["package-ecosystem"] for update in data["updates"]} == {"pip", "github-actions"}
    assert "make lock" in (GITHUB / "dependabot.yml").read_text(encoding="utf-8")


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


@pytest.mark.parametrize("path", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_workflow_actions_are_pinned_to_a_commit(path):
    text = path.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    for step in steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']} is not pinned to a commit"
            line = next(line for line in text.splitlines() if step["uses"] in line)
            assert re.search(r"# v\d+\.\d+\.\d+$", line), f"{path.name}: say the tag after the pin: {line}"
        if "actions/checkout" in step.get("uses", ""):
            assert step["with"]["fetch-depth"] == 0, "translations read the English version from git history"
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest" and job["timeout-minutes"] <= 15


def test_ci_runs_the_one_definition_of_ci_on_every_pull_request_and_push():
    workflow = yaml.safe_load((GITHUB / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"pull_request", "push"}  # YAML 1.1 reads the key "on" as True
    runs = [step for step in steps(workflow) if "run" in step]
    assert len(runs) == 1 and runs[0]["run"].endswith("bash .ci/run")
    assert runs[0]["env"]["CHECK_FORMAT"] == "github"
    cached = {step["with"]["path"]: step["with"]["key"] for step in steps(workflow)
              if "actions/cache" in step.get("uses", "")}
    assert "requirements.lock" in cached[".venv"] and "requirements-test.lock" in cached[".venv"]
    assert "RG_APT_ARCHIVES" in runs[0]["run"] and any("apt" in path for path in cached)


def test_pages_publishes_the_built_site_from_main():
    workflow = yaml.safe_load((GITHUB / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    uses = [step.get("uses", "").split("@")[0] for step in steps(workflow)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    assert any(step.get("run", "").startswith("make site") for step in steps(workflow))
    text = (GITHUB / "workflows" / "pages.yml").read_text(encoding="utf-8")
    assert "cannot send custom response headers" in text
