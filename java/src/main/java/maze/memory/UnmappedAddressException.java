package maze.memory;

/** A read touched an address the core does not hold and no module file backs. */
public final class UnmappedAddressException extends RuntimeException {
    private final long address;

    public UnmappedAddressException(long address, String detail) {
        super(String.format("address 0x%x is not in the core%s", address,
                detail == null ? "" : " (" + detail + ")"));
        this.address = address;
    }

    public long address() {
        return address;
    }
}
