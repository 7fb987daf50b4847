package io.jasyncio.http.ws;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test harness: an in-memory socket between two ends on one loop. What one end writes reaches
 * the other end's receiver in a later loop iteration (never from inside {@code write}), unless
 * that end paused reading; {@code drain()} suspends while more than {@code highWater} bytes are
 * in flight. Each end records every byte it wrote, so tests can read the exact frames sent.
 * Loop-confined.
 */
final class WsPipe {

    /** Whoever gets the bytes an end receives: a {@link WebSocketConnection} or a {@link Raw} recorder. */
    interface Receiver {
        void feed(ByteBuffer data);

        void feedEof();

        void connectionLost(Throwable error);
    }

    final End client;
    final End server;

    WsPipe(EventLoop loop, int highWater) {
        client = new End(loop, highWater, "client");
        server = new End(loop, highWater, "server");
        client.other = server;
        server.other = client;
    }

    /** A connected pair of WebSockets with the given settings and no extensions. */
    static Pair open(EventLoop loop, WsSettings clientSettings, WsSettings serverSettings) {
        return open(loop, clientSettings, serverSettings, null, 1 << 20);
    }

    /** A connected pair with permessage-deflate parameters (or null) and a high-water mark. */
    static Pair open(EventLoop loop, WsSettings clientSettings, WsSettings serverSettings, WsDeflateParams deflate,
                     int highWater) {
        WsPipe pipe = new WsPipe(loop, highWater);
        WebSocketConnection c = new WebSocketConnection(loop, WsRole.CLIENT, pipe.client, clientSettings, deflate,
                null, new Random(1));
        WebSocketConnection s = new WebSocketConnection(loop, WsRole.SERVER, pipe.server, serverSettings, deflate,
                null, null);
        pipe.client.receiver = of(c);
        pipe.server.receiver = of(s);
        return new Pair(pipe, c, s);
    }

    /** A server WebSocket whose peer is a raw recorder (for bad input and silent peers). */
    static RawPair server(EventLoop loop, WsSettings settings) {
        WsPipe pipe = new WsPipe(loop, 1 << 20);
        WebSocketConnection s = new WebSocketConnection(loop, WsRole.SERVER, pipe.server, settings, null, null, null);
        Raw raw = new Raw(WsRole.CLIENT);
        pipe.client.receiver = raw;
        pipe.server.receiver = of(s);
        return new RawPair(pipe, s, raw);
    }

    static Receiver of(WebSocketConnection ws) {
        return new Receiver() {
            @Override
            public void feed(ByteBuffer data) {
                ws.feed(data);
            }

            @Override
            public void feedEof() {
                ws.feedEof();
            }

            @Override
            public void connectionLost(Throwable error) {
                ws.connectionLost(error);
            }
        };
    }

    /** Two WebSockets joined by a pipe. */
    record Pair(WsPipe pipe, WebSocketConnection client, WebSocketConnection server) {
    }

    /** A server WebSocket and the raw bytes its peer receives; write raw frames with {@code pipe.client}. */
    record RawPair(WsPipe pipe, WebSocketConnection server, Raw peer) {
        /** Sends raw bytes from the peer to the server. */
        void send(byte[] bytes) {
            pipe.client.write(ByteBuffer.wrap(bytes));
        }
    }

    /** A receiver that records bytes and parses them as frames for the given role. */
    static final class Raw implements Receiver {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<WsMessage> messages = new ArrayList<>();
        final WsFrameParser parser;
        boolean eof;
        Throwable lost;
        boolean lostCalled;

        Raw(WsRole role) {
            parser = new WsFrameParser(role, 0, null, messages::add);
        }

        @Override
        public void feed(ByteBuffer data) {
            bytes.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            try {
                parser.feed(data);
            } catch (WsProtocolException e) {
                throw new AssertionError("the peer sent invalid frames", e);
            }
        }

        @Override
        public void feedEof() {
            eof = true;
        }

        @Override
        public void connectionLost(Throwable error) {
            lostCalled = true;
            lost = error;
        }

        /** @return the close frame received, or null */
        WsMessage close() {
            return messages.stream().filter(m -> m.type() == WsMsgType.CLOSE).findFirst().orElse(null);
        }
    }

    /** One end: a {@link WsTransport} whose writes go to the other end's receiver. */
    static final class End implements WsTransport {
        private final EventLoop loop;
        private final int highWater;
        private final String name;
        End other;
        Receiver receiver;
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private final ArrayDeque<byte[]> inFlight = new ArrayDeque<>();
        private long inFlightBytes;
        private boolean deliveryScheduled;
        boolean readingPaused;
        int pauses;
        boolean closing;
        boolean aborted;
        private boolean finished;
        private Future<Void> drainWaiter;

        End(EventLoop loop, int highWater, String name) {
            this.loop = loop;
            this.highWater = highWater;
            this.name = name;
        }

        @Override
        public void write(ByteBuffer data) {
            byte[] b = new byte[data.remaining()];
            data.get(b);
            if (closing || finished) {
                return;
            }
            written.writeBytes(b);
            if (b.length > 0) {
                inFlight.addLast(b);
                inFlightBytes += b.length;
                scheduleDelivery();
            }
        }

        private void scheduleDelivery() {
            if (!deliveryScheduled) {
                deliveryScheduled = true;
                loop.callSoon(this::deliver);
            }
        }

        /** Moves what this end wrote to the other end's receiver, unless it paused reading. */
        private void deliver() {
            deliveryScheduled = false;
            while (!inFlight.isEmpty() && !other.readingPaused && !other.finished) {
                byte[] b = inFlight.pollFirst();
                inFlightBytes -= b.length;
                other.receiver.feed(ByteBuffer.wrap(b));
            }
            if (inFlightBytes <= highWater) {
                wakeDrain();
            }
            if (inFlight.isEmpty() && closing && !finished) {
                finish(null);
            }
        }

        private void wakeDrain() {
            Future<Void> w = drainWaiter;
            drainWaiter = null;
            if (w != null && !w.done()) {
                w.setResult(null);
            }
        }

        @Override
        public void drain() throws IOException {
            while (true) {
                if (finished || closing) {
                    throw new IOException("Connection lost (" + name + " end closed)");
                }
                if (inFlightBytes <= highWater) {
                    return;
                }
                if (drainWaiter == null) {
                    drainWaiter = loop.createFuture();
                }
                try {
                    Asyncio.await(drainWaiter);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
        }

        @Override
        public void pauseReading() {
            readingPaused = true;
            pauses++;
        }

        @Override
        public void resumeReading() {
            if (readingPaused) {
                readingPaused = false;
                other.scheduleDelivery();
            }
        }

        @Override
        public void close() {
            if (!closing) {
                closing = true;
                scheduleDelivery();
            }
        }

        @Override
        public void abort() {
            if (!finished) {
                closing = true;
                aborted = true;
                inFlight.clear();
                inFlightBytes = 0;
                finish(new IOException("Connection reset by peer"));
            }
        }

        /** Ends both directions: the other end sees end of stream (or a reset), both receivers the loss. */
        private void finish(IOException toOther) {
            finished = true;
            wakeDrain();
            loop.callSoon(() -> {
                if (toOther == null) {
                    other.receiver.feedEof();
                    other.receiver.connectionLost(null);
                } else {
                    other.receiver.connectionLost(toOther);
                }
                other.finished = true;
                other.wakeDrain();
                receiver.connectionLost(null);
            });
        }

        /** @return everything this end wrote so far */
        byte[] written() {
            return written.toByteArray();
        }

        boolean finished() {
            return finished;
        }
    }
}
