"""Runs Google's `earthengine` CLI and client scripts in one Python process, one request at a time.

Each request is a JSON line on stdin:
  {"args": [...]}                    the CLI, as `earthengine ARGS...` runs it: ee.cli.eecli.main,
                                     the console script's entry point, with sys.argv set the same way
  {"script": PATH, "args": [...]}    a client script, as `python PATH ARGS...` runs it
Each answer is one JSON line on stdout: {"code": exit status, "stdout": ..., "stderr": ...}.

A Python start with the client loaded costs most of a command's time, so the conformance tests
pay it once per suite instead of once per command. Every command still goes through Google's
code from its entry point: the CLI parses its arguments, reads EE_CONFIG_FILE, authenticates and
initializes the client (ee.Initialize) anew, exactly as a fresh `earthengine` process does.
"""
import contextlib
import io
import json
import runpy
import sys
import traceback

from ee.cli import eecli

answers = sys.stdout


def exit_status(code, stderr):
    """The status the interpreter would exit with for SystemExit(code), writing a message as it does."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=stderr)
    return 1


def run(request):
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            if "script" in request:
                sys.argv = [request["script"], *request["args"]]
                runpy.run_path(request["script"], run_name="__main__")
            else:
                sys.argv = ["earthengine", *request["args"]]
                eecli.main()
            code = 0
        except SystemExit as exit:
            code = exit_status(exit.code, stderr)
        except BaseException:  # what the interpreter prints for an uncaught exception, and its status
            traceback.print_exc()
            code = 1
    return {"code": code, "stdout": stdout.getvalue(), "stderr": stderr.getvalue()}


for line in sys.stdin:
    answers.write(json.dumps(run(json.loads(line))) + "\n")
    answers.flush()
