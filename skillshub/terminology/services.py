"""The glossary as one typed request and result, shared by the pages, the API and the CLI."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from skillshub.domain.glossary import Entry, Glossary
from skillshub.settings import get_settings
from skillshub.sources.glossary import read_embedded


class GlossaryRequest(BaseModel):
    """All terms, or those whose name or definition holds `q`."""

    model_config = ConfigDict(str_strip_whitespace=True)

    q: str = Field("", max_length=200, description="Only terms whose name or definition has this.")


class TermRequest(BaseModel):
    """One term, by its name, an alias (HTQ) or its slug (higher-technical-qualification)."""

    model_config = ConfigDict(str_strip_whitespace=True)

    term: str = Field(min_length=1, max_length=200, description="A term, alias or slug.")


class RelatedTerm(BaseModel):
    term: str
    slug: str
    url: str


class GlossaryEntryOut(BaseModel):
    term: str
    slug: str
    aliases: list[str] = Field(description="Other names and abbreviations")
    definition: str = Field(description="One to three plain-English sentences")
    short: str = Field(description="The first sentence, as read out where the term is used")
    source_name: str
    source_url: str
    related: list[RelatedTerm]
    url: str = Field(description="The entry's page")


class GlossaryResult(BaseModel):
    query: str
    count: int
    entries: list[GlossaryEntryOut]


class UnknownTerm(LookupError):
    """The glossary has no such term or alias."""


def glossary() -> Glossary:
    """The glossary under the data folder (read once per process)."""
    return read_embedded(get_settings().data_dir)


def entry_out(entry: Entry, held: Glossary) -> GlossaryEntryOut:
    related = [held.lookup(name) for name in entry.related]
    return GlossaryEntryOut(
        term=entry.term,
        slug=entry.slug,
        aliases=list(entry.aliases),
        definition=entry.definition,
        short=entry.short,
        source_name=entry.source_name,
        source_url=entry.source_url,
        related=[
            RelatedTerm(term=r.term, slug=r.slug, url=f"/glossary/{r.slug}/")
            for r in related
            if r is not None
        ],
        url=f"/glossary/{entry.slug}/",
    )


def list_terms(request: GlossaryRequest) -> GlossaryResult:
    held = glossary()
    entries = held.search(request.q)
    return GlossaryResult(
        query=request.q,
        count=len(entries),
        entries=[entry_out(entry, held) for entry in entries],
    )


def explain_term(request: TermRequest) -> GlossaryEntryOut:
    """One entry; UnknownTerm (with close matches named) when the glossary lacks it."""
    held = glossary()
    entry = held.lookup(request.term)
    if entry is None:
        near = [e.term for e in held.search(request.term)[:3]]
        hint = f" Did you mean: {'; '.join(near)}?" if near else " See /glossary/ for every term."
        raise UnknownTerm(f"'{request.term}' is not in the glossary.{hint}")
    return entry_out(entry, held)
