package io.welcomer.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run where Chromium is installed. Without it they are reported as skipped, saying
 * why, so that the rest of the suite runs on a machine that has only a JDK; in CI (CI=true) a
 * missing Chromium fails them instead, so that CI never passes without the browser tests.
 */
public final class NeedsChromium implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Path chromium = Chromium.EXECUTABLE;
        if (Files.isExecutable(chromium)) {
            return ConditionEvaluationResult.enabled("Chromium at " + chromium);
        }
        String missing = "no Chromium at " + chromium + " (install Debian's chromium, or set CHROMIUM to a binary)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing + "; CI needs it (.ci/run installs it)");
        }
        return ConditionEvaluationResult.disabled(missing + ": the browser tests are skipped");
    }
}
