"""The executor of a build: the worker processes (background.py), what they do (jobs.py), what
they keep warm between builds (caches.py), and one build's tasks in them (session.py)."""
