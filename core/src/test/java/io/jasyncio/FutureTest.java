package io.jasyncio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Future states, results and callbacks (test_futures). */
class FutureTest {

    private EventLoop loop;

    @BeforeEach
    void setUp() {
        loop = EventLoop.create();
    }

    @AfterEach
    void tearDown() {
        loop.close();
    }

    private void runOnce() {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    /** A new future is pending, and asking for its result is an invalid state. */
    @Test
    void newFutureIsPendingAndHasNoResult() {
        Future<String> f = loop.createFuture();
        assertThat(f.done()).isFalse();
        assertThat(f.cancelled()).isFalse();
        assertThatThrownBy(f::result).isInstanceOf(InvalidStateError.class).hasMessageContaining("Result is not ready");
        assertThatThrownBy(f::exception).isInstanceOf(InvalidStateError.class);
    }

    /** setResult makes the future done with that result. */
    @Test
    void setResultFinishesTheFuture() throws Exception {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        assertThat(f.done()).isTrue();
        assertThat(f.result()).isEqualTo("x");
        assertThat(f.exception()).isNull();
    }

    /** A second setResult is an InvalidStateError and the first result stays. */
    @Test
    void secondSetResultIsInvalidState() throws Exception {
        Future<String> f = loop.createFuture();
        f.setResult("first");
        assertThatThrownBy(() -> f.setResult("second")).isInstanceOf(InvalidStateError.class)
                .hasMessageContaining("already finished");
        assertThatThrownBy(() -> f.setException(new RuntimeException())).isInstanceOf(InvalidStateError.class);
        assertThat(f.result()).isEqualTo("first");
    }

    /** result() rethrows the exception itself, checked or not, never wrapped. */
    @Test
    void resultRethrowsTheOriginalException() {
        Future<String> f = loop.createFuture();
        IOException io = new IOException("disk on fire");
        f.setException(io);
        assertThatThrownBy(f::result).isSameAs(io);
        assertThat(f.exception()).isSameAs(io);
    }

    /** A cancelled future raises CancelledError with the cancel message. */
    @Test
    void cancelledFutureRaisesCancelledErrorWithMessage() {
        Future<String> f = loop.createFuture();
        assertThat(f.cancel("no longer needed")).isTrue();
        assertThat(f.cancelled()).isTrue();
        assertThat(f.cancel()).isFalse();
        assertThatThrownBy(f::result).isInstanceOf(CancelledError.class).hasMessage("no longer needed");
        assertThatThrownBy(f::exception).isInstanceOf(CancelledError.class);
    }

    /** CancelledError is not caught by catch (Exception e). */
    @Test
    void cancelledErrorIsNotAnException() {
        Future<String> f = loop.createFuture();
        f.cancel();
        Throwable caught = null;
        try {
            try {
                f.result();
            } catch (Exception e) {
                caught = e;
            }
        } catch (CancelledError expected) {
            // the only way to see it
        }
        assertThat(caught).isNull();
        assertThat(new CancelledError()).isNotInstanceOf(Exception.class).isInstanceOf(Error.class);
    }

    /** Done callbacks run through callSoon, in registration order, not inline. */
    @Test
    void doneCallbacksRunSoonInRegistrationOrder() {
        Future<String> f = loop.createFuture();
        List<String> order = new ArrayList<>();
        f.addDoneCallback(x -> order.add("1"));
        f.addDoneCallback(x -> order.add("2"));
        f.addDoneCallback(x -> order.add("3"));
        f.setResult("done");
        assertThat(order).isEmpty();
        runOnce();
        assertThat(order).containsExactly("1", "2", "3");
    }

    /** A callback added to a done future is scheduled at once. */
    @Test
    void callbackAddedAfterCompletionIsScheduled() {
        Future<String> f = loop.createFuture();
        f.setResult("x");
        List<Future<String>> got = new ArrayList<>();
        f.addDoneCallback(got::add);
        runOnce();
        assertThat(got).containsExactly(f);
    }

    /** removeDoneCallback removes every registration and reports how many. */
    @Test
    void removeDoneCallbackRemovesAllRegistrations() {
        Future<String> f = loop.createFuture();
        List<String> order = new ArrayList<>();
        Consumer<Future<String>> a = x -> order.add("a");
        f.addDoneCallback(a);
        f.addDoneCallback(x -> order.add("b"));
        f.addDoneCallback(a);
        assertThat(f.removeDoneCallback(a)).isEqualTo(2);
        f.setResult("x");
        runOnce();
        assertThat(order).containsExactly("b");
    }

    /** Cancelling runs the callbacks too. */
    @Test
    void cancelSchedulesCallbacks() {
        Future<String> f = loop.createFuture();
        List<Boolean> seen = new ArrayList<>();
        f.addDoneCallback(x -> seen.add(x.cancelled()));
        f.cancel();
        runOnce();
        assertThat(seen).containsExactly(true);
    }

    /** An exception nobody retrieved is reported to the handler when the loop closes. */
    @Test
    void unretrievedExceptionIsReportedAtClose() {
        EventLoop other = EventLoop.create();
        List<Map<String, Object>> reports = new ArrayList<>();
        other.setExceptionHandler((l, ctx) -> reports.add(ctx));
        Future<String> f = other.createFuture();
        IllegalStateException e = new IllegalStateException("lost");
        f.setException(e);
        other.close();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("message")).isEqualTo("Future exception was never retrieved");
        assertThat(reports.get(0).get("exception")).isSameAs(e);
    }

    /** An exception that was retrieved is not reported. */
    @Test
    void retrievedExceptionIsNotReported() {
        EventLoop other = EventLoop.create();
        List<Map<String, Object>> reports = new ArrayList<>();
        other.setExceptionHandler((l, ctx) -> reports.add(ctx));
        Future<String> f = other.createFuture();
        f.setException(new IllegalStateException("seen"));
        assertThat(f.exception()).hasMessage("seen");
        other.close();
        assertThat(reports).isEmpty();
    }

    /** A future describes its state. */
    @Test
    void toStringShowsState() {
        Future<String> f = loop.createFuture();
        assertThat(f.toString()).isEqualTo("<Future pending>");
        f.setResult("ok");
        assertThat(f.toString()).isEqualTo("<Future finished result=ok>");
    }
}
