/**
 * Internals shared by {@code io.jasyncio.sync} and {@code io.jasyncio.queue}: the FIFO,
 * cancellation-aware {@link io.jasyncio.internal.sync.WaitQueue} every primitive parks on, and the
 * {@link io.jasyncio.internal.sync.LoopBinding} that confines a primitive to one event loop.
 */
package io.jasyncio.internal.sync;
