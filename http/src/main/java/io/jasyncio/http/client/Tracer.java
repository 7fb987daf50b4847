package io.jasyncio.http.client;

import java.util.List;

/** The trace configs of one session, told of events in order; a no-op when there are none. */
record Tracer(List<TraceConfig> configs) {

    static final Tracer NONE = new Tracer(List.of());

    Tracer {
        configs = List.copyOf(configs);
    }

    boolean enabled() {
        return !configs.isEmpty();
    }

    void send(TraceEvent event) {
        for (TraceConfig c : configs) {
            c.send(event);
        }
    }
}
