"""Rights Guide tooling: `python -m scripts <command>`.

Checks and reports read Markdown, data files and built HTML only, never
MkDocs internals, so they keep working if the generator is swapped.
"""
