"""A control that validates its own declaration, as chaoslib lets control modules do."""


def validate_control(control):
    if "level" not in (control.get("provider", {}).get("arguments") or {}):
        raise ValueError("control '%s' needs a 'level' argument" % control["name"])


def before_activity_control(context, level):
    pass
