// Levenshtein edit distance (insertions, deletions, substitutions, each cost 1), case-insensitive, for did-you-mean
// suggestions on unknown names.
// Deliberately does not: weight transpositions or keyboard distance; it only ranks a handful of short names.
namespace SweepCluster.Engine.Data;

/// <summary>Edit distance between short names.</summary>
internal static class EditDistance
{
    /// <summary>The Levenshtein distance between <paramref name="a"/> and <paramref name="b"/>, ignoring case.</summary>
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>The candidate closest to <paramref name="name"/> (the first one on ties).</summary>
    public static string Closest(string name, IEnumerable<string> candidates) =>
        candidates.MinBy(candidate => Between(name, candidate))
        ?? throw new ArgumentException("needs at least one candidate", nameof(candidates));
}
