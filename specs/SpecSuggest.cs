// "Did you mean ...?" for unknown keys and enum values: the closest candidate by edit distance (optimal string
// alignment, so a swapped pair of letters costs 1), if it is close enough, else the only candidate that starts
// with the input ("expo" → "exponential"). It does not format whole messages.
namespace SweepCluster.Specs;

/// <summary>Finds the valid name closest to a misspelt one.</summary>
public static class SpecSuggest
{
    private const int ShortName = 3;
    private const int MediumName = 8;
    private const int MinPrefix = 3;

    /// <summary>The candidate closest to <paramref name="input"/> (case-insensitive), or null if none is close.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var names = candidates.ToArray();
        foreach (var candidate in names)
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= Tolerance(candidate.Length))
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best is null && input.Length >= MinPrefix)
        {
            var prefixed = names.Where(c => c.StartsWith(input, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (prefixed.Length == 1) best = prefixed[0];
        }
        return best;
    }

    /// <summary>"; did you mean 'x'?" or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates) =>
        Closest(input, candidates) is { } match ? $"; did you mean '{match}'?" : "";

    /// <summary>Edits allowed: 1 for names of up to 3 letters, 2 up to 8, else 3.</summary>
    private static int Tolerance(int length) => length <= ShortName ? 1 : length <= MediumName ? 2 : 3;

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
