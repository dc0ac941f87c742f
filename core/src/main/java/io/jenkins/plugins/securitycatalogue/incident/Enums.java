package io.jenkins.plugins.securitycatalogue.incident;

import java.util.Locale;

/** Parses enum constants the way people type them: any case, spaces or dashes for underscores. */
final class Enums {
    private Enums() {
    }

    /** Returns the constant or throws an exception naming the bad value and the valid ones. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String what, String valid) {
        String normalised = text.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("The " + what + " '" + text + "' is not valid: use " + valid);
    }

    /** Returns the constant as people write it: lower case, spaces for underscores. */
    static String label(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
