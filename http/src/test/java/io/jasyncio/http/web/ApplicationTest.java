package io.jasyncio.http.web;

import io.jasyncio.http.VirtualTimeLoop;

import static io.jasyncio.http.web.Wire.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Middlewares, signals, state and sub-applications (after aiohttp's test_web_middleware.py and test_web_app.py). */
@Timeout(20)
class ApplicationTest {

    /** Middlewares run in the order added, the first outermost, around the handler. */
    @Test
    void middlewareOrder() throws Exception {
        List<String> trace = new ArrayList<>();
        Application app = new Application();
        app.addMiddleware((r, next) -> {
            trace.add("a>");
            StreamResponse s = next.handle(r);
            trace.add("<a");
            return s;
        });
        app.addMiddleware((r, next) -> {
            trace.add("b>");
            StreamResponse s = next.handle(r);
            trace.add("<b");
            return s;
        });
        app.router().addGet("/", r -> {
            trace.add("h");
            return Response.text("x");
        });
        Wire.roundTrip(app, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(trace).containsExactly("a>", "b>", "h", "<b", "<a");
    }

    /** A middleware can change the response and pass values to the handler through the request's state. */
    @Test
    void middlewareChangesRequestAndResponse() throws Exception {
        Application app = new Application();
        app.addMiddleware((r, next) -> {
            r.state().put("user", "ann");
            StreamResponse s = next.handle(r);
            s.setHeader("X-Frame-Options", "DENY");
            return s;
        });
        app.router().addGet("/", r -> Response.text("hi " + r.state().get("user")));
        assertThat(Wire.roundTrip(app, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
                .contains("X-Frame-Options: DENY\r\n").endsWith("hi ann");
    }

    /** Middlewares also see requests that match no route, and can turn the 404 into something else. */
    @Test
    void middlewareCatchesNotFound() throws Exception {
        Application app = new Application();
        app.addMiddleware((r, next) -> {
            try {
                return next.handle(r);
            } catch (HTTPNotFound e) {
                return Response.text("custom 404", 404);
            }
        });
        assertThat(Wire.roundTrip(app, "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"))
                .startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("custom 404");
    }

    /** A sub-application's middlewares run inside the parent's, and request.app() is the sub-application there. */
    @Test
    void subApplicationMiddlewaresAndCurrentApp() throws Exception {
        List<String> trace = new ArrayList<>();
        Application root = new Application();
        Application sub = new Application();
        root.addMiddleware((r, next) -> {
            trace.add("root sees " + (r.app() == root ? "root" : "sub"));
            return next.handle(r);
        });
        sub.addMiddleware((r, next) -> {
            trace.add("sub sees " + (r.app() == sub ? "sub" : "root"));
            return next.handle(r);
        });
        sub.router().addGet("/x", r -> Response.text(r.app() == sub ? "sub" : "root"));
        root.addSubapp("/s", sub);
        assertThat(Wire.roundTrip(root, "GET /s/x HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(ok("sub"));
        assertThat(trace).containsExactly("root sees root", "sub sees sub");
    }

    /** Signals run in order; a sub-application's run with its parent's; cleanup runs every receiver even if one fails. */
    @Test
    void signals() throws Exception {
        List<String> trace = new ArrayList<>();
        Application root = new Application();
        Application sub = new Application();
        root.onStartup().add(a -> trace.add("root start"));
        sub.onStartup().add(a -> trace.add("sub start"));
        root.addSubapp("/s", sub);
        root.onCleanup().add(a -> {
            throw new IllegalStateException("first");
        });
        root.onCleanup().add(a -> trace.add("second cleanup ran"));
        root.freeze();
        VirtualTimeLoop.run(() -> {
            root.startup();
            assertThatThrownBy(root::cleanup).hasMessage("first");
        });
        assertThat(trace).containsExactly("root start", "sub start", "second cleanup ran");
        assertThatThrownBy(() -> root.onStartup().add(a -> { })).isInstanceOf(IllegalStateException.class);
    }

    /** Typed and string state keys store values; a typed key checks the type. */
    @Test
    void state() {
        AppKey<Integer> count = new AppKey<>("count", Integer.class);
        Application app = new Application().set(count, 3).set("name", "svc");
        assertThat(app.get(count)).isEqualTo(3);
        assertThat(app.get("name")).isEqualTo("svc");
        assertThat(app.get(new AppKey<>("count", Integer.class), 7)).isEqualTo(7);
        @SuppressWarnings({"rawtypes", "unchecked"})
        AppKey<Object> raw = (AppKey) count;
        assertThatThrownBy(() -> app.set(raw, "not an int")).isInstanceOf(ClassCastException.class);
    }

    /** A frozen application refuses middlewares and sub-applications; a sub-application cannot be mounted twice. */
    @Test
    void frozenAndMountingRules() {
        Application sub = new Application();
        Application a = new Application();
        a.addSubapp("/a", sub);
        assertThatThrownBy(() -> new Application().addSubapp("/b", sub)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sub::freeze).isInstanceOf(IllegalStateException.class);
        a.freeze();
        assertThat(sub.isFrozen()).isTrue();
        assertThatThrownBy(() -> a.addMiddleware((r, n) -> n.handle(r))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> a.setClientMaxSize(5)).isInstanceOf(IllegalStateException.class);
    }
}
