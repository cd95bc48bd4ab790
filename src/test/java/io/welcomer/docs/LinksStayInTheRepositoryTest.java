package io.welcomer.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's Markdown reads the same in any clone: every link is relative, stays inside
 * the repository and names a file that exists; no address outside it appears (only the local
 * server and the example domains reserved for documentation).
 */
class LinksStayInTheRepositoryTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern ADDRESS = Pattern.compile("\\b(https?|wss?)://[^\\s)`'\"<>]+");

    @Test
    void everyLinkResolvesInsideTheRepositoryAndNoAddressLeavesIt() throws IOException {
        List<Path> documents = markdown();
        assertFalse(documents.isEmpty());
        List<String> wrong = new ArrayList<>();
        for (Path document : documents) {
            List<String> lines = Files.readAllLines(document);
            for (int i = 0; i < lines.size(); i++) {
                String where = ROOT.relativize(document) + ":" + (i + 1) + ": ";
                Matcher address = ADDRESS.matcher(lines.get(i));
                while (address.find()) {
                    if (!local(address.group())) {
                        wrong.add(where + address.group() + " points outside the repository");
                    }
                }
                Matcher link = LINK.matcher(lines.get(i));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.startsWith("#") || target.contains("://")) {
                        continue;
                    }
                    Path file = document.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                    if (!file.startsWith(ROOT)) {
                        wrong.add(where + target + " leaves the repository");
                    } else if (!Files.exists(file)) {
                        wrong.add(where + target + " names no file in the repository");
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** The server on this machine, or a domain reserved for examples (RFC 2606). */
    private static boolean local(String address) {
        String host = URI.create(address.replaceAll("[.,;:]+$", "")).getHost();
        return host != null && (host.equals("localhost") || host.equals("127.0.0.1") || host.endsWith(".example")
                || host.equals("example.com") || host.endsWith(".example.com"));
    }

    private static List<Path> markdown() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> Stream.of(ROOT.relativize(file).toString().split("/")).noneMatch(SKIPPED::contains))
                    .toList();
        }
    }
}
