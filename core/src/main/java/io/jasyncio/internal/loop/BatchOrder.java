package io.jasyncio.internal.loop;

import java.util.List;

/**
 * Testing hook: decides the order in which the entries of one loop iteration's batch run (see
 * {@link BaseEventLoop#setBatchOrder(BatchOrder)}). The testing module installs one that permutes
 * batches by a seed, to show races that plain FIFO order hides.
 *
 * <p>Each entry comes with its <em>source</em>, compared by identity: what made it ready.
 * <ul>
 *   <li>For an entry queued while another batch entry ran (a {@code callSoon}, a task woken by a
 *       future, a task's next step), the source is that running entry.
 *   <li>For an I/O callback queued by the multiplexer, the source is the entry itself: each
 *       readiness event is independent.
 *   <li>{@link Origin#TIMERS} for due timers, in deadline order; {@link Origin#INBOUND} for work
 *       from other threads (and work prepared before the loop ran), in arrival order;
 *       {@link Origin#IDLE} for callbacks run at an idle point.
 * </ul>
 *
 * <p>Contract: the policy permutes {@code batch} in place (it must neither add nor drop entries)
 * and must keep the relative order of entries that have the same source, since that order is what
 * asyncio promises (callbacks FIFO, a future's callbacks in registration order, timers by
 * deadline). It is called on the loop's thread, only for batches of two or more entries.
 */
public interface BatchOrder {

    /** Sources that are not a batch entry. */
    enum Origin {
        /** Timers that came due in this iteration. */
        TIMERS,
        /** Entries that came from other threads, or were queued before the loop ran. */
        INBOUND,
        /** Callbacks registered with {@link BaseEventLoop#callWhenIdle(Runnable)}. */
        IDLE
    }

    /**
     * Permutes a batch.
     *
     * @param batch the entries of this iteration, in FIFO order; permuted in place
     * @param sources the source of each entry, index for index (not to be modified)
     */
    void order(List<Runnable> batch, List<Object> sources);
}
