"""The USB-stick zip (scripts/usb-zip): dated, complete in both languages, opens without a network."""
from __future__ import annotations

import datetime
import subprocess
import zipfile

from conftest import ROOT


def test_usb_zip_holds_the_whole_site_in_both_languages(site, tmp_path):
    """scripts/usb-zip packs the session's site (no second build, nothing written into the checkout)."""
    result = subprocess.run(["bash", str(ROOT / "scripts" / "usb-zip"), "--site", str(site), "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    name = f"leidraad-leerkracht-leerlingrelaties-{datetime.date.today():%Y-%m-%d}"
    archive = tmp_path / f"{name}.zip"
    assert archive.exists() and str(archive) in result.stdout
    with zipfile.ZipFile(archive) as zipped:
        names = set(zipped.namelist())
        for inside in ("OPEN-MIJ.html", "index.html", "en/index.html", "search/search_index.js",
                       "aan-de-slag/2x10-oefening.html", "en/aan-de-slag/2x10-oefening.html",
                       "assets/vendor/iframe-worker/shim.js", "assets/vendor/iframe-worker/LICENSE"):
            assert f"{name}/{inside}" in names, inside
        start = zipped.read(f"{name}/OPEN-MIJ.html").decode("utf-8")
        assert 'url=index.html' in start
        search = zipped.read(f"{name}/search/search_index.js").decode("utf-8")
        assert '"location":"en/' in search.replace(" ", "") and '"location":"aanbevelingen/' in search.replace(" ", "")
    assert archive.stat().st_size < 5 * 1024 * 1024  # fits any stick, quick to copy
