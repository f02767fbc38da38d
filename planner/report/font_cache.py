"""The bundled fonts' glyph tables, kept between exports in the user's cache folder.

reportlab reads every character's glyph and width from the TrueType file in Python,
about 25 ms for the four faces on each export. The tables depend only on the file, so
they are saved once, each table pickled on its own, and each is read back the first
time reportlab asks for it: a face the document never uses (bold italic, usually)
costs nothing, and the table reportlab needs only for complex-script shaping is never
read at all. Anything wrong with the cache (missing, stale, unreadable, unwritable,
damaged) means parsing the file as before: the cache can make an export faster, never
make it fail.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
import threading
from fnmatch import fnmatch
from pathlib import Path
from weakref import WeakKeyDictionary

import reportlab
from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont, TTFontFace, TTFontFile

from planner.files import write_atomically
from planner.paths import local_cache_dir

# Bump when what is stored changes shape.
_FORMAT = 2
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
    pickled = _read(store, key)
    if pickled is not None:
        try:
            return _font_with_tables(name, path, pickled)
        except Exception:  # any surprise: parse the file as usual
            pass
    font = TTFont(name, str(path))
    _write(store, key, {attr: _dumps(getattr(font.face, attr)) for attr in _TABLES})
    return font


def _dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


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


class _CachedFace(TTFontFace):
    """reportlab's face, its glyph tables unpickled from the cache when first asked for.

    ``_pickled`` holds the tables not read yet; a table that turns out damaged means
    parsing the font file for all of them, as reportlab would have done.
    """

    _pickled: dict[str, bytes]

    def __getattr__(self, attr: str):
        # Only reached for attributes not set yet: the tables still in ``_pickled``.
        if attr not in _TABLES or "_pickled" not in vars(self):
            raise AttributeError(attr)
        # The GUI exports on a worker thread; one thread reads a table, others wait.
        with _READING:
            if attr not in vars(self):
                self._read_table(attr)
        return vars(self)[attr]

    def _read_table(self, attr: str) -> None:
        try:
            value = _PlainData(io.BytesIO(self._pickled[attr])).load()
            if not isinstance(value, _TYPES[attr]):
                raise TypeError(f"{attr} is a {type(value).__name__}")
        except Exception:  # a damaged table: parse the file after all
            parsed = TTFontFace(self.filename)
            for name in _TABLES:
                setattr(self, name, getattr(parsed, name))
            self._pickled.clear()
        else:
            setattr(self, attr, value)
            del self._pickled[attr]


_READING = threading.Lock()


def _font_with_tables(name: str, path: Path, pickled: dict[str, bytes]) -> TTFont:
    """A ``TTFont`` as its constructor makes it, with the glyph tables read from
    ``pickled`` on first use rather than parsed (reportlab reads only the headers:
    ``charInfo=0``)."""
    face = _CachedFace.__new__(_CachedFace)
    pdfmetrics.TypeFace.__init__(face, None)
    TTFontFile.__init__(face, str(path), charInfo=0)
    for attr in _TABLES:  # left empty by the header-only read; read on first use
        vars(face).pop(attr, None)
    face._pickled = dict(pickled)
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


def _read(store: Path, key: tuple) -> dict[str, bytes] | None:
    """Each table, still pickled, from a cache file made from ``key``; else None."""
    try:
        with store.open("rb") as file:
            stored_key, tables = _PlainData(file).load()
    except Exception:  # missing or damaged: parse instead
        return None
    if stored_key != key:
        return None
    if not isinstance(tables, dict) or set(tables) != set(_TABLES):
        return None
    if not all(isinstance(value, bytes) for value in tables.values()):
        return None
    return tables


def _write(store: Path, key: tuple, tables: dict) -> None:
    """Saves through a temporary file, so a reader never sees half a cache file."""
    data = pickle.dumps((key, tables), protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(Exception):  # a cache that cannot be written is skipped
        store.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomically(store, data)
