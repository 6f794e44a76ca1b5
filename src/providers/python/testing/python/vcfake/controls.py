"""A control that records every hook chaoslib calls, one JSON line per call, in the file `path`."""
import json

calls_path = None


def record(hook, **details):
    with open(calls_path, "a") as calls:
        calls.write(json.dumps(dict(hook=hook, **details), default=str) + "\n")


def configure_control(path, experiment=None, configuration=None, secrets=None, settings=None):
    global calls_path
    calls_path = path
    record("configure_control", title=experiment["title"], configuration=configuration)


def before_experiment_control(context, path, **kwargs):
    record("before_experiment_control", context=context["title"])


def after_experiment_control(context, state, path, **kwargs):
    record("after_experiment_control", status=state["status"], deviated=state["deviated"])


def before_hypothesis_control(context, path, **kwargs):
    record("before_hypothesis_control", context=context["title"])


def after_hypothesis_control(context, state, path, **kwargs):
    record("after_hypothesis_control", met=state["steady_state_met"])


def before_method_control(context, path, **kwargs):
    record("before_method_control")


def after_method_control(context, state, path, **kwargs):
    record("after_method_control", runs=[run["activity"]["name"] for run in state])


def before_rollback_control(context, path, **kwargs):
    record("before_rollback_control")


def after_rollback_control(context, state, path, **kwargs):
    record("after_rollback_control", runs=[run["activity"]["name"] for run in state])


def before_activity_control(context, path, experiment=None, configuration=None, secrets=None, extensions=None):
    record("before_activity_control", activity=context["name"], extensions=extensions)


def after_activity_control(context, state, path, **kwargs):
    record("after_activity_control", activity=context["name"], status=state["status"], output=state["output"])


def cleanup_control():
    record("cleanup_control")
