"""Controls that raise: an ordinary error (logged and ignored) and InterruptExecution (interrupts the run)."""


class InterruptExecution(Exception):
    pass


def before_activity_control(context, name_to_stop=None):
    if context["name"] == name_to_stop:
        raise InterruptExecution("stop before '%s'" % context["name"])
    raise ValueError("this control is broken")
