"""`{% govuk "name" params %}`: render an upstream GOV.UK Frontend macro from Python data."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from jinja2 import Environment, PackageLoader, PrefixLoader, Template, select_autoescape
from markupsafe import Markup

register = template.Library()


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        autoescape=select_autoescape(default=True),
    )


def _macro_name(component: str) -> str:
    return "govuk" + "".join(part.capitalize() for part in component.split("-"))


@lru_cache(maxsize=64)
def _template(component: str) -> Template:
    name = _macro_name(component)
    path = f"govuk_frontend_jinja/components/{component}/macro.html"
    source = f"{{%- from '{path}' import {name} -%}}{{{{ {name}(params) }}}}"
    return _environment().from_string(source)


def _markup(value: Any) -> Any:
    """Django's safe strings become Jinja Markup so upstream `html` params are not escaped twice."""
    if isinstance(value, SafeString):
        return Markup(str(value))
    if isinstance(value, dict):
        return {key: _markup(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_markup(item) for item in value]
    return value


def render_component(component: str, params: dict[str, Any]) -> SafeString:
    """Render one GOV.UK Frontend component with the upstream Jinja macro. Every table comes in
    a box that scrolls sideways on its own (focusable, named after the table's caption), so no
    page scrolls sideways on a 320 px screen."""
    html = _template(component).render(params=_markup(params))
    if component == "table":
        caption = strip_tags(str(params.get("caption") or "Table"))
        return format_html(
            '<div class="app-table-scroll" tabindex="0" role="region" aria-label="{}">{}</div>',
            f"{caption} (scrolls sideways on small screens)",
            mark_safe(html),
        )
    return mark_safe(html)


@register.simple_tag
def govuk(component: str, params: dict[str, Any] | None = None, **kwargs: Any) -> SafeString:
    merged = {**(params or {}), **kwargs}
    return render_component(component, merged)
