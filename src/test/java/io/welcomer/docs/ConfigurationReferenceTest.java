package io.welcomer.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/configuration.md names every {@code welcomer.*} setting the code reads, with the default the code has. */
class ConfigurationReferenceTest {

    private static final Path REFERENCE = Path.of("docs", "configuration.md");
    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void everySettingIsInTheReferenceWithItsDefault() throws IOException {
        List<String> reference = Files.readAllLines(REFERENCE);
        List<Class<?>> mappings = welcomerMappings();
        assertFalse(mappings.isEmpty(), "no @ConfigMapping found under " + CLASSES);
        List<String> wrong = new ArrayList<>();
        for (Class<?> mapping : mappings) {
            for (Map.Entry<String, ConfigMappingInterface.Property> setting
                    : ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping)).entrySet()) {
                // A list is one comma-separated value; a map's keys are a placeholder: welcomer.wrap-up-limit.<channel>.
                String name = setting.getKey().replace("[*]", "");
                String key = name.endsWith(".*") ? name.substring(0, name.length() - 1) + "<" : name + "`";
                Optional<String> row = reference.stream().filter(line -> line.startsWith("| `" + key)).findFirst();
                if (row.isEmpty()) {
                    wrong.add(name + " (" + mapping.getSimpleName() + ") has no row");
                    continue;
                }
                ConfigMappingInterface.Property property = setting.getValue();
                if (property.hasDefaultValue() && !row.get().contains("`" + property.getDefaultValue() + "`")) {
                    wrong.add(name + " defaults to `" + property.getDefaultValue() + "`; the row says: " + row.get());
                }
            }
        }
        assertTrue(wrong.isEmpty(), "docs/configuration.md is out of date (add a row | `key` | `default` | meaning |):\n"
                + String.join("\n", wrong));
    }

    /** Every configuration mapping of Welcomer's own settings among the compiled classes. */
    private static List<Class<?>> welcomerMappings() throws IOException {
        List<Class<?>> mappings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, ConfigurationReferenceTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    continue;
                }
                ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
                if (mapping != null && mapping.prefix().startsWith("welcomer")) {
                    mappings.add(type);
                }
            }
        }
        return mappings;
    }
}
