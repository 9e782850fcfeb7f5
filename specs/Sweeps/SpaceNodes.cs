// The nodes of a parameter space: the trial part of a sweep spec with every axis (a list standing for a scalar, a
// `choice`) and every distribution (`uniform`, `loguniform`, `int`) made explicit. Each node can
//   - Pick:   materialise grid alternative number `index` (mixed radix: the last axis of a mapping varies fastest;
//             an axis's alternatives are its items' own expansions, one after the other);
//   - Sample: materialise a draw taken from an ISpaceDraws source at each decision point it reaches (a choice's
//             alternative, a distribution's value), recording the drawn value under the point's dimension key;
//   - Cover:  list grid indices in which every alternative of every axis, at any depth, appears at least once.
// Unvarying subtrees are FixedSpace nodes that return the original SpecNode, so lines and columns survive.
// These nodes do not validate trial values: the trial binder does that on what they materialise.
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace SweepCluster.Specs.Sweeps;

/// <summary>A position in the trial part of a sweep spec and what may stand there.</summary>
/// <param name="source">The node as written.</param>
/// <param name="fieldPath">The trial-spec field path of the position (no axis indices), e.g. "learning_rate.initial".</param>
internal abstract class SpaceNode(SpecNode source, string fieldPath)
{
    /// <summary>The node as written.</summary>
    public SpecNode Source { get; } = source;

    /// <summary>The trial binder's field path for this position.</summary>
    public string FieldPath { get; } = fieldPath;

    /// <summary>Number of grid alternatives (a distribution counts as one: its low end).</summary>
    public abstract BigInteger GridCount { get; }

    /// <summary>True when a distribution occurs at or below this node.</summary>
    public abstract bool IsContinuous { get; }

    /// <summary>Materialises grid alternative <paramref name="index"/>; null means "leave the key out".</summary>
    public abstract SpecNode? Pick(long index, ExpansionRecorder recorder);

    /// <summary>Materialises a draw from <paramref name="draws"/>; null means "leave the key out".</summary>
    public abstract SpecNode? Sample(ISpaceDraws draws, ExpansionRecorder recorder);

    /// <summary>Grid indices (possibly repeated) that together pick every alternative of every axis below.</summary>
    public abstract IEnumerable<long> Cover();
}

/// <summary>A subtree with no axis and no distribution.</summary>
internal sealed class FixedSpace(SpecNode source, string fieldPath) : SpaceNode(source, fieldPath)
{
    public override BigInteger GridCount => BigInteger.One;
    public override bool IsContinuous => false;
    public override SpecNode Pick(long index, ExpansionRecorder recorder) => Source;
    public override SpecNode Sample(ISpaceDraws draws, ExpansionRecorder recorder) => Source;
    public override IEnumerable<long> Cover() => [0];
}

/// <summary>A position whose value was refused while building the space (the error is already reported): the key is
/// left out, so that the rest of the file can still be checked.</summary>
internal sealed class OmittedSpace(SpecNode source, string fieldPath) : SpaceNode(source, fieldPath)
{
    public override BigInteger GridCount => BigInteger.One;
    public override bool IsContinuous => false;
    public override SpecNode? Pick(long index, ExpansionRecorder recorder) => null;
    public override SpecNode? Sample(ISpaceDraws draws, ExpansionRecorder recorder) => null;
    public override IEnumerable<long> Cover() => [0];
}

/// <summary>A product of independent children (a mapping's values or a plain list's items): the last child varies fastest.</summary>
internal abstract class ProductSpace : SpaceNode
{
    private readonly long[] _strides;

    protected ProductSpace(SpecNode source, string fieldPath, IReadOnlyList<SpaceNode> children) : base(source, fieldPath)
    {
        Children = children;
        GridCount = children.Aggregate(BigInteger.One, (product, child) => product * child.GridCount);
        IsContinuous = children.Any(child => child.IsContinuous);
        _strides = new long[children.Count];
        var stride = BigInteger.One;
        for (var i = children.Count - 1; i >= 0; i--)
        {
            _strides[i] = stride <= long.MaxValue ? (long)stride : long.MaxValue;
            stride *= children[i].GridCount;
        }
    }

    /// <summary>The children in document order.</summary>
    public IReadOnlyList<SpaceNode> Children { get; }

    public override BigInteger GridCount { get; }

    public override bool IsContinuous { get; }

    /// <summary>Picks every child; null entries are children that are left out.</summary>
    protected SpecNode?[] PickChildren(long index, ExpansionRecorder recorder)
    {
        var picked = new SpecNode?[Children.Count];
        for (var i = 0; i < Children.Count; i++)
        {
            var count = (long)Children[i].GridCount;
            picked[i] = Children[i].Pick(index / _strides[i] % count, recorder);
        }
        return picked;
    }

    /// <summary>Samples every child in document order.</summary>
    protected SpecNode?[] SampleChildren(ISpaceDraws draws, ExpansionRecorder recorder) =>
        Children.Select(child => child.Sample(draws, recorder)).ToArray();

    public override IEnumerable<long> Cover()
    {
        yield return 0;
        for (var i = 0; i < Children.Count; i++)
        {
            foreach (var local in Children[i].Cover())
            {
                yield return local * _strides[i];
            }
        }
    }
}

/// <summary>A mapping with at least one varying value.</summary>
internal sealed class MappingSpace(SpecMapping source, string fieldPath, IReadOnlyList<SpecEntry> entries, IReadOnlyList<SpaceNode> values)
    : ProductSpace(source, fieldPath, values)
{
    public override SpecNode Pick(long index, ExpansionRecorder recorder) => Build(PickChildren(index, recorder));

    public override SpecNode Sample(ISpaceDraws draws, ExpansionRecorder recorder) => Build(SampleChildren(draws, recorder));

    private SpecMapping Build(SpecNode?[] values)
    {
        var built = new List<SpecEntry>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            if (values[i] is { } value) built.Add(entries[i] with { Value = value });
        }
        return new SpecMapping(Source.Line, Source.Column, built);
    }
}

/// <summary>The plain list value of a list-valued key (e.g. <c>hidden: [{int: [16, 128]}, 32]</c>) with a varying item.</summary>
internal sealed class SequenceSpace(SpecSequence source, string fieldPath, IReadOnlyList<SpaceNode> items)
    : ProductSpace(source, fieldPath, items)
{
    public override SpecNode Pick(long index, ExpansionRecorder recorder) => Build(PickChildren(index, recorder));

    public override SpecNode Sample(ISpaceDraws draws, ExpansionRecorder recorder) => Build(SampleChildren(draws, recorder));

    private SpecSequence Build(SpecNode?[] items) => new(Source.Line, Source.Column, items.OfType<SpecNode>().ToArray());
}

/// <summary>An axis: a list standing for one value (grid), or a <c>choice</c>. Its alternatives are the expansions
/// of its items, one item after the other.</summary>
/// <param name="filePath">Where the axis is written in the file, e.g. "learning_rate" or "learning_rate[1].initial".</param>
/// <param name="alternativePaths">Where each item is written, e.g. "learning_rate[1]" or "learning_rate.choice[1]".</param>
/// <param name="kind">"list" or "choice".</param>
internal sealed class ChoiceSpace : SpaceNode
{
    private readonly long[] _offsets;

    public ChoiceSpace(SpecNode source, string fieldPath, string filePath, IReadOnlyList<SpaceNode> items,
        IReadOnlyList<string> alternativePaths, string kind) : base(source, fieldPath)
    {
        FilePath = filePath;
        Items = items;
        AlternativePaths = alternativePaths;
        Kind = kind;
        Dimension = SpaceDimension.Categorical(filePath, fieldPath, items.Count);
        GridCount = items.Aggregate(BigInteger.Zero, (sum, item) => sum + item.GridCount);
        IsContinuous = items.Any(item => item.IsContinuous);
        _offsets = new long[items.Count];
        var offset = BigInteger.Zero;
        for (var i = 0; i < items.Count; i++)
        {
            _offsets[i] = offset <= long.MaxValue ? (long)offset : long.MaxValue;
            offset += items[i].GridCount;
        }
    }

    /// <summary>Where the axis is written in the file.</summary>
    public string FilePath { get; }

    /// <summary>The items, each possibly with nested axes of its own.</summary>
    public IReadOnlyList<SpaceNode> Items { get; }

    /// <summary>Where each item is written in the file.</summary>
    public IReadOnlyList<string> AlternativePaths { get; }

    /// <summary>"list" or "choice".</summary>
    public string Kind { get; }

    /// <summary>The decision point: which item is taken.</summary>
    public SpaceDimension Dimension { get; }

    public override BigInteger GridCount { get; }

    public override bool IsContinuous { get; }

    public override SpecNode? Pick(long index, ExpansionRecorder recorder)
    {
        var item = Array.BinarySearch(_offsets, index);
        if (item < 0) item = ~item - 1;
        return Choose(item, recorder, r => Items[item].Pick(index - _offsets[item], r));
    }

    public override SpecNode? Sample(ISpaceDraws draws, ExpansionRecorder recorder)
    {
        var item = draws.ChooseAlternative(Dimension);
        if (item < 0 || item >= Items.Count) throw new ArgumentOutOfRangeException(nameof(draws), item, $"'{Dimension.Key}' has {Items.Count} alternatives");
        recorder.Drew(Dimension.Key, item);
        return Choose(item, recorder, r => Items[item].Sample(draws, r));
    }

    public override IEnumerable<long> Cover()
    {
        for (var i = 0; i < Items.Count; i++)
        {
            foreach (var local in Items[i].Cover())
            {
                yield return _offsets[i] + local;
            }
        }
    }

    private SpecNode? Choose(int item, ExpansionRecorder recorder, Func<ExpansionRecorder, SpecNode?> materialise)
    {
        recorder.MapField(FieldPath, AlternativePaths[item]);
        recorder.EnterAxis();
        var value = materialise(recorder);
        recorder.LeaveAxis();
        if (value is not null) recorder.PickedAxis(FieldPath, value);
        return value;
    }
}

/// <summary>The random-search distributions.</summary>
internal enum DistributionKind { Uniform, LogUniform, Int }

/// <summary>A <c>uniform</c>, <c>loguniform</c> or <c>int</c> distribution standing for one number.</summary>
/// <param name="low">Lower bound (inclusive).</param>
/// <param name="high">Upper bound (exclusive for uniform and loguniform, inclusive for int).</param>
/// <param name="json">True when the spec is JSON (materialised numbers are then JSON number tokens).</param>
/// <param name="filePath">Where the distribution is written in the file: its dimension key.</param>
internal sealed class DistributionSpace(SpecMapping source, string fieldPath, DistributionKind kind, double low, double high, bool json, string filePath)
    : SpaceNode(source, fieldPath)
{
    /// <summary>Which distribution.</summary>
    public DistributionKind Kind { get; } = kind;

    /// <summary>Lower bound (inclusive).</summary>
    public double Low { get; } = low;

    /// <summary>Upper bound.</summary>
    public double High { get; } = high;

    /// <summary>The decision point: which number is drawn.</summary>
    public SpaceDimension Dimension { get; } = new(filePath, fieldPath,
        kind == DistributionKind.Int ? SpaceDimensionKind.Integer : SpaceDimensionKind.Float, 0, low, high, kind == DistributionKind.LogUniform);

    public override BigInteger GridCount => BigInteger.One;

    public override bool IsContinuous => true;

    /// <summary>The low end: what validation covers and a grid would use.</summary>
    public override SpecNode Pick(long index, ExpansionRecorder recorder) => Record(Low, recorder);

    public override SpecNode Sample(ISpaceDraws draws, ExpansionRecorder recorder)
    {
        var value = IntoRange(draws.DrawNumber(Dimension));
        recorder.Drew(Dimension.Key, value);
        return Record(value, recorder);
    }

    public override IEnumerable<long> Cover() => [0];

    /// <summary>The distribution as the summary shows it, e.g. "loguniform [0.001, 0.1)".</summary>
    public string Describe()
    {
        var close = Kind == DistributionKind.Int ? "]" : ")";
        return $"{DistributionReader.NameOf(Kind)} [{HumanNumber.Format(Low)}, {HumanNumber.Format(High)}{close}";
    }

    /// <summary>An integer draw rounded into [low, high]; a real one kept in [low, high) (rounding can land a draw on the
    /// excluded upper bound or just below the lower one). Values already in range come back unchanged.</summary>
    private double IntoRange(double value) => Kind == DistributionKind.Int
        ? Math.Clamp(Math.Round(value), Low, High)
        : Math.Clamp(value, Low, Math.BitDecrement(High));

    private SpecScalar Record(double value, ExpansionRecorder recorder)
    {
        var text = Kind == DistributionKind.Int
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        var scalar = new SpecScalar(Source.Line, Source.Column, text, Quoted: false, json ? JsonTokenType.Number : null);
        recorder.PickedAxis(FieldPath, scalar);
        return scalar;
    }
}
