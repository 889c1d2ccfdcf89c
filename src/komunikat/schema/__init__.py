"""Schemas of the data files (pydantic), one module per file."""
