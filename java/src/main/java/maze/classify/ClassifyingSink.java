package maze.classify;

import maze.heap.BlockSink;

/** The seam between a walker and the report: classifies each block once, passes it on typed. */
public final class ClassifyingSink implements BlockSink {
    private final BlockClassifier classifier;
    private final TypedBlockSink next;

    public ClassifyingSink(BlockClassifier classifier, TypedBlockSink next) {
        this.classifier = classifier;
        this.next = next;
    }

    @Override
    public void block(long address, long size, int flags) {
        next.block(address, size, flags, classifier.classify(address, size));
    }
}
