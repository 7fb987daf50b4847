/**
 * Queues for tasks, as Python's {@code asyncio} queues (3.13): {@link io.jasyncio.queue.Queue}
 * (FIFO), {@link io.jasyncio.queue.PriorityQueue}, {@link io.jasyncio.queue.LifoQueue}, with
 * {@link io.jasyncio.queue.QueueFull}, {@link io.jasyncio.queue.QueueEmpty} and
 * {@link io.jasyncio.queue.QueueShutDown}. They wait on the same FIFO, cancellation-aware wait
 * queue as the primitives of {@code io.jasyncio.sync}, and are confined to one event loop.
 */
package io.jasyncio.queue;
