"""The last step of a run: MkDocs calls this on_post_build after static-i18n's (priority -200 < -100), when
every language is built and the search index merged. The steps are listed in hooks/pijplijn.py (STEPS["site"]);
this file exists only because a module can hand MkDocs one on_post_build."""
from pijplijn import after_the_site as on_post_build  # noqa: F401
