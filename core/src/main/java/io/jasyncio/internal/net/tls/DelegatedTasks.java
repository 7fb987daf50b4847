package io.jasyncio.internal.net.tls;

import io.jasyncio.EventLoop;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Where an {@link javax.net.ssl.SSLEngine}'s delegated tasks run ({@code getDelegatedTask()}: the
 * handshake's expensive steps, such as verifying the peer's certificate chain and signing or
 * checking the key exchange).
 *
 * <p>By default they run <em>inline</em>, on the loop thread, as CPython runs OpenSSL's handshake
 * on its loop: measured on this project's 2-core VM (JDK 25, TLS 1.3, ECDSA P-256 or RSA 2048
 * certificates, see {@code TlsHandshakeCost} in the tests' notes in docs), a whole server-side
 * handshake costs about a millisecond of loop time either way, and handing the tasks to another
 * thread and back adds a thread hop (tens of microseconds, several per handshake) while saving
 * the loop less than that (most of the cost is in {@code wrap}/{@code unwrap}, which must run on
 * the loop). Setting the system property {@code jasyncio.tls.delegatedTasks=thread} runs them on
 * a pool of daemon platform threads instead (not virtual threads: a virtual thread started from a
 * task would inherit the task's scheduler, its loop); the result comes back through
 * {@code callSoonThreadsafe}, and the connection does not touch its engine meanwhile.
 *
 * <p>Thread-safe (stateless apart from the pool).
 */
final class DelegatedTasks {

    /** Whether tasks run on the loop thread. */
    static final boolean INLINE = !"thread".equals(System.getProperty("jasyncio.tls.delegatedTasks", "inline"));

    private static final ExecutorService POOL = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("jasyncio-tls-task-", 0).factory());

    private DelegatedTasks() {
    }

    /**
     * Runs the tasks on the pool, then {@code done} on the loop with what a task threw, or
     * {@code null}. If the loop has closed meanwhile, {@code done} is not called.
     *
     * @param tasks the engine's tasks, in order
     * @param loop the connection's loop
     * @param done called on the loop afterwards
     */
    static void runOffLoop(List<Runnable> tasks, EventLoop loop, Consumer<Throwable> done) {
        POOL.execute(() -> {
            Throwable error = null;
            try {
                for (Runnable t : tasks) {
                    t.run();
                }
            } catch (Throwable t) {
                error = t;
            }
            Throwable e = error;
            try {
                loop.callSoonThreadsafe(() -> done.accept(e));
            } catch (IllegalStateException closed) {
                // the loop is gone: so is the connection
            }
        });
    }
}
