package maze.heap.mimalloc;

import java.util.OptionalInt;

/**
 * Decodes the body of {@code mi_version()}: {@code mov eax, imm32; ret}, after an optional
 * {@code endbr64} (Debian's 3.x builds) and an optional frame setup {@code push rbp; mov rbp,rsp}
 * (-O0 debug builds, which end with {@code pop rbp; ret}).
 */
public final class MiVersionBody {
    private static final byte[] ENDBR64 = {(byte) 0xf3, 0x0f, 0x1e, (byte) 0xfa};
    private static final byte[] FRAME = {0x55, 0x48, (byte) 0x89, (byte) 0xe5};
    private static final int MOV_EAX_IMM32 = 0xb8;
    private static final int RET = 0xc3;
    private static final int POP_RBP = 0x5d;

    private MiVersionBody() {
    }

    public static OptionalInt decode(byte[] body) {
        int p = skip(body, 0, ENDBR64);
        int afterFrame = skip(body, p, FRAME);
        boolean framed = afterFrame != p;
        p = afterFrame;
        if (p + 6 > body.length || (body[p] & 0xff) != MOV_EAX_IMM32) {
            return OptionalInt.empty();
        }
        int imm = (body[p + 1] & 0xff) | (body[p + 2] & 0xff) << 8 | (body[p + 3] & 0xff) << 16
                | (body[p + 4] & 0xff) << 24;
        p += 5;
        if (framed) {
            if ((body[p] & 0xff) != POP_RBP) {
                return OptionalInt.empty();
            }
            p++;
        }
        return p < body.length && (body[p] & 0xff) == RET ? OptionalInt.of(imm) : OptionalInt.empty();
    }

    private static int skip(byte[] body, int at, byte[] prefix) {
        if (at + prefix.length > body.length) {
            return at;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (body[at + i] != prefix[i]) {
                return at;
            }
        }
        return at + prefix.length;
    }
}
