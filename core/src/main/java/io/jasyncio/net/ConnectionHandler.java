package io.jasyncio.net;

/**
 * What a stream server runs for each accepted connection: Python's {@code client_connected_cb}
 * given to {@code asyncio.start_server}. Each call runs as its own task of the server's loop, so
 * it may suspend ({@code reader.read}, {@code writer.drain}, ...).
 *
 * <p>If it throws, the exception goes to the loop's exception handler and the connection is
 * closed; if its task is cancelled, the connection is closed. If it returns normally the
 * connection is left as it is (as in CPython, it may have handed the streams to another task):
 * close the writer when done.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.NetSnippets region=streams}
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * @param reader the connection's incoming bytes
     * @param writer the connection's outgoing side
     * @throws Exception anything; reported to the loop's exception handler, and the connection is closed
     */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}
