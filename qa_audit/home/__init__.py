"""The home pages: what each role sees first. The blueprint keeps its name ``main``, so the
``url_for("main.dashboard")`` links in templates and views stay as they are."""
