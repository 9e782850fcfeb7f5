// Refused command lines as one line, parsed in this process (no invocation): did-you-mean for commands and flags,
// System.CommandLine's own messages folded onto one line.
using SweepCluster.Cli.Usage;

namespace SweepCluster.Cli.Tests.Usage;

public sealed class UsageErrorTests
{
    private static string? Describe(params string[] args) => UsageError.Describe(Program.CreateRoot().Parse(args));

    [Fact]
    public void A_valid_command_line_has_no_error() => Assert.Null(Describe("run", "spec.yaml", "--slots", "2"));

    [Fact]
    public void Help_is_no_error() => Assert.Null(Describe("run", "--help"));

    [Fact]
    public void A_mistyped_command_gets_the_closest_one() =>
        Assert.Equal("`sweep` has no command 'rn': did you mean `run`? (see `sweep --help`)", Describe("rn", "spec.yaml"));

    [Fact]
    public void A_misspelt_flag_gets_the_closest_one_of_its_command() =>
        Assert.Equal("`sweep run` has no flag --slotz: did you mean `--slots`? (see `sweep run --help`)", Describe("run", "spec.yaml", "--slotz", "2"));

    [Fact]
    public void A_flag_nothing_is_close_to_gets_no_guess() =>
        Assert.Equal("`sweep run` has no flag --zzzzzzzz (see `sweep run --help`)", Describe("run", "spec.yaml", "--zzzzzzzz"));

    [Fact]
    public void A_value_out_of_a_list_is_one_line_naming_the_flag()
    {
        var error = Describe("report", "s1", "--format", "pdf")!;

        Assert.StartsWith("--format: ", error);
        Assert.Contains("'md'", error);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_said_in_words() =>
        Assert.Equal("--slots: 'abc' is not a whole number", Describe("run", "spec.yaml", "--slots", "abc"));

    [Fact]
    public void No_command_lists_the_commands() => Assert.StartsWith("`sweep` needs a command: run, submit,", Describe());

    [Fact]
    public void A_missing_argument_is_named() => Assert.Equal("`sweep run` needs SPEC (see `sweep run --help`)", Describe("run"));
}
