package maze.report;

import java.util.List;
import maze.classify.TypedBlockSink;

/** Feeds one walk to several consumers (the aggregator and a listing), each block once to each. */
public final class TeeSink implements TypedBlockSink {
    private final TypedBlockSink[] sinks;

    public TeeSink(List<TypedBlockSink> sinks) {
        this.sinks = sinks.toArray(new TypedBlockSink[0]);
    }

    public static TypedBlockSink of(TypedBlockSink... sinks) {
        return sinks.length == 1 ? sinks[0] : new TeeSink(List.of(sinks));
    }

    @Override
    public void block(long address, long size, int flags, long typeKey) {
        for (TypedBlockSink s : sinks) {
            s.block(address, size, flags, typeKey);
        }
    }
}
