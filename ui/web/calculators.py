"""Calculator forms generated from the tool registry's JSON schemas.

A new tool in the registry gets a tab without UI code: numbers become number inputs,
booleans checkboxes, enums dropdowns, lists of numbers a comma-separated text box, and
lists of records (courses) an editable table. The form only collects values; the tool
validates them, so the messages are the tool's own, in kk / ru / en.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from tools import registry


@dataclass(frozen=True)
class FormField:
    name: str
    kind: str  # number | integer | boolean | choice | text | numbers | records
    required: bool
    default: Any = None
    choices: tuple[str, ...] = ()
    description: str = ""
    columns: tuple[str, ...] = ()  # records: item properties
    column_types: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None

    @property
    def hint(self) -> str:
        """The allowed range, e.g. "0–100", shown as the input's placeholder."""
        low, high = (_plain(v) for v in (self.minimum, self.maximum))
        if low is not None and high is not None:
            return f"{low}–{high}"
        if low is not None:
            return f"≥ {low}"
        return ""


def _plain(value: float | None) -> str | None:
    if value is None:
        return None
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class Form:
    tool: str
    fields: list[FormField] = field(default_factory=list)


def _kind(schema: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The form kind of one property and the schema that decided it (anyOf unwrapped)."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    node = {**schema, **options[0]} if options else schema
    kind = node.get("type")
    if "enum" in node:
        return "choice", node
    if kind == "array":
        items = node.get("items", {})
        return ("records" if items.get("type") == "object" else "numbers"), node
    return {"number": "number", "integer": "integer", "boolean": "boolean"}.get(kind, "text"), node


def form_for(tool: str) -> Form:
    schema = registry.parameters(tool)
    required = set(schema.get("required", []))
    fields = []
    for name, prop in schema.get("properties", {}).items():
        kind, node = _kind(prop)
        columns: tuple[str, ...] = ()
        types: tuple[str, ...] = ()
        if kind == "records":
            props = node["items"].get("properties", {})
            order = sorted(props, key=lambda p: (p != "name", list(props).index(p)))
            columns = tuple(order)
            types = tuple(_kind(props[c])[0] for c in columns)
        fields.append(
            FormField(
                name=name,
                kind=kind,
                required=name in required,
                default=prop.get("default"),
                choices=tuple(node.get("enum", ())),
                description=prop.get("description", ""),
                columns=columns,
                column_types=types,
                minimum=node.get("minimum"),
                maximum=node.get("maximum"),
            )
        )
    return Form(tool, fields)


# The calculators students reach for first during registration week lead the tabs.
FIRST = ("final_grade", "gpa", "exam_admission", "retake_path", "summer_semester")


def forms() -> list[Form]:
    names = registry.names()
    ordered = [n for n in FIRST if n in names] + [n for n in names if n not in FIRST]
    return [form_for(name) for name in ordered]


# --- from widget values to tool arguments -----------------------------------------------


def _number(value: Any) -> Any:
    """A widget's number as the tool expects it; text that is no number passes through
    unchanged so the tool can name the problem."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip().replace(",", ".")
        try:
            value = float(text)
        except ValueError:
            return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)  # 72.0 from a number widget is the 72 the user typed
    return value


def parse_numbers(text: Any) -> list[Any] | None:
    if text is None:
        return None
    tokens = [t for t in re.split(r"[;,\s]+", str(text).strip()) if t]
    return [_number(t) for t in tokens] or None


def _rows(value: Any) -> list[list[Any]]:
    if value is None:
        return []
    if hasattr(value, "values") and hasattr(value, "columns"):  # a pandas DataFrame
        return value.values.tolist()
    if isinstance(value, dict) and "data" in value:
        return list(value["data"])
    return list(value)


def parse_records(value: Any, spec: FormField) -> list[dict[str, Any]] | None:
    records = []
    for row in _rows(value):
        record = {}
        for column, kind, cell in zip(spec.columns, spec.column_types, row, strict=False):
            if cell is None or (isinstance(cell, float) and cell != cell):  # NaN: empty cell
                continue
            if isinstance(cell, str) and not cell.strip():
                continue
            if kind in ("number", "integer"):
                record[column] = _number(cell)
            else:
                record[column] = cell.strip() if isinstance(cell, str) else cell
        if record:
            records.append(record)
    return records or None


def arguments(form: Form, values: list[Any]) -> dict[str, Any]:
    """Tool arguments from the widgets' values; empty optional inputs are left out."""
    args: dict[str, Any] = {}
    for spec, value in zip(form.fields, values, strict=True):
        if spec.kind in ("number", "integer"):
            value = _number(value)
        elif spec.kind == "numbers":
            value = parse_numbers(value)
        elif spec.kind == "records":
            value = parse_records(value, spec)
        elif spec.kind == "text" and isinstance(value, str):
            value = value.strip() or None
        if value is None:
            continue
        args[spec.name] = value
    return args
