package maze.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A core of 65535 or more segments says so with PN_XNUM; the real count is in section header 0. */
class ManySegmentsTest {
    @TempDir
    Path tmp;

    @Test
    void pnXnumTakesTheCountFromSectionHeaderZero() throws IOException {
        byte[] plain = new SyntheticCore()
                .note("CORE", 1, SyntheticCore.prstatus(100, 0x401000, 0x7ffc0000, 0x7f0000001740L))
                .load(0x10000, new byte[16], 0x1000, 6)
                .load(0x20000, new byte[16], 0x1000, 6)
                .build();
        byte[] core = Arrays.copyOf(plain, plain.length + ElfHeader.SHDR_SIZE);
        ByteBuffer b = ByteBuffer.wrap(core).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(40, plain.length).putShort(58, (short) ElfHeader.SHDR_SIZE).putShort(60, (short) 1);
        b.putShort(56, (short) ElfHeader.PN_XNUM);
        b.putInt(plain.length + 44, 3);   // sh_info: the note and both loads
        CoreModel m = CoreReader.read(Files.write(tmp.resolve("core.xnum"), core), CoreOptions.NONE);
        assertEquals(2, m.segments().size());
        assertEquals(0x20000, m.segments().get(1).vaddr());
        assertEquals(1, m.threads().size());
    }
}
