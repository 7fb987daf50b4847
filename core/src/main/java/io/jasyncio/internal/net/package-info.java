/**
 * <em>Internal</em>: the selector-based implementation of {@code io.jasyncio.net} (socket, server
 * and datagram transports, connecting and name resolution). Not an API: anything here may change.
 */
package io.jasyncio.internal.net;
