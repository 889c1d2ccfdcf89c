"""Lint rules, one module each. The registry (komunikat.lint.registry) lists them."""
