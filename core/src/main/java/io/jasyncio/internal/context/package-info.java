/**
 * Context-variable storage: immutable maps ({@link io.jasyncio.internal.context.Vars}) held by a
 * per-thread {@link io.jasyncio.internal.context.Context}. Public API: {@link io.jasyncio.ContextVar}.
 */
package io.jasyncio.internal.context;
