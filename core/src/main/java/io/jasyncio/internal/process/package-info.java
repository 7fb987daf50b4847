/**
 * <em>Internal</em>: the machinery under {@code io.jasyncio.subprocess}. {@code java.lang.Process}
 * streams are blocking, so each pipe is pumped by a thread of {@link
 * io.jasyncio.internal.process.ProcessThreads} that hands data to the loop with
 * {@code callSoonThreadsafe} and waits when the loop side says so (back-pressure); the loop side
 * of each pipe is a transport ({@link io.jasyncio.internal.process.PipeReader},
 * {@link io.jasyncio.internal.process.PipeWriter}) that the streams API drives as it drives a
 * socket. Not an API: anything here may change.
 */
package io.jasyncio.internal.process;
