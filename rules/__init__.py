"""crosscheck's built-in rules (installed as ``crosscheck.builtin_rules``)."""
