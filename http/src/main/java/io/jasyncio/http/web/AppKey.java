package io.jasyncio.http.web;

import java.util.Objects;

/**
 * A typed key for {@link Application} state: aiohttp's {@code web.AppKey}. Two keys are equal
 * only if they are the same object, so libraries cannot clash by choosing the same name.
 *
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=appKey}
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the type of the value stored under this key
 */
public final class AppKey<T> {

    private final String name;
    private final Class<T> type;

    /**
     * @param name a name, for messages only
     * @param type the value's type; {@link Application#get(AppKey)} checks values against it
     */
    public AppKey(String name, Class<T> type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /** @return the name given at construction */
    public String name() {
        return name;
    }

    /** @return the value type */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return "<AppKey(" + name + ", type=" + type.getSimpleName() + ")>";
    }
}
