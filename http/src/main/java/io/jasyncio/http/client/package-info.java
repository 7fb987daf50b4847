/**
 * The HTTP client, in the style of aiohttp's {@code ClientSession}.
 *
 * {@snippet class=io.jasyncio.http.snippets.ClientSnippets region=download}
 *
 * <ul>
 *   <li>{@link io.jasyncio.http.client.ClientSession}: requests, defaults, cookie jar, redirects.</li>
 *   <li>{@link io.jasyncio.http.client.ClientResponse} and its body stream
 *       {@link io.jasyncio.http.client.ResponseContent}.</li>
 *   <li>{@link io.jasyncio.http.client.RequestOptions} (aiohttp's keyword arguments) and
 *       {@link io.jasyncio.http.client.FormData}.</li>
 *   <li>{@link io.jasyncio.http.client.TcpConnector}: the connection pool; it opens connections
 *       with a {@link io.jasyncio.http.client.Dialer}, which yields
 *       {@link io.jasyncio.http.client.ClientConnection}s.</li>
 *   <li>Proxies: {@link io.jasyncio.http.client.HttpProxy} with
 *       {@link io.jasyncio.http.client.BasicAuth}, set per request or per session (or taken from
 *       {@code http_proxy}/{@code https_proxy}/{@code no_proxy} with {@code trustEnv}).</li>
 *   <li>{@link io.jasyncio.http.client.ClientTimeout}, {@link io.jasyncio.http.client.TlsPolicy},
 *       {@link io.jasyncio.http.client.TraceConfig}.</li>
 *   <li>Errors: {@link io.jasyncio.http.client.ClientError} and its subclasses, modelled on
 *       aiohttp's hierarchy; all are {@link java.io.IOException}s.</li>
 * </ul>
 *
 * <p>The HTTP/1.1 bytes are read and written by the shared codec
 * ({@link io.jasyncio.http.codec.HttpResponseParser}, {@link io.jasyncio.http.codec.HttpWriter});
 * URLs, cookies, forms and content codings come from the sibling packages. Everything here is
 * confined to one event loop: a session and its connector are bound to the loop of their first use.
 */
package io.jasyncio.http.client;
