"""Funded qualifications: the DfE list of regulated qualifications approved for public funding."""
