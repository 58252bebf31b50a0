package maze.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the notes of an x86-64 Linux core say: threads (NT_PRSTATUS), the process (NT_PRPSINFO),
 * the aux vector (NT_AUXV) and the mapped files (NT_FILE, offsets normalised to bytes).
 *
 * @param kernel true when NT_FILE counts offsets in pages (the kernel); gdb's gcore writes bytes
 */
record CoreNotes(List<ThreadInfo> threads, int pid, int ppid, String fname, String psargs,
                 Map<Long, Long> auxv, List<MappedFile> files, boolean kernel) {
    static final int NT_PRSTATUS = 1;
    static final int NT_PRPSINFO = 3;
    static final int NT_AUXV = 6;
    static final int NT_FILE = 0x46494c45;

    static final long AT_PHDR = 3;
    static final long AT_PHNUM = 5;
    static final long AT_BASE = 7;
    static final long AT_ENTRY = 9;
    static final long AT_EXECFN = 31;

    // struct elf_prstatus on x86-64: pr_pid at 32, pr_reg (27 longs) at 112
    private static final int PRSTATUS_SIZE = 336;
    private static final int PR_PID = 32;
    private static final int PR_REG = 112;
    private static final int REG_RIP = 16;
    private static final int REG_RSP = 19;
    private static final int REG_FS_BASE = 21;
    // struct elf_prpsinfo on x86-64: pr_pid 24, pr_ppid 28, pr_fname[16] 40, pr_psargs[80] 56
    private static final int PRPSINFO_SIZE = 136;

    static CoreNotes parse(List<ElfNote> notes, Path file) {
        Builder b = new Builder(file);
        for (ElfNote n : notes) {
            if (!"CORE".equals(n.name())) {
                continue;   // "LINUX" (xstate), "GDB" (target description) are of no use here
            }
            switch (n.type()) {
                case NT_PRSTATUS -> b.threads.add(thread(n.desc(), file));
                case NT_PRPSINFO -> b.prpsinfo(n.desc());
                case NT_AUXV -> b.auxv = auxv(n.desc());
                case NT_FILE -> b.files(n.desc());
                default -> { }
            }
        }
        return b.build();
    }

    private static ThreadInfo thread(ByteBuffer d, Path file) {
        need(d, PRSTATUS_SIZE - 8, "NT_PRSTATUS", file);
        return new ThreadInfo(d.getInt(PR_PID), reg(d, REG_FS_BASE), reg(d, REG_RSP), reg(d, REG_RIP));
    }

    private static long reg(ByteBuffer d, int index) {
        return d.getLong(PR_REG + 8 * index);
    }

    static Map<Long, Long> auxv(ByteBuffer d) {
        Map<Long, Long> map = new LinkedHashMap<>();
        for (int o = 0; o + 16 <= d.limit() && d.getLong(o) != 0; o += 16) {
            map.putIfAbsent(d.getLong(o), d.getLong(o + 8));
        }
        return map;
    }

    private static void need(ByteBuffer d, int size, String what, Path file) {
        if (d.limit() < size) {
            throw new CoreFormatException(file, what + " note has " + d.limit() + " bytes, expected " + size);
        }
    }

    /** Collects notes in any order; a missing note leaves its defaults. */
    private static final class Builder {
        final Path file;
        final List<ThreadInfo> threads = new ArrayList<>();
        int pid;
        int ppid;
        String fname = "";
        String psargs = "";
        Map<Long, Long> auxv = Map.of();
        List<MappedFile> files = List.of();
        boolean kernel;

        Builder(Path file) {
            this.file = file;
        }

        void prpsinfo(ByteBuffer d) {
            need(d, PRPSINFO_SIZE, "NT_PRPSINFO", file);
            pid = d.getInt(24);
            ppid = d.getInt(28);
            fname = ElfNote.cString(d, 40, 16);
            psargs = ElfNote.cString(d, 56, 80).strip();
        }

        void files(ByteBuffer d) {
            NtFile nt = NtFile.parse(d, file);
            files = nt.files();
            kernel = nt.pageSize() > 1;
        }

        CoreNotes build() {
            if (pid == 0 && !threads.isEmpty()) {
                pid = threads.get(0).tid();   // the first NT_PRSTATUS is the main thread
            }
            return new CoreNotes(List.copyOf(threads), pid, ppid, fname, psargs, auxv, files, kernel);
        }
    }

    /** NT_FILE: count, page_size, count x (start, end, offset in page_size units), then count names. */
    record NtFile(long pageSize, List<MappedFile> files) {
        static NtFile parse(ByteBuffer d, Path file) {
            need(d, 16, "NT_FILE", file);
            long count = d.getLong(0);
            long pageSize = d.getLong(8);
            if (count < 0 || count > (d.limit() - 16) / 24 || pageSize <= 0) {
                throw new CoreFormatException(file, "NT_FILE note is corrupt (count " + count
                        + ", page size " + pageSize + ", " + d.limit() + " bytes)");
            }
            List<MappedFile> list = new ArrayList<>((int) count);
            int name = 16 + (int) count * 24;
            for (int i = 0; i < count; i++) {
                int o = 16 + i * 24;
                int end = name;
                while (end < d.limit() && d.get(end) != 0) {
                    end++;
                }
                byte[] b = new byte[end - name];
                d.get(name, b);
                list.add(new MappedFile(d.getLong(o), d.getLong(o + 8), d.getLong(o + 16) * pageSize,
                        new String(b, StandardCharsets.UTF_8)));
                name = Math.min(end + 1, d.limit());
            }
            return new NtFile(pageSize, List.copyOf(list));
        }
    }
}
