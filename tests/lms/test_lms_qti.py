"""QTI 1.2 package and Common Cartridge 1.3: read back with qti2latex's QTI reader (PyPI; it
reads Canvas's QTI), checked strictly with lxml (manifest and package agree, element order of
the QTI 1.2 DTD), every answer and tolerance survives, and the ZIPs are byte-reproducible."""

from __future__ import annotations

import pytest
from lxml import etree
from qti2latex import get_choices, get_correct_idents, get_item_stem, guess_type

import lms_expected as expected
from lms_helpers import html_text, zip_entries

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
CC = "{http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1}"
#: The children of <item> in the order of the QTI 1.2 DTD (ims_qtiasiv1p2.dtd).
ITEM_ORDER = ["itemmetadata", "presentation", "resprocessing", "itemfeedback"]
FILES = ["course-qti12.zip", "module-02-demo-qti12.zip", "course-cc13.imscc", "module-02-demo-cc13.imscc",
         "course-moodle.xml", "course-gift.txt", "module-02-demo-moodle.xml", "module-02-demo-gift.txt"]


def _items(entries: dict[str, bytes], suffix: str = ".xml") -> dict[str, etree._Element]:
    items = {}
    for name, data in entries.items():
        if name.endswith(suffix) and name != "imsmanifest.xml" and not name.startswith("weblinks/"):
            for item in etree.fromstring(data).iter(f"{QTI}item"):
                items[item.get("ident")] = item
    return items


def _meta(item) -> dict[str, str]:
    return {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
            for f in item.iter(f"{QTI}qtimetadatafield")}


def _local(element) -> str:
    return etree.QName(element).localname


def _check_item_structure(item) -> None:
    order = [_local(c) for c in item]
    assert order == sorted(order, key=ITEM_ORDER.index), order
    feedback_ids = {f.get("ident") for f in item.iter(f"{QTI}itemfeedback")}
    for display in item.iter(f"{QTI}displayfeedback"):
        assert display.get("linkrefid") in feedback_ids


def _check_manifest(entries: dict[str, bytes], ns: str) -> etree._Element:
    manifest = etree.fromstring(entries["imsmanifest.xml"])
    listed = {f.get("href") for f in manifest.iter(f"{ns}file")}
    assert listed == set(entries) - {"imsmanifest.xml"}   # nothing missing, nothing unlisted
    ids = {r.get("identifier") for r in manifest.iter(f"{ns}resource")}
    for dependency in manifest.iter(f"{ns}dependency"):
        assert dependency.get("identifierref") in ids
    return manifest


def test_qti_package_round_trip(lms_build):
    entries = zip_entries(lms_build.file("course-qti12.zip"))
    manifest = _check_manifest(entries, CP)
    assert [r.get("type") for r in manifest.iter(f"{CP}resource")] == ["imsqti_xmlv1p2", "webcontent"]
    items = _items(entries)
    assert sorted(items) == sorted(expected.ALL)
    for item in items.values():
        _check_item_structure(item)
        meta = _meta(item)
        assert meta["points_possible"] == "1"
        assert guess_type(meta, item) == meta["question_type"]
        assert html_text(get_item_stem(item))
    for qid, (options, correct) in expected.CHOICES.items():
        choices = get_choices(items[qid])
        assert [html_text(text) for _ident, text in choices] == options
        assert _key(items[qid]) == {choices[i][0] for i in correct}
        # qti2latex's key reader also collects the feedback-only conditions (continue="Yes"),
        # as Canvas writes them: the key is a superset.
        assert get_correct_idents(items[qid]) >= _key(items[qid])
    tf = items["t-true-false"]
    assert [t for _i, t in get_choices(tf)] == ["True", "False"]
    assert _key(tf) == {"A"}


def _key(item) -> set[str]:
    """The choices that the scoring condition (SCORE set to 100) requires."""
    key = set()
    for condition in item.iter(f"{QTI}respcondition"):
        if condition.findtext(f"{QTI}setvar") == "100":
            for equal in condition.iter(f"{QTI}varequal"):
                if _local(equal.getparent()) != "not":
                    key.add(equal.text)
    return key


def test_qti_numeric_bounds(lms_build):
    items = _items(zip_entries(lms_build.file("course-qti12.zip")))
    for qid, (answer, tolerance, unit) in expected.NUMERIC.items():
        item = items[qid]
        assert item.find(f".//{QTI}render_fib").get("fibtype") == "Decimal"
        either = item.find(f".//{QTI}conditionvar/{QTI}or")
        assert float(either.findtext(f"{QTI}varequal")) == answer
        low = float(either.findtext(f"{QTI}and/{QTI}vargte"))
        high = float(either.findtext(f"{QTI}and/{QTI}varlte"))
        assert abs(low - (answer - tolerance)) < 1e-9 and abs(high - (answer + tolerance)) < 1e-9
        if unit:
            assert f"in {unit}," in html_text(get_item_stem(item))


def test_qti_multiple_answers_key(lms_build):
    item = _items(zip_entries(lms_build.file("course-qti12.zip")))["t-multiple"]
    both = item.find(f".//{QTI}conditionvar/{QTI}and")
    assert [v.text for v in both.findall(f"{QTI}varequal")] == ["A", "C"]
    assert [v.text for v in both.findall(f"{QTI}not/{QTI}varequal")] == ["B", "D"]
    assert item.find(f".//{QTI}response_lid").get("rcardinality") == "Multiple"


def test_qti_audio_is_a_package_file(lms_build):
    entries = zip_entries(lms_build.file("course-qti12.zip"))
    items = _items(entries)
    assert {qid for qid, item in items.items() if item.find(f".//{QTI}mataudio") is not None} == expected.AUDIO
    item = items["t-numeric-audio"]
    uri = item.find(f".//{QTI}mataudio").get("uri")
    assert uri.startswith("audio/") and uri.endswith(".mp3")
    assert f'src="{uri}"' in get_item_stem(item)
    assert entries[uri] == (lms_build.outdir / "_audio" / uri.split("/", 1)[1]).read_bytes()


def test_escaping_fixture_in_qti_and_cartridge(lms_build):
    for name in ("course-qti12.zip", "course-cc13.imscc"):
        item = _items(zip_entries(lms_build.file(name)))["t-escaping"]
        assert html_text(get_item_stem(item)) == expected.ESCAPED_PROMPT
        assert [html_text(t) for _i, t in get_choices(item)] == expected.CHOICES["t-escaping"][0]
        general = item.find(f".//{QTI}itemfeedback[@ident='general_fb']")
        assert expected.ESCAPED_EXPLANATION in html_text(general.findtext(f".//{QTI}mattext"))


def test_cartridge(lms_build, lms_linked):
    entries = zip_entries(lms_build.file("course-cc13.imscc"))
    manifest = _check_manifest(entries, CC)
    assert manifest.findtext(f"{CC}metadata/{CC}schemaversion") == "1.3.0"
    items = _items(entries)
    # The cartridge's QTI profile has no numeric items: those are left out (and reported).
    assert sorted(items) == sorted(set(expected.ALL) - set(expected.NUMERIC))
    profiles = {}
    for qid, item in items.items():
        _check_item_structure(item)
        meta = _meta(item)
        profiles[qid] = meta["cc_profile"]
    assert profiles["t-multiple"] == "cc.multiple_response.v0p1"
    assert profiles["t-short"] == "cc.essay.v0p1"
    listening = items[expected.LISTENING].find(f".//{QTI}mataudio").get("uri")
    assert listening.startswith("$IMS-CC-FILEBASE$/audio/")
    assert f"web_resources/audio/{listening.rsplit('/', 1)[1]}" in entries
    types = [r.get("type") for r in manifest.iter(f"{CC}resource")]
    assert "imsqti_xmlv1p2/imscc_xmlv1p3/question-bank" in types
    assert "imswl_xmlv1p3" not in types          # no site address: no lesson links
    linked = zip_entries(lms_linked.file("course-cc13.imscc"))
    links = sorted(etree.fromstring(d).find("{*}url").get("href") for n, d in linked.items()
                   if n.startswith("weblinks/"))
    assert links == ["https://course.example.org/modules/02-demo/index.html",
                     "https://course.example.org/modules/02-demo/lesson-a.html",
                     "https://course.example.org/modules/02-demo/lesson-b.html"]


@pytest.mark.parametrize("name", FILES)
def test_two_builds_are_byte_identical(lms_build, lms_rebuild, name):
    assert lms_build.file(name).read_bytes() == lms_rebuild.file(name).read_bytes()


def test_zip_metadata_is_fixed(lms_build):
    import zipfile

    for name in ("course-qti12.zip", "course-cc13.imscc"):
        with zipfile.ZipFile(lms_build.file(name)) as archive:
            infos = archive.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        assert {i.date_time for i in infos} and len({i.date_time for i in infos}) == 1
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
