package io.jasyncio.net;

import io.jasyncio.Asyncio;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test double: a protocol that records its calls in order, keeps the bytes, and completes futures
 * at milestones that a test task can await.
 */
class RecordingProtocol implements Protocol {

    final EventLoop loop = Asyncio.getRunningLoop();
    final List<String> calls = new ArrayList<>();
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final Future<Void> made = loop.createFuture();
    final Future<Void> eof = loop.createFuture();
    final Future<Throwable> lost = loop.createFuture();
    Transport transport;
    boolean keepOpenOnEof;
    Future<Void> dataWaiter;
    long waitingFor;

    @Override
    public void connectionMade(BaseTransport t) {
        calls.add("connectionMade");
        transport = (Transport) t;
        made.setResult(null);
    }

    @Override
    public void dataReceived(byte[] data) {
        if (calls.isEmpty() || !calls.get(calls.size() - 1).equals("dataReceived")) {
            calls.add("dataReceived");
        }
        received.write(data, 0, data.length);
        if (dataWaiter != null && received.size() >= waitingFor) {
            Future<Void> w = dataWaiter;
            dataWaiter = null;
            w.setResult(null);
        }
    }

    @Override
    public boolean eofReceived() {
        calls.add("eofReceived");
        eof.setResult(null);
        return keepOpenOnEof;
    }

    @Override
    public void connectionLost(Throwable exc) {
        calls.add("connectionLost");
        lost.setResult(exc);
        if (dataWaiter != null) {
            Future<Void> w = dataWaiter;
            dataWaiter = null;
            w.setResult(null);
        }
    }

    @Override
    public void pauseWriting() {
        calls.add("pauseWriting");
    }

    @Override
    public void resumeWriting() {
        calls.add("resumeWriting");
    }

    /** Suspends the calling task until at least {@code n} bytes arrived in all (or the connection ended). */
    void awaitBytes(long n) throws Exception {
        if (received.size() >= n || lost.done()) {
            return;
        }
        waitingFor = n;
        dataWaiter = loop.createFuture();
        Asyncio.await(dataWaiter);
    }
}
