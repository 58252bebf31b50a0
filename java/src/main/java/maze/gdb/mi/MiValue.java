package maze.gdb.mi;

/** A GDB/MI value: a C-string constant, a tuple {@code {...}} or a list {@code [...]}. */
public sealed interface MiValue permits MiConst, MiTuple, MiList {
}
