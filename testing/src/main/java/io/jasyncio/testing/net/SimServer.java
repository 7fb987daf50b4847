package io.jasyncio.testing.net;

import io.jasyncio.CancelledError;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.internal.net.Awaits;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A listening port of a {@link SimHost}: a {@link Server} with the loop server's lifecycle
 * (serving → closed; {@link #waitClosed()} returns once closed and every accepted connection has
 * ended). It has no sockets: {@link #sockets()} is empty and {@link #port()} is the simulated port.
 *
 * <p><b>Invariants.</b> While serving, the host maps the port to this server; once closed, it does
 * not, and connection attempts to the port are refused. Every accepted transport is attached until
 * its {@code connectionLost} has run. Loop-confined.
 */
final class SimServer implements Server {

    private final SimHost host;
    private final int port;
    private final Supplier<? extends BaseProtocol> factory;
    private final Set<SimTransport> clients = new LinkedHashSet<>();
    private final List<Future<Void>> closeWaiters = new ArrayList<>();
    private boolean serving;
    private boolean closed;
    private Future<Void> forever;

    SimServer(SimHost host, int port, Supplier<? extends BaseProtocol> factory) {
        this.host = host;
        this.port = port;
        this.factory = factory;
    }

    BaseProtocol newProtocol() {
        BaseProtocol p = factory.get();
        if (p == null) {
            throw new IllegalStateException("the protocol factory of " + this + " returned null");
        }
        return p;
    }

    void attach(SimTransport t) {
        clients.add(t);
    }

    void detach(SimTransport t) {
        clients.remove(t);
        wakeUpCloseWaiters();
    }

    @Override
    public EventLoop getLoop() {
        return host.network().loop();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serving = false;
        host.unbind(port, this);
        if (forever != null && !forever.done()) {
            forever.cancel();
        }
        wakeUpCloseWaiters();
    }

    private void wakeUpCloseWaiters() {
        if (!closed || !clients.isEmpty()) {
            return;
        }
        for (Future<Void> w : closeWaiters) {
            if (!w.done()) {
                w.setResult(null);
            }
        }
        closeWaiters.clear();
    }

    @Override
    public void closeClients() {
        for (SimTransport t : List.copyOf(clients)) {
            t.close();
        }
    }

    @Override
    public void abortClients() {
        for (SimTransport t : List.copyOf(clients)) {
            t.abort();
        }
    }

    @Override
    public boolean isServing() {
        return serving;
    }

    @Override
    public void startServing() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        serving = true;
    }

    @Override
    public void serveForever() {
        if (forever != null && !forever.done()) {
            throw new IllegalStateException(this + " already serves forever in another task");
        }
        startServing();
        forever = getLoop().createFuture();
        try {
            Awaits.await(forever);
        } catch (CancelledError e) {
            close();
            waitClosed();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void waitClosed() {
        if (closed && clients.isEmpty()) {
            return;
        }
        Future<Void> w = getLoop().createFuture();
        closeWaiters.add(w);
        try {
            Awaits.await(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            closeWaiters.remove(w);
        }
    }

    @Override
    public List<ServerSocketChannel> sockets() {
        return List.of();
    }

    @Override
    public int port() {
        if (closed) {
            throw new IllegalStateException(this + " is closed");
        }
        return port;
    }

    @Override
    public int activeConnections() {
        return clients.size();
    }

    @Override
    public String toString() {
        return "<SimServer " + host.name() + ":" + port + (closed ? " closed" : serving ? " serving" : "") + ">";
    }
}
