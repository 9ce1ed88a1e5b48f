"""The local skills market: employers' demand against supply, the gaps, cohorts and starts."""
