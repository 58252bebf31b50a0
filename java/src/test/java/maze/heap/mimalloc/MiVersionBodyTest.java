package maze.heap.mimalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The three shapes of mi_version() seen in real builds (see docs/mimalloc-layouts.md). */
class MiVersionBodyTest {
    private static byte[] bytes(int... b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = (byte) b[i];
        }
        return r;
    }

    @Test
    void plainReleaseBody() {
        assertEquals(OptionalInt.of(209), MiVersionBody.decode(bytes(0xb8, 0xd1, 0, 0, 0, 0xc3)));
    }

    @Test
    void endbr64First() {
        assertEquals(OptionalInt.of(30600),
                MiVersionBody.decode(bytes(0xf3, 0x0f, 0x1e, 0xfa, 0xb8, 0x88, 0x77, 0, 0, 0xc3)));
    }

    @Test
    void debugFrame() {
        assertEquals(OptionalInt.of(209), MiVersionBody.decode(
                bytes(0x55, 0x48, 0x89, 0xe5, 0xb8, 0xd1, 0, 0, 0, 0x5d, 0xc3)));
    }

    @Test
    void otherCodeIsNotAVersion() {
        assertEquals(OptionalInt.empty(), MiVersionBody.decode(bytes(0x31, 0xc0, 0xc3)));
        assertEquals(OptionalInt.empty(), MiVersionBody.decode(bytes(0xb8, 0xd1, 0, 0, 0, 0x90)));
        assertEquals(OptionalInt.empty(), MiVersionBody.decode(bytes(0xb8, 0xd1)));
    }
}
