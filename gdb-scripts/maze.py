# maze inside gdb: `source gdb-scripts/maze.py`, then `maze help`.
#
# Runs in stock gdb 13 with Python. Never calls into the inferior and never loads an analyzed
# library into gdb's own process: versions are read from the files' bytes.
import json
import os
import re
import shlex
import subprocess

import gdb

SCRIPT_DIR = os.path.dirname(os.path.abspath(os.path.expanduser(__file__))) if "__file__" in globals() else os.getcwd()

HELP = """maze: where the heap memory of this process went.
  maze heap [--json FILE] [--top N]   analyze the core gdb has open (same table as `maze analyze`)
  maze layout STRUCT...               struct layouts as JSON (same as `maze layouts`)
  maze allocators                     allocators of the core gdb has open, their versions, which serves malloc
  maze leaks [--top N] [--human]      live blocks no root reaches, by type (same as `maze leaks`)
  maze refs ADDR                      why the block holding ADDR is alive: who points to it, the path from a
                                      root (same as `maze refs`); ADDR is a number or any gdb expression
  maze help                           this text
The analysis runs maze's launcher (MAZE_BIN, else bin/maze next to this script, else `maze` on PATH)."""


# ---------------------------------------------------------------- layouts

def _expands(ftype):
    """ptype /o expands a member whose declared type is a struct or union, never one behind a typedef
    or inside an array; following it keeps `maze layout` equal to the Java ptype path."""
    return ftype.code in (gdb.TYPE_CODE_STRUCT, gdb.TYPE_CODE_UNION)


def _flatten(t, prefix, base, out):
    """Adds every field of struct/union type t, nested anonymous or named members as a.b."""
    for f in t.fields():
        if not hasattr(f, "bitpos") or f.artificial or f.is_base_class:
            continue  # static members, vptrs and base classes: ptype /o lists none of them
        offset_bits = base + f.bitpos
        if f.name:
            entry = {"offset": offset_bits // 8, "size": f.type.sizeof}
            if f.bitsize:
                entry.update(bitpos=offset_bits % 8, bitsize=f.bitsize)
            out[prefix + f.name] = entry
        if _expands(f.type):
            _flatten(f.type, (prefix + f.name + ".") if f.name else prefix, offset_bits, out)


def _lookup(name):
    """The type a request's name means: "struct X"/"union X" as written; a bare name as a struct tag,
    then a union tag, then a type name (heap_info is only a typedef). None when none exists."""
    if name.startswith("class "):
        name = "struct " + name[len("class "):]  # gdb.lookup_type knows no "class" keyword; a class is a struct
    tries = [name] if re.match(r"(struct|union|enum) ", name) else ["struct " + name, "union " + name, name]
    for t in tries:
        try:
            found = gdb.lookup_type(t).strip_typedefs()
        except gdb.error:
            continue
        if found.code in (gdb.TYPE_CODE_STRUCT, gdb.TYPE_CODE_UNION):
            return found
    return None


def struct_layout(name):
    """{"size": N, "fields": {...}} for a struct, union or typedef name; None when gdb knows no such struct."""
    t = _lookup(name)
    if t is None:
        return None
    fields = {}
    _flatten(t, "", 0, fields)
    return {"size": t.sizeof, "fields": fields}


# The answers of `info address`, as the Java side's SymbolAnswer reads them.
_KINDS = [("tls", re.compile(r"is a thread-local variable at offset 0x([0-9a-fA-F]+)")),
          ("static", re.compile(r"is static storage at address 0x([0-9a-fA-F]+)")),
          ("function", re.compile(r"is a function at address 0x([0-9a-fA-F]+)")),
          ("minimal", re.compile(r"is at 0x([0-9a-fA-F]+) in a file compiled without debugging"))]


def symbol_answer(name):
    """(kind, value) of `info address NAME`: tls, static, function, minimal, or ("other", 0)."""
    try:
        text = gdb.execute("info address " + name, to_string=True)
    except gdb.error:
        return ("other", 0)
    for kind, pattern in _KINDS:
        m = pattern.search(text)
        if m:
            value = int(m.group(1), 16)
            return ("tls", value) if kind == "minimal" and _is_tls_minimal(name) else (kind, value)
    return ("other", 0)


def _is_tls_minimal(name):
    """Without DWARF gdb gives a thread-local symbol's offset as if it were an address; taking its
    address then fails with "thread-local storage", which tells the two apart."""
    try:
        gdb.execute("print &" + name, to_string=True)
        return False
    except gdb.error as e:
        return "thread-local storage" in str(e)


def layout_request(req):
    """Everything a request asks for in one reply: {"structs":{}, "symbols":{}, "tls":{}}; null = missing.
    A name asked as a symbol that turns out thread-local also answers in "tls" (so it is not looked up
    again as such)."""
    out = {"structs": {n: struct_layout(n) for n in req.get("structs", [])}, "symbols": {}, "tls": {}}
    wanted_tls = req.get("tls", [])
    for name in dict.fromkeys(req.get("symbols", []) + wanted_tls):
        kind, value = symbol_answer(name)
        if name in req.get("symbols", []):
            out["symbols"][name] = value if kind in ("static", "function", "minimal") else None
        if name in wanted_tls or kind == "tls":
            out["tls"][name] = value if kind == "tls" else None
    return out


# ---------------------------------------------------------------- heap analysis through the launcher

def _core_file():
    text = gdb.execute("info target", to_string=True)
    m = re.search(r"Local core dump file:\s*`([^']+)'", text)
    return m.group(1) if m else None


def _launcher():
    env = os.environ.get("MAZE_BIN")
    if env:
        return [env]
    local = os.path.join(SCRIPT_DIR, "..", "bin", "maze")
    return [local] if os.path.exists(local) else ["maze"]


PARTIAL_EXIT = 7  # maze's exit code for a result that warnings say is partial (README "Exit codes")


def _maze_command(what, command, args):
    """maze COMMAND on the core gdb has open, with gdb's executable and sysroot."""
    core = _core_file()
    if core is None:
        raise gdb.GdbError("maze %s: no core file is open (gdb EXE CORE, or `core-file CORE`; for a live"
                           " process, `gcore` first)" % what)
    cmd = _launcher() + [command, core]
    exe = gdb.current_progspace().filename
    if exe:
        cmd += ["--exe", exe]
    sysroot = gdb.parameter("sysroot")
    if sysroot and sysroot not in ("", "target:"):
        cmd += ["--sysroot", sysroot]
    return cmd + args


def allocators():
    """The allocators as maze's own detection finds them (`maze info --json`): no second copy here."""
    cmd = _maze_command("allocators", "info", ["--json"])
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise gdb.GdbError(proc.stderr.strip() or "maze exited with %d" % proc.returncode)
    found = json.loads(proc.stdout).get("allocators", [])
    if not found:
        gdb.write("no allocator identified\n")
    for a in found:
        notes = (" (serves malloc)" if a.get("serves_malloc") else "") + (
            "" if a.get("walkable") else "; maze cannot walk it: %s" % a.get("not_walkable_because"))
        gdb.write("%-10s %-12s %s%s\n" % (a["allocator"], a.get("version") or "?", a["module"], notes))


def _run(what, command, args):
    """Prints what maze COMMAND prints on the core gdb has open; a failure is gdb's error, with maze's words."""
    proc = subprocess.run(_maze_command(what, command, args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    gdb.write(proc.stdout)
    if proc.returncode == PARTIAL_EXIT:
        gdb.write("maze: the result is PARTIAL: part of the heap was not read (see the warnings above)\n")
    elif proc.returncode != 0:
        raise gdb.GdbError(proc.stderr.strip() or "maze exited with %d" % proc.returncode)


def _address(text):
    """ADDR as maze takes it: a literal as written, else the value of a gdb expression (a variable, $rax)."""
    if re.fullmatch(r"0[xX][0-9a-fA-F]+|[0-9]+", text):
        return text
    try:
        return "0x%x" % (int(gdb.parse_and_eval(text)) & 0xFFFFFFFFFFFFFFFF)
    except (gdb.error, ValueError) as e:
        raise gdb.GdbError("maze refs: '%s' is neither an address nor a gdb expression with a value: %s" % (text, e))


def refs(args):
    if not args:
        raise gdb.GdbError("maze refs: give an address (or expression) inside a heap block, e.g. `maze refs 0x5581e0a012c0`")
    _run("refs", "refs", [_address(" ".join(args))])


class MazeCommand(gdb.Command):
    """maze: heap analysis of the core gdb has open. `maze help` lists the subcommands."""

    def __init__(self):
        super().__init__("maze", gdb.COMMAND_DATA)

    def invoke(self, argument, from_tty):
        # the subcommand first: layout-request's JSON argument is not for shell-like splitting
        parts = argument.strip().split(None, 1)
        sub = parts[0] if parts else "help"
        rest = shlex.split(parts[1]) if len(parts) > 1 and sub != "layout-request" else []
        if sub == "help":
            gdb.write(HELP + "\n")
        elif sub == "layout":
            out = {}
            for name in rest:
                layout = struct_layout(name)
                if layout is None:
                    raise gdb.GdbError("maze layout: no type named '%s' in the loaded debug info" % name)
                out[name] = layout
            gdb.write(json.dumps(out, indent=2) + "\n")
        elif sub == "layout-request":
            # one round trip for the Java layout layer: a JSON request in, one JSON line out
            gdb.write("MAZE-JSON " + json.dumps(layout_request(json.loads(parts[1]))) + "\n")
        elif sub == "allocators":
            allocators()
        elif sub == "heap":
            _run("heap", "analyze", rest)
        elif sub == "leaks":
            _run("leaks", "leaks", rest)
        elif sub == "refs":
            refs(rest)
        else:
            raise gdb.GdbError("maze: unknown subcommand '%s'; try `maze help`" % sub)


MazeCommand()
