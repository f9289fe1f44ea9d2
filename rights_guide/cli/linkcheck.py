"""`python -m rights_guide linkcheck`: LinkChecker over the built site, served on 127.0.0.1,
then every #anchor (rights_guide/checks/anchors.py).

Internal links and #anchors are checked; other hosts, tel: and mailto: are
only syntax-checked, so the check needs no network. LinkChecker's own anchor
plugin is off: it fetches a page again for each distinct #anchor linked to it.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from rights_guide.checks.anchors import missing_anchors
from rights_guide.model.project import Project
from rights_guide.problems import report

CONFIG = """\
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
ignore=
  ^mailto:
  ^tel:
# The offline copies: checked to exist, not read (hundreds of #anchors in one file;
# tests/build/test_offline.py checks every link inside them).
nofollow=
  /offline/
checkextern=0
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature from the base class
        pass

    def end_headers(self):
        # LinkChecker waits between requests (10 per second) unless the server
        # sends this header; it is our own server on loopback.
        self.send_header("LinkChecker", "local test server")
        super().end_headers()


def serve(directory: Path) -> ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def linkchecker_command() -> str:
    beside_python = Path(sys.executable).with_name("linkchecker")
    return str(beside_python) if beside_python.exists() else (shutil.which("linkchecker") or "linkchecker")


def run(project: Project, site: Path | None = None) -> int:
    site = site or project.root / "site"
    if not (site / "index.html").exists():
        print(f"{site}/index.html: no built site. Fix: run 'make site' first.")
        return 1
    server = serve(site)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            config = Path(tmp) / "linkcheckerrc"
            config.write_text(CONFIG, encoding="utf-8")
            url = f"http://127.0.0.1:{server.server_address[1]}/"
            # 404 pages are linked from nowhere, so LinkChecker starts from them too.
            start_pages = [url] + [f"{url}{page.relative_to(site).as_posix()}"
                                   for page in sorted(site.glob("**/404.html"))]
            result = subprocess.run(
                [linkchecker_command(), "--config", str(config), "--no-status", "--no-robots", *start_pages],
                check=False,
            )
    finally:
        server.shutdown()
    anchors = report(missing_anchors(site), root=project.root)
    return 0 if result.returncode == 0 and anchors == 0 else 1
