package dev.netscale.spec;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** Suggests the accepted word closest to a misspelt one (Levenshtein distance at most 2). */
final class Suggest {
    private Suggest() {
    }

    static Optional<String> closest(String word, Collection<String> accepted) {
        return accepted.stream()
                .filter(a -> distance(word, a) <= 2)
                .min(Comparator.comparingInt(a -> distance(word, a)));
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
