"""deploy/nginx.conf in a real nginx (Debian's package), serving the built site on 127.0.0.1.

tests/build/test_deploy.py reads the file; these tests run it: the headers
arrive, the Server header has no version, no request leaves a line in any log,
build-only files and missing pages get the right 404 page, and the one-line
HTTP-to-HTTPS redirect and HSTS work when switched on. Without nginx they skip;
with CI=true that is a failure, as for the browser tests.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from rights_guide.build import deploy
from tests.build.deployrules import (HEADERS_TEMPLATE, NGINX, directives, parse_headers, parse_nginx,
                                     security_headers)
from tests.conftest import CHECKOUT, REPO

REDIRECT_CONF = REPO / "deploy" / "nginx-https-redirect.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
MIME_TYPES = Path("/etc/nginx/mime.types")
HOST = "rights-guide.example.org"
OTHER_LANGUAGES = [language.code for language in CHECKOUT.languages() if not language.default]


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (path for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(path, os.X_OK)), None)


@pytest.fixture(scope="module")
def nginx_binary() -> str:
    path = find_nginx()
    if path is None or not MIME_TYPES.exists():
        message = ("nginx is not installed (no nginx on PATH or in /usr/sbin, or no /etc/nginx/mime.types): "
                   "these tests need Debian's nginx package (apt-get install nginx).")
        if os.environ.get("CI") == "true":
            pytest.fail(message + " In CI a skipped nginx test is a failure.")
        pytest.skip(message)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_snippet(folder: Path, *, hsts: bool = False) -> Path:
    """deploy/nginx.conf as it is; a copy only to drop brotli_static where the module is
    missing (as README says to), or to switch HSTS on with its one line."""
    text = NGINX.read_text(encoding="utf-8")
    if BROTLI_MODULE.exists() and not hsts:
        return NGINX
    if not BROTLI_MODULE.exists():
        text = re.sub(r"(?m)^brotli_static on;$", "", text)
    if hsts:
        text = enable_hsts(text)
    copy = folder / "nginx.conf-site"
    copy.write_text(text, encoding="utf-8")
    return copy


def enable_hsts(text: str) -> str:
    line = '# add_header Strict-Transport-Security "max-age=31536000" always;'
    assert text.count(line) == 1, "deploy/nginx.conf: one commented HSTS line for the owner"
    return text.replace(line, line[2:])


def redirect_snippet(folder: Path, port: int) -> Path:
    """deploy/nginx-https-redirect.conf on a free loopback port instead of port 80."""
    text = REDIRECT_CONF.read_text(encoding="utf-8")
    text, count = re.subn(r"(?m)^(\s*)listen 80;\n\s*listen \[::\]:80;$", rf"\1listen 127.0.0.1:{port};", text)
    assert count == 1, "deploy/nginx-https-redirect.conf: 'listen 80;' and 'listen [::]:80;'"
    copy = folder / "nginx-https-redirect.conf"
    copy.write_text(text, encoding="utf-8")
    return copy


def main_config(folder: Path, site: Path, port: int, redirect_port: int, *, hsts: bool = False) -> Path:
    """The http block a host would have, logging everything, so any line the snippets let
    through shows. One process (master_process off) as the current user."""
    temp = folder / "temp"
    temp.mkdir(exist_ok=True)
    module = f"load_module {BROTLI_MODULE};\n" if BROTLI_MODULE.exists() else ""
    temp_paths = "".join(f"{kind}_temp_path {temp};\n" for kind in ("client_body", "proxy", "fastcgi",
                                                                    "uwsgi", "scgi"))
    config = folder / "nginx.conf"
    config.write_text(f"""{module}daemon off;
master_process off;
pid {folder / 'nginx.pid'};
error_log {folder / 'main-error.log'} debug;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    access_log {folder / 'access.log'};
    error_log {folder / 'http-error.log'} info;
    {temp_paths}
    server {{
        listen 127.0.0.1:{port};
        server_name {HOST};
        root {site};
        include {site_snippet(folder, hsts=hsts)};
    }}
    include {redirect_snippet(folder, redirect_port)};
}}
""", encoding="utf-8")
    return config


@dataclass
class Server:
    folder: Path
    port: int
    redirect_port: int

    def get(self, path: str, port: int | None = None, **headers) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", port or self.port, timeout=10)
        connection.request("GET", path, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        body = response.read()
        connection.close()
        names = [name for name, _ in response.getheaders()]
        assert len(names) == len(set(names)), f"{path}: a header sent twice: {names}"
        return response.status, dict(response.getheaders()), body

    def logs(self) -> str:
        return "".join(path.read_text(encoding="utf-8", errors="replace")
                       for path in sorted(self.folder.glob("*.log")) + [self.folder / "stderr.txt"]
                       if path.exists())


def start(binary: str, folder: Path, site: Path, *, hsts: bool = False):
    port, redirect_port = free_port(), free_port()
    config = main_config(folder, site, port, redirect_port, hsts=hsts)
    stderr = (folder / "stderr.txt").open("wb")
    process = subprocess.Popen([binary, "-p", str(folder), "-c", str(config), "-e", str(folder / "startup.log")],
                               stdout=stderr, stderr=stderr)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and process.poll() is None:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    if process.poll() is not None:
        pytest.fail("nginx did not start: " + Server(folder, port, redirect_port).logs())
    return process, stderr, Server(folder, port, redirect_port)


def stop(process, stderr) -> None:
    process.terminate()
    process.wait(timeout=10)
    stderr.close()


@pytest.fixture(scope="module")
def nginx_server(nginx_binary, built_site, tmp_path_factory):
    process, stderr, server = start(nginx_binary, tmp_path_factory.mktemp("nginx"), built_site)
    yield server
    stop(process, stderr)


def test_every_response_has_the_security_headers_and_no_version(nginx_server, built_site):
    expected = security_headers(parse_headers(HEADERS_TEMPLATE.read_text(encoding="utf-8")))
    fingerprinted = sorted(deploy.site_path(built_site, path) for path in (built_site / "assets").glob("site.*.*")
                           if path.suffix in {".css", ".js"})
    assert fingerprinted
    for path in ["/", "/help/", "/fi/help/", "/sitemap.xml", "/no-such-page/", "/_headers", *fingerprinted]:
        status, headers, body = nginx_server.get(path)
        assert status in (200, 404), path
        for name, value in expected.items():
            assert headers.get(name) == value, (path, name)
        assert headers["Server"] == "nginx", f"{path}: the Server header names a version: {headers['Server']}"
        assert b"nginx/" not in body
        cache = deploy.IMMUTABLE if path in fingerprinted else "no-cache"
        assert headers["Cache-Control"] == cache, path
    assert "Strict-Transport-Security" not in headers, "HSTS is the owner's decision: off by default"


def test_build_only_files_are_not_served(nginx_server, built_site):
    for name in ("_headers", "_redirects"):
        assert (built_site / name).is_file(), name
        status, _, body = nginx_server.get("/" + name)
        assert status == 404, name
        assert b'<html lang="en"' in body and (built_site / name).read_bytes() not in body


def test_a_missing_page_gets_its_languages_404_page(nginx_server):
    for code in [None, *OTHER_LANGUAGES]:
        prefix = f"/{code}" if code else ""
        status, headers, body = nginx_server.get(f"{prefix}/missing")
        assert status == 404, code
        assert f'<html lang="{code or CHECKOUT.default_language()}"'.encode() in body, code
        assert headers["Content-Type"] == "text/html; charset=utf-8"


def test_precompressed_copies_are_sent(nginx_server):
    status, headers, _ = nginx_server.get("/help/", **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    if BROTLI_MODULE.exists():
        status, headers, _ = nginx_server.get("/help/", **{"Accept-Encoding": "br, gzip"})
        assert status == 200 and headers.get("Content-Encoding") == "br"


def test_no_request_leaves_a_line_in_any_log(nginx_server):
    """The host's http block logs every request (access_log, error_log info); the snippet
    turns both off, so no reader's address or page appears anywhere."""
    before = nginx_server.logs()
    for path in ("/help/", "/ar/help-after-violence/", "/fi/missing-page-xyz", "/assets/", "/_redirects",
                 "/help/../../etc/passwd"):
        nginx_server.get(path, **{"User-Agent": "reader-agent-xyz"})
    time.sleep(0.2)
    after = nginx_server.logs()
    assert not (nginx_server.folder / "access.log").read_text(encoding="utf-8")
    new = after[len(before):] if after.startswith(before) else after
    for trace in ("127.0.0.1", "missing-page-xyz", "help-after-violence", "reader-agent-xyz", "GET "):
        assert trace not in new, f"a log holds {trace!r}:\n{new}"


def test_http_is_redirected_to_https_when_the_owner_includes_the_redirect(nginx_server):
    status, headers, _ = nginx_server.get("/fi/help/?q=1", port=nginx_server.redirect_port)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/fi/help/?q=1"
    assert headers["Server"] == "nginx"


def test_hsts_is_one_commented_line_that_works(nginx_binary, built_site, tmp_path):
    process, stderr, server = start(nginx_binary, tmp_path, built_site, hsts=True)
    try:
        for path in ("/", "/missing"):
            _, headers, _ = server.get(path)
            assert headers["Strict-Transport-Security"] == "max-age=31536000", path
    finally:
        stop(process, stderr)


def test_the_snippet_hardens_by_default():
    statements = parse_nginx(NGINX.read_text(encoding="utf-8"))
    assert directives(statements, "server_tokens") == [["off"]]
    assert directives(statements, "access_log") == [["off"]]
    assert directives(statements, "log_not_found") == [["off"]]
    assert directives(statements, "error_log") == [["stderr", "emerg"]]
    text = NGINX.read_text(encoding="utf-8")
    assert "# include /srv/rights-guide/deploy/nginx-https-redirect.conf;" in text
    redirect = parse_nginx(REDIRECT_CONF.read_text(encoding="utf-8"))
    (server,) = [block for directive, _, block in redirect if directive == "server"]
    assert directives(server, "return") == [["301", "https://$host$request_uri"]]
    assert directives(server, "access_log") == [["off"]]
