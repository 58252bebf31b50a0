package maze.mimalloc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough ELF64 little-endian reading for the provisioning test: section names and bytes,
 * the GNU build-id, and .dynsym lookups. Kept in test code on purpose, so the test does not depend
 * on the main ELF reader it will later help to check.
 */
final class ElfSections {
    record Section(String name, int type, long addr, long offset, long size) {
    }

    private static final int SHT_NOBITS = 8;

    private final ByteBuffer buf;
    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final List<Section> byIndex = new ArrayList<>();

    private ElfSections(byte[] bytes) {
        buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 64 || buf.getInt(0) != 0x464c457f || bytes[4] != 2 || bytes[5] != 1) {
            throw new IllegalArgumentException("not an ELF64 little-endian file");
        }
        long shoff = buf.getLong(0x28);
        int shentsize = Short.toUnsignedInt(buf.getShort(0x3a));
        int shnum = Short.toUnsignedInt(buf.getShort(0x3c));
        int shstrndx = Short.toUnsignedInt(buf.getShort(0x3e));
        long strOff = buf.getLong((int) (shoff + (long) shstrndx * shentsize + 0x18));
        for (int i = 0; i < shnum; i++) {
            int h = (int) (shoff + (long) i * shentsize);
            String name = cString((int) (strOff + Integer.toUnsignedLong(buf.getInt(h))));
            Section s = new Section(name, buf.getInt(h + 4), buf.getLong(h + 0x10), buf.getLong(h + 0x18),
                    buf.getLong(h + 0x20));
            byIndex.add(s);
            sections.putIfAbsent(name, s);
        }
    }

    static ElfSections read(Path file) throws IOException {
        return new ElfSections(Files.readAllBytes(file));
    }

    boolean has(String name) {
        return sections.containsKey(name);
    }

    Optional<Section> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /** The file bytes of an allocated section ({@code .text}, {@code .rodata}, ...). */
    byte[] bytes(String name) {
        Section s = section(name).orElseThrow(() -> new IllegalArgumentException("no section " + name));
        if (s.type() == SHT_NOBITS) {
            return new byte[0];
        }
        return Arrays.copyOfRange(buf.array(), (int) s.offset(), (int) (s.offset() + s.size()));
    }

    /** The GNU build-id as lower-case hex, from the .note.gnu.build-id section. */
    Optional<String> buildId() {
        return section(".note.gnu.build-id").map(s -> {
            int p = (int) s.offset();
            int namesz = buf.getInt(p);
            int descsz = buf.getInt(p + 4);
            int desc = p + 12 + ((namesz + 3) & ~3);
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < descsz; i++) {
                hex.append(String.format("%02x", buf.get(desc + i)));
            }
            return hex.toString();
        });
    }

    /** Up to {@code max} bytes of the body of a defined .dynsym symbol, read through its section. */
    Optional<byte[]> dynamicSymbolBytes(String symbol, int max) {
        Section dynsym = sections.get(".dynsym");
        Section dynstr = sections.get(".dynstr");
        if (dynsym == null || dynstr == null) {
            return Optional.empty();
        }
        for (long e = dynsym.offset(); e < dynsym.offset() + dynsym.size(); e += 24) {
            int sym = (int) e;
            int shndx = Short.toUnsignedInt(buf.getShort(sym + 6));
            String name = cString((int) (dynstr.offset() + Integer.toUnsignedLong(buf.getInt(sym))));
            if (shndx == 0 || !name.equals(symbol)) {
                continue;
            }
            Section in = byIndex.get(shndx);
            long fileOff = in.offset() + (buf.getLong(sym + 8) - in.addr());
            int len = (int) Math.min(max, buf.getLong(sym + 16) > 0 ? buf.getLong(sym + 16) : max);
            return Optional.of(Arrays.copyOfRange(buf.array(), (int) fileOff, (int) fileOff + len));
        }
        return Optional.empty();
    }

    private String cString(int at) {
        int end = at;
        while (buf.get(end) != 0) {
            end++;
        }
        return new String(buf.array(), at, end - at, StandardCharsets.US_ASCII);
    }
}
