package io.jasyncio.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP exception classes (after aiohttp's test_web_exceptions.py). */
class HttpExceptionTest {

    /** The default body is "<status>: <reason>", as aiohttp writes it. */
    @Test
    void defaultText() {
        HTTPNotFound e = new HTTPNotFound();
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.text()).isEqualTo("404: Not Found");
        assertThat(e.getMessage()).isEqualTo("404: Not Found");
        assertThat(new HTTPBadRequest("nope").text()).isEqualTo("nope");
    }

    /** The class hierarchy groups statuses as aiohttp's does. */
    @Test
    void hierarchy() {
        assertThat(new HTTPNotFound()).isInstanceOf(HTTPClientError.class).isInstanceOf(HTTPError.class);
        assertThat(new HTTPBadGateway()).isInstanceOf(HTTPServerError.class);
        assertThat(new HTTPFound("/x")).isInstanceOf(HTTPRedirection.class);
        assertThat(new HTTPInternalServerError().status()).isEqualTo(500);
        assertThat(new HTTPTooManyRequests().status()).isEqualTo(429);
        assertThat(new HTTPPermanentRedirect("/p").status()).isEqualTo(308);
    }

    /** Redirects carry their Location; one with CR/LF is refused at once. */
    @Test
    void redirectLocation() {
        assertThat(new HTTPSeeOther("/done").headers().get("Location")).isEqualTo("/done");
        assertThatThrownBy(() -> new HTTPFound("/x\r\nSet-Cookie: a=b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HTTPFound("")).isInstanceOf(IllegalArgumentException.class);
    }

    /** 405 lists the allowed methods, sorted, in Allow. */
    @Test
    void methodNotAllowed() {
        HTTPMethodNotAllowed e = new HTTPMethodNotAllowed("PATCH", List.of("POST", "GET"));
        assertThat(e.allowedMethods()).containsExactly("GET", "POST");
        assertThat(e.headers().get("Allow")).isEqualTo("GET,POST");
    }

    /** toResponse gives a response with the status, headers and text; 304 has no body. */
    @Test
    void toResponse() {
        Response r = new HTTPUnauthorized().withHeader("WWW-Authenticate", "Basic").toResponse();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Basic");
        assertThat(r.text()).isEqualTo("401: Unauthorized");
        assertThat(new HTTPNotModified().toResponse().body()).isEmpty();
    }

    /** A generic HttpException takes any status from 200 to 599, and range classes check their range. */
    @Test
    void statusRanges() {
        assertThat(new HttpException(418, "teapot").toResponse().status()).isEqualTo(418);
        assertThatThrownBy(() -> new HttpException(100)).isInstanceOf(IllegalArgumentException.class);
    }

    /** HTTP exceptions record no stack trace: they are control flow. */
    @Test
    void noStackTrace() {
        assertThat(new HTTPNotFound().getStackTrace()).isEmpty();
    }
}
