// What travels between the simulated trial grains and the coordinator host. Trials send progress, questions and end
// reports; the host sends calls (start, snapshot, prune, cancel) and gets their answers back. A lost call or answer
// reaches its caller as a failed answer (a timeout), never as silence, as an RPC would.
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Simulation;

internal abstract record Message;

/// <summary>Addresses one question of one run: answers to an older question, run or activation are dropped.</summary>
internal sealed record CallRef(int Trial, int Activation, int Generation, int Call);

// trial → coordinator (Sender: the activation that sent it; its calls arrive in order, as it awaits each one)
internal sealed record ProgressMessage(TrialProgress Progress, int Sender) : Message;

internal sealed record QuestionMessage(TrialProgress Progress, CallRef Call) : Message;

internal sealed record EndMessage(TrialEnd End, int Sender) : Message;

// coordinator → trial, and the answers (Incarnation: the coordinator activation waiting for it)
internal sealed record StartCall(StartTrial Start, int Incarnation) : Message;

internal sealed record StartAnswer(StartTrial Start, TrialView? View, int Incarnation) : Message;

internal sealed record SnapshotCall(int Trial, int Reconcile, int Incarnation) : Message;

internal sealed record SnapshotAnswer(int Trial, TrialView? View, int Reconcile, int Incarnation) : Message;

internal sealed record PruneCall(int Trial, string? Reason) : Message;

internal sealed record CancelCall(int Trial) : Message;

internal sealed record DirectiveAnswer(CallRef Call, Directive Directive) : Message;

internal static class MessageExtensions
{
    /// <summary>The answer a caller sees when this call or its answer is lost; null for one-way messages.</summary>
    public static Message? AsFailure(this Message message) => message switch
    {
        StartCall call => new StartAnswer(call.Start, null, call.Incarnation),
        StartAnswer answer => answer with { View = null },
        SnapshotCall call => new SnapshotAnswer(call.Trial, null, call.Reconcile, call.Incarnation),
        SnapshotAnswer answer => answer with { View = null },
        _ => null,
    };

    /// <summary>Messages a faulty network may deliver twice (a retried one-way send).</summary>
    public static bool CanDuplicate(this Message message) => message is ProgressMessage or EndMessage or QuestionMessage;

    /// <summary>The coordinator's calls and their answers: a grain host awaits them within its turn.</summary>
    public static bool IsCallOrAnswer(this Message message) =>
        message is StartCall or StartAnswer or SnapshotCall or SnapshotAnswer or PruneCall or CancelCall;

    /// <summary>The trial activation whose calls to the coordinator this is one of; -1 for anything else.</summary>
    public static int SenderOf(this Message message) => message switch
    {
        ProgressMessage m => m.Sender,
        QuestionMessage m => m.Call.Activation,
        EndMessage m => m.Sender,
        _ => -1,
    };
}
