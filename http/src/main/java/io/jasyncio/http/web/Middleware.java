package io.jasyncio.http.web;

/**
 * A middleware: aiohttp's {@code @web.middleware async def m(request, handler)}. It wraps every
 * handler of its application (and of its sub-applications): it may change the request, call
 * {@code next} zero or more times, change or replace the response, or turn exceptions into
 * responses.
 *
 * <p>Middlewares of an application run in the order they were added, the first one outermost;
 * those of a parent application run outside those of its sub-applications. They also run for
 * requests that match no route: {@code next} then throws {@link HTTPNotFound} or
 * {@link HTTPMethodNotAllowed}, which a middleware may catch.
 *
 * <p>Runs in the request's task, on the connection's event loop; it may suspend.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=middleware}
 */
@FunctionalInterface
public interface Middleware {

    /**
     * Handles one request, usually by delegating to {@code next}.
     *
     * @param request the request
     * @param next the rest of the chain: the next middleware, or the route's handler
     * @return the response; never {@code null}
     * @throws Exception anything, as a {@link Handler} may
     */
    StreamResponse handle(Request request, Handler next) throws Exception;
}
