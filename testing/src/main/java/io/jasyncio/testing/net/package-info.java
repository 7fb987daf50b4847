/**
 * A simulated network for tests: named hosts on one event loop's clock, joined by in-memory
 * transports that run {@code Protocol}, {@code Streams} and HTTP code unchanged, with latency,
 * bandwidth, partitions, resets, half-open connections and slow readers injected on command or
 * picked from a seed. Start at {@link io.jasyncio.testing.net.SimNetwork}.
 */
package io.jasyncio.testing.net;
