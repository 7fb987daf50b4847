/**
 * Bridges between event loops and other threads: a loop's default executor and the
 * {@code CompletableFuture} conversions ({@link io.jasyncio.internal.interop.ThreadInterop}).
 */
package io.jasyncio.internal.interop;
