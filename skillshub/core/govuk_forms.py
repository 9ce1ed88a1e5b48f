"""Parameters for the GOV.UK form component macros from a bound Django form, errors included."""

from __future__ import annotations

from typing import Any

from django import forms


def _label_text(field: forms.BoundField, label: str | None) -> str:
    return label if label is not None else str(field.label or field.name)


def error_link(text: str, href: str) -> dict[str, Any]:
    """One error summary item; the class keeps every link a govuk-link (summary styles apply)."""
    return {"text": text, "href": href, "attributes": {"class": "govuk-link"}}


class GovukForm(forms.Form):
    """A Django form that can describe each field as GOV.UK component parameters.

    Values are what the person typed (``BoundField.value()``), so a form shown again after an
    error keeps every answer.
    """

    def _error(self, name: str) -> dict[str, str] | None:
        errors = self[name].errors
        return {"text": " ".join(str(e) for e in errors)} if errors else None

    def _common(self, name: str, hint: str | None) -> dict[str, Any]:
        params: dict[str, Any] = {"name": name}
        if hint:
            params["hint"] = {"text": hint}
        if error := self._error(name):
            params["errorMessage"] = error
        return params

    def govuk_input(
        self,
        name: str,
        *,
        label: str | None = None,
        hint: str | None = None,
        label_classes: str = "govuk-label--s",
        page_heading: bool = False,
        **extra: Any,
    ) -> dict[str, Any]:
        field = self[name]
        value = field.value()
        return {
            **self._common(name, hint),
            "id": name,
            "label": {
                "text": _label_text(field, label),
                "classes": label_classes,
                "isPageHeading": page_heading,
            },
            "value": "" if value is None else str(value),
            **extra,
        }

    def govuk_textarea(
        self, name: str, *, label: str | None = None, hint: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        field = self[name]
        return {
            **self._common(name, hint),
            "id": name,
            "label": {"text": _label_text(field, label), "classes": "govuk-label--s"},
            "value": field.value() or "",
            **extra,
        }

    def _choices(self, name: str) -> list[tuple[str, str]]:
        return [(str(v), str(t)) for v, t in self.fields[name].choices]

    def govuk_select(
        self, name: str, *, label: str | None = None, hint: str | None = None, **extra: Any
    ) -> dict[str, Any]:
        field = self[name]
        chosen = "" if field.value() is None else str(field.value())
        return {
            **self._common(name, hint),
            "id": name,
            "label": {"text": _label_text(field, label), "classes": "govuk-label--s"},
            "items": [
                {"value": value, "text": text, "selected": value == chosen}
                for value, text in self._choices(name)
            ],
            **extra,
        }

    def _fieldset(self, field: forms.BoundField, legend: str | None, size: str) -> dict[str, Any]:
        return {
            "legend": {
                "text": _label_text(field, legend),
                "classes": f"govuk-fieldset__legend--{size}",
            }
        }

    def _choice_group(
        self, name: str, *, legend: str | None, hint: str | None, size: str, chosen: set[str]
    ) -> dict[str, Any]:
        """Radios or checkboxes: a fieldset of the field's choices, those in ``chosen`` checked."""
        return {
            **self._common(name, hint),
            "idPrefix": name,
            "fieldset": self._fieldset(self[name], legend, size),
            "items": [
                {"value": value, "text": text, "checked": value in chosen}
                for value, text in self._choices(name)
            ],
        }

    def govuk_radios(
        self,
        name: str,
        *,
        legend: str | None = None,
        hint: str | None = None,
        size: str = "s",
        **extra: Any,
    ) -> dict[str, Any]:
        value = self[name].value()
        chosen = {"" if value is None else str(value)}
        group = self._choice_group(name, legend=legend, hint=hint, size=size, chosen=chosen)
        # A radio group offers no blank choice: leaving it unanswered is the blank.
        group["items"] = [item for item in group["items"] if item["value"] != ""]
        return {**group, **extra}

    def govuk_checkboxes(
        self,
        name: str,
        *,
        legend: str | None = None,
        hint: str | None = None,
        size: str = "s",
        **extra: Any,
    ) -> dict[str, Any]:
        chosen = {str(v) for v in (self[name].value() or [])}
        group = self._choice_group(name, legend=legend, hint=hint, size=size, chosen=chosen)
        return {**group, **extra}

    def govuk_checkbox(self, name: str, *, text: str, hint: str | None = None) -> dict[str, Any]:
        """One yes/no checkbox (a BooleanField)."""
        checked = bool(self[name].value()) and str(self[name].value()).lower() not in {"false", "0"}
        params: dict[str, Any] = {
            **self._common(name, None),
            "idPrefix": name,
            "items": [{"value": "yes", "text": text, "checked": checked}],
        }
        if hint:
            params["items"][0]["hint"] = {"text": hint}
        return params

    def govuk_file(self, name: str, *, label: str, hint: str | None = None) -> dict[str, Any]:
        return {
            **self._common(name, hint),
            "id": name,
            "label": {"text": label, "classes": "govuk-label--s"},
        }

    def error_summary(self) -> dict[str, Any] | None:
        """The error summary: every problem, each linking to its field, in form order."""
        if not self.is_bound or not self.errors:
            return None
        order = list(self.fields)
        items = sorted(
            self.errors.items(),
            key=lambda item: order.index(item[0]) if item[0] in order else -1,
        )
        return {
            "titleText": "There is a problem",
            "errorList": [
                error_link(" ".join(str(e) for e in errors), f"#{self.anchor(name)}")
                for name, errors in items
            ],
        }

    def anchor(self, name: str) -> str:
        """The id an error summary link jumps to (the field itself, or the whole form)."""
        return name if name in self.fields else "main-content"
