package maze.layout;

import java.util.Map;

/** A struct's size and its fields by name (nested members as "a.b"). */
public record StructLayout(String name, long size, Map<String, FieldLayout> fields) {

    /** Offset of a field; throws {@link LayoutException} naming the struct when it has no such field. */
    public long offset(String field) {
        return field(field).offset();
    }

    public FieldLayout field(String field) {
        FieldLayout f = fields.get(field);
        if (f == null) {
            throw new LayoutException("struct " + name + " has no field '" + field + "'");
        }
        return f;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }
}
