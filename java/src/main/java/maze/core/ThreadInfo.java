package maze.core;

/** A thread from NT_PRSTATUS: its tid and fs_base (= pthread_self() on x86-64), plus rsp and rip. */
public record ThreadInfo(int tid, long fsBase, long rsp, long rip) {
}
