package io.jasyncio.internal.net;

import io.jasyncio.Asyncio;
import io.jasyncio.Future;
import io.jasyncio.TimerHandle;
import io.jasyncio.internal.loop.SelectorEventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.ConnectOptions;
import io.jasyncio.net.Transport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code loop.createConnection} and {@code loop.createUnixConnection}: resolve (off the loop),
 * then try each address in turn until one connects (no happy eyeballs), then make the transport
 * and wait for the protocol's {@code connectionMade}. The calling task suspends throughout.
 *
 * <p>A connect timeout covers the whole operation: when it fires, whatever is being awaited fails
 * with a {@link SocketTimeoutException} naming the target, and the half-open socket is closed.
 * Cancellation closes it too.
 */
public final class Connector {

    private Connector() {
    }

    /** The operation's deadline: what is being awaited now, and whether time ran out. */
    private static final class Deadline {
        Future<?> current;
        boolean expired;
        IOException error;
    }

    /**
     * @param loop the loop
     * @param factory makes the protocol once connected
     * @param host a host name or IP literal
     * @param port the port
     * @param options the options
     * @param <P> the protocol type
     * @return the transport and protocol
     * @throws IOException {@link ConnectException} (refused), {@link java.net.UnknownHostException},
     *     {@link SocketTimeoutException}, each naming the target
     */
    public static <P extends BaseProtocol> TransportAndProtocol<Transport, P> createConnection(SelectorEventLoop loop,
            Supplier<P> factory, String host, int port, ConnectOptions options) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        Objects.requireNonNull(options, "options");
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("createConnection needs a host");
        }
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        requireTask("createConnection");
        String target = (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        Deadline deadline = new Deadline();
        TimerHandle timer = startTimer(loop, options, deadline, target);
        try {
            Future<List<InetAddress>> resolving = Resolver.resolve(loop, host, port, options.family());
            List<InetAddress> addresses = awaitStep(deadline, resolving);
            List<IOException> errors = new ArrayList<>();
            for (InetAddress address : addresses) {
                InetSocketAddress isa = new InetSocketAddress(address, port);
                SocketChannel ch = SocketChannel.open(address instanceof java.net.Inet6Address
                        ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                try {
                    ch.configureBlocking(false);
                    if (options.noDelay()) {
                        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    }
                    if (options.localAddress() != null) {
                        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                        ch.bind(options.localAddress());
                    }
                    connect(loop, ch, isa, deadline);
                } catch (IOException e) {
                    closeQuietly(ch);
                    loop.requestPoll();
                    if (deadline.expired) {
                        throw deadline.error;
                    }
                    errors.add(e instanceof ConnectException ? describeConnectError(e, isa)
                            : Addresses.annotate(e, "connecting to", isa));
                    continue;
                } catch (Throwable t) {
                    closeQuietly(ch);
                    throw t;
                }
                return makeTransport(loop, ch, factory, deadline);
            }
            throw combine(errors, target);
        } catch (IOException e) {
            if (deadline.expired) {
                throw deadline.error;
            }
            throw e;
        } finally {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    /**
     * @param loop the loop
     * @param factory makes the protocol once connected
     * @param path the socket file
     * @param options the options (the connect timeout applies)
     * @param <P> the protocol type
     * @return the transport and protocol
     * @throws IOException for example a {@link ConnectException} naming the path
     */
    public static <P extends BaseProtocol> TransportAndProtocol<Transport, P> createUnixConnection(
            SelectorEventLoop loop, Supplier<P> factory, Path path, ConnectOptions options) throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        Objects.requireNonNull(path, "path");
        requireTask("createUnixConnection");
        UnixDomainSocketAddress addr = UnixDomainSocketAddress.of(path);
        Deadline deadline = new Deadline();
        TimerHandle timer = startTimer(loop, options, deadline, "unix:" + path);
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.configureBlocking(false);
            try {
                connect(loop, ch, addr, deadline);
            } catch (IOException e) {
                if (deadline.expired) {
                    throw deadline.error;
                }
                throw Addresses.annotate(e, "connecting to", addr);
            }
        } catch (Throwable t) {
            closeQuietly(ch);
            if (timer != null) {
                timer.cancel();
            }
            throw t;
        }
        try {
            return makeTransport(loop, ch, factory, deadline);
        } finally {
            if (timer != null) {
                timer.cancel();
            }
        }
    }

    private static TimerHandle startTimer(SelectorEventLoop loop, ConnectOptions options, Deadline deadline,
            String target) {
        if (options.connectTimeout() == null) {
            return null;
        }
        double seconds = options.connectTimeout().toNanos() / 1e9;
        return loop.callLater(options.connectTimeout(), () -> {
            deadline.expired = true;
            deadline.error = new SocketTimeoutException("connect to " + target + " timed out after " + seconds + " s");
            Future<?> f = deadline.current;
            if (f != null && !f.done()) {
                f.setException(deadline.error);
            }
        });
    }

    private static <T> T awaitStep(Deadline deadline, Future<T> f) throws IOException {
        if (deadline.expired) {
            throw deadline.error;
        }
        deadline.current = f;
        try {
            return Awaits.await(f);
        } finally {
            deadline.current = null;
        }
    }

    private static void connect(SelectorEventLoop loop, SocketChannel ch, SocketAddress addr, Deadline deadline)
            throws IOException {
        if (ch.connect(addr)) {
            return;
        }
        Future<Void> done = loop.createFuture();
        SelectionKey[] key = new SelectionKey[1];
        key[0] = ch.register(loop.selector(), SelectionKey.OP_CONNECT, (Runnable) () -> {
            if (done.done() || !key[0].isValid()) {
                return;
            }
            try {
                if (ch.finishConnect()) {
                    key[0].interestOps(0);
                    done.setResult(null);
                }
            } catch (IOException e) {
                done.setException(e);
            }
        });
        awaitStep(deadline, done);
    }

    private static <P extends BaseProtocol> TransportAndProtocol<Transport, P> makeTransport(SelectorEventLoop loop,
            SocketChannel ch, Supplier<P> factory, Deadline deadline) throws IOException {
        SelectorSocketTransport transport;
        P protocol;
        Future<Void> waiter = loop.createFuture();
        try {
            protocol = Objects.requireNonNull(factory.get(), "the protocol factory returned null");
            transport = new SelectorSocketTransport(loop, ch, protocol, waiter, null);
        } catch (Throwable t) {
            closeQuietly(ch);
            throw t;
        }
        try {
            awaitStep(deadline, waiter);
        } catch (Throwable t) {
            transport.abort();
            throw t;
        }
        return new TransportAndProtocol<>(transport, protocol);
    }

    private static IOException describeConnectError(IOException e, SocketAddress addr) {
        ConnectException c = new ConnectException("Connect call failed to " + Addresses.describe(addr) + ": "
                + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
        c.initCause(e);
        return c;
    }

    private static IOException combine(List<IOException> errors, String target) {
        if (errors.size() == 1) {
            return errors.get(0);
        }
        StringBuilder sb = new StringBuilder("Multiple exceptions connecting to ").append(target).append(": ");
        boolean allRefused = true;
        for (int i = 0; i < errors.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(errors.get(i).getMessage());
            allRefused &= errors.get(i) instanceof ConnectException;
        }
        IOException out = allRefused ? new ConnectException(sb.toString()) : new IOException(sb.toString());
        out.initCause(errors.get(0));
        for (int i = 1; i < errors.size(); i++) {
            out.addSuppressed(errors.get(i));
        }
        return out;
    }

    static void requireTask(String what) {
        if (Asyncio.currentTask() == null) {
            throw new IllegalStateException("loop." + what + "() suspends, so it must be called from inside a task: "
                    + "wrap the code in Asyncio.run(() -> { ... }) or create a task");
        }
    }

    static void closeQuietly(java.nio.channels.Channel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // already failing: the first error is the one that matters
        }
    }
}
