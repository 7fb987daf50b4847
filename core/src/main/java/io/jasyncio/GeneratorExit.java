package io.jasyncio;

/**
 * Raised inside a generator's body, at the {@code yield} where it is suspended, by
 * {@link Generator#close()}: Python's {@code GeneratorExit}. The body's {@code finally} blocks run;
 * the body should let it propagate (or return).
 *
 * <p>Like {@link CancelledError}, it is an {@link Error} so that a plain
 * {@code catch (Exception e)} in the body does not swallow it (Python derives it from
 * {@code BaseException} for the same reason). A body that catches it and yields again makes
 * {@code close()} fail with "generator ignored GeneratorExit".
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=generatorExit}
 */
public class GeneratorExit extends Error {

    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public GeneratorExit() {
        super("generator closed", null, false, false);
    }
}
