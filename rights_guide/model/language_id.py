"""Which language a text is written in, by py3langid: a naive Bayes model over
byte n-grams, trained on 142 languages and shipped inside its wheel (BSD
licence), so nothing is downloaded.

The model is 65 MB once unpacked, and unpacking it (LZMA) takes a second or
more. So the unpacked arrays are kept in the user's cache folder, the same
for every checkout and never inside one (`~/.cache/rights-guide/langid/`, or
under $XDG_CACHE_HOME; safe to delete; RG_BUILD_CACHE=DIR keeps them in
DIR/langid, RG_BUILD_CACHE=off nowhere), and read memory-mapped: only the
parts the pages' text touches are read. `identifier()` loads the model once
per process, in a background thread: the check starts it first and the other
checks run meanwhile.
"""

from __future__ import annotations

import lzma
import os
import tempfile
from array import array
from concurrent.futures import Future, ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

CACHE_VARIABLE = "RG_BUILD_CACHE"  # the build's cache setting (rights_guide/build/cache.py)
_loading: list[Future] = []


def cache_folder() -> Path | None:
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is None:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        return Path(home) / "rights-guide" / "langid"
    if chosen.strip().lower() in ("", "off", "0", "no", "false"):
        return None
    return Path(chosen) / "langid"


def model_label(code: str) -> str:
    """The model's label for a site language code: its primary subtag (zh-Hant -> zh, pt-BR -> pt)."""
    return code.split("-", 1)[0].lower()


def _array(values) -> array:
    """A numpy array of unsigned integers as the stdlib array py3langid walks."""
    import numpy as np
    out = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out


ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _unpack(folder: Path | None) -> dict:
    """The model's arrays: from the cache folder, memory-mapped (only the parts a
    text touches are read), or unpacked from the wheel and written there."""
    import io

    import numpy as np
    import py3langid.langid as langid
    packed = langid.MODEL_DIR / langid.MODEL_FILE
    if folder is not None:
        folder = folder / f"model-{version('py3langid')}-{packed.stat().st_size}"
        if (folder / "complete").is_file():
            try:
                return {name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False) for name in ARRAYS}
            except (OSError, ValueError):
                pass  # a damaged cache: unpack again
    with np.load(io.BytesIO(lzma.decompress(packed.read_bytes())), allow_pickle=False) as model:
        arrays = {name: model[name] for name in ARRAYS}
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, values in arrays.items():
                with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as file:
                    np.save(file, values, allow_pickle=False)
                os.replace(file.name, folder / f"{name}.npy")  # two checks at once never read half a file
            (folder / "complete").touch()
        except OSError:
            pass  # a read-only checkout still checks, only slower
    return arrays


def _load(cache: Path | None):
    import py3langid.langid as langid
    model = _unpack(cache)
    # The automaton as a stdlib array (one copy, under 0.1 s): walking it byte by byte is
    # five times faster than through the memory map.
    return langid.LanguageIdentifier(
        model["ptc"], model["pc"], model["classes"].tolist(), _array(model["nextmove"]),
        model["out_feat"].tolist(), norm_probs=True, tk_row=_array(model["nextmove_row"]))


def identifier(cache: Path | None) -> Future:
    """The model (the same for every checkout), loading in a background thread
    from the first call on; `.result()` waits for it."""
    if not _loading:
        executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="langid")
        _loading.append(executor.submit(_load, cache))
        executor.shutdown(wait=False)
    return _loading[0]
