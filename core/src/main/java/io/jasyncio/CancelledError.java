package io.jasyncio;

/**
 * Raised inside a task at the point where it suspends after {@link Task#cancel(String)} was
 * called, and by {@link Future#result()} on a cancelled future: Python's
 * {@code asyncio.CancelledError}.
 *
 * <p><b>Why an {@link Error}.</b> Cancellation must reach the task's top level unless the code
 * means to intercept it. In Python, {@code CancelledError} derives from {@code BaseException} so
 * that {@code except Exception:} does not swallow it; the Java equivalent of "not caught by a
 * plain {@code catch (Exception e)}" is to extend {@code Error}. Code that really wants to
 * intercept cancellation catches {@code CancelledError} by name, cleans up, and should rethrow it
 * (or call {@link Task#uncancel()} when it deliberately ignores the request).
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=cancelledError}
 */
public class CancelledError extends Error {

    private static final long serialVersionUID = 1L;

    /** Creates a cancellation with no message. */
    public CancelledError() {
        super();
    }

    /**
     * Creates a cancellation carrying the message given to {@link Task#cancel(String)}.
     *
     * @param message the cancel message, or {@code null}
     */
    public CancelledError(String message) {
        super(message);
    }
}
