"""Rights Guide: a multilingual rights-information site generator on MkDocs.

Layers point down only: cli and bench use build, checks and model; build uses
checks (to stop a build with the same messages) and model; checks use model;
everything may use `problems`. Checks and reports read Markdown, data files
and built HTML, never MkDocs internals; what the build must know of Material
or static-i18n lives in build/material.py and build/i18n.py.
"""
