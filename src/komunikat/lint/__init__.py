"""The validation suite: ``komunikat lint`` (templates) and ``komunikat check`` (messages)."""
