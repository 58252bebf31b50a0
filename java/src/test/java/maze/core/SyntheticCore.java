package maze.core;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds small ELF64 x86-64 cores in memory: chosen notes and PT_LOAD segments, nothing else. */
final class SyntheticCore {
    private final ByteArrayOutputStream notes = new ByteArrayOutputStream();
    private final List<long[]> loads = new ArrayList<>();   // vaddr, memSize, flags
    private final List<byte[]> loadData = new ArrayList<>();

    SyntheticCore note(String name, int type, byte[] desc) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = le(12 + pad4(n.length) + pad4(desc.length));
        b.putInt(n.length).putInt(desc.length).putInt(type).put(n);
        b.position(12 + pad4(n.length));
        b.put(desc);
        notes.writeBytes(b.array());
        return this;
    }

    SyntheticCore load(long vaddr, byte[] data, long memSize, int flags) {
        loads.add(new long[] {vaddr, memSize, flags});
        loadData.add(data);
        return this;
    }

    static byte[] prstatus(int tid, long rip, long rsp, long fsBase) {
        ByteBuffer b = le(336);
        b.putInt(32, tid);
        b.putLong(112 + 8 * 16, rip);
        b.putLong(112 + 8 * 19, rsp);
        b.putLong(112 + 8 * 21, fsBase);
        return b.array();
    }

    static byte[] prpsinfo(int pid, int ppid, String fname, String args) {
        ByteBuffer b = le(136);
        b.putInt(24, pid).putInt(28, ppid);
        b.put(40, fname.getBytes(StandardCharsets.US_ASCII));
        b.put(56, args.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    static byte[] auxv(long... pairs) {
        ByteBuffer b = le(8 * pairs.length + 16);
        for (long v : pairs) {
            b.putLong(v);
        }
        return b.array();
    }

    /** NT_FILE with offsets given in {@code pageSize} units; entries are (start, end, offset, path). */
    static byte[] ntFile(long pageSize, Object[]... entries) {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        ByteBuffer b = le(16 + 24 * entries.length);
        b.putLong(entries.length).putLong(pageSize);
        for (Object[] e : entries) {
            b.putLong((Long) e[0]).putLong((Long) e[1]).putLong((Long) e[2]);
            names.writeBytes((e[3] + "\0").getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(b.array());
        all.writeBytes(names.toByteArray());
        return all.toByteArray();
    }

    byte[] build() {
        int phnum = 1 + loads.size();
        long offset = 64 + 56L * phnum;
        ByteBuffer ph = le(56 * phnum);
        byte[] noteBytes = notes.toByteArray();
        phdr(ph, 4, 0, offset, 0, noteBytes.length, 0);
        offset += noteBytes.length;
        for (int i = 0; i < loads.size(); i++) {
            long[] l = loads.get(i);
            phdr(ph, 1, (int) l[2], offset, l[0], loadData.get(i).length, l[1]);
            offset += loadData.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header(phnum));
        out.writeBytes(ph.array());
        out.writeBytes(noteBytes);
        loadData.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static void phdr(ByteBuffer b, int type, int flags, long off, long vaddr, long fileSize, long memSize) {
        b.putInt(type).putInt(flags).putLong(off).putLong(vaddr).putLong(0).putLong(fileSize).putLong(memSize)
                .putLong(type == 1 ? 0x1000 : 4);
    }

    static byte[] header(int phnum) {
        ByteBuffer b = le(64);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 4).putShort(18, (short) 62).putInt(20, 1);
        b.putLong(32, 64).putShort(52, (short) 64).putShort(54, (short) 56).putShort(56, (short) phnum);
        return b.array();
    }

    static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int pad4(int n) {
        return (n + 3) & ~3;
    }
}
