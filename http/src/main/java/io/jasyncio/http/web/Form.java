package io.jasyncio.http.web;

import io.jasyncio.http.url.Query;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a submitted form, as {@link Request#post()} returns them: aiohttp's
 * {@code MultiDictProxy} of strings and {@link FileField}s. Text fields keep their order and may
 * repeat; uploaded files are {@link FileField}s whose content is in temporary files.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>For example:
 * {@snippet class=io.jasyncio.http.snippets.WebSnippets region=form}
 */
public final class Form {

    static final Form EMPTY = new Form(Query.empty(), List.of());

    private final Query fields;
    private final List<FileField> files;

    Form(Query fields, List<FileField> files) {
        this.fields = fields;
        this.files = List.copyOf(files);
    }

    /**
     * @param name a field name
     * @return the first text value of that field
     */
    public Optional<String> get(String name) {
        return fields.get(name);
    }

    /**
     * @param name a field name
     * @return every text value of that field, in order
     */
    public List<String> getAll(String name) {
        return fields.getAll(name);
    }

    /** @return the text fields */
    public Query fields() {
        return fields;
    }

    /**
     * @param name a field name
     * @return the first file uploaded under that name
     */
    public Optional<FileField> file(String name) {
        for (FileField f : files) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** @return every uploaded file, in order */
    public List<FileField> files() {
        return files;
    }

    /** @return the names of text fields and files, in order of first appearance */
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>(fields.names());
        for (FileField f : files) {
            out.add(f.name());
        }
        return out;
    }

    /** @return whether the form has no field and no file */
    public boolean isEmpty() {
        return fields.isEmpty() && files.isEmpty();
    }

    @Override
    public String toString() {
        List<String> fs = new ArrayList<>();
        for (FileField f : files) {
            fs.add(f.name() + "=" + f.filename() + " (" + f.size() + " bytes)");
        }
        return "<Form " + fields + (fs.isEmpty() ? "" : " files=" + fs) + ">";
    }
}
