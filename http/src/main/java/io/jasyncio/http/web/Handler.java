package io.jasyncio.http.web;

/**
 * A request handler: aiohttp's {@code async def handler(request) -> web.StreamResponse}.
 *
 * <p>It runs inside a task of the connection's event loop, one task per request, so it may
 * suspend anywhere ({@code Asyncio.sleep}, reading the request body, awaiting other tasks) without
 * blocking the loop's other connections. It returns the response to send, usually a
 * {@link Response} (the server prepares and finishes it), or a {@link StreamResponse} it has
 * already prepared and written to. It may throw: an {@link HttpException} becomes that response
 * ({@code throw new HTTPNotFound()}), any other exception a 500 whose body carries no detail (the
 * exception is logged on the server).
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=handler}
 */
@FunctionalInterface
public interface Handler {

    /**
     * Handles one request.
     *
     * @param request the request
     * @return the response; never {@code null}
     * @throws Exception anything: an {@link HttpException} is answered as such, anything else with 500
     */
    StreamResponse handle(Request request) throws Exception;
}
