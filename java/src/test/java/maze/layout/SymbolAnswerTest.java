package maze.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import maze.gdb.mi.Transcripts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SymbolAnswerTest {
    @ParameterizedTest
    @CsvSource({"libc.mi,4,TLS,72", "libc.mi,5,STATIC,1916000", "ld.mi,3,STATIC,208928", "shapes.mi,3,STATIC,16400",
        "shapes.mi,4,TLS,0", "shapes.mi,5,FUNCTION,4361", "nodwarf.mi,4,MINIMAL,4361", "nodwarf.mi,3,OTHER,0"})
    void answersOfInfoAddress(String file, long token, SymbolAnswer.Kind kind, long value) {
        assertEquals(new SymbolAnswer(kind, value), SymbolAnswer.parse(Transcripts.console(file, token)));
    }
}
