// Recognises and reads the random-search mappings `{choice: [..]}`, `{uniform: [a, b]}`, `{loguniform: [a, b]}` and
// `{int: [a, b]}`: their shape (exactly one key, a two-number range) and their bounds (a < b; loguniform 0 < a;
// int whole numbers with a <= b). It does not build choice items (ParameterSpaceBuilder does) and does not sample.

namespace SweepCluster.Specs.Sweeps;

/// <summary>Reads distribution mappings.</summary>
internal static class DistributionReader
{
    /// <summary>The key of a choice over a list of items.</summary>
    public const string Choice = "choice";

    private const string Uniform = "uniform";
    private const string LogUniform = "loguniform";
    private const string Int = "int";
    private const int RangeLength = 2;

    /// <summary>Every distribution key.</summary>
    public static readonly IReadOnlyList<string> Keys = [Choice, Uniform, LogUniform, Int];

    /// <summary>The spec name of a distribution kind.</summary>
    public static string NameOf(DistributionKind kind) => kind switch
    {
        DistributionKind.LogUniform => LogUniform,
        DistributionKind.Int => Int,
        _ => Uniform,
    };

    /// <summary>The distribution key of <paramref name="mapping"/>, or null when it is an ordinary mapping.</summary>
    public static SpecEntry? DistributionEntry(SpecMapping mapping) =>
        mapping.Entries.FirstOrDefault(entry => Keys.Contains(entry.Key));

    /// <summary>True (after reporting) unless the mapping holds exactly one key, the distribution's.</summary>
    public static bool CheckAlone(SpecBindContext ctx, SpecMapping mapping, SpecEntry distribution, string filePath)
    {
        var others = mapping.Entries.Where(entry => entry != distribution).Select(entry => $"'{entry.Key}'").ToArray();
        if (others.Length == 0) return true;
        ctx.Error(filePath, mapping,
            $"a distribution mapping holds exactly one key ('{distribution.Key}'), found also {string.Join(", ", others)}; " +
            "write e.g. { uniform: [0.1, 0.5] } on its own");
        return false;
    }

    /// <summary>Reads a range distribution (not <see cref="Choice"/>); null after reporting a problem.</summary>
    public static (DistributionKind Kind, double Low, double High)? ReadRange(SpecBindContext ctx, SpecEntry entry, string filePath)
    {
        var kind = entry.Key switch
        {
            LogUniform => DistributionKind.LogUniform,
            Int => DistributionKind.Int,
            _ => DistributionKind.Uniform,
        };
        var path = SpecPath.Key(filePath, entry.Key);
        var example = kind == DistributionKind.Int ? "[16, 128]" : "[0.001, 0.1]";
        if (entry.Value is not SpecSequence { Items.Count: RangeLength } range)
        {
            ctx.Error(path, entry.Value, $"expected a range [low, high] such as {example}, found {Found(entry.Value)}");
            return null;
        }
        double low, high;
        if (kind == DistributionKind.Int)
        {
            if (!SpecValues.TryInt(ctx, range.Items[0], SpecPath.Index(path, 0), out var lowInt)
                | !SpecValues.TryInt(ctx, range.Items[1], SpecPath.Index(path, 1), out var highInt)) return null;
            (low, high) = (lowInt, highInt);
        }
        else if (!SpecValues.TryNumber(ctx, range.Items[0], SpecPath.Index(path, 0), out low)
                 | !SpecValues.TryNumber(ctx, range.Items[1], SpecPath.Index(path, 1), out high))
        {
            return null;
        }
        return CheckBounds(ctx, kind, low, high, path, range) ? (kind, low, high) : null;
    }

    private static bool CheckBounds(SpecBindContext ctx, DistributionKind kind, double low, double high, string path, SpecNode node)
    {
        var shown = $"[{SpecValues.Format(low)}, {SpecValues.Format(high)}]";
        switch (kind)
        {
            case DistributionKind.Int when low > high:
                ctx.Error(path, node, $"int needs low <= high (both included), found {shown}");
                return false;
            case DistributionKind.Int when high - low >= int.MaxValue:
                ctx.Error(path, node, $"int ranges may span at most {int.MaxValue} values, found {shown}");
                return false;
            case DistributionKind.LogUniform when low <= 0:
                ctx.Error(path, node, $"loguniform needs 0 < low < high (it draws exp(uniform(ln low, ln high))), found {shown}");
                return false;
            case DistributionKind.Uniform or DistributionKind.LogUniform when low >= high:
                ctx.Error(path, node, $"{NameOf(kind)} needs low < high (it draws from [low, high)), found {shown}");
                return false;
            default:
                return true;
        }
    }

    private static string Found(SpecNode node) => node is SpecSequence list ? $"a list of {list.Items.Count}" : node.Describe();
}
