package io.welcomer.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One configured line over one interval, by the contacts that arrived in it: how many were
 * offered (arrived), answered (reached a human), abandoned, and answered within the line's
 * service-level time; the service level (within target over answered and abandoned; null when no
 * contact was answered under a target), the mean speed of answer, the mean touch time of those
 * whose conversation ended, and the share of completed contacts resolved. Means and rates are null
 * when nothing counted toward them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineInterval(String line, Instant start, long offered, long answered, long abandoned,
                           long answeredWithinTarget, Double serviceLevel, Double asaSeconds,
                           Double meanTouchSeconds, Double resolvedRate) {
}
