// Bins the sampled values of a random search's axis (a new learning rate for every trial) so that the metric by axis
// value has a few rows of value ranges rather than one row per sampled value. Values are grouped by their text with
// the numbers taken out ("constant(#)", "cosine(# → #)"); a group whose one varying number takes many values is cut into
// quantile bins of the trials' values: about equal trials each, equal values always together. It does not aggregate
// metrics.
using System.Globalization;
using System.Text.RegularExpressions;

namespace SweepCluster.Reporting;

/// <summary>Quantile bins of a continuous axis.</summary>
internal static partial class AxisBins
{
    /// <summary>How many bins a binned axis gets (quintiles).</summary>
    public const int BinCount = 5;

    /// <summary>Significant digits of a bin's bounds in its label.</summary>
    private const string BoundFormat = "G3";

    /// <summary>
    /// The row each value of a random search's axis goes in: values of one template ("constant(#)") whose one varying
    /// number takes more than <see cref="BinCount"/> values are put in <see cref="BinCount"/> quantile bins of the
    /// trials' values, labelled with the template and the bin's range ("constant(0.00112 – 0.0398)"); other values keep
    /// their own row. <paramref name="trialValues"/> has one value per trial (seeds share their combination's value).
    /// The key orders rows: by the template's first appearance, then by bin (or by the value's first appearance).
    /// </summary>
    public static IReadOnlyDictionary<string, (string Label, int Template, int Order)> Rows(IReadOnlyList<string> trialValues)
    {
        var parsed = trialValues.Distinct(StringComparer.Ordinal)
            .Select((value, order) =>
            {
                var (template, numbers) = Split(value);
                return (Value: value, Order: order, Template: template, Numbers: numbers);
            })
            .ToArray();
        var templates = parsed.Select(p => p.Template).Distinct(StringComparer.Ordinal).ToList();
        var rows = parsed.ToDictionary(p => p.Value, p => (p.Value, templates.IndexOf(p.Template), p.Order), StringComparer.Ordinal);
        foreach (var group in parsed.GroupBy(p => p.Template, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            if (members.Length <= BinCount) continue;
            var varying = Enumerable.Range(0, members[0].Numbers.Length)
                .Where(i => members.Select(m => m.Numbers[i]).Distinct(StringComparer.Ordinal).Count() > 1).ToArray();
            if (varying.Length != 1) continue;
            var numbers = members.ToDictionary(m => m.Value, m => double.Parse(m.Numbers[varying[0]], NumberStyles.Float, CultureInfo.InvariantCulture),
                StringComparer.Ordinal);
            var perTrial = trialValues.Where(numbers.ContainsKey).Select(v => numbers[v]).ToArray();
            var bins = Assign(perTrial, BinCount);
            var binOf = new Dictionary<double, int>();
            for (var i = 0; i < perTrial.Length; i++) binOf[perTrial[i]] = bins[i];
            var template = templates.IndexOf(group.Key);
            foreach (var bin in binOf.GroupBy(pair => pair.Value))
            {
                var (low, high) = (bin.Min(pair => pair.Key), bin.Max(pair => pair.Key));
                string? label = null; // the members differ only in the varying number, so they share the substituted label
                foreach (var member in members.Where(m => binOf[numbers[m.Value]] == bin.Key))
                    rows[member.Value] = (label ??= Substitute(member, varying[0], Label(low, high)), template, bin.Key);
            }
        }
        return rows;
    }

    /// <summary>The value with its numbers taken out ("constant(#)") and those numbers, in order: one pass of
    /// <see cref="NumberPattern"/>.</summary>
    private static (string Template, string[] Numbers) Split(string value)
    {
        var matches = NumberPattern().Matches(value);
        if (matches.Count == 0) return (value, []);
        var template = new System.Text.StringBuilder(value.Length);
        var numbers = new string[matches.Count];
        var end = 0;
        for (var i = 0; i < matches.Count; i++)
        {
            var match = matches[i];
            template.Append(value, end, match.Index - end).Append('#');
            numbers[i] = match.Value;
            end = match.Index + match.Length;
        }
        return (template.Append(value, end, value.Length - end).ToString(), numbers);
    }

    /// <summary>The value with its number at <paramref name="position"/> replaced by <paramref name="text"/>.</summary>
    private static string Substitute((string Value, int Order, string Template, string[] Numbers) member, int position, string text)
    {
        var index = 0;
        return NumberPattern().Replace(member.Value, match => index++ == position ? text : match.Value);
    }

    /// <summary>
    /// The bin (0 … bins − 1) of each of <paramref name="values"/> (one per trial): bin k starts at the order statistic of
    /// rank ⌊k·n/bins⌋, so bins hold about n/bins values each; equal values share a bin, so a bin can be empty and is
    /// then left out of the numbering (the result's bins are 0 … m − 1 with m ≤ bins).
    /// </summary>
    public static int[] Assign(IReadOnlyList<double> values, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var sorted = values.Order().ToArray();
        var starts = Enumerable.Range(1, bins - 1).Select(k => sorted[k * sorted.Length / bins]).Distinct().ToArray();
        return values.Select(v => starts.Count(start => v >= start)).ToArray();
    }

    /// <summary>"0.000112 – 0.000398": a bin's smallest and largest value; one value alone when they are equal.</summary>
    public static string Label(double low, double high) =>
        low == high ? Bound(low) : $"{Bound(low)} – {Bound(high)}";

    private static string Bound(double value) => value.ToString(BoundFormat, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")]
    private static partial Regex NumberPattern();
}
