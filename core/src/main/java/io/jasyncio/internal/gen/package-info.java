/**
 * The engine behind {@link io.jasyncio.Generator}: a body on its own virtual thread and a strict
 * one-at-a-time handoff with its caller ({@link io.jasyncio.internal.gen.GeneratorCore}).
 */
package io.jasyncio.internal.gen;
