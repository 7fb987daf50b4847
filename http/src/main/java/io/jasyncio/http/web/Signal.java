package io.jasyncio.http.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An application signal: an ordered list of {@link AppCallback}s sent at one point of the
 * application's life, aiohttp's {@code app.on_startup}, {@code on_shutdown} and
 * {@code on_cleanup}.
 *
 * <p>Receivers may be added until the application is frozen (when its runner is set up); after
 * that {@link #add(AppCallback)} throws. {@link #send(Application)} calls them in the order they
 * were added, in the calling task.
 *
 * <p>Not thread-safe while being built; once frozen it is read-only and may be shared.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=signal}
 */
public final class Signal {

    private final String name;
    private final boolean runAll;
    private final List<AppCallback> receivers = new ArrayList<>();
    private volatile boolean frozen;

    Signal(String name, boolean runAll) {
        this.name = name;
        this.runAll = runAll;
    }

    /**
     * Appends a receiver: {@code app.on_startup.append(f)}.
     *
     * @param receiver what to call
     * @return this signal
     * @throws IllegalStateException if the application is frozen
     */
    public Signal add(AppCallback receiver) {
        Objects.requireNonNull(receiver, "receiver");
        if (frozen) {
            throw new IllegalStateException("cannot add to " + name + ": the application is frozen (already set up)");
        }
        receivers.add(receiver);
        return this;
    }

    /** @return the receivers, in call order (a read-only snapshot) */
    public List<AppCallback> receivers() {
        return List.copyOf(receivers);
    }

    /** @return whether the signal refuses new receivers */
    public boolean isFrozen() {
        return frozen;
    }

    void freeze() {
        frozen = true;
    }

    /**
     * Calls every receiver in order. For {@code onStartup} and {@code onShutdown} the first failure
     * stops the sending and propagates; {@code onCleanup} calls every receiver even if some fail,
     * then throws the first failure with the others attached as suppressed exceptions.
     *
     * @param app the application passed to the receivers
     * @throws Exception a receiver's failure, unchanged
     */
    public void send(Application app) throws Exception {
        Throwable first = null;
        for (AppCallback r : receivers) {
            if (!runAll) {
                r.call(app);
                continue;
            }
            try {
                r.call(app);
            } catch (io.jasyncio.CancelledError e) {
                throw e;
            } catch (Exception | Error e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first instanceof Exception e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    @Override
    public String toString() {
        return "<Signal " + name + " receivers=" + receivers.size() + (frozen ? " frozen" : "") + ">";
    }
}
