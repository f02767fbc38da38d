"""The report's escaping of user text: exactly what ``xml.sax.saxutils.escape`` gives,
so no user text can become paragraph markup."""

from __future__ import annotations

import subprocess
import sys
from xml.sax.saxutils import escape as sax_escape

from hypothesis import given
from hypothesis import strategies as st

from planner.report.text import escape, markup

MARKUP_CHARS = st.text(alphabet=st.sampled_from([*"&<>\"'; #x0a/b", "é", "Ł", "\n"]))


@given(st.one_of(st.text(), MARKUP_CHARS))
def test_escape_matches_the_standard_library_for_any_text(text):
    assert escape(text) == sax_escape(text)


def test_entities_and_tags_in_user_text_stay_literal():
    assert markup('<b>bold</b> & "quotes" &amp;') == (
        '&lt;b&gt;bold&lt;/b&gt; &amp; "quotes" &amp;amp;'
    )


def test_exporting_does_not_load_the_network_modules():
    probe = (
        "import sys\n"
        "import planner.report.build\n"
        "print(sorted(m for m in ('urllib.request', 'http.client', 'email.parser')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
