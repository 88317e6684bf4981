"""Read a .docx body into blocks, in document order, with the text a reader would see.

The body XML is walked directly (not through python-docx) so that text inside content controls
(``w:sdt``) is kept, tracked changes read as if accepted, and merged cells are read once.
"""

from __future__ import annotations

import re

from lxml import etree

from qa_audit.errors import BadDocument

from .blocks import Block, Cell, Paragraph, Table
from .limits import Deadline, DocumentLimits
from .safe_xml import parse_xml
from .safe_zip import SafeZip

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = (
    w(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
T, TAB, BR, CR = w("t"), w("tab"), w("br"), w("cr")
DROPPED = (w("del"), w("moveFrom"), w("instrText"), w("delInstrText"), f"{{{MC}}}Fallback")
WRAPPERS = (SDT, CUSTOM_XML, w("ins"), w("moveTo"), w("smartTag"))
VAL = w("val")
HEADING_NAME = re.compile(r"^(?:heading|title)\s*(\d{0,2})$", re.IGNORECASE)


def read_docx(data: bytes, limits: DocumentLimits, deadline: Deadline) -> list[Block]:
    archive = SafeZip(data, limits)
    document = archive.read("word/document.xml")
    if document is None:
        raise BadDocument("The Word document has no body text and cannot be read.")
    styles_xml = archive.read("word/styles.xml")
    styles = _style_levels(parse_xml(styles_xml, limits)) if styles_xml else {}
    deadline.check()
    root = parse_xml(document, limits)
    deadline.check()
    body = root.find(w("body"))
    if body is None:
        raise BadDocument("The Word document has no body text and cannot be read.")
    for row in list(body.iterfind(f".//{TR}/{w('trPr')}/{w('del')}/../..")):
        row.getparent().remove(row)
    etree.strip_elements(body, *DROPPED, with_tail=False)
    return _BodyReader(styles, deadline).blocks(body)


def _number(element: etree._Element | None, default: int) -> int:
    """The element's ``w:val`` as a number, or ``default`` when it is missing or is not a number
    Word would write (files can hold "²", which is a digit to Python but not a number)."""
    value = element.get(VAL, "") if element is not None else ""
    return int(value) if value.isascii() and value.isdecimal() and len(value) < 10 else default


def _style_levels(styles: etree._Element) -> dict[str, tuple[int | None, bool]]:
    """styleId -> (heading level, is a list style)."""
    found: dict[str, tuple[int | None, bool]] = {}
    for style in styles.iter(w("style")):
        name_el = style.find(w("name"))
        name = name_el.get(VAL, "") if name_el is not None else ""
        level: int | None = None
        match = HEADING_NAME.match(name.strip())
        if match:
            level = int(match.group(1) or 1)
        outline = _number(style.find(f"{w('pPr')}/{w('outlineLvl')}"), 9)
        if level is None:
            level = outline + 1 if outline < 9 else None
        listed = "list" in name.lower() or style.find(f"{w('pPr')}/{w('numPr')}") is not None
        found[style.get(w("styleId"), "")] = (level, listed)
    return found


class _BodyReader:
    def __init__(self, styles: dict[str, tuple[int | None, bool]], deadline: Deadline) -> None:
        self._styles = styles
        self._deadline = deadline

    def blocks(self, container: etree._Element) -> list[Block]:
        out: list[Block] = []
        for child in container:
            self._deadline.check()
            tag = child.tag
            if tag == P:
                out.append(self.paragraph(child))
            elif tag == TBL:
                out.append(self.table(child))
            elif tag in WRAPPERS:
                inner = child.find(SDT_CONTENT) if tag == SDT else child
                if inner is not None:
                    out.extend(self.blocks(inner))
        return out

    def paragraph(self, element: etree._Element) -> Paragraph:
        pieces: list[str] = []
        for node in element.iter(T, TAB, BR, CR):
            if node.tag == T:
                pieces.append(node.text or "")
            else:
                pieces.append(" " if node.tag == TAB else "\n")
        text = "\n".join(" ".join(line.split()) for line in "".join(pieces).split("\n"))
        level, listed = None, False
        properties = element.find(w("pPr"))
        if properties is not None:
            style = properties.find(w("pStyle"))
            if style is not None:
                level, listed = self._styles.get(style.get(VAL, ""), (None, False))
            outline = _number(properties.find(w("outlineLvl")), 9)
            level = outline + 1 if outline < 9 else level
            listed = listed or properties.find(w("numPr")) is not None
        return Paragraph(text.strip(), heading=level, listed=listed)

    def table(self, element: etree._Element) -> Table:
        table = Table()
        for row in self._unwrap(element, TR):
            cells = []
            for cell in self._unwrap(row, TC):
                merge = cell.find(f"{w('tcPr')}/{w('vMerge')}")
                continued = merge is not None and merge.get(VAL, "continue") == "continue"
                width = _number(cell.find(f"{w('tcPr')}/{w('gridSpan')}"), 1)
                blocks = [] if continued else self.blocks(cell)
                cells.append(Cell(blocks=blocks, continued=continued, span=max(1, min(width, 64))))
            table.rows.append(cells)
        return table

    def _unwrap(self, element: etree._Element, wanted: str) -> list[etree._Element]:
        """Children with tag ``wanted``, looking through content controls and wrappers."""
        found: list[etree._Element] = []
        for child in element:
            if child.tag == wanted:
                found.append(child)
            elif child.tag in WRAPPERS:
                inner = child.find(SDT_CONTENT) if child.tag == SDT else child
                if inner is not None:
                    found.extend(self._unwrap(inner, wanted))
        return found
