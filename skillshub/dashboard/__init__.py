"""Labour market dashboard: ONS series stored by atomic ingest, shown as pages, API and CLI."""
