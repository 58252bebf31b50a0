package maze.patterns;

import maze.graph.BlockTable;
import maze.memory.MemoryView;

/**
 * Container nodes told by their own words and their neighbours' (libstdc++, x86-64), no scan needed:
 * a red-black tree node (std::map/set: color, parent, left, right, value) whose children point back
 * at it and whose parent points down at it (or, for the root, whose parent is the tree's header
 * holding it as its root); a list node (std::list: next, prev, value) with next->prev and
 * prev->next both the node. Any doubly linked node or parented binary tree node of the same shape
 * gets the same name.
 */
final class NodeShapes {
    private static final long LOW_INT = 0xffff_ffffL;

    private final BlockTable blocks;
    private final MemoryView memory;

    NodeShapes(BlockTable blocks, MemoryView memory) {
        this.blocks = blocks;
        this.memory = memory;
    }

    boolean isTreeNode(int b) {
        long s = blocks.start(b);
        if (blocks.size(b) < 40 || (word(s) & LOW_INT) > 1) {
            return false; // the color is an int: red 0, black 1
        }
        long parent = word(s + 8);
        long left = word(s + 16);
        long right = word(s + 24);
        if (parent == 0 || parent == s || (left != 0 && left == right)) {
            return false;
        }
        return childOf(left, s) && childOf(right, s) && parentOf(parent, s);
    }

    private boolean childOf(long child, long node) {
        return child == 0 || (child != node && isStart(child) && word(child + 8) == node);
    }

    private boolean parentOf(long parent, long node) {
        if (isStart(parent)) {
            return word(parent + 16) == node || word(parent + 24) == node;
        }
        // the header inside the map: red, and its parent word is the root
        return (word(parent) & LOW_INT) == 0 && word(parent + 8) == node;
    }

    boolean isListNode(int b) {
        long s = blocks.start(b);
        if (blocks.size(b) < 24) {
            return false;
        }
        long next = word(s);
        long prev = word(s + 8);
        return next != 0 && prev != 0 && next != s && prev != s && word(next + 8) == s && word(prev) == s;
    }

    boolean isStart(long address) {
        int i = blocks.indexOf(address);
        return i >= 0 && blocks.start(i) == address;
    }

    long word(long address) {
        return memory.readLongOr(address, 0);
    }
}
