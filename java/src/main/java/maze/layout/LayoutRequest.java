package maze.layout;

import java.util.List;

/**
 * What a walker needs from one module, declared up front so a cold cache is filled in one gdb
 * session and a warm cache answers without gdb. Names missing from the module are remembered as
 * missing (a later request does not start gdb again for them).
 */
public record LayoutRequest(List<String> structs, List<String> symbols, List<String> tlsVariables) {
}
