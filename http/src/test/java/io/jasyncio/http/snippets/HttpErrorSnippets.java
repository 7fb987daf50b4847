package io.jasyncio.http.snippets;

import io.jasyncio.http.web.*;
import java.util.List;
import java.util.Map;

/**
 * The examples in the Javadoc of the HTTP status exceptions of {@code io.jasyncio.http.web}: one
 * handler per status, each raising its exception. {@code HttpErrorSnippetsTest} requests every one
 * and checks the status that comes back. The list of statuses is made by hand from aiohttp's
 * {@code web_exceptions}.
 */
public final class HttpErrorSnippets {

    private HttpErrorSnippets() {
    }

    /** The statuses {@link #routes(Router)} answers, by path under {@code /errors/}. */
    public static final Map<String, Integer> STATUSES = Map.ofEntries(
            Map.entry("HTTPMultipleChoices", 300),
            Map.entry("HTTPMovedPermanently", 301),
            Map.entry("HTTPFound", 302),
            Map.entry("HTTPSeeOther", 303),
            Map.entry("HTTPNotModified", 304),
            Map.entry("HTTPUseProxy", 305),
            Map.entry("HTTPTemporaryRedirect", 307),
            Map.entry("HTTPPermanentRedirect", 308),
            Map.entry("HTTPBadRequest", 400),
            Map.entry("HTTPUnauthorized", 401),
            Map.entry("HTTPPaymentRequired", 402),
            Map.entry("HTTPForbidden", 403),
            Map.entry("HTTPNotFound", 404),
            Map.entry("HTTPMethodNotAllowed", 405),
            Map.entry("HTTPNotAcceptable", 406),
            Map.entry("HTTPProxyAuthenticationRequired", 407),
            Map.entry("HTTPRequestTimeout", 408),
            Map.entry("HTTPConflict", 409),
            Map.entry("HTTPGone", 410),
            Map.entry("HTTPLengthRequired", 411),
            Map.entry("HTTPPreconditionFailed", 412),
            Map.entry("HTTPRequestEntityTooLarge", 413),
            Map.entry("HTTPRequestURITooLong", 414),
            Map.entry("HTTPUnsupportedMediaType", 415),
            Map.entry("HTTPRequestRangeNotSatisfiable", 416),
            Map.entry("HTTPExpectationFailed", 417),
            Map.entry("HTTPMisdirectedRequest", 421),
            Map.entry("HTTPUnprocessableEntity", 422),
            Map.entry("HTTPFailedDependency", 424),
            Map.entry("HTTPUpgradeRequired", 426),
            Map.entry("HTTPPreconditionRequired", 428),
            Map.entry("HTTPTooManyRequests", 429),
            Map.entry("HTTPRequestHeaderFieldsTooLarge", 431),
            Map.entry("HTTPUnavailableForLegalReasons", 451),
            Map.entry("HTTPInternalServerError", 500),
            Map.entry("HTTPNotImplemented", 501),
            Map.entry("HTTPBadGateway", 502),
            Map.entry("HTTPServiceUnavailable", 503),
            Map.entry("HTTPGatewayTimeout", 504),
            Map.entry("HTTPVersionNotSupported", 505));

    // @start region="httpException"
    /** Answers every HTTP error as JSON instead of aiohttp's plain text. */
    static final Middleware JSON_ERRORS = (request, next) -> {
        try {
            return next.handle(request);
        } catch (HTTPRedirection e) {          // 3xx: not an error, let the server answer it
            throw e;
        } catch (HTTPClientError e) {          // 4xx: the client's mistake
            return Response.json(Map.of("error", e.reason(), "detail", e.text()), e.status());
        } catch (HTTPServerError e) {          // 5xx: ours
            return Response.json(Map.of("error", e.reason()), e.status());
        } catch (HTTPError e) {                // any other 4xx or 5xx
            return Response.json(Map.of("error", e.reason()), e.status());
        } catch (HttpException e) {            // any status, e.g. new HttpException(299, "odd")
            return e.toResponse();
        }
    };
    // @end

    /**
     * Adds one route per status, under {@code /errors/NAME}.
     *
     * @param router the router to add to
     */
    public static void routes(Router router) {
        // @start region="HTTPMultipleChoices"
        router.addGet("/errors/HTTPMultipleChoices", request -> {
            // several representations: point at the preferred one
            throw new HTTPMultipleChoices("/reports/2024.pdf");
        });
        // @end
        // @start region="HTTPMovedPermanently"
        router.addGet("/errors/HTTPMovedPermanently", request -> {
            // the API moved for good: clients should update their links
            throw new HTTPMovedPermanently("/v2" + request.path());
        });
        // @end
        // @start region="HTTPFound"
        router.addGet("/errors/HTTPFound", request -> {
            // not signed in: send the browser to the login page
            throw new HTTPFound("/login?next=" + request.path());
        });
        // @end
        // @start region="HTTPSeeOther"
        router.addGet("/errors/HTTPSeeOther", request -> {
            // after a POST, have the client GET the result
            throw new HTTPSeeOther("/orders/42");
        });
        // @end
        // @start region="HTTPNotModified"
        router.addGet("/errors/HTTPNotModified", request -> {
            // the client's cached copy is current (its If-None-Match matched)
            throw new HTTPNotModified();
        });
        // @end
        // @start region="HTTPUseProxy"
        router.addGet("/errors/HTTPUseProxy", request -> {
            // deprecated by RFC 9110, kept for completeness
            throw new HTTPUseProxy("http://proxy.example.com:3128/");
        });
        // @end
        // @start region="HTTPTemporaryRedirect"
        router.addGet("/errors/HTTPTemporaryRedirect", request -> {
            // served elsewhere for now; the method and body are kept
            throw new HTTPTemporaryRedirect("https://mirror.example.com" + request.path());
        });
        // @end
        // @start region="HTTPPermanentRedirect"
        router.addGet("/errors/HTTPPermanentRedirect", request -> {
            // moved for good; the method and body are kept
            throw new HTTPPermanentRedirect("/api/v2/upload");
        });
        // @end
        // @start region="HTTPBadRequest"
        router.addGet("/errors/HTTPBadRequest", request -> {
            // the request is malformed
            throw new HTTPBadRequest("missing parameter: q");
        });
        // @end
        // @start region="HTTPUnauthorized"
        router.addGet("/errors/HTTPUnauthorized", request -> {
            // no or bad credentials
            throw new HTTPUnauthorized("sign in first").withHeader("WWW-Authenticate", "Bearer");
        });
        // @end
        // @start region="HTTPPaymentRequired"
        router.addGet("/errors/HTTPPaymentRequired", request -> {
            // reserved by HTTP, used by some APIs for billing
            throw new HTTPPaymentRequired("your plan is over its quota");
        });
        // @end
        // @start region="HTTPForbidden"
        router.addGet("/errors/HTTPForbidden", request -> {
            // authenticated, but not allowed
            throw new HTTPForbidden("admins only");
        });
        // @end
        // @start region="HTTPNotFound"
        router.addGet("/errors/HTTPNotFound", request -> {
            // nothing here (the router also answers 404 for unknown paths)
            throw new HTTPNotFound("no such order");
        });
        // @end
        // @start region="HTTPMethodNotAllowed"
        router.addGet("/errors/HTTPMethodNotAllowed", request -> {
            // the path exists, the method does not; sets the Allow header
            throw new HTTPMethodNotAllowed(request.method(), List.of("GET", "HEAD"));
        });
        // @end
        // @start region="HTTPNotAcceptable"
        router.addGet("/errors/HTTPNotAcceptable", request -> {
            // no representation matches the Accept header
            throw new HTTPNotAcceptable("only application/json is available");
        });
        // @end
        // @start region="HTTPProxyAuthenticationRequired"
        router.addGet("/errors/HTTPProxyAuthenticationRequired", request -> {
            // for a proxy written with jasyncio
            throw new HTTPProxyAuthenticationRequired("authenticate with the proxy");
        });
        // @end
        // @start region="HTTPRequestTimeout"
        router.addGet("/errors/HTTPRequestTimeout", request -> {
            // the client was too slow to send its request
            throw new HTTPRequestTimeout("the body took too long");
        });
        // @end
        // @start region="HTTPConflict"
        router.addGet("/errors/HTTPConflict", request -> {
            // the request conflicts with the resource's current state
            throw new HTTPConflict("the resource changed meanwhile");
        });
        // @end
        // @start region="HTTPGone"
        router.addGet("/errors/HTTPGone", request -> {
            // it was here, and will not come back
            throw new HTTPGone("this link has expired");
        });
        // @end
        // @start region="HTTPLengthRequired"
        router.addGet("/errors/HTTPLengthRequired", request -> {
            // the handler needs to know the body's size up front
            throw new HTTPLengthRequired("send a Content-Length");
        });
        // @end
        // @start region="HTTPPreconditionFailed"
        router.addGet("/errors/HTTPPreconditionFailed", request -> {
            // a conditional request's precondition is false
            throw new HTTPPreconditionFailed("If-Match does not match the current ETag");
        });
        // @end
        // @start region="HTTPRequestEntityTooLarge"
        router.addGet("/errors/HTTPRequestEntityTooLarge", request -> {
            // the body is over the limit (the server also raises it past client_max_size)
            throw new HTTPRequestEntityTooLarge(10 << 20, request.contentLength().orElse(-1));
        });
        // @end
        // @start region="HTTPRequestURITooLong"
        router.addGet("/errors/HTTPRequestURITooLong", request -> {
            // the target is longer than the handler accepts
            throw new HTTPRequestURITooLong("keep the query under 8 KiB");
        });
        // @end
        // @start region="HTTPUnsupportedMediaType"
        router.addGet("/errors/HTTPUnsupportedMediaType", request -> {
            // the body's Content-Type is not one the handler reads
            throw new HTTPUnsupportedMediaType("send application/json");
        });
        // @end
        // @start region="HTTPRequestRangeNotSatisfiable"
        router.addGet("/errors/HTTPRequestRangeNotSatisfiable", request -> {
            // the Range lies outside the content
            throw new HTTPRequestRangeNotSatisfiable("the file has only 100 bytes");
        });
        // @end
        // @start region="HTTPExpectationFailed"
        router.addGet("/errors/HTTPExpectationFailed", request -> {
            // the Expect header cannot be met
            throw new HTTPExpectationFailed("100-continue refused");
        });
        // @end
        // @start region="HTTPMisdirectedRequest"
        router.addGet("/errors/HTTPMisdirectedRequest", request -> {
            // the request reached a server that cannot answer for its authority
            throw new HTTPMisdirectedRequest("this server does not serve that host");
        });
        // @end
        // @start region="HTTPUnprocessableEntity"
        router.addGet("/errors/HTTPUnprocessableEntity", request -> {
            // well-formed, but the content does not validate
            throw new HTTPUnprocessableEntity("age must be a number");
        });
        // @end
        // @start region="HTTPFailedDependency"
        router.addGet("/errors/HTTPFailedDependency", request -> {
            // a WebDAV-style dependent action failed
            throw new HTTPFailedDependency("the previous step of the batch failed");
        });
        // @end
        // @start region="HTTPUpgradeRequired"
        router.addGet("/errors/HTTPUpgradeRequired", request -> {
            // the client must switch protocols
            throw new HTTPUpgradeRequired("use a WebSocket").withHeader("Upgrade", "websocket");
        });
        // @end
        // @start region="HTTPPreconditionRequired"
        router.addGet("/errors/HTTPPreconditionRequired", request -> {
            // the handler requires a conditional request
            throw new HTTPPreconditionRequired("send If-Match to avoid lost updates");
        });
        // @end
        // @start region="HTTPTooManyRequests"
        router.addGet("/errors/HTTPTooManyRequests", request -> {
            // rate limited
            throw new HTTPTooManyRequests("slow down").withHeader("Retry-After", "30");
        });
        // @end
        // @start region="HTTPRequestHeaderFieldsTooLarge"
        router.addGet("/errors/HTTPRequestHeaderFieldsTooLarge", request -> {
            // a header (or all of them) is over the limit
            throw new HTTPRequestHeaderFieldsTooLarge("the cookie is too large");
        });
        // @end
        // @start region="HTTPUnavailableForLegalReasons"
        router.addGet("/errors/HTTPUnavailableForLegalReasons", request -> {
            // blocked for legal reasons
            throw new HTTPUnavailableForLegalReasons("not available in your country");
        });
        // @end
        // @start region="HTTPInternalServerError"
        router.addGet("/errors/HTTPInternalServerError", request -> {
            // a bug; an uncaught exception is answered as 500 as well
            throw new HTTPInternalServerError("the template is broken");
        });
        // @end
        // @start region="HTTPNotImplemented"
        router.addGet("/errors/HTTPNotImplemented", request -> {
            // the server does not support the functionality
            throw new HTTPNotImplemented("PATCH is not supported yet");
        });
        // @end
        // @start region="HTTPBadGateway"
        router.addGet("/errors/HTTPBadGateway", request -> {
            // a gateway got an invalid answer upstream
            throw new HTTPBadGateway("the upstream sent garbage");
        });
        // @end
        // @start region="HTTPServiceUnavailable"
        router.addGet("/errors/HTTPServiceUnavailable", request -> {
            // temporarily overloaded or down
            throw new HTTPServiceUnavailable("down for maintenance").withHeader("Retry-After", "120");
        });
        // @end
        // @start region="HTTPGatewayTimeout"
        router.addGet("/errors/HTTPGatewayTimeout", request -> {
            // a gateway timed out upstream
            throw new HTTPGatewayTimeout("the upstream did not answer in time");
        });
        // @end
        // @start region="HTTPVersionNotSupported"
        router.addGet("/errors/HTTPVersionNotSupported", request -> {
            // the HTTP version is refused
            throw new HTTPVersionNotSupported("HTTP/1.0 is not served here");
        });
        // @end
    }
}
