"""The 'Register a training need' question pages' forms: one question each, GOV.UK components."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms

from skillshub.core.govuk_forms import GovukForm
from skillshub.domain import needs as vocabulary


class QuestionForm(GovukForm):
    """One question page: its heading, the answer it keeps and the component that asks it."""

    question: ClassVar[str]
    answer: ClassVar[str]  # the field's name, and the answer's key among the session's answers
    hint: ClassVar[str | None] = None

    def component(self) -> tuple[str, dict[str, Any]]:
        params = self.govuk_radios(self.answer, legend=self.question, hint=self.hint, size="l")
        params["fieldset"]["legend"]["isPageHeading"] = True
        return "radios", params

    def answer_value(self) -> Any:
        return self.cleaned_data[self.answer]


class SkillsForm(QuestionForm):
    question = "What do your staff need to be able to do?"
    answer = "need"
    hint = (
        "Describe the work in your own words, for example 'look after the robots on our "
        "packing line' or 'manage our payroll and month-end accounts'."
    )
    need = forms.CharField(
        min_length=3,
        max_length=2000,
        strip=True,
        error_messages={
            "required": "Enter what your staff need to be able to do",
            "min_length": "Describe what your staff need to be able to do in a few words",
            "max_length": "Your description is too long: use 2,000 characters or fewer",
        },
    )

    def component(self) -> tuple[str, dict[str, Any]]:
        params = self.govuk_textarea(self.answer, label=self.question, hint=self.hint, rows=5)
        params["label"].update({"classes": "govuk-label--l", "isPageHeading": True})
        params["spellcheck"] = True
        return "textarea", params


class MatchForm(QuestionForm):
    question = "Which of these would meet your need?"
    answer = "standard_references"
    hint = (
        "These apprenticeship standards match what you wrote. Select all that fit, or "
        "'None of these' to record your need as you wrote it."
    )
    NONE = "none"
    standard_references = forms.MultipleChoiceField(
        error_messages={
            "required": "Select the standards that would meet your need, or 'None of these'",
            "invalid_choice": "Select the standards that would meet your need, or 'None of these'",
        }
    )

    def __init__(self, *args: Any, options: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["standard_references"].choices = [*options, (self.NONE, "None of these")]

    def clean_standard_references(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["standard_references"]
        if self.NONE in chosen and len(chosen) > 1:
            raise forms.ValidationError(
                "Select the standards that fit, or 'None of these', not both"
            )
        return [] if chosen == [self.NONE] else chosen

    def component(self) -> tuple[str, dict[str, Any]]:
        params = self.govuk_checkboxes(self.answer, legend=self.question, hint=self.hint, size="l")
        params["fieldset"]["legend"]["isPageHeading"] = True
        items = params["items"]
        if items:
            items[-1]["behaviour"] = "exclusive"
            items.insert(-1, {"divider": "or"})
        return "checkboxes", params


class HeadcountForm(QuestionForm):
    question = "How many of your staff need this training?"
    answer = "headcount"
    headcount = forms.IntegerField(
        min_value=1,
        max_value=vocabulary.MAX_HEADCOUNT,
        error_messages={
            "required": "Enter how many of your staff need this training",
            "invalid": "Enter the number of staff as a whole number, like 3",
            "min_value": "Enter a number of staff of 1 or more",
            "max_value": (
                f"Enter {vocabulary.MAX_HEADCOUNT:,} staff or fewer: for a larger programme, "
                "contact your local college or combined authority"
            ),
        },
    )

    def component(self) -> tuple[str, dict[str, Any]]:
        params = self.govuk_input(
            self.answer,
            label=self.question,
            label_classes="govuk-label--l",
            page_heading=True,
            inputmode="numeric",
            classes="govuk-input--width-4",
        )
        return "input", params


def _choice(options: dict[Any, str], message: str, *, coerce: Any = str) -> forms.Field:
    """A one-of field whose every problem (nothing chosen, a forged value) says ``message``."""
    return forms.TypedChoiceField(
        choices=[(str(key), text) for key, text in options.items()],
        coerce=coerce,
        error_messages={"required": message, "invalid_choice": message},
    )


class WhenForm(QuestionForm):
    question = "How soon do they need it?"
    answer = "needed_within_months"
    needed_within_months = _choice(
        vocabulary.WITHIN_MONTHS, "Select how soon your staff need this training", coerce=int
    )


class FormatForm(QuestionForm):
    question = "How would you like the training delivered?"
    answer = "delivery_format"
    delivery_format = _choice(
        vocabulary.FORMATS, "Select how you would like the training delivered"
    )


class LevelForm(QuestionForm):
    question = "What level of training do you need?"
    answer = "level"
    hint = "Level 4 and 5 courses sit between A levels and a full degree."
    level = _choice(vocabulary.LEVELS, "Select the level of training, or 'Either, or not sure'")


class PostcodeForm(QuestionForm):
    question = "What is the postcode of the workplace?"
    answer = "postcode"
    hint = "We keep only the postcode district (like B1), never the full postcode."
    postcode = forms.CharField(
        max_length=10,
        strip=True,
        error_messages={
            "required": "Enter the workplace postcode, like B1 1AA",
            "max_length": "Enter a postcode, like B1 1AA",
        },
    )

    def clean_postcode(self) -> str:
        from skillshub.domain.geography import InvalidPostcode, UnknownPlace
        from skillshub.geo import places

        postcode: str = self.cleaned_data["postcode"]
        try:
            places.locate(postcode)
        except (InvalidPostcode, UnknownPlace) as error:
            raise forms.ValidationError(str(error)) from error
        return postcode

    def component(self) -> tuple[str, dict[str, Any]]:
        params = self.govuk_input(
            self.answer,
            label=self.question,
            hint=self.hint,
            label_classes="govuk-label--l",
            page_heading=True,
            autocomplete="postal-code",
            classes="govuk-input--width-10",
        )
        return "input", params


class SizeForm(QuestionForm):
    question = "How many people does your organisation employ?"
    answer = "size_band"
    size_band = _choice(vocabulary.SIZE_BANDS, "Select how many people your organisation employs")


class SectorForm(QuestionForm):
    question = "What does your organisation mainly do?"
    answer = "sic_section"
    hint = "The sections of the UK Standard Industrial Classification (SIC 2007)."
    sic_section = _choice(vocabulary.SIC_SECTIONS, "Select what your organisation mainly does")


STEPS: dict[str, type[QuestionForm]] = {
    "what": SkillsForm,
    "matches": MatchForm,
    "how-many": HeadcountForm,
    "when": WhenForm,
    "format": FormatForm,
    "level": LevelForm,
    "postcode": PostcodeForm,
    "size": SizeForm,
    "sector": SectorForm,
}
"""The question pages in order, by the slug in their address."""
