"""English words where the shared Markdown configuration can only hold Dutch ones.

`markdown_extensions` is one setting for both language builds of mkdocs-static-i18n, so the heading
permalinks of the `toc` extension carry the Dutch `permalink_title` on English pages too; neither
static-i18n nor Material translates it. This hook swaps that title on pages of the English build.
"""
from __future__ import annotations

PERMALINK_TITLE = {"en": "Link to this section"}


def on_page_content(html: str, page, config, **kwargs) -> str:
    """Replace the toc permalink title with the page language's own, when that language has one."""
    language = (config.theme.get("language") or "nl").split("_")[0]
    dutch = (config.mdx_configs.get("toc") or {}).get("permalink_title")
    if language not in PERMALINK_TITLE or not dutch:
        return html
    return html.replace(f'title="{dutch}"', f'title="{PERMALINK_TITLE[language]}"')
