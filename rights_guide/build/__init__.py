"""The build layer: what the MkDocs hooks call. Adapters for static-i18n
(i18n.py) and Material (material.py), caches, components, search index, CSS
trim, bundling, deploy files and the post-build steps in their written order."""
