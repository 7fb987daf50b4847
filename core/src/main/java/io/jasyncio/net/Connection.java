package io.jasyncio.net;

/**
 * An open stream connection: the {@code (reader, writer)} pair that Python's
 * {@code asyncio.open_connection} returns, as a record: {@code var c = Streams.openConnection(h, p);
 * c.writer().write(...); c.reader().read(100);}. Closing it closes the writer (which closes the
 * connection); it does not wait (call {@code writer().waitClosed()} inside a task for that).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=streams}
 *
 * @param reader the incoming bytes
 * @param writer the outgoing side, which also owns the transport
 */
public record Connection(StreamReader reader, StreamWriter writer) implements AutoCloseable {

    /** Closes the connection (without waiting). */
    @Override
    public void close() {
        writer.close();
    }
}
