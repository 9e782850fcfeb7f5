// Reads `sweep extend`'s --trials and --seeds into a SweepExtension (with a fresh request id, so that a call retried
// through a failover extends once), or refuses them with one line naming the flag and
// what is valid (InvalidFlagException: exit code 2, nothing contacted). Read as text, so that every malformed value
// gets our message rather than the parser's.
using System.Collections.Immutable;
using System.Globalization;
using SweepCluster.Core;

namespace SweepCluster.Cli.Commands;

public static class ExtensionFlags
{
    private const string TrialsRule = "a whole number ≥ 1";
    private const string SeedsRule = "a comma-separated list of distinct whole numbers, e.g. 3,4";

    /// <exception cref="InvalidFlagException">A value is malformed, or neither flag was given.</exception>
    public static SweepExtension Parse(string? trials, string? seeds)
    {
        if (trials is null && seeds is null) throw new InvalidFlagException($"give --trials N ({TrialsRule}) or --seeds S1,S2 ({SeedsRule})");
        return new SweepExtension(trials is null ? 0 : Trials(trials), seeds is null ? [] : Seeds(seeds)) { Request = Guid.NewGuid() };
    }

    private static int Trials(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
            ? count
            : throw new InvalidFlagException($"--trials must be {TrialsRule}, not '{text}'");

    private static ImmutableArray<long> Seeds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var seeds = ImmutableArray.CreateBuilder<long>(parts.Length);
        foreach (var part in parts)
        {
            if (!long.TryParse(part, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                throw new InvalidFlagException($"--seeds must be {SeedsRule}, not '{text}'");
            if (seeds.Contains(seed)) throw new InvalidFlagException($"--seeds: seed {seed} is given twice; give {SeedsRule}");
            seeds.Add(seed);
        }
        return seeds.ToImmutable();
    }
}
