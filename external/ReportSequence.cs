// The order of one attempt's reports: epochs go up by one from resume_from_epoch + 1 to the planned epochs, and an
// applied line belongs to the epoch being run. A deterministic state machine fed one classified line at a time; the
// process runner does the I/O around it.
namespace SweepCluster.External;

/// <summary>Checks the epochs of one attempt as their lines arrive. Not thread-safe: one reader feeds it.</summary>
public sealed class ReportSequence
{
    private readonly int resumedAfter;
    private readonly int plannedEpochs;

    /// <param name="resumeFromEpoch">Epochs already done: the first report expected is this + 1.</param>
    /// <param name="plannedEpochs">The last epoch expected.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="plannedEpochs"/> below 1, or
    /// <paramref name="resumeFromEpoch"/> negative or not below <paramref name="plannedEpochs"/>.</exception>
    public ReportSequence(int resumeFromEpoch, int plannedEpochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(plannedEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(resumeFromEpoch);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(resumeFromEpoch, plannedEpochs);
        resumedAfter = resumeFromEpoch;
        this.plannedEpochs = plannedEpochs;
        LastEpoch = resumeFromEpoch;
    }

    /// <summary>The last epoch done: <c>resume_from_epoch</c> until a report arrives.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>Epoch reports accepted in this attempt.</summary>
    public int Reported { get; private set; }

    /// <summary>True once the planned last epoch is reported.</summary>
    public bool IsComplete => LastEpoch == plannedEpochs;

    /// <summary>The epoch an applied line arriving now describes: the one being run.</summary>
    public int EpochInProgress => LastEpoch + 1;

    /// <summary>Takes the next classified line.</summary>
    /// <returns><paramref name="line"/> itself, or a <see cref="MalformedLine"/> for an epoch out of order or beyond the
    /// planned epochs (then the sequence is unchanged).</returns>
    public ReportLine Accept(ReportLine line)
    {
        if (line is not EpochReport report) return line;
        if (report.Epoch != LastEpoch + 1)
            return new MalformedLine(
                $"epoch {report.Epoch} is out of order: epochs go up by one and the last was {LastEpochText()}", ExpectedNext());
        if (report.Epoch > plannedEpochs)
            return new MalformedLine(
                $"epoch {report.Epoch} is beyond the {plannedEpochs} planned epochs", ExpectedNext());
        LastEpoch = report.Epoch;
        Reported++;
        return report;
    }

    private string LastEpochText() =>
        Reported == 0
            ? resumedAfter == 0 ? "none (a fresh start reports epoch 1 first)" : $"{resumedAfter} (resume_from_epoch)"
            : LastEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string ExpectedNext() =>
        IsComplete
            ? $"no further epoch: all {plannedEpochs} planned epochs are reported"
            : $"the next report is epoch {LastEpoch + 1}, such as {{\"epoch\": {LastEpoch + 1}, \"val_accuracy\": 0.91}}";
}
