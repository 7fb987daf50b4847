/**
 * The HTTP server, in the style of aiohttp.web: {@link io.jasyncio.http.web.Application},
 * {@link io.jasyncio.http.web.Router}, {@link io.jasyncio.http.web.Request},
 * {@link io.jasyncio.http.web.Response} / {@link io.jasyncio.http.web.StreamResponse} /
 * {@link io.jasyncio.http.web.FileResponse}, {@link io.jasyncio.http.web.HttpException} and its
 * {@code HTTP*} subclasses, {@link io.jasyncio.http.web.Middleware}, and the runners that serve an
 * application on sockets ({@link io.jasyncio.http.web.Web#runApp}, {@link io.jasyncio.http.web.AppRunner},
 * {@link io.jasyncio.http.web.TcpSite}, {@link io.jasyncio.http.web.UnixSite}).
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=helloApp}
 *
 * <h2>How a request is served</h2>
 * Each connection is an {@link io.jasyncio.http.web.HttpServerProtocol}: a state machine over the
 * {@code io.jasyncio.http.codec} parser that runs on the connection's event loop and never
 * blocks. For each request it starts a task that routes it, runs the middlewares and the handler
 * (which may suspend anywhere), and writes the response. Responses leave in request order;
 * keep-alive, pipelining, chunked bodies, {@code Expect: 100-continue}, HEAD and HTTP/1.0 are
 * handled there, and every malformed input is answered with a 4xx and a closed connection. The
 * protocol talks to its connection through {@link io.jasyncio.http.web.HttpTransport}, so it runs
 * the same on a socket and on an in-memory pipe in tests.
 *
 * <h2>Threads</h2>
 * An application is built on one thread and frozen when served; a frozen application (router,
 * middlewares) may be shared by several loops. Everything per connection or per request
 * (protocol, request, response) belongs to that connection's loop and its tasks.
 */
package io.jasyncio.http.web;
