"""Where a build's time goes (issue 26, item 2): cProfile in the build process and in each worker.

Usage: python bench/profile_build.py FOLDER [LIMIT] [--warm PART WORD] [--cpu]   (FOLDER: a project,
e.g. from big_zine.py; with --warm, the build profiled is a rebuild in a warm session after WORD of
content/PART is spelt otherwise: `zine watch`'s path after a one-word edit; with --cpu, seconds
are of CPU time (time.process_time), not wall time: on a shared machine, other processes then
count for less, and the build process's waits for the workers for nothing)

Builds FOLDER once in a fresh session with every task of the workers profiled (each worker is
forked from this process after `serving.reply` is wrapped, so it profiles each task it runs), merges the
profiles of the workers, and prints the build process's and the workers' LIMIT entries of the
builder and of WeasyPrint's top level, by cumulative seconds (a function called inside another
is counted in both). Profiling slows Python code down: compare entries, not wall times.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the project, without installing it

from builder.build import Options, build  # noqa: E402  (after the path is set)
from builder.project import Project  # noqa: E402
from builder.workers import serving  # noqa: E402
from builder.workers.session import Session  # noqa: E402

SHOWN = ("builder/", "weasyprint/document.py", "weasyprint/layout/__init__.py", "pypdfium2", "pikepdf/",
         "pypdf/_writer.py", "PIL/Image.py")


def main(project: Path, limit: int, warm: tuple[str, str] | None = None, cpu: bool = False) -> None:
    timer = (time.process_time,) if cpu else ()
    with tempfile.TemporaryDirectory(prefix="profile-") as folder:
        dumps = Path(folder)
        reply = serving.reply

        def profiled(number: int, task: object, args: tuple[object, ...]) -> bytes:
            profile = cProfile.Profile(*timer)
            try:
                return profile.runcall(reply, number, task, args)
            finally:
                profile.dump_stats(dumps / f"{time.monotonic_ns()}.prof")

        serving.reply = profiled  # type: ignore[assignment]
        main_profile = cProfile.Profile(*timer)
        edited = project / "content" / warm[0] if warm else None
        original = edited.read_text(encoding="utf-8") if edited else ""
        with Session(Project.at(project)) as session:
            try:
                if edited and warm:
                    build(Project.at(project), options=Options(), session=session)  # warms the session
                    for dump in dumps.glob("*.prof"):
                        dump.unlink()
                    edited.write_text(original.replace(warm[1], warm[1][::-1], 1), encoding="utf-8")
                started = time.perf_counter()
                main_profile.runcall(build, Project.at(project), options=Options(), session=session)
            finally:
                if edited:
                    edited.write_text(original, encoding="utf-8")
        print(f"{'warm rebuild' if warm else 'build'}: {time.perf_counter() - started:.1f} s wall, profiled")
        print("== build process")
        _show(pstats.Stats(main_profile), limit)
        print("== workers (all tasks, merged)")
        _show(pstats.Stats(*[str(path) for path in sorted(dumps.glob("*.prof"))]), limit)


def _show(stats: pstats.Stats, limit: int) -> None:
    rows = [(cumulative, calls, f"{Path(file).parent.name}/{Path(file).name}:{line} {name}")
            for (file, line, name), (_, calls, _, cumulative, _) in stats.stats.items()  # type: ignore[attr-defined]
            if any(part in file for part in SHOWN)]
    for cumulative, calls, where in sorted(rows, reverse=True)[:limit]:
        print(f"{cumulative:8.2f} s {calls:7d}  {where}")


if __name__ == "__main__":
    arguments = [argument for argument in sys.argv[1:] if argument != "--cpu"]
    warmed = None
    if "--warm" in arguments:
        at = arguments.index("--warm")
        warmed, arguments = (arguments[at + 1], arguments[at + 2]), arguments[:at] + arguments[at + 3:]
    main(Path(arguments[0]), int(arguments[1]) if len(arguments) > 1 else 60, warmed, "--cpu" in sys.argv)
