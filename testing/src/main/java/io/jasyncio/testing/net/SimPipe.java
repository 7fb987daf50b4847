package io.jasyncio.testing.net;

import io.jasyncio.EventLoop;
import io.jasyncio.TimerHandle;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * One direction of a simulated connection: the sender's write buffer, the wire, and the
 * receiver's socket buffer, with TCP's sliding window between them.
 *
 * <ul>
 *   <li><b>Send buffer</b> ({@code sendBuf}): bytes the sending transport accepted and has not put
 *       on the wire; its size is the transport's {@code getWriteBufferSize()}.
 *   <li><b>Wire</b>: segments of at most {@link #SEGMENT} bytes, each with the virtual time it
 *       arrives (transmission at the link's bandwidth, then latency plus seeded jitter). Arrival
 *       times never decrease, and one timer, at the head's arrival, moves every due segment to
 *       the receiver, so order is kept whatever the loop's timer order.
 *   <li><b>Receive buffer</b>: arrived bytes the receiving transport has not handed to its
 *       protocol (it is paused, not started yet, or gone without a FIN).
 * </ul>
 *
 * <p><b>Invariants.</b> {@code wireBytes + recvBytes <= window} whenever data is put on the wire
 * (so a receiver that stops reading fills the window and the sender's buffer grows: back
 * pressure); window updates reach the sender at once (acknowledgements take no time). While the
 * link is partitioned nothing is put on the wire and nothing arrives; segments that were due are
 * retransmitted on heal, one latency later. A FIN goes on the wire after the last byte of the send
 * buffer; an RST ends the pipe: whatever follows it is dropped.
 */
final class SimPipe {

    /** The largest segment put on the wire at once. */
    static final int SEGMENT = 16 * 1024;

    private enum Kind { DATA, FIN, RST }

    private record Segment(Kind kind, byte[] data, double arrival) {
        int length() {
            return data == null ? 0 : data.length;
        }
    }

    private final SimNetwork net;
    private final SimConnection conn;
    private final SimTransport from;
    private final SimTransport to;
    private final SimLink link;
    private final EventLoop loop;

    private final ArrayDeque<ByteBuffer> sendBuf = new ArrayDeque<>();
    private long sendBytes;
    private boolean finQueued;
    private boolean finSent;
    private final ArrayDeque<Segment> wire = new ArrayDeque<>();
    private long wireBytes;
    private final ArrayDeque<byte[]> recvBuf = new ArrayDeque<>();
    private long recvBytes;
    private boolean finArrived;
    private boolean eofDelivered;
    private TimerHandle timer;
    /** The arrival time the timer was set for: due when it fires, even if the clock rounded below it. */
    private double timerAt;
    private double lastArrival;
    /** Bytes still allowed before an injected reset, or -1 for none. */
    private long resetBudget = -1;
    private long sentTotal;
    /** Set when the pipe ends (reset, or the sender vanished): nothing more goes on the wire. */
    private boolean stopped;

    SimPipe(SimNetwork net, SimConnection conn, SimTransport from, SimTransport to, SimLink link) {
        this.net = net;
        this.conn = conn;
        this.from = from;
        this.to = to;
        this.link = link;
        this.loop = net.loop();
    }

    // ---------------------------------------------------------------- sender side

    /** Copies the buffer's remaining bytes to the send buffer and sends what the window allows. */
    void enqueue(ByteBuffer data) {
        int len = data.remaining();
        ByteBuffer copy = ByteBuffer.allocate(len);
        copy.put(data).flip();
        sendBuf.addLast(copy);
        sendBytes += len;
        pump();
    }

    /** Queues a FIN after the buffered bytes. */
    void enqueueFin() {
        finQueued = true;
        pump();
    }

    /** @return the bytes accepted and not yet on the wire */
    long sendBuffered() {
        return sendBytes;
    }

    /** @return whether a FIN is queued or sent */
    boolean finQueued() {
        return finQueued;
    }

    /** Drops the send buffer and puts an RST on the wire, after what is already there (abort). */
    void sendReset() {
        dropSendBuffer();
        if (!stopped) {
            put(Kind.RST, null, loop.time());
            stopped = true;
        }
    }

    /**
     * @param bytes how many more bytes may be put on the wire before an RST follows them
     */
    void resetAfter(long bytes) {
        resetBudget = bytes;
    }

    /** Ends the pipe without anything more on the wire (the sender vanished). */
    void stopSending() {
        dropSendBuffer();
        stopped = true;
    }

    /** Ends the pipe at once in both places: nothing more is sent, in flight or delivered. */
    void kill() {
        stopSending();
        wire.clear();
        wireBytes = 0;
        recvBuf.clear();
        recvBytes = 0;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void dropSendBuffer() {
        sendBuf.clear();
        sendBytes = 0;
    }

    /** Puts as much of the send buffer on the wire as the window allows, then a queued FIN. */
    void pump() {
        if (stopped || link.isPartitioned()) {
            return;
        }
        double now = loop.time();
        while (sendBytes > 0) {
            if (resetBudget == 0) { // the RST takes the place of the next byte
                net.record("reset injected after " + sentTotal + " bytes from " + from.describe());
                sendReset();
                break;
            }
            long room = net.receiveWindow() - wireBytes - recvBytes;
            if (room <= 0) {
                break;
            }
            ByteBuffer head = sendBuf.peekFirst();
            int n = (int) Math.min(Math.min(head.remaining(), SEGMENT), room);
            if (resetBudget > 0) {
                n = (int) Math.min(n, resetBudget);
                resetBudget -= n;
            }
            byte[] segment = new byte[n];
            head.get(segment);
            if (!head.hasRemaining()) {
                sendBuf.pollFirst();
            }
            sendBytes -= n;
            sentTotal += n;
            put(Kind.DATA, segment, now);
        }
        if (sendBytes == 0 && finQueued && !finSent && !stopped) {
            finSent = true;
            put(Kind.FIN, null, now);
        }
        from.sendProgress();
    }

    private void put(Kind kind, byte[] data, double now) {
        int len = data == null ? 0 : data.length;
        double left = link.transmit(from.host().name(), len, now);
        double arrival = Math.max(left + link.delay(), lastArrival);
        lastArrival = arrival;
        wire.addLast(new Segment(kind, data, arrival));
        wireBytes += len;
        schedule();
    }

    // ---------------------------------------------------------------- the wire

    private void schedule() {
        Segment head = wire.peekFirst();
        if (timer == null && head != null) {
            timerAt = head.arrival();
            timer = loop.callAt(timerAt, this::arrive);
        }
    }

    /** After a partition heals: what was due is retransmitted now, one delay later. */
    void retransmit() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        double earliest = loop.time() + link.latency();
        ArrayDeque<Segment> held = new ArrayDeque<>(wire);
        wire.clear();
        double last = 0;
        for (Segment s : held) {
            last = Math.max(Math.max(s.arrival(), earliest), last);
            wire.addLast(new Segment(s.kind(), s.data(), last));
        }
        lastArrival = Math.max(lastArrival, last);
        schedule();
        pump();
        deliver();
    }

    private void arrive() {
        timer = null;
        if (link.isPartitioned()) {
            return; // held: heal() retransmits
        }
        double now = Math.max(loop.time(), timerAt);
        while (!wire.isEmpty() && wire.peekFirst().arrival() <= now) {
            Segment s = wire.pollFirst();
            wireBytes -= s.length();
            switch (s.kind()) {
                case DATA -> {
                    net.record(from.describe() + " -> " + to.describe() + " data " + s.length());
                    if (to.isGone()) {
                        net.record(to.describe() + " is closed: RST to " + from.describe());
                        conn.reset("data arrived after it closed");
                        return;
                    }
                    recvBuf.addLast(s.data());
                    recvBytes += s.length();
                }
                case FIN -> {
                    net.record(from.describe() + " -> " + to.describe() + " FIN");
                    finArrived = true;
                }
                case RST -> {
                    net.record(from.describe() + " -> " + to.describe() + " RST");
                    deliver();
                    conn.reset("reset by peer");
                    return;
                }
            }
        }
        schedule();
        deliver();
    }

    // ---------------------------------------------------------------- receiver side

    /** Hands the receive buffer, then a FIN, to the receiving transport while it reads. */
    void deliver() {
        while (!recvBuf.isEmpty() && to.canReceive()) {
            byte[] d = recvBuf.pollFirst();
            recvBytes -= d.length;
            to.receive(d);
        }
        if (recvBuf.isEmpty() && finArrived && !eofDelivered && to.canReceive()) {
            eofDelivered = true;
            to.receiveEof();
        }
        pump();
    }
}
