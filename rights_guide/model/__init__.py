"""The content model: a site checkout read as data (config, languages, pages,
front matter, markers, strings, contacts, translations, status). No MkDocs."""
