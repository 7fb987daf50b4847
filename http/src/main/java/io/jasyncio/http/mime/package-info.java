/**
 * Media types, HTTP dates, entity tags and byte ranges: the small, pure formats a static-file
 * handler and a client need to label, date and slice representations.
 *
 * <p>Everything here is loop-independent and side-effect free: strings in, values out. All public
 * types are immutable or stateless and safe to share between threads.
 */
package io.jasyncio.http.mime;
