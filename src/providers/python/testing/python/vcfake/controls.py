"""A control that records every hook chaoslib calls, one JSON line per call, in the file given as `path`."""
import json

# chaoslib calls cleanup_control() without arguments: remember where each configured control records
configured = []


def record(path, hook, **details):
    with open(path, "a") as calls:
        calls.write(json.dumps(dict(hook=hook, **details), default=str) + "\n")


def configure_control(path, experiment=None, configuration=None, secrets=None, settings=None):
    configured.append(path)
    record(path, "configure_control", title=experiment["title"], configuration=configuration)


def before_experiment_control(context, path, **kwargs):
    record(path, "before_experiment_control", context=context["title"])


def after_experiment_control(context, state, path, **kwargs):
    record(path, "after_experiment_control", status=state["status"], deviated=state["deviated"])


def before_hypothesis_control(context, path, **kwargs):
    record(path, "before_hypothesis_control", context=context["title"])


def after_hypothesis_control(context, state, path, **kwargs):
    record(path, "after_hypothesis_control", met=state["steady_state_met"])


def before_method_control(context, path, **kwargs):
    record(path, "before_method_control")


def after_method_control(context, state, path, **kwargs):
    record(path, "after_method_control", runs=[run["activity"]["name"] for run in state])


def before_rollback_control(context, path, **kwargs):
    record(path, "before_rollback_control")


def after_rollback_control(context, state, path, **kwargs):
    record(path, "after_rollback_control", runs=[run["activity"]["name"] for run in state])


def before_activity_control(context, path, experiment=None, configuration=None, secrets=None, extensions=None):
    record(path, "before_activity_control", activity=context["name"], extensions=extensions)


def after_activity_control(context, state, path, **kwargs):
    record(path, "after_activity_control", activity=context["name"], status=state["status"], output=state["output"])


def cleanup_control():
    while configured:
        record(configured.pop(0), "cleanup_control")
