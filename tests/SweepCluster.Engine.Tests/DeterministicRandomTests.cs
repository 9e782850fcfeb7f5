namespace SweepCluster.Engine.Tests;

public sealed class DeterministicRandomTests
{
    [Fact]
    public void SameSeedGivesSameStreamAndStateRestores()
    {
        var a = new DeterministicRandom(42);
        var b = new DeterministicRandom(42);
        for (var i = 0; i < 10; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
        var saved = a.SaveState();
        var expected = Enumerable.Range(0, 5).Select(_ => a.NextUInt64()).ToArray();
        var restored = DeterministicRandom.FromState(saved);
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => restored.NextUInt64()));
        Assert.NotEqual(new DeterministicRandom(42).NextUInt64(), new DeterministicRandom(43).NextUInt64());
    }

    [Fact]
    public void NextIntStaysInRangeAndGaussianHasUnitMoments()
    {
        var rng = new DeterministicRandom(7);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => rng.NextInt(7)), v => Assert.InRange(v, 0, 6));
        var samples = Enumerable.Range(0, 20000).Select(_ => rng.NextGaussian()).ToArray();
        var mean = samples.Average();
        var variance = samples.Select(s => (s - mean) * (s - mean)).Average();
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 0.95, 1.05);
    }

    [Fact]
    public void ShuffleIsAPermutation()
    {
        var items = Enumerable.Range(0, 100).ToArray();
        new DeterministicRandom(3).Shuffle(items);
        Assert.Equal(Enumerable.Range(0, 100), items.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), items);
    }
}
