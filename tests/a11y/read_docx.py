"""Reads back each .docx that `csa publish` (and `csa report`) wrote, with
python-docx: the title is Word's "Title" and the headings are Word heading styles
that follow the .csa file's headings in order (the document's chapters "Heading 1";
a printed "Contents" list is left out); every paragraph, in the body and in table
cells, has a paragraph style, and "Normal" is the default; every table's first row
is a header row repeated on each page, and its grid gives each column a width;
lists are numbered lists, not typed bullets; the properties give the title, the
language, and created and modified dates that are not 1970.

    python3 read_docx.py target/a11y/kent-2022.docx ... [--report review.docx]

The .csa file is examples/NAME.csa for NAME.docx.
"""
from docx.oxml.ns import qn
import pathlib
import re
import sys

import docx
import docx.enum.style


def headings_of(csa: pathlib.Path):
    for line in csa.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(#{1,6})\s+(.*\S)", line)
        if m:
            yield len(m.group(1)), m.group(2)


def every_paragraph(document):
    """The paragraphs of the body and of every table cell."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def word_problems(document):
    """What makes Word misbehave: paragraphs without a style, tables without a
    repeated header row or column widths, typed bullets."""
    problems = []
    default = document.styles.default(docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    if default is None or default.name != "Normal":
        problems.append("Normal is not the default paragraph style")
    unstyled = [p for p in every_paragraph(document)
                if p._p.pPr is None or p._p.pPr.pStyle is None]
    if unstyled:
        problems.append(f"{len(unstyled)} paragraph(s) without a style")
    for i, table in enumerate(document.tables):
        first = table.rows[0]._tr
        trPr = first.find(qn("w:trPr"))
        if trPr is None or trPr.find(qn("w:tblHeader")) is None:
            problems.append(f"table {i + 1}: the first row is not a repeated header")
        grid = table._tbl.find(qn("w:tblGrid"))
        cols = [] if grid is None else grid.findall(qn("w:gridCol"))
        if not cols or any(int(c.get(qn("w:w"), "0")) <= 0 for c in cols):
            problems.append(f"table {i + 1}: no column widths in its grid")
    bullets = [p for p in every_paragraph(document) if p.style is not None and "Bullet" in p.style.name]
    if any(p._p.pPr.numPr is None for p in bullets):
        problems.append("a list item is not numbered")
    if any(p.text.startswith("• ") for p in every_paragraph(document)):
        problems.append("a typed bullet")
    props = document.core_properties
    if props.created is None or props.created.year == 1970 or props.modified is None or props.modified.year == 1970:
        problems.append(f"created {props.created}, modified {props.modified}")
    return problems, len(bullets)


def main(paths):
    failed = 0
    report = None
    if "--report" in paths:
        report = paths[paths.index("--report") + 1]
        paths = [p for p in paths if p not in ("--report", report)]
    for path in map(pathlib.Path, paths):
        document = docx.Document(str(path))
        title = document.core_properties.title
        found = [
            (int(p.style.name.split()[-1]), p.text)
            for p in document.paragraphs
            if p.style is not None and p.style.name.startswith("Heading")
        ]
        expected = [(level, text.replace("*", "")) for level, text in
                    headings_of(pathlib.Path("examples") / (path.stem + ".csa"))]
        # The title is the document's "Title" paragraph, not a heading again; the
        # printed contents list is left out.
        if expected and expected[0] == (1, title):
            expected = expected[1:]
        expected = [(level, text) for level, text in expected if text != "Contents"]
        problems = []
        first = document.paragraphs[0]
        if first.style.name != "Title" or first.text != title:
            problems.append(f"the first paragraph is {first.style.name} {first.text!r}, not the title")
        if [t for _, t in found] != [t for _, t in expected]:
            problems.append(f"headings differ: {len(found)} found, {len(expected)} in the .csa file")
        if [level for level, _ in found] != [level for level, _ in expected]:
            problems.append("heading levels differ")
        word, bullets = word_problems(document)
        problems += word
        if not document.tables:
            problems.append("no tables")
        if not document.core_properties.title:
            problems.append("no title in the document's properties")
        if document.core_properties.author == "unknown":
            problems.append("the author is given as 'unknown'")
        if document.core_properties.language != "en-GB":
            problems.append(f"language {document.core_properties.language!r}, not en-GB")
        for table in document.tables:
            if not table.rows or not any(c.text for c in table.rows[0].cells):
                problems.append("a table without a header row")
                break
        print(f"{path}: {len(found)} headings, {len(document.tables)} tables, {bullets} list items"
              + ("" if not problems else ": " + "; ".join(problems)))
        failed += bool(problems)
    if report:
        document = docx.Document(report)
        problems, bullets = word_problems(document)
        first = document.paragraphs[0]
        if first.style.name != "Title" or not first.text.startswith("Compliance review"):
            problems.append("the first paragraph is not the title")
        if document.paragraphs[1].style.name != "Heading 1" or document.paragraphs[1].text != "Status":
            problems.append("the status does not come first")
        print(f"{report}: {len(document.tables)} tables, {bullets} list items"
              + ("" if not problems else ": " + "; ".join(problems)))
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
