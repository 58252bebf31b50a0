package maze.report;

/** One line of the table: a type and its blocks. Sizes are exact bytes. */
public record ReportRow(String type, long amount, long totalSize) {

    /** Average block size, rounded to the nearest byte; 0 for no blocks. */
    public long avgSize() {
        return amount == 0 ? 0 : (totalSize + amount / 2) / amount;
    }
}
