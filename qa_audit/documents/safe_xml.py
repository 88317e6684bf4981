"""Parse XML parts without entity expansion, DTDs or network access (XML bombs, XXE)."""

from __future__ import annotations

from lxml import etree

from qa_audit.errors import BadDocument

UNSAFE = (b"<!DOCTYPE", b"<!ENTITY")


def parse_xml(data: bytes) -> etree._Element:
    if any(marker in data for marker in UNSAFE):
        raise BadDocument(
            "The Word document contains unsafe XML (entity declarations), so it was not opened."
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise BadDocument(
            "The Word document is damaged and cannot be opened. Save it again and re-upload it."
        ) from err
