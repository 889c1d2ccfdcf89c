"""Markdown for the generated pages of the site (templates, operators, contacts).

The MkDocs macros module only wraps these functions; the logic lives here,
where it is tested.
"""
