package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import maze.gdb.mi.Transcripts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PtypeParserTest {

    static StructLayout parsed(String transcript, long token, String name) {
        return PtypeParser.parse(name, Transcripts.console(transcript, token));
    }

    /** (transcript, token, struct, field, offset, size, bitpos, bitsize), read from real gdb output. */
    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("libc.mi", 3, "malloc_state", "mutex", 0, 4, -1, -1),
                Arguments.of("libc.mi", 3, "malloc_state", "fastbinsY", 16, 80, -1, -1),
                Arguments.of("libc.mi", 3, "malloc_state", "bins", 112, 2032, -1, -1),
                Arguments.of("libc.mi", 3, "malloc_state", "next", 2160, 8, -1, -1),
                Arguments.of("libc.mi", 3, "malloc_state", "system_mem", 2184, 8, -1, -1),
                Arguments.of("libc.mi", 9, "heap_info", "pad", 40, 8, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_searchlist", 728, 16, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_searchlist.r_nlist", 736, 4, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_symbolic_searchlist.r_list", 744, 8, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_gnu_buckets", 800, 8, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_chain", 800, 8, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_buckets", 808, 8, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_type", 820, 4, 0, 2),
                Arguments.of("ld.mi", 2, "link_map", "l_reserved", 820, 4, 6, 2),
                Arguments.of("ld.mi", 2, "link_map", "l_need_tls_init", 821, 4, 7, 1),
                Arguments.of("ld.mi", 2, "link_map", "l_property", 825, 4, 0, 2),
                Arguments.of("ld.mi", 2, "link_map", "l_lookup_cache.value", 1088, 8, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_tls_offset", 1144, 8, -1, -1),
                Arguments.of("ld.mi", 2, "link_map", "l_tls_modid", 1152, 8, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "flag_a", 1, 4, 0, 1),
                Arguments.of("shapes.mi", 1, "shapes", "wide", 1, 4, 1, 12),
                Arguments.of("shapes.mi", 1, "shapes", "origin", 16, 8, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "corners", 24, 32, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "as_double", 56, 8, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "range", 64, 4, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "range.hi", 66, 2, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "callback", 72, 8, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "matrix", 80, 8, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "name", 88, 10, -1, -1),
                Arguments.of("shapes.mi", 1, "shapes", "next", 104, 8, -1, -1));
    }

    @ParameterizedTest
    @MethodSource("fields")
    void fieldsFromRealPtypeOutput(String file, long token, String struct, String field, long offset, long size,
                                   int bitPos, int bitSize) {
        FieldLayout f = parsed(file, token, struct).field(field);
        assertEquals(new FieldLayout(field, offset, size, bitPos, bitSize), f);
    }

    @ParameterizedTest
    @CsvSource({"libc.mi,3,malloc_state,2200,13", "libc.mi,9,heap_info,48,6", "ld.mi,2,link_map,1192,0",
        "shapes.mi,1,shapes,112,15"})
    void sizesAndFieldCounts(String file, long token, String struct, long size, int fields) {
        StructLayout s = parsed(file, token, struct);
        assertEquals(size, s.size());
        if (fields > 0) {
            assertEquals(fields, s.fields().size(), s.fields().keySet().toString());
        }
        assertFalse(s.has(""), "the anonymous aggregates have no field of their own");
    }

    @Test
    void aPointerTypeIsNotAStruct() {
        String text = "type = struct tcache_perthread_struct {\n\n  /* total size (bytes):  640 */\n  } *\n";
        LayoutException e = assertThrows(LayoutException.class, () -> PtypeParser.parse("tcache", text));
        assertEquals("'tcache' is not a struct or union type (gdb: ... } *)", e.getMessage());
        assertThrows(LayoutException.class, () -> PtypeParser.parse("x", "type = int\n"));
        assertThrows(LayoutException.class, () -> PtypeParser.parse("x", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"long count|count", "struct point corners[4]|corners",
        "void (*callback)(int, char **)|callback", "int (*matrix)[3]|matrix", "char name[2][5]|name",
        "struct shapes *next|next", "const char *const *l_origin|l_origin", "std::atomic<long> n|n",
        "void (**table)(void)|table"})
    void memberNamesOfDeclarations(String decl, String name) {
        assertEquals(name, PtypeParser.declName(decl));
    }

    /** gdb 13's text for a union bitfield and for anonymous structs behind an array and a pointer. */
    private static final String CORNERS = String.join("\n",
            "/* offset      |    size */  type = struct corners {",
            "/*      4      |       4 */    union {",
            "/*                     4 */        unsigned int in_union : 3;",
            "/*                     4 */        int whole;",
            "",
            "                                   /* total size (bytes):    4 */",
            "                               } u;",
            "/*     32      |       8 */    struct {",
            "/*     16      |       4 */        struct {",
            "/*     16      |       4 */            int deep;",
            "                                   } inner;",
            "                               } outer[2];",
            "/*     40      |       8 */    struct {",
            "/*     16      |       4 */        int hidden;",
            "                               } *anon_ptr;",
            "",
            "                               /* total size (bytes):   48 */",
            "                             }");

    @Test
    void aBitfieldDirectlyInAUnionStartsAtItsFirstBit() {
        FieldLayout f = PtypeParser.parse("corners", CORNERS).field("u.in_union");
        assertEquals(new FieldLayout("u.in_union", 4, 4, 0, 3), f);
    }

    @Test
    void anonymousTypesBehindArraysAndPointersAreNotExpanded() {
        StructLayout s = PtypeParser.parse("corners", CORNERS);
        assertEquals(List.of("u", "u.in_union", "u.whole", "outer", "anon_ptr"), List.copyOf(s.fields().keySet()));
        assertEquals(new FieldLayout("outer", 32, 8), s.field("outer"));
        assertEquals(48, s.size());
    }
}
