// Reads a sweep spec file for submission: validates it locally first (so errors come back at once, with exit code 2,
// without touching the cluster) and packs the text with what the coordinator needs to read it the same way.
using SweepCluster.Abstractions;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Cli.Cluster;

public static class SweepSpecFile
{
    /// <summary>Reads and validates a sweep spec.</summary>
    /// <param name="checkData">Also load its datasets here and check every trial against them (a local run, or
    /// `validate`); a remote cluster checks on its own silos, where the data lives.</param>
    /// <param name="trialMemory">With <paramref name="checkData"/>: the most one trial may take (its largest trial is
    /// refused over it); null: a silo's default on this machine (its memory divided by one slot per processor).</param>
    /// <exception cref="SpecException">The spec is invalid; every error is listed.</exception>
    public static (SweepSubmission Submission, SweepSpec Spec) Read(string path, bool allowLarge, bool checkData, TrialMemoryBudget? trialMemory = null)
    {
        var full = Path.GetFullPath(path);
        var spec = SweepSpecLoader.Load(full, allowLarge);
        var budget = trialMemory ?? new Hosting.SweepSiloOptions().EffectiveTrialMemory;
        if (checkData && SweepPreflight.Check(spec, SearcherFactory.Create(spec), budget) is { Count: > 0 } errors) throw new SpecException(errors);
        var submission = new SweepSubmission(File.ReadAllText(full), full, Path.GetDirectoryName(full),
            IsJson: SpecDocument.FormatOf(full) == SpecFormat.Json, allowLarge);
        return (submission, spec);
    }
}
