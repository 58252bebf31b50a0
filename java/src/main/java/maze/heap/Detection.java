package maze.heap;

import maze.core.Module;

/**
 * An allocator found in the core, as its plugin typed it: which allocator and version, the module
 * holding it, the evidence it was found by, and whether maze can walk it ({@code notWalkable} says
 * why not, and is null when it can). {@code state} is what the plugin itself needs to walk it
 * (mimalloc's decoded version, for example); only that plugin looks inside.
 *
 * @param <S> the plugin's own detection state
 */
public record Detection<S>(String allocator, Version version, Module module, String evidence,
                           Confidence confidence, String notWalkable, S state) {

    /** How sure the detector is that this allocator serves (part of) the process. */
    public enum Confidence { CERTAIN, LIKELY }

    public boolean walkable() {
        return notWalkable == null;
    }

    /** The same detection, marked as one maze cannot walk, and why. */
    public Detection<S> refused(String why) {
        return new Detection<>(allocator, version, module, evidence, confidence, why, state);
    }

    /** "mimalloc 2.0.9 (mi_version) in /usr/lib/libmimalloc.so.2". */
    public String describe() {
        return allocator + " " + version.describe() + " in " + module.path();
    }
}
