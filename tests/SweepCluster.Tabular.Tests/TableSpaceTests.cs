// The conditional space: which dimensions a configuration activates, the grid's enumeration, labels and parsing.
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Tests;

public sealed class TableSpaceTests
{
    [Fact]
    public void The_grid_holds_each_family_with_only_its_own_parameters()
    {
        var all = SmallTable.Space.Enumerate();

        Assert.Equal(9, all.Count);
        Assert.Equal(9, all.Distinct().Count());
        Assert.All(all.Where(c => c[0] == 1), c => Assert.Equal(TableConfiguration.Inactive, c[1]));
        Assert.All(all.Where(c => c[0] == 0), c => Assert.NotEqual(TableConfiguration.Inactive, c[1]));
    }

    [Fact]
    public void Labels_parse_back_to_the_same_configuration()
    {
        var space = SmallTable.Space;

        foreach (var configuration in space.Enumerate())
            Assert.Equal(configuration, space.Parse(space.Labels(configuration)));
        Assert.Equal("family=b lr=2", space.Describe(new TableConfiguration([1, TableConfiguration.Inactive, 1])));
        Assert.Throws<ArgumentException>(() => space.Parse(["b", "0.1", "2"]));
        Assert.Throws<ArgumentException>(() => space.Parse(["a", "", "2"]));
    }

    [Fact]
    public void A_child_before_its_parent_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new TableSpace(
        [
            new TableDimension("a.x", DimensionScale.Log, ["0.1"], "family", "a"),
            new TableDimension("family", DimensionScale.Categorical, ["a"]),
        ]));
    }
}
