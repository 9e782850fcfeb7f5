// docs/cli.md against the built CLI, so the reference cannot drift: its commands table lists exactly the commands
// `sweep --help` lists, and every option a row's synopsis names is an option of that command (`sweep NAME --help`).
// It checks names, not descriptions: the wording of the help texts is free to change.
using System.Text.RegularExpressions;

namespace SweepCluster.Cli.Tests;

public sealed partial class CliReferenceTests
{
    [Fact]
    public void CommandsTable_ListsExactlyTheCommandsOfSweepHelp()
    {
        var documented = DocumentedCommands().Select(c => c.Name).ToArray();
        var (exit, help) = CliRunner.Process("--help");
        Assert.Equal(0, exit);
        var actual = HelpCommands(help);
        Assert.NotEmpty(actual);
        var missing = actual.Except(documented).ToArray();
        var extra = documented.Except(actual).ToArray();
        Assert.True(missing.Length == 0 && extra.Length == 0,
            $"docs/cli.md's commands table: not documented: [{string.Join(", ", missing)}]; documented but not a command: [{string.Join(", ", extra)}]");
    }

    [Fact]
    public void EveryOptionInTheCommandsTable_IsAnOptionOfItsCommand()
    {
        foreach (var (name, options) in DocumentedCommands())
        {
            var (exit, help) = CliRunner.Process(name, "--help");
            Assert.True(exit == 0, $"sweep {name} --help exited {exit}:\n{help}");
            var unknown = options.Where(option => !Regex.IsMatch(help, $@"(^|[\s,]){Regex.Escape(option)}([\s,<=]|$)", RegexOptions.Multiline)).ToArray();
            Assert.True(unknown.Length == 0, $"docs/cli.md documents {string.Join(", ", unknown)} for sweep {name}, which its --help does not list:\n{help}");
        }
    }

    /// <summary>The rows of the table under "## Commands": the command's name and the options its synopsis names.</summary>
    private static IReadOnlyList<(string Name, IReadOnlyList<string> Options)> DocumentedCommands()
    {
        var lines = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot(), "docs", "cli.md"));
        var start = Array.FindIndex(lines, line => line.Trim() == "## Commands");
        Assert.True(start >= 0, "docs/cli.md has no '## Commands' section");
        var rows = new List<(string, IReadOnlyList<string>)>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var match = CommandRow().Match(lines[i]);
            if (!match.Success) continue;
            var synopsis = match.Groups["synopsis"].Value;
            var options = OptionName().Matches(synopsis).Select(m => m.Value).Distinct().ToArray();
            rows.Add((match.Groups["name"].Value, options));
        }
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>The command names listed under "Commands:" in `sweep --help`.</summary>
    private static IReadOnlyList<string> HelpCommands(string help)
    {
        var lines = help.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, line => line.TrimEnd() == "Commands:");
        var names = new List<string>();
        for (var i = start + 1; start >= 0 && i < lines.Length && lines[i].StartsWith("  ", StringComparison.Ordinal); i++)
        {
            var name = lines[i].TrimStart().Split(' ', 2)[0];
            if (name.Length > 0 && char.IsLetter(name[0])) names.Add(name);
        }
        return names;
    }

    [GeneratedRegex(@"^\|\s*`sweep (?<name>[a-z]+)(?<synopsis>[^`]*)`\s*\|")]
    private static partial Regex CommandRow();

    [GeneratedRegex(@"--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
