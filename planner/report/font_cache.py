"""The bundled fonts' glyph tables, kept between exports in the user's cache folder.

reportlab reads every character's glyph and width from the TrueType file in Python,
about 25 ms for the four faces on each export. The tables depend only on the file, so
they are saved once and read back in about a millisecond a face. Anything wrong with
the cache (missing, stale, unreadable, unwritable, damaged) means parsing the file as
before: the cache can make an export faster, never make it fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, TTFontFile

from planner.paths import local_cache_dir

# Bump when what is stored changes shape.
_FORMAT = 1
# What reportlab's parser builds from the character map and metric tables: the slow
# part. Everything else (the file's headers) reportlab still reads itself.
_TABLES = ("charToGlyph", "glyphToChar", "charWidths", "defaultWidth", "hmetrics", "glyphPos")
_TYPES = {
    "charToGlyph": dict,
    "glyphToChar": dict,
    "charWidths": dict,
    "defaultWidth": (int, float),
    "hmetrics": list,
    "glyphPos": list,
}


def cache_folder() -> Path:
    return local_cache_dir() / "fonts"


def load_font(name: str, path: Path) -> TTFont:
    """reportlab's ``TTFont`` for the file at ``path``, registered under ``name``'s face.

    Args:
        name: the font name the document uses.
        path: the TrueType file.

    Raises:
        OSError, TTFError: the file is missing or damaged (as ``TTFont`` raises them).
    """
    key = _key(path)
    store = cache_folder() / _store_name(path)
    tables = _read(store, key)
    if tables is not None:
        try:
            return _font_with_tables(name, path, tables)
        except Exception:  # any surprise: parse the file as usual
            pass
    font = TTFont(name, str(path))
    _write(store, key, {attr: getattr(font.face, attr) for attr in _TABLES})
    return font


def _store_name(path: Path) -> str:
    # One file per installed font file, so two installations never overwrite each
    # other's tables over and over.
    where = hashlib.sha256(str(path.resolve().parent).encode("utf-8")).hexdigest()[:12]
    return f"{path.stem}-{where}.pickle"


def _key(path: Path) -> tuple:
    """What the stored tables must have been made from: this file, unchanged, read by
    this reportlab."""
    info = path.stat()
    return (_FORMAT, reportlab.Version, path.name, info.st_size, info.st_mtime_ns)


def _font_with_tables(name: str, path: Path, tables: dict) -> TTFont:
    """A ``TTFont`` as its constructor makes it, with the glyph tables given rather than
    parsed (reportlab reads only the headers: ``charInfo=0``)."""
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    TTFontFile.__init__(face, str(path), charInfo=0)
    vars(face).update(tables)
    # Imported here: a reportlab without it means parsing as usual (see load_font).
    from reportlab.pdfbase.ttfonts import unShapedFontGlob

    font = TTFont.__new__(TTFont)
    # The same attributes TTFont.__init__ sets (the tests compare the two).
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, glob) for glob in unShapedFontGlob)
    return font


class _PlainData(pickle.Unpickler):
    """Unpickles built-in values only: a cache file can never name a class or function."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the font cache")


def _read(store: Path, key: tuple) -> dict | None:
    try:
        with store.open("rb") as file:
            stored_key, tables = _PlainData(file).load()
    except Exception:  # missing or damaged: parse instead
        return None
    if stored_key != key:
        return None
    if not isinstance(tables, dict) or set(tables) != set(_TABLES):
        return None
    if not all(isinstance(tables[attr], kind) for attr, kind in _TYPES.items()):
        return None
    return tables


def _write(store: Path, key: tuple, tables: dict) -> None:
    """Saves through a temporary file, so a reader never sees half a cache file."""
    try:
        store.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=store.parent, prefix=".font-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump((key, tables), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, store)
    except Exception:  # a cache that cannot be written is simply skipped
        with contextlib.suppress(OSError):
            os.unlink(temp)
