"""A packet mailed as Word 97-2003 files reads as the .docx it was saved from, seals included."""
import shutil
import subprocess
from pathlib import Path

import pytest

from extractors.packets import read_packet
from extractors.packets.images import pictures
from extractors.readers import office_convert, read_document

PACKET = Path(__file__).resolve().parents[3] / "sample_docs" / "packets" / "xizang-2023" / "xz-01-org-docx"


@pytest.mark.skipif(office_convert.soffice() is None,
                    reason="LibreOffice not installed (scripts/setup.sh installs it)")
def test_a_doc_form_keeps_its_pasted_seal(tmp_path):
    form = PACKET / "02_申报表.docx"
    subprocess.run([office_convert.soffice(), "--headless", "--norestore",
                    f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path / "packet"), str(form)],
                   check=True, capture_output=True, timeout=180)
    legacy = tmp_path / "packet" / "02_申报表.doc"
    assert len(pictures(legacy, read_document(legacy))) == len(pictures(form, read_document(form))) > 0

    as_docx, as_doc = tmp_path / "docx", tmp_path / "packet"
    as_docx.mkdir()
    shutil.copy(form, as_docx)
    seals = [[s for d in read_packet(folder).documents for s in d.seals] for folder in (as_docx, as_doc)]
    assert len(seals[1]) == len(seals[0]) > 0
