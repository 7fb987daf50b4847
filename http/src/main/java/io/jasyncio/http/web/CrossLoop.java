package io.jasyncio.http.web;

import io.jasyncio.Asyncio;
import io.jasyncio.Coroutine;
import io.jasyncio.EventLoop;
import io.jasyncio.Future;
import io.jasyncio.Task;

/**
 * Runs a coroutine on another event loop and awaits its result from a task of this one, with
 * nothing but {@code callSoonThreadsafe} in both directions: how a runner on one loop starts and
 * stops the servers of the extra loops of a multi-loop site.
 *
 * <p>Stateless; call {@link #call} from a task.
 */
final class CrossLoop {

    private CrossLoop() {
    }

    /**
     * @param target the loop to run on (running, or about to run)
     * @param body what to run there, as a task of that loop
     * @param <T> the result type
     * @return the body's result
     * @throws Exception the body's exception, unchanged
     */
    static <T> T call(EventLoop target, Coroutine<T> body) throws Exception {
        EventLoop here = Asyncio.getRunningLoop();
        if (target == here) {
            return body.call();
        }
        Future<T> result = here.createFuture();
        target.callSoonThreadsafe(() -> {
            Task<T> t = target.createTask(body, "cross-loop call");
            t.addDoneCallback(done -> here.callSoonThreadsafe(() -> transfer(done, result)));
        });
        return Asyncio.await(result);
    }

    private static <T> void transfer(Future<T> from, Future<T> to) {
        if (to.done()) {
            return;
        }
        if (from.cancelled()) {
            to.cancel();
            return;
        }
        Throwable e = from.exception();
        if (e != null) {
            to.setException(e);
            return;
        }
        try {
            to.setResult(from.result());
        } catch (Exception ex) {
            to.setException(ex);
        }
    }
}
