"""rights_guide/build/deploy.py and the post-build steps: .gz and .br copies of the built site's text files."""

from __future__ import annotations

import gzip
import importlib.util
import inspect

import brotli
import pytest

from rights_guide.build import deploy, postbuild
from rights_guide.build import leaflets
from tests.conftest import REPO
from tests.siteconfig import SITE


def copies_are_right(site, file) -> dict[str, bool]:
    """{".gz": made, ".br": made}; asserts each copy is exactly the file, or rightly missing."""
    data = file.read_bytes()
    quality = deploy.brotli_quality(deploy.site_path(site, file))
    made = {}
    for suffix, unpack, pack in ((".gz", gzip.decompress, deploy.gzip_bytes),
                                 (".br", brotli.decompress, lambda d: deploy.brotli_bytes(d, quality))):
        copy = file.with_name(file.name + suffix)
        made[suffix] = copy.exists()
        if copy.exists():
            packed = copy.read_bytes()
            assert unpack(packed) == data, copy
            assert len(packed) < len(data), copy
        else:
            # Missing only because a copy would not have been smaller.
            assert len(pack(data)) >= len(data), f"{copy} is missing"
    return made


def test_every_text_file_has_copies_that_unpack_to_it(built_site):
    files = deploy.text_files(built_site)
    pages = SITE.expected_pages(built_site)
    assert set(pages) <= set(files), "every page of docs/ in every language is a text file with copies"
    for file in files:
        made = copies_are_right(built_site, file)
        if file.suffix in {".html", ".json", ".css", ".js"} and file.stat().st_size > 1024:
            assert made == {".gz": True, ".br": True}, file


def test_only_text_files_have_copies(built_site):
    copies = [file for file in built_site.rglob("*") if file.suffix in {".gz", ".br"}]
    assert copies, "the build writes .gz and .br copies (build/deploy.py)"
    for copy in copies:
        original = copy.with_suffix("")
        assert original.is_file() and deploy.is_text(original), copy
    for file in built_site.rglob("*"):
        if file.is_file() and not deploy.is_text(file) and file.suffix not in {".gz", ".br"}:
            assert not file.with_name(file.name + ".gz").exists(), file
            assert not file.with_name(file.name + ".br").exists(), file


def test_copies_are_the_same_from_build_to_build(built_site):
    page = built_site / "index.html"
    packed = page.with_name("index.html.gz").read_bytes()
    assert packed[4:8] == b"\0\0\0\0", "gzip header time is 0"
    assert packed == deploy.gzip_bytes(page.read_bytes())


def test_fingerprinted_files_get_the_better_brotli_quality(built_site):
    fingerprinted = [file for file in deploy.text_files(built_site)
                     if deploy.is_fingerprinted(deploy.site_path(built_site, file))]
    assert fingerprinted, "the build writes fingerprinted files (build/bundle.py)"
    for file in fingerprinted:
        copy = file.with_name(file.name + ".br").read_bytes()
        assert copy == deploy.brotli_bytes(file.read_bytes(), deploy.FINGERPRINTED_QUALITY), file


def test_a_copy_that_would_not_be_smaller_is_deleted(tmp_path):
    small = tmp_path / "robots.txt"
    small.write_text("a", encoding="utf-8")
    for suffix in (".gz", ".br"):
        small.with_name("robots.txt" + suffix).write_bytes(b"an old copy")
    big = tmp_path / "page.html"
    big.write_text("<p>help</p>" * 200, encoding="utf-8")
    result = deploy.compress_files(tmp_path, [small, big])
    assert not (tmp_path / "robots.txt.gz").exists() and not (tmp_path / "robots.txt.br").exists()
    assert gzip.decompress((tmp_path / "page.html.gz").read_bytes()) == big.read_bytes()
    assert brotli.decompress((tmp_path / "page.html.br").read_bytes()) == big.read_bytes()
    assert result.files == 2
    assert result.gzip_bytes == (tmp_path / "page.html.gz").stat().st_size
    assert result.brotli_bytes == (tmp_path / "page.html.br").stat().st_size


def test_binary_files_are_refused(tmp_path):
    pdf = tmp_path / "help.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(ValueError, match=r"help\.pdf: not a text file"):
        deploy.compress_file(pdf)
    assert not list(tmp_path.glob("help.pdf.*"))


def test_post_build_steps_run_once_after_every_language_in_the_written_order():
    # static-i18n builds the other languages at -100, inside the default build's on_post_build.
    spec = importlib.util.spec_from_file_location("hook_post_build", REPO / "hooks" / "post_build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.on_post_build.mkdocs_priority < -100
    source = inspect.getsource(postbuild.run)
    steps = ["restore_root_not_found_page", "write_split_indexes", "prune_assets", "bundle_site",
             "write_headers", "compress_site"]
    assert [source.index(step) for step in steps] == sorted(source.index(step) for step in steps)


# --- the leaflets step changes pages after the build ----------------------------

PLACEHOLDER = ('<p class="rg-leaflet" hidden data-rg-leaflet="page" '
               'data-rg-label="Download the leaflet (PDF, {size} KB)"></p>')


def leaflet_site(tmp_path, page_text: str):
    site = tmp_path / "site"
    page = site / "help" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(page_text, encoding="utf-8")
    deploy.compress_site(site)
    pdf = site / "leaflets" / "en" / "help.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.7" + b"\0" * 3000)
    return site, leaflets.Leaflet("en", "help", page, pdf)


def test_linking_a_leaflet_renews_the_pages_copies(tmp_path):
    site, leaflet = leaflet_site(tmp_path, f"<main>{'<p>Help is free.</p>' * 50}{PLACEHOLDER}</main>")
    before = leaflet.html.read_bytes()

    assert leaflets.link_leaflets([leaflet], site) == []

    after = leaflet.html.read_bytes()
    assert after != before and b'download>Download the leaflet (PDF, 3 KB)</a>' in after
    assert gzip.decompress(leaflet.html.with_name("index.html.gz").read_bytes()) == after
    assert brotli.decompress(leaflet.html.with_name("index.html.br").read_bytes()) == after
    assert not list(site.glob("leaflets/**/*.pdf.*")), "no copies of the PDF"


def test_a_page_without_placeholder_is_reported_and_its_copies_kept(tmp_path):
    site, leaflet = leaflet_site(tmp_path, "<main>" + "<p>Help is free.</p>" * 50 + "</main>")
    before = {suffix: leaflet.html.with_name("index.html" + suffix).read_bytes() for suffix in (".gz", ".br")}

    errors = leaflets.link_leaflets([leaflet], site)

    assert [(problem.path, problem.code) for problem in errors] == [(leaflet.html, "leaflet-no-placeholder")]
    for suffix, packed in before.items():
        assert leaflet.html.with_name("index.html" + suffix).read_bytes() == packed
    assert gzip.decompress(before[".gz"]) == leaflet.html.read_bytes()
