"""Refresh and compile the UI translations.

Chinese is the source language (the strings in tr() calls); English lives in
resources/i18n/gongkai_en.ts. This script runs pyside6-lupdate over ui/ (keeping existing
translations) and pyside6-lrelease to produce the shipped .qm.

pyside6-lupdate only understands ``self.tr("…")``, ``QT_TRANSLATE_NOOP("Ctx", "…")`` and
``QCoreApplication.translate("Ctx", "…")`` written out with literals. The UI also translates
strings in ways it cannot see, so an AST pass finds them and feeds them to lupdate through a
generated file of plain ``QCoreApplication.translate("Ctx", "…")`` calls:

* module-level wrappers ``def tr(text): return QCoreApplication.translate("Ctx", text)`` (lupdate
  files their calls under the empty context, where the runtime never looks);
* local aliases ``tr = QCoreApplication.translate`` (lupdate reads ``tr("Ctx", "text")`` as a
  source "Ctx" with comment "text");
* a context held in a module constant (``CTX = "RequestsPage"``);
* label dictionaries translated by lookup (``translate("SyncPage", OP_LABELS[op])``), also when the
  dictionary is imported from ``app``;
* table headers ``Column("…", …)``, translated by RecordTableModel in the context it is given;
* the few dynamic labels listed in ``DYNAMIC`` below.

Messages lupdate misfiled under the empty context for these call sites are dropped.

What app/ hands to the window is extracted from app/ itself (``app_labels``): every template of
app/messages.py (context "Messages"), the write confirmations of app/changes.py ("Changes"), the
literal labels, questions and reasons of the ``action(...)``/``Action(...)`` calls in app/
("Actions", translated by ui/actions.py), and the fixed words listed in ``LABEL_SOURCES``
("Labels", translated with ``ui.i18n.label``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EXTRA = ROOT / "resources" / "i18n" / "_extra_sources.py"

#: (context, module file, dict name, index of the label among the value's call arguments)
DYNAMIC = [
    # RequestsPage shows one button per next transition, labelled with Edge.action.
    ("RequestsPage", "app/requests/rules.py", "TRANSITIONS", 1),
    # The item detail labels every field with tr(FIELD_LABELS[...]).
    ("CataloguePage", "ui/pages/catalogue_page.py", "FIELD_LABELS", None),
    # Annual-report table: one column per applicant kind, then the total (Column(label) in a loop).
    ("RequestsPage", "app/requests/rules.py", "APPLICANT_KINDS", None),
]
#: app/'s fixed words the window shows through ``ui.i18n.label`` (context "Labels"): module, name,
#: and how to get the words from the value (a dict's values, an attribute of each item, a pair's second).
LABEL_SOURCES = [
    ("Labels", "app.notices.templates", "TEMPLATES", "name"),
    ("Labels", "app.requests.rules", "CHANNELS", "label"),
    ("Labels", "app.requests.rules", "ANSWER_LABELS", ""),
    ("Labels", "app.events.values", "BUILTIN_TYPES", 1),
    ("Labels", "app.events.values", "STATUS_LABELS", ""),
    ("Labels", "app.events.values", "INVITED_ROLES", ""),
    # Words Today's messages carry as Label arguments (context "Messages"): the reminder kinds and
    # the statutory rules as seeded (an administrator's correction of a rule shows as written).
    ("Messages", "app.requests.values", "REMINDER_KINDS", ""),
    ("Messages", "app.requests.rules", "RULE_SEEDS", "basis"),
    # A refused permission (app/authz.py: refusal_message): the roles that may, and the action.
    ("Messages", "app.users", "ROLE_LABELS", ""),
    ("Messages", "app.authz", "PERMISSIONS", "action"),
    ("Messages", "app.requests.rules", "TRANSITIONS", "action"),
]

#: (context, text) translated at run time from values no dictionary holds.
LITERALS = [("RequestsPage", "总计")]

#: ``obj.tr("…")`` on a variable: lupdate files it under the variable's name; the runtime uses its class.
OBJECT_TR = {("ui/launcher.py", "dialog"): "FirstRunDialog"}

#: Dynamic translate() calls whose texts are extracted elsewhere (NOOP markers, Column, DYNAMIC).
COVERED = {
    "ui/main_window.py: spec.title",
    "ui/pages/placeholder.py: str(COMING[key])",
    "ui/pages/requests_page.py: label",
    "ui/table_model.py: context",
    "ui/today/list_model.py: spec.title",
    "ui/calendar/grid.py: str(WEEKDAYS[weekday])",
    "ui/kiosk/events.py: str(WEEKDAYS[d.weekday()])",
}


@dataclass(frozen=True)
class Found:
    context: str
    text: str
    numerus: bool
    origin: str  # "file:line", written as a comment into the generated file


def _is_translate(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "translate"
        and isinstance(node.value, ast.Name)
        and node.value.id == "QCoreApplication"
    )


def _module_file(module: str) -> Path | None:
    path = ROOT / Path(*module.split("."))
    for candidate in (path.with_suffix(".py"), path / "__init__.py"):
        if candidate.exists():
            return candidate
    return None


def _assignments(tree: ast.Module) -> dict[str, ast.expr]:
    out: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            out[node.targets[0].id] = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            out[node.target.id] = node.value
    return out


def _dict_strings(path: Path, name: str, arg_index: int | None = None) -> list[str]:
    """String values of the module-level dict ``name`` in ``path`` (following one import)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    value = _assignments(tree).get(name)
    if value is None:
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and node.module and any(a.name == name for a in node.names):
                target = _module_file(node.module)
                return _dict_strings(target, name, arg_index) if target else []
        return []
    if not isinstance(value, ast.Dict):
        return []
    values: list[ast.expr] = []
    for v in value.values:
        if isinstance(v, ast.DictComp):  # {**{k: Edge(...) for ...}}
            values.append(v.value)
        elif isinstance(v, ast.Dict):
            values.extend(v.values)
        else:
            values.append(v)
    out = []
    for v in values:
        if arg_index is not None and isinstance(v, ast.Call) and len(v.args) > arg_index:
            v = v.args[arg_index]
        if isinstance(v, ast.Constant) and isinstance(v.value, str):
            out.append(v.value)
    return out


class _Scanner:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.rel = str(path.relative_to(ROOT))
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.assigns = _assignments(self.tree)
        self.found: list[Found] = []
        self.misfiled: set[int] = set()  # lines whose calls lupdate files under the empty context
        self.unresolved: list[str] = []
        self.wrappers = self._wrappers()

    def _str(self, node: ast.expr | None) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            value = self.assigns.get(node.id)
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                return value.value
        return None

    def _wrappers(self) -> dict[str, str]:
        out = {}
        self.wrapper_params: set[str] = set()
        for node in self.tree.body:
            if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1 or len(node.body) != 1:
                continue
            ret = node.body[0]
            if (
                isinstance(ret, ast.Return)
                and isinstance(ret.value, ast.Call)
                and _is_translate(ret.value.func)
                and len(ret.value.args) == 2
                and isinstance(ret.value.args[1], ast.Name)
                and ret.value.args[1].id == node.args.args[0].arg
            ):
                ctx = self._str(ret.value.args[0])
                if ctx is not None:
                    out[node.name] = ctx
                    self.wrapper_params.add(node.args.args[0].arg)
        return out

    def _add(self, ctx: str, text: str, numerus: bool, node: ast.AST) -> None:
        self.found.append(Found(ctx, text, numerus, f"{self.rel}:{node.lineno}"))

    def _lookup_dict(self, node: ast.expr) -> str | None:
        """``D[...]`` or ``D.get(...)``: the dict's name."""
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name):
            return node.value.id
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and isinstance(node.func.value, ast.Name)
        ):
            return node.func.value.id
        return None

    def scan(self) -> None:
        aliases: set[str] = set()
        for node in ast.walk(self.tree):
            if (
                isinstance(node, ast.Assign)
                and _is_translate(node.value)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
            ):
                aliases.add(node.targets[0].id)
        # lupdate does not look inside f-strings: self.tr("…") there belongs to the enclosing class.
        for cls in ast.walk(self.tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for joined in ast.walk(cls):
                if not isinstance(joined, ast.JoinedStr):
                    continue
                for call in ast.walk(joined):
                    if (
                        isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute)
                        and call.func.attr == "tr"
                        and isinstance(call.func.value, ast.Name)
                        and call.func.value.id == "self"
                        and call.args
                        and isinstance(call.args[0], ast.Constant)
                    ):
                        self._add(cls.name, str(call.args[0].value), len(call.args) >= 3, call)
        model_contexts: set[str] = set()
        headers: list[ast.Call] = []
        # Subclasses of RecordTableModel pass their context on through super().__init__(columns, ctx, ...).
        for cls in ast.walk(self.tree):
            if not isinstance(cls, ast.ClassDef) or not any(
                "RecordTableModel" in ast.unparse(base) for base in cls.bases
            ):
                continue
            for call in ast.walk(cls):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "__init__"
                    and isinstance(call.func.value, ast.Call)
                    and isinstance(call.func.value.func, ast.Name)
                    and call.func.value.func.id == "super"
                ):
                    ctx_node = call.args[1] if len(call.args) > 1 else None
                    for kw in call.keywords:
                        if kw.arg == "context":
                            ctx_node = kw.value
                    ctx = self._str(ctx_node) if ctx_node is not None else "Table"
                    if ctx is not None:
                        model_contexts.add(ctx)
        for node in ast.walk(self.tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else None
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "tr"
                and isinstance(func.value, ast.Name)
                and (self.rel, func.value.id) in OBJECT_TR
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                self._add(OBJECT_TR[(self.rel, func.value.id)], str(node.args[0].value), False, node)
                self.misfiled.add(node.lineno)
                continue
            if name in self.wrappers and node.args:
                text = self._str(node.args[0])
                if isinstance(node.args[0], ast.Constant) and text is not None:
                    self._add(self.wrappers[name], text, False, node)
                    self.misfiled.add(node.lineno)
                continue
            if _is_translate(func) or name in aliases:
                if len(node.args) < 2:
                    continue
                literal_call = isinstance(node.args[0], ast.Constant) and isinstance(
                    node.args[1], ast.Constant
                )
                if literal_call and _is_translate(func):
                    continue  # lupdate reads these itself
                if name in aliases:
                    self.misfiled.add(node.lineno)
                ctx = self._str(node.args[0])
                if ctx is None:
                    if f"{self.rel}: context" not in COVERED:
                        self.unresolved.append(f"{self.rel}:{node.lineno}: context")
                    continue
                text = self._str(node.args[1]) if isinstance(node.args[1], ast.Constant) else None
                if text is not None:
                    self._add(ctx, text, len(node.args) >= 4, node)
                    continue
                dict_name = self._lookup_dict(node.args[1])
                values = _dict_strings(self.path, dict_name) if dict_name else []
                if values:
                    for value in values:
                        self._add(ctx, value, False, node)
                elif (
                    not (isinstance(node.args[1], ast.Name) and node.args[1].id in self.wrapper_params)
                    and f"{self.rel}: {ast.unparse(node.args[1])}" not in COVERED
                ):
                    self.unresolved.append(f"{self.rel}:{node.lineno}: {ast.unparse(node.args[1])}")
                continue
            if name == "RecordTableModel" or (
                isinstance(func, ast.Attribute) and func.attr == "RecordTableModel"
            ):
                ctx_node = node.args[1] if len(node.args) > 1 else None
                for kw in node.keywords:
                    if kw.arg == "context":
                        ctx_node = kw.value
                ctx = self._str(ctx_node) if ctx_node is not None else "Table"
                if ctx is not None:
                    model_contexts.add(ctx)
                continue
            column = func.value if isinstance(func, ast.Subscript) else func
            if isinstance(column, ast.Name) and column.id == "Column" and node.args:
                headers.append(node)
        for node in headers:
            text = self._str(node.args[0]) if isinstance(node.args[0], ast.Constant) else None
            if text is None:
                continue
            if not model_contexts:
                self.unresolved.append(f"{self.rel}:{node.lineno}: Column header without a model context")
            for ctx in sorted(model_contexts):
                self._add(ctx, text, False, node)


def app_labels() -> list[Found]:
    """What app/ hands to the window to translate (see the module docstring)."""
    import importlib

    sys.path.insert(0, str(ROOT))
    from app import messages
    from app.changes import CONFIRMATIONS

    out = [Found(messages.CONTEXT, t, False, "app/messages.py") for t in messages.templates()]
    out += [Found("Changes", t, False, "app/changes.py:CONFIRMATIONS") for t in CONFIRMATIONS.values() if t]
    for path in sorted((ROOT / "app").rglob("*.py")):
        rel = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("action", "Action") or len(node.args) < 2:
                continue
            texts = [node.args[1]] + [
                k.value for k in node.keywords if k.arg in ("label", "question", "reason")
            ]
            for t in texts:
                if isinstance(t, ast.Constant) and isinstance(t.value, str) and t.value:
                    out.append(Found("Actions", t.value, False, f"{rel}:{node.lineno}"))
    for context, module, name, how in LABEL_SOURCES:
        value = getattr(importlib.import_module(module), name)
        items = value.values() if isinstance(value, dict) else value
        for item in items:
            if isinstance(how, int):
                text = item[how]
            elif how:
                text = getattr(item, how)
            else:
                text = item
            out.append(Found(context, str(text), False, f"{module}:{name}"))
    return out


def write_extra(sources: list[str]) -> tuple[dict[str, set[int]], list[str]]:
    found: list[Found] = []
    misfiled: dict[str, set[int]] = {}
    unresolved: list[str] = []
    for rel in sources:
        scanner = _Scanner(ROOT / rel)
        scanner.scan()
        found += scanner.found
        unresolved += scanner.unresolved
        if scanner.misfiled:
            misfiled["../../" + rel] = scanner.misfiled
    for ctx, module, dict_name, index in DYNAMIC:
        for value in _dict_strings(ROOT / module, dict_name, index):
            found.append(Found(ctx, value, False, f"{module}:{dict_name}"))
    for ctx, text in LITERALS:
        found.append(Found(ctx, text, False, "scripts/translations.py:LITERALS"))
    found += app_labels()
    lines = [
        '"""Generated by scripts/translations.py for pyside6-lupdate; deleted after use."""',
        "from PySide6.QtCore import QCoreApplication",
    ]
    seen = set()
    for f in found:
        key = (f.context, f.text, f.numerus)
        if key in seen:
            continue
        seen.add(key)
        n = ", None, 1" if f.numerus else ""
        lines.append(f"QCoreApplication.translate({f.context!r}, {f.text!r}{n})  # {f.origin}")
    EXTRA.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return misfiled, unresolved


def drop_misfiled(ts: Path, misfiled: dict[str, set[int]]) -> int:
    """Remove messages lupdate misfiled (empty context, variable names) for call sites handled above."""
    tree = ET.parse(ts)
    dropped = 0
    for context in tree.getroot().findall("context"):
        if (context.findtext("name") or "") not in {"", *(obj for _, obj in OBJECT_TR)}:
            continue
        for message in context.findall("message"):
            locations = message.findall("location")
            if locations and all(
                int(loc.get("line", "0")) in misfiled.get(loc.get("filename", ""), set()) for loc in locations
            ):
                context.remove(message)
                dropped += 1
        if not context.findall("message"):
            tree.getroot().remove(context)
    if dropped:
        ET.indent(tree, space="    ")
        with ts.open("wb") as out:
            out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
            tree.write(out, encoding="utf-8", xml_declaration=False)
            out.write(b"\n")
    return dropped


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    ts = ROOT / "resources" / "i18n" / "gongkai_en.ts"
    misfiled, unresolved = write_extra(sources)
    try:
        subprocess.run(
            [
                str(BIN / "pyside6-lupdate"),
                *sources,
                str(EXTRA.relative_to(ROOT)),
                "-source-language",
                "zh_CN",
                "-target-language",
                "en",
                "-ts",
                str(ts),
            ],
            cwd=ROOT,
            check=True,
        )
    finally:
        EXTRA.unlink(missing_ok=True)
    dropped = drop_misfiled(ts, misfiled)
    if dropped:
        print(f"    Dropped {dropped} message(s) misfiled under the empty context")
    for line in unresolved:
        print(f"    not extracted (dynamic text; translate it where it is defined): {line}")
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
