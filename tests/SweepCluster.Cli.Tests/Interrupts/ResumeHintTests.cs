using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli.Tests.Interrupts;

public sealed class ResumeHintTests
{
    private static readonly DirectoryInfo DefaultOutput = new(ResumeHint.DefaultOutput);

    [Fact]
    public void An_explicit_sqlite_store_is_named_by_its_full_path() =>
        Assert.Equal($"go on with: sweep resume s1 --store {Path.GetFullPath("my.db")}", ResumeHint.For("s1", new StoreChoice("my.db"), DefaultOutput));

    [Fact]
    public void The_default_store_needs_no_flag_in_the_same_folder()
    {
        var hint = ResumeHint.For("s1", new StoreChoice(Path.Combine("sweeps", "sweepcluster.db"), Explicit: false), DefaultOutput);

        Assert.StartsWith("go on with: sweep resume s1 (in this folder", hint);
    }

    [Fact]
    public void Postgres_keeps_its_connection_file() =>
        Assert.Equal($"go on with: sweep resume s1 --store postgres --store-connection-file {Path.GetFullPath("conn")}",
            ResumeHint.For("s1", new StoreChoice("postgres", "conn"), DefaultOutput));

    [Fact]
    public void Another_report_folder_is_passed_on() =>
        Assert.EndsWith($" -o {Path.GetFullPath("elsewhere")}", ResumeHint.For("s1", new StoreChoice("my.db"), new DirectoryInfo("elsewhere")));

    [Fact]
    public void A_memory_store_cannot_be_resumed() =>
        Assert.StartsWith("the memory store keeps nothing: sweep s1 cannot be resumed", ResumeHint.For("s1", StoreChoice.Memory, DefaultOutput));
}
