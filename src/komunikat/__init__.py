"""komunikat: templates, data and validators for DNiU external communication."""

__version__ = "0.1.0"
