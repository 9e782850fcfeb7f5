// Pins random search's draws bit for bit: 1,000 combinations of a spec with every kind of decision point (grid lists,
// choices between schedule families with parameters of their own, nested lists, uniform, loguniform and int) hashed
// into one number. The space's draws come through a draw source; the uniform one must keep giving exactly what
// random search gave before that source existed. A changed hash means every random sweep would change.
using System.Security.Cryptography;
using System.Text;
using SweepCluster.Specs;
using SweepCluster.Tuning.Search;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Tuning.Tests.Search;

public sealed class RandomDrawPinTests
{
    /// <summary>Schedule families choosing which parameters exist, nested grids inside choices, and every distribution.</summary>
    public const string RichSpec = """
        search: { strategy: random, trials: 1000, seed: 11 }
        seeds: [1]
        learning_rate:
          choice:
            - { schedule: constant, initial: { loguniform: [1e-4, 1e-1] } }
            - { schedule: exponential, initial: { loguniform: [1e-3, 1e-1] }, gamma: { uniform: [0.5, 0.99] } }
            - { schedule: inverse_time, initial: [0.1, 0.05], alpha: { uniform: [0, 0.1] }, beta: 0.5 }
            - { schedule: step, initial: 0.1, gamma: 0.5, milestones: [[2, 4], [3]] }
            - { schedule: cosine, initial: { loguniform: [1e-3, 1e-1] }, final: { uniform: [0, 1e-4] } }
        weight_decay: { choice: [0, { schedule: polynomial, initial: { loguniform: [1e-5, 1e-2] }, beta: { uniform: [0.5, 2] } }] }
        batch_size: { choice: [16, 32, { schedule: inverse_time, initial: { int: [8, 64] }, alpha: { uniform: [0, 0.5] }, beta: -1, max: 256 }] }
        epochs: { int: [2, 6] }
        model: { hidden: { choice: [[64], [128, 64], [{ int: [8, 256] }]] } }
        optimizer: [sgd, adam]
        """;

    /// <summary>SHA-256 of the 1,000 trial specs as YAML, computed before the draw source was introduced.</summary>
    private const string PinnedHash = "2345D2B1A1BD1C7A06C525A74F6AF612907D32AC7FE0A0F217CFC8525011AC19";

    [Fact]
    public void AThousandRandomCombinationsAreBitIdenticalToThePinnedDraws()
    {
        var searcher = SearcherFactory.Create(Yaml(RichSpec));
        var text = new StringBuilder();
        for (var index = 0; index < searcher.TotalTrials; index++) text.Append(TrialSpecWriter.ToYaml(searcher.Suggest(index).Spec)).Append('\n');
        Assert.Equal(PinnedHash, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }
}
