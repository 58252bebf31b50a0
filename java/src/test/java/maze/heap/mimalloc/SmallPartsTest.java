package maze.heap.mimalloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Version numbers, code markers and free-list encoding, each against values seen in real builds. */
class SmallPartsTest {
    @Test
    void versionNumbersOfBothNumberings() {
        assertEquals("2.0.9", MiVersion.fromRaw(209).text());
        assertEquals("3.0.1", MiVersion.fromRaw(301).text());
        assertEquals(3, MiVersion.fromRaw(30600).generation());
        assertEquals("3.6.0", MiVersion.fromRaw(30600).text());
        assertEquals("1.9.11", MiVersion.fromRaw(10911).text());
        assertEquals("3.0.12", MiVersion.fromRaw(3012).text()); // MI_MALLOC_VERSION of the upstream tags
        assertEquals("3.2.8", MiVersion.fromRaw(3208).text());
        assertEquals(3, MiVersion.fromRaw(3208).generation());
        assertEquals("1.0.x", MiVersion.fromRaw(100).text());
        assertNull(MiVersion.fromRaw(7));
    }

    @Test
    void segmentMaskInCode() {
        byte[] debian209 = {0x48, (byte) 0x85, (byte) 0xff, 0x48, (byte) 0x81, (byte) 0xe7, 0, 0, 0, (byte) 0xfe};
        assertEquals(0xfe000000, GenerationMarkers.andMask(debian209));
        byte[] v1rax = {0x48, 0x25, 0, 0, (byte) 0xc0, (byte) 0xff};
        assertEquals(0xffc00000, GenerationMarkers.andMask(v1rax));
        assertEquals(0, GenerationMarkers.andMask(new byte[] {0x48, 0x25, 0, 0}));
    }

    @Test
    void encodedNextRoundTripsAndOwnerMeansEnd() {
        FreeListCodec c = FreeListCodec.keys(0x9e3779b97f4a7c15L, 0x0123456789abcdefL, 0x7000L);
        assertEquals(0x20000010180L, c.decode(c.encode(0x20000010180L)));
        assertEquals(0, c.decode(c.encode(0)));
        assertEquals(0x7000L, Long.rotateRight(c.encode(0) - c.k0(), (int) (c.k0() & 63)) ^ c.k1()); // NULL is stored as the owner
        assertEquals(0x1234L, FreeListCodec.PLAIN.decode(0x1234L));
    }
}
