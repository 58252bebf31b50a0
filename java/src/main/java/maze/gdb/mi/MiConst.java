package maze.gdb.mi;

/** A C-string constant, already unescaped. */
public record MiConst(String text) implements MiValue {
}
