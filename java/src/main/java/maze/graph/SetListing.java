package maze.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import maze.classify.TypeNames;

/**
 * The blocks of the leak sets as JSON Lines in address order, as {@code maze blocks} writes them
 * plus their set: {@code {"address":"0x...","size":N,"type":"...","set":"leaked"}}.
 */
public final class SetListing {
    private SetListing() {
    }

    /** Writes the leaked blocks (both kinds), and the anchored ones too when {@code all}; gives the count. */
    public static long write(ReachSets sets, TypeNames names, boolean all, OutputStream out) throws IOException {
        BlockTable b = sets.graph().blocks();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long written = 0;
        for (int i = 0; i < b.count(); i++) {
            byte set = sets.set(i);
            if (set == ReachSets.ANCHORED && !all) {
                continue;
            }
            w.write("{\"address\":\"0x" + Long.toHexString(b.start(i)) + "\",\"size\":" + b.size(i) + ",\"type\":\""
                    + escape(names.name(b.type(i))) + "\",\"set\":\"" + ReachSets.name(set) + "\"}\n");
            written++;
        }
        w.flush();
        return written;
    }

    static String escape(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }
}
