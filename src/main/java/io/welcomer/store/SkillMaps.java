package io.welcomer.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The small name-to-number maps (skills, capacity) as they are stored: JSON text. */
public final class SkillMaps {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Integer>> MAP = new TypeReference<>() {};

    private SkillMaps() {
    }

    public static String write(Map<String, Integer> map) {
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a skill map: " + map, e);
        }
    }

    public static Map<String, Integer> read(String stored) {
        try {
            return JSON.readValue(stored, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored skill map is not JSON: " + stored, e);
        }
    }
}
