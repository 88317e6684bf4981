"""Parse XML parts without entity expansion, DTDs or network access (XML bombs, XXE), and
without building a tree larger than the limits allow (memory).

The parser itself never loads a DTD, resolves an entity or reaches the network; on top of that,
a part that declares a document type at all is refused, judged from the parsed document (so in
whatever encoding it is written) rather than by searching its bytes. Word never writes one.
"""

from __future__ import annotations

from lxml import etree

from qa_audit.errors import BadDocument

from .limits import DocumentLimits

UNSAFE = "The Word document contains unsafe XML (entity declarations), so it was not opened."
DAMAGED = "The Word document is damaged and cannot be opened. Save it again and re-upload it."


def parse_xml(data: bytes, limits: DocumentLimits) -> etree._Element:
    # Every element has at least one "<"; in UTF-16 the byte still appears once per character.
    if data.count(b"<") > limits.max_xml_tags:
        raise BadDocument(
            f"The Word document holds more than {limits.max_xml_tags:,} pieces of formatting, "
            "far more than a plan needs. It may be damaged or unsafe."
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        raise BadDocument(DAMAGED) from err
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise BadDocument(UNSAFE)
    return root
