// The order of epochs in one attempt: up by one from resume_from_epoch + 1 to the planned epochs.
namespace SweepCluster.External.Tests;

public sealed class ReportSequenceTests
{
    // resume_from_epoch, planned epochs, the epochs reported in order, the 0-based index of the first refused report
    // (-1: all accepted), whether the sequence is complete at the end, a fragment of the refusal's reason
    [Theory]
    [InlineData(0, 3, new[] { 1, 2, 3 }, -1, true, "")]
    [InlineData(0, 3, new[] { 1, 2 }, -1, false, "")]
    [InlineData(2, 5, new[] { 3, 4, 5 }, -1, true, "")]
    [InlineData(0, 3, new[] { 2 }, 0, false, "epoch 2 is out of order: epochs go up by one and the last was none")]
    [InlineData(0, 3, new[] { 0 }, 0, false, "out of order")]
    [InlineData(2, 5, new[] { 2 }, 0, false, "the last was 2 (resume_from_epoch)")]
    [InlineData(2, 5, new[] { 1 }, 0, false, "out of order")]
    [InlineData(2, 5, new[] { 3, 3 }, 1, false, "epoch 3 is out of order: epochs go up by one and the last was 3")]
    [InlineData(0, 3, new[] { 1, 3 }, 1, false, "the last was 1")]
    [InlineData(0, 3, new[] { 1, 2, 1 }, 2, false, "out of order")]
    [InlineData(0, 3, new[] { 1, 2, 3, 4 }, 3, true, "epoch 4 is beyond the 3 planned epochs")]
    [InlineData(0, 1, new[] { 1, 1 }, 1, true, "epoch 1 is out of order: epochs go up by one and the last was 1")]
    public void Epochs_go_up_by_one_from_the_resume_epoch(
        int resumeFromEpoch, int plannedEpochs, int[] epochs, int firstRefused, bool complete, string reason)
    {
        var sequence = new ReportSequence(resumeFromEpoch, plannedEpochs);
        for (var i = 0; i < epochs.Length; i++)
        {
            var report = new EpochReport(epochs[i], new Dictionary<string, double?>());
            var result = sequence.Accept(report);
            if (i == firstRefused)
            {
                var malformed = Assert.IsType<MalformedLine>(result);
                Assert.Contains(reason, malformed.Reason, StringComparison.Ordinal);
                break;
            }
            Assert.Same(report, result);
        }
        var accepted = firstRefused < 0 ? epochs.Length : firstRefused;
        Assert.Equal(accepted, sequence.Reported);
        Assert.Equal(accepted == 0 ? resumeFromEpoch : epochs[accepted - 1], sequence.LastEpoch);
        Assert.Equal(complete, sequence.IsComplete);
    }

    [Fact]
    public void A_refused_epoch_leaves_the_sequence_as_it_was_and_says_what_comes_next()
    {
        var sequence = new ReportSequence(0, 3);
        sequence.Accept(new EpochReport(1, new Dictionary<string, double?>()));
        var malformed = Assert.IsType<MalformedLine>(sequence.Accept(new EpochReport(3, new Dictionary<string, double?>())));
        Assert.Contains("the next report is epoch 2", malformed.Expected, StringComparison.Ordinal);
        Assert.Equal(1, sequence.LastEpoch);
        Assert.IsType<EpochReport>(sequence.Accept(new EpochReport(2, new Dictionary<string, double?>())));
    }

    [Fact]
    public void Other_lines_pass_through_and_applied_lines_belong_to_the_epoch_being_run()
    {
        var sequence = new ReportSequence(4, 6);
        ReportLine[] lines = [new LogLine("hello"), new AppliedReport(0.1, null, 32), new MalformedLine("bad", "good")];
        foreach (var line in lines) Assert.Same(line, sequence.Accept(line));
        Assert.Equal(5, sequence.EpochInProgress);
        Assert.Equal(0, sequence.Reported);
        sequence.Accept(new EpochReport(5, new Dictionary<string, double?>()));
        Assert.Equal(6, sequence.EpochInProgress);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 3)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    public void Impossible_plans_are_refused(int resumeFromEpoch, int plannedEpochs) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportSequence(resumeFromEpoch, plannedEpochs));
}
