"""IMS QTI 1.2 content package (ZIP): Canvas Classic Quizzes, D2L Brightspace, Blackboard.

The package holds ``imsmanifest.xml`` (IMS Content Packaging 1.1), one QTI 1.2
``questestinterop`` file per module (one ``<assessment>``, one ``<section>`` per lesson) and
the listening clips under ``audio/`` as package files, listed in the manifest and played by
an ``<audio>`` element in the prompt's HTML (``mattext texttype="text/html"``) plus a QTI
``<mataudio>``. Items follow the structure Canvas writes and reads (``question_type`` in the
item metadata, ``response1``, ``general_fb`` and per-answer ``<ident>_fb`` feedback):

=============  ===========================================================================
course type    QTI 1.2 item
=============  ===========================================================================
single         ``multiple_choice_question``: ``response_lid`` Single, SCORE 100 on the key
listening      the same, with the clip
multiple       ``multiple_answers_question``: ``response_lid`` Multiple; the key is "these
               and not those" (``<and>``/``<not>``); the LMS applies its partial credit
true-false     ``true_false_question``: choices True and False
numeric        ``numerical_question``: ``response_str``/``render_fib`` Decimal; correct is
               exactly the answer or within [answer - tolerance, answer + tolerance]
               (``<or>``, ``vargte``/``varlte``); the unit is in the prompt
short          ``essay_question`` (graded by hand; model answer in the general feedback)
=============  ===========================================================================
"""

from __future__ import annotations

from lxml import etree

from course.archive import zip_bytes
from lms.model import Bank, Context, Item, Outcome, common_problem, format_number, select

FORMAT = "QTI 1.2"
QTI_NS = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
AUDIO_FOLDER = "audio"

CANVAS_TYPES = {"single": "multiple_choice_question", "listening": "multiple_choice_question",
                "multiple": "multiple_answers_question", "true-false": "true_false_question",
                "numeric": "numerical_question", "short": "essay_question"}
CC_PROFILES = {"single": "cc.multiple_choice.v0p1", "listening": "cc.multiple_choice.v0p1",
               "multiple": "cc.multiple_response.v0p1", "true-false": "cc.true_false.v0p1",
               "short": "cc.essay.v0p1"}


def unsupported(item: Item) -> str | None:
    """Why *item* cannot be written as QTI 1.2, or None."""
    return common_problem(item, carries_audio=True)


def E(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:  # noqa: N802
    """A QTI element (no namespace prefix: the default namespace is set on the root)."""
    element = etree.Element(tag, **attrs) if parent is None else etree.SubElement(parent, tag, **attrs)
    if text is not None:
        element.text = text
    return element


def _material(parent: etree._Element, html_text: str, audio: tuple[str, str] | None = None) -> None:
    material = E(parent, "material")
    E(material, "mattext", html_text, texttype="text/html")
    if audio is not None:
        E(material, "mataudio", audiotype=audio[1], uri=audio[0])


def _metadata(item_el: etree._Element, fields: dict[str, str]) -> None:
    qtimetadata = E(E(item_el, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        field = E(qtimetadata, "qtimetadatafield")
        E(field, "fieldlabel", label)
        E(field, "fieldentry", entry)


def _feedback(item_el: etree._Element, ident: str, html_text: str) -> None:
    E(E(item_el, "itemfeedback", ident=ident), "flow_mat").append(_mat(html_text))


def _mat(html_text: str) -> etree._Element:
    material = etree.Element("material")
    E(material, "mattext", html_text, texttype="text/html")
    return material


def audio_html(item: Item, href: str) -> str:
    from course.player import player_html

    assert item.audio is not None
    return "<p>" + player_html(href, label=item.audio.title, css_class=None,
                               fallback=f"{item.audio.title} ({item.audio.name})") + "</p>"


def item_element(item: Item, *, audio_base: str = AUDIO_FOLDER, cc: bool = False) -> etree._Element:  # noqa: C901
    """The ``<item>`` of one question (``cc``: the Common Cartridge profile's metadata)."""
    item_el = E(None, "item", ident=item.id, title=item.name)
    fields = {"question_type": CANVAS_TYPES[item.type], "points_possible": "1"}
    if cc:
        fields = {"cc_profile": CC_PROFILES[item.type], "cc_weighting": "1"}
    _metadata(item_el, fields)
    presentation = E(item_el, "presentation")
    prompt = item.prompt_html
    audio = None
    if item.audio is not None:
        href = f"{audio_base}/{item.audio.name}"
        prompt += audio_html(item, href)
        audio = (href, item.audio.mime)
    if item.type == "numeric":
        prompt += f"<p><em>{_esc(item.hint)}</em></p>"
    _material(presentation, prompt, audio)
    resprocessing = etree.Element("resprocessing")
    E(E(resprocessing, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE",
      vartype="Decimal")
    general = E(resprocessing, "respcondition", **{"continue": "Yes"})
    E(E(general, "conditionvar"), "other")
    E(general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb")
    if item.type in ("single", "listening", "multiple", "true-false"):
        multiple = item.type == "multiple"
        lid = E(presentation, "response_lid", ident="response1",
                rcardinality="Multiple" if multiple else "Single")
        choice_el = E(lid, "render_choice", shuffle="No")
        for choice in item.choices:
            label = E(choice_el, "response_label", ident=choice.letter)
            label.append(_mat(choice.html if item.type != "true-false" else choice.text))
            cond = E(resprocessing, "respcondition", **{"continue": "Yes"})
            E(E(cond, "conditionvar"), "varequal", choice.letter, respident="response1")
            E(cond, "displayfeedback", feedbacktype="Response", linkrefid=f"{choice.letter}_fb")
        key = E(resprocessing, "respcondition", **{"continue": "No"})
        condvar = E(key, "conditionvar")
        if multiple:
            both = E(condvar, "and")
            for choice in item.choices:
                if choice.correct:
                    E(both, "varequal", choice.letter, respident="response1")
                else:
                    E(E(both, "not"), "varequal", choice.letter, respident="response1")
        else:
            right = next(c for c in item.choices if c.correct)
            E(condvar, "varequal", right.letter, respident="response1")
        E(key, "setvar", "100", action="Set", varname="SCORE")
        E(key, "displayfeedback", feedbacktype="Response", linkrefid="correct_fb")
    elif item.type == "numeric":
        assert item.answer is not None and item.tolerance is not None
        string = E(presentation, "response_str", ident="response1", rcardinality="Single")
        E(E(string, "render_fib", fibtype="Decimal"), "response_label", ident="answer1")
        key = E(resprocessing, "respcondition", **{"continue": "No"})
        either = E(E(key, "conditionvar"), "or")
        E(either, "varequal", item.answer_text or format_number(item.answer), respident="response1")
        within = E(either, "and")
        E(within, "vargte", format_number(item.answer - item.tolerance), respident="response1")
        E(within, "varlte", format_number(item.answer + item.tolerance), respident="response1")
        E(key, "setvar", "100", action="Set", varname="SCORE")
        E(key, "displayfeedback", feedbacktype="Response", linkrefid="correct_fb")
    else:  # essay
        string = E(presentation, "response_str", ident="response1", rcardinality="Single")
        E(E(string, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    item_el.append(resprocessing)
    _feedback(item_el, "general_fb", item.general_feedback_html)
    if item.type != "short":
        _feedback(item_el, "correct_fb", "<p><strong>Correct.</strong></p>")
    for choice in item.choices:
        _feedback(item_el, f"{choice.letter}_fb", choice.feedback_html)
    return item_el


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def _root(tag: str, ns: str, xsd: str) -> etree._Element:
    return etree.Element(tag, nsmap={None: ns, "xsi": XSI_NS},
                         attrib={f"{{{XSI_NS}}}schemaLocation": f"{ns} {xsd}"})


def _serialize(root: etree._Element) -> bytes:
    _namespace(root, root.nsmap[None])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _namespace(root: etree._Element, ns: str) -> None:
    """Put every un-namespaced element into the root's default namespace."""
    for element in root.iter():
        if isinstance(element.tag, str) and not element.tag.startswith("{"):
            element.tag = f"{{{ns}}}{element.tag}"


def assessment_xml(ident: str, title: str, items: list[Item]) -> bytes:
    """One ``questestinterop`` with one assessment, a section per lesson."""
    root = _root("questestinterop", QTI_NS, QTI_XSD)
    assessment = E(root, "assessment", ident=ident, title=title)
    section = E(assessment, "section", ident="root_section")
    lesson = None
    current = section
    for item in items:
        if item.lesson_title != lesson:
            lesson = item.lesson_title
            current = E(section, "section", ident=f"{ident}-s{len(section)}", title=lesson)
        current.append(item_element(item))
    return _serialize(root)


def audio_files(items: list[Item]) -> dict[str, bytes]:
    """``{name: bytes}`` of the clips of the listening items."""
    return {it.audio.name: it.audio.path.read_bytes() for it in items
            if it.audio is not None and it.audio.path is not None}


def export(bank: Bank, items: list[Item], ctx: Context) -> tuple[bytes, Outcome]:
    """The QTI 1.2 package (ZIP) of *items* (one assessment per module), and what it holds."""
    outcome = select(items, unsupported)
    entries: dict[str, bytes] = {}
    manifest = _root("manifest", CP_NS, CP_XSD)
    manifest.set("identifier", "manifest-" + (items[0].module.replace("/", "-") if items else "empty"))
    metadata = E(manifest, "metadata")
    E(metadata, "schema", "IMS Content")
    E(metadata, "schemaversion", "1.1.3")
    E(manifest, "organizations")
    resources = E(manifest, "resources")
    audio = audio_files(outcome.included)
    modules: dict[str, list[Item]] = {}
    for item in outcome.included:
        modules.setdefault(item.module, []).append(item)
    for group, members in modules.items():
        from lms.model import scope_slug

        slug = scope_slug(group)
        href = f"{slug}.xml"
        entries[href] = assessment_xml(slug, members[0].module_title, members)
        resource = E(resources, "resource", identifier=f"res-{slug}", type="imsqti_xmlv1p2", href=href)
        E(resource, "file", href=href)
        if any(m.audio is not None for m in members):
            E(resource, "dependency", identifierref="res-audio")
    if audio:
        resource = E(resources, "resource", identifier="res-audio", type="webcontent")
        for name in sorted(audio):
            E(resource, "file", href=f"{AUDIO_FOLDER}/{name}")
            entries[f"{AUDIO_FOLDER}/{name}"] = audio[name]
    entries["imsmanifest.xml"] = _serialize(manifest)
    return zip_bytes(entries), outcome
