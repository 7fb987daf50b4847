package io.jasyncio.internal.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * A task on the fallback engine: a default-scheduler virtual thread that runs only while it holds
 * the baton, lent to it by the loop thread for one step.
 *
 * <p>Protocol: the loop runs this object (a step queued on its ready queue); the step gives the
 * baton to the task thread and waits until the task hands it back, by suspending ({@link #park()},
 * {@link #yieldNow()}) or by ending. {@code state} and {@code permit} are touched only by whoever
 * holds the baton (the loop thread or this task), and the volatile {@code taskHoldsBaton} orders
 * those accesses, so the fiber needs no lock. The loop itself runs on a virtual thread of the
 * default scheduler on this engine, so a handoff is a park and an unpark inside the JDK's scheduler,
 * with no OS thread switch (about 1 µs, against about 100 µs from a platform loop thread).
 */
final class HandoffFiber implements Fiber, Runnable {

    private static final int NEW = 0, SCHEDULED = 1, RUNNING = 2, PARKED = 3, DONE = 4;

    private final Executor loop;
    private final Thread thread;
    private Runnable unparker;
    private int state = NEW;
    private boolean permit;
    private volatile boolean taskHoldsBaton;
    private volatile Thread lender;

    HandoffFiber(Executor loop, String name, Runnable body) {
        this.loop = loop;
        this.thread = Thread.ofVirtual().name(name).unstarted(() -> {
            awaitBaton();
            try {
                body.run();
            } finally {
                state = DONE;
                handBack();
            }
        });
    }

    @Override
    public Thread thread() {
        return thread;
    }

    @Override
    public void start() {
        state = SCHEDULED;
        thread.start();
        loop.execute(this);
    }

    /** One step, run by the loop thread: lend the baton and wait for it to come back. */
    @Override
    public void run() {
        if (state != SCHEDULED) {
            return;
        }
        state = RUNNING;
        lender = Thread.currentThread();
        taskHoldsBaton = true;
        LockSupport.unpark(thread);
        while (taskHoldsBaton) {
            LockSupport.park(this);
        }
    }

    private void awaitBaton() {
        while (!taskHoldsBaton) {
            LockSupport.park(this);
        }
    }

    private void handBack() {
        Thread to = lender;
        taskHoldsBaton = false;
        LockSupport.unpark(to);
    }

    @Override
    public void park() {
        if (permit) {
            permit = false;
            return;
        }
        state = PARKED;
        handBack();
        awaitBaton();
    }

    @Override
    public Runnable unparker() {
        Runnable u = unparker;
        if (u == null) {
            u = this::unpark;
            unparker = u;
        }
        return u;
    }

    @Override
    public void unpark() {
        if (state == PARKED) {
            state = SCHEDULED;
            loop.execute(this);
        } else if (state == RUNNING) {
            permit = true;
        }
    }

    @Override
    public void yieldNow() {
        state = SCHEDULED;
        loop.execute(this);
        handBack();
        awaitBaton();
    }

    @Override
    public void interrupt() {
        // A task that is blocked in a JDK call holds the baton, so nothing else can run to
        // cancel it; a task parked here is woken through its future instead.
    }
}
