package io.jasyncio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the Javadoc examples from regressing (issue 10): every public type of the public packages
 * of core, testing, http and cli has a class comment with a {@code {@snippet class=... region=...}}
 * taken from a compiled file in some module's {@code src/test/java}, and every snippet anywhere in
 * those sources names a class and a region that exist. One dynamic test per public type, named
 * after it. It lives in cli, the module built last, and reads the sources from the checkout.
 */
class JavadocSnippetsGuardTest {

    /** The modules whose public types must show an example. */
    private static final List<String> CHECKED = List.of("core", "testing", "http", "cli");
    /** The modules whose {@code src/test/java} holds snippet sources. */
    private static final List<String> MODULES = List.of("core", "testing", "http", "cli");

    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (?:(?:final|abstract|sealed|non-sealed|static|strictfp) )*(?:class|interface|enum|record|@interface) (\\w+)",
            Pattern.MULTILINE);
    private static final Pattern SNIPPET = Pattern.compile("\\{@snippet\\b([^}:]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("(class|file|region)\\s*=\\s*\"?([\\w./$-]+)\"?");

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("core/src/main/java")) && Files.isDirectory(d.resolve("cli"))) {
                return d;
            }
        }
        throw new IllegalStateException("no jasyncio checkout above " + dir);
    }

    private static List<Path> publicSources(Path root, boolean packageInfo) {
        List<Path> files = new ArrayList<>();
        for (String module : CHECKED) {
            try (Stream<Path> walk = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                walk.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> p.getFileName().toString().equals("package-info.java") == packageInfo)
                        .filter(p -> !root.relativize(p).toString().replace('\\', '/').contains("/internal/"))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Javadoc comment right before the declaration at {@code declStart}, or null. */
    static String classComment(String source, int declStart) {
        String before = source.substring(0, declStart);
        // skip annotations (possibly multi-line) between the comment and the declaration
        int end = before.lastIndexOf("*/");
        if (end < 0) {
            return null;
        }
        String between = before.substring(end + 2).strip();
        if (!between.isEmpty() && !between.startsWith("@")) {
            return null;
        }
        int start = before.lastIndexOf("/**", end);
        return start < 0 ? null : before.substring(start, end + 2);
    }

    @TestFactory
    Stream<DynamicTest> everyPublicTypeShowsACompiledExample() {
        Path root = root();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : publicSources(root, false)) {
            String source = read(file);
            Matcher decl = PUBLIC_TYPE.matcher(source);
            if (!decl.find()) {
                continue;   // package-private
            }
            String type = displayName(root, file);
            int at = decl.start();
            tests.add(DynamicTest.dynamicTest(type, () -> {
                String comment = classComment(source, at);
                assertThat(comment).as("%s has no class comment", type).isNotNull();
                Matcher m = SNIPPET.matcher(comment);
                assertThat(m.find()).as("%s: its class comment has no {@snippet class=... region=...}", type).isTrue();
                assertThat(m.group(1)).as("%s: its class comment's first snippet is not taken from a compiled file", type)
                        .containsAnyOf("class=", "file=");
                assertThat(comment).as("%s: its class comment still has an uncompiled <pre>{@code} example", type)
                        .doesNotContain("<pre>{@code");
                checkSnippetTargets(root, type, source);
            }));
        }
        for (String module : CHECKED) {
            assertThat(tests).as("public types found in %s", module)
                    .anyMatch(t -> t.getDisplayName().startsWith(module + ": "));
        }
        return tests.stream();
    }

    /** Package comments need no example, but the ones they have are compiled too. */
    @TestFactory
    Stream<DynamicTest> packageCommentsUseCompiledExamples() {
        Path root = root();
        return publicSources(root, true).stream().map(file -> DynamicTest.dynamicTest(displayName(root, file), () -> {
            String source = read(file);
            String name = displayName(root, file);
            assertThat(source).as("%s still has an uncompiled <pre>{@code} example", name).doesNotContain("<pre>{@code");
            checkSnippetTargets(root, name, source);
        }));
    }

    /** {@code "core: io.jasyncio.Task"} for core's {@code src/main/java/io/jasyncio/Task.java}. */
    private static String displayName(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/')
                .replaceFirst("^(\\w+)/src/main/java/", "$1: ").replace(".java", "").replace('/', '.');
    }

    /** Every {@code {@snippet class=|file= region=}} in the file points at an existing region. */
    private static void checkSnippetTargets(Path root, String type, String source) {
        Matcher m = SNIPPET.matcher(source);
        while (m.find()) {
            String cls = null;
            String file = null;
            String region = null;
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                switch (a.group(1)) {
                    case "class" -> cls = a.group(2);
                    case "file" -> file = a.group(2);
                    default -> region = a.group(2);
                }
            }
            if (cls == null && file == null) {
                continue;   // an inline snippet
            }
            String relative = cls != null ? cls.replace('.', '/') + ".java" : file;
            Path target = MODULES.stream().map(mod -> root.resolve(mod).resolve("src/test/java").resolve(relative))
                    .filter(Files::isRegularFile).findFirst().orElse(null);
            assertThat(target).as("%s: {@snippet%s}: no %s in any module's src/test/java", type, m.group(1), relative)
                    .isNotNull();
            if (region != null) {
                String text = read(target);
                String r = Pattern.quote(region);
                assertThat(Pattern.compile("@start\\s+region\\s*=\\s*(\"" + r + "\"|" + r + "\\b)").matcher(text).find())
                        .as("%s: {@snippet%s}: %s has no region \"%s\"", type, m.group(1), relative, region).isTrue();
            }
        }
    }

    @Test
    void theGuardReadsAnnotatedDeclarations() {
        String src = "/**\n * Doc.\n * {@snippet class=a.B region=r}\n */\n@Deprecated\npublic final class X {}\n";
        Matcher decl = PUBLIC_TYPE.matcher(src);
        assertThat(decl.find()).isTrue();
        assertThat(classComment(src, decl.start())).contains("{@snippet class=a.B region=r}");
        assertThat(classComment("import a.B;\npublic class Y {}", "import a.B;\n".length())).isNull();
    }
}
