// Before a sweep of the user's own trainer runs on this machine (`sweep run`, `sweep validate`): its working folder
// exists and its program can be started, so that a typo is one clear error with its line (exit 2) instead of every
// trial failing in turn. A cluster elsewhere is not checked: its hosts may lay things out differently.
using SweepCluster.Engine.Specs;
using SweepCluster.External;
using SweepCluster.Grains.Trials.External;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Cli.Cluster;

internal static class TrainerSpecCheck
{
    /// <summary>One error per distinct trainer that cannot start here; none for a sweep of the engine.</summary>
    public static IReadOnlyList<SpecError> Check(SweepSpec sweep, ISearcher searcher)
    {
        var errors = new List<SpecError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < searcher.TotalTrials; index++)
        {
            if (searcher.Suggest(index).Spec.Trainer is not { } trainer) return errors; // a sweep's trials all name one, or none do
            var command = new ExternalTrainerCommand
            {
                Argv = trainer.Command,
                WorkingDirectory = ExternalTrialExecutor.WorkingDirectory(trainer.Workdir, sweep.BaseDirectory),
                Environment = trainer.Env,
            };
            if (!seen.Add(string.Join('\0', [command.WorkingDirectory, .. trainer.Command]))) continue;
            if (TrainerCheck.Problem(command) is not { } problem) continue;
            var field = TrainerCheck.IsAboutWorkdir(command)
                ? SpecPath.Key(TrialSpecBinder.Trainer, ExternalTrainerBinder.Workdir)
                : SpecPath.Key(TrialSpecBinder.Trainer, ExternalTrainerBinder.Command);
            errors.Add(new SpecError(sweep.Source, field, sweep.LineOf(field) ?? sweep.LineOf(TrialSpecBinder.Trainer),
                $"the trainer cannot start on this machine: {problem}"));
        }
        return errors;
    }
}
