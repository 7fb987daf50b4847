package io.jasyncio.http.web;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns SIGINT and SIGTERM into a call of {@code onSignal}, for {@link Web#runApp}'s graceful
 * shutdown: the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}, reached by
 * reflection so the build has no internal-API warning), so that the JVM does not exit by itself
 * and {@code runApp} returns normally after its cleanup. A second signal while shutting down
 * ends the process at once (exit status 130), as a second Ctrl+C does in aiohttp.
 *
 * <p>Where {@code sun.misc.Signal} is unavailable, a shutdown hook does the same job: the JVM's
 * exit then waits (up to the grace period) for the cleanup to finish.
 *
 * <p>Thread-safe: the callback runs on a JVM signal thread; it must only hand work to the loop.
 */
final class TerminationSignals implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.jasyncio.http.web");

    private final List<Runnable> undo = new ArrayList<>();
    private final CountDownLatch cleanedUp = new CountDownLatch(1);

    private TerminationSignals() {
    }

    /**
     * @param onSignal called (on a signal thread) at the first SIGINT or SIGTERM
     * @param graceSeconds how long a shutdown hook waits for the cleanup
     * @return a registration; close it after the cleanup
     */
    static TerminationSignals install(Runnable onSignal, double graceSeconds) {
        TerminationSignals s = new TerminationSignals();
        AtomicInteger count = new AtomicInteger();
        Runnable handler = () -> {
            if (count.incrementAndGet() == 1) {
                onSignal.run();
            } else {
                System.err.println("second termination signal while shutting down: exiting at once");
                Runtime.getRuntime().halt(130);
            }
        };
        if (!s.trySunMiscSignal(handler)) {
            Thread hook = Thread.ofPlatform().name("jasyncio-web-shutdown").unstarted(() -> {
                handler.run();
                try {
                    s.cleanedUp.await((long) (graceSeconds * 1000) + 5000, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            s.undo.add(() -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running: it waits for cleanedUp
                }
            });
        }
        return s;
    }

    private boolean trySunMiscSignal(Runnable handler) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, handlerType);
            Object proxy = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                    (p, m, args) -> {
                        if (m.getName().equals("handle")) {
                            handler.run();
                            return null;
                        }
                        return switch (m.getName()) {
                            case "hashCode" -> System.identityHashCode(p);
                            case "equals" -> p == args[0];
                            default -> "jasyncio termination handler";
                        };
                    });
            for (String name : new String[] {"INT", "TERM"}) {
                Object sig = signal.getConstructor(String.class).newInstance(name);
                Object previous = handle.invoke(null, sig, proxy);
                undo.add(() -> {
                    try {
                        handle.invoke(null, sig, previous);
                    } catch (ReflectiveOperationException e) {
                        LOG.log(System.Logger.Level.DEBUG, "could not restore the " + name + " handler", e);
                    }
                });
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "sun.misc.Signal unavailable; using a shutdown hook", e);
            restore();
            return false;
        }
    }

    /** The cleanup is over: restores the previous handlers and releases a waiting shutdown hook. */
    @Override
    public void close() {
        cleanedUp.countDown();
        restore();
    }

    private void restore() {
        for (Runnable r : undo) {
            r.run();
        }
        undo.clear();
    }
}
