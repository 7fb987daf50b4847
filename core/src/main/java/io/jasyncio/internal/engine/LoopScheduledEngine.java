package io.jasyncio.internal.engine;

import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * The fast engine: each task is a virtual thread whose scheduler is its event loop.
 *
 * <p>The JDK has no public API for a virtual thread with a custom scheduler yet. This class is the
 * only place that reaches the package-private {@code java.lang.ThreadBuilders$VirtualThreadBuilder
 * (Executor)} constructor, by reflection, which needs {@code --add-opens
 * java.base/java.lang=ALL-UNNAMED}. When the JDK ships a public custom-scheduler API, only this
 * class changes. The loop's executor receives each continuation step (from the loop thread, from
 * a task, or from the JDK's own timer, poller and unblocker threads) and runs it on the loop
 * thread, never while that thread holds a monitor.
 */
final class LoopScheduledEngine implements TaskEngine {

    private final Constructor<?> builderConstructor;

    private LoopScheduledEngine(Constructor<?> builderConstructor) {
        this.builderConstructor = builderConstructor;
    }

    /**
     * Reaches the JDK's builder, or fails with the reason.
     *
     * @return the engine
     * @throws ReflectiveOperationException if the JDK's internals are not as expected
     * @throws RuntimeException if {@code java.lang} is not open to this module
     */
    static LoopScheduledEngine create() throws ReflectiveOperationException {
        Class<?> builderClass = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
        Constructor<?> ctor = builderClass.getDeclaredConstructor(Executor.class);
        ctor.setAccessible(true);
        LoopScheduledEngine engine = new LoopScheduledEngine(ctor);
        engine.selfTest();
        return engine;
    }

    /** Runs one virtual thread on a trivial executor, so that a broken JDK path fails here, once. */
    private void selfTest() throws ReflectiveOperationException {
        boolean[] ran = new boolean[1];
        java.util.ArrayDeque<Runnable> steps = new java.util.ArrayDeque<>();
        Thread t = newFactory(steps::add).newThread(() -> ran[0] = true);
        t.start();
        Runnable step;
        while ((step = steps.poll()) != null) {
            step.run();
        }
        if (!ran[0]) {
            throw new IllegalStateException("a virtual thread on a custom scheduler did not run");
        }
    }

    private ThreadFactory newFactory(Executor loop) throws ReflectiveOperationException {
        Thread.Builder.OfVirtual builder = (Thread.Builder.OfVirtual) builderConstructor.newInstance(loop);
        return builder.factory();
    }

    @Override
    public String name() {
        return "fast";
    }

    @Override
    public boolean isFast() {
        return true;
    }

    @Override
    public ThreadFactory scheduledBy(Executor scheduler) {
        try {
            return newFactory(scheduler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a virtual thread builder with a scheduler", e);
        }
    }

    @Override
    public FiberFactory forLoop(Executor loop) {
        ThreadFactory factory;
        try {
            factory = newFactory(loop);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a loop-scheduled virtual thread builder", e);
        }
        return (name, body) -> {
            Thread t = factory.newThread(body);
            t.setName(name);
            return new VirtualFiber(t);
        };
    }

    /**
     * A task as a loop-scheduled virtual thread: park and unpark are the JDK's own. It is its own
     * {@linkplain #unparker() unparker}, so a sleeping task's timer needs no extra object.
     */
    private record VirtualFiber(Thread thread) implements Fiber, Runnable {

        @Override
        public Runnable unparker() {
            return this;
        }

        @Override
        public void run() {
            LockSupport.unpark(thread);
        }

        @Override
        public void start() {
            thread.start();
        }

        @Override
        public void park() {
            LockSupport.park();
        }

        @Override
        public void unpark() {
            LockSupport.unpark(thread);
        }

        @Override
        public void yieldNow() {
            Thread.yield();
        }

        @Override
        public void interrupt() {
            thread.interrupt();
        }
    }
}
