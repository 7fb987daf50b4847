/**
 * Synchronisation primitives for tasks, as Python's {@code asyncio} locks: {@link
 * io.jasyncio.sync.Lock}, {@link io.jasyncio.sync.Event}, {@link io.jasyncio.sync.Condition},
 * {@link io.jasyncio.sync.Semaphore}, {@link io.jasyncio.sync.BoundedSemaphore} and {@link
 * io.jasyncio.sync.Barrier}, with CPython 3.13 semantics.
 *
 * <p>Common rules:
 * <ul>
 *   <li>Waiting suspends the calling task only (never the loop), and must happen inside a task.
 *   <li>Waiters are served in FIFO order, on one shared cancellation-aware wait queue; a waiter
 *       cancelled after it was woken passes its wake-up on, so no wake-up is lost.
 *   <li>{@code acquire()} returns an {@link io.jasyncio.sync.Acquired}, so try-with-resources
 *       plays the part of {@code async with}.
 *   <li>Each primitive belongs to the event loop that first uses it, is not thread-safe, and
 *       never uses {@code synchronized}; use from another loop, or from a foreign thread while its
 *       loop runs, fails with a clear {@link java.lang.IllegalStateException}.
 *   <li>{@code statistics()} returns a snapshot record (state and number of waiters).
 * </ul>
 */
package io.jasyncio.sync;
