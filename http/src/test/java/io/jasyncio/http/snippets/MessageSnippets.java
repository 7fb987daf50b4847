package io.jasyncio.http.snippets;

import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpMethod;
import io.jasyncio.http.HttpStatus;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.ResponseHead;
import io.jasyncio.http.Tokens;
import io.jasyncio.http.cookie.Cookie;
import io.jasyncio.http.cookie.CookieDate;
import io.jasyncio.http.cookie.CookieHeader;
import io.jasyncio.http.cookie.CookieJar;
import io.jasyncio.http.cookie.SameSite;
import io.jasyncio.http.mime.ByteRange;
import io.jasyncio.http.mime.ContentDisposition;
import io.jasyncio.http.mime.ETag;
import io.jasyncio.http.mime.HttpDate;
import io.jasyncio.http.mime.MediaType;
import io.jasyncio.http.mime.MimeTypes;
import io.jasyncio.http.mime.RangeHeader;
import io.jasyncio.http.mime.RangeResult;
import io.jasyncio.http.url.HostName;
import io.jasyncio.http.url.PercentCodec;
import io.jasyncio.http.url.Query;
import io.jasyncio.http.url.Url;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The examples in the Javadoc of packages {@code io.jasyncio.http}, {@code http.url},
 * {@code http.mime} and {@code http.cookie}; {@code MessageSnippetsTest} runs them. Each method
 * returns what its example computes, in order.
 */
public final class MessageSnippets {

    private MessageSnippets() {
    }

    static List<Object> headers() {
        // @start region="headers"
        Headers h = new Headers()
                .add(HeaderNames.CONTENT_TYPE, "text/plain")
                .add("Set-Cookie", "a=1")
                .add("set-cookie", "b=2");          // names are case-insensitive; order is kept
        String type = h.get("content-type");        // "text/plain"
        List<String> cookies = h.getAll("Set-Cookie");   // ["a=1", "b=2"]
        h.set("Cache-Control", "no-store");         // replaces every field of that name
        Headers request = Headers.of("Accept", "application/json", HeaderNames.USER_AGENT, "demo/1.0");
        // @end
        return List.of(type, cookies, h.get("cache-control"), request.size());
    }

    static List<Object> methodsAndStatuses() {
        // @start region="methodStatus"
        boolean retry = HttpMethod.isIdempotent(HttpMethod.PUT);      // true: safe to retry
        boolean cacheable = HttpMethod.isSafe(HttpMethod.POST);       // false
        String reason = HttpStatus.reasonPhrase(HttpStatus.NOT_FOUND); // "Not Found"
        boolean noBody = HttpStatus.forbidsContent(HttpStatus.NO_CONTENT);   // true: 204 has no body
        boolean validName = Tokens.isToken("X-Request-Id");          // true: a valid header name or method
        // @end
        return List.of(retry, cacheable, reason, noBody, validName);
    }

    static List<Object> heads() {
        // @start region="heads"
        // What the parsers produce (and the writer consumes): the start line and header block.
        RequestHead req = new RequestHead("GET", "/search?q=cat", "/search", "q=cat", HttpVersion.HTTP_1_1,
                Headers.of("Host", "example.com"), true, false, false, 0, false);
        boolean keepAlive = req.version().keepAliveByDefault();   // true for HTTP/1.1
        ResponseHead resp = new ResponseHead(HttpVersion.HTTP_1_1, 200, "OK",
                Headers.of("Content-Length", "5"), true, false, 5, false);
        boolean body = resp.hasBody();                             // true: 5 bytes follow
        // @end
        return List.of(req.hasBody(), keepAlive, body, req.version().text());
    }

    static List<Object> urls() {
        // @start region="url"
        Url base = Url.parse("https://user@Example.COM:8443/api/v1/?page=2#top");
        String host = base.host();                      // "example.com": canonical
        int port = base.port();                         // 8443
        Url next = base.resolve("items/7")              // RFC 3986 resolution
                .withQuery(Query.of("fields", "name,price"))
                .withoutFragment();
        String target = next.requestTarget();           // "/api/v1/items/7?fields=name%2Cprice"
        // @end
        return List.of(host, port, target, next.isSecure());
    }

    static List<Object> queries() {
        // @start region="query"
        Query q = Query.parse("tag=a&tag=b&q=caf%C3%A9");
        List<String> tags = q.getAll("tag");            // ["a", "b"]
        String search = q.get("q").orElse("");          // "café"
        Query page2 = q.with("page", "2").without("tag");
        String encoded = page2.encode();                // "q=caf%C3%A9&page=2"
        // @end
        return List.of(tags, search, encoded);
    }

    static List<Object> percent() {
        // @start region="percentCodec"
        String path = "/files/" + PercentCodec.encodePath("my report.pdf");   // "/files/my%20report.pdf"
        String form = PercentCodec.encodeForm("a b&c");                        // "a+b%26c"
        String back = PercentCodec.decode("caf%C3%A9");                        // "café"
        // @end
        return List.of(path, form, back);
    }

    static List<Object> hostNames() {
        // @start region="hostName"
        String host = HostName.canonicalize("EXAMPLE.com");       // "example.com"
        String ip6 = HostName.canonicalize("[::FFFF:1.2.3.4]");    // "::ffff:1.2.3.4", as RFC 5952 writes it
        boolean literal = HostName.isIpAddress(ip6);              // true: no cookies for IP hosts by default
        // @end
        return List.of(host, ip6, literal);
    }

    static List<Object> mediaTypes() {
        // @start region="mediaType"
        MediaType type = MediaType.parse("text/HTML; charset=ISO-8859-1");
        boolean html = type.is("text/html");                       // true
        Charset cs = type.charset().orElse(StandardCharsets.UTF_8); // ISO-8859-1
        MediaType json = MediaType.of("application", "json").withCharset(StandardCharsets.UTF_8);
        String guessed = MimeTypes.guessTypeOrDefault("photo.JPG"); // "image/jpeg"
        // @end
        return List.of(html, cs.name(), json.toString(), guessed);
    }

    static List<Object> dispositions() {
        // @start region="contentDisposition"
        ContentDisposition d = ContentDisposition.parse("attachment; filename=\"report 2024.pdf\"");
        String file = d.filename().orElse("download");             // "report 2024.pdf"
        String header = ContentDisposition.attachment("résumé.pdf").toString();   // with filename*=UTF-8''...
        // @end
        return List.of(d.type(), file, header.contains("filename*=UTF-8''"));
    }

    static List<Object> etags() {
        // @start region="etag"
        ETag current = ETag.strong("v42");
        String header = current.toString();                        // "\"v42\""
        // a conditional GET: If-None-Match lists the versions the client has
        boolean notModified = !ETag.ifNoneMatch("W/\"v41\", \"v42\"", current);   // true: answer 304
        boolean weakEqual = ETag.parse("W/\"v42\"").weakMatches(current);          // true
        // @end
        return List.of(header, notModified, weakEqual);
    }

    static List<Object> dates() {
        // @start region="httpDate"
        String lastModified = HttpDate.format(Instant.parse("2024-03-01T12:00:00Z"));
        // "Fri, 01 Mar 2024 12:00:00 GMT"
        Instant since = HttpDate.parse("Friday, 01-Mar-24 12:00:00 GMT").orElseThrow();   // old forms too
        // @end
        return List.of(lastModified, since.toString());
    }

    static List<Object> ranges() {
        List<Object> out = new ArrayList<>();
        // @start region="range"
        long size = 10_000;
        switch (RangeHeader.evaluate("bytes=0-499, -100", size)) {
            case RangeResult.Satisfiable s -> {
                for (ByteRange r : s.ranges()) {
                    out.add(r.contentRange(size) + " (" + r.length() + " bytes)");   // "bytes 0-499/10000 (500 bytes)"
                }
            }
            case RangeResult.Unsatisfiable u -> out.add("416 with Content-Range: " + u.contentRange());
            case RangeResult.Ignored i -> out.add("200 with the whole body: " + i.reason());
        }
        // @end
        return out;
    }

    static List<Object> cookies() {
        // @start region="cookie"
        Cookie session = Cookie.of("sid", "s3cr3t")
                .withPath("/")
                .withHttpOnly(true)
                .withSecure(true)
                .withSameSite(SameSite.LAX)
                .withMaxAge(Duration.ofHours(8));
        String setCookie = session.toSetCookieString();
        // "sid=s3cr3t; Max-Age=28800; Path=/; Secure; HttpOnly; SameSite=Lax" (attribute order may differ)
        Cookie parsed = Cookie.parseSetCookie(setCookie).orElseThrow();
        // @end
        return List.of(parsed.name(), parsed.sameSite().orElseThrow(), parsed.httpOnly(), setCookie.contains("SameSite=Lax"));
    }

    static List<Object> cookieHeaders() {
        // @start region="cookieHeader"
        Map<String, String> sent = CookieHeader.parse("sid=s3cr3t; theme=dark");   // a request's Cookie header
        String header = CookieHeader.format(List.of(Cookie.of("a", "1"), Cookie.of("b", "2")));   // "a=1; b=2"
        Instant expires = CookieDate.parse("Wed, 21 Oct 2015 07:28:00 GMT").orElseThrow();   // lenient, as browsers
        // @end
        return List.of(sent, header, expires.toString());
    }

    static List<Object> jar() {
        // @start region="cookieJar"
        CookieJar jar = CookieJar.builder().maxCookiesPerDomain(50).build();
        Url login = Url.parse("https://shop.example.com/login");
        jar.updateCookies(List.of("sid=s3cr3t; Path=/; Secure; HttpOnly"), login);   // from Set-Cookie
        String cookie = jar.cookieHeaderFor(Url.parse("https://shop.example.com/cart"));   // "sid=s3cr3t"
        // a ClientSession keeps one: ClientSession.builder().cookieJar(jar).build()
        // @end
        return List.of(cookie, jar.size());
    }
}
