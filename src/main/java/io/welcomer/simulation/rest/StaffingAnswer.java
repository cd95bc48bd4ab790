package io.welcomer.simulation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.welcomer.simulation.Staffing;

/** A staffing answer, with what a line's history gave where the arrivals came from one (else absent). */
public record StaffingAnswer(@JsonUnwrapped Staffing.Answer answer,
                             @JsonInclude(JsonInclude.Include.NON_NULL) HistoryArrivals fromHistory) {
}
