"""What the builds of one project keep warm: its templates and the worker processes.

A `Session` holds them for one `zine build` or for every build of a `zine watch`; the caches
they keep are listed in caches.py. One build's plan is carried out in the workers by an
`Executor` (executor.py).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from builder.errors import BuildError
from builder.project import Project
from builder.render import templating
from builder.workers import jobs
from builder.workers.background import Background


class Session:
    """Warm state for the builds of one project: its templates, and the worker processes."""

    def __init__(self, project: Project, *, once: bool = False) -> None:
        self.project = project
        self.once = once
        """Whether this session makes one build (`zine build`), not a build after each change
        (`zine watch`, `zine serve`): nothing is kept in the workers for a next build then, so the
        reading edition is laid out whole and its pages drawn without being recorded (issue 26:
        layout by part and the records of replay.py cost 10–20 % of a cold layout, and pay off only
        in a rebuild)."""
        # The workers first: they import WeasyPrint while this process loads Jinja2 and the content.
        self.background = Background(warm=jobs.WARM)
        try:
            self.env = templating.environment(project)
        except BuildError:  # no such folder
            self.background.close()
            raise

    def close(self) -> None:
        """End the worker processes (after the tasks they hold)."""
        self.background.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exception: object) -> None:
        if kind is KeyboardInterrupt:  # Ctrl-C: the user waits for no render to finish
            self.background.stop()
        self.close()

    @classmethod
    def reused(cls, session: Session | None, project: Project) -> AbstractContextManager[Session]:
        """`session` as it is, left open (watch mode), or a new one for one build, closed at the end."""
        if session is not None:
            return nullcontext(session)
        return cls(project, once=True)
