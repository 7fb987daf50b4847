package io.jasyncio.http.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Hooks into the life of each request, as aiohttp's {@code TraceConfig}: register listeners for
 * the signals, then pass the config to {@link ClientSession.Builder#traceConfig(TraceConfig)}.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=trace}
 *
 * <p>Listeners run on the session's loop, synchronously, in registration order; an exception a
 * listener throws propagates out of the request. Register listeners before the session is used;
 * the config itself is not thread-safe.
 */
public final class TraceConfig {

    private final List<Entry<?>> entries = new ArrayList<>();

    private record Entry<E extends TraceEvent>(Class<E> type, Consumer<? super E> listener) {}

    /** @param l called before each request is sent @return this */
    public TraceConfig onRequestStart(Consumer<? super TraceEvent.RequestStart> l) {
        return add(TraceEvent.RequestStart.class, l);
    }

    /** @param l called when the final response head arrived @return this */
    public TraceConfig onRequestEnd(Consumer<? super TraceEvent.RequestEnd> l) {
        return add(TraceEvent.RequestEnd.class, l);
    }

    /** @param l called for each redirect followed @return this */
    public TraceConfig onRequestRedirect(Consumer<? super TraceEvent.RequestRedirect> l) {
        return add(TraceEvent.RequestRedirect.class, l);
    }

    /** @param l called when a request fails @return this */
    public TraceConfig onRequestException(Consumer<? super TraceEvent.RequestException> l) {
        return add(TraceEvent.RequestException.class, l);
    }

    /** @param l called when a request starts waiting for a pool slot @return this */
    public TraceConfig onConnectionQueuedStart(Consumer<? super TraceEvent.ConnectionQueuedStart> l) {
        return add(TraceEvent.ConnectionQueuedStart.class, l);
    }

    /** @param l called when that wait ends @return this */
    public TraceConfig onConnectionQueuedEnd(Consumer<? super TraceEvent.ConnectionQueuedEnd> l) {
        return add(TraceEvent.ConnectionQueuedEnd.class, l);
    }

    /** @param l called before a new connection is opened @return this */
    public TraceConfig onConnectionCreateStart(Consumer<? super TraceEvent.ConnectionCreateStart> l) {
        return add(TraceEvent.ConnectionCreateStart.class, l);
    }

    /** @param l called after a new connection is open @return this */
    public TraceConfig onConnectionCreateEnd(Consumer<? super TraceEvent.ConnectionCreateEnd> l) {
        return add(TraceEvent.ConnectionCreateEnd.class, l);
    }

    /** @param l called when an idle connection is reused @return this */
    public TraceConfig onConnectionReuseconn(Consumer<? super TraceEvent.ConnectionReuseconn> l) {
        return add(TraceEvent.ConnectionReuseconn.class, l);
    }

    private <E extends TraceEvent> TraceConfig add(Class<E> type, Consumer<? super E> l) {
        entries.add(new Entry<>(type, Objects.requireNonNull(l, "listener")));
        return this;
    }

    /** Tells the listeners of the event's signal, in order. */
    void send(TraceEvent event) {
        for (Entry<?> e : entries) {
            deliver(e, event);
        }
    }

    private static <E extends TraceEvent> void deliver(Entry<E> e, TraceEvent event) {
        if (e.type.isInstance(event)) {
            e.listener.accept(e.type.cast(event));
        }
    }
}
