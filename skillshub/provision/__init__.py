"""Training provision: providers and offers, imported or published by providers, near a place."""
