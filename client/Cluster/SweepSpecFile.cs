// Reads a sweep spec file for submission: validates it locally first (so errors come back at once, with exit code 2,
// without touching the cluster) and packs the text with what the coordinator needs to read it the same way.
using SweepCluster.Engine.Specs;
using SweepCluster.Grains;
using SweepCluster.Sweeps.SweepSpecs;

namespace SweepCluster.Cli.Cluster;

public static class SweepSpecFile
{
    /// <exception cref="SpecException">The spec is invalid; every error is listed.</exception>
    public static (SweepSubmission Submission, SweepSpec Spec) Read(string path, bool allowLarge)
    {
        var full = Path.GetFullPath(path);
        var spec = SweepSpecLoader.Load(full, allowLarge);
        var submission = new SweepSubmission(File.ReadAllText(full), full, Path.GetDirectoryName(full),
            IsJson: SpecDocument.FormatOf(full) == SpecFormat.Json, allowLarge);
        return (submission, spec);
    }
}
