package dev.netscale.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions netscale pins, read from {@code scripts/versions.env}: the one home for them,
 * shared by the shell scripts that install things and the Java code that checks them.
 */
public final class PinnedVersions {
    private final Map<String, String> values;

    private PinnedVersions(Map<String, String> values) {
        this.values = values;
    }

    public static PinnedVersions read(Path home) {
        Path file = home.resolve("scripts/versions.env");
        Map<String, String> v = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String l = line.strip();
                int eq = l.indexOf('=');
                if (!l.startsWith("#") && eq > 0) {
                    v.put(l.substring(0, eq), l.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new RuntimeUnavailableException("cannot read " + file + ": " + e.getMessage()
                    + "; run netscale from its project folder (or set NETSCALE_HOME)");
        }
        return new PinnedVersions(v);
    }

    public String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new RuntimeUnavailableException("scripts/versions.env lacks " + key);
        }
        return value;
    }

    public String wasmer() {
        return get("WASMER_VERSION");
    }
}
