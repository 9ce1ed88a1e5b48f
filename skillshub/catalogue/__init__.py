"""The standards catalogue: storage, browse and standard pages, plain-language search."""
