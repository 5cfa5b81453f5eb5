"""Bad input: a question a format cannot express is named with its reason in the build log
(an info line: the build still passes with -W), counted in the guide's table, and left out of
that format only."""

from __future__ import annotations

from lxml import etree

from lms_helpers import question_id, zip_entries


def test_build_passes_and_names_each_question(lms_broken):
    assert lms_broken.statuscode == 0, lms_broken.warnings
    assert lms_broken.warnings == ""
    log = lms_broken.status
    for fmt in ("Moodle XML", "GIFT"):
        assert (f"lms: {fmt}: question 1.1 b-eleven (modules/01-bad/index:" in log
                and "its 11 correct options would each be worth 9.09091%" in log)
    for fmt in ("Moodle XML", "GIFT", "QTI 1.2", "Common Cartridge 1.3"):
        assert f"lms: {fmt}: question 1.2 b-image (modules/01-bad/index:" in log
    assert "lms: Common Cartridge 1.3: question 1.4 b-numeric" in log
    assert "QTI 1.2: question 1.1" not in log
    assert ("lms: 4 questions; wrote 8 files to downloads/instructor/" in log
            and "Moodle XML 2 (2 left out), GIFT 2 (2 left out), QTI 1.2 3 (1 left out), "
                "Common Cartridge 1.3 2 (2 left out)" in log)


def test_files_leave_out_only_what_they_cannot_express(lms_broken):
    moodle = etree.parse(str(lms_broken.file("course-moodle.xml"))).getroot()
    names = [question_id(q.findtext("name/text")) for q in moodle.findall("question")
             if q.get("type") != "category"]
    assert names == ["b-good", "b-numeric"]
    comments = [c.text for c in moodle.iter(etree.Comment)]
    assert any("left out: 1.1 b-eleven" in c for c in comments)
    qti = zip_entries(lms_broken.file("course-qti12.zip"))
    idents = [i.get("ident") for d in qti.values() if d.startswith(b"<?xml")
              for i in etree.fromstring(d).iter("{*}item")]
    assert idents == ["b-eleven", "b-good", "b-numeric"]
    assert "// left out: 1.2 b-image" in lms_broken.file("course-gift.txt").read_text("utf-8")


def test_guide_table_counts(lms_broken):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((lms_broken.outdir / "modules/01-bad/index.html").read_text("utf-8"), "html.parser")
    table = page.find(id="lms-counts")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr")]
    assert [r[:3] for r in rows] == [["Moodle XML", "2", "2"], ["GIFT", "2", "2"], ["QTI 1.2", "3", "1"],
                                     ["Common Cartridge 1.3", "2", "2"]]
    assert "1 × its prompt or an option shows an image" in rows[2][3]
    downloads = page.find(id="lms-downloads")
    hrefs = [a["href"] for a in downloads.find_all("a") if not a["href"].startswith("#")]
    assert "../../downloads/instructor/course-moodle.xml" in hrefs
    for href in hrefs:
        assert (lms_broken.outdir / "modules/01-bad" / href).resolve().is_file(), href


def test_outputs_without_the_files_get_the_counts_as_a_list(tmp_path):
    from sphinx_project import build, copy_root

    app = build(copy_root(tmp_path, "lms-broken"), "text", audio_cache_dir=str(tmp_path / "cache"))
    assert app.statuscode == 0
    text = " ".join((app.outdir / "modules" / "01-bad" / "index.txt").read_text("utf-8").split())
    assert "Questions per format, of 4 in the course" in text
    assert "QTI 1.2: 3 questions, 1 left out (1 because its prompt or an option shows an image" in text
    assert "in the folder \"downloads/instructor\" of the online edition" in text
    assert not (app.outdir / "downloads").exists()   # the files are written for the HTML site only
