/**
 * Testing toolkit for jasyncio: virtual time, seeded deterministic schedules, stepping helpers and
 * a JUnit 5 extension (Trio's {@code trio.testing}, Tokio's paused clock, OkHttp's
 * {@code TaskFaker}).
 *
 * <ul>
 *   <li>{@link io.jasyncio.testing.VirtualTime#run(io.jasyncio.Coroutine)}: {@code Asyncio.run} on
 *       a {@link io.jasyncio.testing.VirtualClock}, which jumps to the next timer whenever every
 *       task is blocked (its auto-jump rule says when it must not: see the class).
 *   <li>{@link io.jasyncio.testing.TestLoop}: a full selector loop on virtual or real time, with an
 *       optional schedule seed, stepped from outside by {@code runUntilIdle()} and
 *       {@code advance(Duration)}.
 *   <li>{@link io.jasyncio.testing.AsyncTesting#waitAllTasksBlocked()} and
 *       {@link io.jasyncio.testing.Sequencer}: stepping from inside tasks.
 *   <li>{@link io.jasyncio.testing.AsyncTest @AsyncTest}: a test method's body as the main
 *       coroutine of a fresh loop, failing on pending tasks, unretrieved exceptions, deadlocks and
 *       time-outs; {@code seeds = N} explores N schedules and names the failing seed.
 * </ul>
 *
 * <p>Seeded schedules permute only what asyncio leaves open (see {@code SeededOrder}): entries made
 * ready by one callback or task step stay FIFO, due timers keep deadline order, work from other
 * threads keeps arrival order; tasks woken in the same iteration by different events may run in
 * any order. The same program and seed make the same choices, so a failing seed replays exactly,
 * as long as no other thread feeds the loop.
 *
 * <p>The simulated network (named hosts, in-memory transports with latency, bandwidth,
 * partitions, resets and half-open connections) is in {@link io.jasyncio.testing.net}.
 */
package io.jasyncio.testing;
