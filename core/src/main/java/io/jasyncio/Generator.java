package io.jasyncio;

import io.jasyncio.internal.gen.GeneratorCore;
import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A generator: Python's {@code def f(): ... yield ...}, made from a body that calls
 * {@code y.yield(value)}. {@link #send(Object)} runs the body until its next {@code yield} and
 * returns the yielded value; {@code yield} returns the value sent next.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=generator}
 *
 * <p><b>Semantics</b> (Python's). A new generator has not started: the first {@code send} must send
 * {@code null} ({@link #next()} does). When the body returns, {@code send} and {@code next} throw
 * {@link NoSuchElementException} (Python's {@code StopIteration}) and the generator is closed; an
 * exception thrown by the body propagates from the call that resumed it, unchanged (a checked one
 * too, though these methods do not declare it), and closes the generator. A
 * {@code NoSuchElementException} escaping the body becomes an {@link IllegalStateException}, so
 * that it cannot silently end a loop (Python's PEP 479). {@link #throwInto(Throwable)} raises an
 * exception at the {@code yield}; {@link #close()} raises {@link GeneratorExit} there. As an
 * {@link Iterator} it is single-pass; {@link #hasNext()} runs the body to its next {@code yield}
 * and keeps that value for {@link #next()}.
 *
 * <p><b>How it runs.</b> The body runs on its own virtual thread, strictly in turn with its caller:
 * exactly one of them runs at a time, and nothing else on the caller's event loop runs while the
 * body does. It works with no event loop at all (a plain {@code main}) and inside tasks. Inside a
 * task the body acts for that task: it may {@link Asyncio#await(Future) await} and sleep (an
 * asynchronous generator; see {@link AsyncIterator}), it sees the task as
 * {@link Asyncio#currentTask()}, and it runs in the caller's {@link ContextVar} context. Cancelling
 * the task while the body awaits raises {@link CancelledError} in the body.
 *
 * <p><b>Threads.</b> A generator is not thread-safe: drive it from one thread (or task) at a
 * time; a second concurrent call fails with "generator already executing". A generator dropped
 * while suspended is closed when it is garbage-collected, on a cleaner thread (as Python closes it
 * on finalization); close it yourself, or use try-with-resources, to run its {@code finally}
 * blocks promptly and in the right task.
 *
 * @param <S> the type of the values sent in ({@link Void} if none)
 * @param <Y> the type of the values yielded
 */
public final class Generator<S, Y> implements Iterator<Y>, Iterable<Y>, AsyncIterator<Y> {

    /**
     * A generator's body: the code between {@code yield}s.
     *
     * @param <S> the type of the values sent in
     * @param <Y> the type of the values yielded
     */
    @FunctionalInterface
    public interface Body<S, Y> {

        /**
         * @param y yields values to the caller
         * @throws Exception anything; it propagates from the caller's {@code send}, unchanged
         */
        void run(Yielder<S, Y> y) throws Exception;
    }

    /**
     * What a body yields with: Python's {@code yield} expression.
     *
     * @param <S> the type of the values sent in
     * @param <Y> the type of the values yielded
     */
    @FunctionalInterface
    public interface Yielder<S, Y> {

        /**
         * Suspends the body, handing {@code value} to the caller; returns when the caller resumes
         * it.
         *
         * @param value what the caller's {@code send}/{@code next} returns
         * @return the value the caller sends next ({@code null} for {@code next()})
         * @throws GeneratorExit if the caller closes the generator
         * @throws IllegalStateException if called from outside the body's own thread
         */
        S yield(Y value);
    }

    /** Python's {@code inspect.getgeneratorstate}. */
    public enum State {
        /** Not started yet. */
        CREATED,
        /** Its body is running (or waiting for an await it delegated). */
        RUNNING,
        /** Suspended at a {@code yield}. */
        SUSPENDED,
        /** Finished, failed or closed. */
        CLOSED
    }

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Cleaner CLEANER = Cleaner.create();

    private final GeneratorCore core;
    private Y buffered;
    private boolean hasBuffered;

    private Generator(GeneratorCore core) {
        this.core = core;
    }

    /**
     * Makes a generator; its body does not run until the first {@code send}/{@code next}.
     *
     * @param body the body
     * @param <S> the type of the values sent in
     * @param <Y> the type of the values yielded
     * @return the generator, not started
     */
    public static <S, Y> Generator<S, Y> of(Body<S, Y> body) {
        Objects.requireNonNull(body, "body");
        @SuppressWarnings("unchecked")
        GeneratorCore core = new GeneratorCore("Generator-" + COUNTER.incrementAndGet(), c -> {
            try {
                body.run(value -> (S) c.yieldValue(value));
            } catch (Exception e) {
                throw Generator.<RuntimeException>sneaky(e);
            }
        });
        return new Generator<>(core);
    }

    /**
     * Resumes the body, making its {@code yield} return {@code value}, and runs it to its next
     * {@code yield}: Python's {@code gen.send(value)}.
     *
     * @param value the value to send; {@code null} to start a new generator
     * @return the next value yielded
     * @throws NoSuchElementException if the body returned (now or before)
     * @throws IllegalArgumentException if a non-null value is sent to a generator not started yet
     * @throws IllegalStateException if the generator is already running
     */
    public Y send(S value) {
        if (hasBuffered) {
            if (value != null) {
                throw new IllegalStateException("hasNext() already ran the body to its next yield: call next() "
                        + "(or send(null)) to take that value before sending another");
            }
            return takeBuffered();
        }
        int s = core.state();
        if (s == GeneratorCore.CREATED) {
            if (value != null) {
                throw new IllegalArgumentException("can't send non-null value to a just-started generator: "
                        + "the first send must be send(null) (or next())");
            }
            CLEANER.register(this, new Abandoned(core));
        } else if (s == GeneratorCore.CLOSED) {
            throw new NoSuchElementException("the generator is exhausted");
        }
        return unwrap(advance(GeneratorCore.SEND, value));
    }

    /**
     * Runs the body to its next {@code yield}: Python's {@code next(gen)}, {@code send(null)}.
     *
     * @return the next value yielded
     * @throws NoSuchElementException if the body returned
     */
    @Override
    public Y next() {
        return send(null);
    }

    /**
     * Runs the body to its next {@code yield} if that has not happened yet, and keeps the value
     * for {@link #next()}.
     *
     * @return whether the body yielded another value (false once it returned)
     */
    @Override
    public boolean hasNext() {
        if (hasBuffered) {
            return true;
        }
        if (core.state() == GeneratorCore.CLOSED) {
            return false;
        }
        if (core.state() == GeneratorCore.CREATED) {
            CLEANER.register(this, new Abandoned(core));
        }
        Object r = advance(GeneratorCore.SEND, null);
        if (r == GeneratorCore.END) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Y y = (Y) r;
        buffered = y;
        hasBuffered = true;
        return true;
    }

    /**
     * Raises {@code e} inside the body at its {@code yield}: Python's {@code gen.throw(e)}. A
     * generator not started yet, or finished, does not run: {@code e} is thrown from here.
     *
     * @param e the exception
     * @return the next value the body yields, if it handles {@code e}
     * @throws NoSuchElementException if the body returns instead
     */
    public Y throwInto(Throwable e) {
        Objects.requireNonNull(e, "e");
        dropBuffered();
        int s = core.state();
        if (s == GeneratorCore.CREATED && core.closeWithoutRunning(GeneratorCore.CREATED) || s == GeneratorCore.CLOSED) {
            throw Generator.<RuntimeException>sneaky(e);
        }
        return unwrap(advance(GeneratorCore.THROW, e));
    }

    /**
     * Closes the generator: Python's {@code gen.close()}. A suspended body gets
     * {@link GeneratorExit} at its {@code yield}, so its {@code finally} blocks run; a generator
     * not started or already finished is just marked closed.
     *
     * @throws IllegalStateException if the body yields again instead of finishing (Python's
     *     "generator ignored GeneratorExit"), or if it is running
     */
    @Override
    public void close() {
        dropBuffered();
        int s = core.state();
        if (s == GeneratorCore.CLOSED || s == GeneratorCore.CREATED && core.closeWithoutRunning(GeneratorCore.CREATED)) {
            return;
        }
        Object r;
        try {
            r = advance(GeneratorCore.THROW, new GeneratorExit());
        } catch (GeneratorExit expected) {
            return;
        }
        if (r != GeneratorCore.END) {
            throw new IllegalStateException("generator ignored GeneratorExit");
        }
    }

    /** @return where the generator is in its life */
    public State state() {
        return State.values()[core.state()];
    }

    /** @return this generator: a generator is its own (single-pass) iterator */
    @Override
    public Iterator<Y> iterator() {
        return this;
    }

    @Override
    public String toString() {
        return "<Generator " + core.thread().getName() + " " + state().name().toLowerCase(java.util.Locale.ROOT) + ">";
    }

    private Y unwrap(Object r) {
        if (r == GeneratorCore.END) {
            throw new NoSuchElementException("the generator is exhausted");
        }
        @SuppressWarnings("unchecked")
        Y y = (Y) r;
        return y;
    }

    private Object advance(int kind, Object payload) {
        try {
            return core.advance(kind, payload);
        } catch (NoSuchElementException e) {
            throw new IllegalStateException("generator raised NoSuchElementException", e);
        }
    }

    private Y takeBuffered() {
        Y y = buffered;
        buffered = null;
        hasBuffered = false;
        return y;
    }

    private void dropBuffered() {
        buffered = null;
        hasBuffered = false;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /** Closes a generator that was dropped while suspended; holds the core, never the generator. */
    private record Abandoned(GeneratorCore core) implements Runnable {

        @Override
        public void run() {
            if (core.state() != GeneratorCore.SUSPENDED) {
                return;
            }
            try {
                core.advance(GeneratorCore.THROW, new GeneratorExit());
            } catch (Throwable ignored) {
                // Python ignores what a finalized generator raises, beyond a warning.
            }
        }
    }
}
