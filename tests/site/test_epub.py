"""The EPUB is a valid container holding every module."""

import zipfile


def test_epub_container(course):
    assert course.epub.exists(), course.warnings["epub"][-2000:]
    with zipfile.ZipFile(course.epub) as z:
        names = z.namelist()
        assert names[0] == "mimetype"
        assert z.read("mimetype") == b"application/epub+zip"
        assert "META-INF/container.xml" in names
        pages = [n for n in names if n.endswith(".xhtml")]
        if any(n.startswith("OEBPS/modules/") for n in pages):
            modules = {n.split("/")[2] for n in pages if n.startswith("OEBPS/modules/")}
        else:
            modules = {n.split("/")[1] for n in pages if n.startswith("modules/")}
        assert len(modules) == 12, modules
