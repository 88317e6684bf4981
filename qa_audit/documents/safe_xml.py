"""Parse XML parts without entity expansion, DTDs or network access (XML bombs, XXE), and
without building a tree larger than the limits allow (memory)."""

from __future__ import annotations

from lxml import etree

from qa_audit.errors import BadDocument

from .limits import DocumentLimits

UNSAFE = (b"<!DOCTYPE", b"<!ENTITY")


def parse_xml(data: bytes, limits: DocumentLimits) -> etree._Element:
    if any(marker in data for marker in UNSAFE):
        raise BadDocument(
            "The Word document contains unsafe XML (entity declarations), so it was not opened."
        )
    if data.count(b"<") > limits.max_xml_tags:  # every element has at least one tag
        raise BadDocument(
            f"The Word document holds more than {limits.max_xml_tags:,} pieces of formatting, "
            "far more than a plan needs. It may be damaged or unsafe."
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
