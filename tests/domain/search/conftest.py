"""A handful of real standards from the embedded Skills England data, and a tiny-preset index."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillshub.domain.search import Embedder, StandardsIndex, get_preset
from skillshub.domain.standards import Standard
from skillshub.sources.embedding_models import load_embedder
from tests import embedded

DATA = Path(__file__).resolve().parents[3] / "data"

SAMPLE = (
    "ST0001",  # Accountancy or taxation professional, level 7, structured KSBs
    "ST0033",  # Motor vehicle service and maintenance technician, no KSBs
    "ST0068",  # Heavy vehicle service and maintenance technician
    "ST0116",  # Software developer, level 4, Digital
    "ST0205",  # Gas network craftsperson, KSBs from published text
    "ST0252",  # Lift and escalator engineering
    "ST0257",  # Large goods vehicle (LGV) driver, level 2
    "ST0535",  # Clinical coder, Health and science
    "ST0662",  # Automation and controls engineering technician, level 4, duties
    "ST1302",  # Governance officer, no KSBs
    "ST1317",  # Robotics engineer - degree, level 6
    "ST1326",  # Mechatronics maintenance technician
    "ST0016",  # Packhouse line leader: not in the current list
)


def catalogue() -> dict[str, Standard]:
    return embedded.by_reference()


def sample_standards() -> list[Standard]:
    standards = catalogue()
    return [standards[reference] for reference in SAMPLE]


@pytest.fixture(scope="session")
def sample() -> list[Standard]:
    return sample_standards()


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The tiny preset's model, read from the installed package once per process."""
    return load_embedder(get_preset("tiny"))


@pytest.fixture(scope="session")
def index(sample: list[Standard], embedder: Embedder) -> StandardsIndex:
    return StandardsIndex.embed_and_build(sample, preset="tiny", embedder=embedder)
