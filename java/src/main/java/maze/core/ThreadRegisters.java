package maze.core;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every thread's general registers from the core's NT_PRSTATUS notes, in the order of
 * {@link CoreModel#threads()}: x86-64 user_regs_struct, 27 words (r15 ... gs).
 */
public final class ThreadRegisters {
    public static final int COUNT = 27;
    private static final int PR_REG = 112;

    private ThreadRegisters() {
    }

    /** One array of {@value #COUNT} registers per thread. */
    public static List<long[]> read(Path core) {
        try (FileBytes bytes = FileBytes.open(core)) {
            ElfHeader h = ElfHeader.parse(bytes.read(0, Math.min(bytes.size(), ElfHeader.SIZE), "ELF header"), core);
            int phnum = CoreReader.programHeaderCount(h, bytes);
            List<ProgramHeader> phdrs = ProgramHeader.parseAll(
                    bytes.read(h.phoff(), (long) phnum * ElfHeader.PHDR_SIZE, "program headers"), phnum);
            List<long[]> out = new ArrayList<>();
            for (ElfNote n : CoreReader.notes(phdrs, bytes)) {
                if ("CORE".equals(n.name()) && n.type() == CoreNotes.NT_PRSTATUS
                        && n.desc().limit() >= PR_REG + 8 * COUNT) {
                    out.add(registers(n.desc()));
                }
            }
            return out;
        }
    }

    private static long[] registers(ByteBuffer d) {
        long[] r = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            r[i] = d.getLong(PR_REG + 8 * i);
        }
        return r;
    }
}
