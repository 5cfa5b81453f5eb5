# A one-page book that does not fit its pages (for tests/site/test_print.py).
project = "Overflow"
author = "Tests"
extensions = []
latex_engine = "xelatex"
latex_documents = [("index", "overflow.tex", "Overflow", "Tests", "howto")]
latex_elements = {
    "fontpkg": r"\setmainfont{FreeSerif}[Extension=.otf, UprightFont=*, BoldFont=*Bold, "
               r"ItalicFont=*Italic, BoldItalicFont=*BoldItalic]",
    "sphinxsetup": "hmargin={2.2cm,2.2cm}, vmargin={2.5cm,2.5cm}",  # as the course
}
