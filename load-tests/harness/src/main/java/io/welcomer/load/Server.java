package io.welcomer.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The server under test, seen from outside: its CPU time and, for a JVM, its heap after a GC. */
public record Server(long pid) {

    private static final double TICKS_PER_SECOND = 100;

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

    /** Heap in use right after a full GC, in bytes, from jcmd (the JDK running this harness). */
    public long heapAfterGc() {
        run("GC.run");
        String info = run("GC.heap_info");
        // e.g. " garbage-first heap   total reserved 393216K, committed 65536K, used 23456K [..."
        int used = info.indexOf("used ");
        if (used < 0) {
            return -1;
        }
        String kilobytes = info.substring(used + 5, info.indexOf('K', used));
        return Long.parseLong(kilobytes.trim()) * 1024;
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
