"""When each English page's facts were last compared with its sources
(`last_reviewed`): never in the future, and due again after the review interval
(mkdocs.yml `extra.review_interval_days`, as for contacts)."""

from __future__ import annotations

import datetime as dt

from rights_guide.model import markdown
from rights_guide.model.contacts import review_interval
from rights_guide.model.project import Project
from rights_guide.problems import WARNING, Problem


def check(project: Project, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    interval, _ = review_interval(project)  # a bad interval is reported by the contacts check
    english = project.docs / project.default_language()
    problems = []
    for path in sorted(english.rglob("*.md")):
        try:
            page = markdown.read(path)
        except (OSError, ValueError):
            continue  # reported by the checks that read pages
        reviewed = page.meta.get("last_reviewed")
        line = page.meta_lines.get("last_reviewed", 1)
        if isinstance(reviewed, dt.datetime):
            reviewed = reviewed.date()
        if not isinstance(reviewed, dt.date):
            continue
        if reviewed > today:
            problems.append(Problem(path, line, "page-future-date",
                                    f"last_reviewed is {reviewed}, which is in the future.",
                                    "write the date the page was really compared with its sources."))
        elif (today - reviewed).days > interval:
            problems.append(Problem(path, line, "page-review-due",
                                    f"the page was last compared with its sources on {reviewed}, "
                                    f"{(today - reviewed).days} days ago (review interval: {interval} days).",
                                    "compare every fact with its source again, correct what changed, and "
                                    "write that date as last_reviewed.", severity=WARNING))
    return problems
