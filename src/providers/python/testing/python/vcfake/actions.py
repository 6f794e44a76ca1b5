"""Actions and probes of the fake extension: plain values, injected configuration and secrets, failures."""
import datetime
import os
import signal
import sys
import threading
import time



class ServiceUnavailable(Exception):
    pass


def restart_service(name, replicas=1):
    return {"restarted": name, "replicas": replicas, "at": datetime.date(2026, 1, 2)}


def describe_call(value, configuration=None, secrets=None):
    return {"value": value, "configuration": configuration, "secrets": secrets}


def fail(message="service is down"):
    raise ServiceUnavailable(message)


def slow(seconds=3600, marker=None):
    """Sleeps in short steps, so a cancelled call stops between two of them; touches `marker` when it ends."""
    try:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(0.05)
        return seconds
    finally:
        if marker:
            with open(marker, "w") as done:
                done.write("stopped")


def stuck():
    """Blocks in one C call that KeyboardInterrupt cannot reach: only killing the interpreter ends it."""
    threading.Event().wait()


def returns_object():
    return {"lock": threading.Lock(), "numbers": (1, 2)}


def chatty(word="hello"):
    print("saying", word)
    print("to stderr", file=sys.stderr)
    return word


def kill_interpreter():
    os.write(2, b"about to die\n")
    os.kill(os.getpid(), signal.SIGKILL)


def interpreter_pid():
    return os.getpid()
