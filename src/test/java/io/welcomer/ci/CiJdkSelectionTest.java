package io.welcomer.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CI's JDK choice ({@code .ci/jdk}, sourced by {@code .ci/run}) run against fake JDK directories. */
class CiJdkSelectionTest {

    @TempDir
    Path root;

    @Test
    void onAMachineWithOnlyJdk17ItStopsAndSaysWhatToInstall() throws Exception {
        jdk("java-17-openjdk-amd64", "17.0.13");
        Path onPath = jdk("path-java", "17.0.13").resolve("bin");

        Selection selection = select(onPath, null);

        assertNotEquals(0, selection.exit(), selection.toString());
        assertEquals("", selection.out(), "no JAVA_HOME printed");
        assertTrue(selection.err().contains("No JDK 21 or newer"), selection.err());
        assertTrue(selection.err().contains("Debian 12 packages only OpenJDK 17"), selection.err());
        assertTrue(selection.err().contains("temurin-21-jdk"), "names what to install: " + selection.err());
    }

    @Test
    void theNewestJdkOf21OrLaterUnderTheJvmDirectoryIsChosen() throws Exception {
        jdk("java-17-openjdk-amd64", "17.0.13");
        jdk("temurin-21-jdk-amd64", "21.0.5");
        Path newest = jdk("temurin-25-jdk-amd64", "25.0.1");
        jdk("legacy-8", "1.8.0_402");

        Selection selection = select(root.resolve("java-17-openjdk-amd64").resolve("bin"), null);

        assertEquals(0, selection.exit(), selection.toString());
        assertEquals(newest.toString(), selection.out().strip());
    }

    @Test
    void aJavaHomeOf21OrLaterIsKeptAndAnOlderOneIsPassedOver() throws Exception {
        Path chosen = jdk("temurin-21-jdk-amd64", "21.0.5");
        Path old = jdk("java-17-openjdk-amd64", "17.0.13");

        assertEquals(chosen.toString(), select(old.resolve("bin"), chosen).out().strip());
        assertEquals(chosen.toString(), select(old.resolve("bin"), old).out().strip());
    }

    @Test
    void aJreWithoutJavacIsNotAJdk() throws Exception {
        Path jre = jdk("jre-21", "21.0.5");
        Files.delete(jre.resolve("bin").resolve("javac"));

        Selection selection = select(jdk("java-17-openjdk-amd64", "17.0.13").resolve("bin"), null);

        assertNotEquals(0, selection.exit(), selection.toString());
    }

    /** A fake JDK whose java prints the version line as a real one does, on stderr. */
    private Path jdk(String name, String version) throws IOException {
        Path bin = Files.createDirectories(root.resolve(name).resolve("bin"));
        executable(bin.resolve("java"), "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-10-15' >&2\n");
        executable(bin.resolve("javac"), "#!/bin/sh\nexit 0\n");
        return root.resolve(name);
    }

    private static void executable(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Selection select(Path javaOnPath, Path javaHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", "-c", "source .ci/jdk && select_jdk");
        Map<String, String> env = builder.environment();
        env.remove("JAVA_HOME");
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome.toString());
        }
        env.put("JVM_DIR", root.toString());
        // The fake java first; the system's own tools after it, none of which is a java of its own here.
        env.put("PATH", javaOnPath + ":" + tools());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Selection(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** A directory holding only the shell tools the script uses, so the machine's own java stays out. */
    private Path tools() throws IOException {
        Path tools = root.resolve(".tools");
        if (Files.notExists(tools)) {
            Files.createDirectories(tools);
            for (String tool : List.of("sed", "head", "dirname", "readlink", "cat")) {
                for (String dir : List.of("/usr/bin", "/bin")) {
                    Path real = Path.of(dir, tool);
                    if (Files.isExecutable(real)) {
                        Files.createSymbolicLink(tools.resolve(tool), real);
                        break;
                    }
                }
            }
        }
        return tools;
    }

    private record Selection(int exit, String out, String err) {
    }
}
