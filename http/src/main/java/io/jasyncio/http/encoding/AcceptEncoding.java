package io.jasyncio.http.encoding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code Accept-Encoding} header (RFC 9110 §12.5.3) and the server's choice of coding.
 *
 * <p>Rules: codings are case-insensitive and {@code x-gzip} means {@code gzip}. An entry's
 * quality is its {@code q} parameter (0..1, default 1); entries with an invalid {@code q} are
 * skipped. {@code *} gives its quality to every coding not listed. {@code identity} is acceptable
 * unless given {@code q=0} or excluded by {@code *;q=0}. An empty header value accepts only
 * identity. A missing header ({@link #absent()}) accepts anything, but {@link #negotiate} then
 * picks identity, since the client has not said it can decode anything else.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.CodecSnippets region=encoding}
 */
public final class AcceptEncoding {
    private static final AcceptEncoding ABSENT = new AcceptEncoding(List.of(), true);

    /**
     * One listed coding with its quality. Immutable.
     *
     * @param coding the coding name in lower case ({@code x-gzip} normalised to {@code gzip})
     * @param quality the quality, 0..1
     */
    public record Entry(String coding, double quality) {}

    private final List<Entry> entries;
    private final boolean absent;

    private AcceptEncoding(List<Entry> entries, boolean absent) {
        this.entries = entries;
        this.absent = absent;
    }

    /** The value for a request without the header. */
    public static AcceptEncoding absent() {
        return ABSENT;
    }

    /** Parses a header value; null means the header was absent. */
    public static AcceptEncoding parse(String header) {
        if (header == null) {
            return ABSENT;
        }
        List<Entry> entries = new ArrayList<>();
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            if (coding.isEmpty()) {
                continue;
            }
            double q = 1.0;
            boolean valid = true;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("q")) {
                    q = qvalue(p.substring(eq + 1).strip());
                    valid = q >= 0;
                }
            }
            if (valid) {
                entries.add(new Entry(coding.equals("x-gzip") ? "gzip" : coding, q));
            }
        }
        return new AcceptEncoding(Collections.unmodifiableList(entries), false);
    }

    /** The listed entries in header order; empty for an absent or empty header. */
    public List<Entry> entries() {
        return entries;
    }

    /** The quality the client gives a coding (0 if unacceptable). */
    public double quality(String coding) {
        String c = coding.toLowerCase(Locale.ROOT);
        if (c.equals("x-gzip")) {
            c = "gzip";
        }
        if (absent) {
            return 1.0;
        }
        Double star = null;
        for (Entry e : entries) {
            if (e.coding.equals(c)) {
                return e.quality;
            }
            if (e.coding.equals("*")) {
                star = e.quality;
            }
        }
        if (star != null) {
            return star;
        }
        return c.equals("identity") ? 1.0 : 0.0;
    }

    /** Whether the client accepts a coding at all. */
    public boolean accepts(String coding) {
        return quality(coding) > 0;
    }

    /**
     * The coding to use among those the server offers, in the server's order of preference:
     * the offered coding with the highest quality above 0 (ties go to the server's order),
     * unless {@code identity} was listed explicitly with a higher quality; otherwise
     * {@code identity} if acceptable; otherwise empty (the server may answer 406 or send
     * identity anyway, as RFC 9110 allows).
     */
    public Optional<String> negotiate(List<String> offered) {
        if (absent) {
            return Optional.of("identity");
        }
        String best = null;
        double bestQ = 0;
        for (String o : offered) {
            String c = o.toLowerCase(Locale.ROOT);
            if (c.equals("identity")) {
                continue;
            }
            double q = quality(c);
            if (q > bestQ) {
                best = c;
                bestQ = q;
            }
        }
        double identityQ = quality("identity");
        boolean identityListed = entries.stream().anyMatch(e -> e.coding.equals("identity"));
        if (best != null && !(identityListed && identityQ > bestQ)) {
            return Optional.of(best);
        }
        return identityQ > 0 ? Optional.of("identity") : Optional.empty();
    }

    /** A qvalue: "0" to "1" with up to three decimals; -1 if invalid. */
    private static double qvalue(String v) {
        if (!v.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
            return -1;
        }
        return Double.parseDouble(v.endsWith(".") ? v + "0" : v);
    }

    @Override
    public String toString() {
        return absent ? "(absent)" : entries.toString();
    }
}
