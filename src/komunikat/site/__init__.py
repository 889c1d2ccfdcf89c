"""The site build's library: generated pages, Polish search, composer assets, lint gate.

The MkDocs hooks (hooks/) and the macros module (hooks/macros.py) only call
these modules; the logic lives here, where it is tested.
"""
