package io.jasyncio;

import io.jasyncio.internal.context.Context;
import io.jasyncio.internal.context.Vars;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A context variable: Python's {@code contextvars.ContextVar}. Its value depends on the thread of
 * control that reads it: each task runs in a copy of the context of the code that created it, so a
 * value set in one task is seen by the tasks it creates afterwards, but never by its siblings or
 * its parent.
 *
 * {@snippet class=io.jasyncio.snippets.CoreSnippets region=contextVar}
 *
 * <p><b>Which context is current.</b> Inside a task: the task's own context, a copy of its
 * creator's made when the task was created. In a callback scheduled with {@code callSoon},
 * {@code callLater} or {@code callSoonThreadsafe}: a copy of the context current when it was
 * scheduled (changes the callback makes are discarded afterwards). In a generator's body: its
 * caller's context. In {@link Asyncio#toThread}: a copy of the caller's. On any other thread: that
 * thread's own context, which starts empty, as a new Python thread's does (a thread started
 * inside a task does not inherit the task's values; pass them, or use {@code toThread}).
 *
 * <p>Invariants: a context is never shared between two running threads of control, so a variable
 * needs no locking. Values may be {@code null}; a variable with a {@code null} value is set.
 *
 * @param <T> the type of the value
 */
public final class ContextVar<T> {

    private static final Object NO_DEFAULT = new Object();

    private final String name;
    private final Object defaultValue;

    /**
     * Creates a variable with no default: {@link #get()} on it fails until it is set.
     *
     * @param name its name, for messages
     */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = NO_DEFAULT;
    }

    /**
     * Creates a variable whose {@link #get()} returns {@code defaultValue} while it is not set.
     *
     * @param name its name, for messages
     * @param defaultValue the value while unset (may be {@code null})
     */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
    }

    /** @return the variable's name */
    public String name() {
        return name;
    }

    /**
     * @return the value in the current context, else the variable's default
     * @throws NoSuchElementException (Python's {@code LookupError}) if it has neither
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object v = Context.captureVars().get(this);
        if (v != Vars.MISSING) {
            return (T) v;
        }
        if (defaultValue != NO_DEFAULT) {
            return (T) defaultValue;
        }
        throw new NoSuchElementException("ContextVar '" + name + "' has no value in the current context and no default");
    }

    /**
     * @param fallback what to return if the variable is unset (takes precedence over its default)
     * @return the value in the current context, else {@code fallback}
     */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Object v = Context.captureVars().get(this);
        return v != Vars.MISSING ? (T) v : fallback;
    }

    /**
     * Sets the value in the current context.
     *
     * @param value the new value (may be {@code null})
     * @return a token that {@link #reset(Token)} takes to restore the previous value
     */
    public Token<T> set(T value) {
        Context ctx = Context.current();
        Vars before = ctx.vars;
        Object old = before.get(this);
        ctx.vars = before.with(this, value);
        return new Token<>(this, ctx, old);
    }

    /**
     * Restores the value the variable had before the {@link #set} that made {@code token}
     * (unset, if it had none).
     *
     * @param token the token from {@link #set}
     * @throws IllegalStateException if the token was already used (Python's {@code RuntimeError})
     * @throws IllegalArgumentException if it belongs to another variable or was made in another
     *     context (Python's {@code ValueError})
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.used) {
            throw new IllegalStateException("Token has already been used once: " + token);
        }
        if (token.var != this) {
            throw new IllegalArgumentException("Token was created by a different ContextVar: " + token);
        }
        Context ctx = Context.current();
        if (token.context != ctx) {
            throw new IllegalArgumentException("Token was created in a different Context: " + token);
        }
        token.used = true;
        ctx.vars = token.oldValue == Vars.MISSING ? ctx.vars.without(this) : ctx.vars.with(this, token.oldValue);
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'" + (defaultValue != NO_DEFAULT ? " default=" + defaultValue : "") + ">";
    }

    /**
     * What {@link ContextVar#set} returns: Python's {@code contextvars.Token}. It remembers the
     * variable, the context it was made in and the previous value, and can be used once.
     *
     * @param <T> the variable's value type
     */
    public static final class Token<T> {

        private final ContextVar<T> var;
        private final Context context;
        private final Object oldValue;
        private boolean used;

        private Token(ContextVar<T> var, Context context, Object oldValue) {
            this.var = var;
            this.context = context;
            this.oldValue = oldValue;
        }

        /** @return the variable this token belongs to */
        public ContextVar<T> var() {
            return var;
        }

        /** @return whether the variable had a value before the {@code set} (Python: {@code old_value is not Token.MISSING}) */
        public boolean hasOldValue() {
            return oldValue != Vars.MISSING;
        }

        /**
         * @return the value before the {@code set}
         * @throws NoSuchElementException if it had none (see {@link #hasOldValue()})
         */
        @SuppressWarnings("unchecked")
        public T oldValue() {
            if (oldValue == Vars.MISSING) {
                throw new NoSuchElementException("ContextVar '" + var.name + "' had no value before this set");
            }
            return (T) oldValue;
        }

        @Override
        public String toString() {
            return "<Token" + (used ? " used" : "") + " var=" + var + ">";
        }
    }
}
