"""Pydantic models of the API, one module per resource, one model per use."""
