/**
 * Child processes on the event loop: Python's {@code asyncio.create_subprocess_exec},
 * {@code create_subprocess_shell} and {@code asyncio.subprocess.Process}, as
 * {@link io.jasyncio.subprocess.Subprocess#exec}, {@link io.jasyncio.subprocess.Subprocess#shell}
 * and {@link io.jasyncio.subprocess.Subprocess}. The child's pipes are the streams API's
 * {@link io.jasyncio.net.StreamWriter} and {@link io.jasyncio.net.StreamReader}, with the same
 * back-pressure as sockets.
 *
 * {@snippet class=io.jasyncio.snippets.SubprocessSnippets region=sort}
 *
 * <p>Threads: everything is used from the loop's context (its tasks). {@code java.lang.Process}
 * streams block, so jasyncio pumps them on its own daemon threads; the loop thread never blocks on
 * a child.
 */
package io.jasyncio.subprocess;
