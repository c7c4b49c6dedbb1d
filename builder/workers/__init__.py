"""The executor of a build's plan (plan.py): the worker processes (background.py), what they do
(jobs.py), what they keep warm between builds (caches.py, session.py), one build's documents laid
out in them (renders.py) and its outputs published, imposed, checked and previewed (executor.py)."""
