package io.jasyncio.sync;

/** Rethrows a caught throwable unchanged, checked or not, without wrapping it. */
final class Sneaky {

    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> E rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
