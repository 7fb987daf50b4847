package io.jasyncio.http.ws;

import io.jasyncio.TimeoutError;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * {@code for (WsMessage m : ws)}: aiohttp's {@code async for msg in ws}. {@link #hasNext()}
 * receives the next message (suspending) and answers false, for good, at CLOSE, CLOSING or
 * CLOSED, which are not yielded. A receive timeout escapes {@code hasNext()} as the original
 * {@link TimeoutError}, thrown without being declared.
 *
 * <p>Loop-confined, used by one task.
 */
final class MessageIterator implements Iterator<WsMessage> {

    private final WebSocket ws;
    private WsMessage next;
    private boolean ended;

    MessageIterator(WebSocket ws) {
        this.ws = ws;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended) {
            return false;
        }
        WsMessage m;
        try {
            m = ws.receive();
        } catch (TimeoutError e) {
            throw MessageIterator.<RuntimeException>undeclared(e);
        }
        switch (m.type()) {
            case CLOSE, CLOSING, CLOSED -> {
                ended = true;
                return false;
            }
            default -> {
                next = m;
                return true;
            }
        }
    }

    @Override
    public WsMessage next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the WebSocket is closed");
        }
        WsMessage m = next;
        next = null;
        return m;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E undeclared(Throwable e) throws E {
        throw (E) e;
    }
}
