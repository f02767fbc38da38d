"""The plan file carried inside a development plan PDF as its ``plan.json`` attachment:
added to a finished PDF, and found again in a received one. The only module that uses
pypdf, imported at the first call so that start-up never pays for it."""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import zlib

NAME = "plan.json"
DESCRIPTION = "The plan this PDF shows, as a Leadership Planner plan file"
# A complete PDF ends with this marker; a file cut short in copying has lost it.
_END = b"%%EOF"


class AttachmentError(ValueError):
    """A PDF whose plan cannot be read; ``str()`` says why in a few plain words."""


def attach_plan(pdf: bytes, plan_file: bytes) -> bytes:
    """``pdf`` with ``plan_file`` embedded as its ``plan.json`` attachment.

    Appended as an incremental update: reportlab's bytes stay as they are (pages,
    document information, language, outline), and only the attachment, the updated
    catalogue and a new cross-reference section follow them.
    """
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    # The document is this app's own: pypdf's limits on the objects of a clone guard
    # against hostile files and must not refuse a very long plan.
    writer = PdfWriter(
        PdfReader(io.BytesIO(pdf)),
        incremental=True,
        incremental_clone_object_count_limit=None,
        incremental_clone_object_id_limit=None,
    )
    attachment = writer.add_attachment(NAME, b"")
    # pypdf stores an attachment uncompressed; a plan file is text that deflates to a
    # fifth of its size or less. Level 1: nearly as small as 6, several times faster.
    stream = attachment.pdf_object["/EF"]["/F"].get_object()
    stream.set_data(zlib.compress(plan_file, 1))
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    attachment.subtype = NameObject("/application/json")
    attachment.size = NumberObject(len(plan_file))
    attachment.checksum = ByteStringObject(hashlib.md5(plan_file).digest())
    attachment.alternative_name = TextStringObject(NAME)
    attachment.description = TextStringObject(DESCRIPTION)
    attachment.associated_file_relationship = NameObject("/Data")
    # The catalogue's associated files (PDF 2.0, PDF/A-3) name it as the document's data.
    writer.root_object[NameObject("/AF")] = ArrayObject(
        [writer.get_reference(attachment.pdf_object)]
    )
    # pypdf's update names the document information only if it changed, and readers
    # that take the newest trailer alone (poppler) would lose the title; saying who
    # made the file changes it, honestly.
    producer = (writer.metadata or {}).get("/Producer", "")
    writer.add_metadata({"/Producer": f"{producer}; pypdf".lstrip("; ")})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def plan_file_in(pdf: bytes) -> bytes:
    """The ``plan.json`` attachment of ``pdf``, checked against its recorded size and
    checksum (not yet read as a plan).

    Raises:
        AttachmentError: the PDF holds no plan, more than one, a damaged one, or cannot
            be read at all.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

    try:
        with _quiet():
            # An encrypted PDF opens with the empty password where it has one (a copy
            # protected only against editing); others fail below.
            reader = PdfReader(io.BytesIO(pdf))
            found = [each for each in reader.attachment_list if each.name == NAME]
            if len(found) > 1:
                raise AttachmentError(
                    f"the PDF holds {len(found)} attachments named {NAME}, so which is the "
                    "plan cannot be told"
                )
            if not found:
                raise AttachmentError(_no_plan(pdf))
            content, size, checksum = found[0].content, found[0].size, found[0].checksum
    except AttachmentError:
        raise
    except LimitReachedError:
        # pypdf's own bound on a decompressed stream (75 MB), which keeps a small file
        # from unpacking into gigabytes: a real plan file that large is read as a file.
        raise AttachmentError(
            "the plan inside the PDF is too large to read from a PDF; ask for the plan file"
        ) from None
    except (DependencyError, FileNotDecryptedError):
        raise AttachmentError(
            "the PDF is protected by a password; ask for a copy without one, or for the "
            "plan file"
        ) from None
    except Exception:
        # pypdf meets a damaged or hostile file with whichever exception its parser hits
        # first (its own, or KeyError, TypeError...): all mean the same to the user.
        raise AttachmentError(_unreadable(pdf)) from None
    # pypdf reads a string that happens to decode as text as text: original_bytes
    # gives back the bytes of either kind.
    checksum = getattr(checksum, "original_bytes", checksum)
    if (size is not None and size != len(content)) or (
        checksum is not None and checksum != hashlib.md5(content).digest()
    ):
        raise AttachmentError(f"the plan inside the PDF is damaged ({NAME} is not as it was saved)")
    return content


def _complete(pdf: bytes) -> bool:
    # The marker must be in the last 1,024 bytes (PDF 32000-1, 7.5.5).
    return _END in pdf[-1024:]


_INCOMPLETE = "the PDF is incomplete (perhaps cut short while it was copied or downloaded)"


def _unreadable(pdf: bytes) -> str:
    return _INCOMPLETE if not _complete(pdf) else "the PDF is damaged and cannot be read"


def _no_plan(pdf: bytes) -> str:
    if not _complete(pdf):
        return _INCOMPLETE
    return (
        f"the PDF holds no plan ({NAME}): only PDFs exported by Leadership Planner carry "
        "one, and some programs drop it when they save a PDF again; ask for the plan file"
    )


@contextlib.contextmanager
def _quiet():
    """pypdf logs each flaw it works around in a received file; the user gets one
    sentence instead."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        log.setLevel(level)
