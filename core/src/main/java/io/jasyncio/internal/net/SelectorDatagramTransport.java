package io.jasyncio.internal.net;

import io.jasyncio.Future;
import io.jasyncio.internal.loop.SelectorEventLoop;
import io.jasyncio.net.BaseProtocol;
import io.jasyncio.net.DatagramOptions;
import io.jasyncio.net.DatagramProtocol;
import io.jasyncio.net.DatagramTransport;
import io.jasyncio.net.TransportAndProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A UDP socket driven by a selector: CPython's {@code _SelectorDatagramTransport}. One datagram is
 * received per readiness event (into the loop's shared read buffer, then copied to a fresh array
 * for the protocol); sends are tried at once and queued whole when the socket cannot take them.
 * Send and receive errors go to {@link DatagramProtocol#errorReceived(IOException)}.
 *
 * <p>Invariants (loop context only): OP_WRITE is in the interest set iff {@code queue} is
 * non-empty; OP_READ iff started and not closing; {@code connectionLost} runs once, last.
 */
public final class SelectorDatagramTransport implements DatagramTransport, Runnable {

    private static final System.Logger LOG = System.getLogger("io.jasyncio.net");
    private static final int LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5;

    private record Datagram(ByteBuffer data, SocketAddress addr) {
    }

    private final SelectorEventLoop loop;
    private final SelectorNet net;
    private final DatagramChannel channel;
    private final SelectionKey key;
    private final SocketAddress remote;
    private final SocketAddress local;
    private Future<Void> waiter;
    private DatagramProtocol protocol;
    private ArrayDeque<Datagram> queue;
    private long queuedBytes;
    private int interest;
    private boolean started;
    private boolean closing;
    private int connLost;
    private int highWater = io.jasyncio.net.WriteTransport.DEFAULT_HIGH_WATER;
    private int lowWater = io.jasyncio.net.WriteTransport.DEFAULT_HIGH_WATER / 4;
    private boolean protocolPaused;

    private SelectorDatagramTransport(SelectorEventLoop loop, DatagramChannel channel, DatagramProtocol protocol,
            SocketAddress remote, Future<Void> waiter) throws IOException {
        this.loop = loop;
        this.net = SelectorNet.of(loop);
        this.channel = channel;
        this.protocol = protocol;
        this.remote = remote;
        this.waiter = waiter;
        this.local = channel.getLocalAddress();
        this.key = channel.register(loop.selector(), 0, this);
        loop.callSoon(this::start);
    }

    /**
     * {@code loop.createDatagramEndpoint}.
     *
     * @param loop the loop
     * @param factory makes the protocol
     * @param localAddr where to bind, or {@code null}
     * @param remoteAddr the peer to connect to (then the only source accepted), or {@code null}
     * @param options the options
     * @param <P> the protocol type
     * @return the transport and protocol
     * @throws IOException if the socket cannot be made, bound or connected (naming the address)
     */
    public static <P extends DatagramProtocol> TransportAndProtocol<DatagramTransport, P> create(SelectorEventLoop loop,
            Supplier<P> factory, InetSocketAddress localAddr, InetSocketAddress remoteAddr, DatagramOptions options)
            throws IOException {
        Objects.requireNonNull(factory, "protocolFactory");
        Connector.requireTask("createDatagramEndpoint");
        InetSocketAddress local = resolve(loop, localAddr, options.family());
        InetSocketAddress remote = resolve(loop, remoteAddr, options.family());
        ProtocolFamily family = options.family();
        if (family == null) {
            InetSocketAddress any = local != null ? local : remote;
            family = any != null && any.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
        }
        DatagramChannel ch = DatagramChannel.open(family);
        SelectorDatagramTransport transport;
        P protocol;
        Future<Void> waiter = loop.createFuture();
        try {
            ch.configureBlocking(false);
            if (options.reusePort()) {
                ch.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            if (options.allowBroadcast()) {
                ch.setOption(StandardSocketOptions.SO_BROADCAST, true);
            }
            if (local != null) {
                try {
                    ch.bind(local);
                } catch (IOException e) {
                    throw Addresses.annotate(e, "error while attempting to bind on address", local);
                }
            } else {
                ch.bind(null);
            }
            if (remote != null) {
                try {
                    ch.connect(remote);
                } catch (IOException e) {
                    throw Addresses.annotate(e, "connecting to", remote);
                }
            }
            protocol = Objects.requireNonNull(factory.get(), "the protocol factory returned null");
            transport = new SelectorDatagramTransport(loop, ch, protocol, remote, waiter);
        } catch (Throwable t) {
            Connector.closeQuietly(ch);
            throw t;
        }
        try {
            Awaits.await(waiter);
        } catch (Throwable t) {
            transport.abort();
            throw t;
        }
        return new TransportAndProtocol<>(transport, protocol);
    }

    private static InetSocketAddress resolve(SelectorEventLoop loop, InetSocketAddress addr, ProtocolFamily family)
            throws IOException {
        if (addr == null || !addr.isUnresolved()) {
            return addr;
        }
        InetAddress a = Awaits.await(Resolver.resolve(loop, addr.getHostString(), addr.getPort(), family)).get(0);
        return new InetSocketAddress(a, addr.getPort());
    }

    private void start() {
        started = true;
        try {
            protocol.connectionMade(this);
        } catch (Throwable t) {
            Future<Void> w = waiter;
            waiter = null;
            fatalError(t, "Fatal error: protocol.connectionMade() call failed.");
            if (w != null && !w.done()) {
                w.setException(t);
            }
            return;
        }
        updateInterest();
        Future<Void> w = waiter;
        waiter = null;
        if (w != null && !w.done()) {
            w.setResult(null);
        }
    }

    @Override
    public void run() {
        int ready;
        try {
            ready = key.readyOps();
        } catch (CancelledKeyException e) {
            return;
        }
        try {
            if ((ready & SelectionKey.OP_READ) != 0 && (interest & SelectionKey.OP_READ) != 0) {
                readReady();
            }
            if ((ready & SelectionKey.OP_WRITE) != 0 && (interest & SelectionKey.OP_WRITE) != 0 && connLost == 0) {
                writeReady();
            }
        } catch (RuntimeException e) {
            fatalError(e, "Unexpected error in the datagram transport's I/O handler");
        }
    }

    private void readReady() {
        if (connLost > 0) {
            return;
        }
        ByteBuffer buf = net.readBuffer();
        buf.clear();
        SocketAddress from;
        try {
            from = channel.receive(buf);
        } catch (IOException e) {
            errorReceived(Addresses.annotate(e, "receiving on", remote != null ? remote : local));
            return;
        }
        if (from == null) {
            return;
        }
        buf.flip();
        byte[] data = new byte[buf.remaining()];
        buf.get(data);
        try {
            protocol.datagramReceived(data, from);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.datagramReceived() call failed.");
        }
    }

    private void errorReceived(IOException e) {
        try {
            protocol.errorReceived(e);
        } catch (Throwable t) {
            fatalError(t, "Fatal error: protocol.errorReceived() call failed.");
        }
    }

    private void writeReady() {
        while (queue != null && !queue.isEmpty()) {
            Datagram d = queue.peekFirst();
            int len = d.data.remaining();
            int n;
            try {
                n = sendNow(d.data, d.addr);
            } catch (IOException e) {
                queue.pollFirst();
                queuedBytes -= len;
                errorReceived(Addresses.annotate(e, "sending to", d.addr != null ? d.addr : remote));
                continue;
            }
            if (n == 0) {
                break;
            }
            queue.pollFirst();
            queuedBytes -= len;
        }
        maybeResumeProtocol();
        if (queue != null && queue.isEmpty()) {
            queue = null;
            updateInterest();
            if (closing) {
                connLost++;
                callConnectionLost(null);
            }
        }
    }

    /** @return bytes sent: the whole datagram, or 0 if the socket cannot take it now */
    private int sendNow(ByteBuffer data, SocketAddress addr) throws IOException {
        ByteBuffer scratch = net.writeScratch();
        scratch.clear();
        scratch.put(0, data, data.position(), data.remaining());
        scratch.limit(data.remaining());
        return addr == null ? channel.write(scratch) : channel.send(scratch, addr);
    }

    @Override
    public void sendto(byte[] data, SocketAddress addr) {
        Objects.requireNonNull(data, "data");
        if (remote != null) {
            if (addr != null && !addr.equals(remote)) {
                throw new IllegalArgumentException("Invalid address: must be null or " + Addresses.describe(remote));
            }
            addr = null;
        } else if (addr == null) {
            throw new IllegalArgumentException("sendto() needs an address: this endpoint is not connected");
        } else if (addr instanceof InetSocketAddress isa && isa.isUnresolved()) {
            throw new IllegalArgumentException("sendto() needs a resolved address, got " + addr);
        }
        if (connLost > 0) {
            if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) {
                LOG.log(System.Logger.Level.WARNING, "sendto() on a closed datagram transport: datagram dropped");
            }
            connLost++;
            return;
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        if (queue == null) {
            try {
                if (sendNow(buf, addr) > 0 || data.length == 0) {
                    return;
                }
            } catch (IOException e) {
                errorReceived(Addresses.annotate(e, "sending to", addr != null ? addr : remote));
                return;
            }
        }
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        queue.addLast(new Datagram(ByteBuffer.wrap(data.clone()), addr));
        queuedBytes += data.length;
        updateInterest();
        maybePauseProtocol();
    }

    private void updateInterest() {
        int ops = (started && !closing ? SelectionKey.OP_READ : 0) | (queue != null ? SelectionKey.OP_WRITE : 0);
        if (ops != interest) {
            interest = ops;
            if (key.isValid()) {
                try {
                    key.interestOps(ops);
                } catch (CancelledKeyException ignored) {
                    // closed under us
                }
            }
        }
    }

    private void maybePauseProtocol() {
        if (queuedBytes > highWater && !protocolPaused) {
            protocolPaused = true;
            try {
                protocol.pauseWriting();
            } catch (Throwable t) {
                report(t, "protocol.pauseWriting() failed");
            }
        }
    }

    private void maybeResumeProtocol() {
        if (protocolPaused && queuedBytes <= lowWater) {
            protocolPaused = false;
            try {
                protocol.resumeWriting();
            } catch (Throwable t) {
                report(t, "protocol.resumeWriting() failed");
            }
        }
    }

    @Override
    public long getWriteBufferSize() {
        return queuedBytes;
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        updateInterest();
        if (queue == null) {
            connLost++;
            loop.callSoon(() -> callConnectionLost(null));
        }
    }

    @Override
    public void abort() {
        forceClose(null);
    }

    private void fatalError(Throwable exc, String message) {
        if (exc instanceof VirtualMachineError vm && !(exc instanceof StackOverflowError)) {
            throw vm;
        }
        if (!(exc instanceof IOException) || loop.getDebug()) {
            report(exc, message);
        }
        forceClose(exc);
    }

    private void report(Throwable t, String message) {
        Map<String, Object> ctx = new HashMap<>();
        ctx.put("message", message);
        ctx.put("exception", t);
        ctx.put("transport", this);
        ctx.put("protocol", protocol);
        loop.callExceptionHandler(ctx);
    }

    private void forceClose(Throwable exc) {
        if (connLost > 0) {
            return;
        }
        queue = null;
        queuedBytes = 0;
        closing = true;
        connLost++;
        updateInterest();
        loop.callSoon(() -> callConnectionLost(exc));
    }

    private void callConnectionLost(Throwable exc) {
        try {
            protocol.connectionLost(exc);
        } catch (Throwable t) {
            report(t, "Exception in protocol.connectionLost()");
        } finally {
            Connector.closeQuietly(channel);
            loop.requestPoll();
        }
    }

    @Override
    public Object getExtraInfo(String name, Object defaultValue) {
        Object v = switch (name) {
            case "peername" -> remote;
            case "sockname" -> local;
            case "socket" -> channel;
            default -> null;
        };
        return v != null ? v : defaultValue;
    }

    @Override
    public void setProtocol(BaseProtocol protocol) {
        if (!(protocol instanceof DatagramProtocol d)) {
            throw new IllegalArgumentException("a datagram transport needs a DatagramProtocol, got "
                    + (protocol == null ? "null" : protocol.getClass().getName()));
        }
        this.protocol = d;
    }

    @Override
    public BaseProtocol getProtocol() {
        return protocol;
    }

    @Override
    public String toString() {
        return "<SelectorDatagramTransport" + (closing ? " closing" : "") + " local=" + Addresses.describe(local)
                + (remote != null ? " remote=" + Addresses.describe(remote) : "") + " queued=" + queuedBytes + ">";
    }
}
