"""The toolkit our hooks share: fences in Markdown, YAML with limits, option tables, messages, templates.

Every fenced block of ours (```werkblad, ```cirkel …) needs the same plumbing, and it lives here once:

- `scan_fences` reads a Markdown file as an editor wrote it: every fence with its language, its lines,
  whether it is closed, and the construct it sits in (so the build can name a slip by file and line);
- `parse_yaml` reads a block with one loader everywhere, refuses anchors, aliases and tags and bounds the
  size, and notes the line of every key, so a hostile or careless block fails fast with a line;
- `Field` and `check_fields` check a block's options against a declarative table (kind, range, default,
  help text), the way pymdownx Blocks declares `OPTIONS`; REDACTIE.md's tables are generated from them;
- `fence_format` wraps a block's renderer for pymdownx.superfences: any problem, expected or not, becomes
  a warning with file and line (fatal under --strict, all of them in one run) and a visible error box,
  never a block shown as code (superfences swallows exceptions);
- `templates`/`render` is the one Jinja environment (autoescape, StrictUndefined), `words` the one shape
  of bilingual data (`key: {nl: …, en: …}`), `language_of` the one way to tell a page's language;
- `paginas`: a page's headings and ids as an editor wrote them, and a 'page.md#id' target checked in both
  languages;
- `uitvoer`: a finished page read once (its ids, inline scripts and head), shared by the id check and the CSP;
- `bouw`: the state of a build, kept by the pipeline (hooks/pijplijn.py): `staat(name)` for a step's own
  state, `taal()` for the language being built, `per_run` for caches of files, `BouwFout` to stop the build.

MkDocs puts a hook's folder on sys.path while loading it, so hooks import this package by name. It is
not a hook itself (MkDocs would load a second copy under another name): hooks call `page_context`.
"""
from .bouw import BouwFout, meld, per_run, staat, taal  # noqa: F401
from .blokken import (RENDERABLE, current, Fence, PageContext, error_box, fence_format, macro,  # noqa: F401
                      normalise, page_context, register_fences, relative, render, scan_fences, shown_path,
                      templates)
from .gegevens import (DATA, HERE, LANGUAGES, LOADER, BlockError, build_language, data, describe, duplicate_keys,  # noqa: F401
                       did_you_mean, language_of, missing_translations, unknown, words)
from .paginas import lees_bron  # noqa: F401
from .opties import Field, check_field, check_fields, check_text  # noqa: F401
from .yamlblok import MAX_BLOCK_CHARS, line_of, parse_yaml  # noqa: F401
