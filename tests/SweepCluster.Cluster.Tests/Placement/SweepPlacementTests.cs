using SweepCluster.Abstractions;
using SweepCluster.Core;

namespace SweepCluster.Cluster.Tests.Placement;

/// <summary>What `sweep status` shows on where a sweep lives: its coordinator's silo and every trial in flight.</summary>
public sealed class SweepPlacementTests(ThreeSiloCluster fixture) : IClassFixture<ThreeSiloCluster>
{
    // Trials long enough to be caught in flight.
    private const string Sweep = """
        name: placement
        dataset: digits
        model: { hidden: [64, 64] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.02, 0.03, 0.04]
        batch_size: 16
        seeds: [1, 2]
        epochs: 60
        """;

    [Fact]
    public async Task ThePlacementNamesLiveSilosForTheCoordinatorAndEveryTrialInFlight()
    {
        var silos = fixture.Cluster.Silos.Select(s => s.SiloAddress.Endpoint.ToString()).ToHashSet();
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "placement", Sweep);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) > 0);

        var placement = await coordinator.GetPlacementAsync();

        Assert.NotNull(placement);
        Assert.Contains(placement.CoordinatorSilo, silos);
        Assert.NotEmpty(placement.InFlight);
        Assert.All(placement.InFlight, t => Assert.Contains(t.Silo, silos));
        Assert.Equal(placement.InFlight.Count, placement.InFlight.Select(t => t.TrialIndex).Distinct().Count());
        await coordinator.CancelAsync();
        Assert.Null(await fixture.Grains.GetGrain<ISweepCoordinatorGrain>("no-such-sweep").GetPlacementAsync());
    }
}
