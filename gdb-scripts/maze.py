# maze inside gdb: `source gdb-scripts/maze.py`, then `maze help`.
#
# Runs in stock gdb 13 with Python. Never calls into the inferior and never loads an analyzed
# library into gdb's own process: versions are read from the files' bytes.
import json
import os
import re
import shlex
import struct
import subprocess

import gdb

SCRIPT_DIR = os.path.dirname(os.path.abspath(os.path.expanduser(__file__))) if "__file__" in globals() else os.getcwd()

HELP = """maze: where the heap memory of this process went.
  maze heap [--json FILE] [--top N]   analyze the core gdb has open (same table as `maze analyze`)
  maze layout STRUCT...               struct layouts as JSON (same as `maze layouts`)
  maze allocators                     allocators and versions found among the loaded objfiles
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


# ---------------------------------------------------------------- allocator detection

def _elf_symbols(path, wanted):
    """{name: (value, file_offset)} for wanted names in .dynsym/.symtab of an ELF64 LE file."""
    found = {}
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return found
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return found
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    for sec in sections:
        if sec[1] not in (2, 11):  # SHT_SYMTAB, SHT_DYNSYM
            continue
        strtab = sections[sec[6]]
        for off in range(sec[4], sec[4] + sec[5], 24):
            st_name, _info, _other, shndx, value, _size = struct.unpack_from("<IBBHQQ", data, off)
            end = data.index(b"\0", strtab[4] + st_name)
            name = data[strtab[4] + st_name:end].decode("latin-1")
            if name in wanted and shndx != 0 and shndx < len(sections):
                s = sections[shndx]
                found[name] = (value, s[4] + value - s[3], data)
    return found


def _mov_eax_imm(code):
    """The immediate of `[endbr64] mov eax, imm32; ret`, or None."""
    if code[:4] == b"\xf3\x0f\x1e\xfa":
        code = code[4:]
    if len(code) >= 6 and code[0] == 0xB8 and code[5] == 0xC3:
        return struct.unpack_from("<I", code, 1)[0]
    return None


def mimalloc_version(v):
    """mi_version() is major*10000+minor*100+patch from 1.9.11/2.3.0/3.3.0, major*100+minor*10+patch
    before (every 1.0.x says 100)."""
    if v >= 10000:
        return "%d.%d.%d" % (v // 10000, v // 100 % 100, v % 100)
    return "%d.%d.%d" % (v // 100, v // 10 % 10, v % 10)


def identify(path):
    """(allocator, version) for one objfile, or None when it holds no allocator we can identify."""
    syms = _elf_symbols(path, {"mi_version", "mi_malloc", "__libc_malloc", "gnu_get_libc_version",
                               "je_malloc_conf", "malloc_conf", "tc_malloc", "mallctl"})
    if "mi_version" in syms:
        _value, off, data = syms["mi_version"]
        imm = _mov_eax_imm(data[off:off + 16])
        return ("mimalloc", mimalloc_version(imm)) if imm is not None else None
    if "mi_malloc" in syms:
        return ("mimalloc", "1.0.x (no mi_version)")
    if "__libc_malloc" in syms and "gnu_get_libc_version" in syms:
        m = re.search(rb"GNU C Library [^\n]*release version (\d+\.\d+)", syms["__libc_malloc"][2])
        return ("glibc", m.group(1).decode() if m else "unknown")
    if "mallctl" in syms:
        return ("jemalloc", "unknown")
    if "tc_malloc" in syms:
        return ("tcmalloc", "unknown")
    return None


class Detector:
    """Follows objfiles as gdb loads them. A file that cannot be identified (an executable whose
    name merely contains an allocator's name) is skipped WITHOUT marking detection done, so the
    real library is still examined when it comes."""

    def __init__(self):
        self.found = {}      # path -> (allocator, version)
        self.examined = set()

    def examine(self, path):
        if not path or path in self.examined:
            return
        self.examined.add(path)
        result = identify(path)
        if result is not None:
            self.found[path] = result

    def done(self):
        return bool(self.found)

    def scan_loaded(self):
        for objfile in gdb.objfiles():
            _examine_objfile(objfile)


DETECTOR = Detector()


def _examine_objfile(objfile):
    if objfile.owner is None:  # separate debug files describe another objfile: skip them
        DETECTOR.examine(objfile.filename)


def _on_new_objfile(event):
    _examine_objfile(event.new_objfile)


gdb.events.new_objfile.connect(_on_new_objfile)


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


def heap(args):
    core = _core_file()
    if core is None:
        raise gdb.GdbError("maze heap: no core file is open (gdb EXE CORE, or `core-file CORE`)")
    cmd = _launcher() + ["analyze", core]
    exe = gdb.current_progspace().filename
    if exe:
        cmd += ["--exe", exe]
    sysroot = gdb.parameter("sysroot")
    if sysroot and sysroot not in ("", "target:"):
        cmd += ["--sysroot", sysroot]
    cmd += args
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    gdb.write(proc.stdout)
    if proc.returncode == PARTIAL_EXIT:
        gdb.write("maze: the result is PARTIAL: part of the heap was not read (see the warnings above)\n")
    elif proc.returncode != 0:
        raise gdb.GdbError(proc.stderr.strip() or "maze exited with %d" % proc.returncode)


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
            DETECTOR.scan_loaded()
            if not DETECTOR.found:
                gdb.write("no allocator identified among %d objfiles\n" % len(gdb.objfiles()))
            for path, (alloc, version) in sorted(DETECTOR.found.items()):
                gdb.write("%-10s %-12s %s\n" % (alloc, version, path))
        elif sub == "heap":
            heap(rest)
        else:
            raise gdb.GdbError("maze: unknown subcommand '%s'; try `maze help`" % sub)


MazeCommand()
