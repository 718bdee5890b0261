"""The Jinja environment a Word template runs in: a template is untrusted code.

A kabupaten may give its own template, so a template sees plain data only: dicts (read as
`a.b` or `a['b']`), lists, strings, numbers, the tool's inert chart placeholders and RichText
values, which it can print and test and nothing else. No attribute of any object is reachable
(only `loop.index` and its siblings), nothing is callable but the template's own macros, Jinja's
globals (`range`, `lipsum`, `cycler`, `joiner`, `namespace`, `dict`) are gone, only filters and
tests that cannot grow without bound remain, `{% include %}`/`{% import %}`/`{% extends %}` are
refused, and every operator that can make a value large (`*`, `**`, `+`, `%`, `~`) is checked
before it runs, as is the total text a render produces. Time and memory are limited around the
render by render_limits.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import nodes, pass_eval_context
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.nodes import EvalContext
from jinja2.runtime import Context, LoopContext, Macro, Undefined, markup_join
from jinja2.sandbox import SandboxedEnvironment
from jinja2.tests import TESTS

from lkjip_xl.base.errors import TemplateSizeLimit

SANDBOX_VERSION = "1"  # part of the compiled-template cache key: a new policy recompiles
MAX_ITEMS = 1_000_000  # characters or items one operator or filter may produce
MAX_INT_BITS = 4_096  # an integer of about 1.200 digits: far beyond any figure of a report
MAX_OUTPUT_CHARS = 200_000_000  # all text a render produces (the default template: ~8 million)

_LOOP_ATTRIBUTES = frozenset(
    {
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
    }
)
_SAFE_FILTERS = [
    "abs",
    "capitalize",
    "count",
    "d",
    "default",
    "e",
    "escape",
    "first",
    "float",
    "forceescape",
    "int",
    "last",
    "length",
    "list",
    "lower",
    "max",
    "min",
    "reverse",
    "round",
    "sort",
    "string",
    "striptags",
    "sum",
    "title",
    "trim",
    "unique",
    "upper",
    "wordcount",
]
_SAFE_TESTS = [
    "boolean",
    "defined",
    "divisibleby",
    "eq",
    "equalto",
    "escaped",
    "even",
    "false",
    "float",
    "ge",
    "gt",
    "in",
    "integer",
    "iterable",
    "le",
    "lower",
    "lt",
    "mapping",
    "ne",
    "none",
    "number",
    "odd",
    "sameas",
    "sequence",
    "string",
    "true",
    "undefined",
    "upper",
]
_TAG = re.compile(r"<[^>]+>")
_REFUSED_NODES = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "import",
    nodes.Extends: "extends",
}


class _CheckedCodeGenerator(CodeGenerator):
    """Compiles `a ~ b` to a call that checks the joined length before joining."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class PlainDataEnvironment(SandboxedEnvironment):
    """A sandbox that lets a template read plain data and nothing else (see the module)."""

    code_generator_class = _CheckedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals.clear()
        self.filters = {name: FILTERS[name] for name in _SAFE_FILTERS}
        self.filters["join"] = _checked_join
        self.tests = {name: TESTS[name] for name in _SAFE_TESTS}
        self.output_chars = 0
        self.source = ""  # the part being rendered: where a failure happened is shown from it

    # --- what a template may reach -----------------------------------------------------------

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, LoopContext) and attr in _LOOP_ATTRIBUTES

    def is_safe_callable(self, obj: Any) -> bool:
        return isinstance(obj, Macro | LoopContext)

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Mapping):  # `a.b` of plain data is `a['b']`, never a dict method
            return self._item(obj, attribute)
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()  # the usual "is undefined" (or "not allowed")
        if self.is_safe_attribute(obj, attribute, None):
            return getattr(obj, attribute)
        return self.unsafe_undefined(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Mapping):
            return self._item(obj, argument)
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        if isinstance(obj, list | tuple | str) and isinstance(argument, int | slice):
            try:
                return obj[argument]
            except IndexError:
                return self.undefined(obj=obj, name=str(argument))
        if isinstance(argument, str):
            return self.unsafe_undefined(obj, argument)
        return self.undefined(obj=obj, name=str(argument))

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        return self.undefined(
            f"'{attribute}' tidak dapat dibaca dari sebuah {_kind(obj)} (templat hanya membaca "
            "data: teks, angka, daftar, grafik)",
            name=attribute,
            obj=obj,
            exc=SecurityError,
        )

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if isinstance(__obj, Undefined):
            __obj._fail_with_undefined_error()
        if not __self.is_safe_callable(__obj):
            raise SecurityError(
                "templat tidak boleh memanggil fungsi atau metode; hanya makro templat itu sendiri"
            )
        return __context.call(__obj, *args, **kwargs)

    def _item(self, obj: Mapping[Any, Any], key: Any) -> Any:
        try:
            return obj[key]
        except (KeyError, TypeError):
            return self.undefined(obj=obj, name=str(key))

    # --- what a template may make --------------------------------------------------------------

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        _check_binop(operator, left, right)
        result = self.binop_table[operator](left, right)
        if isinstance(result, int) and result.bit_length() > MAX_INT_BITS:
            raise TemplateSizeLimit
        return result

    def checked_concat(self, parts: tuple[Any, ...]) -> str:
        texts = [p if isinstance(p, str) else str(p) for p in parts]
        if sum(map(len, texts)) > MAX_ITEMS:
            raise TemplateSizeLimit
        return str(markup_join(texts))

    def concat(self, parts: Iterable[str]) -> str:
        """Join what a template (or one of its macros or blocks) printed, counting all of it."""
        pieces = []
        for piece in parts:
            self.output_chars += len(piece)
            if self.output_chars > MAX_OUTPUT_CHARS:
                raise TemplateSizeLimit
            pieces.append(piece)
        return "".join(pieces)

    def place(self, lineno: int | None) -> str:
        """The text around line `lineno` of the part being rendered (docxtpl puts each paragraph
        on its own line), to tell the user where in the template a failure happened."""
        if not lineno or not self.source:
            return ""
        lines = self.source.splitlines()[max(lineno - 3, 0) : lineno + 2]
        return " / ".join(t for t in (_TAG.sub("", line).strip() for line in lines) if t)

    # --- what a template may contain -----------------------------------------------------------

    def refuse_loading(self, ast: nodes.Template) -> None:
        """Raise SecurityError for the first include, import or extends in a template."""
        for kind, word in _REFUSED_NODES.items():
            for node in ast.find_all(kind):
                raise SecurityError(
                    f"perintah {{% {word} %}} (baris {node.lineno}) tidak diizinkan di templat; "
                    "tulis isinya langsung di templat"
                )


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before it is computed."""
    if operator == "%" and isinstance(left, str):
        raise SecurityError("format teks dengan % tidak diizinkan di templat")
    if _result_size(operator, left, right) > MAX_ITEMS:
        raise TemplateSizeLimit


def _result_size(operator: str, left: Any, right: Any) -> int:
    """About how large the result would be: characters or items, or bits scaled to them."""
    sequences = (str, list, tuple)
    scale = MAX_ITEMS // MAX_INT_BITS  # an integer past MAX_INT_BITS counts as too large
    if operator == "+" and isinstance(left, sequences) and isinstance(right, sequences):
        return len(left) + len(right)
    both_int = isinstance(left, int) and isinstance(right, int)
    if operator == "*":
        if isinstance(left, sequences) and isinstance(right, int):
            return len(left) * max(right, 0)
        if isinstance(right, sequences) and isinstance(left, int):
            return len(right) * max(left, 0)
        return int(left.bit_length() + right.bit_length()) * scale if both_int else 0
    if operator == "**" and both_int and abs(left) > 1:
        return int(max(right, 0) * left.bit_length() * scale)
    return 0


def _kind(obj: Any) -> str:
    if isinstance(obj, str):
        return "teks"
    if isinstance(obj, int | float):
        return "angka"
    if isinstance(obj, list | tuple):
        return "daftar"
    return "nilai"


@pass_eval_context
def _checked_join(eval_ctx: EvalContext, value: Iterable[Any], d: str = "") -> str:
    """Jinja's `join`, refused when the joined text would be too long."""
    items = list(value)
    if sum(len(str(v)) for v in items) + len(d) * max(len(items) - 1, 0) > MAX_ITEMS:
        raise TemplateSizeLimit
    return str(FILTERS["join"](eval_ctx, items, d))
