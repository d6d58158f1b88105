"""The heading permalinks' title in the language being built.

`markdown_extensions` is one setting for both language builds of mkdocs-static-i18n, so the `toc`
extension's `permalink_title` would be Dutch on English pages too; neither static-i18n nor Material
translates it. The Markdown configuration is read when each page is rendered, so this hook sets the title
per build (`on_pre_build`, after static-i18n has set the build's language) from hooks/teksten.yml,
instead of rewriting the HTML afterwards.
"""
from __future__ import annotations

import gereedschap


def on_pre_build(config, **kwargs):
    """toc's permalink title in the build's language."""
    if "toc" in config.markdown_extensions:
        toc = config.mdx_configs.setdefault("toc", {})
        if toc.get("permalink"):
            toc["permalink_title"] = gereedschap.words("teksten.yml", gereedschap.build_language(config))["permalink"]
