"""Reads back each .docx that `csa publish` wrote, with python-docx: headings are
Word heading styles and follow the .csa file's headings in order, the structured
parts are real tables, and the properties give the title and the language.

    python3 read_docx.py target/a11y/kent-2022.docx ...

The .csa file is examples/NAME.csa for NAME.docx.
"""
import pathlib
import re
import sys

import docx


def headings_of(csa: pathlib.Path):
    for line in csa.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(#{1,6})\s+(.*\S)", line)
        if m:
            yield len(m.group(1)), m.group(2)


def main(paths):
    failed = 0
    for path in map(pathlib.Path, paths):
        document = docx.Document(str(path))
        found = [
            (int(p.style.name.split()[-1]), p.text)
            for p in document.paragraphs
            if p.style is not None and p.style.name.startswith("Heading")
        ]
        expected = list(headings_of(pathlib.Path("examples") / (path.stem + ".csa")))
        problems = []
        if [t for _, t in found] != [t.replace("*", "") for _, t in expected]:
            problems.append(f"headings differ: {len(found)} found, {len(expected)} in the .csa file")
        if [level for level, _ in found] != [level for level, _ in expected]:
            problems.append("heading levels differ")
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
        print(f"{path}: {len(found)} headings, {len(document.tables)} tables"
              + ("" if not problems else ": " + "; ".join(problems)))
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
