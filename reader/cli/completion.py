"""``rtl-reader completion bash|zsh``: shell completion made from the parser,
so it names every command and option the command has.

Bash: ``rtl-reader completion bash >
~/.local/share/bash-completion/completions/rtl-reader``. Zsh: ``rtl-reader
completion zsh > ~/.zfunc/_rtl-reader`` with ``~/.zfunc`` in ``fpath``
before ``compinit``.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

FILE_METAVARS = ("PATH", "FILE", "FILE.png", "PATH|URL", "ID|FILE|-", "ID|URI|FILE")
"""Metavars whose values are completed as file names."""


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]
    help: str
    takes_value: bool
    choices: tuple[str, ...]
    files: bool


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    files: bool  # positional arguments are file names (or may be)
    choices: tuple[str, ...]  # the values of its positional argument, when fixed


def describe(parser: argparse.ArgumentParser) -> tuple[tuple[Option, ...], tuple[Command, ...]]:
    """The top-level options and the commands of ``parser``."""
    top = _options(parser)
    commands: list[Command] = []
    for action in parser._actions:  # argparse keeps its subparsers here only
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, sub in action.choices.items():
                positional = [a for a in sub._actions if not a.option_strings]
                files = any(a.metavar in FILE_METAVARS for a in positional)
                choices = tuple(str(c) for a in positional for c in a.choices or ())
                commands.append(Command(name, helps.get(name, ""), _options(sub), files,
                                        choices))
    return top, tuple(commands)


def _options(parser: argparse.ArgumentParser) -> tuple[Option, ...]:
    found = []
    for action in parser._actions:
        if not action.option_strings:
            continue
        takes_value = action.nargs != 0
        choices = tuple(str(c) for c in action.choices or ())
        files = takes_value and str(action.metavar) in FILE_METAVARS
        found.append(Option(tuple(action.option_strings), action.help or "", takes_value,
                            choices, files))
    return tuple(found)


def bash_script(parser: argparse.ArgumentParser) -> str:
    """A bash completion function for ``rtl-reader``."""
    top, commands = describe(parser)
    names = " ".join(c.name for c in commands)
    top_words = " ".join(n for o in top for n in o.names)
    value_cases = []
    for where, options in [("", top), *((c.name, c.options) for c in commands)]:
        for option in options:
            if not option.takes_value:
                continue
            pattern = "|".join(f"{where}:{n}" for n in option.names)
            if option.choices:
                reply = f'COMPREPLY=( $(compgen -W "{" ".join(option.choices)}" -- "$cur") )'
            elif option.files:
                reply = 'COMPREPLY=( $(compgen -f -- "$cur") )'
            else:
                reply = "COMPREPLY=()"
            value_cases.append(f"        {pattern}) {reply}; return ;;")
    option_cases = [f'        {c.name}) opts="{" ".join(n for o in c.options for n in o.names)}"'
                    f'; words="{" ".join(c.choices)}"; files={int(c.files)} ;;'
                    for c in commands]
    return "\n".join([
        "# bash completion for rtl-reader (made by `rtl-reader completion bash`)",
        "_rtl_reader() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local cmd="" i opts="" words="" files=0',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "${COMP_WORDS[i]}" in',
        "            --store) ((i++)) ;;",
        "            -*) ;;",
        '            *) cmd="${COMP_WORDS[i]}"; break ;;',
        "        esac",
        "    done",
        '    case "$cmd:$prev" in',
        *value_cases,
        "    esac",
        '    if [[ -z "$cmd" ]]; then',
        f'        COMPREPLY=( $(compgen -W "{names} {top_words} --help" -- "$cur") )',
        "        return",
        "    fi",
        '    case "$cmd" in',
        *option_cases,
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=( $(compgen -W "$opts" -- "$cur") )',
        '    elif [[ -n "$words" ]]; then',
        '        COMPREPLY=( $(compgen -W "$words" -- "$cur") )',
        "    elif [[ $files -eq 1 ]]; then",
        '        COMPREPLY=( $(compgen -f -- "$cur") )',
        "    else",
        '        COMPREPLY=( $(compgen -W "$opts" -- "$cur") )',
        "    fi",
        "}",
        "complete -o filenames -F _rtl_reader rtl-reader",
        "",
    ])


def _zsh_text(text: str) -> str:
    """``text`` inside a single-quoted ``_arguments`` spec: no quote, and
    the spec's own characters escaped."""
    for char in "\\[]:":
        text = text.replace(char, "\\" + char)
    return text.replace("'", "").replace("`", "")


def _zsh_spec(option: Option) -> str:
    """One ``_arguments`` spec: ``'--name[help]:value:(choices)'``, aliases
    as ``'(-o --output)'{-o,--output}'[help]...'``."""
    tail = f"[{_zsh_text(option.help)}]"
    if option.takes_value:
        if option.choices:
            tail += f":value:({' '.join(option.choices)})"
        elif option.files:
            tail += ":file:_files"
        else:
            tail += ":value: "
    if len(option.names) == 1:
        return f"'{option.names[0]}{tail}'"
    return f"'({' '.join(option.names)})'{{{','.join(option.names)}}}'{tail}'"


def zsh_script(parser: argparse.ArgumentParser) -> str:
    """A zsh completion function (``#compdef rtl-reader``)."""
    top, commands = describe(parser)
    described = [f"    '{c.name}:{c.help.replace(chr(39), '')}'" for c in commands]
    cases = []
    for c in commands:
        specs = " ".join(_zsh_spec(o) for o in c.options)
        rest = " '*:file:_files'" if c.files else ""
        if c.choices:
            rest = f" '1:value:({' '.join(c.choices)})'"
        cases.append(f"        {c.name}) _arguments {specs}{rest} ;;")
    top_specs = " ".join(_zsh_spec(o) for o in top)
    return "\n".join([
        "#compdef rtl-reader",
        "# zsh completion for rtl-reader (made by `rtl-reader completion zsh`)",
        "_rtl_reader() {",
        "  local curcontext=$curcontext state line",
        "  local -a commands",
        "  commands=(",
        *described,
        "  )",
        f"  _arguments -C {top_specs} '1: :->command' '*:: :->args'",
        "  case $state in",
        "    command) _describe -t commands 'rtl-reader command' commands ;;",
        "    args)",
        "      case $words[1] in",
        *cases,
        "      esac ;;",
        "  esac",
        "}",
        '_rtl_reader "$@"',
        "",
    ])


def cmd_completion(args: argparse.Namespace, store: str | None) -> int:
    from reader.cli.parser import build_parser

    parser = build_parser()
    print(bash_script(parser) if args.shell == "bash" else zsh_script(parser), end="")
    return 0
