// Where each trial of a possibly extended sweep sits in its search: trial index → (combination, seed position). The
// spec's own trials come first (index = combination × seeds + seed position); each extension appends a block of new
// indices, so no trial ever changes its index: new seeds for every combination so far, then new combinations with
// every seed so far. A block of new combinations numbers its trials the way a larger sweep would have from the start,
// so extending a random search by 10 and then by 10 numbers its trials exactly as a spec with 20 more combinations.
using SweepCluster.Core;

namespace SweepCluster.Coordination;

internal sealed class TrialLayout
{
    private readonly List<Block> _blocks = [];

    public TrialLayout(int combinations, int seeds, IEnumerable<SweepExtension> extensions)
    {
        Add(new Block(0, 0, combinations, 0, seeds));
        foreach (var extension in extensions)
        {
            if (!extension.Seeds.IsDefaultOrEmpty) Add(new Block(TotalTrials, 0, Combinations, Seeds, extension.Seeds.Length));
            if (extension.Combinations > 0) Add(new Block(TotalTrials, Combinations, extension.Combinations, 0, Seeds));
        }
    }

    public int Combinations { get; private set; }
    public int Seeds { get; private set; }
    public int TotalTrials { get; private set; }

    /// <summary>The combination and seed position of trial <paramref name="index"/>.</summary>
    public (int Combination, int SeedPosition) Locate(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TotalTrials);
        var block = _blocks[FindBlock(index)];
        var offset = index - block.FirstIndex;
        return (block.FirstCombination + offset / block.SeedCount, block.FirstSeed + offset % block.SeedCount);
    }

    /// <summary>Every trial of <paramref name="combination"/>, by index (its seeds in order).</summary>
    public IEnumerable<int> TrialsOf(int combination)
    {
        foreach (var block in _blocks)
        {
            var offset = combination - block.FirstCombination;
            if (offset < 0 || offset >= block.CombinationCount) continue;
            for (var seed = 0; seed < block.SeedCount; seed++) yield return block.FirstIndex + offset * block.SeedCount + seed;
        }
    }

    private int FindBlock(int index)
    {
        var (low, high) = (0, _blocks.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_blocks[middle].FirstIndex <= index) low = middle;
            else high = middle - 1;
        }
        return low;
    }

    private void Add(Block block)
    {
        if (block.Trials == 0) return;
        _blocks.Add(block);
        TotalTrials = checked(TotalTrials + block.Trials);
        Combinations = Math.Max(Combinations, block.FirstCombination + block.CombinationCount);
        Seeds = Math.Max(Seeds, block.FirstSeed + block.SeedCount);
    }

    /// <summary>Trials FirstIndex.. of combinations × seeds in this range, the seed varying fastest.</summary>
    private sealed record Block(int FirstIndex, int FirstCombination, int CombinationCount, int FirstSeed, int SeedCount)
    {
        public int Trials => checked(CombinationCount * SeedCount);
    }
}
