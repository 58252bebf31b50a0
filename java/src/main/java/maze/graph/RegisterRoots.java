package maze.graph;

import java.util.Arrays;

/** The threads' general registers as roots: for each, its area (one per thread), its number and its value. */
public final class RegisterRoots {
    /** x86-64 user_regs_struct order, as NT_PRSTATUS holds them. */
    public static final String[] NAMES = {"r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8",
        "rax", "rcx", "rdx", "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base",
        "ds", "es", "fs", "gs"};

    private int[] areas = new int[32];
    private int[] registers = new int[32];
    private long[] values = new long[32];
    private int n;

    public void add(int area, int register, long value) {
        if (n == areas.length) {
            areas = Arrays.copyOf(areas, 2 * n);
            registers = Arrays.copyOf(registers, 2 * n);
            values = Arrays.copyOf(values, 2 * n);
        }
        areas[n] = area;
        registers[n] = register;
        values[n++] = value;
    }

    public int count() {
        return n;
    }

    int area(int i) {
        return areas[i];
    }

    int register(int i) {
        return registers[i];
    }

    long value(int i) {
        return values[i];
    }

    /** The name of register number {@code r}. */
    public static String name(long r) {
        return r >= 0 && r < NAMES.length ? NAMES[(int) r] : "r?" + r;
    }
}
