"""Where render tasks run: a pool of local processes, or a Dask cluster.

Both take :class:`Task` objects with ``submit`` and put :class:`Done` records
on ``pool.done`` (a queue) as tasks finish, in any order. A task is one
runner invocation: a whole scene, one chunk of a scene, or a probe (a dry
run that counts the animations). Its outputs end up in a local work folder
whichever executor ran it.

* :class:`LocalPool`: N slots; each owns a *zygote* (``python -m
  mathreel.runner --serve``) that imported Manim once and forks one child per
  task, so each task still has a process of its own. Tasks wait in a priority
  queue, longest first.
* :class:`DaskPool`: the same tasks on a ``dask.distributed`` cluster. The
  scene file and the project modules it imports travel with the task, the
  worker renders in a temporary folder and returns the outputs as bytes, so
  workers need the project's dependencies installed but no shared disk.
"""

from __future__ import annotations

import heapq
import itertools
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from . import lifeline
from .scene_context import ROOT_ENV
from .contract import RunnerResult, RunnerTask, result_from_dict, task_from_dict


@dataclass
class Task:
    """One runner invocation. ``spec`` is the runner's task without the
    paths, which the executor fills in."""

    id: str
    kind: str  # render | chunk | probe
    spec: RunnerTask
    estimate: float = 1.0
    chunk: tuple[int, int, int] | None = None  # (index, from, upto)
    files: dict[str, str] = field(default_factory=dict)  # rel path -> local path (Dask)
    work: Path | None = None
    progress_file: Path | None = None


@dataclass
class Done:
    task: Task
    result: RunnerResult  # its outputs point into task.work
    seconds: float
    maxrss_kb: int = 0
    cpu: float = 0.0


def worker_env() -> dict[str, str]:
    env = dict(os.environ)
    # One render per core: no BLAS thread pools fighting the encoder.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    return env


def _read_result(work: Path, fallback: str) -> RunnerResult:
    try:
        return result_from_dict(json.loads((work / "result.json").read_text()))
    except (OSError, ValueError, TypeError):
        log = work / "runner.log"
        detail = ""
        if log.exists():
            lines = [l for l in log.read_text(errors="replace").splitlines() if l.strip()]
            detail = f": {lines[-1].strip()}" if lines else ""
        return RunnerResult(ok=False, error=fallback + detail)


def prepare_work(work: Path, task: Task, caches: dict[str, Path] | None) -> Path:
    """Write the task's job JSON into ``work``; returns its path."""
    work.mkdir(parents=True, exist_ok=True)
    spec = task.spec.placed(media_dir=str(work / "manim"), result_path=str(work / "result.json"),
                            progress_path=str(work / "progress"), progress_bar="none",
                            **{option: str(folder) for option, folder in (caches or {}).items()})
    path = work / "job.json"
    path.write_text(json.dumps(asdict(spec)))
    task.progress_file = work / "progress"
    return path


def seed_tex(shared: Path, private: Path) -> None:
    """Hard-link the shared LaTeX cache into a task's private one."""
    private.mkdir(parents=True, exist_ok=True)
    if shared.is_dir():
        for entry in shared.iterdir():
            target = private / entry.name
            if entry.is_file() and not target.exists():
                try:
                    os.link(entry, target)
                except OSError:
                    shutil.copy2(entry, target)


def publish_tex(private: Path, shared: Path) -> None:
    """Link a finished task's new LaTeX files into the shared cache (each
    file complete before it appears there)."""
    if not private.is_dir():
        return
    shared.mkdir(parents=True, exist_ok=True)
    for entry in private.iterdir():
        target = shared / entry.name
        if entry.is_file() and not target.exists():
            try:
                os.link(entry, target)
            except FileExistsError:
                pass
            except OSError:
                tmp = shared / f".{entry.name}.{os.getpid()}.tmp"
                shutil.copy2(entry, tmp)
                os.replace(tmp, target)


class _Zygote:
    """A ``python -m mathreel.runner --serve`` process that dies with this
    one (:mod:`mathreel.lifeline`), and its children with it."""

    def __init__(self, cwd: Path):
        env = worker_env()
        env[lifeline.PARENT_ENV] = str(os.getpid())
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mathreel.runner", "--serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, bufsize=1, cwd=str(cwd), env=env)
        self.child: int | None = None
        ready = self.proc.stdout.readline()
        if not ready:
            raise RuntimeError("the render worker did not start")

    def run(self, job_path: Path) -> dict:
        self.proc.stdin.write(f"{job_path}\n")
        self.proc.stdin.flush()
        started = json.loads(self.proc.stdout.readline() or "null")
        if not started:
            raise RuntimeError("the render worker died")
        self.child = started["started"]
        line = self.proc.stdout.readline()
        self.child = None
        if not line:
            raise RuntimeError("the render worker died")
        return json.loads(line)

    def kill(self) -> None:
        if self.child:
            try:
                os.kill(self.child, 9)
            except ProcessLookupError:
                pass
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
                self.proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.kill()


class LocalPool:
    """``n`` slots over a longest-first queue, sharing zygotes.

    A slot that takes a task borrows an idle zygote, or starts one when none
    is idle or about to be, so no more zygotes are ever started than tasks
    ran at once (``-j 6`` on a scene with one task starts one). ``eager``
    zygotes are started at once, so importing Manim overlaps the planning.
    Zygotes are started by the slot threads, which live as long as the pool:
    a zygote dies with the thread that started it (``PR_SET_PDEATHSIG``)."""

    def __init__(self, root: Path, n: int, *, work_root: Path,
                 shared: dict[str, Path] | None = None, eager: int | None = None):
        self.root, self.n = root, max(1, n)
        self.work_root, self.shared = work_root, dict(shared or {})
        self.eager = self.n if eager is None else max(0, min(eager, self.n))
        self.done: queue.Queue[Done] = queue.Queue()
        self.running: dict[str, Task] = {}
        self._heap: list = []
        self._counter = itertools.count()
        self._cv = threading.Condition()
        self._closed = False
        self._zygotes: list[_Zygote] = []  # every zygote started
        self._idle: list[_Zygote] = []
        self._starting = self._waiting = 0
        self._threads = [threading.Thread(target=self._slot, args=(i,), daemon=True,
                                          name=f"mathreel-slot-{i}") for i in range(self.n)]
        for thread in self._threads:
            thread.start()

    def submit(self, task: Task) -> None:
        with self._cv:
            heapq.heappush(self._heap, (-task.estimate, next(self._counter), task))
            self._cv.notify()

    def _next(self) -> Task | None:
        with self._cv:
            while not self._heap and not self._closed:
                self._cv.wait()
            if self._closed:
                return None
            return heapq.heappop(self._heap)[2]

    def _start_zygote(self) -> _Zygote:
        """Start a zygote (the caller counted it in ``_starting``)."""
        try:
            zygote = _Zygote(self.root)
        finally:
            with self._cv:
                self._starting -= 1
                self._cv.notify_all()
        with self._cv:
            self._zygotes.append(zygote)
        return zygote

    def _borrow(self) -> _Zygote:
        """An idle live zygote; else wait for one being started (if it is not
        promised to another slot already); else start one."""
        with self._cv:
            while True:
                while self._idle:
                    zygote = self._idle.pop()
                    if zygote.proc.poll() is None:
                        return zygote
                if self._starting > self._waiting:
                    self._waiting += 1
                    self._cv.wait()
                    self._waiting -= 1
                    continue
                self._starting += 1
                break
        return self._start_zygote()

    def _give_back(self, zygote: _Zygote) -> None:
        with self._cv:
            self._idle.append(zygote)
            self._cv.notify_all()

    def _slot(self, index: int) -> None:
        if index < self.eager:  # start at once: importing Manim overlaps with planning
            with self._cv:
                self._starting += 1
            try:
                self._give_back(self._start_zygote())
            except Exception:  # noqa: BLE001 - started again when a task needs one
                pass
        while True:
            task = self._next()
            if task is None:
                break
            task.work = Path(tempfile.mkdtemp(prefix=f"{task.id.replace('/', '_')}-",
                                              dir=self.work_root))
            private = {option: task.work / option for option in self.shared}
            for option, folder in private.items():
                seed_tex(self.shared[option], folder)
            job_path = prepare_work(task.work, task, private)
            self.running[task.id] = task
            started = time.perf_counter()
            try:
                zygote = self._borrow()
                info = zygote.run(job_path)
                self._give_back(zygote)
                result = _read_result(task.work, f"the renderer exited with code {info['rc']} "
                                                 "before reporting")
                done = Done(task, result, time.perf_counter() - started,
                            info.get("maxrss_kb", 0), info.get("cpu", 0.0))
            except Exception as exc:  # the zygote itself died
                if self._closed:
                    break
                done = Done(task, _read_result(task.work, f"the render worker failed ({exc})"),
                            time.perf_counter() - started)
            for option, folder in private.items():
                publish_tex(folder, self.shared[option])
            self.running.pop(task.id, None)
            self.done.put(done)

    def close(self, *, kill: bool = False) -> None:
        """Stop the slots; idle zygotes are killed (no child to wait for,
        and a clean interpreter exit after importing Manim takes seconds)."""
        with self._cv:
            self._closed = True
            self._cv.notify_all()
            zygotes = list(self._zygotes)
        for zygote in zygotes:
            zygote.kill()
        for thread in self._threads:
            thread.join(timeout=1 if kill else 30)


# --------------------------------------------------------------------------- Dask

def worker_tex_cache() -> Path | None:
    """This user's LaTeX cache on a Dask worker's machine,
    ``$TMPDIR/mathreel-tex-<uid>``, created private (0700); None (no
    sharing) when the path exists but is not a folder of this user's that
    only they can write: another user's folder, or a symlink, in a shared
    /tmp must not be trusted with what goes into videos."""
    import stat
    import tempfile as tf

    folder = Path(tf.gettempdir()) / f"mathreel-tex-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        info = folder.lstat()
    except OSError:
        return None
    if (not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid()
            or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return None
    return folder


def _render_remote(spec: dict, files: dict[str, bytes]) -> dict:
    """Runs on a Dask worker: mirror the shipped project files into a
    temporary folder, render there in a child process, return the result
    (a :class:`RunnerResult` as a dict) with each output file's bytes.
    ``spec``: a :class:`RunnerTask` as a dict."""
    import subprocess as sp  # noqa: PLC0415 - runs remotely
    import tempfile as tf

    with tf.TemporaryDirectory(prefix="mathreel-dask-") as tmp:
        base = Path(tmp)
        mirror = base / "project"
        for rel, data in files.items():
            target = mirror / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        work = base / "work"
        work.mkdir()
        task = task_from_dict(spec)
        # LaTeX results shared by the workers of this machine, as on one
        # machine: the render works on hard links in a private folder, and
        # only complete new files are published (two workers compiling the
        # same formula on a cold cache never read each other's half-written
        # SVG or DVI).
        shared_tex = worker_tex_cache()
        private_tex = work / "tex"
        if shared_tex is not None:
            seed_tex(shared_tex, private_tex)
        task = task.placed(file=str(mirror / task.file_rel), media_dir=str(work / "manim"),
                           result_path=str(work / "result.json"), progress_bar="none",
                           tex_dir=str(private_tex))
        (work / "job.json").write_text(json.dumps(asdict(task)))
        env = worker_env()
        env[lifeline.PARENT_ENV] = str(os.getpid())  # the render dies with its worker
        env["PYTHONPATH"] = os.pathsep.join([str(mirror), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        env[ROOT_ENV] = str(mirror)  # the scene's project is the mirror (a title card's data is there)
        import resource  # noqa: PLC0415

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = sp.run([sys.executable, "-m", "mathreel.runner", str(work / "job.json")],
                      cwd=str(mirror), env=env, stdout=sp.DEVNULL, stderr=sp.PIPE, text=True)
        seconds = time.perf_counter() - started
        try:
            result = result_from_dict(json.loads((work / "result.json").read_text()))
        except (OSError, ValueError, TypeError):
            tail = [l for l in (proc.stderr or "").splitlines() if l.strip()][-1:]
            result = RunnerResult(ok=False, error=f"the renderer exited with code "
                                  f"{proc.returncode} before reporting"
                                  + (f": {tail[0]}" if tail else ""))
        if shared_tex is not None and result.ok:
            publish_tex(private_tex, shared_tex)
        payload = {}
        for kind, path in result.outputs.items():
            payload[kind] = (Path(path).name, Path(path).read_bytes())
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (usage.ru_utime + usage.ru_stime) - (before.ru_utime + before.ru_stime)
        return {"result": asdict(result), "files": payload, "seconds": seconds,
                "maxrss_kb": usage.ru_maxrss, "cpu": cpu}


#: seconds to wait for a scheduler to connect and greet
SCHEDULER_TIMEOUT = 4.0


def check_scheduler(address: str, timeout: float = SCHEDULER_TIMEOUT) -> None:
    """Fail fast, in one line, when ``address`` is not a Dask scheduler.

    A Dask server sends its handshake as soon as a connection opens; an HTTP
    server (the dashboard, port 8787, the usual mistake) waits for a request,
    and Dask's client would wait for its handshake forever. So: connect, and
    expect the first bytes within ``timeout`` seconds. Only plain ``tcp://``
    (or scheme-less) addresses are checked; TLS needs the client to speak
    first.
    """
    import socket
    from urllib.parse import urlsplit

    if "://" in address and not address.startswith("tcp://"):
        return
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    try:
        host, port = parts.hostname, parts.port or 8786
    except ValueError:
        raise ConnectionError(f"{address} is not a scheduler address; accepted: "
                              "tcp://HOST:PORT (the scheduler's port, 8786 by default) "
                              "or 'local'") from None
    if not host:
        raise ConnectionError(f"{address} is not a scheduler address; accepted: "
                              "tcp://HOST:PORT or 'local'")
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            first = sock.recv(8)
    except socket.timeout:
        raise ConnectionError(
            f"{address} accepted a connection but did not answer like a Dask scheduler "
            f"within {timeout:g} s; is it the dashboard's HTTP port? The scheduler listens "
            "on 8786 by default (the dashboard on 8787)") from None
    except OSError as exc:
        raise ConnectionError(f"cannot reach the Dask scheduler at {address}: "
                              f"{exc.strerror or exc}") from None
    if not first or first.startswith(b"HTTP"):
        raise ConnectionError(f"{address} is not a Dask scheduler (it "
                              f"{'speaks HTTP' if first else 'closed the connection'}); "
                              "the scheduler listens on 8786 by default")


class DaskPool:
    """Tasks on a Dask cluster: ``address`` of a scheduler, or ``"local"``
    for a LocalCluster of ``n`` single-threaded worker processes."""

    def __init__(self, root: Path, address: str, n: int, *, work_root: Path):
        try:
            from dask.distributed import Client, LocalCluster  # noqa: PLC0415 - optional
        except ImportError:
            raise ConnectionError("--scheduler needs dask.distributed: "
                                  "pip install 'mathreel[dask]'") from None

        self.root, self.work_root = root, work_root
        self.done: queue.Queue[Done] = queue.Queue()
        self.running: dict[str, Task] = {}
        self.cluster = None
        if address != "local":
            check_scheduler(address)
        try:
            if address == "local":
                self.cluster = LocalCluster(n_workers=max(1, n), threads_per_worker=1,
                                            processes=True, host="127.0.0.1",
                                            dashboard_address=None)
                self.client = Client(self.cluster)
            else:
                self.client = Client(address, timeout=SCHEDULER_TIMEOUT * 2)
        except Exception as exc:  # noqa: BLE001 - one line for the CLI
            if self.cluster is not None:
                self.cluster.close()
            raise ConnectionError(f"cannot reach the Dask scheduler at {address}: "
                                  f"{type(exc).__name__}: {exc}") from None
        self.n = max(1, sum(w.get("nthreads", 1) for w in
                            self.client.scheduler_info()["workers"].values()) or n)
        self._futures = {}
        self._lock = threading.Lock()

    def submit(self, task: Task) -> None:
        files = {rel: Path(local).read_bytes() for rel, local in task.files.items()}
        future = self.client.submit(_render_remote, asdict(task.spec), files,
                                    key=f"mathreel-{task.id}-{time.time_ns()}",
                                    priority=int(task.estimate * 1000), pure=False)
        self.running[task.id] = task
        started = time.perf_counter()

        def finished(fut, task=task, started=started):
            task.work = Path(tempfile.mkdtemp(prefix=f"{task.id.replace('/', '_')}-",
                                              dir=self.work_root))
            try:
                answer = fut.result()
                outputs = {}
                for kind, (name, data) in answer["files"].items():
                    target = task.work / name
                    target.write_bytes(data)
                    outputs[kind] = str(target)
                result = replace(result_from_dict(answer["result"]), outputs=outputs)
                done = Done(task, result, time.perf_counter() - started,
                            answer.get("maxrss_kb", 0), answer.get("cpu", 0.0))
            except Exception as exc:  # noqa: BLE001 - a lost worker is a failed task
                done = Done(task, RunnerResult(ok=False, error=f"{type(exc).__name__}: {exc}"),
                            time.perf_counter() - started)
            self.running.pop(task.id, None)
            self.done.put(done)

        future.add_done_callback(finished)
        with self._lock:
            self._futures[task.id] = future

    def close(self, *, kill: bool = False) -> None:
        with self._lock:
            futures = list(self._futures.values())
        if kill:
            for future in futures:
                future.cancel()
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
