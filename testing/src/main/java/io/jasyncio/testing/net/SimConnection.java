package io.jasyncio.testing.net;

import java.net.SocketException;
import java.util.Objects;

/**
 * A connection of a {@link SimNetwork}: two {@link io.jasyncio.net.Transport}s (the client's and
 * the server's) joined by two pipes, one per direction. Tests get it from
 * {@link SimNetwork#connections()}, {@link SimNetwork#onConnection} or a transport's
 * {@code getExtraInfo("simconnection")}, and inject faults into it.
 *
 * <p><b>Invariants.</b> Bytes arrive in order, exactly once, unless the connection is reset
 * (then both ends fail with the same kind of error and nothing more is delivered) or an end
 * vanishes (then nothing more leaves that end, and what reaches it is never acknowledged). A fault
 * on a connection that already ended does nothing. An end is named by its host; on a connection
 * from a host to itself, that name means the client's end. Loop-confined.
 *
 * {@snippet class=io.jasyncio.testing.snippets.TestingSnippetsTest region=reset}
 */
public final class SimConnection {

    private final SimNetwork net;
    private final SimTransport client;
    private final SimTransport server;
    private final SimPipe toServer;
    private final SimPipe toClient;
    private boolean reset;

    SimConnection(SimNetwork net, SimTransport client, SimTransport server, SimLink link) {
        this.net = net;
        this.client = client;
        this.server = server;
        this.toServer = new SimPipe(net, this, client, server, link);
        this.toClient = new SimPipe(net, this, server, client, link);
        client.wire(this, toServer, toClient);
        server.wire(this, toClient, toServer);
    }

    SimTransport clientTransport() {
        return client;
    }

    SimTransport serverTransport() {
        return server;
    }

    /** @return the client's end, as "host:port" */
    public String clientAddress() {
        return client.describe();
    }

    /** @return the server's end, as "host:port" */
    public String serverAddress() {
        return server.describe();
    }

    /** @return whether the connection was reset */
    public boolean isReset() {
        return reset;
    }

    /**
     * Resets the connection now, as a middlebox sending an RST both ways: each end's protocol gets
     * {@code connectionLost} with a {@link SocketException} "Connection reset by peer" naming the
     * other end, and {@code StreamReader}/{@code StreamWriter} calls raise it.
     */
    public void reset() {
        reset("reset injected");
    }

    void reset(String why) {
        if (reset) {
            return;
        }
        reset = true;
        net.record("reset " + client.describe() + " <-> " + server.describe() + " (" + why + ")");
        toServer.kill();
        toClient.kill();
        client.reset(resetError(server));
        server.reset(resetError(client));
    }

    private static SocketException resetError(SimTransport peer) {
        return new SocketException("Connection reset by peer " + peer.describe() + " (simulated)");
    }

    /**
     * Resets the connection once the host {@code sender} has sent {@code bytes} more bytes on it:
     * those arrive, and when the sender has more, an RST follows them; when it reaches the other
     * end, both ends fail as with {@link #reset()}.
     *
     * @param sender the name of one end's host
     * @param bytes how many more bytes it may send, 0 or more
     * @return this connection
     * @throws IllegalArgumentException if {@code sender} is neither end, or {@code bytes} is negative
     */
    public SimConnection resetAfter(String sender, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        pipeFrom(sender).resetAfter(bytes);
        net.record("will reset after " + bytes + " more bytes from " + end(sender).describe());
        return this;
    }

    /**
     * Makes the end on host {@code side} vanish without a FIN, as a crashed machine or a pulled
     * cable: that end's protocol gets {@code connectionLost} with a {@link SocketException}, and the
     * other end hears nothing: its reads wait (until its own timeout) and its writes pile up once
     * the window is full.
     *
     * @param side the name of one end's host
     */
    public void vanish(String side) {
        SimTransport gone = end(side);
        if (gone.isGone()) {
            return;
        }
        net.record("vanish " + gone.describe());
        pipeFrom(side).stopSending();
        gone.vanish(new SocketException("Connection lost: " + gone.describe() + " vanished (simulated crash)"));
    }

    /** Moves held data after a partition between the two hosts heals. */
    void healed() {
        toServer.retransmit();
        toClient.retransmit();
    }

    boolean involves(String hostName) {
        return client.host().name().equals(hostName) || server.host().name().equals(hostName);
    }

    private SimTransport end(String hostName) {
        Objects.requireNonNull(hostName, "hostName");
        if (client.host().name().equals(hostName)) {
            return client;
        }
        if (server.host().name().equals(hostName)) {
            return server;
        }
        throw new IllegalArgumentException("host '" + hostName + "' is not an end of " + this);
    }

    private SimPipe pipeFrom(String hostName) {
        return end(hostName) == client ? toServer : toClient;
    }

    @Override
    public String toString() {
        return "<SimConnection " + client.describe() + " <-> " + server.describe() + (reset ? " reset" : "") + ">";
    }
}
