package maze.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFixturesFormat() throws IOException {
        Path f = dir.resolve("truth.jsonl");
        Files.writeString(f, """
                {"truth":1,"scenario":"kinds","pid":7,"threads_alive":8,"mallinfo2":{"arena":100,"uordblks":60,"hblkhd":8192,"hblks":2}}
                {"ptr":"0x10","start":"0x10","size":16,"kind":"malloc","type":"","vtable":false,"live":true}
                {"ptr":"0x48","start":"0x40","size":32,"kind":"new[]","type":"Elem","vtable":false,"live":true}
                {"ptr":"0x80","start":"0x80","size":16,"kind":"new","type":"A","vtable":true,"live":false}
                """);
        GroundTruth t = GroundTruth.read(f);
        assertEquals("kinds", t.scenario());
        assertEquals(8, t.threadsAlive());
        assertEquals(60, t.mallinfo().uordblks());
        assertEquals(8192, t.mallinfo().hblkhd());
        assertEquals(3, t.blocks());
        assertEquals(2, t.liveCount());
        assertEquals(0x40, t.start[1]);
        assertEquals(0x48, t.ptr[1]);
        assertEquals("Elem", t.typeNames.get(t.type[1]));
        assertTrue(t.vtable[2]);
    }

    @Test
    void aBadLineSaysWhere() throws IOException {
        Path f = dir.resolve("bad.jsonl");
        Files.writeString(f, "{\"truth\":1}\n{\"ptr\":\"16\",\"start\":\"0x10\",\"size\":1,\"kind\":\"malloc\"}\n");
        IOException e = assertThrows(IOException.class, () -> GroundTruth.read(f));
        assertTrue(e.getMessage().contains("bad block line"), e.getMessage());
    }

    @Test
    void listingMustBeInAddressOrder() throws IOException {
        Path f = dir.resolve("listing.jsonl");
        Files.writeString(f, """
                {"address":"0x1000","size":24,"type":"malloc(24)"}
                {"address":"0x1010","size":24,"type":"C++ A"}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockListing.read(f));
        assertTrue(e.getMessage().contains("row 1 at 0x1010"), e.getMessage());
        Files.writeString(f, """
                {"address":"0x1000","size":24,"type":"malloc(24)"}
                {"address":"0x1020","size":24,"type":"C++ A"}
                """);
        BlockListing l = BlockListing.read(f);
        assertEquals(2, l.rows());
        assertEquals(1, l.cxxCount("A"));
        assertEquals(48, l.usableBytes());
    }
}
