package dev.netscale.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Maps each YAML path ({@code receivers[1].runtime}) to the line of its key, so that problems
 * point at the key itself. Jackson's own locations for unknown keys point past the key.
 */
final class YamlLines {
    private static final Object OBJECT = new Object();

    private final Map<String, Integer> lines = new HashMap<>();

    private YamlLines() {
    }

    static YamlLines index(String text) {
        YamlLines index = new YamlLines();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            index.walk(p);
        } catch (IOException e) {
            // The tree parse reports syntax errors with their location; an index is best effort.
        }
        return index;
    }

    private void walk(JsonParser p) throws IOException {
        Deque<Object> path = new ArrayDeque<>(); // String keys and int[] array counters
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            switch (t) {
                case FIELD_NAME -> {
                    if (!path.isEmpty() && path.peek() instanceof String) {
                        path.pop();
                    }
                    path.push(p.currentName());
                    lines.put(render(path), p.currentTokenLocation().getLineNr());
                }
                case START_ARRAY -> {
                    bumpIndex(path, p);
                    path.push(new int[] {-1});
                }
                case START_OBJECT -> {
                    bumpIndex(path, p);
                    path.push(OBJECT);
                }
                case END_ARRAY -> path.pop();
                case END_OBJECT -> {
                    if (path.peek() instanceof String) {
                        path.pop();
                    }
                    path.pop();
                }
                default -> bumpIndex(path, p);
            }
        }
    }

    private void bumpIndex(Deque<Object> path, JsonParser p) {
        if (path.peek() instanceof int[] counter) {
            counter[0]++;
            lines.putIfAbsent(render(path), p.currentTokenLocation().getLineNr());
        }
    }

    private static String render(Deque<Object> path) {
        StringBuilder sb = new StringBuilder();
        var it = path.descendingIterator();
        while (it.hasNext()) {
            Object o = it.next();
            if (o instanceof int[] c) {
                sb.append('[').append(c[0]).append(']');
            } else if (o != OBJECT) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(o);
            }
        }
        return sb.toString();
    }

    /** The line of the path's key, or of its nearest ancestor that has one; 0 if none. */
    int lineOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return 0;
    }
}
