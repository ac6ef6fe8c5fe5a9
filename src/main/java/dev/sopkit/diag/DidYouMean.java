package dev.sopkit.diag;

import java.util.Collection;

/** "Did you mean" suggestions: the closest known name within a small edit distance. */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The closest candidate, or null when none is close enough to be a likely typo. Case is ignored
   * when measuring, so {@code cs-eml-001} finds {@code CS-EML-001}.
   */
  public static String closest(String word, Collection<String> candidates) {
    if (word == null || word.length() > 200) {
      return null;
    }
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    // Short words are one edit from many others: allow fewer edits before suggesting.
    int limit = word.length() <= 3 ? 1 : Math.max(2, word.length() / 4);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      // an SOP without an id is still in the index as null: it is no suggestion
      if (c == null || c.equals(word) || Math.abs(c.length() - word.length()) > limit) {
        continue;
      }
      int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT), limit);
      if (d <= limit && (d < bestDistance || (d == bestDistance && c.compareTo(best) < 0))) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** " (did you mean 'x'?)" or the empty string. */
  public static String hint(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : " (did you mean '" + c + "'?)";
  }

  /** Optimal string alignment distance, capped: a transposition counts as one edit. */
  static int distance(String a, String b, int cap) {
    int n = a.length();
    int m = b.length();
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > cap) {
        return rowMin;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return prev[m];
  }
}
