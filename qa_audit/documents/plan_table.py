"""Read needs, outcomes and provision out of a plan table whose columns were recognised."""

from __future__ import annotations

from dataclasses import dataclass, field

from .blocks import Cell, Table
from .headings import area_heading, area_in, section_heading
from .items import split_items
from .matching import match_by_content
from .model import Need, Outcome, ProvisionItem
from .table_columns import Column, header_columns

FILL_DOWN_ROLES = frozenset({"aspiration", "area", "provision", "by_whom", "frequency"})
"""Roles whose empty cell repeats the cell above. An empty need cell is not filled: an outcome
beside it answers no need written in that row, a gap the golden thread check must see."""
DETAIL_ROLES = ("by_whom", "frequency")
"""Columns saying who delivers provision and how much (the ProvisionItem fields they fill)."""
HEALTH_AND_CARE_SECTIONS = frozenset({"C", "D", "G", "H1", "H2"})
HEADER_SEARCH_ROWS = 4


@dataclass
class TableContent:
    needs: list[Need] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    provision: list[ProvisionItem] = field(default_factory=list)
    aspirations: list[str] = field(default_factory=list)
    section_text: dict[str, tuple[str, list[str]]] = field(
        default_factory=dict
    )  # key -> title, paras
    area: str | None = None  # area named in a title row, for what follows the table


def find_header(table: Table) -> tuple[int, list[Column]] | None:
    for index in range(min(HEADER_SEARCH_ROWS, len(table.rows))):
        texts = [cell.text if cell else "" for cell in table.grid_row(index)]
        columns = header_columns(texts)
        if columns:
            return index, columns
    return None


def read_plan_table(table: Table, area: str | None) -> TableContent | None:
    """Content of a plan table, or None if ``table`` is not one. ``area`` is the current area."""
    header = find_header(table)
    if header is None:
        return None
    header_index, columns = header
    content = TableContent()
    if _health_and_care_only(columns):
        area = None  # areas of need are educational: a C | G | E table does not continue one
    for index in range(header_index):
        area = _title_area(table.grid_row(index)) or area
    content.area = area
    for column in columns:
        if column.section:
            content.section_text.setdefault(column.section, (column.title, []))
    previous: dict[int, str] = {}
    for index in range(header_index + 1, len(table.rows)):
        slots = table.grid_row(index)
        restart = _new_header(slots)
        if restart:  # a second table drawn flush against the first
            columns = restart
            for column in columns:
                if column.section:
                    content.section_text.setdefault(column.section, (column.title, []))
            previous.clear()
            continue
        title_area = _title_area(slots)
        if title_area or _is_title_row(slots):
            area = title_area or area
            previous.clear()
            continue
        _read_row(slots, columns, area, previous, content)
    return content


def _health_and_care_only(columns: list[Column]) -> bool:
    sections = {c.section for c in columns if c.role in ("need", "provision")}
    return bool(sections) and sections <= HEALTH_AND_CARE_SECTIONS


def _new_header(slots: list[Cell | None]) -> list[Column] | None:
    """Columns of a header row met inside a table: every filled cell must be a column label."""
    texts = [cell.text if cell else "" for cell in slots]
    columns = header_columns(texts)
    if columns and len(columns) == sum(1 for text in texts if text):
        return columns
    return None


def _is_title_row(slots: list[Cell | None]) -> bool:
    filled = [cell for cell in slots if cell is not None and cell.text]
    return len(filled) == 1 and filled[0].span > 1 and section_heading(filled[0].text) is not None


def _title_area(slots: list[Cell | None]) -> str | None:
    filled = [cell for cell in slots if cell is not None and cell.text]
    if len(filled) != 1:
        return None
    cell = filled[0]
    if cell.span > 1 or len(slots) == 1 or (slots[0] is cell and len(cell.text.split()) <= 8):
        return area_heading(cell.text)
    return None


def _read_row(
    slots: list[Cell | None],
    columns: list[Column],
    area: str | None,
    previous: dict[int, str],
    content: TableContent,
) -> None:
    values: dict[int, str] = {}
    fresh: dict[int, bool] = {}
    for column in columns:
        cell = slots[column.index] if column.index < len(slots) else None
        text = cell.text if cell is not None else ""
        continued = cell is None or cell.continued
        if not text and (continued or column.role in FILL_DOWN_ROLES):
            text = previous.get(column.index, "")
            fresh[column.index] = False
        else:
            fresh[column.index] = True
        values[column.index] = text
    previous.update(values)
    if not any(values[c.index] for c in columns if c.role in ("outcome", "need", "provision")):
        return
    by_role = _by_role(columns, values)
    row_area = area_in(by_role.get("area", "")) or area
    needs = _items(columns, values, "need")
    provision = _items(columns, values, "provision")
    for column, text in needs:
        _add_section_text(content, column, text, fresh[column.index])
        if fresh[column.index]:
            content.needs.append(Need(text, column.section or "B", row_area))
    details = _details(columns, values)
    for column, text in provision:
        if not fresh[column.index]:
            continue
        item = ProvisionItem(text, column.section or "F", row_area, **details)
        content.provision.append(item)
        _add_section_text(content, column, item.statement, True)
    aspiration = by_role.get("aspiration")
    if aspiration and aspiration not in content.aspirations:
        content.aspirations.append(aspiration)
    for column in columns:
        text = values[column.index]
        if column.role != "outcome" or not text or not fresh[column.index]:
            continue
        outcomes = split_items(text, outcomes=True)
        need_texts = [need for _, need in needs]
        paired = match_by_content(outcomes, need_texts)
        for outcome, match in zip(outcomes, paired, strict=True):
            need = match[0] if match else len(needs) - 1 if needs else None
            _add_section_text(content, column, outcome, True)
            content.outcomes.append(
                Outcome(
                    outcome,
                    need=needs[need][1] if need is not None else None,
                    need_linked_by="row" if need is not None else None,
                    provision=_provision_for(provision, need, len(needs)),
                    area=row_area,
                    term=column.term,
                    heading=column.title or None,
                )
            )


def _items(columns: list[Column], values: dict[int, str], role: str) -> list[tuple[Column, str]]:
    """The role's items in the row: one per cell, or one per list item of a cell that lists
    several."""
    return [
        (column, item)
        for column in columns
        if column.role == role and values[column.index]
        for item in split_items(values[column.index])
    ]


def _provision_for(
    provision: list[tuple[Column, str]], need: int | None, need_count: int
) -> str | None:
    """The row's provision for the outcome answering need number ``need``: the item in the same
    place when the cell lists one item per need, else the first."""
    if not provision:
        return None
    if need is not None and need_count == len(provision) > 1:
        return provision[need][1]
    return provision[0][1]


def _by_role(columns: list[Column], values: dict[int, str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for column in columns:
        if values[column.index] and column.role not in found:
            found[column.role] = values[column.index]
    return found


def _details(columns: list[Column], values: dict[int, str]) -> dict[str, str | None]:
    """Who delivers the row's provision and how much, joining columns of one kind ("Frequency"
    and "Duration")."""
    return {
        role: "; ".join(
            " ".join(values[c.index].split()) for c in columns if c.role == role and values[c.index]
        )
        or None
        for role in DETAIL_ROLES
    }


def _add_section_text(content: TableContent, column: Column, text: str, fresh: bool) -> None:
    if column.section and fresh:
        content.section_text.setdefault(column.section, (column.title, []))[1].append(text)
