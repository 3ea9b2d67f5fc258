"""Serving a store: the HTTP API (`api`), the dashboard (`dashboard`), both mounted on one
FastAPI application by `app.create_app`. Needs the `serve` extra (`pip install 'pantau[serve]'`)."""
