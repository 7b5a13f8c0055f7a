"""The mathreel command line: thin commands over the library.

Each command parses its arguments, calls one function of
:mod:`mathreel.commands` and prints what it returns. Library errors
become one-line ``Error: ...`` messages here, at the edge: exit code 2 for
input the user can correct (unknown target, bad option), 1 for a scene
that failed while rendering.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli_params import (
    QUALITY_METAVAR, AnimationRange, LessonParam, QualityParam, TargetParam,
)
from .commands import Failure, InputError
from .commands.scenes import (
    check_targets, contact_sheet as write_contact_sheet, listing, preview_target, render_targets,
)
from .commands.selection import current_curriculum
from .progress import make_reporter
from .project import FORMATS, ROOT_ENV, use_root
from .viewer import show
from .voice import VOICE_ENV, VOICES, use_voice

# Imported inside the commands that use them, so that `render` and `preview`
# start without ffmpeg-python, PIL and the stitcher: the lesson and publish
# commands, doctor.
if TYPE_CHECKING:
    from .render import RenderResult
    from .stitch import StitchResult

QUALITY_OPTION = click.option(
    "-q", "--quality", type=QualityParam(), metavar=QUALITY_METAVAR, default="low",
    show_default=True,
    help="Manim quality preset: low 480p15, medium 720p30, high 1080p60, "
         "production 1440p60, 4k 2160p60; Manim's -ql -qm -qh -qp -qk work too.")


VOICE_OPTION = click.option(
    "--voice", type=click.Choice(VOICES), default=None, envvar=VOICE_ENV, show_envvar=True,
    help="Narration: piper (natural offline voice, the default; espeak-ng when piper is not "
         "installed), espeak (draft voice), recorded (takes in narration/<Scene>/NN.wav only), "
         "none (silent, timed like the default voice). Recordings always win.")


class UserError(click.ClickException):
    """Input the user can correct: printed as one line, exit code 2."""

    exit_code = 2


class Terminated(BaseException):
    """SIGTERM (a plain ``kill``): unwinds like Ctrl-C, so the engine kills
    its workers and removes its work folders on the way out."""


def _terminate(signum, frame) -> None:
    raise Terminated()


class MathreelGroup(click.Group):
    """Prints every error as a single ``Error: ...`` line (no usage block, no
    traceback), a usage error followed by click's ``Try '... --help'`` hint,
    and exits with the error's code."""

    def invoke(self, ctx):
        """Library errors become click's, here at the edge."""
        try:
            return super().invoke(ctx)
        except InputError as exc:
            raise UserError(str(exc)) from None
        except Failure as exc:
            raise click.ClickException(str(exc)) from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        import signal
        import threading

        previous = None
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGTERM, _terminate)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except Terminated:
            click.echo("Terminated.", err=True)
            sys.exit(128 + signal.SIGTERM)
        except click.UsageError as exc:
            click.echo(f"Error: {exc.format_message()}", err=True)
            if exc.ctx is not None:
                names = exc.ctx.help_option_names
                option = next((n for n in names if n.startswith("--")), names[0])
                click.echo(f"Try '{exc.ctx.command_path} {option}' for help.", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("Aborted.", err=True)
            sys.exit(130)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
        sys.exit(code if isinstance(code, int) else 0)


def _print_path(path: Path) -> None:
    """Print a finished output's path. print(), not click.echo: the live
    display redirects sys.stdout so that lines land above it instead of
    tearing it."""
    print(str(path), flush=True)


@click.group("mathreel", cls=MathreelGroup,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mathreel")
@click.option("--project", type=click.Path(file_okay=False, exists=True, path_type=Path),
              envvar=ROOT_ENV, show_envvar=True, metavar="DIR",
              help="The curriculum folder (holding curriculum.toml, scenes/, media/). "
                   "Default: the nearest folder upwards from here that holds curriculum.toml.")
def cli(project):
    """Render the mathreel curriculum: 3Blue1Brown-style lessons whose numbers
    come from mathcore.

    \b
    Start with:
      mathreel list
      mathreel preview 02 --frame
      mathreel render 02 -qh
      mathreel --project ~/my-course list

    \b
    Shell completion (targets, lessons, qualities), in ~/.bashrc:
      eval "$(_MATHREEL_COMPLETE=bash_source mathreel)"
    """
    if project is not None:  # render processes find the root through the environment
        click.get_current_context().with_resource(use_root(project))


@cli.command("list")
@click.option("--json", "as_json", is_flag=True,
              help="Print the lessons as JSON (for scripts): number, slug, title and each "
                   "scene's name, title, file and rendered videos by quality.")
def list_command(as_json):
    """List lessons, their scenes, and the qualities each scene is rendered at.

    \b
    Examples:
      mathreel list
      mathreel list --json | jq -r '.lessons[].scenes[].name'
    """
    curriculum = current_curriculum()
    listed = listing(curriculum)
    if as_json:
        click.echo(json.dumps(listed, indent=2))
        return
    for lesson, entry in zip(curriculum.lessons, listed["lessons"]):
        click.secho(f"{lesson.code}  {lesson.slug}  {lesson.title}", bold=True)
        if lesson.error:
            click.secho(f"      error: {lesson.error}", fg="red")
        if not entry["scenes"]:
            click.echo("      (no scenes yet)")
        for scene in entry["scenes"]:
            status = ", ".join(scene["rendered"]) or "not rendered"
            click.echo(f"      {scene['name']:<32} {status}")


def _engine_options(func):
    """The render engine's options, shared by the commands that render."""
    options = [
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Render N scenes (or chunks of a scene) at once. "
                          "Default: the number of cores. Fewer processes are started "
                          "when there are fewer tasks or too little memory (a note says so)."),
        click.option("--force", is_flag=True,
                     help="Render even what the cache says is up to date."),
        click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="Run the jobs on a Dask cluster: a scheduler address "
                          "(tcp://host:8786) or 'local' for a LocalCluster on this machine."),
        click.option("--quiet", is_flag=True,
                     help="No live display: print only failures (one line each)."),
        click.option("--encoder", type=click.Choice(["fast", "release"]), default="fast",
                     show_default=True,
                     help="H.264 settings of the scene files: fast (x264 veryfast, CRF 23) "
                          "or release (Manim's default, x264 medium, CRF 23)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _engine_kwargs(jobs, force, scheduler, encoder) -> dict:
    return {"n_jobs": jobs, "force": force, "scheduler": scheduler, "encoder": encoder}


def _reporter(quiet: bool = False):
    """The command's one progress reporter, closed when the command ends
    (``--quiet``: one line per scene instead of live bars)."""
    return click.get_current_context().with_resource(make_reporter("auto", quiet=quiet))


@cli.command()
@click.argument("targets", nargs=-1, required=True, type=TargetParam())
@QUALITY_OPTION
@VOICE_OPTION
@click.option("-p", "--preview", "open_result", is_flag=True,
              help="Open each result in the system's viewer when done (nothing happens "
                   "where there is no display).")
@click.option("-n", "--from-animation-number", "animations", type=AnimationRange(),
              default=None, metavar="START[,END]",
              help="Render only animations START to END (from 0, END included; no END: to "
                   "the end), as Manim's -n; written as <Scene>.nSTART-END.mp4, no captions.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="mp4", show_default=True,
              help="What to write: the video, a GIF or WebM beside it, or png: the last "
                   "frame (under media/<quality>/frames/).")
@_engine_options
def render(targets, quality, voice, open_result, animations, fmt, jobs, force, scheduler,
           quiet, encoder):
    """Render scenes to video; prints each output path.

    TARGET is a lesson number (02), a lesson slug (matrix-decompositions), a
    scene class name (PowerIterationConverges), 'all', path/to/file.py:Scene
    for any Manim scene file, or Manim's form: path/to/file.py Scene [Scene...]
    (a file with one scene needs no name). Output:
    media/<quality>/scenes/<Scene>.mp4, with the narration as <Scene>.srt
    beside it; a still scene (no play() or wait()) gives its picture,
    <Scene>.png, as Manim does. A scene of a file that is not a lesson
    module goes to media/<quality>/files/<file-stem>/ instead.

    \b
    Examples:
      mathreel render 02
      mathreel render PowerIterationConverges -qh
      mathreel render ~/my_scenes.py SquareToCircle -ql -p
      mathreel render ~/my_scenes.py:SquareToCircle --format gif
      mathreel render PowerIterationConverges -n 3,5
      mathreel render 02 --voice espeak
      mathreel render all -j 2 --quiet
      mathreel render 02 --scheduler tcp://10.0.0.5:8786

    A scene is rendered again only when its content hash changes: its file,
    the project modules it imports, its curriculum entry, the quality, the
    encoder, the narration voice and recordings, the Manim version (--force
    renders anyway).
    """
    click.get_current_context().with_resource(use_voice(voice))  # restored after the command
    outputs = render_targets(current_curriculum(), targets, quality, fmt=fmt,
                             animations=animations, on_output=_print_path,
                             reporter=_reporter(quiet),
                             **_engine_kwargs(jobs, force, scheduler, encoder))
    if open_result:
        for output in outputs:
            show(output)


@cli.command()
@click.argument("target", type=TargetParam())
@click.option("--frame", is_flag=True, help="Write only the last frame, as PNG.")
@click.option("--watch", is_flag=True,
              help="Keep running: render again on every save of a file the target depends on.")
def preview(target, frame, watch):
    """The fastest useful render of one target, at low quality (480p15).

    With --frame, draws only the last frame and writes it as a PNG under
    media/low/frames/.

    \b
    Examples:
      mathreel preview PowerIterationConverges
      mathreel preview 02 --frame
      mathreel preview PowerIterationConverges --frame --watch
    """
    preview_target(current_curriculum(), target, frame=frame, watch=watch, reporter=_reporter(),
                   on_output=_print_path, echo=click.echo, reload=current_curriculum)


@cli.command()
@click.argument("targets", nargs=-1, required=True, type=TargetParam())
def check(targets):
    """Run scenes without drawing (Manim dry-run) and check the layout halfway
    through and at the end of every animation: every visible mobject inside
    the frame, no two text or formula mobjects overlapping, nothing drawn
    twice at one place (a ghost copy), no formula left mid-morph. A fault
    seen only inside an animation is reported with the fraction ("at 50%").
    Exits 1 when a scene fails or has problems.

    \b
    Examples:
      mathreel check 02
      mathreel check all
    """
    check_targets(current_curriculum(), targets, on_result=_echo_check)


def _echo_check(result: RenderResult) -> None:
    name = result.job.scene.name
    if not result.ok:
        click.echo(f"FAIL {name}: {result.error}")
    elif result.problems:
        click.echo(f"FAIL {name}: {len(result.problems)} layout problem(s)")
        for problem in result.problems:
            click.echo(f"       {problem}")
    else:
        click.echo(f"ok   {name} ({result.duration:.1f} s, {len(result.animation_ends)} animations)")


@cli.command()
@click.argument("lessons", nargs=-1, type=LessonParam())
@QUALITY_OPTION
@click.option("--plan", is_flag=True,
              help="Measure the timing plan (a dry run, nothing rendered) instead of built videos.")
def pace(lessons, quality, plan):
    """Measure what a viewer gets from each lesson: minutes, narration words
    per minute (130-175), caption characters per second (at most 17 overall,
    20 for the fastest 5 %), cue lengths (5/6 s to 7 s, 2 lines of 42), and
    for a built lesson its longest still stretch, loudness (-16 LUFS, true
    peak at most -1 dBTP) and share of speech. Exits 1 when a rule is broken.

    \b
    Examples:
      mathreel build 02 && mathreel pace 02
      mathreel pace --plan 07          # before rendering: from a dry run
      mathreel pace -q high            # every lesson stitched at 1080p60
    """
    from .commands.lessons import pace_reports

    broken = 0
    for report in pace_reports(current_curriculum(), lessons, quality, plan=plan):
        click.echo(report.row())
        for problem in report.problems():
            broken += 1
            click.echo(f"    {problem}")
    if broken:
        raise click.ClickException(f"{broken} pace or caption rule(s) broken (see above)")


@cli.command("contact-sheet")
@click.argument("target", type=TargetParam())
@QUALITY_OPTION
@click.option("--every", type=click.FloatRange(min=0.1), default=None, metavar="SECONDS",
              help="One frame every SECONDS instead of one per animation.")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the PNG (default: media/<quality>/sheets/<target>.png).")
def contact_sheet(target, quality, every, out):
    """Write one PNG with a grid of frames of a scene or a lesson: the last
    frame of every animation (or one every SECONDS), labelled with the scene,
    the animation number and the time. Renders what it needs first.

    \b
    Examples:
      mathreel contact-sheet 02
      mathreel contact-sheet PowerIterationConverges --every 2
    """
    click.echo(str(write_contact_sheet(current_curriculum(), target, quality, reporter=_reporter(),
                                       every=every,
                                       out=out)))


@cli.command()
def doctor():
    """Check ffmpeg, LaTeX, dvisvgm, Cairo/Pango and manim; say how to install
    what is missing. Exits 1 when something required is missing.

    \b
    Example:
      mathreel doctor
    """
    from .doctor import run_checks

    checks = run_checks()
    for check in checks:
        mark = click.style("ok  ", fg="green") if check.ok else click.style(
            "MISSING" if check.required else "absent ", fg="red" if check.required else "yellow")
        click.echo(f"{mark} {check.name}: {check.detail}")
    if any(c.required and not c.ok for c in checks):
        raise click.ClickException("some required tools are missing (see above)")


# ---------------------------------------------------------------- publish

PUBLISH_QUALITY_OPTION = click.option(
    "-q", "--quality", type=QualityParam(), metavar=QUALITY_METAVAR, default="high",
    show_default=True,
    help="Which stitched lessons to publish (media/<quality>/lessons/).")


def _publish_errors(func):
    """Publishing errors at the edge: what the user can fix exits 2, a tool
    or the YouTube API failing exits 1; each is one line."""
    import functools

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from .encode import EncodeError
        from .publish.lessons import PublishError, PublishFailure
        from .atomic import DestinationError
        from .publish.upload import CredentialsError, UploadError

        try:
            return func(*args, **kwargs)
        except (PublishError, CredentialsError, DestinationError) as exc:
            raise UserError(str(exc)) from None
        except (PublishFailure, UploadError, EncodeError) as exc:
            raise click.ClickException(str(exc)) from None
    return wrapper


def _warn(lines) -> None:
    for line in lines:
        click.secho(f"warning: {line}", fg="yellow", err=True)


@cli.group()
def publish():
    """Publish stitched lessons: a YouTube bundle per lesson (optionally
    uploaded), or a static blog.

    \b
    Examples:
      mathreel publish youtube 02 03
      mathreel publish youtube --login client_secret.json   # once
      mathreel publish youtube 02 --upload
      mathreel publish blog --out site/
    """


@publish.command("youtube")
@click.argument("lessons", nargs=-1, type=LessonParam())
@PUBLISH_QUALITY_OPTION
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for the bundles  [default: media/<quality>/youtube]")
@click.option("--privacy", type=click.Choice(["private", "unlisted", "public"]),
              default="private", show_default=True, help="The video's privacyStatus.")
@click.option("--thumbnail-at", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Take the thumbnail's frame here  [default: the middle of the second chapter]")
@click.option("--upload", is_flag=True,
              help="Send each bundle with the YouTube Data API (needs mathreel[youtube]).")
@click.option("--credentials", type=click.Path(dir_okay=False, path_type=Path), default=None,
              metavar="FILE", envvar="MATHREEL_YOUTUBE_TOKEN", show_envvar=True,
              help="Authorized-user token JSON  [default: the --login sign-in]")
@click.option("--login", "client_secret", type=click.Path(dir_okay=False, path_type=Path),
              default=None, metavar="CLIENT_SECRET.json",
              help="Sign in once in the browser with this OAuth client (Desktop app) and store "
                   "the token for --upload (~/.config/mathreel/youtube-token.json).")
@click.option("--logout", is_flag=True, help="Remove the stored sign-in.")
@_publish_errors
def publish_youtube(lessons, quality, out, privacy, thumbnail_at, upload, credentials,
                    client_secret, logout):
    """Write a YouTube bundle per lesson: the video, captions (.srt, .vtt),
    description.txt, metadata.json (videos.insert's body) and thumbnail.png.
    Prints each bundle's folder. With --upload, sends it too: video, then
    captions, then thumbnail, recorded in the bundle's upload.json so a
    re-run finishes what an interrupted one started.

    LESSON is a lesson number (02) or slug, stitched at --quality.

    --login signs in once (a browser opens, or the address to open is
    printed) and stores the token, readable by you only, under
    $XDG_CONFIG_HOME/mathreel/; --upload then uses it, refreshing it when
    it has expired. --logout removes it.

    \b
    Examples:
      mathreel publish youtube 02 03
      mathreel publish youtube --login ~/Downloads/client_secret.json
      mathreel publish youtube 02 --upload
      mathreel publish youtube 02 -q medium --out ~/uploads
      MATHREEL_YOUTUBE_TOKEN=~/yt-token.json mathreel publish youtube 02 --upload
      mathreel publish youtube --logout
    """
    from .commands.publishing import youtube_bundles

    if client_secret is not None or logout:
        _sign_in_or_out(client_secret, logout, bool(lessons or upload))
        return
    if not lessons:
        raise click.UsageError("name a lesson to publish (e.g. 02), or --login/--logout",
                               click.get_current_context())

    def on_bundle(bundle):
        _warn(bundle.warnings)
        click.echo(str(bundle.folder))

    def on_upload(lesson, result):
        click.echo(f"{lesson.lesson.code} uploaded: {result.url} ({result.privacy}), "
                   "captions and thumbnail set")

    youtube_bundles(current_curriculum(), lessons, quality, out=out, privacy=privacy,
                    thumbnail_at=thumbnail_at, upload=upload, credentials=credentials,
                    on_bundle=on_bundle, on_upload=on_upload,
                    log=lambda line: click.echo(f"  {line}", err=True))


def _sign_in_or_out(client_secret, logout: bool, more: bool) -> None:
    from .publish import youtube_auth

    if more or (client_secret is not None and logout):
        raise click.UsageError("--login and --logout stand alone (no lessons, no --upload)",
                               click.get_current_context())
    if logout:
        removed = youtube_auth.logout()
        click.echo(f"removed {removed}" if removed else
                   f"not signed in ({youtube_auth.token_path()} does not exist)")
        return
    click.echo(f"signed in; token stored in {youtube_auth.login(client_secret)}")


@publish.command("blog")
@click.argument("lessons", nargs=-1, type=LessonParam())
@PUBLISH_QUALITY_OPTION
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The site's folder, replaced as a whole  [default: media/<quality>/blog]")
@_publish_errors
def publish_blog(lessons, quality, out):
    """Write a static site: an index of lessons and a page per lesson with
    the video, captions, chapters, transcript, exercises and notebook. It
    needs no network: open index.html from disk or copy the folder to any
    static host. Prints the index's path.

    Without LESSON, publishes every lesson stitched at --quality.

    \b
    Examples:
      mathreel publish blog
      mathreel publish blog 02 03 --out site/
    """
    from .commands.publishing import blog_site

    site = blog_site(current_curriculum(), lessons, quality, out=out)
    _warn(site.warnings)
    click.echo(str(site.folder / "index.html"))


# ---- lesson videos: stitch, build ------------------------------------------------


def _minutes(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:05.2f}"


def _echo_stitched(result: StitchResult) -> None:
    """The video's path on stdout; how it was made, and any notes, on stderr."""
    click.echo(str(result.output))
    how = "up to date" if result.cached else f"in {result.seconds:.1f} s"
    click.echo(f"  {len(result.parts)} parts, {_minutes(result.duration)}, {result.method}, "
               f"{len(result.chapters)} chapters, {how}", err=True)
    for note in result.notes:
        if not note.startswith("re-encoding:"):
            click.echo(f"  note: {note}", err=True)
    if "burned" in result.sidecars:
        click.echo(str(result.sidecars["burned"]))


@cli.command()
@click.argument("lessons", nargs=-1, type=LessonParam())
@QUALITY_OPTION
@click.option("--course", is_flag=True,
              help="Also join every stitched lesson into media/<quality>/course.mp4.")
@click.option("--release", is_flag=True,
              help="Encode with YouTube's upload settings (always on for -q production).")
@click.option("--burn", is_flag=True,
              help="Also write NN_<slug>.burned.mp4 with the captions drawn into the picture.")
@click.option("--force", is_flag=True,
              help="Join again even when the parts and settings are those of the last stitch.")
@VOICE_OPTION
def stitch(lessons, quality, course, release, burn, force, voice):
    """Join a lesson's title card and rendered scenes into one video.

    Writes media/<quality>/lessons/NN_<slug>.mp4 with a soft subtitle track
    and chapters, and beside it .srt, .vtt, .chapters.json and .chapters.txt
    (YouTube's list). Parts that share codec, resolution, frame rate and pixel
    format are joined by stream copy; otherwise they are re-encoded and the
    part that differed is named. The scenes must be rendered first (or use
    `mathreel build`); the title card is rendered here. --course joins the
    stitched lessons into media/<quality>/course.mp4. A video whose parts and
    settings are unchanged since it was written is not joined again.

    \b
    Examples:
      mathreel stitch 02
      mathreel stitch 02 07 -q high --burn
      mathreel stitch --course
      mathreel stitch 02 -q production      # YouTube upload encoding
    """
    from .commands.lessons import stitch_lessons

    click.get_current_context().with_resource(use_voice(voice))  # restored after the command
    stitch_lessons(current_curriculum(), lessons, quality, course=course, release=release,
                   reporter=_reporter(),
                   burn=burn, force=force, on_result=_echo_stitched)


@cli.command()
@click.argument("lessons", nargs=-1, type=LessonParam())
@QUALITY_OPTION
@VOICE_OPTION
@click.option("--release", is_flag=True,
              help="Encode with YouTube's upload settings (always on for -q production).")
@click.option("--burn", is_flag=True,
              help="Also write NN_<slug>.burned.mp4 with the captions drawn into the picture.")
@click.option("--no-course", is_flag=True, help="Do not join the lessons into course.mp4.")
@_engine_options
def build(lessons, quality, voice, release, burn, no_course, jobs, force, scheduler, quiet,
          encoder):
    """Render, stitch and caption whole lessons in one command.

    Without LESSONS: every lesson that has scenes, then the course video.
    Each lesson's title card and scenes are rendered, then stitched with
    captions and chapters (see `mathreel stitch --help`). A scene that fails
    fails its lesson with the scene's error; the other lessons still finish,
    and the exit code is 1 when anything failed.

    \b
    Examples:
      mathreel build -q low                 # what `make preview` runs
      mathreel build 02 07 --voice espeak
      mathreel build -q production          # YouTube upload encoding
      mathreel build 02 --scheduler local   # render on a Dask LocalCluster

    Only what changed is done again: a scene whose content hash is unchanged
    is not rendered, and a lesson (or the course) whose parts and settings
    are those of its last stitch is not joined again (--force redoes both).
    """
    from .commands.lessons import build_error, build_lessons

    click.get_current_context().with_resource(use_voice(voice))  # restored after the command

    def on_lesson(outcome):
        if outcome.ok:
            _echo_stitched(outcome.result)
        else:
            click.echo(f"lesson {outcome.lesson.code} failed: {outcome.error}", err=True)

    report = build_lessons(current_curriculum(), lessons, quality, course=not no_course,
                           release=release, burn=burn, on_lesson=on_lesson,
                           reporter=_reporter(quiet),
                           **_engine_kwargs(jobs, force, scheduler, encoder))
    if report.skipped and not lessons:
        click.echo(f"skipped (no scenes yet): {', '.join(l.code for l in report.skipped)}",
                   err=True)
    if report.course is not None:
        _echo_stitched(report.course)
    error = build_error(report)
    if report.course_error and error != report.course_error:  # a lesson's error wins
        click.echo(report.course_error, err=True)
    if error is not None:
        raise click.ClickException(error)
    if not report.lessons:
        click.echo("no lesson has scenes yet: nothing to build", err=True)


def main():
    # One name however it is started (the entry point, python -m, a wrapper),
    # so help, the Try line and the completion variable (_MATHREEL_COMPLETE) agree.
    cli(prog_name="mathreel")
