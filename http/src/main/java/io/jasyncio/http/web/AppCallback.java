package io.jasyncio.http.web;

/**
 * A receiver of an application {@link Signal} ({@code onStartup}, {@code onShutdown},
 * {@code onCleanup}): aiohttp's {@code async def on_startup(app)}.
 *
 * <p>Called in a task of the loop that runs the application's runner, so it may suspend (open a
 * database pool, start a background task, wait for it to stop).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=signal}
 */
@FunctionalInterface
public interface AppCallback {

    /**
     * @param app the application whose signal is being sent
     * @throws Exception anything; see {@link Signal#send(Application)} for what happens then
     */
    void call(Application app) throws Exception;
}
