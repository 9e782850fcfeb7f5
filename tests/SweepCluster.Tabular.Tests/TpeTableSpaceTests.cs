// The table space as TPE dimensions: kinds and ranges, conditional activity, and the round trip between
// configurations and TPE values.
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tabular.Replay;
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Tests;

public sealed class TpeTableSpaceTests
{
    [Fact]
    public void Categorical_dimensions_stay_choices_and_ordered_ones_become_choice_indices()
    {
        var space = new TpeTableSpace(SmallTable.Space);

        Assert.Equal(["family", "a.x", "lr"], space.Dimensions.Select(d => d.Key));
        Assert.Equal(SpaceDimensionKind.Categorical, space.Dimensions[0].Kind);
        Assert.Equal(2, space.Dimensions[0].Alternatives);
        Assert.All(space.Dimensions.Skip(1), d =>
        {
            Assert.Equal(SpaceDimensionKind.Integer, d.Kind);
            Assert.Equal(0, d.Low);
            Assert.False(d.Log);
        });
        Assert.Equal(1, space.Dimensions[1].High);
        Assert.Equal(2, space.Dimensions[2].High);
    }

    [Fact]
    public void Every_configuration_round_trips_through_its_values()
    {
        var space = new TpeTableSpace(SmallTable.Space);

        foreach (var configuration in SmallTable.Space.Enumerate())
        {
            var values = space.Values(configuration);
            Assert.Equal(configuration.Choices.Count(c => c != TableConfiguration.Inactive), values.Count);
            Assert.Equal(configuration, space.Configuration(values));
        }
    }

    [Fact]
    public void A_child_is_active_only_under_its_parent_choice()
    {
        var space = new TpeTableSpace(SmallTable.Space);
        var child = space.Dimensions[1];

        Assert.True(space.IsActive(child, new Dictionary<string, double> { ["family"] = 0 }));
        Assert.False(space.IsActive(child, new Dictionary<string, double> { ["family"] = 1 }));
        Assert.True(space.IsActive(space.Dimensions[2], new Dictionary<string, double>()));
    }

    [Fact]
    public void Values_off_the_grid_go_to_the_nearest_choice_and_inactive_values_are_rejected()
    {
        var space = new TpeTableSpace(SmallTable.Space);

        var configuration = space.Configuration(new Dictionary<string, double> { ["family"] = 0, ["a.x"] = 0.4, ["lr"] = 7 });

        Assert.Equal(new TableConfiguration([0, 0, 2]), configuration);
        Assert.Throws<ArgumentException>(() => space.Configuration(new Dictionary<string, double> { ["family"] = 1, ["a.x"] = 0, ["lr"] = 0 }));
        Assert.Throws<ArgumentException>(() => space.Configuration(new Dictionary<string, double> { ["family"] = 0, ["lr"] = 0 }));
    }
}
