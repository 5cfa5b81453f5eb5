"""IMS Common Cartridge 1.3 (``.imscc``): a course shell in one import.

The cartridge's organization has one folder per module holding a web link to each of its
lessons in the online edition (``html_baseurl``; without it the links are left out and the
build says so), and one question bank per module (resource type
``imsqti_xmlv1p2/imscc_xmlv1p3/question-bank``) in the QTI profile of Common Cartridge. The
listening clips are package files under ``web_resources/audio/``, referenced as
``$IMS-CC-FILEBASE$/audio/<name>``.

The cartridge's QTI profile knows multiple choice, multiple response, true/false,
fill-in-the-blank, pattern match and essay items, and no numeric item: a numeric question
(whose answer is a tolerance band) is left out of the cartridge and named in the build log;
the QTI 1.2 package carries it.
"""

from __future__ import annotations

from lxml import etree

from course.archive import zip_bytes
from lms.model import Bank, Context, Item, Outcome, common_problem, scope_slug, select
from lms.qti import QTI_NS, XSI_NS, E, item_element

FORMAT = "Common Cartridge 1.3"
CC_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1"
CC_XSD = "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imscp_v1p2_v1p0.xsd"
LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest"
RES_LOM_NS = "http://ltsc.ieee.org/xsd/imsccv1p3/LOM/resource"
WL_NS = "http://www.imsglobal.org/xsd/imsccv1p3/imswl_v1p3"
WL_XSD = "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_imswl_v1p3.xsd"
QTI_CC_XSD = "http://www.imsglobal.org/profile/cc/ccv1p3/ccv1p3_qtiasiv1p2p1_v1p0.xsd"
BANK_TYPE = "imsqti_xmlv1p2/imscc_xmlv1p3/question-bank"
WEBLINK_TYPE = "imswl_xmlv1p3"
FILEBASE = "$IMS-CC-FILEBASE$/audio"


def unsupported(item: Item) -> str | None:
    """Why *item* cannot be in the cartridge's question bank, or None."""
    problem = common_problem(item, carries_audio=True)
    if problem:
        return problem
    if item.type == "numeric":
        return ("the Common Cartridge QTI profile has no numeric question type (use the "
                "QTI 1.2 package, which keeps the tolerance)")
    return None


def _ns(root: etree._Element, ns: str) -> bytes:
    for element in root.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{ns}}}{element.tag}"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def bank_xml(ident: str, title: str, items: list[Item]) -> bytes:
    root = etree.Element("questestinterop", nsmap={None: QTI_NS, "xsi": XSI_NS},
                         attrib={f"{{{XSI_NS}}}schemaLocation": f"{QTI_NS} {QTI_CC_XSD}"})
    bank = E(root, "objectbank", ident=ident)
    metadata = E(bank, "qtimetadata")
    for label, entry in (("cc_profile", "cc.exam.v0p1"), ("qmd_title", title)):
        field = E(metadata, "qtimetadatafield")
        E(field, "fieldlabel", label)
        E(field, "fieldentry", entry)
    for item in items:
        bank.append(item_element(item, audio_base=FILEBASE, cc=True))
    return _ns(root, QTI_NS)


def weblink_xml(title: str, url: str) -> bytes:
    root = etree.Element("webLink", nsmap={None: WL_NS, "xsi": XSI_NS},
                         attrib={f"{{{XSI_NS}}}schemaLocation": f"{WL_NS} {WL_XSD}"})
    E(root, "title", title)
    E(root, "url", href=url, target="_blank")
    return _ns(root, WL_NS)


def export(bank: Bank, items: list[Item], ctx: Context, lessons: dict[str, list[tuple[str, str]]],
           title: str) -> tuple[bytes, Outcome]:
    """The cartridge of *items*; ``lessons``: ``{module group: [(docname, title), ...]}``."""
    from lms.qti import audio_files

    outcome = select(items, unsupported)
    entries: dict[str, bytes] = {}
    manifest = etree.Element("manifest", nsmap={None: CC_NS, "lomimscc": LOM_NS, "xsi": XSI_NS},
                             attrib={"identifier": "cc-" + title.lower().replace(" ", "-")[:40],
                                     f"{{{XSI_NS}}}schemaLocation": f"{CC_NS} {CC_XSD}"})
    metadata = E(manifest, "metadata")
    E(metadata, "schema", "IMS Common Cartridge")
    E(metadata, "schemaversion", "1.3.0")
    lom = etree.SubElement(metadata, f"{{{LOM_NS}}}lom")
    general = etree.SubElement(lom, f"{{{LOM_NS}}}general")
    lom_title = etree.SubElement(general, f"{{{LOM_NS}}}title")
    etree.SubElement(lom_title, f"{{{LOM_NS}}}string").text = title
    organization = E(E(manifest, "organizations"), "organization", identifier="org",
                     structure="rooted-hierarchy")
    root_item = E(organization, "item", identifier="root")
    resources = E(manifest, "resources")
    by_module: dict[str, list[Item]] = {}
    for item in outcome.included:
        by_module.setdefault(item.module, []).append(item)
    groups = list(dict.fromkeys([*lessons, *by_module]))
    for group in groups:
        slug = scope_slug(group)
        members = by_module.get(group, [])
        module_title = next((it.module_title for it in items if it.module == group), slug)
        folder = E(root_item, "item", identifier=f"m-{slug}")
        E(folder, "title", module_title)
        for n, (docname, lesson_title) in enumerate(lessons.get(group, []), 1):
            url = ctx.page_url(docname)
            if url is None:
                continue
            ident = f"wl-{slug}-{n:02d}"
            href = f"weblinks/{ident}.xml"
            entries[href] = weblink_xml(lesson_title, url)
            link = E(folder, "item", identifier=f"i-{ident}", identifierref=ident)
            E(link, "title", lesson_title)
            resource = E(resources, "resource", identifier=ident, type=WEBLINK_TYPE)
            E(resource, "file", href=href)
        if members:
            ident = f"qb-{slug}"
            href = f"{ident}/{ident}.xml"
            entries[href] = bank_xml(ident, f"{module_title}: questions", members)
            resource = E(resources, "resource", identifier=ident, type=BANK_TYPE)
            E(resource, "file", href=href)
            if any(m.audio is not None for m in members):
                E(resource, "dependency", identifierref="web-audio")
    audio = audio_files(outcome.included)
    if audio:
        resource = E(resources, "resource", identifier="web-audio", type="webcontent")
        for name in sorted(audio):
            href = f"web_resources/audio/{name}"
            E(resource, "file", href=href)
            entries[href] = audio[name]
    for element in manifest.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{CC_NS}}}{element.tag}"
    entries["imsmanifest.xml"] = etree.tostring(manifest, xml_declaration=True, encoding="UTF-8",
                                                pretty_print=True)
    return zip_bytes(entries), outcome
