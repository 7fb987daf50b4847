package io.jasyncio.http.web;

import java.nio.ByteBuffer;

/**
 * The protocol that took a connection over after a {@code 101 Switching Protocols} answer (a
 * WebSocket): the {@link HttpServerProtocol} passes it the connection's events instead of parsing
 * HTTP, and tells it when the server shuts down.
 *
 * <p><b>Threads.</b> Called on the connection's loop, from its callbacks (never from inside a
 * write or close of the transport).
 */
interface UpgradedProtocol {

    /** @param data bytes from the client, only read during the call */
    void dataReceived(ByteBuffer data);

    /** The client half-closed or closed. */
    void eofReceived();

    /** @param error why the connection is gone, or null for an orderly close */
    void connectionLost(Throwable error);

    /** The server is shutting down gracefully: close with 1001 (going away). Never suspends. */
    void goingAway();
}
