"""vitest-chaos Python bridge: runs Chaos Toolkit python activities and controls for a Node.js run.

Run mode (no argument): JSON lines, requests read from file descriptor 3 and answers written to
file descriptor 4, so whatever user code prints on stdout or stderr stays out of the protocol.
Each call runs in its own thread (background activities run side by side, as in chaoslib).

Inspect mode (--inspect): one JSON request on stdin, one JSON answer on the original stdout (user
modules printing at import time are sent to stderr): can each module be imported, does it expose
the function, do the arguments bind to its signature (chaoslib's validate_python_activity).

Only the standard library is used: no chaoslib, no PyPI.
"""
import ctypes
import datetime
import decimal
import importlib
import inspect
import io
import json
import os
import sys
import threading
import time
import traceback
import uuid

PROTOCOL = 1
STOP_GRACE_SECONDS = 1.0


def describe_exception(error):
    """Class name, message, chaoslib's one-line wording ("pkg.mod.Error: boom"), and the traceback frames."""
    only = traceback.format_exception_only(type(error), error)[-1].strip()
    name = type(error).__name__
    message = only[len(name) + 2:] if only.startswith(name + ": ") else ("" if only == name else only)
    frames = [
        {"file": f.filename, "line": f.lineno, "name": f.name}
        for f in traceback.extract_tb(error.__traceback__)
    ]
    return {
        "type": name,
        "summary": only,
        "message": message,
        "frames": frames,
        "traceback": traceback.format_exception(type(error), error, error.__traceback__),
    }


def encode_result(value):
    """The value as JSON, as chaostoolkit's journal encoder writes it; other objects become their repr."""
    replaced = []

    def fallback(o):
        if isinstance(o, (datetime.date, datetime.datetime)):
            return o.isoformat()
        if isinstance(o, (decimal.Decimal, uuid.UUID)):
            return str(o)
        replaced.append(type(o).__name__)
        return repr(o)

    try:
        text = json.dumps(value, default=fallback, allow_nan=False)
    except (TypeError, ValueError):
        replaced.append(type(value).__name__)
        text = json.dumps(repr(value))
    return text, replaced


class ThreadStdout(io.TextIOBase):
    """sys.stdout/sys.stderr that keeps what a call prints for that call's answer (other threads print as usual)."""

    def __init__(self, real, key):
        self.real = real
        self.key = key
        self.local = threading.local()

    def capture(self, buffer):
        self.local.buffer = buffer

    def write(self, text):
        buffer = getattr(self.local, "buffer", None)
        if buffer is None:
            return self.real.write(text)
        buffer.append(text)
        return len(text)

    def flush(self):
        self.real.flush()

    def writable(self):
        return True


def accepts(func, name):
    try:
        return name in inspect.signature(func).parameters
    except (TypeError, ValueError):
        return False


def activity_arguments(func, request):
    """chaoslib's run_python_activity binding: configuration always, secrets only when declared."""
    arguments = dict(request.get("arguments") or {})
    scopes = request.get("secret_scopes")
    secrets = request.get("secrets") or {}
    if scopes is not None and accepts(func, "secrets"):
        merged = {}
        for scope in scopes:
            merged.update(dict(secrets.get(scope) or {}))
        arguments["secrets"] = merged
    if accepts(func, "configuration"):
        arguments["configuration"] = dict(request.get("configuration") or {})
    return arguments


CONTROL_INJECTED = ("secrets", "configuration", "state", "experiment", "extensions", "settings")


def control_call(func, request):
    """chaoslib's apply_python_control / initialize_control / cleanup_control binding."""
    hook = request["func"]
    if hook == "cleanup_control":
        return func, {}
    arguments = dict(request.get("arguments") or {})
    values = {
        "secrets": request.get("secrets"),
        "configuration": request.get("configuration"),
        "state": request.get("state"),
        "experiment": request.get("experiment"),
        "extensions": (request.get("experiment") or {}).get("extensions"),
        "settings": request.get("settings"),
        "event_registry": None,
    }
    names = ("experiment", "secrets", "configuration", "settings", "event_registry") if hook == "configure_control" else CONTROL_INJECTED
    for name in names:
        if accepts(func, name):
            arguments[name] = values[name]
    if hook != "configure_control":
        arguments["context"] = request.get("context")
    return func, arguments


def snapshot(value):
    return json.dumps(value, sort_keys=True, default=repr) if isinstance(value, dict) else None


def control_changes(request, before):
    """The context and state dicts a control changed in place (chaoslib's controls share them with the run)."""
    changed = {}
    for name in ("context", "state"):
        if before[name] is not None and snapshot(request.get(name)) != before[name]:
            changed[name] = encode_result(request.get(name))[0]
    return changed


def run_request(request, stdout, stderr):
    """One call; returns the answer (never raises)."""
    printed = []
    stdout.capture(printed)
    stderr.capture(printed)
    try:
        try:
            module = importlib.import_module(request["module"])
            func = getattr(module, request["func"], None)
        except BaseException as error:  # noqa: BLE001 - chaoslib lets import errors escape the activity
            return {"ok": False, "phase": "load", "error": describe_exception(error), "printed": "".join(printed)}
        if func is None and request["op"] == "control":
            return {"ok": True, "missing": True, "value": "null", "replaced": [], "printed": ""}
        if func is None:
            message = "module '%s' has no attribute '%s'" % (request["module"], request["func"])
            return {"ok": False, "phase": "load", "error": {"type": "AttributeError", "summary": "AttributeError: " + message, "message": message, "frames": [], "traceback": []}, "printed": ""}
        before = {name: snapshot(request.get(name)) for name in ("context", "state")}
        if request["op"] == "control":
            func, arguments = control_call(func, request)
        else:
            arguments = activity_arguments(func, request)
        value = func(**arguments)
        text, replaced = encode_result(value)
        answer = {"ok": True, "value": text, "replaced": replaced, "printed": "".join(printed)}
        if request["op"] == "control":
            answer.update(control_changes(request, before))
        return answer
    except BaseException as error:  # noqa: BLE001 - everything a user function raises is reported
        return {"ok": False, "phase": "call", "error": describe_exception(error), "printed": "".join(printed)}
    finally:
        stdout.capture(None)
        stderr.capture(None)


def interrupt_thread(thread):
    """Raises KeyboardInterrupt inside a running call (between bytecodes; a blocked C call finishes first)."""
    if thread.ident is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(KeyboardInterrupt))


def serve():
    requests = os.fdopen(3, "rb", buffering=0)
    answers = os.fdopen(4, "wb", buffering=0)
    lock = threading.Lock()
    calls = {}
    stdout = ThreadStdout(sys.stdout, "stdout")
    stderr = ThreadStdout(sys.stderr, "stderr")
    sys.stdout, sys.stderr = stdout, stderr

    def answer(message):
        data = (json.dumps(message) + "\n").encode("utf-8")
        with lock:
            answers.write(data)

    def work(request):
        reply = run_request(request, stdout, stderr)
        reply["id"] = request["id"]
        calls.pop(request["id"], None)
        answer(reply)

    version = ".".join(str(part) for part in sys.version_info[:3])
    answer({"ready": True, "protocol": PROTOCOL, "version": version, "executable": sys.executable})
    for line in iter(requests.readline, b""):
        request = json.loads(line)
        if request["op"] == "cancel":
            thread = calls.get(request["id"])
            if thread is not None:
                interrupt_thread(thread)
            continue
        thread = threading.Thread(target=work, args=(request,), daemon=True)
        calls[request["id"]] = thread
        thread.start()
    # the run ended: calls still running were given up; let them unwind (finally blocks) briefly
    deadline = time.monotonic() + STOP_GRACE_SECONDS
    for thread in list(calls.values()):
        interrupt_thread(thread)
        thread.join(max(0.0, deadline - time.monotonic()))
    os._exit(0)


def signature_problems(func, given):
    """Every missing required parameter, then every unknown one (chaoslib reports the first of them)."""
    try:
        parameters = inspect.signature(func).parameters.values()
    except (TypeError, ValueError):
        return []
    names = {p.name for p in parameters}
    takes_any = any(p.kind == p.VAR_KEYWORD for p in parameters)
    problems = []
    for p in parameters:
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.kind == p.POSITIONAL_ONLY and p.name in given:
            problems.append({"kind": "positional", "argument": p.name})
        elif p.default is p.empty and p.name not in given:
            problems.append({"kind": "missing", "argument": p.name})
    if not takes_any:
        problems.extend({"kind": "unknown", "argument": name} for name in given if name not in names)
    return sorted(problems, key=lambda problem: problem["kind"] != "missing")


def validate_control(module, control):
    """chaoslib's validate_python_control: the control module may validate its declaration itself."""
    validator = getattr(module, "validate_control", None)
    if validator is None:
        return {}
    try:
        validator(control)
    except BaseException as error:  # noqa: BLE001 - chaoslib lets it fail validation
        return {"error": "control", "message": describe_exception(error)["summary"]}
    return {}


def inspect_target(target):
    """One activity or control: importable? function there? arguments bind? (chaoslib's rules)."""
    try:
        module = importlib.import_module(target["module"])
    except BaseException as error:  # noqa: BLE001 - an import may fail in any way
        return {"error": "import", "message": describe_exception(error)["traceback"][-1].strip()}
    if target.get("kind") == "control":
        return validate_control(module, target.get("control"))
    candidates = dict(inspect.getmembers(module, inspect.isfunction))
    candidates.update(inspect.getmembers(module, inspect.isbuiltin))
    func = candidates.get(target["func"])
    if func is None:
        return {"error": "function", "exists": hasattr(module, target["func"])}
    given = list(target.get("arguments") or [])
    for injected in ("secrets", "configuration"):
        if accepts(func, injected) and injected not in given:
            given.append(injected)
    problems = signature_problems(func, given)
    return {"error": "binding", "problems": problems} if problems else {}


def inspect_mode():
    out = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    request = json.load(sys.stdin)
    version = ".".join(str(part) for part in sys.version_info[:3])
    results = [inspect_target(target) for target in request["targets"]]
    out.write(json.dumps({"version": version, "executable": sys.executable, "results": results}))
    out.flush()


if __name__ == "__main__":
    # the bridge's own folder is not where user modules live (chaos's sys.path[0] is its bin folder)
    if sys.path and os.path.abspath(sys.path[0] or ".") == os.path.dirname(os.path.abspath(__file__)):
        sys.path.pop(0)
    if sys.argv[1:] == ["--inspect"]:
        inspect_mode()
    else:
        serve()
