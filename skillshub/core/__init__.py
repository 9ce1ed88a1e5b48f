"""Site-wide pieces: layout, GOV.UK components, provenance of loaded data, about and home pages."""
