package maze.heap.mimalloc;

/**
 * The generation of a mimalloc whose mi_version() is missing or ambiguous: exports that only v3
 * has, else the segment mask code applies to a pointer (4 MiB in v1, 32 MiB in v2).
 */
final class GenerationMarkers {
    static final int BODY = 256;
    private static final int V2_MASK = 0xfe000000;
    private static final int V1_MASK = 0xffc00000;

    private GenerationMarkers() {
    }

    /** {@code bodies}: code that masks a pointer to its segment, tried in turn. */
    static int generation(ModuleFile file, byte[]... bodies) {
        if (file.export("mi_arena_contains") != null || file.export("mi_heap_unload") != null) {
            return 3;
        }
        for (byte[] body : bodies) {
            int mask = andMask(body);
            if (mask == V2_MASK) {
                return 2;
            }
            if (mask == V1_MASK) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * The first 64-bit AND with a sign-extended 32-bit immediate: {@code 48 25 imm32} (rax) or
     * {@code 48|49 81 e0+r imm32}; 0 when there is none.
     */
    static int andMask(byte[] code) {
        for (int i = 0; i + 6 <= code.length; i++) {
            int rex = code[i] & 0xff;
            if (rex != 0x48 && rex != 0x49) {
                continue;
            }
            if ((code[i + 1] & 0xff) == 0x25 && rex == 0x48) {
                return imm32(code, i + 2);
            }
            if (i + 7 <= code.length && (code[i + 1] & 0xff) == 0x81 && (code[i + 2] & 0xf8) == 0xe0) {
                return imm32(code, i + 3);
            }
        }
        return 0;
    }

    private static int imm32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
