package io.jasyncio.http.web;

import io.jasyncio.CancelledError;
import io.jasyncio.Task;
import io.jasyncio.http.HeaderNames;
import io.jasyncio.http.Headers;
import io.jasyncio.http.HttpVersion;
import io.jasyncio.http.RequestHead;
import io.jasyncio.http.codec.HttpParseException;
import java.io.IOException;
import java.util.Locale;

/**
 * One request in flight on a connection and the task that answers it: created when the request
 * head is parsed, finished when both the handler is done and the request content is fully
 * received (read or dropped).
 *
 * <p>The task ({@link #run()}) routes the request, runs middlewares and handler, turns whatever
 * they throw into a response (an {@link HttpException} as itself, anything else as a 500 with no
 * detail, logged), sends the response and tells the connection. If the client goes away, the
 * connection cancels the task; the handler can clean up in {@code finally}.
 *
 * <p>Confined to the connection's loop: the connection's callbacks and the task never run at the
 * same time, so the flags need no synchronization.
 */
final class Exchange implements BodyStream.Owner {

    private static final System.Logger LOG = System.getLogger("io.jasyncio.http.web");

    private final HttpServerProtocol conn;
    final RequestHead head;
    final Request request;
    /** The content stream, or null if the request has none. */
    private final BodyStream body;
    final double startTime;
    Task<Void> task;

    /** The task's body began (a task cancelled before that never runs it). */
    boolean started;
    boolean messageComplete;
    boolean handlerDone;
    boolean continueSent;
    boolean discarding;
    long discarded;
    /** The connection closes after this response, whatever it says. */
    boolean mustClose;

    private StreamResponse response;
    boolean headSent;
    /** The response's body ended as framed. */
    boolean responseDone;
    /** What the response told the client about the connection. */
    boolean keepAlive;

    Exchange(HttpServerProtocol conn, RequestHead head, Application app, int bodyBufferSize, double startTime) {
        this.conn = conn;
        this.head = head;
        this.body = head.hasBody() ? new BodyStream(conn.loop(), this, bodyBufferSize) : null;
        this.request = new Request(this, head, app);
        this.startTime = startTime;
    }

    HttpServerProtocol connection() {
        return conn;
    }

    BodyStream body() {
        return body;
    }

    Task<?> task() {
        return task;
    }

    // ---------------------------------------------------------------- BodyStream.Owner

    @Override
    public void bodyFirstRead() {
        conn.sendContinue(this);
    }

    @Override
    public void bodyPaused(boolean paused) {
        conn.bodyPaused(this, paused);
    }

    // ---------------------------------------------------------------- the response

    /** Makes {@code r} the response of this request; a response whose head went out cannot be replaced. */
    void claim(StreamResponse r) {
        if (response != null && response != r && headSent) {
            throw new IllegalStateException("another response was already sent for this request: " + response);
        }
        response = r;
    }

    /** Undoes {@link #claim} after a prepare that failed before writing anything. */
    void unclaim(StreamResponse r) {
        if (response == r && !headSent) {
            response = null;
        }
    }

    boolean keepAliveAllowed() {
        return conn.keepAliveAllowed(this);
    }

    /** Writes the head (and a whole body, if given); throws before writing anything if a header is invalid. */
    void sendHead(int status, String reason, Headers headers, byte[] fixedBody, boolean keep) {
        conn.sendHead(status, reason, headers, fixedBody);
        headSent = true;
        keepAlive = keep;
    }

    /** @param complete whether the body ended as framed (else the connection must close) */
    void responseComplete(boolean complete) {
        responseDone = true;
        if (!complete) {
            mustClose = true;
        }
    }

    // ---------------------------------------------------------------- the task

    /** The request's task body; throws nothing but {@link CancelledError}. */
    void run() {
        started = true;
        StreamResponse resp = null;
        try {
            resp = invoke();
            if (resp != null) {
                resp = respond(resp);
            }
        } finally {
            conn.handlerFinished(this, resp);
        }
    }

    private StreamResponse invoke() {
        try {
            checkExpectation();
            StreamResponse r = conn.server().app().handle(request);
            if (r == null) {
                throw new IllegalStateException("the handler of " + request.method() + " " + request.rawPath()
                        + " returned null instead of a response");
            }
            return r;
        } catch (CancelledError e) {
            throw e;
        } catch (Throwable e) {
            return failure(e);
        }
    }

    private void checkExpectation() {
        if (head.version() == HttpVersion.HTTP_1_1) {
            String expect = head.headers().get(HeaderNames.EXPECT);
            if (expect != null && !expect.strip().toLowerCase(Locale.ROOT).equals("100-continue")) {
                throw new HTTPExpectationFailed();
            }
        }
    }

    /** Sends the response; on failure before its head went out, sends what the failure calls for. */
    private StreamResponse respond(StreamResponse first) {
        StreamResponse resp = first;
        for (int attempt = 0;; attempt++) {
            try {
                resp.prepare(request);
                resp.writeEof();
                return resp;
            } catch (CancelledError e) {
                resp.release();
                throw e;
            } catch (Throwable e) {
                resp.release();
                if (headSent || attempt > 0) {
                    if (!(e instanceof IOException) || !conn.isLost()) {
                        log(e, headSent ? "failed while sending the response; the connection will close"
                                : "failed to send the error response");
                    }
                    mustClose = true;
                    return headSent ? resp : null;
                }
                StreamResponse alt = failure(e);
                if (alt == null) {
                    return null;
                }
                resp = alt;
            }
        }
    }

    /** @return the response for a failure, or null if none can be sent */
    private StreamResponse failure(Throwable e) {
        if (e instanceof HttpException he) {
            if (headSent) {
                mustClose = true;
                return null;
            }
            return he.toResponse();
        }
        if (e instanceof HttpParseException pe) {
            mustClose = true;
            return headSent ? null : HttpServerProtocol.errorResponse(pe.status(), pe.getMessage());
        }
        if (conn.isLost() && e instanceof IOException) {
            mustClose = true;
            return null;
        }
        log(e, "failed");
        if (headSent) {
            mustClose = true;
            return null;
        }
        return HttpServerProtocol.errorResponse(500, null);
    }

    private void log(Throwable e, String what) {
        LOG.log(System.Logger.Level.ERROR, "Error handling request " + request.method() + " " + request.rawPath()
                + ": the handler " + what, e);
    }

    @Override
    public String toString() {
        return "<Exchange " + request + (handlerDone ? " handled" : "") + (messageComplete ? " received" : "") + ">";
    }
}
