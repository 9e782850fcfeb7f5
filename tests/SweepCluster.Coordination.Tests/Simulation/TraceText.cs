// How the simulation's trace and failure reports put things: one short line per message, event, command or trial
// view (a start's spec is left out), and the whole world's state in one line. Only used when a trace is on.
using System.Text;

namespace SweepCluster.Coordination.Tests.Simulation;

internal static class TraceText
{
    public static string Of(object item) => item switch
    {
        StartCall c => $"StartCall({Of(c.Start)}, coordinator {c.Incarnation})",
        StartAnswer a => $"StartAnswer({Of(a.Start)}: {(a.View is { } v ? Of(v) : "failed")}, coordinator {a.Incarnation})",
        SnapshotAnswer a => $"SnapshotAnswer(trial {a.Trial}: {(a.View is { } v ? Of(v) : "failed")})",
        QuestionMessage q => $"Question(trial {q.Progress.TrialIndex} attempt {q.Progress.Attempt} epochs {Epochs(q.Progress)} from {q.Progress.Silo}, call {q.Call.Call})",
        ProgressMessage p => $"Progress(trial {p.Progress.TrialIndex} attempt {p.Progress.Attempt} epochs {Epochs(p.Progress)})",
        EndMessage e => Of(e.End),
        DirectiveAnswer d => $"Answer(trial {d.Call.Trial} call {d.Call.Call}: {d.Directive.Decision})",
        TrialView v => $"{v.Status} attempt {v.Attempt} epochs {v.Epochs}{(v.IsTraining ? " training" : "")} at {v.Silo}",
        TrialEnd e => $"End(trial {e.TrialIndex} attempt {e.Attempt} {e.Status} after {e.Last?.Epoch ?? 0})",
        StartTrial s => $"StartTrial(trial {s.TrialIndex}, attempt {s.Attempt}, {s.Silo}{(s.Donor is { } d ? $", donor {d}@{s.DonorEpoch}" : "")})",
        ReconcileTrials r => $"ReconcileTrials({string.Join(",", r.TrialIndices)})",
        TrialsReconciled r => string.Join("; ", r.Trials.Select(t => $"{t.TrialIndex}: {(t.Trial is { } v ? Of(v) : "no answer")}")),
        MembershipObserved m => string.Join(", ", m.Silos.Select(s => s.Key)),
        TrialStartFailed f => $"trial {f.Start.TrialIndex} attempt {f.Start.Attempt} did not start",
        TrialStartAnswered a => $"trial {a.Start.TrialIndex} attempt {a.Start.Attempt}: {Of(a.Trial)}",
        AttemptEnded e => Of(e.End),
        EpochsReported e => $"trial {e.Progress.TrialIndex} attempt {e.Progress.Attempt} epochs {Epochs(e.Progress)}",
        DecisionAsked d => $"trial {d.Progress.TrialIndex} attempt {d.Progress.Attempt} asks at {d.Progress.Records.LastOrDefault()?.Epoch}",
        SweepEvent e => e.GetType().Name,
        _ => item.ToString() ?? "",
    };

    /// <summary>Each trial as the machine and as its grain see it, the silos, the messages in flight.</summary>
    public static string Of(World world)
    {
        var text = new StringBuilder($"sweep {world.Host.Machine.Status}, coordinator restarts {world.Host.Restarts}; ");
        foreach (var t in world.Host.Machine.Trials)
        {
            var grain = world.Trials[t.Index];
            text.Append($"[{t.Index}: {t.Status} a{t.Attempt} e{t.EpochsDone} on {t.AssignedSilo ?? "-"} | grain {grain.Stored.Status} ")
                .Append($"a{grain.Stored.Assignment?.Attempt} e{grain.Stored.History.Count}");
            if (grain.Active is { } a) text.Append($" active on {a.Silo.Key}, runs {string.Join("/", a.Runs.Select(r => r.Phase))}");
            text.Append("] ");
        }
        text.Append($"silos {string.Join(", ", world.Silos.Select(s => $"{s.Key}{(s.Live ? "" : " dead")} busy {s.Busy}"))}; in flight {world.Network.Count}");
        return text.ToString();
    }

    private static string Epochs(TrialProgress progress) => string.Join(",", progress.Records.Select(r => r.Epoch));
}
