"""Settings: one frozen, validated object that the CLI, the pytest plugin and the library share.

Read from ``[tool.crosscheck]`` of the nearest ``pyproject.toml`` and checked against
``crosscheck/schema/config.schema.json`` the way ruff checks its own table: an unknown key, a wrong
type or a value out of range is one line naming the key and what was expected, never a silent
default. Nothing here is a module global that a caller changes; a changed copy comes from
``Settings.replace``.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

#: overrides of one source: {"outlet": ..., "published": "YYYY-MM-DD"}
Override = Mapping[str, Any]


@dataclass(frozen=True)
class Tolerances:
    """How far two figures may differ and still be one figure, and when two are one fact."""

    #: relative difference two exact round figures may have and still be the same figure rounded
    rounding: float = 0.02
    #: how alike two sentences' content words must be (0-100) when nothing else ties two claims
    similarity: float = 55.0
    #: two figures further apart than this factor are not one fact misreported but two facts
    magnitude: float = 20.0

    def __post_init__(self) -> None:
        if (self.rounding, self.similarity, self.magnitude) != (0.02, 55.0, 20.0):
            check_settings({"tolerances": dataclasses.asdict(self)}, where="Tolerances")


class Frozen(Mapping[str, Any]):
    """A read-only mapping that pickles (settings travel to worker processes)."""

    __slots__ = ("_data",)
    _data: dict[str, Any]

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        object.__setattr__(self, "_data", dict(data or {}))

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Frozen({self._data!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self.items()) == dict(other.items())

    def __hash__(self) -> int:
        return hash(json.dumps(_thawed(self), sort_keys=True, default=str))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Frozen, (self._data,))


def _frozen(value: Any) -> Any:
    if isinstance(value, Mapping):
        return Frozen({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


def _thawed(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _thawed(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thawed(v) for v in value]
    return copy.deepcopy(value)


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told; the defaults are what crosscheck does with no configuration."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    #: extra rule folders or files (absolute, or relative to ``root``)
    rules: tuple[str, ...] = ()
    timeout: float = 10.0
    min_outlets: int = 2
    #: claims one source may yield; past it the rest of the source is not read, and reports say so
    max_claims: int = 5000
    tolerances: Tolerances = field(default_factory=Tolerances)
    #: outlet and published date by source id ('*' for every source)
    outlets: Mapping[str, Override] = field(default_factory=Frozen)
    #: free settings for user rules
    options: Mapping[str, Any] = field(default_factory=Frozen)
    #: the folder of the pyproject.toml the settings came from (rule paths are relative to it)
    root: Path | None = None
    #: where the settings were read from, for messages
    origin: str = "defaults"

    def __post_init__(self) -> None:
        object.__setattr__(self, "select", tuple(self.select))
        object.__setattr__(self, "ignore", tuple(self.ignore))
        object.__setattr__(self, "rules", tuple(str(r) for r in self.rules))
        object.__setattr__(self, "outlets", _frozen(self.outlets))
        object.__setattr__(self, "options", _frozen(self.options))
        if not (self.select or self.ignore or self.rules or self.outlets or self.options) and (
            self.timeout,
            self.min_outlets,
            self.max_claims,
        ) == (10.0, 2, 5000):
            return  # the defaults: valid, and no need to import jsonschema (start-up time)
        raw = {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "rules": list(self.rules),
            "timeout": self.timeout,
            "min_outlets": self.min_outlets,
            "max_claims": self.max_claims,
            "outlets": _thawed(self.outlets),
            "options": _thawed(self.options),
        }
        check_settings(raw, where=self.origin)

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed (validated like the original)."""
        return dataclasses.replace(self, **changes)

    def rule_dirs(self) -> list[Path]:
        root = self.root or Path(".")
        return [Path(p) if Path(p).is_absolute() else root / p for p in self.rules]

    def overrides(self) -> dict[str, dict[str, Any]]:
        """A fresh, mutable copy of the per-source overrides."""
        return _thawed(self.outlets)

    def rule_config(self) -> dict[str, Any]:
        """What a rule's ``config`` argument receives: a fresh copy, so no rule changes another's."""
        return {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "timeout": self.timeout,
            "min_outlets": self.min_outlets,
            "max_claims": self.max_claims,
            "tolerances": dataclasses.asdict(self.tolerances),
            "outlets": _thawed(self.outlets),
            **_thawed(self.options),
        }


DEFAULT = Settings()
DEFAULT_TOLERANCES = DEFAULT.tolerances


# --------------------------------------------------------------------------- validation


@cache
def _schema(name: str) -> dict[str, Any]:
    with resources.files("crosscheck").joinpath("schema", name).open(encoding="utf-8") as fh:
        return json.load(fh)


_KINDS = {
    "array": "a list",
    "string": "a string",
    "number": "a number",
    "integer": "a whole number",
    "object": "a table",
    "null": "null",
    "boolean": "true or false",
}


def _expected(schema: Mapping[str, Any]) -> str:
    kinds = schema.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    words = [_KINDS.get(str(k), str(k)) for k in kinds if k]
    text = " or ".join(words) or "another value"
    items = schema.get("items", {}).get("type") if isinstance(schema.get("items"), Mapping) else None
    if items:
        text += f" of {_KINDS.get(items, items).removeprefix('a ')}s"
    return text


def _non_finite(value: Any, path: tuple[str, ...] = ()) -> tuple[tuple[str, ...], float] | None:
    if isinstance(value, float) and not math.isfinite(value):
        return path, value
    if isinstance(value, Mapping):
        for k, v in value.items():
            found = _non_finite(v, (*path, str(k)))
            if found:
                return found
    if isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            found = _non_finite(v, (*path, str(i)))
            if found:
                return found
    return None


def check_settings(raw: Mapping[str, Any], *, where: str, schema: str = "config.schema.json") -> None:
    """Raise ConfigError naming the first wrong key of ``raw`` and what it should be."""
    import jsonschema

    bad = _non_finite(raw)
    if bad:
        raise ConfigError(f"{where}: {'.'.join(bad[0])}: expected a finite number, got {bad[1]}")
    validator = jsonschema.Draft202012Validator(_schema(schema))
    errors = sorted(validator.iter_errors(raw), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return
    err = errors[0]
    if err.validator == "oneOf" and err.context:  # the sidecar's two shapes: say what is wrong in the likelier one
        err = sorted(err.context, key=lambda e: -len(e.absolute_path))[0]
    key = ".".join(str(p) for p in err.absolute_path)
    prefix = f"{where}: {key}: " if key else f"{where}: "
    if err.validator == "additionalProperties":
        known = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(known)) if isinstance(err.instance, Mapping) else []
        hint = f" (known: {', '.join(known)})" if known else ""
        raise ConfigError(f"{prefix}unknown key {extra[0] if extra else '?'!r}{hint}")
    if err.validator == "type":
        raise ConfigError(f"{prefix}expected {_expected(err.schema)}, got {err.instance!r}")
    if err.validator in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
        sign = {"minimum": ">=", "exclusiveMinimum": ">", "maximum": "<=", "exclusiveMaximum": "<"}[str(err.validator)]
        raise ConfigError(f"{prefix}expected a number {sign} {err.validator_value}, got {err.instance!r}")
    if err.validator == "pattern":
        raise ConfigError(f"{prefix}expected a date YYYY-MM-DD, got {err.instance!r}")
    raise ConfigError(f"{prefix}{err.message}")


def from_mapping(raw: Mapping[str, Any], *, where: str = "settings", root: Path | None = None) -> Settings:
    """Settings from a ``[tool.crosscheck]``-shaped mapping, validated first."""
    if not raw:
        return Settings(root=root, origin=where)
    check_settings(raw, where=where)
    tol = dict(raw.get("tolerances", {}))
    known = {f.name for f in dataclasses.fields(Tolerances)}
    return Settings(
        select=tuple(raw.get("select", ())),
        ignore=tuple(raw.get("ignore", ())),
        rules=tuple(raw.get("rules", ())),
        timeout=float(raw.get("timeout", 10.0)),
        min_outlets=int(raw.get("min_outlets", 2)),
        max_claims=int(raw.get("max_claims", 5000)),
        tolerances=Tolerances(**{k: float(v) for k, v in tol.items() if k in known}),
        outlets=raw.get("outlets", {}),
        options=raw.get("options", {}),
        root=root,
        origin=where,
    )


def find_pyproject(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for d in (folder, *folder.parents):
        if (d / "pyproject.toml").is_file():
            return d / "pyproject.toml"
    return None


def load_settings(start: Path | None = None) -> Settings:
    """``[tool.crosscheck]`` of the nearest pyproject.toml (from ``start`` up), else the defaults."""
    import tomllib

    path = find_pyproject(start)
    if path is None:
        return DEFAULT
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
    tool = data.get("tool", {})
    table = tool.get("crosscheck", {}) if isinstance(tool, Mapping) else {}
    if not isinstance(table, Mapping):
        raise ConfigError(f"{path}: [tool.crosscheck]: expected a table, got {table!r}")
    return from_mapping(table, where=f"{path} [tool.crosscheck]", root=path.parent)


def check_sidecar(raw: Any, *, where: str) -> dict[str, dict[str, Any]]:
    """The per-source overrides of a ``crosscheck.meta.json``, validated."""
    check_settings(raw, where=where, schema="sidecar.schema.json")
    return {k: dict(v) for k, v in (raw["sources"] if "sources" in raw else raw).items()}
