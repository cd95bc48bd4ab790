package io.welcomer.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server under test, seen from outside: its CPU time and, for a JVM, its heap after a GC. */
public record Server(long pid) {

    private static final double TICKS_PER_SECOND = 100;
    private static final Pattern USED = Pattern.compile("used (\\d+)([KMG])");

    /** User plus system CPU seconds the process has used so far (Linux /proc). */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /**
     * Heap in use right after a full GC, in bytes, from jcmd (the JDK running this harness):
     * G1 says e.g. "garbage-first heap   total reserved 393216K, committed 65536K, used 23456K",
     * ZGC "ZHeap           used 40M, capacity 1024M".
     */
    public long heapAfterGc() {
        run("GC.run");
        Matcher used = USED.matcher(run("GC.heap_info"));
        if (!used.find()) {
            return -1;
        }
        long amount = Long.parseLong(used.group(1));
        return switch (used.group(2)) {
            case "K" -> amount << 10;
            case "M" -> amount << 20;
            default -> amount << 30;
        };
    }

    private String run(String command) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes());
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
