package io.jasyncio.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Route syntax, resolution order, 404/405 and URL building (after aiohttp's test_urldispatch.py). */
class RouterTest {

    static final Handler H = r -> Response.text("h");

    private static MatchInfo resolve(Application app, String method, String path) {
        return app.router().resolve(method, path);
    }

    /** A plain path matches exactly, with no parameters. */
    @Test
    void plainPathMatches() {
        Application app = new Application();
        Route r = app.router().addGet("/about", H);
        MatchInfo m = resolve(app, "GET", "/about");
        assertThat(m.route()).contains(r);
        assertThat(m.params()).isEmpty();
        assertThat(resolve(app, "GET", "/about/").errorStatus()).isEqualTo(404);
    }

    /** {name} matches one segment and yields its decoded value. */
    @Test
    void parameterMatchesOneSegment() {
        Application app = new Application();
        app.router().addGet("/users/{id}/posts/{slug}", H);
        MatchInfo m = resolve(app, "GET", "/users/7/posts/hello%20world");
        assertThat(m.params()).isEqualTo(Map.of("id", "7", "slug", "hello world"));
        assertThat(resolve(app, "GET", "/users/7/8/posts/x").errorStatus()).isEqualTo(404);
    }

    /** {name:regex} constrains the value; {tail:.*} may span slashes. */
    @Test
    void regexParameters() {
        Application app = new Application();
        app.router().addGet("/n/{id:\\d+}", H);
        app.router().addGet("/y/{year:\\d{4}}", H);
        app.router().addGet("/files/{tail:.*}", H);
        assertThat(resolve(app, "GET", "/n/42").get("id")).isEqualTo("42");
        assertThat(resolve(app, "GET", "/n/x42").errorStatus()).isEqualTo(404);
        assertThat(resolve(app, "GET", "/y/2026").get("year")).isEqualTo("2026");
        assertThat(resolve(app, "GET", "/y/26").errorStatus()).isEqualTo(404);
        assertThat(resolve(app, "GET", "/files/a/b/c.txt").get("tail")).isEqualTo("a/b/c.txt");
    }

    /** An encoded slash stays inside one parameter and is decoded in its value. */
    @Test
    void encodedSlashStaysInParameter() {
        Application app = new Application();
        app.router().addGet("/f/{name}", H);
        assertThat(resolve(app, "GET", "/f/a%2Fb").get("name")).isEqualTo("a/b");
        assertThat(resolve(app, "GET", "/f/100%25").get("name")).isEqualTo("100%");
    }

    /** Literal parts match the decoded path, so encoded and raw UTF-8 requests reach a non-ASCII route. */
    @Test
    void literalsMatchDecodedPath() {
        Application app = new Application();
        app.router().addGet("/caf\u00e9", H);
        assertThat(resolve(app, "GET", "/caf%C3%A9").route()).isPresent();
        assertThat(resolve(app, "GET", "/%63af%C3%A9").route()).isPresent();
    }

    /** Resources are tried in the order added: the first match wins, even over a later plain path. */
    @Test
    void firstAddedWins() {
        Application app = new Application();
        Route dynamic = app.router().addGet("/{name}", H);
        app.router().addGet("/static", H);
        assertThat(resolve(app, "GET", "/static").route()).contains(dynamic);
    }

    /** A path known for other methods is 405, and Allow lists the methods of every matching resource. */
    @Test
    void methodMismatchIs405WithAllMethods() {
        Application app = new Application();
        app.router().addGet("/x", H);
        app.router().addRoute("PUT", "/{any}", H);
        MatchInfo m = resolve(app, "DELETE", "/x");
        assertThat(m.errorStatus()).isEqualTo(405);
        HTTPMethodNotAllowed e = catchHandler(m);
        assertThat(e.allowedMethods()).containsExactly("GET", "HEAD", "PUT");
        assertThat(e.headers().get("Allow")).isEqualTo("GET,HEAD,PUT");
    }

    /** A later resource that takes the method wins over an earlier one that matched only the path. */
    @Test
    void laterResourceWithMethodWins() {
        Application app = new Application();
        app.router().addGet("/x", H);
        Route post = app.router().addRoute("POST", "/{any}", H);
        assertThat(resolve(app, "POST", "/x").route()).contains(post);
    }

    /** addGet also answers HEAD; "*" answers any method. */
    @Test
    void headAndAnyMethod() {
        Application app = new Application();
        app.router().addGet("/g", H);
        Route any = app.router().addRoute("*", "/any", H);
        assertThat(resolve(app, "HEAD", "/g").route()).isPresent();
        assertThat(resolve(app, "PROPFIND", "/any").route()).contains(any);
    }

    /** Routes with the same path share one resource; the same method twice is refused. */
    @Test
    void sameMethodTwiceIsRefused() {
        Application app = new Application();
        Route get = app.router().addGet("/p", H);
        Route post = app.router().addPost("/p", H);
        assertThat(post.resource()).isSameAs(get.resource());
        assertThatThrownBy(() -> app.router().addPost("/p", H)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
    }

    /** Malformed route paths are refused with a clear message. */
    @Test
    void malformedPathsAreRefused() {
        Router r = new Application().router();
        assertThatThrownBy(() -> r.addGet("no-slash", H)).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> r.addGet("/{open", H)).hasMessageContaining("unbalanced '{'");
        assertThatThrownBy(() -> r.addGet("/close}", H)).hasMessageContaining("unbalanced '}'");
        assertThatThrownBy(() -> r.addGet("/{a}/{a}", H)).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> r.addGet("/{1x}", H)).hasMessageContaining("invalid parameter name");
        assertThatThrownBy(() -> r.addGet("/{x:[}", H)).hasMessageContaining("bad regular expression");
        assertThatThrownBy(() -> r.addRoute("GE T", "/", H)).hasMessageContaining("invalid method");
    }

    /** Named resources build URLs with encoded parameters; errors name what is wrong. */
    @Test
    void urlBuilding() {
        Application app = new Application();
        app.router().addGet("/hello/{name}", H, "hello");
        app.router().addGet("/n/{id:\\d+}", H, "num");
        assertThat(app.router().urlFor("hello", "name", "Ann Lee/2").toString()).isEqualTo("/hello/Ann%20Lee%2F2");
        assertThat(app.router().urlFor("num", Map.of("id", "12")).toString()).isEqualTo("/n/12");
        assertThatThrownBy(() -> app.router().urlFor("num", "id", "x")).hasMessageContaining("does not match");
        assertThatThrownBy(() -> app.router().urlFor("hello")).hasMessageContaining("needs a value for \"name\"");
        assertThatThrownBy(() -> app.router().urlFor("hello", "name", "a", "b", "c"))
                .hasMessageContaining("has no parameter \"b\"");
        assertThatThrownBy(() -> app.router().resource("nope")).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> app.router().addGet("/other", H, "hello")).hasMessageContaining("duplicate resource name");
    }

    /** A frozen application's router refuses new routes. */
    @Test
    void frozenRouterRefusesRoutes() {
        Application app = new Application();
        app.freeze();
        assertThatThrownBy(() -> app.router().addGet("/late", H)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("frozen");
    }

    /** A sub-application answers under its prefix, and its 404 is final (the parent's later routes are not tried). */
    @Test
    void subApplicationUnderPrefix() {
        Application app = new Application();
        Application admin = new Application();
        Route users = admin.router().addGet("/users", H, "users");
        app.addSubapp("/admin/", admin);
        app.router().addGet("/admin/{rest}", H);
        MatchInfo m = resolve(app, "GET", "/admin/users");
        assertThat(m.route()).contains(users);
        assertThat(m.apps()).containsExactly(app, admin);
        assertThat(resolve(app, "GET", "/admin/other").errorStatus()).isEqualTo(404);
        assertThat(resolve(app, "GET", "/administrator").errorStatus()).isEqualTo(404);
        assertThat(admin.router().urlFor("users").toString()).isEqualTo("/admin/users");
        assertThatThrownBy(() -> admin.router().addGet("/late", H)).isInstanceOf(IllegalStateException.class);
    }

    private static HTTPMethodNotAllowed catchHandler(MatchInfo m) {
        try {
            m.chain().handle(null);
        } catch (HTTPMethodNotAllowed e) {
            return e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no exception");
    }
}
